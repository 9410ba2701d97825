#include "tosdiff/extract/error_page.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <initializer_list>
#include <unordered_set>
#include <vector>

#include "tosdiff/extract/page_verdict.hpp"
#include "tosdiff/extract/writing_system.hpp"
#include "tosdiff/util/strings.hpp"
#include "tosdiff/util/utf8.hpp"

namespace tosdiff {
namespace {

constexpr std::size_t kTinyWords = 80;    // an error page's whole size
constexpr std::size_t kShortWords = 300;  // longer than any error page

// What error pages say, lowercase, apostrophes as "'". Matched as whole words. Words that are
// also ordinary words elsewhere are left out ("ups" is a courier, "vaya" a verb, "ops" a team).
constexpr std::string_view kErrorPhrases[] = {
    // English
    "page not found", "not found", "doesn't exist", "does not exist", "no longer exists",
    "no longer available", "isn't available", "is not available", "not available right now",
    "currently unavailable", "page unavailable", "page is unavailable", "content unavailable",
    "page you requested", "page you are looking for", "page you're looking for", "page you were looking for",
    "couldn't find", "could not find", "can't find", "cannot find", "can't be found", "cannot be found",
    "could not be found", "something went wrong", "an error occurred", "an error has occurred",
    "unexpected error", "internal server error", "server error", "service unavailable", "bad gateway",
    "gateway timeout", "temporarily unavailable", "under maintenance", "down for maintenance",
    "scheduled maintenance", "undergoing maintenance", "maintenance in progress", "we'll be back soon",
    "be right back", "oops", "whoops", "redirecting", "you are being redirected", "you will be redirected",
    "if you are not redirected", "this page has moved",
    // French
    "page introuvable", "page non trouvée", "introuvable", "n'existe pas", "n'existe plus",
    "n'est pas disponible", "n'est plus disponible", "n'est pas accessible", "indisponible",
    "temporairement indisponible", "service indisponible", "une erreur est survenue",
    "une erreur s'est produite", "erreur inattendue", "erreur interne", "erreur du serveur", "en maintenance",
    "en cours de maintenance", "maintenance en cours", "opération de maintenance", "oups",
    "redirection en cours", "vous allez être redirigé", "vous êtes redirigé", "réessayez plus tard",
    "réessayer plus tard", "la page demandée", "la page que vous recherchez", "la page que vous cherchez",
    // German
    "seite nicht gefunden", "nicht gefunden", "existiert nicht", "existiert nicht mehr", "nicht verfügbar",
    "nicht mehr verfügbar", "vorübergehend nicht verfügbar", "derzeit nicht verfügbar", "nicht erreichbar",
    "ein fehler ist aufgetreten", "es ist ein fehler aufgetreten", "unerwarteter fehler",
    "interner serverfehler", "serverfehler", "wartungsarbeiten", "wartungsmodus", "hoppla",
    "weiterleitung", "sie werden weitergeleitet", "du wirst weitergeleitet", "versuchen sie es später",
    "versuche es später", "die angeforderte seite", "die gesuchte seite",
    // Spanish
    "página no encontrada", "no encontrada", "no encontrado", "no se encuentra", "no se ha encontrado",
    "no existe", "ya no existe", "no está disponible", "ya no está disponible", "no disponible",
    "temporalmente no disponible", "servicio no disponible", "se ha producido un error",
    "ha ocurrido un error", "ocurrió un error", "se produjo un error", "algo salió mal", "error inesperado",
    "error interno del servidor", "en mantenimiento", "mantenimiento programado", "redirigiendo",
    "serás redirigido", "será redirigido", "vuelve a intentarlo más tarde", "inténtalo de nuevo más tarde",
    "inténtelo de nuevo más tarde", "la página que buscas", "la página solicitada",
    // Italian
    "pagina non trovata", "non trovata", "non trovato", "non esiste", "non esiste più", "non è disponibile",
    "non è più disponibile", "non disponibile", "temporaneamente non disponibile",
    "servizio non disponibile", "si è verificato un errore", "errore imprevisto", "errore inatteso",
    "errore interno del server", "in manutenzione", "manutenzione programmata", "manutenzione in corso",
    "reindirizzamento", "verrai reindirizzato", "sarai reindirizzato", "riprova più tardi",
    "riprovare più tardi", "la pagina che stai cercando", "la pagina richiesta",
    // Portuguese
    "página não encontrada", "não encontrada", "não encontrado", "não existe", "não existe mais",
    "já não existe", "não está disponível", "não está mais disponível", "indisponível",
    "temporariamente indisponível", "serviço indisponível", "ocorreu um erro", "erro inesperado",
    "erro interno do servidor", "algo deu errado", "em manutenção", "manutenção programada",
    "redirecionando", "a redirecionar", "você será redirecionado", "será redirecionado",
    "tente novamente mais tarde", "a página que procura", "a página que você está procurando",
    "a página solicitada",
    // Dutch
    "pagina niet gevonden", "niet gevonden", "bestaat niet", "bestaat niet meer", "niet beschikbaar",
    "tijdelijk niet beschikbaar", "niet meer beschikbaar", "er is een fout opgetreden",
    "er is iets misgegaan", "er ging iets mis", "onverwachte fout", "interne serverfout", "in onderhoud",
    "onderhoudswerkzaamheden", "gepland onderhoud", "wordt doorgestuurd", "u wordt doorgestuurd",
    "je wordt doorgestuurd", "doorverwijzen", "probeer het later opnieuw", "de pagina die u zoekt",
    "de pagina die je zoekt", "oeps",
};

// The way out an error page offers.
constexpr std::string_view kRecoveryPhrases[] = {
    "go to the homepage", "go to homepage", "back to home", "back to the homepage", "return to the homepage",
    "return home", "go back", "try again", "reload the page", "refresh the page", "retour à l'accueil",
    "revenir à l'accueil", "retourner à l'accueil", "zurück zur startseite", "zur startseite",
    "volver al inicio", "ir a la página de inicio", "torna alla home", "torna alla homepage",
    "voltar à página inicial", "voltar para a página inicial", "terug naar home", "terug naar de homepage",
    "naar de homepage",
};

constexpr std::string_view kStatusCodes[] = {"400", "401", "403", "404", "410", "429", "500", "502", "503", "504"};

// Markers of legal prose in the seven languages; a trailing '*' matches any word ending.
// The names of the usual footer links ("Terms", "Privacy", "Cookies") are not among them.
constexpr std::string_view kLegalMarkers[] = {
    "personal data", "personal information", "liabilit*", "indemnif*", "warrant*", "governing law",
    "jurisdiction*", "arbitration", "terminat*", "hereby", "herein*", "pursuant", "agreement*", "controller",
    "processor*", "gdpr", "ccpa", "registered office", "registered in", "company number",
    "company registration", "vat", "intellectual property", "licen*", "lawful basis", "legitimate interest*",
    "data protection", "shall", "imprint", "managing director*", "represented by", "trade register",
    "commercial register", "court*", "statutory",
    "impressum", "personenbezogen*", "haftung*", "gewährleistung", "gerichtsstand", "handelsregister",
    "registergericht", "amtsgericht", "geschäftsführ*", "vertreten durch", "umsatzsteuer*", "ust-id*",
    "datenschutz*", "verantwortlich*", "einwilligung", "verarbeitung", "gemäß", "vertrag*", "kündigung",
    "§*", "agb", "rechtsgrundlage", "aufsichtsbehörde",
    "données personnelles", "données à caractère personnel", "responsabilité", "mentions légales",
    "siège social", "rcs", "capital social", "directeur de la publication", "hébergeur", "droit applicable",
    "tribuna*", "traitement", "contrat", "résiliation", "rgpd", "cnil", "conditions générales",
    "datos personales", "responsabilidad", "aviso legal", "domicilio social", "registro mercantil", "cif",
    "nif", "ley aplicable", "legislación aplicable", "jurisdicción", "tratamiento", "contrato",
    "condiciones generales",
    "dati personali", "responsabilità", "note legali", "sede legale", "partita iva", "registro delle imprese",
    "legge applicabile", "foro competente", "trattamento", "contratto", "titolare del trattamento",
    "condizioni generali",
    "dados pessoais", "responsabilidade", "sede social", "cnpj", "lei aplicável", "lgpd", "condições gerais",
    "persoonsgegevens", "aansprakelijkheid", "kvk", "kamer van koophandel", "btw", "toepasselijk recht",
    "bevoegde rechter", "verwerking", "overeenkomst", "avg", "algemene voorwaarden",
};

// Languages written in other scripts, with spaces between words: Russian, Ukrainian,
// Bulgarian, Serbian, Greek, Arabic, Persian, Hebrew. Asked of prose only (legal_prose): a
// site's footer links and a login form's consent line say them too, and no error page is
// judged by them.
constexpr std::string_view kOtherScriptLegalMarkers[] = {
    "персональн*", "конфиденциальн*", "ответственност*", "соглашени*", "законодательств*", "обработк*",
    "відповідальн*", "угод*", "законодавств*", "обробк*", "конфіденційн*", "лични данни", "отговорност*",
    "споразумени*", "законодателств*", "лични подаци", "одговорност*", "уговор*",
    "προσωπικά δεδομένα", "προσωπικών δεδομένων", "ευθύνη*", "συμφωνί*", "νομοθεσί*", "επεξεργασί*",
    "البيانات الشخصية", "المسؤولية", "الخصوصية", "اتفاقية", "القانون", "اطلاعات شخصی", "مسئولیت",
    "حریم خصوصی", "מידע אישי", "אחריות", "פרטיות", "הסכם",
};

// The same for languages written without spaces between words, or with their particles glued
// to them (Chinese, Japanese, Korean, Thai): found anywhere in a block of prose.
constexpr std::string_view kUnspacedLegalMarkers[] = {
    "个人信息", "隐私", "条款", "协议", "责任", "法律", "個人資料", "隱私", "條款", "協議",
    "個人情報", "規約", "プライバシー", "責任", "同意",
    "개인정보", "약관", "책임", "법률", "동의",
    "ข้อมูลส่วนบุคคล", "ข้อกำหนด", "ความรับผิด", "กฎหมาย", "ความเป็นส่วนตัว", "สัญญา", "เงื่อนไข",
};

bool is_word_byte(unsigned char c) { return std::isalnum(c) || c >= 0x80; }

// Lowercase (ASCII and the Latin-1 capitals), typographic apostrophes as "'", no-break and
// other spaces as one space: the form the phrase lists are written in.
std::string fold(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  auto space = [&] {
    if (!out.empty() && out.back() != ' ') out += ' ';
  };
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    const auto d = i + 1 < s.size() ? static_cast<unsigned char>(s[i + 1]) : 0;
    if (c == 0xC3 && d >= 0x80 && d <= 0x9E && d != 0x97) {
      out += static_cast<char>(c);
      out += static_cast<char>(d + 0x20);
      ++i;
    } else if (c == 0xC2 && d == 0xA0) {
      space();
      ++i;
    } else if (c == 0xE2 && d == 0x80 && i + 2 < s.size() &&
               (static_cast<unsigned char>(s[i + 2]) == 0x98 || static_cast<unsigned char>(s[i + 2]) == 0x99)) {
      out += '\'';
      i += 2;
    } else if (std::isspace(c)) {
      space();
    } else {
      out += static_cast<char>(std::tolower(c));
    }
  }
  return out;
}

// `phrase` in `text` as whole words (a trailing '*': any ending).
bool has_phrase(std::string_view text, std::string_view phrase) {
  const bool stem = !phrase.empty() && phrase.back() == '*';
  if (stem) phrase.remove_suffix(1);
  for (std::size_t at = text.find(phrase); at != std::string_view::npos; at = text.find(phrase, at + 1)) {
    const bool start = at == 0 || !is_word_byte(static_cast<unsigned char>(text[at - 1])) ||
                       !is_word_byte(static_cast<unsigned char>(phrase[0]));
    const std::size_t after = at + phrase.size();
    const bool end = stem || after >= text.size() || !is_word_byte(static_cast<unsigned char>(text[after]));
    if (start && end) return true;
  }
  return false;
}

template <std::size_t N>
std::optional<std::string_view> first_of(std::string_view text, const std::string_view (&phrases)[N]) {
  for (std::string_view phrase : phrases)
    if (has_phrase(text, phrase)) return phrase;
  return std::nullopt;
}

std::string decode_title(std::string_view title) {
  std::string s(title);
  for (auto [entity, with] : std::initializer_list<std::pair<std::string_view, std::string_view>>{
           {"&#39;", "'"}, {"&#039;", "'"}, {"&#x27;", "'"}, {"&apos;", "'"}, {"&rsquo;", "'"},
           {"&nbsp;", " "}, {"&quot;", "\""}, {"&ndash;", "-"}, {"&mdash;", "-"}, {"&amp;", "&"}}) {
    for (std::size_t at; (at = s.find(entity)) != std::string::npos;) s.replace(at, entity.size(), with);
  }
  return fold(s);
}

bool has_meta_refresh(std::string_view html) {
  const std::string head = ascii_lower(html.substr(0, 16 * 1024));
  return contains_any(head, {"http-equiv=\"refresh\"", "http-equiv='refresh'", "http-equiv=refresh"});
}

}  // namespace

namespace {

// Markers of all scripts in a text of prose.
std::size_t markers_in(const std::string& folded) {
  std::size_t found = 0;
  for (std::string_view marker : kLegalMarkers) found += has_phrase(folded, marker);
  for (std::string_view marker : kOtherScriptLegalMarkers) found += has_phrase(folded, marker);
  for (std::string_view marker : kUnspacedLegalMarkers) found += folded.find(marker) != std::string::npos ? 1 : 0;
  return found;
}

constexpr std::size_t kProseBlockWords = 12;
constexpr std::size_t kLongBlockWords = 40;

// A block of prose in any script: 12 words or more (counted as extract/writing_system.hpp
// counts them) with a sentence's punctuation (". , ; :" or their full-width forms "。，；：、";
// none in Thai, Lao, Khmer, Burmese), or over 40 words.
bool is_prose_block(const Block& block) {
  if (block.kind == BlockKind::heading) return false;
  const std::size_t words = count_words(block.text);
  if (words > kLongBlockWords) return true;
  if (words < kProseBlockWords) return false;
  if (block.text.find_first_of(".,;:") != std::string::npos) return true;
  // Thai, Lao, Khmer and Burmese end their sentences with a space, not a mark.
  for (std::size_t at = 0; at < block.text.size();) {
    if (static_cast<unsigned char>(block.text[at]) < 0x80) {
      ++at;
      continue;
    }
    if (ends_sentences_with_a_space(writing_system_of(next_code_point(block.text, at)))) return true;
  }
  for (std::string_view mark : {"\xE3\x80\x82", "\xEF\xBC\x8C", "\xEF\xBC\x9B", "\xEF\xBC\x9A", "\xE3\x80\x81"})
    if (block.text.find(mark) != std::string::npos) return true;
  return false;
}

}  // namespace

std::size_t legal_markers(const Text& text) {
  std::string all;
  for (const Block& block : text.blocks) all += fold(block.text) + "\n";
  std::size_t found = 0;
  for (std::string_view marker : kLegalMarkers) found += has_phrase(all, marker);
  return found;
}

LegalProse legal_prose(const Text& text) {
  LegalProse out;
  std::string prose;
  for (const Block& block : text.blocks) {
    if (!is_prose_block(block)) continue;
    ++out.prose_blocks;
    const std::string folded = fold(block.text);
    out.blocks_with_markers += markers_in(folded) > 0 ? 1 : 0;
    prose += folded + "\n";
  }
  out.markers = markers_in(prose);
  return out;
}

namespace {

constexpr std::string_view kDocumentNames[] = {
    "terms of service", "terms of use", "terms and conditions", "terms & conditions", "user agreement",
    "privacy policy", "privacy notice", "cookie policy", "community guidelines", "acceptable use policy",
    "nutzungsbedingungen", "allgemeine geschäftsbedingungen", "datenschutzerklärung", "datenschutzrichtlinie",
    "datenschutzhinweise", "cookie-richtlinie", "gemeinschaftsrichtlinien",
    "conditions d'utilisation", "conditions générales", "politique de confidentialité",
    "politique relative aux cookies", "règles de la communauté",
    "condiciones de uso", "condiciones del servicio", "términos de servicio", "términos y condiciones",
    "política de privacidad", "política de cookies", "normas de la comunidad",
    "termini di servizio", "termini e condizioni", "condizioni d'uso", "informativa sulla privacy",
    "linee guida della community",
    "termos de serviço", "termos de uso", "política de privacidade", "diretrizes da comunidade",
    "gebruiksvoorwaarden", "algemene voorwaarden", "servicevoorwaarden", "privacybeleid", "privacyverklaring",
    "cookiebeleid", "communityrichtlijnen"};

bool names_a_document(const std::string& folded) {
  for (std::string_view name : kDocumentNames)
    if (has_phrase(folded, name)) return true;
  return false;
}

}  // namespace

bool opens_with_document_name(const Text& text) {
  std::string opening;
  for (std::size_t i = 0; i < text.blocks.size() && i < 3; ++i) opening += fold(text.blocks[i].text) + "\n";
  return names_a_document(opening);
}

std::size_t blocks_naming_a_document(const Text& text, std::size_t max_words) {
  std::size_t naming = 0;
  for (const Block& block : text.blocks)
    if (count_space_separated_words(block.text) <= max_words && names_a_document(fold(block.text))) ++naming;
  return naming;
}

std::optional<std::string> opening_error_phrase(const Text& text) {
  std::string opening;
  for (std::size_t i = 0; i < text.blocks.size() && i < 3; ++i) opening += fold(text.blocks[i].text) + "\n";
  if (auto phrase = first_of(opening, kErrorPhrases)) return std::string(*phrase);
  return std::nullopt;
}

bool says_phrase(const Text& text, std::string_view phrase) {
  std::string all;
  for (const Block& block : text.blocks) all += fold(block.text) + "\n";
  return has_phrase(all, phrase);
}

namespace {

// Words after which a status code is one: "Error 404", "HTTP 503", "Fehler 500", "erreur 404".
constexpr std::string_view kStatusLeads[] = {"error", "http", "status", "code", "erreur", "fehler", "fout",
                                             "errore", "c\xC3\xB3" "digo"};

// Whether the block gives an HTTP error's status code as an error page does: a word of its own
// (not "$500", "1,500", "(404) 555-0100", "401(k)"), among the block's first two words or after
// "Error"/"HTTP", and the word after it no word of a sentence in lower case ("404 Sorry",
// "404 - Not Found", "Error 404: page not found"; not "Above 429 requests a minute").
bool gives_a_status_code(std::string_view block_text) {
  const std::vector<std::string> words = space_separated_words(block_text);
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::string word = words[i];
    while (!word.empty() && (word.back() == ':' || word.back() == '.' || word.back() == ',')) word.pop_back();
    if (std::find(std::begin(kStatusCodes), std::end(kStatusCodes), word) == std::end(kStatusCodes)) continue;
    const bool placed = i < 2 || std::find(std::begin(kStatusLeads), std::end(kStatusLeads), ascii_lower(words[i - 1])) !=
                                     std::end(kStatusLeads);
    const bool sentence_goes_on = i + 1 < words.size() && words[i] == word && !words[i + 1].empty() &&
                                  words[i + 1][0] >= 'a' && words[i + 1][0] <= 'z';
    if (placed && !sentence_goes_on) return true;
  }
  return false;
}

}  // namespace

std::optional<std::string> new_status_error_message(const Text& text, const Text& baseline) {
  constexpr std::size_t kMessageMaxWords = 30;
  std::unordered_set<std::string_view> before;
  for (const Block& block : baseline.blocks) before.insert(block.text);
  for (const Block& block : text.blocks) {
    if (count_space_separated_words(block.text) > kMessageMaxWords || before.count(block.text)) continue;
    if (!gives_a_status_code(block.text)) continue;
    // A phrase the document already said is its own words, not a message; another block may
    // still be one.
    if (auto phrase = first_of(fold(block.text), kErrorPhrases); phrase && !says_phrase(baseline, *phrase))
      return std::string(*phrase);
  }
  return std::nullopt;
}

std::optional<std::string> error_page_reason(std::string_view raw_title, const Text& text, std::string_view html,
                                             std::size_t previous_words) {
  const std::size_t words = count_text_words(text);
  if (words >= kShortWords) return std::nullopt;
  const bool tiny = words < kTinyWords || (previous_words >= 100 && words * 5 < previous_words);

  const std::string title = decode_title(raw_title);
  std::string heading, opening;
  for (std::size_t i = 0; i < text.blocks.size() && i < 3; ++i) {
    const std::string folded = fold(text.blocks[i].text);
    if (heading.empty() && text.blocks[i].kind == BlockKind::heading) heading = folded;
    opening += folded + "\n";
  }
  std::string whole;
  for (const Block& block : text.blocks) whole += fold(block.text) + "\n";

  int weight = 0;
  bool said = false;  // the title or the first heading says so
  std::string reason;
  auto note = [&](int w, std::string what) {
    weight += w;
    if (reason.empty()) reason = std::move(what);
  };
  const auto in_title = first_of(title, kErrorPhrases);
  const auto in_heading = first_of(heading, kErrorPhrases);
  if (in_title) note(2, "'" + std::string(*in_title) + "' in its title");
  if (in_heading) note(2, "'" + std::string(*in_heading) + "' in its heading");
  if (auto code = first_of(title + "\n" + heading, kStatusCodes)) note(2, "status " + std::string(*code) + " in its title");
  said = weight > 0;
  if (!in_heading) {
    if (auto in_opening = first_of(opening, kErrorPhrases)) note(1, "'" + std::string(*in_opening) + "' in its opening");
    else if (has_phrase(opening, "404")) note(1, "'404' in its opening");
  }
  if (weight == 0) return std::nullopt;  // the rest only supports what a phrase says
  if (auto way_out = first_of(whole, kRecoveryPhrases)) note(1, "'" + std::string(*way_out) + "'");
  if (words < kTinyWords && has_meta_refresh(html)) note(1, "a redirect");

  const std::size_t legal = legal_markers(text);
  const bool error = tiny ? (legal == 0 || (weight >= 2 && legal < 3))
                          : (said && legal < 3);
  if (!error) return std::nullopt;
  return reason;
}

}  // namespace tosdiff
