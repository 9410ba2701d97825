#include "tosdiff/report/record_html.hpp"

#include <limits>

#include "tosdiff/report/change_card.hpp"
#include "tosdiff/report/change_words.hpp"
#include "tosdiff/report/record_text.hpp"

namespace tosdiff {

std::string record_to_html(const ChangeRecord& record, const std::string& captured_at) {
  HtmlPage page;
  page.title = platform_name(record) + " \u2014 " + document_name(record);
  if (record.current && record.previous)
    page.period = "version " + record.previous->version + " \u2192 version " + record.current->version;
  page.counts = summarize(record);
  page.generated_at = captured_at.empty() ? record.checked_at : captured_at;
  std::string rows;
  if (record.status == Status::unchanged) {
    rows = message_row_html("The versions are identical.");
  } else {
    rows = change_card_html(record, captured_at, CardOptions{std::numeric_limits<std::size_t>::max(), true});
  }
  return html_page(page, rows);
}

}  // namespace tosdiff
