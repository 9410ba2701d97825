#!/usr/bin/env python3
"""Generates a synthetic site of policy pages for bench/run, deterministically from a seed.

Every page looks like a real platform's policy page: a <head> with stylesheets, a large
inline <style>, external and inline scripts (a build hash in their names, an analytics
snippet, JSON-LD), a cookie banner, a header with an inline SVG logo and navigation, a
table of contents, one long <article> (headings, paragraphs, lists, tables, links), a footer
with link columns, SVG icons and a generation date, and a closing inline script bundle.
Sizes are spread uniformly over 30-120 KB.

The text is our own: sentences composed from the vocabulary below (nothing is copied from
any real policy or from the reference corpus).

A page is a pure function of (seed, page number, revision, mutated?):
  - revision 0 is the first state of the site;
  - revision 1 changes the noise on EVERY page (rotating tracking ids in links, a new build
    hash in script and stylesheet names, a new cookie-banner text, a new date in the
    footer): none of it is inside <article> except link targets (href);
  - a mutated page (revision 1 only) also has one sentence of its article replaced by a
    different sentence: a real, substantive change of the policy's text.

Usage (bench/run calls it as a module; standalone for inspection):
  bench/sitegen.py DIR [--pages 500] [--seed 1] [--revision 0|1] [--mutate-fraction 0.1]
"""

import argparse
import hashlib
import json
import os
import random

# ---- vocabulary ---------------------------------------------------------------------------

COMPANY_A = ["Nimbus", "Quill", "Harbor", "Lumen", "Orchard", "Vertex", "Juniper", "Cobalt",
             "Sable", "Tidal", "Meridian", "Kestrel", "Alder", "Basalt", "Cinder", "Fable"]
COMPANY_B = ["Labs", "Systems", "Cloud", "Works", "Networks", "AI", "Studio", "Data", "Apps"]
DOC_TYPES = ["Terms of Service", "Privacy Policy", "Acceptable Use Policy", "Cookie Policy",
             "Data Processing Addendum", "Community Guidelines", "Developer Terms"]

SUBJECTS = ["We", "The Company", "Our affiliates", "You", "Each user", "The account holder",
            "Our service providers", "Authorized resellers", "The administrator of your workspace",
            "Third-party partners", "Our support staff", "Any person acting on your behalf"]
MODALS = ["may", "will", "shall", "must", "can", "may not", "will not", "shall not", "must not",
          "are entitled to", "agree to", "reserve the right to"]
VERBS = ["collect", "retain", "disclose", "process", "store", "transfer", "share", "delete",
         "anonymize", "review", "monitor", "aggregate", "license", "suspend", "terminate",
         "limit access to", "encrypt", "back up", "export", "correct", "restrict the use of"]
OBJECTS = ["account information", "usage data", "payment details", "device identifiers",
           "content you submit", "prompts and outputs", "contact information", "location data",
           "support conversations", "billing records", "log files", "feedback",
           "information about your organization", "cookies and similar technologies",
           "diagnostic reports", "authentication tokens", "uploaded files", "voice recordings",
           "browsing history within the Service", "survey responses", "referral codes"]
PURPOSES = ["to provide and maintain the Service", "to comply with applicable law",
            "to prevent fraud and abuse", "to improve our models", "to personalize your experience",
            "to process transactions", "to respond to your requests", "to enforce these Terms",
            "to secure our systems", "to measure the performance of features",
            "to send you service announcements", "to train and evaluate safety classifiers",
            "to investigate security incidents", "to meet our contractual obligations",
            "to operate the developer platform", "to calculate fees and taxes"]
QUALIFIERS = ["unless you object", "where permitted by law", "subject to your consent",
              "in accordance with Section {sec}", "as described in the table below",
              "for as long as your account is active", "for up to {days} days",
              "within {days} days of your request", "only in aggregated form",
              "except as required by a court order", "after giving you {days} days' notice",
              "without undue delay", "in the countries listed in Annex {annex}",
              "using appropriate safeguards", "on a best-effort basis",
              "where technically feasible", "at no additional charge"]
CONNECTORS = ["In addition,", "However,", "For clarity,", "Where applicable,", "In particular,",
              "Notwithstanding the foregoing,", "To the extent permitted by law,", "Accordingly,",
              "As a result,", "Except as stated otherwise,", "In such cases,", "Likewise,"]
SECTION_TITLES = ["Scope of these terms", "Information we collect", "How we use information",
                  "Legal bases for processing", "Sharing and disclosure", "International transfers",
                  "Data retention", "Your rights and choices", "Security", "Children",
                  "Cookies and tracking", "Payments and subscriptions", "Acceptable use",
                  "Intellectual property", "Your content", "Model training", "Third-party services",
                  "Disclaimers", "Limitation of liability", "Indemnification",
                  "Dispute resolution", "Governing law", "Changes to these terms",
                  "Termination", "Beta features", "Export controls", "Contact us",
                  "Regional provisions", "Enterprise accounts", "API usage limits"]
SUBSECTION_TITLES = ["Overview", "Details", "Examples", "Exceptions", "How to exercise this right",
                     "Retention periods", "Categories of recipients", "Safeguards",
                     "Notice", "Eligibility", "Fees", "Refunds", "Suspension", "Appeals"]
TABLE_HEADS = [["Category", "Examples", "Purpose", "Retention"],
               ["Recipient", "Data shared", "Reason"],
               ["Right", "How to exercise it", "Response time"],
               ["Cookie", "Provider", "Purpose", "Duration"]]
NAV_ITEMS = ["Products", "Solutions", "Pricing", "Developers", "Docs", "Research", "Safety",
             "Company", "Careers", "Blog", "Customers", "Security", "Status", "Support"]
FOOTER_ITEMS = ["About", "Press", "Partners", "Investors", "Legal", "Privacy", "Terms", "Cookies",
                "Accessibility", "Sitemap", "Trust center", "Contact sales", "Help center",
                "Community", "Events", "Brand", "Responsible disclosure", "Subprocessors"]
BANNER_TEXTS = [
    "We use cookies to run this site, to remember your choices and, with your permission, to measure how it is used.",
    "This website stores cookies on your device. Some are essential; others help us understand how you use the site.",
    "Cookies help us deliver our services. Choose which optional cookies you allow; essential ones are always on.",
    "We and our partners use cookies and similar technologies for analytics and to improve your experience.",
]
CSS_PROPS = ["margin", "padding", "color", "background", "font-size", "line-height", "display",
             "border-radius", "max-width", "gap", "flex", "grid-template-columns", "opacity",
             "transition", "box-shadow", "letter-spacing", "z-index", "position", "top", "width"]
CSS_VALUES = ["0", "auto", "1rem", "12px", "24px", "#1a1a2e", "#f5f5f7", "none", "flex", "grid",
              "block", "1.6", "0.875rem", "50%", "100%", "0 auto", "all .2s ease", "relative",
              "0 1px 3px rgba(0,0,0,.12)", "-0.01em", "repeat(3,1fr)", "10", "8px 16px"]
JS_WORDS = ["init", "track", "consent", "render", "hydrate", "route", "fetch", "locale",
            "session", "flags", "experiment", "bundle", "chunk", "module", "state", "dispatch",
            "observer", "payload", "queue", "config", "metrics", "beacon", "visitor", "theme"]


def _rng(*parts):
    return random.Random(hashlib.sha256(":".join(str(p) for p in parts).encode()).digest())


# ---- text ---------------------------------------------------------------------------------

def sentence(r):
    words = [r.choice(SUBJECTS), r.choice(MODALS), r.choice(VERBS), r.choice(OBJECTS)]
    if r.random() < 0.8:
        words.append(r.choice(PURPOSES))
    if r.random() < 0.6:
        words.append(r.choice(QUALIFIERS).format(sec="%d.%d" % (r.randint(1, 20), r.randint(1, 9)),
                                                 days=r.choice([7, 14, 30, 45, 60, 90, 180, 365]),
                                                 annex=r.choice("ABCDE")))
    if r.random() < 0.3:
        words.append("and " + r.choice(VERBS) + " " + r.choice(OBJECTS))
    text = " ".join(words)
    if r.random() < 0.25:
        c = r.choice(CONNECTORS)
        text = c + " " + text[0].lower() + text[1:] if not text.startswith(("We ", "You ")) else c + " " + text
    return text[0].upper() + text[1:] + "."


class Article:
    """The article's content as data, so that a revision can change one sentence of it."""

    def __init__(self, r, target_bytes, site):
        self.blocks = []  # ("h2"|"h3", text) | ("p", [sentences]) | ("ul"|"ol", [items]) | ("table", head, rows)
        size = 0
        section = 0
        while size < target_bytes:
            section += 1
            title = "%d. %s" % (section, r.choice(SECTION_TITLES))
            self.blocks.append(("h2", title))
            size += len(title) + 40
            for sub in range(r.randint(1, 3)):
                if r.random() < 0.6:
                    t = "%d.%d %s" % (section, sub + 1, r.choice(SUBSECTION_TITLES))
                    self.blocks.append(("h3", t))
                    size += len(t) + 20
                for _ in range(r.randint(1, 4)):
                    kind = r.random()
                    if kind < 0.65:
                        p = [sentence(r) for _ in range(r.randint(2, 6))]
                        self.blocks.append(("p", p))
                        size += sum(len(s) + 1 for s in p) + 60
                    elif kind < 0.88:
                        items = [sentence(r) for _ in range(r.randint(3, 8))]
                        self.blocks.append((r.choice(["ul", "ol"]), items))
                        size += sum(len(s) + 20 for s in items) + 20
                    else:
                        head = r.choice(TABLE_HEADS)
                        rows = [[r.choice(OBJECTS).capitalize()] +
                                [r.choice(PURPOSES if i % 2 else OBJECTS).capitalize() if i < len(head) - 1 else
                                 "%d days" % r.choice([30, 90, 180, 365, 730]) for i in range(1, len(head))]
                                for _ in range(r.randint(3, 8))]
                        self.blocks.append(("table", head, rows))
                        size += sum(sum(len(c) + 9 for c in row) + 9 for row in rows) + 120
        self.section_titles = [b[1] for b in self.blocks if b[0] == "h2"]
        # Where links go in the article (their href carries rotating tracking ids).
        self.link_paragraphs = {i for i, b in enumerate(self.blocks) if b[0] == "p" and r.random() < 0.2}
        self.site = site

    def mutation_of(self, r):
        """(block index, sentence index, new sentence): a sentence replaced by another."""
        paragraphs = [i for i, b in enumerate(self.blocks) if b[0] == "p"]
        i = r.choice(paragraphs)
        j = r.randrange(len(self.blocks[i][1]))
        old = self.blocks[i][1][j]
        new = old
        while new == old:
            new = sentence(r)
        return i, j, new


def esc(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# ---- furniture ----------------------------------------------------------------------------

def svg_path(r, points):
    d = ["M%d %d" % (r.randint(0, 24), r.randint(0, 24))]
    for _ in range(points):
        d.append(r.choice("LCQ") + " ".join("%.2f" % (r.random() * 24) for _ in range(4 if d[-1][0] == "Q" else 2)))
    return "".join(d) + "Z"


def svg(r, cls, paths, points):
    inner = "".join('<path fill="currentColor" d="%s"/>' % svg_path(r, points) for _ in range(paths))
    return ('<svg class="%s" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="24" height="24" '
            'aria-hidden="true" focusable="false">%s</svg>' % (cls, inner))


def css(r, rules):
    out = []
    for _ in range(rules):
        sel = "." + "-".join(r.choice(JS_WORDS) for _ in range(r.randint(1, 3)))
        if r.random() < 0.3:
            sel += " " + r.choice(["a", "li", "p", "h2", "svg", "button", "> div"])
        decls = ";".join("%s:%s" % (r.choice(CSS_PROPS), r.choice(CSS_VALUES)) for _ in range(r.randint(2, 7)))
        out.append("%s{%s}" % (sel, decls))
    return "\n".join(out)


def js(r, functions):
    out = ['(self.webpackChunk_site=self.webpackChunk_site||[]).push([[%d],{' % r.randint(100, 999)]
    for _ in range(functions):
        a, b = r.choice(JS_WORDS), r.choice(JS_WORDS)
        out.append('%d:function(e,t,n){"use strict";n.d(t,{%s:function(){return %s}});var o=n(%d),'
                   'i=n.n(o);function %s(e){const t=e&&e.%s||{};return i().%s(t,"%s",%d)}},'
                   % (r.randint(1000, 99999), a, a + b.capitalize(), r.randint(1000, 9999), a + b.capitalize(),
                      b, r.choice(JS_WORDS), r.choice(JS_WORDS), r.randint(0, 1 << 20)))
    out.append("}]);")
    return "".join(out)


def tracking(nr):
    return "utm_source=site&utm_medium=%s&utm_campaign=legal-%d&_gl=1*%x*_ga*%d.%d&gclid=%s" % (
        nr.choice(["nav", "footer", "inline"]), nr.randint(1, 99), nr.getrandbits(24), nr.getrandbits(30),
        nr.getrandbits(30), "".join(nr.choice("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-")
                                    for _ in range(24)))


# ---- the page -----------------------------------------------------------------------------

def page_path(number):
    return "legal/%04d/index.html" % number


def page_html(seed, number, revision=0, mutated=False):
    r = _rng(seed, "page", number)          # structure and text: the same in every revision
    nr = _rng(seed, "noise", number, revision)  # noise: new in every revision
    company = "%s %s" % (r.choice(COMPANY_A), r.choice(COMPANY_B))
    doc_type = r.choice(DOC_TYPES)
    target = r.randint(32 * 1024, 118 * 1024)  # lands in 30-120 KB
    fr = _rng(seed, "furniture", number)    # furniture stays the same across revisions
    build = "%016x" % nr.getrandbits(64)
    parts = []
    w = parts.append

    # head
    w('<!DOCTYPE html>\n<html lang="en" class="no-js">\n<head>\n<meta charset="utf-8">\n')
    w('<meta name="viewport" content="width=device-width, initial-scale=1">\n')
    w('<title>%s | %s</title>\n' % (doc_type, company))
    w('<meta name="description" content="%s">\n' % esc(sentence(fr)))
    w('<link rel="canonical" href="https://www.example.com/%s">\n' % page_path(number))
    w('<link rel="preload" as="font" href="/static/fonts/inter-var.%s.woff2" crossorigin>\n' % build[:8])
    w('<link rel="stylesheet" href="/static/css/app.%s.css">\n' % build)
    w('<style>\n%s\n</style>\n' % css(fr, fr.randint(40, 100)))
    w('<script src="/static/js/runtime.%s.js" defer></script>\n' % build)
    w('<script src="/static/js/vendor.%s.js" defer></script>\n' % build[::-1])
    w('<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}'
      'gtag("js",new Date);gtag("config","G-%X",{anonymize_ip:true,build:"%s"});</script>\n'
      % (fr.getrandbits(32), build))
    w('<script type="application/ld+json">%s</script>\n' % json.dumps(
        {"@context": "https://schema.org", "@type": "WebPage", "name": doc_type,
         "publisher": {"@type": "Organization", "name": company}, "version": build}))
    w('</head>\n<body class="page-legal theme-light">\n')
    w('<noscript><iframe src="https://tags.example.com/ns.html?id=GTM-%X" height="0" width="0" '
      'style="display:none"></iframe></noscript>\n' % fr.getrandbits(24))

    # cookie banner (its text changes with the revision)
    w('<div id="cookie-consent" class="cookie-banner" role="dialog" aria-live="polite">\n')
    w('<p class="cookie-banner__text">%s <a href="/legal/cookies?%s">Cookie settings</a></p>\n'
      % (BANNER_TEXTS[(number + revision) % len(BANNER_TEXTS)], tracking(nr)))
    w('<div class="cookie-banner__actions"><button type="button" data-consent="all">Accept all</button>'
      '<button type="button" data-consent="essential">Essential only</button></div>\n</div>\n')

    # header and navigation
    w('<header class="site-header">\n<a class="site-header__logo" href="/?%s" aria-label="%s home">%s<span>%s</span></a>\n'
      % (tracking(nr), company, svg(fr, "logo", 4, 18), company))
    w('<nav class="site-nav" aria-label="Main"><ul>\n')
    for item in fr.sample(NAV_ITEMS, fr.randint(7, 12)):
        w('<li class="site-nav__item"><a href="/%s?%s">%s</a><ul class="site-nav__menu">' % (item.lower(), tracking(nr), item))
        for sub in range(fr.randint(2, 5)):
            w('<li><a href="/%s/%d?%s">%s %s</a></li>' % (item.lower(), sub, tracking(nr), item, fr.choice(JS_WORDS).capitalize()))
        w('</ul></li>\n')
    w('</ul>%s</nav>\n</header>\n' % svg(fr, "menu-icon", 3, 6))

    # main: table of contents + the article
    article = Article(r, max(4 * 1024, target - 30 * 1024), page_path(number))
    change = article.mutation_of(_rng(seed, "mutation", number)) if mutated else None
    w('<main id="content" class="layout-legal">\n<aside class="toc"><h2 class="toc__title">On this page</h2><ol>\n')
    for k, title in enumerate(article.section_titles):
        w('<li><a href="#section-%d">%s</a></li>\n' % (k + 1, esc(title)))
    w('</ol></aside>\n<article class="legal-document">\n')
    w('<h1>%s %s</h1>\n' % (company, doc_type))
    w('<p class="effective-date">Effective date: %s %d, 2025</p>\n' % (r.choice(["January", "March", "June", "September"]), r.randint(1, 28)))
    k = 0
    for i, block in enumerate(article.blocks):
        kind = block[0]
        if kind == "h2":
            k += 1
            w('<h2 id="section-%d">%s</h2>\n' % (k, esc(block[1])))
        elif kind == "h3":
            w('<h3>%s</h3>\n' % esc(block[1]))
        elif kind == "p":
            sentences = list(block[1])
            if change and change[0] == i:
                sentences[change[1]] = change[2]
            text = " ".join(esc(s) for s in sentences)
            if i in article.link_paragraphs:
                text += ' See <a href="/legal/%s?%s">%s</a>.' % (
                    r.choice(["privacy", "cookies", "terms", "subprocessors"]), tracking(nr), r.choice(DOC_TYPES))
            w('<p>%s</p>\n' % text)
        elif kind in ("ul", "ol"):
            w('<%s>\n%s</%s>\n' % (kind, "".join("<li>%s</li>\n" % esc(s) for s in block[1]), kind))
        else:
            _, head, rows = block
            w('<table class="legal-table"><thead><tr>%s</tr></thead><tbody>\n' % "".join("<th>%s</th>" % h for h in head))
            for row in rows:
                w('<tr>%s</tr>\n' % "".join("<td>%s</td>" % esc(c) for c in row))
            w('</tbody></table>\n')
    w('<p class="contact">Questions about this document? Write to legal@%s.example.</p>\n' % company.split()[0].lower())
    w('</article>\n</main>\n')

    # footer (a generation date that changes with the revision)
    w('<footer class="site-footer">\n<div class="site-footer__columns">\n')
    for col in range(4):
        w('<div class="site-footer__col"><h4>%s</h4><ul>' % fr.choice(["Company", "Legal", "Resources", "Product"]))
        for item in fr.sample(FOOTER_ITEMS, fr.randint(4, 7)):
            w('<li><a href="/%s?%s">%s</a></li>' % (item.lower().replace(" ", "-"), tracking(nr), item))
        w('</ul></div>\n')
    w('</div>\n<div class="site-footer__social">%s</div>\n' % "".join(
        '<a href="https://social.example/%s?%s">%s</a>' % (n, tracking(nr), svg(fr, "icon", 2, 10))
        for n in ("x", "linkedin", "github", "youtube")))
    day = 1 + (number + 3 * revision) % 28
    w('<p class="site-footer__legal">&copy; 2025 %s. Page generated on 2025-11-%02d %02d:%02d UTC, build %s.</p>\n'
      % (company, day, nr.randint(0, 23), nr.randint(0, 59), build[:7]))
    w('</footer>\n')

    # closing scripts: enough to bring the page to its target size
    size = sum(len(p) for p in parts)
    functions = max(4, (target - size - 400) // 330)
    w('<script>%s</script>\n' % js(fr, functions))
    w('<script>document.documentElement.className="js";window.__BUILD__="%s";</script>\n' % build)
    w('</body>\n</html>\n')
    return "".join(parts)


def mutated_pages(seed, pages, fraction):
    count = int(round(pages * fraction))
    return sorted(_rng(seed, "mutated-set").sample(range(1, pages + 1), count))


def write_site(root, seed, pages, revision, mutated=(), mtime=None):
    """Writes pages 1..pages under root; returns {number: relative path}."""
    mutated = set(mutated)
    paths = {}
    for n in range(1, pages + 1):
        rel = page_path(n)
        path = os.path.join(root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        tmp = path + ".tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(page_html(seed, n, revision, n in mutated))
        if mtime is not None:
            os.utime(tmp, (mtime, mtime))
        os.replace(tmp, path)
        paths[n] = rel
    return paths


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dir")
    parser.add_argument("--pages", type=int, default=500)
    parser.add_argument("--seed", default="1")
    parser.add_argument("--revision", type=int, default=0, choices=(0, 1))
    parser.add_argument("--mutate-fraction", type=float, default=0.1)
    args = parser.parse_args()
    mutated = mutated_pages(args.seed, args.pages, args.mutate_fraction) if args.revision else []
    write_site(args.dir, args.seed, args.pages, args.revision, mutated)
    sizes = [os.path.getsize(os.path.join(args.dir, page_path(n))) for n in range(1, args.pages + 1)]
    print("%d pages, %.1f MB, %d-%d bytes; mutated: %s" % (len(sizes), sum(sizes) / 1e6, min(sizes), max(sizes),
                                                          " ".join(map(str, mutated)) or "none"))


if __name__ == "__main__":
    main()
