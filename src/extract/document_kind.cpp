#include "tosdiff/extract/document_kind.hpp"

#include <bitset>
#include <string>
#include <vector>

#include "tosdiff/util/strings.hpp"

namespace tosdiff {
namespace {

enum class DocumentKind { privacy, cookies, terms, imprint, guidelines, count };

// Stems of each kind's names, lower case, in the seven languages tosdiff reads; matched
// inside the title's words ("datenschutzerklärung", "nutzungsbedingungen").
struct KindStems {
  DocumentKind kind;
  std::vector<std::string_view> stems;
};

const KindStems kKindStems[] = {
    {DocumentKind::privacy,
     {"privacy", "personal data", "data protection", "confidentialit", "donn\xC3\xA9" "es personnelles", "datenschutz",
      "privacidad", "datos personales", "riservatezza", "dati personali", "privacidade", "dados pessoais",
      "gegevensbescherming"}},
    {DocumentKind::cookies, {"cookie", "tracker", "traceur"}},
    {DocumentKind::terms,
     {"terms", "conditions", "agreement", "cgu", "cgv", "agb", "bedingungen", "t\xC3\xA9rminos", "condiciones",
      "termini", "condizioni", "termos", "voorwaarden", "contrat", "vertrag"}},
    {DocumentKind::imprint,
     {"imprint", "impressum", "legal notice", "mentions l\xC3\xA9gales", "aviso legal", "note legali",
      "colofon"}},
    {DocumentKind::guidelines,
     {"guidelines", "community standards", "community rules", "code of conduct", "acceptable use", "r\xC3\xA8gles",
      "richtlinien", "normas", "linee guida", "richtlijnen"}},
};

using Kinds = std::bitset<static_cast<std::size_t>(DocumentKind::count)>;

Kinds kinds_named(std::string_view title) {
  const std::string lower = ascii_lower(title);
  Kinds kinds;
  for (const KindStems& entry : kKindStems)
    for (std::string_view stem : entry.stems)
      if (lower.find(stem) != std::string::npos) kinds.set(static_cast<std::size_t>(entry.kind));
  return kinds;
}

constexpr std::size_t kTitleWithin = 4;  // blocks: a banner or a breadcrumb may come first

}  // namespace

std::string_view title_line(const Text& text) {
  for (std::size_t i = 0; i < text.blocks.size() && i < kTitleWithin; ++i)
    if (text.blocks[i].kind == BlockKind::heading) return text.blocks[i].text;
  return text.blocks.empty() ? std::string_view() : std::string_view(text.blocks.front().text);
}

bool names_another_document(std::string_view declared, const Text& text) {
  const Kinds expected = kinds_named(declared), named = kinds_named(title_line(text));
  return expected.any() && named.any() && (expected & named).none();
}

}  // namespace tosdiff
