#include "tosdiff/util/terminal_text.hpp"

#include <cstdio>

namespace tosdiff {
namespace {

// Length of the UTF-8 sequence starting at `text[at]` and its code point; 0 when it is
// invalid, -1 when it is cut short by the end of `text` (more bytes may come).
int decode(std::string_view text, std::size_t at, char32_t& cp) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(at);
  int length = 0;
  char32_t min = 0;
  if (lead < 0x80) {
    cp = lead;
    return 1;
  } else if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2, cp = lead & 0x1F, min = 0x80;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3, cp = lead & 0x0F, min = 0x800;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4, cp = lead & 0x07, min = 0x10000;
  } else {
    return 0;
  }
  for (int i = 1; i < length; ++i) {
    if (at + i >= text.size()) return -1;
    const unsigned char next = byte(at + i);
    if ((next & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (next & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return length;
}

bool is_bidi_or_separator(char32_t cp) {
  return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069) || cp == 0x2028 || cp == 0x2029;
}

// Length of a colour sequence of tosdiff's own at `at` (an ESC); 0 when it is not one, -1
// when `text` ends before it could be told.
int own_colour_sequence(std::string_view text, std::size_t at) {
  std::size_t i = at + 1;
  if (i >= text.size()) return -1;
  if (text[i] != '[') return 0;
  ++i;
  std::string parameter;
  constexpr std::size_t kLongest = 16;
  for (; i < text.size() && i - at <= kLongest; ++i) {
    const char c = text[i];
    if (c >= '0' && c <= '9') {
      parameter += c;
      continue;
    }
    if (c != ';' && c != 'm') return 0;
    static constexpr std::string_view kAllowed[] = {"0", "1", "2", "9", "31", "32", "33", "34", "35", "36"};
    bool allowed = false;
    for (std::string_view a : kAllowed) allowed = allowed || parameter == a;
    if (!allowed) return 0;
    if (c == 'm') return static_cast<int>(i - at + 1);
    parameter.clear();
  }
  return i >= text.size() && i - at <= kLongest ? -1 : 0;
}

void append_visible(std::string& out, char32_t cp) {
  char buffer[16];
  if (cp < 0x100) std::snprintf(buffer, sizeof buffer, cp < 0x80 ? "\\x%02x" : "\\u%04x", static_cast<unsigned>(cp));
  else std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(cp));
  out += buffer;
}

// Sanitizes `text` into `out`; returns how many bytes were consumed (fewer than all when
// `text` ends inside a character or sequence and `final` is false).
std::size_t sanitize(std::string_view text, std::string& out, bool final) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n' || c == '\t' || (c >= 0x20 && c < 0x7F)) {
      out += static_cast<char>(c);
      ++i;
      continue;
    }
    if (c == 0x1B) {
      const int length = own_colour_sequence(text, i);
      if (length < 0 && !final) return i;
      if (length > 0) {
        out.append(text.substr(i, static_cast<std::size_t>(length)));
        i += static_cast<std::size_t>(length);
        continue;
      }
    }
    if (c < 0x20 || c == 0x7F) {
      append_visible(out, c);
      ++i;
      continue;
    }
    char32_t cp = 0;
    const int length = decode(text, i, cp);
    if (length < 0 && !final) return i;
    if (length <= 0) {
      out += "\xEF\xBF\xBD";  // U+FFFD
      ++i;
      continue;
    }
    if ((cp >= 0x80 && cp <= 0x9F) || is_bidi_or_separator(cp)) append_visible(out, cp);
    else out.append(text.substr(i, static_cast<std::size_t>(length)));
    i += static_cast<std::size_t>(length);
  }
  return i;
}

}  // namespace

std::string terminal_safe(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  sanitize(text, out, true);
  return out;
}

TerminalSafeBuf::~TerminalSafeBuf() { drain(true); }

void TerminalSafeBuf::set_exact(bool exact) {
  drain(true);
  exact_ = exact;
}

TerminalSafeBuf::int_type TerminalSafeBuf::overflow(int_type c) {
  if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
  const char ch = traits_type::to_char_type(c);
  xsputn(&ch, 1);
  return c;
}

std::streamsize TerminalSafeBuf::xsputn(const char* s, std::streamsize n) {
  if (exact_) return target_->sputn(s, n);
  pending_.append(s, static_cast<std::size_t>(n));
  // Passed on at each line, so that output interleaves with other writers as it did.
  if (pending_.find('\n') != std::string::npos || pending_.size() > 4096) drain(false);
  return n;
}

int TerminalSafeBuf::sync() {
  drain(false);
  return target_->pubsync();
}

void TerminalSafeBuf::drain(bool final) {
  if (pending_.empty()) return;
  std::string out;
  const std::size_t used = sanitize(pending_, out, final);
  pending_.erase(0, used);
  target_->sputn(out.data(), static_cast<std::streamsize>(out.size()));
}

}  // namespace tosdiff
