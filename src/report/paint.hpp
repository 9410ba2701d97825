#pragma once
// Terminal colours for the text reports (record_text, digest): an SGR code around a text, or
// the text alone when colour is off (not a terminal, NO_COLOR, --color never).

#include <string>

namespace tosdiff {

struct Paint {
  bool on;
  std::string operator()(const char* code, const std::string& text) const {
    return on ? std::string("\x1b[") + code + "m" + text + "\x1b[0m" : text;
  }
};

}  // namespace tosdiff
