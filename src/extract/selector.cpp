#include "tosdiff/extract/selector.hpp"

#include <cstddef>
#include <cstdint>
#include <exception>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>
#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

// :not() may nest (Selectors 4); the cap keeps parse and match recursion bounded on
// hostile input.
constexpr int kMaxNotDepth = 16;
// match_from() recurses once per compound, so a complex selector's length bounds the stack.
constexpr std::size_t kMaxCompounds = 256;
// Browsers clamp an+b to 32 bits; clamping keeps nth arithmetic free of overflow.
constexpr std::int64_t kMaxNth = 2147483647;
constexpr int kEof = -1;

enum class Combinator : std::uint8_t { kDescendant, kChild, kAdjacent, kSibling };

enum class AttrOp : std::uint8_t {
  kExists,     // [a]
  kEquals,     // [a=v]
  kIncludes,   // [a~=v]
  kDashMatch,  // [a|=v]
  kPrefix,     // [a^=v]
  kSuffix,     // [a$=v]
  kSubstring,  // [a*=v]
};

struct AttrTest {
  std::string name;  // lowercase
  std::string value;
  AttrOp op = AttrOp::kExists;
  bool ignore_case = false;
};

struct NthTest {
  std::int64_t a = 0;
  std::int64_t b = 0;
  bool from_end = false;
  bool of_type = false;
};

struct Compound {
  // GUMBO_TAG_LAST means "no type constraint" (absent type selector or '*').
  GumboTag tag = GUMBO_TAG_LAST;
  std::string type_name;  // lowercase; consulted for GUMBO_TAG_UNKNOWN elements
  std::vector<std::string> ids;
  std::vector<std::string> classes;
  std::vector<AttrTest> attrs;
  std::vector<NthTest> nths;
  bool empty = false;
  // Each entry is one :not(list): the element must match none of the list's compounds.
  std::vector<std::vector<Compound>> negations;
};

struct Complex {
  std::vector<Compound> compounds;       // left to right, as written
  std::vector<Combinator> combinators;   // combinators[i] sits between compounds[i], [i+1]
};

}  // namespace

struct Selector::Compiled {
  std::vector<Complex> list;
};

namespace {

// ---------------------------------------------------------------------------------------
// Character classes and ASCII helpers. HTML matching is ASCII case-insensitive only, so
// locale-dependent <cctype> is deliberately avoided.

char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string ascii_lowered(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  }
  return true;
}

// Compares a NUL-terminated gumbo string with an already-lowercased needle without
// measuring or copying it first.
bool cstr_iequals_lower(const char* s, std::string_view lower) {
  if (s == nullptr) return false;
  for (std::size_t i = 0; i < lower.size(); ++i) {
    if (s[i] == '\0' || ascii_lower(s[i]) != lower[i]) return false;
  }
  return s[lower.size()] == '\0';
}

bool is_css_whitespace(int c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool is_digit(int c) { return c >= '0' && c <= '9'; }
bool is_hex(int c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool is_name_start(int c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}
bool is_name_char(int c) { return is_name_start(c) || is_digit(c) || c == '-'; }
bool is_combinator_char(int c) { return c == '>' || c == '+' || c == '~'; }

int hex_value(int c) {
  if (is_digit(c)) return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return c - 'A' + 10;
}

// ---------------------------------------------------------------------------------------
// Parser: a hand-written recursive descent over the raw text. Every routine either consumes
// input or returns, and :not() depth is capped, so no input can loop or exhaust the stack.

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  std::optional<Error> parse(std::vector<Complex>& out) {
    parse_list(out);
    return std::move(error_);
  }

 private:
  int peek(std::size_t ahead = 0) const {
    std::size_t p = pos_ + ahead;
    return p < text_.size() ? static_cast<unsigned char>(text_[p]) : kEof;
  }

  bool skip_ws() {
    std::size_t start = pos_;
    while (is_css_whitespace(peek())) ++pos_;
    return pos_ != start;
  }

  bool fail(std::string what) {
    if (!error_) {
      error_ = Error{ErrorKind::selector, what + " in '" + std::string(text_) + "'"};
    }
    return false;
  }

  bool fail_at(std::string what, std::size_t offset) {
    return fail(std::move(what) + " at offset " + std::to_string(offset));
  }

  // Names the character at pos_ for "unexpected ..." messages, so control bytes stay
  // readable in logs.
  std::string describe_current() const {
    int c = peek();
    if (c == kEof) return "end of selector";
    if (c >= 0x20 && c < 0x7F) return std::string("'") + static_cast<char>(c) + "'";
    static const char kDigits[] = "0123456789ABCDEF";
    return std::string("byte 0x") + kDigits[(c >> 4) & 0xF] + kDigits[c & 0xF];
  }

  bool fail_unexpected() { return fail_at("unexpected " + describe_current(), pos_); }

  // CSS Syntax 3, "check if two code points are a valid escape". A backslash at the end is
  // accepted here so that consume_escape() can report it precisely.
  bool valid_escape_at(std::size_t ahead) const {
    if (peek(ahead) != '\\') return false;
    int next = peek(ahead + 1);
    return next != '\n' && next != '\r' && next != '\f';
  }

  bool starts_ident() const {
    int c = peek();
    if (c == '-') {
      int c2 = peek(1);
      return c2 == '-' || is_name_start(c2) || valid_escape_at(1);
    }
    return is_name_start(c) || valid_escape_at(0);
  }

  bool consume_escape(std::string& out) {
    std::size_t start = pos_;
    ++pos_;  // the backslash
    int c = peek();
    if (c == kEof) return fail_at("incomplete escape", start);
    if (!is_hex(c)) {
      // Non-ASCII escapes copy the lead byte; its continuation bytes are name characters
      // (>= 0x80) or plain string bytes, so they follow unchanged.
      out += static_cast<char>(c);
      ++pos_;
      return true;
    }
    std::uint32_t cp = 0;
    for (int digits = 0; digits < 6 && is_hex(peek()); ++digits) {
      cp = cp * 16 + static_cast<std::uint32_t>(hex_value(peek()));
      ++pos_;
    }
    if (peek() == '\r' && peek(1) == '\n') {
      pos_ += 2;
    } else if (is_css_whitespace(peek())) {
      ++pos_;
    }
    if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = 0xFFFD;
    append_utf8(out, cp);
    return true;
  }

  // Callers check starts_ident() first; the result is the unescaped name, original case.
  bool consume_ident(std::string& out) {
    while (true) {
      int c = peek();
      if (is_name_char(c)) {
        out += static_cast<char>(c);
        ++pos_;
      } else if (valid_escape_at(0)) {
        if (!consume_escape(out)) return false;
      } else {
        return true;
      }
    }
  }

  bool consume_string(std::string& out) {
    const int quote = peek();
    const std::size_t open = pos_;
    ++pos_;
    while (true) {
      int c = peek();
      if (c == kEof) return fail_at("unterminated string", open);
      if (c == quote) {
        ++pos_;
        return true;
      }
      if (c == '\n' || c == '\r' || c == '\f') return fail_at("unescaped newline in string", pos_);
      if (c != '\\') {
        out += static_cast<char>(c);
        ++pos_;
        continue;
      }
      int next = peek(1);
      if (next == kEof) return fail_at("unterminated string", open);
      if (next == '\n' || next == '\f') {
        pos_ += 2;  // an escaped newline is a line continuation
      } else if (next == '\r') {
        pos_ += peek(2) == '\n' ? 3 : 2;
      } else if (!consume_escape(out)) {
        return false;
      }
    }
  }

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
    if (peek() == ']') {
      ++pos_;
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
      return fail_at("unterminated '['", open);
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
    if (peek() == kEof) return fail_at("unterminated '['", open);
    if (peek() != ']') return fail_unexpected();
    ++pos_;
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
      if (c == kEof) return fail_at("missing ')' to close ':not('", open);
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
    skip_ws();
    if (peek() == ')') {
      ++pos_;
      return true;
    }
    if (peek() == kEof) return fail_at("missing ')' to close '" + written + "('", open);
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

  std::string_view text_;
  std::size_t pos_ = 0;
  std::optional<Error> error_;  // the first failure wins; later ones are consequences
};

// ---------------------------------------------------------------------------------------
// Tree helpers.

bool is_element(const GumboNode* node) {
  return node != nullptr &&
         (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE);
}

const GumboVector* children_of(const GumboNode* node) {
  if (node == nullptr) return nullptr;
  switch (node->type) {
    case GUMBO_NODE_DOCUMENT: return &node->v.document.children;
    case GUMBO_NODE_ELEMENT:
    case GUMBO_NODE_TEMPLATE: return &node->v.element.children;
    default: return nullptr;
  }
}

const GumboNode* child_at(const GumboVector& children, unsigned int i) {
  return static_cast<const GumboNode*>(children.data[i]);
}

// The tag name exactly as written in the source ("<My-Widget x=1>" gives "My-Widget"),
// viewed in place so matching an unknown tag allocates nothing.
std::string_view raw_tag_name(const GumboElement& element) {
  const char* data = element.original_tag.data;
  std::size_t length = element.original_tag.length;
  if (data == nullptr || length == 0) return {};
  std::size_t begin = 0;
  while (begin < length && (data[begin] == '<' || data[begin] == '/')) ++begin;
  std::size_t end = begin;
  while (end < length && !is_css_whitespace(static_cast<unsigned char>(data[end])) &&
         data[end] != '/' && data[end] != '>') {
    ++end;
  }
  return std::string_view(data + begin, end - begin);
}

bool same_type(const GumboNode* a, const GumboNode* b) {
  const GumboElement& ea = a->v.element;
  const GumboElement& eb = b->v.element;
  if (ea.tag != eb.tag || ea.tag_namespace != eb.tag_namespace) return false;
  return ea.tag != GUMBO_TAG_UNKNOWN || iequals(raw_tag_name(ea), raw_tag_name(eb));
}

// Index of `node` in its parent's children. gumbo maintains index_within_parent, but a
// caller-built or edited tree might not, so it is verified before being trusted.
bool locate(const GumboNode* node, const GumboVector*& siblings, unsigned int& index) {
  siblings = children_of(node->parent);
  if (siblings == nullptr) return false;
  index = static_cast<unsigned int>(node->index_within_parent);
  if (index < siblings->length && child_at(*siblings, index) == node) return true;
  for (index = 0; index < siblings->length; ++index) {
    if (child_at(*siblings, index) == node) return true;
  }
  return false;
}

const GumboNode* previous_element_sibling(const GumboNode* node) {
  const GumboVector* siblings = nullptr;
  unsigned int index = 0;
  if (!locate(node, siblings, index)) return nullptr;
  while (index > 0) {
    const GumboNode* candidate = child_at(*siblings, --index);
    if (is_element(candidate)) return candidate;
  }
  return nullptr;
}

const GumboNode* parent_element(const GumboNode* node) {
  return is_element(node->parent) ? node->parent : nullptr;
}

const GumboAttribute* find_attribute(const GumboElement& element, std::string_view lower_name) {
  const GumboVector& attributes = element.attributes;
  for (unsigned int i = 0; i < attributes.length; ++i) {
    const auto* attr = static_cast<const GumboAttribute*>(attributes.data[i]);
    if (cstr_iequals_lower(attr->name, lower_name)) return attr;
  }
  return nullptr;
}

// ---------------------------------------------------------------------------------------
// Matching.

bool chars_equal(char a, char b, bool ignore_case) {
  return ignore_case ? ascii_lower(a) == ascii_lower(b) : a == b;
}

bool text_equal(std::string_view a, std::string_view b, bool ignore_case) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (!chars_equal(a[i], b[i], ignore_case)) return false;
  }
  return true;
}

bool text_contains(std::string_view haystack, std::string_view needle, bool ignore_case) {
  if (!ignore_case) return haystack.find(needle) != std::string_view::npos;
  if (needle.size() > haystack.size()) return false;
  for (std::size_t i = 0; i + needle.size() <= haystack.size(); ++i) {
    if (text_equal(haystack.substr(i, needle.size()), needle, true)) return true;
  }
  return false;
}

// Whitespace-separated token lists, as used by class and [a~=v].
bool has_token(std::string_view list, std::string_view token, bool ignore_case) {
  std::size_t i = 0;
  while (i < list.size()) {
    while (i < list.size() && is_css_whitespace(static_cast<unsigned char>(list[i]))) ++i;
    std::size_t start = i;
    while (i < list.size() && !is_css_whitespace(static_cast<unsigned char>(list[i]))) ++i;
    if (i > start && text_equal(list.substr(start, i - start), token, ignore_case)) return true;
  }
  return false;
}

bool attribute_matches(const GumboElement& element, const AttrTest& test) {
  const GumboAttribute* attr = find_attribute(element, test.name);
  if (attr == nullptr) return false;
  const std::string_view value = attr->value != nullptr ? attr->value : "";
  const std::string_view wanted = test.value;
  const bool icase = test.ignore_case;
  switch (test.op) {
    case AttrOp::kExists:
      return true;
    case AttrOp::kEquals:
      return text_equal(value, wanted, icase);
    case AttrOp::kIncludes:
      // A token can neither be empty nor contain whitespace, so such a value matches nothing.
      if (wanted.empty() || wanted.find_first_of(" \t\n\r\f") != std::string_view::npos) {
        return false;
      }
      return has_token(value, wanted, icase);
    case AttrOp::kDashMatch:
      if (value.size() == wanted.size()) return text_equal(value, wanted, icase);
      return value.size() > wanted.size() && value[wanted.size()] == '-' &&
             text_equal(value.substr(0, wanted.size()), wanted, icase);
    case AttrOp::kPrefix:
      return !wanted.empty() && value.size() >= wanted.size() &&
             text_equal(value.substr(0, wanted.size()), wanted, icase);
    case AttrOp::kSuffix:
      return !wanted.empty() && value.size() >= wanted.size() &&
             text_equal(value.substr(value.size() - wanted.size()), wanted, icase);
    case AttrOp::kSubstring:
      return !wanted.empty() && text_contains(value, wanted, icase);
  }
  return false;
}

bool type_matches(const Compound& compound, const GumboElement& element) {
  if (compound.tag == GUMBO_TAG_LAST) return true;
  if (element.tag != GUMBO_TAG_UNKNOWN) return element.tag == compound.tag;
  return iequals(raw_tag_name(element), compound.type_name);
}

bool nth_position_matches(std::int64_t a, std::int64_t b, std::int64_t position) {
  if (a == 0) return position == b;
  const std::int64_t diff = position - b;
  return diff % a == 0 && diff / a >= 0;
}

bool nth_matches(const NthTest& nth, const GumboNode* node) {
  // With a <= 0 no position above b can match, so counting siblings may stop there: this
  // keeps :first-child and friends cheap on long lists.
  const std::int64_t limit = nth.a > 0 ? kMaxNth * 2 : nth.b;
  if (limit < 1) return false;
  std::int64_t position = 1;
  const GumboVector* siblings = nullptr;
  unsigned int index = 0;
  if (locate(node, siblings, index)) {
    const unsigned int length = siblings->length;
    for (unsigned int i = index; position <= limit;) {
      if (nth.from_end) {
        if (++i >= length) break;
      } else {
        if (i == 0) break;
        --i;
      }
      const GumboNode* sibling = child_at(*siblings, i);
      if (is_element(sibling) && (!nth.of_type || same_type(sibling, node))) ++position;
    }
  }
  return position <= limit && nth_position_matches(nth.a, nth.b, position);
}

bool is_empty(const GumboNode* node) {
  const GumboVector& children = node->v.element.children;
  for (unsigned int i = 0; i < children.length; ++i) {
    // Comments do not count as content; whitespace text does (Selectors 3, as browsers do).
    if (child_at(children, i)->type != GUMBO_NODE_COMMENT) return false;
  }
  return true;
}

bool compound_matches(const Compound& compound, const GumboNode* node) {
  const GumboElement& element = node->v.element;
  if (!type_matches(compound, element)) return false;
  if (!compound.ids.empty()) {
    const GumboAttribute* id = find_attribute(element, "id");
    if (id == nullptr || id->value == nullptr) return false;
    for (const std::string& wanted : compound.ids) {
      if (wanted != id->value) return false;
    }
  }
  if (!compound.classes.empty()) {
    const GumboAttribute* cls = find_attribute(element, "class");
    if (cls == nullptr || cls->value == nullptr) return false;
    for (const std::string& wanted : compound.classes) {
      if (!has_token(cls->value, wanted, false)) return false;
    }
  }
  for (const AttrTest& test : compound.attrs) {
    if (!attribute_matches(element, test)) return false;
  }
  if (compound.empty && !is_empty(node)) return false;
  for (const NthTest& nth : compound.nths) {
    if (!nth_matches(nth, node)) return false;
  }
  for (const std::vector<Compound>& alternatives : compound.negations) {
    for (const Compound& alternative : alternatives) {
      if (compound_matches(alternative, node)) return false;
    }
  }
  return true;
}

// Outcomes of right-to-left matching, after Servo's selector matcher: a failure tells the
// callers which further candidates cannot help, so descendant chains on deep trees stay
// linear instead of retrying every ancestor combination.
enum class Match : std::uint8_t {
  kMatched,
  kRetryEarlierSibling,  // keep trying candidates of the nearest sibling/descendant combinator
  kRetryAncestor,        // only a descendant combinator further left can still help
  kNever,                // no candidate anywhere can help
};

const GumboNode* next_candidate(const GumboNode* node, Combinator combinator) {
  if (combinator == Combinator::kDescendant || combinator == Combinator::kChild) {
    return parent_element(node);
  }
  return previous_element_sibling(node);
}

Match match_from(const Complex& complex, std::size_t index, const GumboNode* node) {
  if (!compound_matches(complex.compounds[index], node)) return Match::kRetryEarlierSibling;
  if (index == 0) return Match::kMatched;
  const Combinator combinator = complex.combinators[index - 1];
  const bool sibling_combinator =
      combinator == Combinator::kAdjacent || combinator == Combinator::kSibling;
  const Match exhausted = sibling_combinator ? Match::kRetryAncestor : Match::kNever;
  for (const GumboNode* candidate = next_candidate(node, combinator); candidate != nullptr;
       candidate = next_candidate(candidate, combinator)) {
    const Match result = match_from(complex, index - 1, candidate);
    if (result == Match::kMatched || result == Match::kNever ||
        combinator == Combinator::kAdjacent) {
      return result;
    }
    if (combinator == Combinator::kChild) return Match::kRetryAncestor;
    if (combinator == Combinator::kSibling && result == Match::kRetryAncestor) return result;
  }
  return exhausted;
}

}  // namespace

// ---------------------------------------------------------------------------------------
// Public API.

Result<Selector> Selector::parse(std::string_view text) {
  try {
    Selector selector;
    selector.text_ = std::string(text);
    selector.compiled_ = std::make_unique<Compiled>();
    if (std::optional<Error> error = Parser(text).parse(selector.compiled_->list)) {
      return std::move(*error);
    }
    return selector;
  } catch (const std::exception& e) {
    // Only allocation can throw here; parse() promises an Error, never an exception.
    return Error{ErrorKind::selector, std::string("cannot parse selector: ") + e.what()};
  }
}

bool Selector::matches(const GumboNode* element) const {
  if (!is_element(element) || !compiled_) return false;
  for (const Complex& complex : compiled_->list) {
    if (match_from(complex, complex.compounds.size() - 1, element) == Match::kMatched) {
      return true;
    }
  }
  return false;
}

Selector::Selector(const Selector& other)
    : text_(other.text_),
      compiled_(other.compiled_ ? std::make_unique<Compiled>(*other.compiled_) : nullptr) {}

Selector& Selector::operator=(const Selector& other) {
  if (this != &other) *this = Selector(other);
  return *this;
}

Selector::Selector(Selector&&) noexcept = default;
Selector& Selector::operator=(Selector&&) noexcept = default;
Selector::~Selector() = default;

std::vector<const GumboNode*> select_all(const GumboNode* root, const Selector& selector) {
  std::vector<const GumboNode*> found;
  if (root == nullptr) return found;
  // Explicit stack of (parent, next child index): pages can nest thousands of levels deep.
  std::vector<std::pair<const GumboNode*, unsigned int>> stack;
  if (selector.matches(root)) found.push_back(root);
  if (children_of(root) != nullptr) stack.emplace_back(root, 0);
  while (!stack.empty()) {
    auto& [parent, next] = stack.back();
    const GumboVector& children = *children_of(parent);
    if (next >= children.length) {
      stack.pop_back();
      continue;
    }
    const GumboNode* child = child_at(children, next++);
    if (!is_element(child)) continue;
    if (selector.matches(child)) found.push_back(child);
    stack.emplace_back(child, 0);  // invalidates parent/next; they are not used again
  }
  return found;
}

std::string element_name(const GumboNode* element) {
  if (!is_element(element)) return {};
  const GumboElement& e = element->v.element;
  if (e.tag != GUMBO_TAG_UNKNOWN) return ascii_lowered(gumbo_normalized_tagname(e.tag));
  return ascii_lowered(raw_tag_name(e));
}

const char* attribute(const GumboNode* element, const char* name) {
  if (!is_element(element) || name == nullptr) return nullptr;
  const GumboVector& attributes = element->v.element.attributes;
  for (unsigned int i = 0; i < attributes.length; ++i) {
    const auto* attr = static_cast<const GumboAttribute*>(attributes.data[i]);
    if (attr->name != nullptr && iequals(attr->name, name)) return attr->value;
  }
  return nullptr;
}

}  // namespace tosdiff
