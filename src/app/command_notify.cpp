// `tosdiff notify --test`: does every alert target work? A sample change through each.

#include <ostream>

#include "tosdiff/app/cli.hpp"
#include "tosdiff/app/commands.hpp"
#include "tosdiff/app/exit_codes.hpp"
#include "tosdiff/app/settings.hpp"
#include "tosdiff/model/text.hpp"
#include "tosdiff/notify/sender.hpp"
#include "tosdiff/pipeline/record_builder.hpp"
#include "tosdiff/util/sha256.hpp"
#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

// A change as a check would record it, made by the one record builder from two small texts,
// so that every channel gets what it gets for a real change: the record's JSON, a webhook's
// message, a digest by email. Its platform says it is a test.
ChangeRecord sample_change(const Clock& clock, const Rules& rules) {
  const std::string before_text =
      "# Sample Terms of Service\n## 4. Your content\nWe keep your content for one year after you close your account.\n";
  const std::string after_text =
      "# Sample Terms of Service\n## 4. Your content\nWe keep your content for five years after you close your "
      "account, and we may use it to train our artificial intelligence models.\n";
  const Text before = parse_text(before_text), after = parse_text(after_text);
  const std::string now = format_utc(clock.now());
  RecordInput input;
  input.platform = "tosdiff-test";
  input.document = "sample-terms";
  input.title = "tosdiff test alert \u2014 Sample Terms of Service";
  input.checked_at = now;
  input.previous = VersionEntry{};
  input.previous->number = 1;
  input.previous->captured_at = now;
  input.previous->sha256 = sha256_hex(before_text);
  input.previous_text = &before;
  input.current.number = 2;
  input.current.captured_at = now;
  input.current.sha256 = sha256_hex(after_text);
  input.current_text = &after;
  static const std::string kTestWarning = "a test alert sent by `tosdiff notify --test`: nothing changed";
  input.warnings.push_back(kTestWarning);
  input.rules = &rules;
  return build_record(input).record;
}

}  // namespace

int command_notify(Context& context, const NotifyCommandOptions& options) {
  if (!options.test) throw UsageError("notify needs --test (it sends a sample change to every alert target)");
  CheckCommandOptions flags;
  flags.notify_exec = options.notify_exec;
  flags.notify_webhook = options.notify_webhook;
  flags.notify_email = options.notify_email;
  const CheckSettings settings = check_settings(flags, context.config(), context.rules());
  if (settings.alert_targets.empty())
    throw UsageError("no alert target to test: add one to the configuration file's \"alerts\" (docs/alerts.md), or "
                     "give --notify-exec, --notify-webhook or --notify-email");
  const ChangeRecord record = sample_change(context.clock(), context.rules());
  auto sender = make_alert_sender(context.clock());
  std::ostream& out = context.out();
  out << "sending a sample change (" << record.key() << ", severity " << to_string(record.severity) << ") to "
      << counted(settings.alert_targets.size(), "alert target") << ", their filters set aside:\n";
  std::size_t failed = 0;
  for (AlertTarget target : settings.alert_targets) {
    target.retries = 0;  // a test says how the first attempt went, now
    const Result<std::string> result = sender->send(target, {record});
    if (!result) ++failed;
    out << (result ? "ok      " : "FAILED  ") << target.label() << " (" << target.origin << "): "
        << (result ? result.value() : result.error().message) << "\n";
  }
  if (failed) context.err() << "tosdiff: " << counted(failed, "alert target") << " of " << settings.alert_targets.size()
                            << " failed the test\n";
  return failed ? exit_code::document_failed : exit_code::ok;
}

}  // namespace tosdiff
