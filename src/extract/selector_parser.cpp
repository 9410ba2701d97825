#include "tosdiff/extract/selector_parser.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>

#include "tosdiff/extract/css_chars.hpp"
#include "tosdiff/extract/css_scanner.hpp"

namespace tosdiff {
namespace {

// :not() may nest (Selectors 4); the cap keeps parse and match recursion bounded on
// hostile input.
constexpr int kMaxNotDepth = 16;
// match_from() recurses once per compound, so a complex selector's length bounds the stack.
constexpr std::size_t kMaxCompounds = 256;

bool is_combinator_char(int c) { return c == '>' || c == '+' || c == '~'; }

// Parser: a hand-written recursive descent over the raw text. Every routine either consumes
// input or returns, and :not() depth is capped, so no input can loop or exhaust the stack.
// The end of the text closes whatever is open, as CSS Syntax 3 says and as browsers and
// nwsapi (Open Terms Archive's engine) do: "a[href='x'" is "a[href='x']", ":not(.a" is
// ":not(.a)"; what is inside must still be complete ("[a=" is an error).
class Parser : private CssScanner {
 public:
  explicit Parser(std::string_view text) : CssScanner(text) {}

  std::optional<Error> parse(std::vector<Complex>& out) {
    parse_list(out);
    return std::move(error_);
  }

 private:
  // Reports "empty selector" rather than a bare "unexpected" when a list item is missing.
  bool check_item_present(int terminator) {
    int c = peek();
    if (c != kEof && c != ',' && c != terminator) return true;
    if (text_.find_first_not_of(" \t\n\r\f") == std::string_view::npos) return fail("empty selector");
    return fail_at("empty selector in list", pos_);
  }

  void parse_list(std::vector<Complex>& out) {
    skip_ws();
    while (true) {
      if (!check_item_present(kEof)) return;
      Complex complex;
      if (!parse_complex(complex)) return;
      out.push_back(std::move(complex));
      skip_ws();
      if (peek() == kEof) return;
      if (peek() != ',') {
        fail_unexpected();
        return;
      }
      ++pos_;
      skip_ws();
    }
  }

  bool parse_complex(Complex& complex) {
    while (true) {
      Compound compound;
      if (!parse_compound(compound, 0)) return false;
      complex.compounds.push_back(std::move(compound));

      bool had_ws = skip_ws();
      int c = peek();
      Combinator combinator = Combinator::kDescendant;
      if (is_combinator_char(c)) {
        const std::size_t at = pos_;
        combinator = c == '>' ? Combinator::kChild
                   : c == '+' ? Combinator::kAdjacent
                              : Combinator::kSibling;
        ++pos_;
        skip_ws();
        int next = peek();
        if (next == kEof || next == ',' || next == ')') {
          return fail_at(std::string("trailing combinator '") + static_cast<char>(c) + "'", at);
        }
      } else if (!had_ws || c == kEof || c == ',' || c == ')') {
        return true;
      }
      if (complex.compounds.size() >= kMaxCompounds) {
        return fail("too many compound selectors (more than " + std::to_string(kMaxCompounds) +
                    ")");
      }
      complex.combinators.push_back(combinator);
    }
  }

  bool fail_namespace(std::size_t start) {
    std::size_t bar = text_.find('|', start);
    std::string_view part = text_.substr(start, bar == std::string_view::npos ? 0 : bar - start + 1);
    return fail("unsupported namespace prefix '" + std::string(part) + "'");
  }

  bool parse_compound(Compound& compound, int depth) {
    const std::size_t start = pos_;
    if (peek() == '*') {
      ++pos_;
      if (peek() == '|') return fail_namespace(start);
    } else if (peek() == '|') {
      return fail_namespace(start);
    } else if (starts_ident()) {
      std::string name;
      if (!consume_ident(name)) return false;
      if (peek() == '|') return fail_namespace(start);
      compound.type_name = ascii_lowered(name);
      compound.tag = gumbo_tagn_enum(compound.type_name.data(),
                                     static_cast<unsigned int>(compound.type_name.size()));
    }
    while (true) {
      bool ok = true;
      switch (peek()) {
        case '#':
          ok = parse_name_after('#', compound.ids);
          break;
        case '.':
          ok = parse_name_after('.', compound.classes);
          break;
        case '[':
          ok = parse_attribute(compound);
          break;
        case ':':
          ok = parse_pseudo(compound, depth);
          break;
        default:
          if (pos_ != start) return true;
          if (is_combinator_char(peek())) {
            return fail_at("unexpected combinator " + describe_current(), pos_);
          }
          if (peek() == kEof) return fail_at("expected a selector", pos_);
          return fail_unexpected();
      }
      if (!ok) return false;
    }
  }

  bool parse_name_after(char prefix, std::vector<std::string>& out) {
    const std::size_t at = pos_;
    ++pos_;
    if (!starts_ident()) {
      return fail_at(std::string("expected a name after '") + prefix + "'", at);
    }
    std::string name;
    if (!consume_ident(name)) return false;
    out.push_back(std::move(name));
    return true;
  }

  bool parse_attribute(Compound& compound) {
    const std::size_t open = pos_;
    ++pos_;
    skip_ws();
    if (peek() == '|' || (peek() == '*' && peek(1) == '|')) return fail_namespace(pos_);
    if (!starts_ident()) {
      if (peek() == kEof) return fail_at("unterminated '['", open);
      return fail_at("expected an attribute name, got " + describe_current(), pos_);
    }
    const std::size_t name_start = pos_;
    AttrTest test;
    if (!consume_ident(test.name)) return false;
    if (peek() == '|' && peek(1) != '=') return fail_namespace(name_start);
    test.name = ascii_lowered(test.name);
    skip_ws();
    if (peek() == ']' || peek() == kEof) {  // the end of the text closes the block
      if (peek() == ']') ++pos_;
      compound.attrs.push_back(std::move(test));
      return true;
    }
    if (!parse_attr_operator(test.op, open)) return false;
    skip_ws();
    if (peek() == '"' || peek() == '\'') {
      if (!consume_string(test.value)) return false;
    } else if (starts_ident()) {
      if (!consume_ident(test.value)) return false;
    } else if (peek() == kEof) {
      return fail_at("missing attribute value after the operator of '['", open);
    } else {
      return fail_at("attribute value must be an identifier or a quoted string, got " +
                         describe_current(),
                     pos_);
    }
    skip_ws();
    if (starts_ident()) {
      const std::size_t flag_at = pos_;
      std::string flag;
      if (!consume_ident(flag)) return false;
      flag = ascii_lowered(flag);
      if (flag == "i") {
        test.ignore_case = true;
      } else if (flag != "s") {
        return fail_at("unsupported attribute flag '" + flag + "'", flag_at);
      }
      skip_ws();
    }
    if (peek() != ']' && peek() != kEof) return fail_unexpected();
    if (peek() == ']') ++pos_;  // else the end of the text closes the block
    compound.attrs.push_back(std::move(test));
    return true;
  }

  bool parse_attr_operator(AttrOp& op, std::size_t open) {
    int c = peek();
    if (c == '=') {
      op = AttrOp::kEquals;
      ++pos_;
      return true;
    }
    if (c == kEof) return fail_at("unterminated '['", open);
    if (peek(1) == '=') {
      switch (c) {
        case '~': op = AttrOp::kIncludes; break;
        case '|': op = AttrOp::kDashMatch; break;
        case '^': op = AttrOp::kPrefix; break;
        case '$': op = AttrOp::kSuffix; break;
        case '*': op = AttrOp::kSubstring; break;
        default:
          return fail_at("unsupported attribute operator '" + std::string(text_.substr(pos_, 2)) +
                             "'",
                         pos_);
      }
      pos_ += 2;
      return true;
    }
    return fail_at("unexpected " + describe_current() + " in attribute selector", pos_);
  }

  bool parse_pseudo(Compound& compound, int depth) {
    const std::size_t colon = pos_;
    ++pos_;
    if (peek() == ':') {
      ++pos_;
      std::string ignored;
      if (starts_ident() && !consume_ident(ignored)) return false;
      return fail("unsupported pseudo-element '" + std::string(text_.substr(colon, pos_ - colon)) +
                  "'");
    }
    if (!starts_ident()) return fail_at("expected a pseudo-class name after ':'", colon);
    std::string name;
    if (!consume_ident(name)) return false;
    name = ascii_lowered(name);
    const std::string written(text_.substr(colon, pos_ - colon));

    if (peek() == '(') {
      const std::size_t open = pos_;
      ++pos_;
      if (name == "not") return parse_not(compound, depth, open);
      NthTest nth;
      if (name == "nth-child") {
      } else if (name == "nth-last-child") {
        nth.from_end = true;
      } else if (name == "nth-of-type") {
        nth.of_type = true;
      } else if (name == "nth-last-of-type") {
        nth.from_end = nth.of_type = true;
      } else {
        return fail("unsupported pseudo-class '" + written + "()'");
      }
      if (!parse_nth(nth, written, open)) return false;
      compound.nths.push_back(nth);
      return true;
    }

    if (name == "first-child") {
      compound.nths.push_back(NthTest{0, 1, false, false});
    } else if (name == "last-child") {
      compound.nths.push_back(NthTest{0, 1, true, false});
    } else if (name == "only-child") {
      compound.nths.push_back(NthTest{0, 1, false, false});
      compound.nths.push_back(NthTest{0, 1, true, false});
    } else if (name == "first-of-type") {
      compound.nths.push_back(NthTest{0, 1, false, true});
    } else if (name == "last-of-type") {
      compound.nths.push_back(NthTest{0, 1, true, true});
    } else if (name == "only-of-type") {
      compound.nths.push_back(NthTest{0, 1, false, true});
      compound.nths.push_back(NthTest{0, 1, true, true});
    } else if (name == "empty") {
      compound.empty = true;
    } else if (name == "not" || name == "nth-child" || name == "nth-last-child" ||
               name == "nth-of-type" || name == "nth-last-of-type") {
      return fail_at("'" + written + "' requires an argument in parentheses", colon);
    } else if (name == "before" || name == "after" || name == "first-line" ||
               name == "first-letter") {
      // CSS2 allowed these pseudo-elements with a single colon.
      return fail("unsupported pseudo-element '" + written + "'");
    } else {
      return fail("unsupported pseudo-class '" + written + "'");
    }
    return true;
  }

  bool parse_not(Compound& compound, int depth, std::size_t open) {
    if (depth + 1 > kMaxNotDepth) {
      return fail_at(":not() nested too deeply (more than " + std::to_string(kMaxNotDepth) + ")",
                     open);
    }
    std::vector<Compound> alternatives;
    skip_ws();
    while (true) {
      if (!check_item_present(')')) return false;
      Compound inner;
      if (!parse_compound(inner, depth + 1)) return false;
      alternatives.push_back(std::move(inner));
      bool had_ws = skip_ws();
      int c = peek();
      if (c == ')') {
        ++pos_;
        break;
      }
      if (c == ',') {
        ++pos_;
        skip_ws();
        continue;
      }
      if (c == kEof) break;  // the end of the text closes the parenthesis
      if (is_combinator_char(c) || had_ws) {
        return fail_at("unsupported combinator inside ':not()' (only compound selectors are "
                       "allowed)",
                       had_ws && !is_combinator_char(c) ? pos_ - 1 : pos_);
      }
      return fail_unexpected();
    }
    compound.negations.push_back(std::move(alternatives));
    return true;
  }

  // Saturates instead of overflowing; browsers clamp the same way.
  std::int64_t consume_digits() {
    std::int64_t value = 0;
    while (is_digit(peek())) {
      value = value * 10 + (peek() - '0');
      if (value > kMaxNth) value = kMaxNth;
      ++pos_;
    }
    return value;
  }

  // an+b per CSS Syntax 3 section 6, read character by character: a sign must touch what it
  // signs, except the sign between "an" and "b" which may be surrounded by whitespace.
  bool parse_nth(NthTest& nth, const std::string& written, std::size_t open) {
    skip_ws();
    const std::size_t arg_start = pos_;
    const std::string fn = "'" + written + "()'";
    if (starts_ident()) {
      std::string word;
      if (!consume_ident(word)) return false;
      word = ascii_lowered(word);
      if (word == "odd" || word == "even") {
        nth.a = 2;
        nth.b = word == "odd" ? 1 : 0;
        return finish_nth(written, open);
      }
      pos_ = arg_start;  // n, -n, n-1, ...: re-read as an+b
    }
    std::int64_t sign = 1;
    if (peek() == '+' || peek() == '-') {
      sign = peek() == '-' ? -1 : 1;
      ++pos_;
    }
    const bool has_digits = is_digit(peek());
    const std::int64_t number = consume_digits();
    if (peek() == 'n' || peek() == 'N') {
      ++pos_;
      nth.a = sign * (has_digits ? number : 1);
      skip_ws();
      if (peek() == '+' || peek() == '-') {
        const std::int64_t b_sign = peek() == '-' ? -1 : 1;
        ++pos_;
        skip_ws();
        if (!is_digit(peek())) return fail_at("invalid argument to " + fn, pos_);
        nth.b = b_sign * consume_digits();
      }
    } else if (has_digits) {
      nth.b = sign * number;
    } else {
      if (peek() == kEof) return fail_at("missing ')' to close '" + written + "('", open);
      return fail_at("invalid argument to " + fn, arg_start);
    }
    return finish_nth(written, open);
  }

  bool finish_nth(const std::string& written, std::size_t open) {
    (void)open;
    skip_ws();
    if (peek() == ')' || peek() == kEof) {  // the end of the text closes the parenthesis
      if (peek() == ')') ++pos_;
      return true;
    }
    if (starts_ident()) {
      std::size_t word_start = pos_;
      std::string word;
      if (!consume_ident(word)) return false;
      if (ascii_lowered(word) == "of") {
        return fail("unsupported '" + written + "(An+B of S)' form");
      }
      pos_ = word_start;
    }
    return fail_at("invalid argument to '" + written + "()'", pos_);
  }
};

}  // namespace

std::optional<Error> parse_selector_list(std::string_view text, std::vector<Complex>& out) {
  return Parser(text).parse(out);
}

}  // namespace tosdiff
