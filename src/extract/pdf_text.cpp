#include "tosdiff/extract/pdf_text.hpp"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>
#include <poppler/cpp/poppler-page-renderer.h>

#include <algorithm>
#include <climits>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "tosdiff/extract/pdf_blocks.hpp"
#include "tosdiff/extract/pdf_lines.hpp"
#include "tosdiff/extract/pdf_running_lines.hpp"
#include "tosdiff/util/strings.hpp"
#include "tosdiff/util/unicode_compose.hpp"

namespace tosdiff {
namespace {

// ---------------------------------------------------------------------------------------
// Poppler's diagnostics. By default poppler-cpp prints every syntax warning to stderr, which
// a run over many documents would fill. The hook is process-wide, so it is installed once;
// what it receives goes to the collector of the call running on the same thread (poppler
// reports synchronously, from inside the call that parses).

thread_local std::vector<std::string>* t_diagnostics = nullptr;

void collect_diagnostic(const std::string& message, void*) {
  if (t_diagnostics != nullptr && t_diagnostics->size() < 4) t_diagnostics->push_back(message);
}

class DiagnosticScope {
 public:
  DiagnosticScope() {
    static std::once_flag once;
    std::call_once(once, [] { poppler::set_debug_error_function(collect_diagnostic, nullptr); });
    previous_ = t_diagnostics;
    t_diagnostics = &messages_;
  }
  ~DiagnosticScope() { t_diagnostics = previous_; }
  DiagnosticScope(const DiagnosticScope&) = delete;
  DiagnosticScope& operator=(const DiagnosticScope&) = delete;
  const std::vector<std::string>& messages() const { return messages_; }

 private:
  std::vector<std::string> messages_;
  std::vector<std::string>* previous_ = nullptr;
};

std::size_t count_visible(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return c != ' '; }));
}

}  // namespace

Result<Text> pdf_to_text(std::string_view pdf_bytes, const PdfOptions& options) {
  if (pdf_bytes.size() > static_cast<std::size_t>(INT_MAX)) return Error{ErrorKind::too_large, "the PDF is over 2 GiB"};
  if (pdf_bytes.empty()) return Error{ErrorKind::pdf_broken, "the PDF is empty (0 bytes)"};

  DiagnosticScope diagnostics;
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(pdf_bytes.data(), static_cast<int>(pdf_bytes.size())));
  if (!doc) {
    std::string message = "poppler cannot load the PDF";
    if (!diagnostics.messages().empty()) message += " (" + std::string(trim(diagnostics.messages().front())) + ")";
    return Error{ErrorKind::pdf_broken, message};
  }
  if (doc->is_locked()) return Error{ErrorKind::pdf_encrypted, "the PDF is encrypted and needs a password to open"};
  if (!doc->has_permission(poppler::perm_copy))
    return Error{ErrorKind::pdf_encrypted,
                 "the PDF's permissions forbid text extraction (copying is disabled by its owner password)"};

  const int page_count = doc->pages();
  if (page_count <= 0) return Error{ErrorKind::pdf_broken, "the PDF has no pages"};
  if (static_cast<std::size_t>(page_count) > options.max_pages)
    return Error{ErrorKind::too_large, "the PDF has " + std::to_string(page_count) + " pages, more than the limit of " +
                                  std::to_string(options.max_pages)};

  std::vector<PdfLine> lines;
  std::vector<PdfPageFrame> frames;
  std::size_t text_bytes = 0;
  for (int p = 0; p < page_count; ++p) {
    std::unique_ptr<poppler::page> page(doc->create_page(p));
    if (!page) {
      frames.push_back({});
      continue;
    }
    // A page's text in each of its reading frames, each read as a page of its own (a table
    // printed sideways is read after the upright text around it).
    for (PdfPageWords& words : read_page(*page)) {
      text_bytes += words.bytes;
      if (text_bytes > options.max_text_bytes)
        return Error{ErrorKind::too_large,
                     "the PDF's text is over the limit of " + std::to_string(options.max_text_bytes) + " bytes"};
      for (PdfLine& line : build_lines(std::move(words.words), frames.size())) {
        line.page_width = words.frame.width;
        line.page_height = words.frame.height;
        lines.push_back(std::move(line));
      }
      frames.push_back(words.frame);
    }
  }

  drop_contents_page_numbers(lines, static_cast<std::size_t>(page_count));
  RunningLines running = drop_running_lines(lines, frames);
  std::vector<PdfLine> kept;
  for (PdfLine& l : lines)
    if (!l.dropped) kept.push_back(std::move(l));
  const PdfStyle style = measure_style(kept);
  measure_columns(kept, style);
  Text text = classify_blocks(build_blocks(kept, style), style);
  // The running lines' words, once, above and below the text: where no page break moves them.
  std::vector<Block> heads;
  for (std::string& line : running.heads) heads.push_back(Block{BlockKind::paragraph, 0, "", std::move(line)});
  text.blocks.insert(text.blocks.begin(), std::make_move_iterator(heads.begin()), std::make_move_iterator(heads.end()));
  for (std::string& line : running.feet) text.blocks.push_back(Block{BlockKind::paragraph, 0, "", std::move(line)});
  // A PDF's text layer often keeps accents apart from their letters (a font's glyphs).
  for (Block& block : text.blocks) block.text = compose_canonical(std::move(block.text));

  std::size_t visible = 0;
  for (const Block& b : text.blocks) visible += count_visible(b.text);
  if (visible < std::max<std::size_t>(16, 10 * static_cast<std::size_t>(page_count)))
    return Error{ErrorKind::pdf_no_text, "scanned or image-only PDF: no text layer; tosdiff does not OCR (" +
                                    std::to_string(page_count) + (page_count == 1 ? " page, " : " pages, ") +
                                    std::to_string(visible) + " characters of text)"};
  return text;
}

std::vector<std::size_t> pdf_pages_without_text(std::string_view pdf_bytes) {
  // A page is inked where a pixel of it, drawn in grey at 12 dpi, is darker than light grey.
  constexpr double kDotsPerInch = 12;
  constexpr unsigned char kInk = 200;
  std::vector<std::size_t> out;
  if (pdf_bytes.empty() || pdf_bytes.size() > static_cast<std::size_t>(INT_MAX)) return out;
  DiagnosticScope diagnostics;
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(pdf_bytes.data(), static_cast<int>(pdf_bytes.size())));
  if (!doc || doc->is_locked()) return out;
  poppler::page_renderer renderer;
  if (!poppler::page_renderer::can_render()) return out;
  renderer.set_image_format(poppler::image::format_gray8);
  for (int p = 0; p < doc->pages(); ++p) {
    std::unique_ptr<poppler::page> page(doc->create_page(p));
    if (!page) continue;
    const std::vector<poppler::text_box> boxes = page->text_list();
    if (std::any_of(boxes.begin(), boxes.end(), [](const poppler::text_box& box) { return !box.text().empty(); }))
      continue;
    const poppler::image image = renderer.render_page(page.get(), kDotsPerInch, kDotsPerInch);
    if (!image.is_valid()) continue;
    bool inked = false;
    for (int y = 0; y < image.height() && !inked; ++y) {
      const auto* row = reinterpret_cast<const unsigned char*>(image.const_data()) +
                        static_cast<std::size_t>(y) * static_cast<std::size_t>(image.bytes_per_row());
      inked = std::any_of(row, row + image.width(), [](unsigned char pixel) { return pixel < kInk; });
    }
    if (inked) out.push_back(static_cast<std::size_t>(p) + 1);
  }
  return out;
}

}  // namespace tosdiff
