// `tosdiff add URL` (a declaration for a page) and `tosdiff normalize FILE --suggest` (the
// same proposal for a local file): commands.hpp says what they promise.

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <ostream>

#include <nlohmann/json.hpp>

#include "tosdiff/app/cli.hpp"
#include "tosdiff/app/commands.hpp"
#include "tosdiff/app/exit_codes.hpp"
#include "tosdiff/catalog/declaration.hpp"
#include "tosdiff/catalog/declaration_file.hpp"
#include "tosdiff/fetch/browser.hpp"
#include "tosdiff/fetch/fetcher.hpp"
#include "tosdiff/pipeline/declaration_draft.hpp"
#include "tosdiff/util/atomic_file.hpp"
#include "tosdiff/util/bounded_file.hpp"
#include "tosdiff/util/strings.hpp"
#include "tosdiff/util/url.hpp"

namespace tosdiff {
namespace {

// "www.acme-ai.com" -> "Acme-ai": a name to start from; --name gives the real one.
std::string name_from_host(const std::string& host) {
  std::string label = host.rfind("www.", 0) == 0 ? host.substr(4) : host;
  label = label.substr(0, label.find('.'));
  if (!label.empty()) label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
  return label;
}

// Where `add` writes: the catalog directory the user's declarations stack last from.
std::filesystem::path target_directory(const Context& context) {
  const auto dirs = context.catalog_directories();
  if (!dirs.empty()) return dirs.back();
  const char* xdg = std::getenv("XDG_CONFIG_HOME");
  const char* home = std::getenv("HOME");
  if (xdg && *xdg) return std::filesystem::path(xdg) / "tosdiff" / "catalog";
  if (home && *home) return std::filesystem::path(home) / ".config" / "tosdiff" / "catalog";
  throw UsageError("no catalog directory to write to: give --catalog DIR (or set TOSDIFF_CATALOG or HOME)");
}

Result<FetchResponse> fetch_one(const std::string& url) {
  FetchLimits limits;
  limits.jobs = 1;
  limits.per_host = 1;
  auto fetcher = make_curl_fetcher(limits);
  std::optional<Result<FetchResponse>> got;
  FetchRequest request;
  request.url = url;
  fetcher->fetch_all({request}, [&](std::size_t, Result<FetchResponse> result) { got = std::move(result); });
  return got ? std::move(*got) : Result<FetchResponse>(Error{ErrorKind::network, "no response"});
}

Result<RenderedPage> render_one(const std::string& url, const std::string& browser) {
  BrowserOptions options;
  options.executable = browser;
  options.max_tabs = 1;
  auto renderer = make_chromium_renderer(options);
  std::optional<Result<RenderedPage>> got;
  RenderRequest request;
  request.url = url;
  renderer->render(request, [&](Result<RenderedPage> result) { got = std::move(result); });
  renderer->wait_idle();
  return got ? std::move(*got) : Result<RenderedPage>(Error{ErrorKind::browser_failed, "no rendering"});
}

// The proposal and the text, as `add` and `normalize --suggest` show them.
void show_draft(std::ostream& out, const DeclarationDraft& draft) {
  if (draft.selectors) {
    out << "select: " << join(draft.selectors->select, ", ") << "   (" << draft.selectors->why << ")\n";
    out << "remove: " << (draft.selectors->remove.empty() ? "-" : join(draft.selectors->remove, ", ")) << "\n";
    out << (draft.selectors->agrees ? "agrees with tosdiff's own reading of the page"
                                    : "differs from tosdiff's own reading of the page: review it")
        << "\n";
  }
  if (draft.execute_client_scripts) out << "executeClientScripts: true   (the page is built by JavaScript)\n";
  std::size_t words = 0;
  for (const Block& block : draft.text.blocks)
    words += static_cast<std::size_t>(std::count(block.text.begin(), block.text.end(), ' ')) + 1;
  out << "the text tosdiff would track (" << counted(draft.text.blocks.size(), "block") << ", "
      << counted(words, "word") << "):\n";
  for (const Block& block : draft.text.blocks) out << "  " << render_block(block) << "\n";
}

TermsEntry entry_of(const std::string& url, const DeclarationDraft& draft) {
  TermsEntry entry;
  entry.fetch = url;
  if (draft.selectors) {
    entry.select = draft.selectors->select;
    entry.remove = draft.selectors->remove;
  }
  entry.execute_client_scripts = draft.execute_client_scripts;
  return entry;
}

}  // namespace

int command_add(Context& context, const AddCommandOptions& options) {
  const std::string scheme = url_scheme(options.url);
  if ((scheme != "http" && scheme != "https") || url_host(options.url).empty())
    throw UsageError("'" + options.url + "' is not an http(s) URL");
  const std::string type(trim(options.type));
  if (id_from_name(type).empty() || !is_valid_id(id_from_name(type)))
    throw UsageError("the terms type '" + options.type + "' does not give a document id");
  const std::string name = options.name.empty() ? name_from_host(url_host(options.url)) : std::string(trim(options.name));
  const std::string platform = id_from_name(name);
  if (!is_valid_id(platform)) throw UsageError("the name '" + name + "' does not give a platform id: give --name");
  const std::filesystem::path file = target_directory(context) / (name + ".json");
  std::string existing;
  if (std::error_code ec; std::filesystem::exists(file, ec)) {
    const BoundedRead read = read_bounded_file(file, kMaxDeclarationBytes);
    if (!read.ok()) throw UsageError(file.string() + ": " + read.problem);
    existing = read.text;
  }

  // The page, as a check reads it: over HTTP, then in the browser when it is a shell.
  std::ostream& out = context.out();
  auto fetched = fetch_one(options.url);
  if (!fetched) {
    context.err() << "tosdiff: error: " << to_string(fetched.error().kind) << ": " << fetched.error().message << "\n";
    return exit_code::document_failed;
  }
  DraftPage page{options.url, fetched->status, fetched->content_type, std::move(fetched->body), false};
  DraftOutcome outcome = draft_declaration(page, !options.no_browser);
  if (outcome.needs_render) {
    auto rendered = render_one(options.url, options.browser);
    if (!rendered) {
      context.err() << "tosdiff: error: " << options.url << " is built by JavaScript and could not be rendered: "
                    << to_string(rendered.error().kind) << ": " << rendered.error().message << "\n";
      return exit_code::document_failed;
    }
    page = DraftPage{options.url, rendered->status, rendered->content_type, std::move(rendered->html), true};
    outcome = draft_declaration(page, false);
  }
  if (outcome.error) {
    context.err() << "tosdiff: error: " << to_string(outcome.error->kind) << ": " << outcome.error->message
                  << " (not a document to track)\n";
    return exit_code::document_failed;
  }
  const DeclarationDraft& draft = *outcome.draft;
  for (const std::string& warning : draft.warnings) context.err() << "tosdiff: warning: " << warning << "\n";

  // The declaration, checked by the parser every command reads it with before it is written.
  const DeclarationEdit edit = with_terms_entry(existing, name, type, entry_of(options.url, draft),
                                                options.force ? ExistingEntry::replace : ExistingEntry::keep);
  if (!edit.problem.empty())
    throw UsageError(file.string() + ": " + edit.problem + (options.force ? "" : " (--force replaces it)"));
  const ParsedDeclaration parsed = parse_declaration(edit.text, file.stem().string(), file.string());
  for (const Diagnostic& d : parsed.diagnostics)
    if (d.severity == Diagnostic::Severity::error)
      throw FatalError("the declaration made for " + file.string() + " would not be valid: " + d.location + ": " + d.message);
  const std::string key = parsed.platform.id + "/" + id_from_name(type);
  out << "tosdiff add: " << options.url << " as " << key << " (\"" << type << "\" of " << name << ")\n";
  show_draft(out, draft);
  if (options.dry_run) {
    out << "not written (--dry-run): " << file.string() << " would be\n" << edit.text;
    return exit_code::ok;
  }
  write_file_atomically(file, edit.text);
  out << (edit.replaced ? "replaced" : "wrote") << " \"" << type << "\" in " << file.string() << "\n"
      << "next: tosdiff" << (context.options().catalogs.empty() ? "" : " --catalog " + file.parent_path().string())
      << " check " << key << "\n";
  return exit_code::ok;
}

int command_suggest(Context& context, const std::string& file, const std::string& bytes) {
  DraftPage page{file, 200, "", bytes, false};
  const DraftOutcome outcome = draft_declaration(page, false);
  if (outcome.error) {
    context.err() << "tosdiff: error: " << to_string(outcome.error->kind) << ": " << outcome.error->message
                  << " (not a document to track)\n";
    return exit_code::document_failed;
  }
  for (const std::string& warning : outcome.draft->warnings) context.err() << "tosdiff: warning: " << warning << "\n";
  show_draft(context.out(), *outcome.draft);
  TermsEntry entry = entry_of("URL", *outcome.draft);
  const DeclarationEdit edit = with_terms_entry("", "NAME", "Terms of Service", entry, ExistingEntry::replace);
  context.out() << "as a declaration (set \"name\", the terms type and \"fetch\"):\n" << edit.text;
  return exit_code::ok;
}

}  // namespace tosdiff
