#pragma once
// What a fetched body is: HTML, XHTML, plain text, PDF, or something tosdiff does not read.
// Decided by the bytes first and the Content-Type header second, never by the URL's
// extension, in the spirit of the WHATWG MIME Sniffing Standard:
//
//   1. A binary signature at the start of the body wins over any header: "%PDF-" (within
//      the first 1024 bytes) is a PDF; PNG, JPEG, GIF, WebP, BMP, TIFF, ICO, ZIP (and the
//      Office/OpenDocument formats inside one), gzip, bzip2, xz, zstd, 7z, RAR, OLE2, ISO-BMFF
//      (MP4, HEIC, AVIF), MP3/ID3, Ogg, FLAC, WAV, AVI, WebM, MIDI, WASM, ELF, Java class,
//      PostScript, RTF and the font formats (wOFF, wOF2, OTTO, TrueType, collections, EOT)
//      are `unsupported`, with `mime` naming the format found.
//   2. A body that starts like HTML ("<!DOCTYPE html", "<html", "<head", "<body", after a
//      byte order mark, whitespace and comments) is HTML whatever the header says (text/plain,
//      application/pdf, application/json, application/octet-stream...): an error page or an
//      interstitial served under the document's type is common. With an
//      application/xhtml+xml header, or an XHTML namespace on <html>, it is `xhtml`.
//   3. A body starting with an XML declaration is `xhtml` when its root is <html> in the
//      XHTML namespace, `html` when its root is <html> without it, else `unsupported`
//      (mime "application/xml", "image/svg+xml", "application/rss+xml", "application/atom+xml").
//   4. NUL bytes or many control bytes in the first 512 bytes (a UTF-16 body, with or without
//      a BOM, is text) make the body `unsupported` "application/octet-stream".
//   5. Otherwise (text that does not start like HTML), the header decides: text/html ->
//      html; application/xhtml+xml -> xhtml; text/plain, text/markdown, text/csv and other
//      text/* -> plain_text; application/json and *+json, XML types, CSS and JavaScript,
//      other application/*, image/*, audio/*, video/*, font/* -> unsupported (mime = the
//      header's type); application/pdf -> plain_text (text is not a PDF). No header, or one
//      that says nothing ("application/octet-stream", "*/*", "unknown/unknown"): the weaker
//      HTML signatures of the standard ("<p", "<div", "<script", "<!--", ...) make it html,
//      else plain_text.
//   6. An empty or whitespace-only body has no evidence: the header decides (html, xhtml,
//      plain_text or pdf for those types, unsupported for others, plain_text when absent).
//
// Charset parameters are ignored here (charset.hpp transcodes). Pure function: no I/O.

#include <string>
#include <string_view>

namespace tosdiff {

enum class ContentKind { html, xhtml, plain_text, pdf, unsupported };

struct ContentSniff {
  ContentKind kind = ContentKind::unsupported;
  // What the body was taken for, lowercase, without parameters: "text/html",
  // "application/xhtml+xml", "text/plain", "text/markdown", "application/pdf", "image/png",
  // "application/zip", "application/octet-stream", ...
  std::string mime;
};

ContentSniff sniff_content(std::string_view content_type_header, std::string_view body);

// "html", "xhtml", "plain_text", "pdf", "unsupported".
std::string_view to_string(ContentKind kind);

}  // namespace tosdiff
