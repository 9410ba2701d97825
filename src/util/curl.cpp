#include "tosdiff/util/curl.hpp"

#include <mutex>
#include <new>
#include <stdexcept>

namespace tosdiff {

void init_curl_once() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
      throw std::runtime_error("libcurl could not be initialised");
  });
}

// The URL API needs no global state of its own, but curl_global_init rewrites libcurl's
// allocator pointers: running it first keeps a URL made on one thread from racing with a
// fetcher starting on another.
CurlUrl::CurlUrl() {
  init_curl_once();
  handle_ = curl_url();
  if (!handle_) throw std::bad_alloc();
}

CurlUrl::CurlUrl(const CurlUrl& other) : handle_(curl_url_dup(other.handle_)) {
  if (!handle_) throw std::bad_alloc();
}

CurlUrl& CurlUrl::operator=(const CurlUrl& other) {
  if (this != &other) {
    CURLU* copy = curl_url_dup(other.handle_);
    if (!copy) throw std::bad_alloc();
    curl_url_cleanup(handle_);
    handle_ = copy;
  }
  return *this;
}

CurlUrl::~CurlUrl() { curl_url_cleanup(handle_); }

CURLUcode CurlUrl::set(CURLUPart part, const char* value, unsigned flags) {
  return curl_url_set(handle_, part, value, flags);
}

std::optional<std::string> CurlUrl::get(CURLUPart part, unsigned flags) const {
  char* value = nullptr;
  if (curl_url_get(handle_, part, &value, flags) != CURLUE_OK || !value) return std::nullopt;
  std::string out(value);
  curl_free(value);
  return out;
}

}  // namespace tosdiff
