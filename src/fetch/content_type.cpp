#include "tosdiff/fetch/content_type.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <optional>

#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

constexpr std::size_t kPdfWindow = 1024;      // Acrobat accepts "%PDF-" this far in
constexpr std::size_t kBinaryWindow = 512;    // as the standard's "text or binary" check
constexpr std::size_t kCommentWindow = 1024;  // leading comments skipped before HTML signatures

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}


unsigned char byte_at(std::string_view s, std::size_t i) { return i < s.size() ? static_cast<unsigned char>(s[i]) : 0; }

std::optional<std::string> zip_mime(std::string_view body) {
  if (!starts_with(body, std::string_view("PK\x03\x04", 4)) && !starts_with(body, std::string_view("PK\x05\x06", 4)))
    return std::nullopt;
  // OpenDocument stores an uncompressed "mimetype" entry first, its content right after the
  // 30-byte local header and the 8-byte name: the exact type for free.
  if (body.size() > 38 && body.substr(30, 8) == "mimetype") {
    const std::size_t stored = std::size_t{byte_at(body, 18)} | (std::size_t{byte_at(body, 19)} << 8);
    const std::string_view type = body.substr(38, std::min<std::size_t>(stored, 100));
    if (starts_with(type, "application/") &&
        type.find_first_of(std::string_view(" \r\n\0", 4)) == std::string_view::npos)
      return std::string(type);
  }
  // Office Open XML: the part names of the first entries say which application.
  std::string_view head = body.substr(0, 4096);
  const bool ooxml =
      head.find("[Content_Types].xml") != std::string_view::npos || head.find("_rels/.rels") != std::string_view::npos;
  if (ooxml && head.find("word/") != std::string_view::npos)
    return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  if (ooxml && head.find("xl/") != std::string_view::npos)
    return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  if (ooxml && head.find("ppt/") != std::string_view::npos)
    return "application/vnd.openxmlformats-officedocument.presentationml.presentation";
  return "application/zip";
}

std::optional<std::string> iso_bmff_mime(std::string_view body) {
  if (body.size() < 12 || body.substr(4, 4) != "ftyp") return std::nullopt;
  const std::uint32_t box = (std::uint32_t{byte_at(body, 0)} << 24) | (std::uint32_t{byte_at(body, 1)} << 16) |
                            (std::uint32_t{byte_at(body, 2)} << 8) | std::uint32_t{byte_at(body, 3)};
  if (box < 12 || box % 4 != 0) return std::nullopt;  // the standard's box-size sanity check
  const std::string_view brand = body.substr(8, 4);
  if (brand == "avif" || brand == "avis") return "image/avif";
  if (brand == "heic" || brand == "heix" || brand == "mif1" || brand == "msf1") return "image/heic";
  if (brand == "M4A ") return "audio/mp4";
  if (brand == "qt  ") return "video/quicktime";
  return "video/mp4";
}

// Signatures of formats tosdiff does not read (PDF is handled apart: it may not start at 0).
std::optional<std::string> binary_signature(std::string_view b) {
  struct Magic {
    std::string_view bytes;
    const char* mime;
  };
  static constexpr std::array<Magic, 30> magics{{
      {std::string_view("\x89PNG\r\n\x1A\n", 8), "image/png"},
      {std::string_view("\xFF\xD8\xFF", 3), "image/jpeg"},
      {"GIF87a", "image/gif"},
      {"GIF89a", "image/gif"},
      {std::string_view("II*\0", 4), "image/tiff"},
      {std::string_view("MM\0*", 4), "image/tiff"},
      {std::string_view("\0\0\1\0", 4), "image/x-icon"},
      {std::string_view("\0\0\2\0", 4), "image/x-icon"},  // .cur
      {std::string_view("\x1F\x8B\x08", 3), "application/gzip"},
      {std::string_view("\xFD"
                        "7zXZ\0",
                        6),
       "application/x-xz"},
      {std::string_view("\x28\xB5\x2F\xFD", 4), "application/zstd"},
      {std::string_view("7z\xBC\xAF\x27\x1C", 6), "application/x-7z-compressed"},
      {std::string_view("Rar!\x1A\x07", 6), "application/vnd.rar"},
      {std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8), "application/x-ole-storage"},
      {std::string_view("OggS\0", 5), "application/ogg"},
      {"fLaC", "audio/flac"},
      {std::string_view("\x1A\x45\xDF\xA3", 4), "video/webm"},
      {std::string_view("MThd\0\0\0\6", 8), "audio/midi"},
      {std::string_view("\0asm", 4), "application/wasm"},
      {std::string_view("\x7F"
                        "ELF",
                        4),
       "application/x-executable"},
      {std::string_view("\xCA\xFE\xBA\xBE", 4), "application/java-vm"},
      {"%!PS-Adobe-", "application/postscript"},
      {"{\\rtf", "application/rtf"},
      {"wOFF", "font/woff"},
      {"wOF2", "font/woff2"},
      {"OTTO", "font/otf"},
      {std::string_view("\0\1\0\0", 4), "font/ttf"},
      {"ttcf", "font/collection"},
      // Three-byte MPEG audio frame syncs (MPEG-1/2 layer III), the common ones; FF FE is a
      // UTF-16 byte order mark and is ruled out before this table is read.
      {std::string_view("\xFF\xFB", 2), "audio/mpeg"},
      {std::string_view("\xFF\xF3", 2), "audio/mpeg"},
  }};
  for (const Magic& m : magics)
    if (starts_with(b, m.bytes)) return std::string(m.mime);
  if (starts_with(b, std::string_view("\xFF\xF2", 2))) return "audio/mpeg";
  // "ID3" is text too: the version byte that follows (2 to 4) makes it a tag.
  if (starts_with(b, "ID3") && byte_at(b, 3) >= 2 && byte_at(b, 3) <= 4 && byte_at(b, 4) != 0xFF) return "audio/mpeg";
  if (starts_with(b, "RIFF") && b.size() >= 12) {
    const std::string_view form = b.substr(8, 4);
    if (form == "WEBP") return "image/webp";
    if (form == "WAVE") return "audio/wav";
    if (form == "AVI ") return "video/avi";
  }
  // "BM" alone starts words ("BMW"); the two reserved header fields are zero in a bitmap.
  if (starts_with(b, "BM") && b.size() >= 14 && byte_at(b, 6) == 0 && byte_at(b, 7) == 0 && byte_at(b, 8) == 0 &&
      byte_at(b, 9) == 0)
    return "image/bmp";
  // "BZh" starts text; the level digit and the block magic make it bzip2.
  if (starts_with(b, "BZh") && byte_at(b, 3) >= '1' && byte_at(b, 3) <= '9' &&
      b.substr(4, 6) == std::string_view("\x31\x41\x59\x26\x53\x59", 6))
    return "application/x-bzip2";
  // Embedded OpenType: "LP" at offset 34, as the standard's font pattern.
  if (b.size() >= 36 && b[34] == 'L' && b[35] == 'P' && byte_at(b, 8) <= 2) return "application/vnd.ms-fontobject";
  if (auto zip = zip_mime(b)) return zip;
  if (auto bmff = iso_bmff_mime(b)) return bmff;
  return std::nullopt;
}

enum class Bom { none, utf8, utf16le, utf16be };

Bom detect_bom(std::string_view b) {
  if (starts_with(b, "\xEF\xBB\xBF")) return Bom::utf8;
  if (starts_with(b, "\xFF\xFE")) return Bom::utf16le;
  if (starts_with(b, "\xFE\xFF")) return Bom::utf16be;
  return Bom::none;
}

// UTF-16 without a byte order mark (a charset parameter names it): ASCII-range text leaves
// every other byte zero. Without this, the NUL bytes would make it "binary".
Bom detect_bomless_utf16(std::string_view b) {
  const std::size_t n = std::min(b.size(), kBinaryWindow) & ~std::size_t{1};
  if (n < 8) return Bom::none;
  std::size_t even_zero = 0, odd_zero = 0;
  for (std::size_t i = 0; i < n; i += 2) {
    even_zero += b[i] == '\0';
    odd_zero += b[i + 1] == '\0';
  }
  const std::size_t pairs = n / 2;
  if (odd_zero * 10 >= pairs * 9 && even_zero == 0) return Bom::utf16le;
  if (even_zero * 10 >= pairs * 9 && odd_zero == 0) return Bom::utf16be;
  return Bom::none;
}

// The first bytes as ASCII text, for signature matching: BOM removed, UTF-16 code units
// outside ASCII turned into '?'. Only the start matters, so only `limit` characters are made.
std::string text_view(std::string_view b, Bom bom, std::size_t limit) {
  std::string out;
  if (bom == Bom::utf8) b.remove_prefix(3);
  if (bom == Bom::utf16le || bom == Bom::utf16be) {
    if (starts_with(b, "\xFF\xFE") || starts_with(b, "\xFE\xFF")) b.remove_prefix(2);
    for (std::size_t i = 0; i + 1 < b.size() && out.size() < limit; i += 2) {
      const unsigned char lo = static_cast<unsigned char>(bom == Bom::utf16le ? b[i] : b[i + 1]);
      const unsigned char hi = static_cast<unsigned char>(bom == Bom::utf16le ? b[i + 1] : b[i]);
      out += hi == 0 && lo < 0x80 ? static_cast<char>(lo) : '?';
    }
    return out;
  }
  return std::string(b.substr(0, limit));
}

// Past ASCII whitespace and complete "<!-- ... -->" comments near the start: generators
// often put a comment before the doctype.
std::string_view skip_space_and_comments(std::string_view t) {
  for (;;) {
    std::size_t i = 0;
    while (i < t.size() && is_html_space(t[i])) ++i;
    t.remove_prefix(i);
    if (!starts_with(t, "<!--")) return t;
    const std::size_t end = t.find("-->", 4);
    if (end == std::string_view::npos || end > kCommentWindow) return t;
    t.remove_prefix(end + 3);
  }
}

// `t` starts with `tag` (ASCII case-insensitive) followed by a tag-terminating byte.
bool starts_with_tag(std::string_view t, std::string_view tag) {
  if (t.size() <= tag.size()) return false;
  for (std::size_t i = 0; i < tag.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(t[i])) != tag[i]) return false;
  const char next = t[tag.size()];
  return next == ' ' || next == '>' || next == '\t' || next == '\n' || next == '\r' || next == '\f' || next == '/';
}

// The documents tosdiff tracks are whole pages: these four open one, and nothing else does.
bool strong_html_signature(std::string_view t) {
  return starts_with_tag(t, "<!doctype html") || starts_with_tag(t, "<html") || starts_with_tag(t, "<head") ||
         starts_with_tag(t, "<body");
}

// The rest of the standard's HTML signatures: fragments and sloppy pages start this way, but
// so can a plain-text or Markdown file (an HTML comment heads many README files), so these
// only count when no header says what the body is. Past the standard's list (written before
// HTML5), the elements a page's fragment opens with today: a site's header or navigation
// bar, a section, a heading below the first (a fragment served by a site's API, saved with
// no type, opened with a <header> was read as plain text, its tags as words), and what a
// script or a template puts first (metamorphic bench: such a fragment opened by a <noscript>
// notice or a search <form> was read as plain text, an alert on 5 of 60 pages).
bool weak_html_signature(std::string_view t) {
  static constexpr std::array<std::string_view, 40> tags{
      "<script", "<iframe", "<h1",   "<div",  "<font",    "<table", "<a",      "<style", "<title",
      "<b",      "<br",     "<p",    "<header", "<nav",   "<main",  "<section", "<article", "<footer",
      "<aside",  "<h2",     "<h3",   "<ul",   "<ol",      "<meta",  "<link",   "<h4",     "<h5",
      "<h6",     "<noscript", "<form", "<span", "<img",   "<svg",   "<button", "<template", "<strong",
      "<em",     "<dl",     "<blockquote", "<figure"};
  for (std::string_view tag : tags)
    if (starts_with_tag(t, tag)) return true;
  return starts_with(t, "<!--");
}

bool has_xhtml_namespace(std::string_view t) {
  const std::size_t end = t.find('>');
  return t.substr(0, end).find("http://www.w3.org/1999/xhtml") != std::string_view::npos;
}

// The root element's name of an XML document: past the declaration, processing
// instructions, comments and the doctype. "" when it is not found in the sniffed window.
std::string xml_root(std::string_view t, std::string_view* root_tag) {
  while (true) {
    std::size_t i = 0;
    while (i < t.size() && is_html_space(t[i])) ++i;
    t.remove_prefix(i);
    std::string_view close;
    if (starts_with(t, "<?"))
      close = "?>";
    else if (starts_with(t, "<!--"))
      close = "-->";
    else if (starts_with(t, "<!"))
      close = ">";
    else
      break;
    const std::size_t end = t.find(close);
    if (end == std::string_view::npos) return "";
    t.remove_prefix(end + close.size());
  }
  if (!starts_with(t, "<")) return "";
  std::size_t end = 1;
  while (end < t.size() && !is_html_space(t[end]) && t[end] != '>' && t[end] != '/') ++end;
  std::string name = ascii_lower(t.substr(1, end - 1));
  if (const std::size_t colon = name.find(':'); colon != std::string::npos) name.erase(0, colon + 1);
  *root_tag = t;
  return name;
}

bool looks_binary(std::string_view b) {
  const std::string_view head = b.substr(0, kBinaryWindow);
  std::size_t controls = 0;
  for (char ch : head) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (c == 0) return true;
    // The standard's "binary data bytes": C0 controls but tab, LF, FF, CR and ESC (ESC
    // starts ISO-2022-JP escape sequences in text).
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\f' && c != '\r' && c != 0x1B) ++controls;
  }
  // A stray control byte happens in real text (a form feed's cousin pasted from a word
  // processor); one in every 32 bytes does not.
  return controls > 0 && controls * 32 >= head.size();
}

std::string header_essence(std::string_view header) {
  const std::string essence = ascii_lower(trim(header.substr(0, header.find(';'))));
  const std::size_t slash = essence.find('/');
  if (slash == std::string::npos || slash == 0 || slash + 1 == essence.size()) return "";
  return essence;
}

// Headers that say nothing about the body: sniff as if there were none.
bool says_nothing(std::string_view essence) {
  return essence.empty() || essence == "application/octet-stream" || essence == "binary/octet-stream" ||
         essence == "application/binary" || essence == "application/unknown" || essence == "unknown/unknown" ||
         essence == "*/*" || essence == "application/x-download" || essence == "application/force-download";
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool is_xml_type(std::string_view essence) {
  return essence == "text/xml" || essence == "application/xml" || ends_with(essence, "+xml");
}

bool is_json_type(std::string_view essence) {
  return essence == "application/json" || essence == "text/json" || ends_with(essence, "+json");
}

// A textual body that does not start like HTML or XML: what the header says it is.
ContentSniff by_header(std::string_view essence) {
  if (says_nothing(essence)) return {ContentKind::plain_text, "text/plain"};
  if (essence == "text/html") return {ContentKind::html, "text/html"};
  if (essence == "application/xhtml+xml") return {ContentKind::xhtml, "application/xhtml+xml"};
  // A JSON body is an API's data, not a document a reader is shown: its text would change
  // with every reordered key. The tracker should point at the page that renders it.
  if (is_json_type(essence)) return {ContentKind::unsupported, std::string(essence)};
  // Generic XML (feeds, sitemaps, SVG, SOAP) is data or markup tosdiff has no normalizer for;
  // only XHTML is a page, and it was recognised by its root element before getting here.
  if (is_xml_type(essence)) return {ContentKind::unsupported, std::string(essence)};
  // Code, not a document.
  if (essence == "text/css" || essence == "text/javascript" || essence == "application/javascript" ||
      essence == "application/ecmascript" || essence == "text/ecmascript")
    return {ContentKind::unsupported, std::string(essence)};
  // Markdown and CSV are read as they are written: a policy kept as Markdown in a repository,
  // a list of subprocessors as CSV. Their lines are the text; diffing them line by line is
  // what a reader wants. The same holds for other text/* types.
  if (starts_with(essence, "text/")) return {ContentKind::plain_text, std::string(essence)};
  // The header promised a PDF and the bytes are text: an error or interstitial page in plain
  // text. Taken as text, the page checks downstream can tell the error page it is.
  if (essence == "application/pdf") return {ContentKind::plain_text, "text/plain"};
  return {ContentKind::unsupported, std::string(essence)};
}

ContentSniff for_empty_body(std::string_view essence) {
  if (essence == "application/pdf") return {ContentKind::pdf, "application/pdf"};
  return by_header(essence);
}

bool is_blank(std::string_view t) {
  for (char c : t)
    if (!is_html_space(c)) return false;
  return true;
}

}  // namespace

ContentSniff sniff_content(std::string_view content_type_header, std::string_view body) {
  const std::string essence = header_essence(content_type_header);

  Bom bom = detect_bom(body);
  // Binary formats first. A UTF-16 or UTF-8 BOM says text: FF FE would otherwise read as an
  // MPEG frame sync.
  if (bom == Bom::none) {
    if (auto mime = binary_signature(body)) return {ContentKind::unsupported, *mime};
  }
  if (bom == Bom::none) bom = detect_bomless_utf16(body);

  const std::string text = text_view(body, bom, 4096);
  const std::string_view start = skip_space_and_comments(text);

  // A PDF may have a few bytes of junk before its header (Acrobat looks 1024 bytes in); an
  // HTML page that mentions "%PDF-" near its top is still HTML.
  if (bom == Bom::none) {
    const std::size_t pdf = body.substr(0, kPdfWindow).find("%PDF-");
    if (pdf != std::string_view::npos && (pdf == 0 || !strong_html_signature(start)))
      return {ContentKind::pdf, "application/pdf"};
  }

  if (strong_html_signature(start)) {
    if (essence == "application/xhtml+xml") return {ContentKind::xhtml, "application/xhtml+xml"};
    // <html xmlns="http://www.w3.org/1999/xhtml"> served as XML is XHTML; served as HTML (or
    // as anything else) browsers parse it as HTML.
    if (is_xml_type(essence) && starts_with_tag(start, "<html") && has_xhtml_namespace(start))
      return {ContentKind::xhtml, "application/xhtml+xml"};
    return {ContentKind::html, "text/html"};
  }

  if (starts_with(start, "<?xml")) {
    std::string_view root_tag;
    const std::string root = xml_root(start, &root_tag);
    if (essence == "text/html") return {ContentKind::html, "text/html"};
    if (root == "html")
      return has_xhtml_namespace(root_tag) || essence == "application/xhtml+xml"
                 ? ContentSniff{ContentKind::xhtml, "application/xhtml+xml"}
                 : ContentSniff{ContentKind::html, "text/html"};
    if (root == "svg") return {ContentKind::unsupported, "image/svg+xml"};
    if (root == "rss") return {ContentKind::unsupported, "application/rss+xml"};
    if (root == "feed") return {ContentKind::unsupported, "application/atom+xml"};
    return {ContentKind::unsupported, is_xml_type(essence) ? essence : "application/xml"};
  }

  if (bom == Bom::none && looks_binary(body)) return {ContentKind::unsupported, "application/octet-stream"};

  if (is_blank(start)) return for_empty_body(essence);

  if (says_nothing(essence)) {
    std::string_view lead = text;
    while (!lead.empty() && is_html_space(lead.front())) lead.remove_prefix(1);
    if (weak_html_signature(lead) || weak_html_signature(start)) return {ContentKind::html, "text/html"};
  }
  return by_header(essence);
}

std::string_view to_string(ContentKind kind) {
  switch (kind) {
    case ContentKind::html: return "html";
    case ContentKind::xhtml: return "xhtml";
    case ContentKind::plain_text: return "plain_text";
    case ContentKind::pdf: return "pdf";
    case ContentKind::unsupported: return "unsupported";
  }
  return "unsupported";
}

}  // namespace tosdiff
