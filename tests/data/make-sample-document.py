#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes sample-document.xml: the published letter AL TJK 1/2025 as document
XML (docs/pipeline.md), by hand-mapping ../shared/samples/AL-TJK-1-2025.txt to
the paragraph styles the templates use, with bookmarks from the sample letter
XML. A stand-in for the templates' output so the layout engine can be tested
on the real text; run from the repository root:

  python3 tests/data/make-sample-document.py > tests/data/sample-document.xml
"""
import re
import sys
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape

txt = open("../shared/samples/AL-TJK-1-2025.txt", encoding="utf-8").read()
paras = [p.strip() for p in re.split(r"\n\s*\n", txt) if p.strip()]

# Page breaks of the published PDF split three paragraphs: join them again.
joined = []
for p in paras:
    if joined and (p.startswith("professional equipment") or p.startswith("secret, and")
                   or p.startswith("Individuals, Groups")):
        joined[-1] = joined[-1] + " " + p
    else:
        joined.append(p)
paras = joined

ns = {"l": "urn:x-rapporteur:letter"}
letter = ET.parse("data/samples/AL-TJK-1-2025.xml").getroot()
items = []
for el in letter.iter():
    if el.get("id") and el.tag.split("}")[1] in ("paragraph", "fact", "concern", "question",
                                                   "clause"):
        plain = "".join(el.itertext())
        items.append((plain[:50], el.get("id")))


def inline(s):
    s = escape(s, {'"': "&quot;"})
    s = re.sub(r"\*\*(.+?)\*\*", r'<text:span text:style-name="Bold">\1</text:span>', s)
    s = re.sub(r"\*(.+?)\*", r'<text:span text:style-name="Italic">\1</text:span>', s)
    s = s.replace("[website](#)",
                  '<text:a xlink:type="simple" xlink:href="https://spcommreports.ohchr.org/">'
                  '<text:span text:style-name="Link">website</text:span></text:a>')
    return s


def bookmark(s):
    plain = re.sub(r"\*|\[|\]\(#\)", "", s)
    for start, ident in items:
        if plain.startswith(start) or (start.startswith("we would like to express")
                                       and start in plain[:200]):
            return '<text:bookmark text:name="rpt-%s"/>' % ident
    return ""


out = []
def p(style, s):
    out.append('      <text:p text:style-name="%s">%s%s</text:p>' % (style, bookmark(s), inline(s)))

i = 0
in_list = None
leads = ("According to the information received:", "As it is our responsibility",
         "Likewise, we would like to bring")
while i < len(paras):
    s = paras[i]
    m = re.match(r"^\d+\. (.*)", s, re.S)
    if m or s.startswith("- "):
        kind = "Questions" if m else "Bullets"
        out.append('      <text:list text:style-name="%s">' % kind)
        lines = s.split("\n")
        while True:
            for line in lines:
                line = re.sub(r"^(\d+\. |- )", "", line)
                out.append('        <text:list-item>')
                out.append('  ' + '      <text:p text:style-name="%s">%s%s</text:p>'
                           % ("Question" if m else "ListItem", bookmark(line), inline(line)))
                out.append('        </text:list-item>')
            if i + 1 < len(paras) and re.match(r"^\d+\. ", paras[i + 1]) and m:
                i += 1
                lines = paras[i].split("\n")
                continue
            break
        out.append('      </text:list>')
    elif i == 0:
        p("Mandates", s)
    elif s.startswith("Ref.:"):
        a, b = s.split("\n")
        p("Reference", a)
        p("ReferenceNote", b)
    elif re.match(r"^\d+ \w+ \d{4}$", s):
        p("Date", s)
    elif s == "Excellency,":
        p("Salutation", s)
    elif s.startswith("Please accept"):
        p("Closing", s)
    elif s.startswith("Mary Lawlor") or s.startswith("Irene Khan"):
        name, title = s.split("\n", 1)
        out.append('      <text:p text:style-name="Signature">%s<text:line-break/>%s</text:p>'
                   % (escape(name), escape(title.replace("\n", " "))))
    elif s == "Annex":
        out.append('      <text:h text:style-name="AnnexHeading" text:outline-level="1">Annex</text:h>')
    elif s == "Reference to international human rights law":
        out.append('      <text:h text:style-name="AnnexTitle" text:outline-level="2">%s</text:h>' % s)
    elif s.startswith(leads):
        p("Lead", s)
    else:
        p("Body", s)
    i += 1

summary = ("alleged sentencing of an independent journalist and woman human rights defender, "
           "Ms. Rukhshona Khakimova, to eight years of imprisonment in a closed trial that may "
           "be linked to her human rights and journalistic work")
sys.stdout.write('''<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xlink="http://www.w3.org/1999/xlink"
    office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
  <office:meta>
    <dc:title>AL TJK 1/2025</dc:title>
    <dc:subject>%s</dc:subject>
    <dc:language>en</dc:language>
    <meta:keyword>AL</meta:keyword>
    <meta:keyword>Tajikistan</meta:keyword>
    <meta:keyword>Special Rapporteur on the situation of human rights defenders</meta:keyword>
    <meta:keyword>Special Rapporteur on the promotion and protection of the right to freedom of opinion and expression</meta:keyword>
    <meta:user-defined meta:name="Reference">AL TJK 1/2025</meta:user-defined>
  </office:meta>
  <office:body>
    <office:text>
%s
    </office:text>
  </office:body>
</office:document>
''' % (summary, "\n".join(out)))
