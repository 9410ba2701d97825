#include "tosdiff/fetch/charset.hpp"

#include <iconv.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <optional>
#include <utility>
#include <vector>
#include "tosdiff/util/strings.hpp"
#include "tosdiff/util/utf8.hpp"

namespace tosdiff {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD in UTF-8
constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr std::size_t kPrescanLimit = 1024;  // WHATWG: the meta prescan looks this far only

// ---------------------------------------------------------------------------------------------
// Small byte helpers. Everything here is ASCII-only on purpose: labels and markup are ASCII, and
// locale-dependent <cctype> functions would be both slower and wrong for bytes >= 0x80.

constexpr char ascii_lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c;
}
constexpr bool is_ascii_alpha(char c) { return ascii_lower(c) >= 'a' && ascii_lower(c) <= 'z'; }

// The HTML/Encoding "ASCII whitespace" set used by the prescan and label trimming.
constexpr bool is_ascii_space(char c) {
  return c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' ';
}

// HTTP whitespace, used by the Content-Type parameter parser.
constexpr bool is_http_space(char c) { return c == '\t' || c == '\n' || c == '\r' || c == ' '; }

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  }
  return true;
}

bool istarts_with_at(std::string_view s, std::size_t pos, std::string_view prefix) {
  return pos <= s.size() && s.size() - pos >= prefix.size() &&
         iequals(s.substr(pos, prefix.size()), prefix);
}

std::string_view trim(std::string_view s, bool (*is_space)(char)) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

const unsigned char* as_bytes(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

std::string decode_utf8(std::string_view bytes) { return repair_utf8(bytes); }

// ---------------------------------------------------------------------------------------------
// windows-1252, by hand: glibc's CP1252 rejects 0x81, 0x8D, 0x8F, 0x90, 0x9D, which WHATWG maps
// to the C1 controls, and this is the fallback for every undeclared non-UTF-8 page.

constexpr std::array<char16_t, 32> kWindows1252C1 = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // 80-87
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,  // 88-8F
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 90-97
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,  // 98-9F
};

std::string decode_windows1252(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 4);
  const unsigned char* p = as_bytes(bytes);
  const std::size_t n = bytes.size();
  std::size_t i = 0;
  while (i < n) {
    // Copy ASCII runs in bulk; only the high half needs the table.
    std::size_t run = i;
    while (run < n && p[run] < 0x80) ++run;
    out.append(bytes.substr(i, run - i));
    if (run == n) break;
    const unsigned char b = p[run];
    append_utf8(out, b < 0xA0 ? kWindows1252C1[b - 0x80] : b);  // A0-FF: Latin-1
    i = run + 1;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The supported encodings. Canonical names are the WHATWG names, lowercased.

enum class Decoder { kUtf8, kWindows1252, kIconv };

struct Encoding {
  std::string_view name;
  Decoder decoder;
  const char* iconv_name;  // glibc name, without "//" suffixes so errors are reported to us
  unsigned char unit;      // bytes to skip after an invalid sequence (2 keeps UTF-16 aligned)
  bool c1_controls;        // windows-*: a byte 80-9F the codec rejects is the C1 control itself
  bool flush_on_error;     // emit a codec's buffered character before our U+FFFD (see below)
};

// Iconv name choices follow the WHATWG decoders more closely than the obvious names do:
// shift_jis is Microsoft's CP932 (glibc SHIFT_JIS maps 0x5C to the yen sign), euc-kr is CP949
// (the superset browsers decode), big5 is Big5-HKSCS. iso-2022-jp must not be flushed on error:
// a flush resets its shift state, and browsers stay in the current mode after an error.
constexpr std::array kEncodings = {
    Encoding{"utf-8", Decoder::kUtf8, nullptr, 1, false, false},
    Encoding{"windows-1252", Decoder::kWindows1252, nullptr, 1, false, false},
    Encoding{"ibm866", Decoder::kIconv, "IBM866", 1, false, true},
    Encoding{"iso-8859-2", Decoder::kIconv, "ISO-8859-2", 1, false, true},
    Encoding{"iso-8859-3", Decoder::kIconv, "ISO-8859-3", 1, false, true},
    Encoding{"iso-8859-4", Decoder::kIconv, "ISO-8859-4", 1, false, true},
    Encoding{"iso-8859-5", Decoder::kIconv, "ISO-8859-5", 1, false, true},
    Encoding{"iso-8859-6", Decoder::kIconv, "ISO-8859-6", 1, false, true},
    Encoding{"iso-8859-7", Decoder::kIconv, "ISO-8859-7", 1, false, true},
    Encoding{"iso-8859-8", Decoder::kIconv, "ISO-8859-8", 1, false, true},
    Encoding{"iso-8859-8-i", Decoder::kIconv, "ISO-8859-8", 1, false, true},
    Encoding{"iso-8859-10", Decoder::kIconv, "ISO-8859-10", 1, false, true},
    Encoding{"iso-8859-13", Decoder::kIconv, "ISO-8859-13", 1, false, true},
    Encoding{"iso-8859-14", Decoder::kIconv, "ISO-8859-14", 1, false, true},
    Encoding{"iso-8859-15", Decoder::kIconv, "ISO-8859-15", 1, false, true},
    Encoding{"iso-8859-16", Decoder::kIconv, "ISO-8859-16", 1, false, true},
    Encoding{"koi8-r", Decoder::kIconv, "KOI8-R", 1, false, true},
    Encoding{"koi8-u", Decoder::kIconv, "KOI8-U", 1, false, true},
    Encoding{"macintosh", Decoder::kIconv, "MACINTOSH", 1, false, true},
    Encoding{"x-mac-cyrillic", Decoder::kIconv, "MAC-CYRILLIC", 1, false, true},
    Encoding{"windows-874", Decoder::kIconv, "WINDOWS-874", 1, true, true},
    Encoding{"windows-1250", Decoder::kIconv, "CP1250", 1, true, true},
    Encoding{"windows-1251", Decoder::kIconv, "CP1251", 1, true, true},
    Encoding{"windows-1253", Decoder::kIconv, "CP1253", 1, true, true},
    Encoding{"windows-1254", Decoder::kIconv, "CP1254", 1, true, true},
    Encoding{"windows-1255", Decoder::kIconv, "CP1255", 1, true, true},
    Encoding{"windows-1256", Decoder::kIconv, "CP1256", 1, true, true},
    Encoding{"windows-1257", Decoder::kIconv, "CP1257", 1, true, true},
    Encoding{"windows-1258", Decoder::kIconv, "CP1258", 1, true, true},
    Encoding{"gb18030", Decoder::kIconv, "GB18030", 1, false, true},
    Encoding{"big5", Decoder::kIconv, "BIG5-HKSCS", 1, false, true},
    Encoding{"euc-jp", Decoder::kIconv, "EUC-JP", 1, false, true},
    Encoding{"iso-2022-jp", Decoder::kIconv, "ISO-2022-JP", 1, false, false},
    Encoding{"shift_jis", Decoder::kIconv, "CP932", 1, false, true},
    Encoding{"euc-kr", Decoder::kIconv, "CP949", 1, false, true},
    Encoding{"utf-16le", Decoder::kIconv, "UTF-16LE", 2, false, true},
    Encoding{"utf-16be", Decoder::kIconv, "UTF-16BE", 2, false, true},
};

const Encoding* find_encoding(std::string_view name) {
  for (const Encoding& e : kEncodings) {
    if (e.name == name) return &e;
  }
  return nullptr;
}

// WHATWG labels (https://encoding.spec.whatwg.org/#names-and-labels), all lowercase.
struct Label {
  std::string_view label;
  std::string_view name;
};

constexpr Label kLabels[] = {
    {"unicode-1-1-utf-8", "utf-8"}, {"unicode11utf8", "utf-8"}, {"unicode20utf8", "utf-8"},
    {"utf-8", "utf-8"}, {"utf8", "utf-8"}, {"x-unicode20utf8", "utf-8"},
    {"866", "ibm866"}, {"cp866", "ibm866"}, {"csibm866", "ibm866"}, {"ibm866", "ibm866"},
    {"csisolatin2", "iso-8859-2"}, {"iso-8859-2", "iso-8859-2"}, {"iso-ir-101", "iso-8859-2"},
    {"iso8859-2", "iso-8859-2"}, {"iso88592", "iso-8859-2"}, {"iso_8859-2", "iso-8859-2"},
    {"iso_8859-2:1987", "iso-8859-2"}, {"l2", "iso-8859-2"}, {"latin2", "iso-8859-2"},
    {"csisolatin3", "iso-8859-3"}, {"iso-8859-3", "iso-8859-3"}, {"iso-ir-109", "iso-8859-3"},
    {"iso8859-3", "iso-8859-3"}, {"iso88593", "iso-8859-3"}, {"iso_8859-3", "iso-8859-3"},
    {"iso_8859-3:1988", "iso-8859-3"}, {"l3", "iso-8859-3"}, {"latin3", "iso-8859-3"},
    {"csisolatin4", "iso-8859-4"}, {"iso-8859-4", "iso-8859-4"}, {"iso-ir-110", "iso-8859-4"},
    {"iso8859-4", "iso-8859-4"}, {"iso88594", "iso-8859-4"}, {"iso_8859-4", "iso-8859-4"},
    {"iso_8859-4:1988", "iso-8859-4"}, {"l4", "iso-8859-4"}, {"latin4", "iso-8859-4"},
    {"csisolatincyrillic", "iso-8859-5"}, {"cyrillic", "iso-8859-5"}, {"iso-8859-5", "iso-8859-5"},
    {"iso-ir-144", "iso-8859-5"}, {"iso8859-5", "iso-8859-5"}, {"iso88595", "iso-8859-5"},
    {"iso_8859-5", "iso-8859-5"}, {"iso_8859-5:1988", "iso-8859-5"},
    {"arabic", "iso-8859-6"}, {"asmo-708", "iso-8859-6"}, {"csiso88596e", "iso-8859-6"},
    {"csiso88596i", "iso-8859-6"}, {"csisolatinarabic", "iso-8859-6"}, {"ecma-114", "iso-8859-6"},
    {"iso-8859-6", "iso-8859-6"}, {"iso-8859-6-e", "iso-8859-6"}, {"iso-8859-6-i", "iso-8859-6"},
    {"iso-ir-127", "iso-8859-6"}, {"iso8859-6", "iso-8859-6"}, {"iso88596", "iso-8859-6"},
    {"iso_8859-6", "iso-8859-6"}, {"iso_8859-6:1987", "iso-8859-6"},
    {"csisolatingreek", "iso-8859-7"}, {"ecma-118", "iso-8859-7"}, {"elot_928", "iso-8859-7"},
    {"greek", "iso-8859-7"}, {"greek8", "iso-8859-7"}, {"iso-8859-7", "iso-8859-7"},
    {"iso-ir-126", "iso-8859-7"}, {"iso8859-7", "iso-8859-7"}, {"iso88597", "iso-8859-7"},
    {"iso_8859-7", "iso-8859-7"}, {"iso_8859-7:1987", "iso-8859-7"}, {"sun_eu_greek", "iso-8859-7"},
    {"csiso88598e", "iso-8859-8"}, {"csisolatinhebrew", "iso-8859-8"}, {"hebrew", "iso-8859-8"},
    {"iso-8859-8", "iso-8859-8"}, {"iso-8859-8-e", "iso-8859-8"}, {"iso-ir-138", "iso-8859-8"},
    {"iso8859-8", "iso-8859-8"}, {"iso88598", "iso-8859-8"}, {"iso_8859-8", "iso-8859-8"},
    {"iso_8859-8:1988", "iso-8859-8"}, {"visual", "iso-8859-8"},
    {"csiso88598i", "iso-8859-8-i"}, {"iso-8859-8-i", "iso-8859-8-i"}, {"logical", "iso-8859-8-i"},
    {"csisolatin6", "iso-8859-10"}, {"iso-8859-10", "iso-8859-10"}, {"iso-ir-157", "iso-8859-10"},
    {"iso8859-10", "iso-8859-10"}, {"iso885910", "iso-8859-10"}, {"l6", "iso-8859-10"},
    {"latin6", "iso-8859-10"},
    {"iso-8859-13", "iso-8859-13"}, {"iso8859-13", "iso-8859-13"}, {"iso885913", "iso-8859-13"},
    {"iso-8859-14", "iso-8859-14"}, {"iso8859-14", "iso-8859-14"}, {"iso885914", "iso-8859-14"},
    {"csisolatin9", "iso-8859-15"}, {"iso-8859-15", "iso-8859-15"}, {"iso8859-15", "iso-8859-15"},
    {"iso885915", "iso-8859-15"}, {"iso_8859-15", "iso-8859-15"}, {"l9", "iso-8859-15"},
    {"iso-8859-16", "iso-8859-16"},
    {"cskoi8r", "koi8-r"}, {"koi", "koi8-r"}, {"koi8", "koi8-r"}, {"koi8-r", "koi8-r"},
    {"koi8_r", "koi8-r"},
    {"koi8-ru", "koi8-u"}, {"koi8-u", "koi8-u"},
    {"csmacintosh", "macintosh"}, {"mac", "macintosh"}, {"macintosh", "macintosh"},
    {"x-mac-roman", "macintosh"},
    {"dos-874", "windows-874"}, {"iso-8859-11", "windows-874"}, {"iso8859-11", "windows-874"},
    {"iso885911", "windows-874"}, {"tis-620", "windows-874"}, {"windows-874", "windows-874"},
    {"cp1250", "windows-1250"}, {"windows-1250", "windows-1250"}, {"x-cp1250", "windows-1250"},
    {"cp1251", "windows-1251"}, {"windows-1251", "windows-1251"}, {"x-cp1251", "windows-1251"},
    {"ansi_x3.4-1968", "windows-1252"}, {"ascii", "windows-1252"}, {"cp1252", "windows-1252"},
    {"cp819", "windows-1252"}, {"csisolatin1", "windows-1252"}, {"ibm819", "windows-1252"},
    {"iso-8859-1", "windows-1252"}, {"iso-ir-100", "windows-1252"}, {"iso8859-1", "windows-1252"},
    {"iso88591", "windows-1252"}, {"iso_8859-1", "windows-1252"},
    {"iso_8859-1:1987", "windows-1252"}, {"l1", "windows-1252"}, {"latin1", "windows-1252"},
    {"us-ascii", "windows-1252"}, {"windows-1252", "windows-1252"}, {"x-cp1252", "windows-1252"},
    {"cp1253", "windows-1253"}, {"windows-1253", "windows-1253"}, {"x-cp1253", "windows-1253"},
    {"cp1254", "windows-1254"}, {"csisolatin5", "windows-1254"}, {"iso-8859-9", "windows-1254"},
    {"iso-ir-148", "windows-1254"}, {"iso8859-9", "windows-1254"}, {"iso88599", "windows-1254"},
    {"iso_8859-9", "windows-1254"}, {"iso_8859-9:1989", "windows-1254"}, {"l5", "windows-1254"},
    {"latin5", "windows-1254"}, {"windows-1254", "windows-1254"}, {"x-cp1254", "windows-1254"},
    {"cp1255", "windows-1255"}, {"windows-1255", "windows-1255"}, {"x-cp1255", "windows-1255"},
    {"cp1256", "windows-1256"}, {"windows-1256", "windows-1256"}, {"x-cp1256", "windows-1256"},
    {"cp1257", "windows-1257"}, {"windows-1257", "windows-1257"}, {"x-cp1257", "windows-1257"},
    {"cp1258", "windows-1258"}, {"windows-1258", "windows-1258"}, {"x-cp1258", "windows-1258"},
    {"x-mac-cyrillic", "x-mac-cyrillic"}, {"x-mac-ukrainian", "x-mac-cyrillic"},
    // WHATWG's "gbk" encoding uses the gb18030 decoder, so one name is enough.
    {"chinese", "gb18030"}, {"csgb2312", "gb18030"}, {"csiso58gb231280", "gb18030"},
    {"gb2312", "gb18030"}, {"gb_2312", "gb18030"}, {"gb_2312-80", "gb18030"}, {"gbk", "gb18030"},
    {"iso-ir-58", "gb18030"}, {"x-gbk", "gb18030"}, {"gb18030", "gb18030"},
    {"big5", "big5"}, {"big5-hkscs", "big5"}, {"cn-big5", "big5"}, {"csbig5", "big5"},
    {"x-x-big5", "big5"},
    {"cseucpkdfmtjapanese", "euc-jp"}, {"euc-jp", "euc-jp"}, {"x-euc-jp", "euc-jp"},
    {"csiso2022jp", "iso-2022-jp"}, {"iso-2022-jp", "iso-2022-jp"},
    {"csshiftjis", "shift_jis"}, {"ms932", "shift_jis"}, {"ms_kanji", "shift_jis"},
    {"shift-jis", "shift_jis"}, {"shift_jis", "shift_jis"}, {"sjis", "shift_jis"},
    {"windows-31j", "shift_jis"}, {"x-sjis", "shift_jis"},
    {"cseuckr", "euc-kr"}, {"csksc56011987", "euc-kr"}, {"euc-kr", "euc-kr"},
    {"iso-ir-149", "euc-kr"}, {"korean", "euc-kr"}, {"ks_c_5601-1987", "euc-kr"},
    {"ks_c_5601-1989", "euc-kr"}, {"ksc5601", "euc-kr"}, {"ksc_5601", "euc-kr"},
    {"windows-949", "euc-kr"},
    {"unicodefffe", "utf-16be"}, {"utf-16be", "utf-16be"},
    {"csunicode", "utf-16le"}, {"iso-10646-ucs-2", "utf-16le"}, {"ucs-2", "utf-16le"},
    {"unicode", "utf-16le"}, {"unicodefeff", "utf-16le"}, {"utf-16", "utf-16le"},
    {"utf-16le", "utf-16le"},
};

// ---------------------------------------------------------------------------------------------
// iconv transcoding with browser-style error handling: every invalid sequence becomes U+FFFD
// and decoding resumes, instead of iconv's stop-at-first-error.

class IconvHandle {
 public:
  explicit IconvHandle(const char* from) : cd_(iconv_open("UTF-8", from)) {}
  ~IconvHandle() {
    if (ok()) iconv_close(cd_);
  }
  IconvHandle(const IconvHandle&) = delete;
  IconvHandle& operator=(const IconvHandle&) = delete;
  bool ok() const { return cd_ != reinterpret_cast<iconv_t>(-1); }
  iconv_t get() const { return cd_; }

 private:
  iconv_t cd_;
};

// Moves converted bytes from a fixed buffer to `out`; a small buffer keeps memory bounded for
// 10 MB pages instead of pre-allocating the worst case (4x).
class OutputChunk {
 public:
  explicit OutputChunk(std::string& out) : out_(out) { reset(); }
  char** ptr() { return &cursor_; }
  std::size_t* left() { return &left_; }
  void drain() {
    out_.append(buffer_.data(), static_cast<std::size_t>(cursor_ - buffer_.data()));
    reset();
  }

 private:
  void reset() {
    cursor_ = buffer_.data();
    left_ = buffer_.size();
  }
  std::string& out_;
  std::array<char, 16384> buffer_{};
  char* cursor_ = nullptr;
  std::size_t left_ = 0;
};

// Emits whatever the codec holds back (glibc's CP1255/CP1258 buffer a base letter to compose it
// with a following mark), so that a U+FFFD we append lands after it, in input order.
void flush_codec(iconv_t cd, OutputChunk& chunk) {
  while (iconv(cd, nullptr, nullptr, chunk.ptr(), chunk.left()) == static_cast<std::size_t>(-1) &&
         errno == E2BIG) {
    chunk.drain();
  }
  chunk.drain();
}

// Returns nullopt when glibc has no converter for the encoding (the caller then tries the next
// precedence step).
std::optional<std::string> decode_with_iconv(std::string_view bytes, const Encoding& enc) {
  IconvHandle cd(enc.iconv_name);
  if (!cd.ok()) return std::nullopt;
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 2);
  OutputChunk chunk(out);
  char* in = const_cast<char*>(bytes.data());  // iconv's signature is not const-correct
  std::size_t in_left = bytes.size();
  while (in_left > 0) {
    const std::size_t r = iconv(cd.get(), &in, &in_left, chunk.ptr(), chunk.left());
    const int err = errno;
    chunk.drain();
    if (r != static_cast<std::size_t>(-1) || err == E2BIG) continue;
    if (in_left == 0) break;  // defensive: an error with nothing left to skip
    if (enc.flush_on_error) flush_codec(cd.get(), chunk);
    const auto byte = static_cast<unsigned char>(*in);
    if (err == EILSEQ && enc.c1_controls && byte >= 0x80 && byte <= 0x9F) {
      append_utf8(out, byte);  // WHATWG windows-* indexes: unassigned 80-9F are C1
    } else {
      out.append(kReplacement);
    }
    // EINVAL is a sequence truncated by the end of input: one U+FFFD for all of it. Otherwise
    // skip one unit and let the codec resynchronise on the next byte (which may be ASCII).
    const std::size_t skip = err == EINVAL ? in_left : std::min<std::size_t>(enc.unit, in_left);
    in += skip;
    in_left -= skip;
  }
  flush_codec(cd.get(), chunk);
  // glibc emits valid UTF-8, but the guarantee is ours to keep, whatever a codec does.
  const std::size_t valid = valid_utf8_prefix(out);
  if (valid != out.size()) {
    std::string repaired;
    repaired.reserve(out.size());
    append_repaired_utf8(repaired, out, valid);
    out.swap(repaired);
  }
  return out;
}

std::optional<std::string> decode(std::string_view bytes, const Encoding& enc) {
  switch (enc.decoder) {
    case Decoder::kUtf8:
      return decode_utf8(bytes);
    case Decoder::kWindows1252:
      return decode_windows1252(bytes);
    case Decoder::kIconv:
      return decode_with_iconv(bytes, enc);
  }
  return std::nullopt;
}

// ---------------------------------------------------------------------------------------------
// Content-Type parameters (a tolerant subset of the WHATWG MIME type parser).

// Reads an HTTP quoted-string starting at the opening quote; `pos` ends after the closing quote.
std::string read_quoted(std::string_view s, std::size_t& pos) {
  std::string value;
  for (++pos; pos < s.size(); ++pos) {
    const char c = s[pos];
    if (c == '"') {
      ++pos;
      break;
    }
    if (c == '\\' && pos + 1 < s.size()) ++pos;
    value += s[pos];
  }
  return value;
}

// ---------------------------------------------------------------------------------------------
// The WHATWG meta prescan (HTML "prescan a byte stream to determine its encoding").

struct Attribute {
  std::string name;
  std::string value;
};

enum class AttrResult { kAttribute, kNone, kEndOfInput };

// The quoted or unquoted value of an attribute, `pos` just past the '=' and any spaces.
AttrResult read_attribute_value(std::string_view s, std::size_t& pos, Attribute& attr) {
  const std::size_t n = s.size();
  const char quote = s[pos];
  if (quote == '"' || quote == '\'') {
    for (++pos; pos < n; ++pos) {
      if (s[pos] == quote) {
        ++pos;
        return AttrResult::kAttribute;
      }
      attr.value += ascii_lower(s[pos]);
    }
    return AttrResult::kEndOfInput;
  }
  if (quote == '>') return AttrResult::kAttribute;  // "name=>": empty value, '>' not consumed
  for (; pos < n; ++pos) {
    if (is_ascii_space(s[pos]) || s[pos] == '>') return AttrResult::kAttribute;
    attr.value += ascii_lower(s[pos]);
  }
  return AttrResult::kEndOfInput;
}

// HTML "get an attribute". An attribute cut off by the end of the scanned bytes is not
// returned: its value could be a truncated label.
AttrResult get_attribute(std::string_view s, std::size_t& pos, Attribute& attr) {
  const std::size_t n = s.size();
  while (pos < n && (is_ascii_space(s[pos]) || s[pos] == '/')) ++pos;
  if (pos >= n) return AttrResult::kEndOfInput;
  if (s[pos] == '>') return AttrResult::kNone;
  attr.name.clear();
  attr.value.clear();
  for (;; ++pos) {  // the name
    if (pos >= n) return AttrResult::kEndOfInput;
    const char c = s[pos];
    if (c == '=' && !attr.name.empty()) break;
    if (is_ascii_space(c)) {
      while (pos < n && is_ascii_space(s[pos])) ++pos;
      if (pos >= n) return AttrResult::kEndOfInput;
      if (s[pos] != '=') return AttrResult::kAttribute;  // a name without a value
      break;
    }
    if (c == '/' || c == '>') return AttrResult::kAttribute;
    attr.name += ascii_lower(c);
  }
  ++pos;  // the '='
  while (pos < n && is_ascii_space(s[pos])) ++pos;
  if (pos >= n) return AttrResult::kEndOfInput;
  return read_attribute_value(s, pos, attr);
}

// HTML "extract a character encoding from a meta element", on a content attribute value.
std::string_view charset_from_meta_content(std::string_view content) {
  std::size_t pos = 0;
  for (;;) {
    const std::size_t found = content.find("charset", pos);  // value is already lowercase
    if (found == std::string_view::npos) return {};
    pos = found + 7;
    std::size_t i = pos;
    while (i < content.size() && is_ascii_space(content[i])) ++i;
    if (i >= content.size() || content[i] != '=') continue;  // "charset" not followed by '='
    ++i;
    while (i < content.size() && is_ascii_space(content[i])) ++i;
    if (i >= content.size()) return {};
    const char quote = content[i];
    if (quote == '"' || quote == '\'') {
      const std::size_t close = content.find(quote, i + 1);
      if (close == std::string_view::npos) return {};
      return resolve_charset_label(content.substr(i + 1, close - i - 1));
    }
    std::size_t end = i;
    while (end < content.size() && !is_ascii_space(content[end]) && content[end] != ';') ++end;
    return resolve_charset_label(content.substr(i, end - i));
  }
}

// Processes the attributes of a <meta> tag; `pos` is just after "<meta". Returns the declared
// encoding, or "" (also when the scanned bytes end inside the tag).
std::string_view process_meta(std::string_view s, std::size_t& pos) {
  std::vector<std::string> seen;
  bool got_pragma = false;
  std::optional<bool> need_pragma;
  std::optional<std::string_view> charset;  // "" inside: a label that did not resolve
  Attribute attr;
  AttrResult r;
  while ((r = get_attribute(s, pos, attr)) == AttrResult::kAttribute) {
    bool duplicate = false;
    for (const std::string& name : seen) duplicate = duplicate || name == attr.name;
    if (duplicate) continue;  // the first occurrence of an attribute wins
    seen.push_back(attr.name);
    if (attr.name == "http-equiv") {
      got_pragma = got_pragma || attr.value == "content-type";
    } else if (attr.name == "content" && !charset) {
      const std::string_view found = charset_from_meta_content(attr.value);
      if (!found.empty()) {
        charset = found;
        need_pragma = true;
      }
    } else if (attr.name == "charset") {
      charset = resolve_charset_label(attr.value);
      need_pragma = false;
    }
  }
  if (r == AttrResult::kEndOfInput || !need_pragma || !charset || charset->empty()) return {};
  if (*need_pragma && !got_pragma) return {};  // content="...charset=x" needs http-equiv
  // A meta cannot truthfully claim UTF-16: the bytes that spelled it were ASCII-compatible.
  if (*charset == "utf-16le" || *charset == "utf-16be") return "utf-8";
  return *charset;
}

// Skips a tag that is not a <meta>, attributes included, so that a '<' or "<meta" inside an
// attribute value is not mistaken for markup. `pos` is at the '<'.
void skip_tag(std::string_view s, std::size_t& pos) {
  while (pos < s.size() && !is_ascii_space(s[pos]) && s[pos] != '>') ++pos;
  Attribute attr;
  while (get_attribute(s, pos, attr) == AttrResult::kAttribute) {
  }
}

// ---------------------------------------------------------------------------------------------

void strip_leading_boms(std::string& text) {
  std::size_t start = 0;
  while (text.compare(start, kUtf8Bom.size(), kUtf8Bom) == 0) start += kUtf8Bom.size();
  if (start > 0) text.erase(0, start);
}

Utf8Text make_result(std::string text, std::string_view encoding, std::string_view source) {
  strip_leading_boms(text);
  return Utf8Text{std::move(text), std::string(encoding), std::string(source)};
}

// The encoding named by a byte order mark, and the BOM's length; {nullptr, 0} when none.
std::pair<const Encoding*, std::size_t> sniff_bom(std::string_view bytes) {
  if (bytes.starts_with(kUtf8Bom)) return {find_encoding("utf-8"), 3};
  if (bytes.starts_with("\xFF\xFE")) return {find_encoding("utf-16le"), 2};
  if (bytes.starts_with("\xFE\xFF")) return {find_encoding("utf-16be"), 2};
  return {nullptr, 0};
}

}  // namespace

std::string_view resolve_charset_label(std::string_view label) {
  label = trim(label, is_ascii_space);
  for (const Label& entry : kLabels) {
    if (iequals(entry.label, label)) return entry.name;
  }
  return {};
}

std::string content_type_charset(std::string_view content_type) {
  std::size_t pos = content_type.find(';');
  while (pos != std::string_view::npos) {
    ++pos;  // past the ';'
    const std::size_t name_end = content_type.find_first_of(";=", pos);
    const std::string_view name = trim(
        content_type.substr(pos, name_end == std::string_view::npos ? name_end : name_end - pos),
        is_http_space);
    if (name_end == std::string_view::npos) return {};
    pos = name_end;
    if (content_type[pos] == ';') continue;  // a parameter without '='
    ++pos;                                   // past the '='
    while (pos < content_type.size() && is_http_space(content_type[pos])) ++pos;
    std::string value;
    if (pos < content_type.size() && content_type[pos] == '"') {
      value = read_quoted(content_type, pos);
    } else {
      const std::size_t end = content_type.find(';', pos);
      value = trim(content_type.substr(pos, end == std::string_view::npos ? end : end - pos),
                   is_http_space);
    }
    if (iequals(name, "charset") && !value.empty()) return value;
    pos = content_type.find(';', pos);
  }
  return {};
}

std::string_view prescan_meta_charset(std::string_view bytes) {
  const std::string_view s = bytes.substr(0, kPrescanLimit);
  std::size_t pos = 0;
  while (pos < s.size()) {
    if (s.compare(pos, 4, "<!--") == 0) {
      // "<!-->" closes too: the "--" of the opener may be the "--" of the closer.
      const std::size_t end = s.find("-->", pos + 2);
      if (end == std::string_view::npos) return {};
      pos = end + 3;
      continue;
    }
    if (istarts_with_at(s, pos, "<meta") && pos + 5 < s.size() &&
        (is_ascii_space(s[pos + 5]) || s[pos + 5] == '/')) {
      pos += 5;
      const std::string_view found = process_meta(s, pos);
      if (!found.empty()) return found;
    } else if (s[pos] == '<' && pos + 1 < s.size() &&
               (is_ascii_alpha(s[pos + 1]) ||
                (s[pos + 1] == '/' && pos + 2 < s.size() && is_ascii_alpha(s[pos + 2])))) {
      skip_tag(s, pos);
    } else if (s[pos] == '<' && pos + 1 < s.size() &&
               (s[pos + 1] == '!' || s[pos + 1] == '/' || s[pos + 1] == '?')) {
      pos = s.find('>', pos);  // <!DOCTYPE ...>, </ 3>, <?xml ...?>
      if (pos == std::string_view::npos) return {};
    }
    ++pos;
  }
  return {};
}

Utf8Text to_utf8(std::string_view bytes, std::string_view content_type_header) {
  // 1. A byte order mark is the strongest signal there is; it is not part of the text.
  if (const auto [enc, length] = sniff_bom(bytes); enc != nullptr) {
    if (auto text = decode(bytes.substr(length), *enc)) {
      return make_result(std::move(*text), enc->name, "bom");
    }
  }
  // 2. The server's declaration. An unknown label (or a codec glibc lacks) falls through.
  const std::string header_label = content_type_charset(content_type_header);
  if (const Encoding* enc = find_encoding(resolve_charset_label(header_label))) {
    if (auto text = decode(bytes, *enc)) return make_result(std::move(*text), enc->name, "header");
  }
  // 3. The document's own declaration.
  if (const Encoding* enc = find_encoding(prescan_meta_charset(bytes))) {
    if (auto text = decode(bytes, *enc)) return make_result(std::move(*text), enc->name, "meta");
  }
  // 4. Undeclared: valid UTF-8 is almost certainly UTF-8 (legacy text rarely validates).
  if (is_valid_utf8(bytes)) return make_result(std::string(bytes), "utf-8", "valid-utf8");
  // 5. The web's historical default.
  return make_result(decode_windows1252(bytes), "windows-1252", "fallback");
}

}  // namespace tosdiff
