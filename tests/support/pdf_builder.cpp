#include "support/pdf_builder.hpp"

#include <openssl/evp.h>
#include <zlib.h>

#include <array>
#include <cstdint>
#include <cstdio>
#include <stdexcept>

namespace tosdiff::testing {
namespace {

// Helvetica's advance widths (1/1000 em) for WinAnsi codes 32..255, as its AFM gives them.
// The same table is written for the bold face: poppler then measures what we lay out.
constexpr std::array<int, 224> kWidths = {
    278,  278, 355, 556, 556, 889,  667,  191,  333, 333,  389, 584, 278,  333, 278, 278,  // 32
    556,  556, 556, 556, 556, 556,  556,  556,  556, 556,  278, 278, 584,  584, 584, 556,  // 48
    1015, 667, 667, 722, 722, 667,  611,  778,  722, 278,  500, 667, 556,  833, 722, 778,  // 64
    667,  778, 722, 667, 611, 722,  667,  944,  667, 667,  611, 278, 278,  278, 469, 556,  // 80
    333,  556, 556, 500, 556, 556,  278,  556,  556, 222,  222, 500, 222,  833, 556, 556,  // 96
    556,  556, 333, 500, 278, 556,  500,  722,  500, 500,  500, 334, 260,  334, 584, 350,  // 112
    556,  350, 222, 556, 333, 1000, 556,  556,  333, 1000, 667, 333, 1000, 350, 611, 350,  // 128
    350,  222, 222, 333, 333, 350,  556,  1000, 333, 1000, 500, 333, 944,  350, 500, 667,  // 144
    278,  333, 556, 556, 556, 556,  260,  556,  333, 737,  370, 556, 584,  333, 737, 333,  // 160
    400,  584, 333, 333, 333, 556,  537,  278,  333, 333,  365, 556, 834,  834, 834, 611,  // 176
    667,  667, 667, 667, 667, 667,  1000, 722,  667, 667,  667, 667, 278,  278, 278, 278,  // 192
    722,  722, 778, 778, 778, 778,  778,  584,  778, 722,  722, 722, 722,  667, 667, 611,  // 208
    556,  556, 556, 556, 556, 556,  889,  500,  556, 556,  556, 556, 278,  278, 278, 278,  // 224
    556,  556, 556, 556, 556, 556,  556,  584,  611, 556,  556, 556, 556,  500, 556, 500,  // 240
};

// UTF-8 to WinAnsi bytes.
std::string to_win_ansi(const std::string& utf8) {
  std::string out;
  for (std::size_t i = 0; i < utf8.size();) {
    const unsigned char c = static_cast<unsigned char>(utf8[i]);
    std::uint32_t cp = c;
    std::size_t len = 1;
    if (c >= 0xF0)
      cp = c & 0x07, len = 4;
    else if (c >= 0xE0)
      cp = c & 0x0F, len = 3;
    else if (c >= 0xC0)
      cp = c & 0x1F, len = 2;
    for (std::size_t k = 1; k < len && i + k < utf8.size(); ++k) cp = (cp << 6) | (utf8[i + k] & 0x3F);
    i += len;
    switch (cp) {
      case 0x2022: out += '\x95'; break;
      case 0x2013: out += '\x96'; break;
      case 0x2014: out += '\x97'; break;
      case 0x2018: out += '\x91'; break;
      case 0x2019: out += '\x92'; break;
      case 0x201C: out += '\x93'; break;
      case 0x201D: out += '\x94'; break;
      case 0x2026: out += '\x85'; break;
      case 0x20AC: out += '\x80'; break;
      default: out += cp < 0x100 && (cp < 0x80 || cp >= 0xA0) ? static_cast<char>(cp) : '?';
    }
  }
  return out;
}

std::string pdf_string(const std::string& bytes) {
  std::string out = "(";
  for (char c : bytes) {
    if (c == '(' || c == ')' || c == '\\') out += '\\';
    out += c;
  }
  return out + ")";
}

std::string num(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", v);
  return buffer;
}

std::string hex(const std::string& bytes) {
  static constexpr char digits[] = "0123456789ABCDEF";
  std::string out = "<";
  for (unsigned char c : bytes) {
    out += digits[c >> 4];
    out += digits[c & 15];
  }
  return out + ">";
}

std::string deflate(const std::string& data) {
  uLongf size = compressBound(data.size());
  std::string out(size, '\0');
  if (compress2(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(data.data()), data.size(),
                9) != Z_OK)
    throw std::runtime_error("compress2 failed");
  out.resize(size);
  return out;
}

std::string md5(const std::string& data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(data.data(), data.size(), digest, &length, EVP_md5(), nullptr) != 1)
    throw std::runtime_error("MD5 unavailable");
  return std::string(reinterpret_cast<char*>(digest), length);
}

std::string rc4(const std::string& key, const std::string& data) {
  std::array<unsigned char, 256> s{};
  for (int i = 0; i < 256; ++i) s[i] = static_cast<unsigned char>(i);
  for (int i = 0, j = 0; i < 256; ++i) {
    j = (j + s[i] + static_cast<unsigned char>(key[i % key.size()])) & 255;
    std::swap(s[i], s[j]);
  }
  std::string out(data.size(), '\0');
  for (std::size_t n = 0, i = 0, j = 0; n < data.size(); ++n) {
    i = (i + 1) & 255;
    j = (j + s[i]) & 255;
    std::swap(s[i], s[j]);
    out[n] = static_cast<char>(data[n] ^ s[(s[i] + s[j]) & 255]);
  }
  return out;
}

const std::string kPad(
    "\x28\xBF\x4E\x5E\x4E\x75\x8A\x41\x64\x00\x4E\x56\xFF\xFA\x01\x08"
    "\x2E\x2E\x00\xB6\xD0\x68\x3E\x80\x2F\x0C\xA9\xFE\x64\x53\x69\x7A",
    32);

std::string padded(const std::string& password) { return (password + kPad).substr(0, 32); }

// The standard security handler, revision 2 (PDF 1.7, 7.6.3, algorithms 2 to 4).
struct Rc4Security {
  std::string o, u, key, id;
  std::int32_t p = 0;

  Rc4Security(const PdfEncryption& e) {
    id = std::string("tosdiff-test-id!", 16);
    o = rc4(md5(padded(e.owner_password.empty() ? e.user_password : e.owner_password)).substr(0, 5),
            padded(e.user_password));
    // Bits 1-2 zero, 7-8 and 13-32 set (R2), 3 print, 4 modify, 5 copy, 6 annotate.
    std::uint32_t bits = 0xFFFFFFC0u | 0x4 | 0x8 | 0x20;
    if (e.allow_copy) bits |= 0x10;
    p = static_cast<std::int32_t>(bits);
    std::string p_bytes;
    for (int i = 0; i < 4; ++i) p_bytes += static_cast<char>((bits >> (8 * i)) & 0xFF);
    key = md5(padded(e.user_password) + o + p_bytes + id).substr(0, 5);
    u = rc4(key, kPad);
  }

  std::string encrypt(int object, const std::string& data) const {
    std::string k = key;
    k += static_cast<char>(object & 0xFF);
    k += static_cast<char>((object >> 8) & 0xFF);
    k += static_cast<char>((object >> 16) & 0xFF);
    k += '\0';
    k += '\0';
    return rc4(md5(k).substr(0, 10), data);
  }
};

}  // namespace

double text_width(const std::string& utf8, double size) {
  double width = 0;
  for (unsigned char c : to_win_ansi(utf8)) width += c >= 32 ? kWidths[c - 32] : 0;
  return width * size / 1000.0;
}

std::string build_pdf(const std::vector<PdfPage>& pages, const PdfBuildOptions& options) {
  std::optional<Rc4Security> security;
  if (options.encryption) security.emplace(*options.encryption);

  std::vector<std::string> objects;  // objects[i] is object i + 1, without "n 0 obj"
  auto add = [&](std::string body) {
    objects.push_back(std::move(body));
    return static_cast<int>(objects.size());
  };
  auto stream = [&](int object, const std::string& data, const std::string& extra) {
    std::string bytes = options.compress ? deflate(data) : data;
    if (security) bytes = security->encrypt(object, bytes);
    return "<< /Length " + std::to_string(bytes.size()) + (options.compress ? " /Filter /FlateDecode" : "") + extra +
           " >>\nstream\n" + bytes + "\nendstream";
  };

  add("<< /Type /Catalog /Pages 2 0 R >>");
  add("");  // pages, filled in below
  std::string widths = "[";
  for (int w : kWidths) widths += std::to_string(w) + " ";
  widths += "]";
  for (const char* font : {"Helvetica", "Helvetica-Bold"})
    add(std::string("<< /Type /Font /Subtype /Type1 /BaseFont /") + font +
        " /Encoding /WinAnsiEncoding /FirstChar 32 /LastChar 255 /Widths " + widths + " >>");
  add("");  // image, filled in below
  const int image = static_cast<int>(objects.size());
  std::string pixels;
  for (int i = 0; i < 64 * 64; ++i) pixels += static_cast<char>((i * 37 + i / 64 * 11) & 0xFF);
  objects[image - 1] =
      stream(image, pixels,
             " /Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray /BitsPerComponent 8");

  std::string kids;
  for (const PdfPage& page : pages) {
    std::string content;
    if (page.image)
      content += "q " + num(page.width - 144) + " 0 0 " + num(page.height - 144) + " 72 72 cm /Im1 Do Q\n";
    for (const PdfText& t : page.texts)
      content += "BT /" + std::string(t.bold ? "F2 " : "F1 ") + num(t.size) + " Tf " +
                 (t.turn == 1 ? "0 1 -1 0 " : t.turn == -1 ? "0 -1 1 0 " : "1 0 0 1 ") + num(t.x) + " " + num(page.height - t.y) + " Tm " +
                 pdf_string(to_win_ansi(t.text)) + " Tj ET\n";
    const int content_object = add("");
    objects[content_object - 1] = stream(content_object, content, "");
    const int page_object =
        add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + num(page.width) + " " + num(page.height) + "]" +
            (page.rotate != 0 ? " /Rotate " + std::to_string(page.rotate) : "") +
            " /Resources << /Font << /F1 3 0 R /F2 4 0 R >> /XObject << /Im1 " + std::to_string(image) +
            " 0 R >> >> /Contents " + std::to_string(content_object) + " 0 R >>");
    kids += std::to_string(page_object) + " 0 R ";
  }
  objects[1] = "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages.size()) + " >>";
  int encrypt = 0;
  if (security)
    encrypt = add("<< /Filter /Standard /V 1 /R 2 /O " + hex(security->o) + " /U " + hex(security->u) + " /P " +
                  std::to_string(security->p) + " >>");

  std::string out = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(out.size());
    out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const std::size_t xref = out.size();
  out += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (std::size_t offset : offsets) {
    char entry[24];
    std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offset);
    out += entry;
  }
  out += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R";
  const std::string id = security ? security->id : std::string("tosdiff-test-id!", 16);
  out += " /ID [" + hex(id) + " " + hex(id) + "]";
  if (encrypt != 0) out += " /Encrypt " + std::to_string(encrypt) + " 0 R";
  out += " >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return out;
}

// ---- Typesetter ------------------------------------------------------------------------------

void Typesetter::line(const std::string& text, double x, const Style& style, bool first) {
  const double advance = style.size * style.leading + (first ? style.space_before : 0);
  if (y_ == 0) {
    y_ = top + style.size;
  } else if (y_ + advance > bottom) {
    pages_.push_back(PdfPage{});
    y_ = top + style.size;
  } else {
    y_ += advance;
  }
  pages_.back().texts.push_back(PdfText{x, y_, style.size, style.bold, text});
}

void Typesetter::paragraph(const std::string& text, const Style& style) {
  bool first = true;
  std::string current;
  auto emit = [&]() {
    const double x = left + style.indent + (first ? style.first_indent : 0);
    line(current, x, style, first);
    first = false;
    current.clear();
  };
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find_first_of(" \n", start);
    if (end == std::string::npos) end = text.size();
    const std::string word = text.substr(start, end - start);
    const double x = left + style.indent + (first ? style.first_indent : 0);
    const std::string candidate = current.empty() ? word : current + " " + word;
    if (!current.empty() && x + text_width(candidate, style.size) > right) emit();
    current = current.empty() ? word : current + " " + word;
    if (end < text.size() && text[end] == '\n') emit();
    start = end + 1;
  }
  if (!current.empty()) emit();
}

void Typesetter::heading(const std::string& text, double size, bool bold) {
  Style style;
  style.size = size;
  style.bold = bold;
  style.space_before = size * 0.6;
  paragraph(text, style);
}

void Typesetter::list_item(const std::string& marker, const std::string& text, double indent, double hang) {
  Style style;
  style.indent = indent + hang;
  style.space_before = 3;
  const std::size_t page = pages_.size() - 1;
  const std::size_t index = pages_.back().texts.size();
  paragraph(text, style);
  // The marker on the first line's baseline, at the list's indent (the first line may have
  // opened a new page).
  const bool moved = pages_[page].texts.size() == index;
  PdfPage& target = moved ? pages_[page + 1] : pages_[page];
  const double baseline = target.texts[moved ? 0 : index].y;
  target.texts.push_back(PdfText{left + indent, baseline, style.size, false, marker});
}

void Typesetter::page_break() {
  pages_.push_back(PdfPage{});
  y_ = 0;
}

std::vector<PdfPage> Typesetter::pages() const {
  std::vector<PdfPage> out = pages_;
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (!header.empty()) out[i].texts.push_back(PdfText{left, 40, 9, false, header});
    if (page_numbers) {
      const std::string label = "Page " + std::to_string(i + 1) + " of " + std::to_string(out.size());
      out[i].texts.push_back(PdfText{right - text_width(label, 9), out[i].height - 36, 9, false, label});
    }
  }
  return out;
}

}  // namespace tosdiff::testing
