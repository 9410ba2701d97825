// The digest as an Atom 1.0 feed (RFC 4287), for feed readers: digest.hpp says which ids.

#include <algorithm>
#include <sstream>

#include "tosdiff/report/change_card.hpp"
#include "tosdiff/report/change_words.hpp"
#include "tosdiff/report/digest.hpp"
#include "tosdiff/report/escape.hpp"
#include "tosdiff/report/record_text.hpp"
#include "tosdiff/util/utf8.hpp"

namespace tosdiff {
namespace {

// An RFC 3339 time as Atom wants it; the archive's times already are ("2026-11-29T12:00:00Z").
std::string atom_time(const std::string& iso) { return iso.empty() ? "1970-01-01T00:00:00Z" : iso; }

// tag:tosdiff,<YYYY-MM-DD>:<specific>. The date is the day the thing happened, so an id is
// never reused by another change, even in an archive started afresh (whose v1 is not this
// one's v1). A tag's specific part may hold a-z, 0-9, '-', '/', ':' and '.': ids and times do.
std::string tag(const std::string& when, const std::string& specific) {
  const std::string day = when.size() >= 10 ? when.substr(0, 10) : "1970-01-01";
  return "tag:tosdiff," + day + ":" + specific;
}

struct Item {
  std::string updated;  // for the order, newest first
  std::string xml;
};

void text_element(std::ostringstream& o, const char* name, const std::string& text) {
  o << "<" << name << ">" << xml_escape(text) << "</" << name << ">\n";
}

Item change_item(const DigestEntry& e) {
  const ChangeRecord& r = e.record;
  const std::string when = e.captured_at.empty() ? r.checked_at : e.captured_at;
  const std::string version = r.current ? r.current->version : "";
  std::ostringstream o;
  o << "<entry>\n";
  text_element(o, "id", tag(when, r.platform + "/" + r.document + "/v" + version));
  text_element(o, "title", upper(kind_word(r)) + " \u00b7 " + platform_name(r) + " \u2014 " + document_name(r) + ": " +
                               short_summary(r));
  o << "<updated>" << xml_escape(atom_time(when)) << "</updated>\n";
  if (!r.urls.empty() && http_url(r.urls.front()))
    o << "<link rel=\"alternate\" type=\"text/html\" href=\"" << xml_escape(r.urls.front()) << "\"/>\n";
  o << "<category term=\"" << xml_escape(kind_word(r)) << "\" label=\"" << xml_escape(kind_word(r)) << "\"/>\n";
  for (const auto& topic : r.topics)
    o << "<category term=\"" << xml_escape(topic.id) << "\" label=\"" << xml_escape(topic.label) << "\"/>\n";
  text_element(o, "summary", summarize(r));
  o << "<content type=\"html\">" << xml_escape(change_card_fragment(r, e.captured_at, CardOptions{kDigestPlaces, false}))
    << "</content>\n</entry>\n";
  return {when, o.str()};
}

Item note_item(const DigestNote& n) {
  std::ostringstream o;
  o << "<entry>\n";
  text_element(o, "id", tag(n.at, n.platform + "/" + n.document + "/note/" + n.at));
  text_element(o, "title", "NOTE \u00b7 " + (n.platform_name.empty() ? n.platform : n.platform_name) + " \u2014 " +
                               (n.document_name.empty() ? n.document : n.document_name));
  o << "<updated>" << xml_escape(atom_time(n.at)) << "</updated>\n";
  o << "<category term=\"note\" label=\"note\"/>\n";
  text_element(o, "content", n.text);
  o << "</entry>\n";
  return {n.at, o.str()};
}

}  // namespace

std::string digest_to_atom(const Digest& d, const std::string& feed_id) {
  std::vector<Item> items;
  for (const auto& g : d.groups) {
    for (const auto& e : g.entries) items.push_back(change_item(e));
    for (const auto& n : g.notes) items.push_back(note_item(n));
  }
  std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.updated > b.updated; });
  // The feed changed when its newest entry did: a reader polling an unchanged period sees
  // the same feed, not a new one each time it is generated.
  const std::string updated = items.empty() ? atom_time(d.until.empty() ? d.generated_at : d.until) : items.front().updated;
  std::ostringstream o;
  o << "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n";
  text_element(o, "id", feed_id);
  text_element(o, "title", d.title);
  if (!d.period.empty()) text_element(o, "subtitle", d.period);
  o << "<updated>" << xml_escape(updated) << "</updated>\n";
  o << "<author><name>tosdiff</name></author>\n<generator>tosdiff</generator>\n";
  for (const Item& item : items) o << item.xml;
  o << "</feed>\n";
  return repair_utf8(o.str());
}

}  // namespace tosdiff
