#include "tosdiff/model/result.hpp"

#include <ostream>

namespace tosdiff {
namespace {

struct KindName {
  ErrorKind kind;
  std::string_view name;
};

constexpr KindName kKindNames[] = {
    {ErrorKind::bad_url, "bad_url"},
    {ErrorKind::file_not_allowed, "file_not_allowed"},
    {ErrorKind::file, "file"},
    {ErrorKind::dns, "dns"},
    {ErrorKind::connection_refused, "connection_refused"},
    {ErrorKind::connection_reset, "connection_reset"},
    {ErrorKind::truncated, "truncated"},
    {ErrorKind::timeout, "timeout"},
    {ErrorKind::too_large, "too_large"},
    {ErrorKind::redirect, "redirect"},
    {ErrorKind::tls, "tls"},
    {ErrorKind::bad_encoding, "bad_encoding"},
    {ErrorKind::http_retry_after, "http_retry_after"},
    {ErrorKind::network, "network"},
    {ErrorKind::http_status, "http_status"},
    {ErrorKind::interrupted, "interrupted"},
    {ErrorKind::browser_missing, "browser_missing"},
    {ErrorKind::browser_failed, "browser_failed"},
    {ErrorKind::script, "script"},
    {ErrorKind::download, "download"},
    {ErrorKind::blocked, "blocked"},
    {ErrorKind::error_page, "error_page"},
    {ErrorKind::empty, "empty"},
    {ErrorKind::no_match, "no_match"},
    {ErrorKind::selector, "selector"},
    {ErrorKind::suspicious_shrink, "suspicious_shrink"},
    {ErrorKind::too_complex, "too_complex"},
    {ErrorKind::time_budget, "time_budget"},
    {ErrorKind::internal, "internal"},
    {ErrorKind::unsupported_content, "unsupported_content"},
    {ErrorKind::pdf_encrypted, "pdf_encrypted"},
    {ErrorKind::pdf_broken, "pdf_broken"},
    {ErrorKind::pdf_no_text, "pdf_no_text"},
    {ErrorKind::archive, "archive"},
    {ErrorKind::nothing_pending, "nothing_pending"},
    {ErrorKind::exec, "exec"},
    {ErrorKind::webhook, "webhook"},
    {ErrorKind::email, "email"},
};

}  // namespace

std::string_view to_string(ErrorKind kind) {
  for (const KindName& k : kKindNames)
    if (k.kind == kind) return k.name;
  return "network";
}

std::optional<ErrorKind> error_kind_from_string(std::string_view text) {
  for (const KindName& k : kKindNames)
    if (k.name == text) return k.kind;
  return std::nullopt;
}

std::ostream& operator<<(std::ostream& out, ErrorKind kind) { return out << to_string(kind); }

}  // namespace tosdiff
