#pragma once
// Synthetic PDFs for the tests of extract/pdf_text: written byte by byte, so a test says
// exactly what is on the page. Fonts are the standard Helvetica and Helvetica-Bold (not
// embedded, WinAnsi encoding) with their widths written into the file, so the layout the
// Typesetter computes is the one poppler measures. Text is UTF-8; characters outside
// WinAnsi become '?'.

#include <optional>
#include <string>
#include <vector>

namespace tosdiff::testing {

struct PdfText {
  double x = 72;     // left edge, points from the page's left
  double y = 72;     // baseline, points from the page's top
  double size = 11;  // font size, points
  bool bold = false;
  std::string text;  // UTF-8
  int turn = 0;  // 1: runs bottom to top from (x, y), as a table printed sideways; -1: top to bottom
};

struct PdfPage {
  double width = 612, height = 792;  // US Letter
  int rotate = 0;                    // the page's /Rotate
  std::vector<PdfText> texts;
  bool image = false;  // a grey image over the text area (a scanned page)
};

struct PdfEncryption {
  std::string user_password;  // "" opens without asking
  std::string owner_password = "owner";
  bool allow_copy = true;  // permission bit 5 (copy / extract text)
};

struct PdfBuildOptions {
  bool compress = false;                    // content streams FlateDecode'd
  std::optional<PdfEncryption> encryption;  // RC4 40-bit, standard security handler R2
};

std::string build_pdf(const std::vector<PdfPage>& pages, const PdfBuildOptions& options = {});

// Width of `text` in points as the builder's fonts set it.
double text_width(const std::string& utf8, double size);

// Lays out running text on Letter pages, top to bottom, wrapping at the right margin, with
// optional running header and footer ("Page N of M") added to every page by pages().
class Typesetter {
 public:
  struct Style {
    double size = 11;
    bool bold = false;
    double indent = 0;        // from the left margin, every line
    double first_indent = 0;  // added to the first line only
    double space_before = 6;  // extra space above the first line, points
    double leading = 1.2;     // baseline distance / size
  };

  double left = 72, right = 540, top = 72, bottom = 720;  // text area on a 612 x 792 page

  // Text wrapped into lines; an explicit '\n' ends a line where it is.
  void paragraph(const std::string& text, const Style& style);
  void paragraph(const std::string& text) { paragraph(text, Style{}); }
  void heading(const std::string& text, double size, bool bold = true);
  // `marker` at `indent`, the text hanging at indent + hang.
  void list_item(const std::string& marker, const std::string& text, double indent = 18, double hang = 18);
  void page_break();

  std::string header;         // drawn at the top of every page when not empty
  bool page_numbers = false;  // "Page N of M" at the bottom right of every page

  std::vector<PdfPage> pages() const;

 private:
  void line(const std::string& text, double x, const Style& style, bool first);
  std::vector<PdfPage> pages_{PdfPage{}};
  double y_ = 0;  // baseline of the last line on the current page; 0: none yet
};

}  // namespace tosdiff::testing
