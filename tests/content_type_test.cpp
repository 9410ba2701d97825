#include "tosdiff/fetch/content_type.hpp"

#include <string>

#include <gtest/gtest.h>

namespace tosdiff {
namespace {

using namespace std::string_literals;

void expect_sniff(std::string_view header, const std::string& body, ContentKind kind, const std::string& mime) {
  const ContentSniff sniff = sniff_content(header, body);
  EXPECT_EQ(to_string(sniff.kind), to_string(kind)) << "header '" << header << "', body '" << body.substr(0, 40) << "'";
  EXPECT_EQ(sniff.mime, mime) << "header '" << header << "', body '" << body.substr(0, 40) << "'";
}

const std::string kPage = "<!DOCTYPE html><html><head><title>Terms</title></head><body><p>Terms</p></body></html>";
const std::string kPng = "\x89PNG\r\n\x1A\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0"s;
const std::string kPdf = "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n";

// ---- the header agrees with the bytes ---------------------------------------------------------

TEST(ContentType, HtmlServedAsHtml) {
  expect_sniff("text/html; charset=utf-8", kPage, ContentKind::html, "text/html");
  expect_sniff("TEXT/HTML", "<html><body>x</body></html>", ContentKind::html, "text/html");
}

TEST(ContentType, HtmlWithoutASignatureTrustsTheHeader) {
  // Fragments and pages that open with text: the header is all there is to go on.
  expect_sniff("text/html", "Terms of Service<br>Last updated: today", ContentKind::html, "text/html");
  expect_sniff("text/html", "<p>Only a paragraph</p>", ContentKind::html, "text/html");
}

TEST(ContentType, PdfServedAsPdf) { expect_sniff("application/pdf", kPdf, ContentKind::pdf, "application/pdf"); }

TEST(ContentType, PlainText) {
  expect_sniff("text/plain; charset=us-ascii", "Terms of Service\n\n1. You agree.\n", ContentKind::plain_text,
               "text/plain");
}

TEST(ContentType, MarkdownAndCsvAreText) {
  expect_sniff("text/markdown", "# Privacy Policy\n\nWe collect...\n", ContentKind::plain_text, "text/markdown");
  expect_sniff("text/csv", "name,purpose\nAcme,hosting\n", ContentKind::plain_text, "text/csv");
  expect_sniff("text/x-markdown", "Policy\n======\n", ContentKind::plain_text, "text/x-markdown");
  // A Markdown file may open with an HTML comment: it stays Markdown.
  expect_sniff("text/markdown", "<!-- generated -->\n# Policy\n", ContentKind::plain_text, "text/markdown");
}

TEST(ContentType, XhtmlServedAsXhtml) {
  expect_sniff("application/xhtml+xml",
               "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>",
               ContentKind::xhtml, "application/xhtml+xml");
  expect_sniff("application/xhtml+xml", kPage, ContentKind::xhtml, "application/xhtml+xml");
  expect_sniff("application/xhtml+xml", "Some text first", ContentKind::xhtml, "application/xhtml+xml");
}

// ---- the bytes overrule the header ----------------------------------------------------------

TEST(ContentType, PngServedAsHtmlIsAnImage) { expect_sniff("text/html", kPng, ContentKind::unsupported, "image/png"); }

TEST(ContentType, PdfServedAsHtmlIsAPdf) {
  expect_sniff("text/html; charset=utf-8", kPdf, ContentKind::pdf, "application/pdf");
  expect_sniff("text/plain", kPdf, ContentKind::pdf, "application/pdf");
}

TEST(ContentType, PdfHeaderFoundWithinTheFirstKilobyte) {
  expect_sniff("application/octet-stream", std::string(100, '\n') + kPdf, ContentKind::pdf, "application/pdf");
  expect_sniff("", "garbage before\r\n" + kPdf, ContentKind::pdf, "application/pdf");
  // Beyond 1024 bytes it is not a PDF header any more.
  expect_sniff("", std::string(1100, ' ') + "x"s + kPdf, ContentKind::plain_text, "text/plain");
}

TEST(ContentType, HtmlServedAsOctetStreamIsHtml) {
  expect_sniff("application/octet-stream", kPage, ContentKind::html, "text/html");
  expect_sniff("binary/octet-stream", "<p>a fragment", ContentKind::html, "text/html");
}

TEST(ContentType, HtmlServedAsPdfIsTheErrorPageItIs) {
  expect_sniff("application/pdf", "<!doctype html><html><body>Access denied</body></html>", ContentKind::html,
               "text/html");
  // A page about PDFs that shows "%PDF-" near its top is still a page.
  expect_sniff("application/pdf", "<!DOCTYPE html><title>The %PDF-1.7 header</title>", ContentKind::html, "text/html");
}

TEST(ContentType, TextServedAsPdfIsText) {
  expect_sniff("application/pdf", "Access denied.\n", ContentKind::plain_text, "text/plain");
}

TEST(ContentType, HtmlServedAsTextIsHtml) {
  expect_sniff("text/plain", kPage, ContentKind::html, "text/html");
  expect_sniff("text/plain", "\n\n   <HTML lang=en><body>x", ContentKind::html, "text/html");
  expect_sniff("text/plain", "<head><title>x</title></head>", ContentKind::html, "text/html");
  expect_sniff("text/plain", "<body>x</body>", ContentKind::html, "text/html");
  // A weak signature does not overrule a text/plain header: "<p" could open a text file.
  expect_sniff("text/plain", "<p>not quite", ContentKind::plain_text, "text/plain");
  // "<htmlish" is not "<html".
  expect_sniff("text/plain", "<htmlish> text", ContentKind::plain_text, "text/plain");
}

TEST(ContentType, HtmlAfterLeadingCommentsIsHtml) {
  expect_sniff("text/plain", "<!-- build 42 -->\n<!-- cdn -->\n<!DOCTYPE html><html>", ContentKind::html, "text/html");
}

TEST(ContentType, HtmlServedAsJsonIsHtml) { expect_sniff("application/json", kPage, ContentKind::html, "text/html"); }

TEST(ContentType, ByteOrderMarksBeforeHtml) {
  expect_sniff("text/plain", "\xEF\xBB\xBF" + kPage, ContentKind::html, "text/html");
  std::string le = "\xFF\xFE", be = "\xFE\xFF";
  for (char c : kPage) {
    le += c;
    le += '\0';
    be += '\0';
    be += c;
  }
  expect_sniff("", le, ContentKind::html, "text/html");
  expect_sniff("text/plain", be, ContentKind::html, "text/html");
  // FF FE is also an MPEG frame sync: the BOM wins.
  expect_sniff("",
               "\xFF\xFE"
               "a\0b\0c\0"s,
               ContentKind::plain_text, "text/plain");
}

TEST(ContentType, Utf16WithoutBomIsNotBinary) {
  std::string le;
  for (char c : "<!DOCTYPE html><html><body>Terms</body></html>"s) {
    le += c;
    le += '\0';
  }
  expect_sniff("text/html; charset=utf-16le", le, ContentKind::html, "text/html");
}

// ---- no header --------------------------------------------------------------------------------

TEST(ContentType, NoHeaderSniffs) {
  expect_sniff("", kPage, ContentKind::html, "text/html");
  expect_sniff("", kPdf, ContentKind::pdf, "application/pdf");
  expect_sniff("", kPng, ContentKind::unsupported, "image/png");
  expect_sniff("", "Plain words.\n", ContentKind::plain_text, "text/plain");
  expect_sniff("", "<div>a fragment</div>", ContentKind::html, "text/html");
  // HTML5's sectioning elements open fragments too (a site's API serving its terms).
  expect_sniff("", "<header class=\"site\"><nav>Menu</nav></header><p>Terms", ContentKind::html, "text/html");
  expect_sniff("", "<section id=\"terms\"><h2>1. Scope</h2>", ContentKind::html, "text/html");
  // And what a script or a template puts first: a <noscript> notice, a search form.
  expect_sniff("", "<noscript>Enable JavaScript.</noscript><div>Terms</div>", ContentKind::html, "text/html");
  expect_sniff("", "<form role=\"search\"><input type=\"search\"></form><p>Terms", ContentKind::html, "text/html");
  expect_sniff("", "<formal notice>\n", ContentKind::plain_text, "text/plain");
  // Not a word that starts like one of them.
  expect_sniff("", "<headers are listed below>\n", ContentKind::plain_text, "text/plain");
  expect_sniff("text/plain", "<header>x</header>", ContentKind::plain_text, "text/plain");
  expect_sniff("", "<!-- comment --> text", ContentKind::html, "text/html");
  expect_sniff("", "<script>x()</script>", ContentKind::html, "text/html");
  expect_sniff("*/*", "<table><tr><td>x", ContentKind::html, "text/html");
  expect_sniff("unknown/unknown", "words", ContentKind::plain_text, "text/plain");
  expect_sniff("nonsense", "words", ContentKind::plain_text, "text/plain");  // no '/': no header
}

// ---- the types a tracker refuses ----------------------------------------------------------

TEST(ContentType, JsonIsUnsupported) {
  expect_sniff("application/json; charset=utf-8", "{\"terms\": \"...\"}", ContentKind::unsupported, "application/json");
  expect_sniff("application/ld+json", "{}", ContentKind::unsupported, "application/ld+json");
  expect_sniff("text/json", "[1,2]", ContentKind::unsupported, "text/json");
}

TEST(ContentType, GenericXmlIsUnsupported) {
  expect_sniff("application/xml", "<?xml version=\"1.0\"?><terms><clause/></terms>", ContentKind::unsupported,
               "application/xml");
  expect_sniff("text/xml", "<?xml version=\"1.0\"?><terms/>", ContentKind::unsupported, "text/xml");
  expect_sniff("", "<?xml version=\"1.0\"?><urlset/>", ContentKind::unsupported, "application/xml");
  expect_sniff("text/xml", "<terms><clause/></terms>", ContentKind::unsupported, "text/xml");
  expect_sniff("", "<?xml version=\"1.0\"?>\n<!-- c -->\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
               ContentKind::unsupported, "image/svg+xml");
  expect_sniff("application/xml", "<?xml version=\"1.0\"?><rss version=\"2.0\"/>", ContentKind::unsupported,
               "application/rss+xml");
  expect_sniff("", "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"/>", ContentKind::unsupported,
               "application/atom+xml");
}

TEST(ContentType, XhtmlServedAsXmlIsXhtml) {
  const std::string xhtml =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" "
      "\"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd\">\n<html xmlns=\"http://www.w3.org/1999/xhtml\" "
      "lang=\"en\"><body><p>Terms</p></body></html>";
  expect_sniff("application/xml", xhtml, ContentKind::xhtml, "application/xhtml+xml");
  expect_sniff("text/xml", xhtml, ContentKind::xhtml, "application/xhtml+xml");
  expect_sniff("", xhtml, ContentKind::xhtml, "application/xhtml+xml");
  // Served as HTML, browsers parse it as HTML.
  expect_sniff("text/html", xhtml, ContentKind::html, "text/html");
  // Without a prolog: the namespace on <html> decides under an XML header.
  expect_sniff("application/xml", "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>", ContentKind::xhtml,
               "application/xhtml+xml");
  expect_sniff("application/xml", "<html><body/></html>", ContentKind::html, "text/html");
  // An XML prolog before plain HTML: HTML.
  expect_sniff("", "<?xml version=\"1.0\"?><html><body/></html>", ContentKind::html, "text/html");
}

TEST(ContentType, CodeIsUnsupported) {
  expect_sniff("text/css", "body { color: red }", ContentKind::unsupported, "text/css");
  expect_sniff("application/javascript", "var x = 1;", ContentKind::unsupported, "application/javascript");
  expect_sniff("text/javascript", "x()", ContentKind::unsupported, "text/javascript");
}

TEST(ContentType, OtherTypesWithTextBodiesAreUnsupported) {
  expect_sniff("application/msword", "some text", ContentKind::unsupported, "application/msword");
  expect_sniff("image/svg+xml", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>", ContentKind::unsupported,
               "image/svg+xml");
  expect_sniff("video/mp4", "not really", ContentKind::unsupported, "video/mp4");
}

TEST(ContentType, OtherTextTypesAreText) {
  expect_sniff("text/x-rst", "Terms\n=====\n", ContentKind::plain_text, "text/x-rst");
}

// ---- binary signatures ------------------------------------------------------------------------

TEST(ContentType, BinarySignatures) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"\xFF\xD8\xFF\xE0\0\x10JFIF\0"s, "image/jpeg"},
      {"GIF89a\x01\0\x01\0"s, "image/gif"},
      {"GIF87a\x01\0\x01\0"s, "image/gif"},
      {"RIFF\x24\0\0\0WEBPVP8 "s, "image/webp"},
      {"RIFF\x24\0\0\0WAVEfmt "s, "audio/wav"},
      {"RIFF\x24\0\0\0AVI LIST"s, "video/avi"},
      {"BM\x36\0\0\0\0\0\0\0\x36\0\0\0"s, "image/bmp"},
      {"II*\0\x08\0\0\0"s, "image/tiff"},
      {"\0\0\1\0\1\0\x10\x10"s, "image/x-icon"},
      {"PK\x03\x04\x14\0\0\0\x08\0"s + std::string(20, '\0') + "hello.txt", "application/zip"},
      {"\x1F\x8B\x08\0\0\0\0\0"s, "application/gzip"},
      {"BZh91AY&SY\0\0"s, "application/x-bzip2"},
      {"\xFD"
       "7zXZ\0\0"s,
       "application/x-xz"},
      {"\x28\xB5\x2F\xFD\0"s, "application/zstd"},
      {"7z\xBC\xAF\x27\x1C\0\x04"s, "application/x-7z-compressed"},
      {"Rar!\x1A\x07\x01\0"s, "application/vnd.rar"},
      {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0"s, "application/x-ole-storage"},
      {"\0\0\0\x18"
       "ftypmp42\0\0\0\0"s,
       "video/mp4"},
      {"\0\0\0\x1C"
       "ftypisom\0\0\0\0"s,
       "video/mp4"},
      {"\0\0\0\x1C"
       "ftypavif\0\0\0\0"s,
       "image/avif"},
      {"\0\0\0\x18"
       "ftypheic\0\0\0\0"s,
       "image/heic"},
      {"\0\0\0\x20"
       "ftypM4A \0\0\0\0"s,
       "audio/mp4"},
      {"\0\0\0\x14"
       "ftypqt  \0\0\0\0"s,
       "video/quicktime"},
      {"ID3\x04\0\0\0\0\0\0"s, "audio/mpeg"},
      {"\xFF\xFB\x90\x64\0"s, "audio/mpeg"},
      {"OggS\0\x02\0\0"s, "application/ogg"},
      {"fLaC\0\0\0\x22"s, "audio/flac"},
      {"\x1A\x45\xDF\xA3\x01\0"s, "video/webm"},
      {"MThd\0\0\0\x06\0\x01"s, "audio/midi"},
      {"\0asm\x01\0\0\0"s, "application/wasm"},
      {"\x7F"
       "ELF\x02\x01\x01\0"s,
       "application/x-executable"},
      {"\xCA\xFE\xBA\xBE\0\0\0\x34"s, "application/java-vm"},
      {"%!PS-Adobe-3.0\n"s, "application/postscript"},
      {"{\\rtf1\\ansi Terms}"s, "application/rtf"},
      {"wOFF\0\x01\0\0"s, "font/woff"},
      {"wOF2\0\x01\0\0"s, "font/woff2"},
      {"OTTO\0\x0A\0\x80"s, "font/otf"},
      {"\0\x01\0\0\0\x0F\0\x80"s, "font/ttf"},
      {"ttcf\0\x01\0\0"s, "font/collection"},
  };
  for (const auto& [bytes, mime] : cases) {
    SCOPED_TRACE(mime);
    expect_sniff("text/html", bytes, ContentKind::unsupported, mime);
    expect_sniff("", bytes, ContentKind::unsupported, mime);
  }
}

TEST(ContentType, EmbeddedOpenTypeFont) {
  std::string eot(80, '\0');
  eot[8] = 1;  // version
  eot[34] = 'L';
  eot[35] = 'P';
  expect_sniff("", eot, ContentKind::unsupported, "application/vnd.ms-fontobject");
}

TEST(ContentType, OfficeDocumentsInsideZip) {
  const std::string local = "PK\x03\x04\x14\0\x06\0\x08\0\0\0!\0"s + std::string(16, '\x01');
  expect_sniff("", local + "[Content_Types].xml....PK\x03\x04....word/document.xml", ContentKind::unsupported,
               "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  expect_sniff("application/octet-stream", local + "[Content_Types].xml....xl/workbook.xml", ContentKind::unsupported,
               "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  expect_sniff("", local + "[Content_Types].xml....ppt/presentation.xml", ContentKind::unsupported,
               "application/vnd.openxmlformats-officedocument.presentationml.presentation");
  // OpenDocument: an uncompressed "mimetype" entry first, its content after the name.
  const std::string odt_type = "application/vnd.oasis.opendocument.text";
  std::string odt = "PK\x03\x04\x0A\0\0\0\0\0"s + std::string(8, '\0');
  odt += static_cast<char>(odt_type.size());
  odt += "\0\0\0"s;
  odt += static_cast<char>(odt_type.size());
  odt += "\0\0\0\x08\0\0\0"s;
  ASSERT_EQ(odt.size(), 30u);
  odt += "mimetype" + odt_type + "PK\x03\x04";
  expect_sniff("", odt, ContentKind::unsupported, odt_type);
}

TEST(ContentType, TextThatLooksLikeAWeakSignatureIsText) {
  // Three ASCII letters that begin some binary formats begin words too.
  expect_sniff("", "BMW drivers agree to these terms.", ContentKind::plain_text, "text/plain");
  expect_sniff("", "BZh is not bzip2 without its block magic", ContentKind::plain_text, "text/plain");
  expect_sniff("", "ID3 tags are described below.", ContentKind::plain_text, "text/plain");
}

TEST(ContentType, BinaryBytesAreUnsupported) {
  expect_sniff("text/html", "Terms\0of service"s, ContentKind::unsupported, "application/octet-stream");
  expect_sniff("", "\x01\x02\x03\x04 data \x05\x06"s, ContentKind::unsupported, "application/octet-stream");
  expect_sniff("text/plain", std::string(40, '\x02') + std::string(200, 'a'), ContentKind::unsupported,
               "application/octet-stream");
  // A stray control byte in a long text is not enough.
  expect_sniff("text/plain", std::string(300, 'a') + "\x01"s + std::string(200, 'b'), ContentKind::plain_text,
               "text/plain");
  // ESC starts ISO-2022-JP sequences: text.
  expect_sniff("text/plain", "\x1B$B$3$s$K$A$O\x1B(B"s, ContentKind::plain_text, "text/plain");
  // Only the first 512 bytes are looked at.
  expect_sniff("text/plain", std::string(600, 'a') + "\0\0\0"s, ContentKind::plain_text, "text/plain");
}

TEST(ContentType, StrongHtmlSignatureBeatsBinaryBytesLater) {
  expect_sniff("", "<!DOCTYPE html><html>\0\0</html>"s, ContentKind::html, "text/html");
}

// ---- empty bodies -----------------------------------------------------------------------------

TEST(ContentType, EmptyBodyTrustsTheHeader) {
  expect_sniff("text/html", "", ContentKind::html, "text/html");
  expect_sniff("text/html", "  \r\n\t", ContentKind::html, "text/html");
  expect_sniff("text/html", "\xEF\xBB\xBF\n", ContentKind::html, "text/html");
  expect_sniff("application/xhtml+xml", "", ContentKind::xhtml, "application/xhtml+xml");
  expect_sniff("text/plain", "", ContentKind::plain_text, "text/plain");
  expect_sniff("application/pdf", "", ContentKind::pdf, "application/pdf");
  expect_sniff("application/json", "", ContentKind::unsupported, "application/json");
  expect_sniff("", "", ContentKind::plain_text, "text/plain");
}

TEST(ContentType, HeaderParametersAndCaseAreIgnored) {
  expect_sniff("  Text/Plain ; charset=\"utf-8\"", "words", ContentKind::plain_text, "text/plain");
  expect_sniff("APPLICATION/JSON;charset=utf-8", "{}", ContentKind::unsupported, "application/json");
}

TEST(ContentType, KindNames) {
  EXPECT_EQ(to_string(ContentKind::html), "html");
  EXPECT_EQ(to_string(ContentKind::xhtml), "xhtml");
  EXPECT_EQ(to_string(ContentKind::plain_text), "plain_text");
  EXPECT_EQ(to_string(ContentKind::pdf), "pdf");
  EXPECT_EQ(to_string(ContentKind::unsupported), "unsupported");
}

}  // namespace
}  // namespace tosdiff
