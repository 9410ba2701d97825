#pragma once
// What every user of libcurl (the fetcher, the webhook and mail channels, the URL functions)
// shares.

#include <curl/curl.h>

#include <optional>
#include <string>

namespace tosdiff {

// curl_global_init is not thread-safe: every user of libcurl calls this first; it runs once
// per process. Throws std::runtime_error if libcurl cannot start.
void init_curl_once();

// A URL held by libcurl's URL API (a CURLU handle), owned: freed when destroyed, copied with
// curl_url_dup. Empty when constructed. Throws std::bad_alloc when libcurl cannot allocate.
class CurlUrl {
 public:
  CurlUrl();
  CurlUrl(const CurlUrl& other);
  CurlUrl& operator=(const CurlUrl& other);
  ~CurlUrl();

  // curl_url_set: `value` parsed into `part`; nullptr clears the part. A relative reference
  // set as CURLUPART_URL is resolved against the URL already held. CURLUE_OK on success;
  // on failure the URL held is unchanged.
  CURLUcode set(CURLUPart part, const char* value, unsigned flags = 0);
  CURLUcode set(CURLUPart part, const std::string& value, unsigned flags = 0) {
    return set(part, value.c_str(), flags);
  }
  // curl_url_get: the part, or nullopt when the URL has none (or it cannot be produced).
  std::optional<std::string> get(CURLUPart part, unsigned flags = 0) const;

 private:
  CURLU* handle_;
};

}  // namespace tosdiff
