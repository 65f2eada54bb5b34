#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes letters/AL-TJK-1-2025-reviewed.xml: the sample letter after a
review, with the twenty-odd edits a reviewer makes (tests/data/README.md
lists them; test-comparison checks that the comparison finds each one).

    python3 tests/data/make-reviewed-sample.py > tests/data/letters/AL-TJK-1-2025-reviewed.xml
"""
import re
import sys
from pathlib import Path

root = Path(__file__).resolve().parents[2]
s = (root / "data/samples/AL-TJK-1-2025.xml").read_text(encoding="utf-8")


def sub(old, new, count=1):
    global s
    assert s.count(old) >= 1, old
    s = s.replace(old, new, count)


def take(tag, item_id):
    """Removes the element <tag id="item_id" …>…</tag> and returns it."""
    global s
    m = re.search(r'\n    <%s id="%s"[^>]*>.*?</%s>' % (tag, item_id, tag), s, flags=re.S)
    assert m, item_id
    s = s[: m.start()] + s[m.end():]
    return m.group(0)


def put_after(item_id, element):
    """Puts element after the element whose id is item_id."""
    global s
    m = re.search(r'<(\w+) id="%s"[^>]*>.*?</\1>' % item_id, s, flags=re.S)
    assert m, item_id
    s = s[: m.end()] + element + s[m.end():]


# 1. the date the letter is sent
sub("<date>2025-04-23</date>", "<date>2025-04-24</date>")
# 2. a sharper subject
sub("<summary>alleged sentencing of", "<summary>alleged conviction and sentencing of")
# 3. the press release is dropped
sub('press-release="true"', 'press-release="false"')
# 4-5. a third mandate, and its signatory
sub('    <mandate id="a0692467-f5c4-5713-9ea3-de32c80e21d5" key="sr-freedom-of-expression"/>\n',
    '    <mandate id="a0692467-f5c4-5713-9ea3-de32c80e21d5" key="sr-freedom-of-expression"/>\n'
    '    <mandate id="3f1c2a9e-0d5b-4c61-9a0e-6b7d8e9f0a1b" key="sr-independence-judges-lawyers"/>\n')
sub("  </signatories>",
    '    <signatory id="9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d" mandate="3f1c2a9e-0d5b-4c61-9a0e-6b7d8e9f0a1b">\n'
    "      <name>Margaret Satterthwaite</name>\n"
    "    </signatory>\n"
    "  </signatories>")
# 6-7. the person: her age on the day of sending, and her work
sub('gender="female" age="31"', 'gender="female" age="32"')
sub("<occupation>independent journalist</occupation>",
    "<occupation>independent journalist and blogger</occupation>")
# 8. the profile
sub("sphere since 2013,", "sphere since 2012,")
# 9. a fact removed
take("fact", "c619bdce-8bd8-5d9b-8e51-5f6932fc8f8e")
# 10. the appeal's outcome first
moved = take("fact", "8b70df72-7b7c-5ea7-980e-f5c7bb02df4a")
sub("  <facts>", "  <facts>" + moved)
# 11. a fact moved up and edited
moved = take("fact", "37eee929-15bb-5f6b-b6ab-cbcc0ddd4a4e")
moved = moved.replace("behind closed doors at the Dushanbe", "behind closed doors, at the Dushanbe")
put_after("2d329736-1a71-5ff7-8d4f-35cbd0e495fc", moved)
# 12-13. two facts edited
sub("involvement in a project by", "involvement in a study by")
sub("record of the seizure reportedly exist.", "record of the seizure reportedly exists.")
# 14. a fact added
put_after("b842857f-04fc-50bf-ab25-41c587533145",
          '\n    <fact id="5d6e7f80-91a2-4b3c-8d4e-5f60718293a4" date="2025-03-10" place="Dushanbe">'
          "On 10 March 2025, her lawyer reportedly filed an appeal with the Supreme Court.</fact>")
# 15-16. a concern split in two: its last sentence becomes a concern of its own
sub(" This information appears consistent with an alleged pattern of practices used in criminal "
    "cases of human rights defenders and journalists, which we have previously raised in "
    "communication AL TJK 1/2023 and in the country visit report of the Special Rapporteur on "
    "the situation of human rights defenders (A/HRC/55/50/Add.1).</concern>", "</concern>")
put_after("a6ae3016-f521-56bf-a677-1aac29049a96",
          '\n    <concern id="6a7b8c9d-0e1f-4a2b-9c3d-4e5f6a7b8c9d">This information appears '
          "consistent with an alleged pattern of practices used in criminal cases of human rights "
          "defenders and journalists, which we have previously raised in communication AL TJK "
          "1/2023 and in the country visit report of the Special Rapporteur on the situation of "
          "human rights defenders (A/HRC/55/50/Add.1).</concern>")
# 17. a concern edited
sub("conviction may, in reality, be linked", "conviction may in reality be linked")
# 18. the question on her family asked first
moved = take("question", "829a71b8-7642-57ec-97ee-390311a5137f")
sub("  <questions>", "  <questions>" + moved)
# 19. a question's spelling
sub("through public interest defenses.", "through public interest defences.")
# 20. a question added
sub("  </questions>",
    '    <question id="7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f">Please indicate the measures taken to '
    "ensure that Ms. Khakimova has access to adequate medical care.</question>\n  </questions>")
# 21-22. formatting only: italics removed, bold added
sub("include, <i>inter alia</i>, journalism", "include, inter alia, journalism")
sub('they must (1) be "provided by law";', 'they must (1) be <b>"provided by law"</b>;')

sys.stdout.write(s)
