#include "tosdiff/util/curl.hpp"

#include <curl/curl.h>

#include <mutex>
#include <stdexcept>

namespace tosdiff {

void init_curl_once() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) throw std::runtime_error("libcurl could not be initialised");
  });
}

}  // namespace tosdiff
