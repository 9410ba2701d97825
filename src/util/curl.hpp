#pragma once
// What every user of libcurl (the fetcher, the webhook and mail channels) shares.

namespace tosdiff {

// curl_global_init is not thread-safe: every user of libcurl calls this first; it runs once
// per process. Throws std::runtime_error if libcurl cannot start.
void init_curl_once();

}  // namespace tosdiff
