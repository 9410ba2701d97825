// `tosdiff digest`: the changes archived in a period, and the notes written in it, as text,
// Markdown, HTML, JSON or an Atom feed.

#include <ostream>

#include "tosdiff/app/cli.hpp"
#include "tosdiff/util/clock.hpp"
#include "tosdiff/app/commands.hpp"
#include "tosdiff/pipeline/digest_query.hpp"
#include "tosdiff/app/exit_codes.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

std::string readable(std::chrono::system_clock::time_point t) {
  const std::string iso = format_utc(t);
  return iso.substr(0, 10) + " " + iso.substr(11, 5);
}

bool plausible_name(const std::string& name) {
  if (name.empty() || name.size() > 129) return false;
  for (char c : name)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '/'))
      return false;
  return name.front() != '/' && name.back() != '/' && std::count(name.begin(), name.end(), '/') <= 1;
}

}  // namespace

int command_digest(Context& context, const DigestCommandOptions& options) {
  const auto now = context.clock().now();
  std::chrono::system_clock::time_point since, until = now;
  if (!parse_since(options.since, now, since))
    throw UsageError("--since '" + options.since + "' is neither a duration (7d, 24h, 90m, 2w) nor a date (YYYY-MM-DD, or YYYY-MM-DDThh:mm:ss in UTC)");
  if (!options.until.empty() && !parse_until(options.until, now, until))
    throw UsageError("--until '" + options.until + "' is neither a date (YYYY-MM-DD, or YYYY-MM-DDThh:mm:ss in UTC) nor a duration");
  if (since > until) throw UsageError("--since (" + format_utc(since) + ") is after --until (" + format_utc(until) + ")");
  for (const auto& name : options.targets)
    if (!plausible_name(name)) throw UsageError("'" + name + "' is not PLATFORM or PLATFORM/DOCUMENT");
  std::error_code ec;
  if (!std::filesystem::is_directory(context.data_dir(), ec))
    throw FatalError("no archive at " + context.data_dir().string() + " (run `tosdiff check` first)");

  // Names as the other commands take them (any case, aliases), said as the archive says them.
  std::vector<std::string> targets;
  for (const auto& name : options.targets) {
    const std::vector<DocumentSpec> named = context.archived_documents(name);
    if (named.empty()) targets.push_back(ascii_lower(name));
    else targets.push_back(name.find('/') == std::string::npos ? named.front().platform_id : named.front().key());
  }
  Archive archive(context.data_dir());
  std::vector<std::string> warnings, unreadable;
  std::vector<DigestEntry> changes = archived_changes(archive, since, until, targets, warnings, unreadable);
  Digest digest = make_digest(std::move(changes), archived_notes(archive, since, until, targets, warnings));
  digest.unreadable = unreadable.size();
  digest.since = format_utc(since);
  digest.until = format_utc(until);
  digest.generated_at = format_utc(now);
  digest.title = "What changed in the terms you track";
  digest.period = readable(since) + " \u2013 " + readable(until) + " UTC";
  if (!options.targets.empty()) {
    std::string scope;
    for (const auto& t : targets) scope += (scope.empty() ? "" : ", ") + t;
    digest.period += " \u00b7 " + scope;
  }
  for (const auto& w : warnings) context.err() << "tosdiff: warning: " << w << "\n";
  for (const auto& u : unreadable) context.err() << "tosdiff: error: " << u << "\n";

  std::ostream& out = context.out();
  if (options.format == "json")
    out << digest_to_json(digest).dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
  else if (options.format == "html") out << digest_to_html(digest);
  // The feed's id names what it covers, never when it was made: a reader that polls the same
  // command sees one feed.
  else if (options.format == "atom") out << digest_to_atom(digest, "tag:tosdiff,2026:digest" + (targets.empty() ? "" : "/" + join(targets, ",")));
  else if (options.format == "markdown") out << digest_to_markdown(digest);
  else out << digest_to_text(digest, context.style().color);
  return unreadable.empty() ? exit_code::ok : exit_code::document_failed;
}

}  // namespace tosdiff
