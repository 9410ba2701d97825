#include "tosdiff/fetch/charset.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace tosdiff {
namespace {

using namespace std::string_literals;  // "..."s keeps embedded NULs in byte strings

const std::string kFffd = "\xEF\xBF\xBD";

// ---------------------------------------------------------------------------------------------
// Independent oracles, written straight from the specifications, to cross-check the fast code.

// Unicode 3.9 D92 in its arithmetic form: decode, then reject overlongs/surrogates/out of range.
bool reference_is_valid(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto b = static_cast<unsigned char>(s[i]);
    std::size_t len = 0;
    char32_t cp = 0;
    char32_t min = 0;
    if (b < 0x80) { ++i; continue; }
    if (b >= 0xC0 && b < 0xE0) { len = 2; cp = b & 0x1F; min = 0x80; }
    else if (b >= 0xE0 && b < 0xF0) { len = 3; cp = b & 0x0F; min = 0x800; }
    else if (b >= 0xF0 && b < 0xF8) { len = 4; cp = b & 0x07; min = 0x10000; }
    else return false;
    if (i + len > s.size()) return false;
    for (std::size_t k = 1; k < len; ++k) {
      const auto c = static_cast<unsigned char>(s[i + k]);
      if ((c & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (c & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += len;
  }
  return true;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) { out += static_cast<char>(cp); return; }
  if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  }
  out += static_cast<char>(0x80 | (cp & 0x3F));
}

// The WHATWG Encoding Standard "UTF-8 decoder", step by step (error => U+FFFD, reprocess byte).
std::string whatwg_utf8_decode(std::string_view s) {
  std::string out;
  char32_t cp = 0;
  int needed = 0, seen = 0;
  unsigned char lower = 0x80, upper = 0xBF;
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (needed == 0) {
      ++i;
      if (b <= 0x7F) { out += static_cast<char>(b); }
      else if (b >= 0xC2 && b <= 0xDF) { needed = 1; cp = b & 0x1F; }
      else if (b >= 0xE0 && b <= 0xEF) {
        if (b == 0xE0) lower = 0xA0;
        if (b == 0xED) upper = 0x9F;
        needed = 2; cp = b & 0x0F;
      } else if (b >= 0xF0 && b <= 0xF4) {
        if (b == 0xF0) lower = 0x90;
        if (b == 0xF4) upper = 0x8F;
        needed = 3; cp = b & 0x07;
      } else { out += kFffd; }
      continue;
    }
    if (b < lower || b > upper) {  // do not consume b: it starts the next sequence
      cp = 0; needed = seen = 0; lower = 0x80; upper = 0xBF;
      out += kFffd;
      continue;
    }
    ++i;
    lower = 0x80; upper = 0xBF;
    cp = (cp << 6) | (b & 0x3F);
    if (++seen != needed) continue;
    append_utf8(out, cp);
    cp = 0; needed = seen = 0;
  }
  if (needed != 0) out += kFffd;
  return out;
}

bool starts_with_bom(std::string_view s) { return s.starts_with("\xEF\xBB\xBF"); }

// ---------------------------------------------------------------------------------------------
// Labels and declarations.

TEST(CharsetLabel, ResolvesWhatwgLabels) {
  EXPECT_EQ(resolve_charset_label("utf-8"), "utf-8");
  EXPECT_EQ(resolve_charset_label("UTF8"), "utf-8");
  EXPECT_EQ(resolve_charset_label("unicode-1-1-utf-8"), "utf-8");
  for (const char* l : {"latin1", "ISO-8859-1", "iso8859-1", "l1", "ascii", "US-ASCII", "cp1252",
                        "x-cp1252", "iso_8859-1", "windows-1252"}) {
    EXPECT_EQ(resolve_charset_label(l), "windows-1252") << l;
  }
  EXPECT_EQ(resolve_charset_label("iso-8859-2"), "iso-8859-2");
  EXPECT_EQ(resolve_charset_label("latin2"), "iso-8859-2");
  EXPECT_EQ(resolve_charset_label("iso-8859-9"), "windows-1254");  // WHATWG, not ISO
  EXPECT_EQ(resolve_charset_label("tis-620"), "windows-874");
  EXPECT_EQ(resolve_charset_label("koi8-r"), "koi8-r");
  EXPECT_EQ(resolve_charset_label("koi8-u"), "koi8-u");
  for (const char* l : {"shift_jis", "sjis", "MS_Kanji", "windows-31j", "x-sjis"}) {
    EXPECT_EQ(resolve_charset_label(l), "shift_jis") << l;
  }
  for (const char* l : {"gbk", "gb2312", "GB18030", "x-gbk"}) {
    EXPECT_EQ(resolve_charset_label(l), "gb18030") << l;
  }
  EXPECT_EQ(resolve_charset_label("big5"), "big5");
  EXPECT_EQ(resolve_charset_label("euc-kr"), "euc-kr");
  EXPECT_EQ(resolve_charset_label("euc-jp"), "euc-jp");
  EXPECT_EQ(resolve_charset_label("iso-2022-jp"), "iso-2022-jp");
  EXPECT_EQ(resolve_charset_label("utf-16"), "utf-16le");
  EXPECT_EQ(resolve_charset_label("utf-16be"), "utf-16be");
  EXPECT_EQ(resolve_charset_label(" \tLatin1\n"), "windows-1252");  // ASCII whitespace trimmed
}

TEST(CharsetLabel, UnknownLabelsResolveToEmpty) {
  EXPECT_EQ(resolve_charset_label(""), "");
  EXPECT_EQ(resolve_charset_label("klingon"), "");
  EXPECT_EQ(resolve_charset_label("utf-8x"), "");
  EXPECT_EQ(resolve_charset_label("utf 8"), "");
  EXPECT_EQ(resolve_charset_label("iso-2022-kr"), "");  // "replacement": deliberately unsupported
}

TEST(CharsetContentType, ExtractsTheCharsetParameter) {
  EXPECT_EQ(content_type_charset("text/html; charset=utf-8"), "utf-8");
  EXPECT_EQ(content_type_charset("text/html;charset=UTF-8"), "UTF-8");
  EXPECT_EQ(content_type_charset("text/html; Charset=\"ISO-8859-1\""), "ISO-8859-1");
  EXPECT_EQ(content_type_charset("text/html; CHARSET = latin1 ; q=1"), "latin1");
  EXPECT_EQ(content_type_charset("text/html; foo=\"a;charset=x\"; charset=koi8-r"), "koi8-r");
  EXPECT_EQ(content_type_charset("text/html; boundary; charset=sjis"), "sjis");
  EXPECT_EQ(content_type_charset("text/html; charset=\"a\\\"b\""), "a\"b");
  EXPECT_EQ(content_type_charset("text/html; charset=utf-8; charset=latin1"), "utf-8");
}

TEST(CharsetContentType, AbsentOrEmptyCharset) {
  EXPECT_EQ(content_type_charset(""), "");
  EXPECT_EQ(content_type_charset("text/html"), "");
  EXPECT_EQ(content_type_charset("text/html; charset="), "");
  EXPECT_EQ(content_type_charset("text/html; mycharset=utf-8"), "");
}

TEST(CharsetMeta, CharsetAttribute) {
  EXPECT_EQ(prescan_meta_charset("<meta charset=\"shift_jis\">"), "shift_jis");
  EXPECT_EQ(prescan_meta_charset("<META CHARSET='Latin1'>"), "windows-1252");
  EXPECT_EQ(prescan_meta_charset("<!doctype html><head><meta charset=koi8-r>"), "koi8-r");
  EXPECT_EQ(prescan_meta_charset("<meta/charset=\"euc-jp\"/>"), "euc-jp");
  // Unquoted values run to whitespace or '>', so the '/' is part of the label: unknown.
  EXPECT_EQ(prescan_meta_charset("<meta charset=euc-jp/>"), "");
  EXPECT_EQ(prescan_meta_charset("<meta name=x charset = gbk >"), "gb18030");
}

TEST(CharsetMeta, HttpEquivInAnyOrderAndQuoting) {
  EXPECT_EQ(prescan_meta_charset(
                "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-2\">"),
            "iso-8859-2");
  EXPECT_EQ(prescan_meta_charset(
                "<meta content='text/html;charset=windows-1251' http-equiv='content-type'>"),
            "windows-1251");
  EXPECT_EQ(prescan_meta_charset(
                "<meta http-equiv=content-type content=\"text/html; charset='big5'\">"),
            "big5");
  EXPECT_EQ(prescan_meta_charset(
                "<meta\nHTTP-EQUIV=\"CONTENT-TYPE\"\nCONTENT=\"TEXT/HTML; CHARSET = EUC-KR\">"),
            "euc-kr");
}

TEST(CharsetMeta, ContentWithoutHttpEquivIsIgnored) {
  EXPECT_EQ(prescan_meta_charset("<meta content=\"text/html; charset=koi8-r\">"), "");
  EXPECT_EQ(prescan_meta_charset(
                "<meta http-equiv=refresh content=\"text/html; charset=koi8-r\">"),
            "");
}

TEST(CharsetMeta, CharsetAttributeOverridesContent) {
  EXPECT_EQ(prescan_meta_charset("<meta http-equiv=content-type content=\"text/html; "
                                 "charset=big5\" charset=shift_jis>"),
            "shift_jis");
}

TEST(CharsetMeta, FirstUsefulMetaWins) {
  EXPECT_EQ(prescan_meta_charset("<meta name=viewport content=x><meta charset=bogus>"
                                 "<meta charset=koi8-u><meta charset=utf-8>"),
            "koi8-u");
}

TEST(CharsetMeta, CommentsAreSkipped) {
  EXPECT_EQ(prescan_meta_charset("<!-- <meta charset=shift_jis> -->"), "");
  EXPECT_EQ(prescan_meta_charset("<!-- <meta charset=shift_jis> --><meta charset=big5>"), "big5");
  EXPECT_EQ(prescan_meta_charset("<!--><meta charset=big5>"), "big5");  // "<!-->" is closed
  EXPECT_EQ(prescan_meta_charset("<!-- never closed <meta charset=big5>"), "");
}

TEST(CharsetMeta, MarkupInsideAttributeValuesIsNotAMeta) {
  EXPECT_EQ(prescan_meta_charset("<div title=\"<meta charset=big5>\"></div>"), "");
  EXPECT_EQ(prescan_meta_charset("<div title=\"<meta charset=big5>\"><meta charset=koi8-r>"),
            "koi8-r");
  EXPECT_EQ(prescan_meta_charset("<metadata charset=big5>"), "");  // not a <meta> tag
}

TEST(CharsetMeta, OnlyTheFirst1024BytesCount) {
  const std::string meta = "<meta charset=shift_jis>";
  const std::string early = std::string(1024 - meta.size(), ' ') + meta;
  EXPECT_EQ(prescan_meta_charset(early), "shift_jis");
  EXPECT_EQ(prescan_meta_charset(" " + early), "");        // straddles the limit
  EXPECT_EQ(prescan_meta_charset(std::string(1100, ' ') + meta), "");
}

TEST(CharsetMeta, Utf16DeclarationMeansUtf8) {
  EXPECT_EQ(prescan_meta_charset("<meta charset=utf-16>"), "utf-8");
  EXPECT_EQ(prescan_meta_charset("<meta charset=utf-16be>"), "utf-8");
}

// ---------------------------------------------------------------------------------------------
// Precedence.

TEST(CharsetToUtf8, Utf8BomWinsAndIsRemoved) {
  const Utf8Text r = to_utf8("\xEF\xBB\xBF<p>caf\xC3\xA9</p>", "text/html; charset=windows-1252");
  EXPECT_EQ(r.text, "<p>café</p>");
  EXPECT_EQ(r.encoding, "utf-8");
  EXPECT_EQ(r.source, "bom");
}

TEST(CharsetToUtf8, BomBeatsMetaToo) {
  const Utf8Text r = to_utf8("\xEF\xBB\xBF<meta charset=koi8-r>\xC3\xA9", "");
  EXPECT_EQ(r.text, "<meta charset=koi8-r>é");
  EXPECT_EQ(r.source, "bom");
}

TEST(CharsetToUtf8, Utf16LeBom) {
  // "hié" + U+1F600 (surrogate pair D83D DE00), little-endian.
  const Utf8Text r =
      to_utf8("\xFF\xFE" "h\0i\0\xE9\0\x3D\xD8\x00\xDE"s, "text/html; charset=utf-8");
  EXPECT_EQ(r.text, "hié\xF0\x9F\x98\x80");
  EXPECT_EQ(r.encoding, "utf-16le");
  EXPECT_EQ(r.source, "bom");
}

TEST(CharsetToUtf8, Utf16BeBom) {
  const Utf8Text r = to_utf8("\xFE\xFF\0h\0i\x20\xAC"s, "");
  EXPECT_EQ(r.text, "hi€");
  EXPECT_EQ(r.encoding, "utf-16be");
  EXPECT_EQ(r.source, "bom");
}

TEST(CharsetToUtf8, HeaderBeatsMeta) {
  const Utf8Text r =
      to_utf8("<meta charset=\"utf-8\"><p>\x93quoted\x94 \x80" "5</p>",
              "text/html; charset=windows-1252");
  EXPECT_EQ(r.text, "<meta charset=\"utf-8\"><p>“quoted” €5</p>");
  EXPECT_EQ(r.encoding, "windows-1252");
  EXPECT_EQ(r.source, "header");
}

TEST(CharsetToUtf8, HeaderLabelIsResolved) {
  const Utf8Text r = to_utf8("\xE9t\xE9", "text/html; Charset=\"ISO-8859-1\"");
  EXPECT_EQ(r.text, "été");
  EXPECT_EQ(r.encoding, "windows-1252");
  EXPECT_EQ(r.source, "header");
}

TEST(CharsetToUtf8, UnknownHeaderLabelFallsThroughToMeta) {
  const Utf8Text r =
      to_utf8("<meta charset=koi8-r>\xF0\xD2\xC9\xD7\xC5\xD4", "text/html; charset=bogus");
  EXPECT_EQ(r.text, "<meta charset=koi8-r>Привет");
  EXPECT_EQ(r.encoding, "koi8-r");
  EXPECT_EQ(r.source, "meta");
}

TEST(CharsetToUtf8, MetaBeatsValidUtf8Sniffing) {
  // The bytes C3 A9 are valid UTF-8 ("é"), but the document says windows-1252.
  const Utf8Text r = to_utf8("<meta charset=windows-1252>\xC3\xA9", "text/html");
  EXPECT_EQ(r.text, "<meta charset=windows-1252>Ã©");
  EXPECT_EQ(r.source, "meta");
}

TEST(CharsetToUtf8, HttpEquivMeta) {
  const Utf8Text r = to_utf8(
      "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-2\">"
      "Za\xBF\xF3\xB3\xE6 g\xEA\xB6l\xB1 ja\xBC\xF1",
      "");
  EXPECT_EQ(r.encoding, "iso-8859-2");
  EXPECT_EQ(r.source, "meta");
  EXPECT_NE(r.text.find("Zażółć gęślą jaźń"), std::string::npos);
}

TEST(CharsetToUtf8, MetaInCommentIsIgnored) {
  const Utf8Text r = to_utf8("<!-- <meta charset=koi8-r> -->caf\xC3\xA9", "");
  EXPECT_EQ(r.text, "<!-- <meta charset=koi8-r> -->café");
  EXPECT_EQ(r.encoding, "utf-8");
  EXPECT_EQ(r.source, "valid-utf8");
}

TEST(CharsetToUtf8, MetaAfter1024BytesIsIgnored) {
  // Appended rather than operator+: GCC 12 at -O1 warns falsely (-Warray-bounds) on that.
  std::string bytes(1100, ' ');
  bytes += "<meta charset=koi8-r>\xF0\xD2";
  const Utf8Text r = to_utf8(bytes, "");
  EXPECT_EQ(r.source, "fallback");  // F0 D2 is not UTF-8, and the meta was too late
  EXPECT_EQ(r.encoding, "windows-1252");
  EXPECT_TRUE(r.text.ends_with("ðÒ"));
}

TEST(CharsetToUtf8, ValidUtf8IsReturnedUnchanged) {
  const std::string bytes = "<p>naïve café — 日本語 \xF0\x9F\x98\x80</p>";
  const Utf8Text r = to_utf8(bytes, "text/html");
  EXPECT_EQ(r.text, bytes);
  EXPECT_EQ(r.encoding, "utf-8");
  EXPECT_EQ(r.source, "valid-utf8");
}

TEST(CharsetToUtf8, EmptyInput) {
  const Utf8Text r = to_utf8("", "");
  EXPECT_EQ(r.text, "");
  EXPECT_EQ(r.encoding, "utf-8");
  EXPECT_EQ(r.source, "valid-utf8");
  EXPECT_EQ(to_utf8("\xEF\xBB\xBF", "").text, "");
}

TEST(CharsetToUtf8, InvalidUtf8WithoutDeclarationFallsBackToWindows1252) {
  const Utf8Text r = to_utf8("\x93Hi\x94 \x80 \x81\x8D\x8F\x90\x9D \xA0\xFF", "text/html");
  EXPECT_EQ(r.text, "“Hi” € \xC2\x81\xC2\x8D\xC2\x8F\xC2\x90\xC2\x9D \xC2\xA0ÿ");
  EXPECT_EQ(r.encoding, "windows-1252");
  EXPECT_EQ(r.source, "fallback");
}

TEST(CharsetToUtf8, Windows1252WholeHighHalf) {
  std::string bytes;
  for (int b = 0x80; b <= 0xFF; ++b) bytes += static_cast<char>(b);
  const Utf8Text r = to_utf8(bytes, "charset=x; charset=cp1252");  // leading junk: still found
  EXPECT_EQ(r.source, "header");
  ASSERT_TRUE(is_valid_utf8(r.text));
  EXPECT_TRUE(r.text.starts_with("€\xC2\x81‚ƒ„…†‡ˆ‰Š‹Œ\xC2\x8DŽ\xC2\x8F\xC2\x90‘’“”•–—˜™š›œ\xC2\x9DžŸ"));
  EXPECT_TRUE(r.text.ends_with("øùúûüýþÿ"));
}

TEST(CharsetToUtf8, DeclaredUtf8IsRepairedNotReinterpreted) {
  const Utf8Text h = to_utf8("caf\xE9 ok", "text/html; charset=UTF-8");
  EXPECT_EQ(h.text, "caf" + kFffd + " ok");
  EXPECT_EQ(h.encoding, "utf-8");
  EXPECT_EQ(h.source, "header");
  const Utf8Text m = to_utf8("<meta charset=utf8>caf\xE9", "");
  EXPECT_EQ(m.text, "<meta charset=utf8>caf" + kFffd);
  EXPECT_EQ(m.source, "meta");
}

TEST(CharsetToUtf8, NulBytesAreKept) {
  const Utf8Text r = to_utf8("a\0b"s, "");
  EXPECT_EQ(r.text, "a\0b"s);
}

TEST(CharsetToUtf8, OutputNeverStartsWithBom) {
  EXPECT_EQ(to_utf8("\xEF\xBB\xBF\xEF\xBB\xBFx", "").text, "x");
  EXPECT_EQ(to_utf8("\xFF\xFE\xFF\xFEx\0"s, "").text, "x");
  // GB18030 encodes U+FEFF as 84 31 95 33.
  const Utf8Text g = to_utf8("\x84\x31\x95\x33\xC4\xE3", "text/html; charset=gb18030");
  EXPECT_EQ(g.text, "你");
  // A BOM later in the text is content, not a signature.
  EXPECT_EQ(to_utf8("x\xEF\xBB\xBF", "").text, "x\xEF\xBB\xBF");
}

// ---------------------------------------------------------------------------------------------
// Legacy encodings through iconv.

struct Sample {
  const char* label;
  std::string bytes;
  std::string expected;
};

TEST(CharsetToUtf8, LegacyEncodingSamples) {
  const std::vector<Sample> samples = {
      {"iso-8859-2", "Za\xBF\xF3\xB3\xE6 g\xEA\xB6l\xB1 ja\xBC\xF1", "Zażółć gęślą jaźń"},
      {"windows-1250", "Za\xBF\xF3\xB3\xE6 g\xEA\x9Cl\xB9 ja\x9F\xF1", "Zażółć gęślą jaźń"},
      {"koi8-r", "\xF0\xD2\xC9\xD7\xC5\xD4", "Привет"},
      {"windows-1251", "\xCF\xF0\xE8\xE2\xE5\xF2", "Привет"},
      {"windows-1253", "\xC1\xE8\xEB", "Αθλ"},
      {"shift_jis", "\x93\xFA\x96\x7B\x8C\xEA \x82\xB1\x82\xF1\x82\xC9\x82\xBF\x82\xCD",
       "日本語 こんにちは"},
      {"sjis", "C:\\path~", "C:\\path~"},  // browsers keep 5C/7E as ASCII, not yen/overline
      {"euc-jp", "\xC6\xFC\xCB\xDC", "日本"},
      {"iso-2022-jp", "\x1B$B\x46\x7C\x4B\x5C\x1B(B!", "日本!"},
      {"gb2312", "\xC4\xE3\xBA\xC3", "你好"},
      {"big5", "\xA4\xA4\xA4\xE5", "中文"},
      {"euc-kr", "\xC7\xD1\xB1\xDB", "한글"},
      {"utf-16", "h\0i\0"s, "hi"},
      {"utf-16be", "\0h\0i"s, "hi"},
  };
  for (const Sample& s : samples) {
    const Utf8Text r = to_utf8(s.bytes, std::string("text/html; charset=") + s.label);
    EXPECT_EQ(r.text, s.expected) << s.label;
    EXPECT_EQ(r.encoding, resolve_charset_label(s.label)) << s.label;
    EXPECT_EQ(r.source, "header") << s.label;
  }
}

TEST(CharsetToUtf8, EveryEncodingDecodesAscii) {
  // Guards the iconv names: a codec that fails to open would silently fall through.
  for (const char* label : {"ibm866", "iso-8859-2", "iso-8859-3", "iso-8859-4", "iso-8859-5",
                            "iso-8859-6", "iso-8859-7", "iso-8859-8", "iso-8859-8-i",
                            "iso-8859-10", "iso-8859-13", "iso-8859-14", "iso-8859-15",
                            "iso-8859-16", "koi8-r", "koi8-u", "macintosh", "x-mac-cyrillic",
                            "windows-874", "windows-1250", "windows-1251", "windows-1252",
                            "windows-1253", "windows-1254", "windows-1255", "windows-1256",
                            "windows-1257", "windows-1258", "gb18030", "big5", "euc-jp",
                            "iso-2022-jp", "shift_jis", "euc-kr", "utf-8"}) {
    const Utf8Text r =
        to_utf8("<p>Terms & conditions</p>", std::string("text/html;charset=") + label);
    EXPECT_EQ(r.text, "<p>Terms & conditions</p>") << label;
    EXPECT_EQ(r.encoding, label) << label;
    EXPECT_EQ(r.source, "header") << label;
  }
}

TEST(CharsetToUtf8, InvalidMultibyteSequencesBecomeReplacement) {
  // Shift_JIS: a lead byte followed by a byte that cannot trail is an error, and that byte is
  // decoded afresh. (82 62 would be a valid pair: "Ｃ".)
  EXPECT_EQ(to_utf8("a\x82 b\x82\xA0", "text/html; charset=shift_jis").text,
            "a" + kFffd + " bあ");
  EXPECT_EQ(to_utf8("\x82\x62", "text/html; charset=shift_jis").text, "Ｃ");
  // A lead byte cut off by the end of input.
  EXPECT_EQ(to_utf8("\x82\xA0\x82", "text/html; charset=shift_jis").text, "あ" + kFffd);
  // A byte iso-8859-3 leaves unassigned.
  EXPECT_EQ(to_utf8("a\xA5" "b", "text/html; charset=iso-8859-3").text, "a" + kFffd + "b");
}

TEST(CharsetToUtf8, WindowsCodePagesMapUnassignedC1BytesToControls) {
  // WHATWG's windows-125x indexes map their unassigned 80-9F bytes to U+0080-U+009F.
  EXPECT_EQ(to_utf8("a\x81" "b", "text/html; charset=windows-1250").text, "a\xC2\x81" "b");
  EXPECT_EQ(to_utf8("\x81\x80", "text/html; charset=windows-1253").text, "\xC2\x81€");
}

TEST(CharsetToUtf8, ComposingCodecKeepsInputOrderAroundErrors) {
  // glibc's CP1255 holds a letter back to compose it with a following point; the U+FFFD for an
  // unassigned byte must still come after that letter.
  EXPECT_EQ(to_utf8("\xE0\xFF" "x", "text/html; charset=windows-1255").text, "א" + kFffd + "x");
}

TEST(CharsetToUtf8, Utf16Errors) {
  // Odd trailing byte.
  EXPECT_EQ(to_utf8("\xFF\xFEh\0i"s, "").text, "h" + kFffd);
  // Lone low surrogate, then high surrogate followed by a non-surrogate: each one U+FFFD, and
  // the following code unit survives.
  EXPECT_EQ(to_utf8("\xFF\xFE\x00\xDC" "a\0\x3D\xD8" "b\0"s, "").text,
            kFffd + "a" + kFffd + "b");
  // High surrogate at the end.
  EXPECT_EQ(to_utf8("\xFF\xFE" "a\0\x3D\xD8"s, "").text, "a" + kFffd);
}

// ---------------------------------------------------------------------------------------------
// is_valid_utf8 / repair_utf8.

TEST(CharsetValidUtf8, AcceptsWellFormedBoundaries) {
  EXPECT_TRUE(is_valid_utf8(""));
  EXPECT_TRUE(is_valid_utf8("plain ascii"));
  EXPECT_TRUE(is_valid_utf8("\0"s));
  EXPECT_TRUE(is_valid_utf8("\xC2\x80"));          // U+0080
  EXPECT_TRUE(is_valid_utf8("\xDF\xBF"));          // U+07FF
  EXPECT_TRUE(is_valid_utf8("\xE0\xA0\x80"));      // U+0800
  EXPECT_TRUE(is_valid_utf8("\xED\x9F\xBF"));      // U+D7FF
  EXPECT_TRUE(is_valid_utf8("\xEE\x80\x80"));      // U+E000
  EXPECT_TRUE(is_valid_utf8("\xEF\xBF\xBF"));      // U+FFFF
  EXPECT_TRUE(is_valid_utf8("\xF0\x90\x80\x80"));  // U+10000
  EXPECT_TRUE(is_valid_utf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF
}

TEST(CharsetValidUtf8, RejectsOverlongs) {
  EXPECT_FALSE(is_valid_utf8("\xC0\x80"));
  EXPECT_FALSE(is_valid_utf8("\xC1\xBF"));
  EXPECT_FALSE(is_valid_utf8("\xE0\x80\x80"));
  EXPECT_FALSE(is_valid_utf8("\xE0\x9F\xBF"));
  EXPECT_FALSE(is_valid_utf8("\xF0\x80\x80\x80"));
  EXPECT_FALSE(is_valid_utf8("\xF0\x8F\xBF\xBF"));
}

TEST(CharsetValidUtf8, RejectsSurrogatesAndOutOfRange) {
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));  // U+D800
  EXPECT_FALSE(is_valid_utf8("\xED\xBF\xBF"));  // U+DFFF
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\xBD\xED\xB8\x80"));  // CESU-8 pair
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // U+110000
  EXPECT_FALSE(is_valid_utf8("\xF5\x80\x80\x80"));
  EXPECT_FALSE(is_valid_utf8("\xFF"));
}

TEST(CharsetValidUtf8, RejectsTruncatedAndStrayBytes) {
  EXPECT_FALSE(is_valid_utf8("\x80"));
  EXPECT_FALSE(is_valid_utf8("\xC2"));
  EXPECT_FALSE(is_valid_utf8("\xE2\x82"));
  EXPECT_FALSE(is_valid_utf8("\xF0\x9F\x98"));
  EXPECT_FALSE(is_valid_utf8("\xE2\x82\x41"));
}

TEST(CharsetValidUtf8, BadByteAtEveryOffsetAroundTheAsciiFastPath) {
  for (std::size_t len = 1; len <= 40; ++len) {
    for (std::size_t at = 0; at < len; ++at) {
      std::string s(len, 'a');
      s[at] = '\x80';
      EXPECT_FALSE(is_valid_utf8(s)) << len << "/" << at;
      s[at] = '\x7F';
      EXPECT_TRUE(is_valid_utf8(s)) << len << "/" << at;
    }
  }
}

TEST(CharsetRepairUtf8, UnicodeTable3_8Example) {
  // Unicode 15, section 3.9, Table 3-8: each maximal subpart becomes one U+FFFD.
  EXPECT_EQ(repair_utf8("\x61\xF1\x80\x80\xE1\x80\xC2\x62\x80\x63\x80\xBF\x64"),
            "a" + kFffd + kFffd + kFffd + "b" + kFffd + "c" + kFffd + kFffd + "d");
}

TEST(CharsetRepairUtf8, MaximalSubparts) {
  const std::string r2 = kFffd + kFffd, r3 = r2 + kFffd, r4 = r3 + kFffd;
  EXPECT_EQ(repair_utf8("\xC0\xAF"), r2);              // overlong: C0 is never a lead
  EXPECT_EQ(repair_utf8("\xE0\x80\xAF"), r3);          // E0 80: 80 not allowed after E0
  EXPECT_EQ(repair_utf8("\xED\xA0\x80"), r3);          // surrogate
  EXPECT_EQ(repair_utf8("\xF4\x90\x80\x80"), r4);      // beyond U+10FFFF
  EXPECT_EQ(repair_utf8("\xF0\x9F\x98"), kFffd);       // truncated 4-byte: one subpart
  EXPECT_EQ(repair_utf8("\xE1\x80" "x"), kFffd + "x");  // truncated 3-byte before ASCII
  EXPECT_EQ(repair_utf8("\xF0\x9F\x98\xF0\x9F\x98\x80"), kFffd + "\xF0\x9F\x98\x80");
  EXPECT_EQ(repair_utf8("\xFE\xFF"), r2);
  EXPECT_EQ(repair_utf8("ok"), "ok");
}

TEST(CharsetRepairUtf8, AgreesWithWhatwgDecoderOnRandomInput) {
  std::mt19937 rng(20240607);
  // Bias toward bytes that matter to UTF-8 so that sequences are often almost valid.
  const unsigned char interesting[] = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF,
                                       0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE,
                                       0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF};
  std::uniform_int_distribution<int> len_dist(0, 64), byte_dist(0, 255),
      pick(0, sizeof interesting - 1), coin(0, 1);
  for (int iteration = 0; iteration < 5000; ++iteration) {
    std::string s;
    const int len = len_dist(rng);
    for (int i = 0; i < len; ++i) {
      s += static_cast<char>(coin(rng) ? interesting[pick(rng)] : byte_dist(rng));
    }
    ASSERT_EQ(is_valid_utf8(s), reference_is_valid(s)) << iteration;
    const std::string repaired = repair_utf8(s);
    ASSERT_EQ(repaired, whatwg_utf8_decode(s)) << iteration;
    ASSERT_TRUE(is_valid_utf8(repaired)) << iteration;
    if (reference_is_valid(s)) {
      ASSERT_EQ(repaired, s) << iteration;
    }
  }
}

TEST(CharsetRepairUtf8, AllTwoByteCombinations) {
  for (int a = 0; a < 256; ++a) {
    for (int b = 0; b < 256; ++b) {
      const std::string s = {static_cast<char>(a), static_cast<char>(b), 'z'};
      ASSERT_EQ(is_valid_utf8(s), reference_is_valid(s)) << a << "," << b;
      ASSERT_EQ(repair_utf8(s), whatwg_utf8_decode(s)) << a << "," << b;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Whatever the input, the output is valid UTF-8 without a leading BOM.

TEST(CharsetToUtf8, RandomInputAlwaysYieldsValidUtf8) {
  const std::vector<std::string> headers = {
      "", "text/html", "text/html; charset=utf-8", "text/html; charset=bogus",
      "text/html; charset=\"", "text/html; charset=utf-16", "text/html; charset=utf-16be",
      "text/html; charset=shift_jis", "text/html; charset=euc-jp", "text/html; charset=iso-2022-jp",
      "text/html; charset=gb18030", "text/html; charset=big5", "text/html; charset=euc-kr",
      "text/html; charset=windows-1255", "text/html; charset=windows-1258",
      "text/html; charset=windows-874", "text/html; charset=iso-8859-3",
      "text/html; charset=koi8-u",
      "text/html; charset=x-mac-cyrillic", "text/html; charset=latin1"};
  const std::vector<std::string> prefixes = {
      "", "\xEF\xBB\xBF", "\xFF\xFE", "\xFE\xFF", "<meta charset=shift_jis>",
      "<meta charset=utf-16>", "<!--", "<meta http-equiv=content-type content='charset=big5'>",
      "<meta charset=\"", "\x1B$B"};
  std::mt19937 rng(42);
  std::uniform_int_distribution<int> len_dist(0, 200), byte_dist(0, 255);
  std::uniform_int_distribution<std::size_t> header_dist(0, headers.size() - 1),
      prefix_dist(0, prefixes.size() - 1);
  for (int iteration = 0; iteration < 4000; ++iteration) {
    std::string bytes = prefixes[prefix_dist(rng)];
    const int len = len_dist(rng);
    for (int i = 0; i < len; ++i) bytes += static_cast<char>(byte_dist(rng));
    const std::string& header = headers[header_dist(rng)];
    const Utf8Text r = to_utf8(bytes, header);
    ASSERT_TRUE(is_valid_utf8(r.text)) << "iteration " << iteration << " header " << header;
    ASSERT_TRUE(reference_is_valid(r.text)) << iteration;
    ASSERT_FALSE(starts_with_bom(r.text)) << iteration;
    ASSERT_FALSE(r.encoding.empty());
    ASSERT_FALSE(r.source.empty());
  }
}

TEST(CharsetToUtf8, LargeValidPageIsCopiedVerbatim) {
  std::string page;
  while (page.size() < (4u << 20)) page += "<p>Clause 7. Liability — «limited», ½ of fees.</p>\n";
  const Utf8Text r = to_utf8(page, "text/html");
  EXPECT_EQ(r.source, "valid-utf8");
  EXPECT_EQ(r.text, page);
  page += '\xFF';  // one bad byte at the very end flips the whole page to the fallback
  const Utf8Text f = to_utf8(page, "text/html");
  EXPECT_EQ(f.source, "fallback");
  EXPECT_TRUE(f.text.ends_with("ÿ"));
}

}  // namespace
}  // namespace tosdiff
