#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes a letter N times the size of the given one: every ordered part
(facts, concerns, questions, annex, profile) repeated N times, each copy
with ids of its own (UUID 5 of the original id and the copy's number), so
that two versions of a letter grow into two versions of a large letter
with the same edits N times over.

    make-large-letter.py IN.xml N > OUT.xml
"""
import re
import sys
import uuid

PARTS = ("profile", "facts", "concerns", "questions", "annex")


def main():
    path, n = sys.argv[1], int(sys.argv[2])
    s = open(path, encoding="utf-8").read()
    for part in PARTS:
        m = re.search(r"(<%s>)(.*?)(\n  </%s>)" % (part, part), s, flags=re.S)
        if not m:
            continue
        body = m.group(2)
        copies = []
        for k in range(n):
            def renumber(match, k=k):
                old = match.group(1)
                return 'id="%s"' % (old if k == 0 else uuid.uuid5(uuid.UUID(old), str(k)))
            copies.append(re.sub(r'id="([0-9a-f-]{36})"', renumber, body))
        s = s[: m.start(2)] + "".join(copies) + s[m.end(2):]
    sys.stdout.write(s)


if __name__ == "__main__":
    main()
