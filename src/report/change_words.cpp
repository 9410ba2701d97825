#include "tosdiff/report/change_words.hpp"

#include "tosdiff/report/record_text.hpp"

namespace tosdiff {
namespace {

const std::string kTitleSeparator = " \u2014 ";  // catalog titles: "<platform name> — <terms type>"

}  // namespace

std::string plural(std::size_t n, const std::string& one, const std::string& many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

std::string platform_name(const ChangeRecord& r) {
  const auto at = r.title.find(kTitleSeparator);
  return at == std::string::npos || at == 0 ? r.platform : r.title.substr(0, at);
}

std::string document_name(const ChangeRecord& r) {
  const auto at = r.title.find(kTitleSeparator);
  if (at == std::string::npos) return r.title.empty() ? r.document : r.title;
  return r.title.substr(at + kTitleSeparator.size());
}

std::string readable_time(const std::string& iso) {
  if (iso.size() < 16 || iso[10] != 'T') return iso;
  return iso.substr(0, 10) + " " + iso.substr(11, 5) + " UTC";
}

std::string kind_word(const ChangeRecord& r) {
  if (is_substantive_change(r)) return r.severity == Severity::unclassified ? "changed" : std::string(to_string(r.severity));
  return r.status == Status::new_document ? "new" : "cosmetic";
}

std::string version_phrase(const ChangeRecord& r, const std::string& captured_at) {
  std::string out;
  if (r.current) out = "version " + r.current->version;
  if (r.previous) out += " (was " + r.previous->version + ")";
  const std::string when = readable_time(captured_at.empty() ? r.checked_at : captured_at);
  return out.empty() ? when : out + ", " + when;
}

std::vector<const Hunk*> shown_hunks(const ChangeRecord& r, std::size_t limit, std::size_t& more) {
  std::vector<const Hunk*> out;
  more = 0;
  if (!r.change || !is_substantive_change(r)) return out;
  for (const auto& h : r.change->hunks) {
    if (h.cosmetic) continue;
    if (out.size() < limit) out.push_back(&h);
    else ++more;
  }
  return out;
}

std::string short_summary(const ChangeRecord& r) {
  std::string s = summarize(r);
  const std::string name = r.title.empty() ? r.platform + "/" + r.document : r.title;
  if (s.rfind(name, 0) == 0) {
    s.erase(0, name.size());
    if (s.rfind(": ", 0) == 0) s.erase(0, 2);
    else if (!s.empty() && s[0] == ' ') s.erase(0, 1);
  }
  return s;
}

std::vector<std::string> first_of(std::vector<std::string> names, std::size_t limit) {
  if (names.size() > limit) {
    const std::size_t more = names.size() - limit;
    names.resize(limit);
    names.push_back("+" + std::to_string(more) + " more");
  }
  return names;
}

bool http_url(const std::string& url) { return url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0; }

}  // namespace tosdiff
