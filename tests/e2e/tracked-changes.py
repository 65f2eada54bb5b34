#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The tracked-changes ODT of `rapporteur-cli diff`, opened in LibreOffice.

For pairs of letters (the sample and its review, the review and the sample,
letters of each kind edited here, hostile text), LibreOffice accepts every
change of the redline and saves the text, then rejects every change and
saves the text; the first must be the newer letter's words and the second
the older letter's, both as LibreOffice itself saves the plain exports of
the two letters.

Usage: tracked-changes.py CLI SOURCE_DIR WORK_DIR  (run by tracked-changes.sh)
"""
import copy
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
import xml.etree.ElementTree as ET

import uno
from com.sun.star.beans import PropertyValue

NS = "urn:x-rapporteur:letter"
ET.register_namespace("", NS)


def q(name):
    return "{%s}%s" % (NS, name)


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


# --- letters edited as a reviewer would ------------------------------------

def load(path):
    return ET.parse(path)


def items(tree, part, tag):
    return tree.getroot().find(q(part)).findall(q(tag))


def new_paragraph(tag, text):
    e = ET.Element(q(tag), {"id": str(uuid.uuid4())})
    e.text = text
    return e


def edit_urgent_appeal(tree):
    root = tree.getroot()
    root.find(q("date")).text = "2024-02-02"
    facts = root.find(q("facts"))
    first = facts.findall(q("fact"))[0]
    first.text = (first.text or "").replace("was", "was reportedly", 1)
    facts.append(new_paragraph("fact", "On 1 February 2024, his family was not told where he was held."))
    questions = root.find(q("questions"))
    questions.remove(questions.findall(q("question"))[-1])
    closing = root.find(q("closing"))
    closing.set("press-release", "false" if closing.get("press-release") == "true" else "true")


def edit_three_mandates(tree):
    root = tree.getroot()
    mandates = root.find(q("mandates"))
    last = mandates.findall(q("mandate"))[-1]
    mandates.remove(last)
    signatories = root.find(q("signatories"))
    for s in signatories.findall(q("signatory")):
        if s.get("mandate") == last.get("id"):
            signatories.remove(s)
    for part, tag in (("facts", "fact"), ("concerns", "concern")):
        container = root.find(q(part))
        if container is None:
            continue
        children = container.findall(q(tag))
        if len(children) >= 2:
            container.remove(children[0])
            container.append(children[0])


def edit_company(tree):
    root = tree.getroot()
    addressee = root.find(q("addressee"))
    name = addressee.find(q("name"))
    if name is not None:
        name.text = (name.text or "") + " Ltd"
    concerns = root.find(q("concerns"))
    if concerns is not None and len(concerns.findall(q("concern"))) > 0:
        c = concerns.findall(q("concern"))[0]
        c.text = "we are seriously concerned " + (c.text or "")


def edit_hostile(tree):
    root = tree.getroot()
    facts = root.find(q("facts")).findall(q("fact"))
    facts[0].text = ("a < b && c ]]> \"quoted\"   three spaces\ttab \u200f\u0639\u0631\u0628\u064a\u200e "
                     "\U0001F468\u200d\U0001F469\u200d\U0001F467 e\u0301 " + (facts[0].text or ""))
    facts[1].text = (facts[1].text or "") + "\nA line of its own."
    root.find(q("summary")).text = "alleged <things> & more"


# --- LibreOffice ------------------------------------------------------------

class Office:
    def __init__(self):
        self.profile = tempfile.mkdtemp(prefix="rpt-lo-")
        self.pipe = "rpt%d" % os.getpid()
        self.proc = subprocess.Popen(
            ["soffice", "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
             "-env:UserInstallation=file://" + self.profile,
             "--accept=pipe,name=%s;urp;" % self.pipe],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local)
        deadline = time.time() + 120
        while True:
            try:
                self.ctx = resolver.resolve(
                    "uno:pipe,name=%s;urp;StarOffice.ComponentContext" % self.pipe)
                break
            except Exception:
                if time.time() > deadline or self.proc.poll() is not None:
                    raise RuntimeError("LibreOffice did not start")
                time.sleep(0.2)
        smgr = self.ctx.ServiceManager
        self.desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", self.ctx)
        self.dispatcher = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper",
                                                         self.ctx)

    def text(self, odt, action=None):
        """The document's text as LibreOffice saves it, after accepting or
        rejecting every tracked change if asked to."""
        doc = self.desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(odt)),
                                                "_blank", 0, (prop("Hidden", True),))
        try:
            redlines = doc.Redlines.Count
            if action is not None:
                command = (".uno:AcceptAllTrackedChanges" if action == "accept"
                           else ".uno:RejectAllTrackedChanges")
                self.dispatcher.executeDispatch(doc.CurrentController.Frame, command, "", 0, ())
                if doc.Redlines.Count != 0:
                    raise AssertionError("%s: %d changes left after %s all"
                                         % (odt, doc.Redlines.Count, action))
            out = odt + "." + (action or "plain") + ".txt"
            doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(out)),
                           (prop("FilterName", "Text (encoded)"),
                            prop("FilterOptions", "UTF8,LF,,,")))
        finally:
            doc.close(True)
        with open(out, encoding="utf-8-sig") as f:
            return f.read(), redlines

    def close(self):
        try:
            self.desktop.terminate()
        except Exception:
            pass
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        shutil.rmtree(self.profile, ignore_errors=True)


def run(cli, *args):
    p = subprocess.run([cli] + list(args), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       text=True)
    return p.returncode, p.stderr


def first_difference(a, b):
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return "at %d: …%r… against …%r…" % (i, a[max(0, i - 40):i + 40], b[max(0, i - 40):i + 40])
    return "lengths %d and %d" % (len(a), len(b))


def main():
    cli, source, work = sys.argv[1:4]
    letters = os.path.join(source, "tests", "data", "letters")
    sample = os.path.join(source, "data", "samples", "AL-TJK-1-2025.xml")
    reviewed = os.path.join(letters, "AL-TJK-1-2025-reviewed.xml")

    pairs = [("sample-reviewed", sample, reviewed), ("reviewed-sample", reviewed, sample)]
    for name, src, edit in (("ua", "UA-BLR-one-mandate.xml", edit_urgent_appeal),
                            ("ol", "OL-KAZ-three-mandates.xml", edit_three_mandates),
                            ("company", "AL-OTH-company.xml", edit_company),
                            ("hostile", None, edit_hostile)):
        old = sample if src is None else os.path.join(letters, src)
        tree = load(old)
        edit(tree)
        new = os.path.join(work, name + "-new.xml")
        tree.write(new, encoding="UTF-8", xml_declaration=True)
        pairs.append((name, old, new))

    office = Office()
    failures = 0
    n = 0
    try:
        for name, old, new in pairs:
            n += 1
            files = {k: os.path.join(work, "%s-%s.odt" % (name, k)) for k in ("old", "new", "red")}
            for key, letter in (("old", old), ("new", new)):
                status, err = run(cli, "export", "-q", "--format", "odt", letter, "-o", files[key])
                if status != 0:
                    raise RuntimeError("export %s: %s" % (letter, err))
            status, err = run(cli, "diff", "--format", "odt", "-o", files["red"], old, new)
            if status != 1:
                raise RuntimeError("diff %s %s exited %d: %s" % (old, new, status, err))
            old_text, _ = office.text(files["old"])
            new_text, _ = office.text(files["new"])
            accepted, redlines = office.text(files["red"], "accept")
            rejected, _ = office.text(files["red"], "reject")
            ok = True
            if redlines == 0:
                print("not ok %d - %s: LibreOffice sees no tracked changes" % (n, name))
                ok = False
            if accepted != new_text:
                print("not ok %d - %s: accepting all is not the newer letter (%s)"
                      % (n, name, first_difference(accepted, new_text)))
                ok = False
            if rejected != old_text:
                print("not ok %d - %s: rejecting all is not the older letter (%s)"
                      % (n, name, first_difference(rejected, old_text)))
                ok = False
            if ok:
                print("ok %d - %s: %d tracked changes; accepted = newer, rejected = older"
                      % (n, name, redlines))
            else:
                failures += 1
    finally:
        office.close()
    print("1..%d" % n)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
