#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes a flat ODT (.fodt) from document XML and the house style: the same
document LibreOffice gets from the ODT writer (content + styles.xml), for
bench/export-pdf while the templates' `export --format odt` is not in this
build. Usage: make-fodt.py DOCUMENT.xml HOUSE-STYLE.xml OUT.fodt"""
import sys
import xml.etree.ElementTree as ET

OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
NS = {"office": OFFICE, "text": TEXT,
      "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
      "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
      "svg": "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
      "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
      "dc": "http://purl.org/dc/elements/1.1/",
      "xlink": "http://www.w3.org/1999/xlink"}
for prefix, uri in NS.items():
    ET.register_namespace(prefix, uri)

doc = ET.parse(sys.argv[1]).getroot()
styles = ET.parse(sys.argv[2]).getroot()
reference = doc.find(".//{%s}user-defined[@{%s}name='Reference']" % (NS["meta"], NS["meta"]))
# The header field shows the document's reference, as the ODT writer fills it.
for field in styles.iter("{%s}user-defined" % TEXT):
    field.text = reference.text if reference is not None else ""
body = doc.find("{%s}body" % OFFICE)
meta = doc.find("{%s}meta" % OFFICE)
out = ET.Element("{%s}document" % OFFICE, {"{%s}version" % OFFICE: "1.3",
                 "{%s}mimetype" % OFFICE: "application/vnd.oasis.opendocument.text"})
if meta is not None:
    out.append(meta)
for part in ("font-face-decls", "styles", "automatic-styles", "master-styles"):
    el = styles.find("{%s}%s" % (OFFICE, part))
    if el is not None:
        out.append(el)
out.append(body)
ET.ElementTree(out).write(sys.argv[3], encoding="UTF-8", xml_declaration=True)
