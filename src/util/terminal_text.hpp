#pragma once
// The one sanitizer for text shown on a terminal. Page titles, page text, declaration names,
// URLs and error messages come from the web and from files tosdiff does not control; printed
// raw, an escape sequence in them can retitle the terminal, clear or hide what tosdiff wrote,
// and a bidi override can make a line read differently from its bytes. Every text-mode output
// of tosdiff (stdout unless JSON is asked for, and stderr always) goes through it; JSON stays
// exact, since its consumers are programs and its escaping already covers C0 controls.
//
// What it does, byte for byte otherwise:
//   - C0 controls but tab and newline, DEL, and C1 controls (U+0080..U+009F) are made
//     visible as "\x1b", "\x7f", "\u0085";
//   - bidi controls (U+061C, U+200E, U+200F, U+202A..U+202E, U+2066..U+2069) and the line and
//     paragraph separators (U+2028, U+2029) are made visible as "\u202e";
//   - invalid UTF-8 becomes U+FFFD (a stray 0x9b is CSI to a Latin-1 terminal);
//   - the colour sequences tosdiff itself writes pass: ESC '[' parameters 'm' where every
//     parameter is one of 0, 1, 2, 9, 31..36. Anything else after an ESC is shown as text.

#include <memory>
#include <streambuf>
#include <string>
#include <string_view>

namespace tosdiff {

// The whole of `text`, sanitized as above (colour sequences pass too).
std::string terminal_safe(std::string_view text);

// A stream buffer that sanitizes what is written through it before passing it to `target`.
// A character or sequence split across writes is held until it is complete (or until the
// buffer is destroyed, when an incomplete one becomes U+FFFD). With set_exact(true) bytes pass
// untouched (JSON output).
class TerminalSafeBuf final : public std::streambuf {
 public:
  explicit TerminalSafeBuf(std::streambuf* target) : target_(target) {}
  ~TerminalSafeBuf() override;
  TerminalSafeBuf(const TerminalSafeBuf&) = delete;
  TerminalSafeBuf& operator=(const TerminalSafeBuf&) = delete;

  void set_exact(bool exact);
  std::streambuf* target() const { return target_; }

 protected:
  int_type overflow(int_type c) override;
  std::streamsize xsputn(const char* s, std::streamsize n) override;
  int sync() override;

 private:
  void drain(bool final);

  std::streambuf* target_;
  std::string pending_;  // written, not yet passed on
  bool exact_ = false;
};

}  // namespace tosdiff
