#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A reviewer without Rapporteur: the ODT made for review, edited in
LibreOffice with change tracking on, comes back and merges.

The drafter imports the sample and sends it for review as an ODT. LibreOffice
(through Python UNO, as a reviewer's hands) records changes: it replaces
words in a fact, deletes a sentence of another, adds a paragraph after a
fact, comments on a concern, and edits a sentence the template writes.
Meanwhile the drafter edits another fact. `rapporteur-cli merge` then
applies the reviewer's edits to their items, the new paragraph as a new
fact where it stands, the comment as a comment, and reports the template
edit (kept as a comment, not dropped); the drafter's own edit stays.

Usage: review-odt.py CLI SOURCE_DIR WORK_DIR  (run by review-odt.sh); TAP.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue

results = []


def check(ok, what):
    results.append((bool(ok), what))
    return ok


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def run(cli, *args):
    p = subprocess.run([cli] + list(args), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       text=True)
    return p.returncode, p.stdout, p.stderr


def with_libreoffice(work):
    """Starts LibreOffice headless; returns (desktop, stop)."""
    profile = tempfile.mkdtemp(prefix="rpt-lo-")
    pipe = "rptreview%d" % os.getpid()
    proc = subprocess.Popen(
        ["soffice", "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
         "-env:UserInstallation=file://" + profile, "--accept=pipe,name=%s;urp;" % pipe],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def stop(desktop):
        try:
            if desktop is not None:
                desktop.terminate()
        except Exception:
            pass
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(profile, ignore_errors=True)

    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local)
        deadline = time.time() + 120
        while True:
            try:
                ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
                break
            except Exception:
                if time.time() > deadline or proc.poll() is not None:
                    raise RuntimeError("LibreOffice did not start")
                time.sleep(0.2)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    except Exception:
        stop(None)
        raise
    return desktop, stop


def load(desktop, path):
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(path)),
                                       "_blank", 0, (prop("Hidden", True),))
    if doc is None:
        raise RuntimeError("LibreOffice could not open %s" % path)
    return doc


def edit_in_libreoffice(src, dst):
    desktop, stop = with_libreoffice(os.path.dirname(dst))
    try:
        doc = load(desktop, src)
        doc.RecordChanges = True

        def find(text):
            d = doc.createSearchDescriptor()
            d.SearchString = text
            found = doc.findFirst(d)
            if found is None:
                raise RuntimeError("not in the document: %r" % text)
            return found

        # words of a fact replaced
        find("four police officers").setString("numerous police officers")
        # a sentence of another fact deleted
        find(" It is alleged that this was done to prevent them from leaving the country.").setString("")
        # a new paragraph after a fact
        r = find("once more as a witness and without a warrant.")
        t = r.getText()
        c = t.createTextCursorByRange(r.getEnd())
        t.insertControlCharacter(c, 0, False)  # PARAGRAPH_BREAK
        t.insertString(c, "On 20 July 2024, her lawyer was refused access to her.", False)
        # words the template writes
        find("Excellency,").setString("Your Excellency,")
        # a comment on some words of a concern
        r = find("There are serious concerns")
        a = doc.createInstance("com.sun.star.text.textfield.Annotation")
        a.Author = "C. Checker"
        a.Content = "Too strong? Say that concerns have been raised."
        t = r.getText()
        t.insertTextContent(r, a, True)  # on the words, as when they are selected
        doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(dst)),
                       (prop("FilterName", "writer8"),))
        redlines = doc.Redlines.Count
        doc.close(True)
        return redlines
    finally:
        stop(desktop)


def annotations_in(path):
    """(author, text, anchored words) of every comment LibreOffice sees."""
    desktop, stop = with_libreoffice(os.path.dirname(path))
    try:
        doc = load(desktop, path)
        found = []
        fields = doc.TextFields.createEnumeration()
        while fields.hasMoreElements():
            f = fields.nextElement()
            if f.supportsService("com.sun.star.text.textfield.Annotation"):
                found.append((f.Author, f.Content, f.getAnchor().getString()))
        doc.close(True)
        return found
    finally:
        stop(desktop)


def main():
    cli, source, work = sys.argv[1:4]
    sample = os.path.join(source, "data", "samples", "AL-TJK-1-2025.xml")
    doc = os.path.join(work, "letter.rapporteur")
    odt = os.path.join(work, "for-review.odt")
    edited = os.path.join(work, "reviewed.odt")

    status, out, err = run(cli, "import", sample, doc)
    check(status == 0, "import the sample: " + err)
    status, out, err = run(cli, "send-for-review", doc, "-o", odt)
    check(status == 0, "send for review as ODT: " + err)

    redlines = edit_in_libreoffice(odt, edited)
    check(redlines >= 4, "LibreOffice recorded the reviewer's changes (%d)" % redlines)

    # The drafter goes on meanwhile.
    letter_xml = os.path.join(work, "drafter.xml")
    run(cli, "export", "--format", "xml", doc, "-o", letter_xml)
    with open(letter_xml, encoding="utf-8") as f:
        text = f.read()
    text = text.replace("eight years of imprisonment. The court", "8 years of imprisonment. The court")
    with open(letter_xml, "w", encoding="utf-8") as f:
        f.write(text)
    status, out, err = run(cli, "update", doc, letter_xml)
    check(status == 0, "the drafter's own edit: " + err)

    status, out, err = run(cli, "merge", doc, edited, "--dry-run")
    check(status == 0, "merge --dry-run: " + err)
    check("[kept as a comment]" in out and "Your Excellency" in out,
          "the template edit is reported, not dropped:\n" + out)
    status, out, err = run(cli, "merge", doc, edited, "--reviewer", "C. Checker")
    check(status == 0 and "Merged as version" in out, "merge: " + out + err)

    merged_xml = os.path.join(work, "merged.xml")
    run(cli, "export", "--format", "xml", doc, "-o", merged_xml)
    with open(merged_xml, encoding="utf-8") as f:
        merged = f.read()
    check("numerous police officers" in merged, "the reviewer's words are in the fact")
    check("leaving the country" not in merged, "the reviewer's deletion applied")
    check("8 years of imprisonment" in merged, "the drafter's edit stayed")
    facts = re.findall(r"<fact [^>]*>(.*?)</fact>", merged, flags=re.S)
    check(len(facts) == 11, "one more fact (%d)" % len(facts))
    where = [i for i, f in enumerate(facts) if f.startswith("On 20 July 2024, her lawyer")]
    after = [i for i, f in enumerate(facts) if "once more as a witness" in f]
    check(where and after and where[0] == after[0] + 1,
          "the new fact stands after the one it followed")
    check("Your Excellency" not in merged, "the template text is not in the letter's data")

    status, out, err = run(cli, "comments", doc)
    check("C. Checker" in out and "concerns have been raised" in out and "Concern 3" in out,
          "the annotation is a comment on the third concern:\n" + out)
    check("There are serious concerns" in out, "the comment quotes the words it is on")
    check("Your Excellency" in out, "what could not be placed is kept as a comment")
    status, out, err = run(cli, "version", "list", doc)
    check("Review by C. Checker merged" in out, "the merge is a version named after the reviewer")

    # Back to LibreOffice: the comments ride along as annotations when asked.
    plain = os.path.join(work, "plain.odt")
    status, out, err = run(cli, "export", "--format", "odt", doc, "-o", plain, "--quiet")
    check(status == 0 and annotations_in(plain) == [], "no comments in an ODT unless asked")
    with_comments = os.path.join(work, "with-comments.odt")
    status, out, err = run(cli, "export", "--format", "odt", "--comments", doc, "-o",
                           with_comments, "--quiet")
    check(status == 0, "export --comments: " + err)
    seen = annotations_in(with_comments)
    check(any(a == "C. Checker" and "concerns have been raised" in t and
              "There are serious concerns" in w for a, t, w in seen),
          "LibreOffice shows the reviewer's comment on its words: %r" % seen)

    for i, (ok, what) in enumerate(results, 1):
        print("%s %d - %s" % ("ok" if ok else "not ok", i, what.replace("\n", "\n# ")))
    print("1..%d" % len(results))
    return 0 if all(ok for ok, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
