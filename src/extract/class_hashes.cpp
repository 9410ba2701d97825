#include "tosdiff/extract/class_hashes.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace tosdiff {
namespace {

constexpr std::size_t kMinHash = 5, kMaxHash = 10, kMinName = 3;

bool looks_like_hash(std::string_view s) {
  if (s.size() < kMinHash || s.size() > kMaxHash) return false;
  std::size_t digits = 0, upper = 0, lower = 0;
  for (char ch : s) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (std::isdigit(c)) ++digits;
    else if (std::isupper(c)) ++upper;
    else if (std::islower(c)) ++lower;
    else return false;
  }
  return (digits > 0 && upper + lower > 0) || (upper >= 2 && lower >= 2);
}

}  // namespace

std::optional<ClassStem> hashed_class(std::string_view class_name) {
  const std::size_t last = class_name.find_last_of("-_");
  if (last == std::string_view::npos) return std::nullopt;
  const std::string_view hash = class_name.substr(last + 1);
  if (!looks_like_hash(hash)) return std::nullopt;
  std::size_t name_end = last;
  while (name_end > 0 && (class_name[name_end - 1] == '-' || class_name[name_end - 1] == '_')) --name_end;
  const std::string_view name = class_name.substr(0, name_end);
  const std::size_t letters = static_cast<std::size_t>(
      std::count_if(name.begin(), name.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); }));
  if (letters < kMinName) return std::nullopt;
  // Styling libraries' prefixes, the same for every element they style.
  static constexpr std::array<std::string_view, 6> kLibraryPrefixes{"css", "jsx", "emotion", "svelte", "astro", "sc"};
  if (std::find(kLibraryPrefixes.begin(), kLibraryPrefixes.end(), name) != kLibraryPrefixes.end()) return std::nullopt;
  return ClassStem{std::string(class_name.substr(0, last + 1)), hash.size()};
}

bool matches_stem(std::string_view token, const ClassStem& stem) {
  return token.size() == stem.stem.size() + stem.hash_length && token.substr(0, stem.stem.size()) == stem.stem &&
         looks_like_hash(token.substr(stem.stem.size()));
}

}  // namespace tosdiff
