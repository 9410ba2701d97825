// `tosdiff digest`: the changes archived in a period, as text, Markdown, HTML or JSON.

#include <ostream>

#include "tosdiff/app/cli.hpp"
#include "tosdiff/util/clock.hpp"
#include "tosdiff/app/commands.hpp"
#include "tosdiff/pipeline/digest_query.hpp"
#include "tosdiff/app/exit_codes.hpp"

namespace tosdiff {
namespace {

std::string readable(std::chrono::system_clock::time_point t) {
  const std::string iso = format_utc(t);
  return iso.substr(0, 10) + " " + iso.substr(11, 5);
}

bool plausible_name(const std::string& name) {
  if (name.empty() || name.size() > 129) return false;
  for (char c : name)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '/')) return false;
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

  Archive archive(context.data_dir());
  std::vector<std::string> warnings, unreadable;
  Digest digest = make_digest(archived_changes(archive, since, until, options.targets, warnings, unreadable));
  digest.unreadable = unreadable.size();
  digest.since = format_utc(since);
  digest.until = format_utc(until);
  digest.generated_at = format_utc(now);
  digest.title = "What changed in the terms you track";
  digest.period = readable(since) + " \u2013 " + readable(until) + " UTC";
  if (!options.targets.empty()) {
    std::string scope;
    for (const auto& t : options.targets) scope += (scope.empty() ? "" : ", ") + t;
    digest.period += " \u00b7 " + scope;
  }
  for (const auto& w : warnings) context.err() << "tosdiff: warning: " << w << "\n";
  for (const auto& u : unreadable) context.err() << "tosdiff: error: " << u << "\n";

  std::ostream& out = context.out();
  if (options.format == "json")
    out << digest_to_json(digest).dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
  else if (options.format == "html") out << digest_to_html(digest);
  else if (options.format == "markdown") out << digest_to_markdown(digest);
  else out << digest_to_text(digest, context.style().color);
  return unreadable.empty() ? exit_code::ok : exit_code::document_failed;
}

}  // namespace tosdiff
