"""Quoted statements: who said what, in the force's and the PCC's responses."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from hmic_extract.vocabulary import NAME, NAME_WORD, NOT_NAME_WORDS, ROLES

_ROLE = "|".join(re.escape(role) for role in ROLES)
# "Chief Constable Iain Spittal", "the Chief Constable, Iain Spittal,", a form's
# "Commissioner: Jane Smith": a role then a name, the name not followed by
# another capitalised word …
SPEAKER = re.compile(rf"\b(?P<role>{_ROLE})\s*[,:]?\s+(?P<name>{NAME})(?![\w’'])(?!\s*:)")
# Verbs that credit a quotation to its speaker.
_SAID = r"(?:said|says|added|adds|commented|comments|stated|states|explained|explains)"
# … or a name then its role: "Iain Spittal, Chief Constable of Cleveland Police,",
# "Matthew Scott, Kent's Police and Crime Commissioner,", "Helen Marsh, West
# Yorkshire's Deputy Mayor for Policing and Crime"; or, run on before the verb,
# "Hannah Prowse PCC said".
_NAME_FIRST = re.compile(
    rf"(?P<name>{NAME})\s*,\s+(?:the\s+)?(?:(?:[A-Z][\w\-]*\s+(?:(?:and|&)\s+)?){{0,2}}"
    rf"[A-Z][\w\-]*[’']s\s+)?"
    rf"(?P<role>{_ROLE})\b"
)
_NAME_ROLE_SAID = re.compile(rf"(?P<name>{NAME})\s+(?P<role>{_ROLE})(?=\s+{_SAID}\b)")
# … or a role, its place, then a two-word name before a verb: "Mayor of London
# Sadiq Khan said", "Police and Crime Commissioner for Sussex Katy Bourne commented".
_ROLE_OF_PLACE = re.compile(
    rf"\b(?P<role>{_ROLE})\s+(?:of|for)\s+(?:the\s+)?(?:[A-Z][\w’'&\-]*(?:,\s*|\s+(?:and\s+)?))+?"
    rf"(?P<name>[A-Z][\w’'\-]+\s+[A-Z][\w’'\-]+)(?=\s*,?\s+{_SAID}\b)"
)
# A quotation closed just before its speaker is named: "“…,” said Chief Constable
# X", "“…,” the Chief Constable, X, said". The text before the speaker ends so.
_CREDITED_AFTER = re.compile(rf"[”\"]\s*,?\s*(?:{_SAID}\s+)?(?:the\s+)?$")
_OPEN = "“"
_CLOSE = "”"
_STRAIGHT = '"'
# Statements in single quotes (curly, or straight as plain text types them): an
# opening mark right after "said" or a colon, and a closing one after sentence
# punctuation (not an apostrophe inside a word).
_SINGLE_OPEN = re.compile(r"(?:\bsaid\b|:)\s*([‘'])")
_SINGLE_CLOSE = re.compile(r"(?<=[.!?,])[’'](?=\s|$)")


def _is_person(name: str) -> bool:
    """Whether capitalised words read as a person's name, not a heading's words
    ("PCC Response / Police, Fire …" gives "Response Police")."""
    return not any(word in NOT_NAME_WORDS for word in name.split())


def _named(text: str) -> list[re.Match[str]]:
    """Every person named beside a role in ``text`` (role first, name first, or role
    of a place), in order; of two at one place the longer ("Mayor of London Sadiq
    Khan" over "Mayor")."""
    found = [
        m
        for pattern in (SPEAKER, _NAME_FIRST, _ROLE_OF_PLACE, _NAME_ROLE_SAID)
        for m in pattern.finditer(text)
        if _is_person(m["name"])
    ]
    return sorted(found, key=lambda m: (m.start(), -m.end()))


# A quotation credited to a role alone: "“…,” said the Commissioner", "The Chief
# Constable said: “…”". Its speaker is left empty for the caller to fill with
# whoever the document names in that role.
_BARE_ROLE = (
    re.compile(rf"\b{_SAID}\s+the\s+(?P<role>{_ROLE})\b(?P<name>)"),
    re.compile(rf"\b[Tt]he\s+(?P<role>{_ROLE})(?P<name>)\s+{_SAID}\b"),
)


# A word each of the ROLES holds (its last): a paragraph without one names no speaker,
# a cheap first test before the patterns.
_ROLE_WORDS = frozenset(role.split()[-1] for role in ROLES)


def _speaker(paragraph: str) -> re.Match[str] | None:
    """The first speaker named in a paragraph, else the first role credited alone."""
    if not any(word in paragraph for word in _ROLE_WORDS):
        return None
    found = _named(paragraph) or sorted(
        (m for pattern in _BARE_ROLE for m in pattern.finditer(paragraph)),
        key=lambda m: m.start(),
    )
    return found[0] if found else None


def _quoted_before(paragraph: str, speaker: re.Match[str]) -> str | None:
    """The quotation a speaker named after it is credited with ("“…,” said X")."""
    head = paragraph[: speaker.start()]
    credited = _CREDITED_AFTER.search(head)
    if credited is None:
        return None
    closing = credited.start()
    opening = max(head.rfind("“", 0, closing), head.rfind('"', 0, closing))
    if opening < 0:
        return None
    return head[opening + 1 : closing].strip().rstrip(",").strip() or None


@dataclass(frozen=True, slots=True)
class Quote:
    speaker: str  # empty when the quote is credited to a role alone
    role: str
    text: str


def _quote_start(paragraph: str, after: int = 0) -> tuple[int, bool] | None:
    """Where a quotation opens, and whether it is in single quotes."""
    for mark in (_OPEN, _STRAIGHT):
        position = paragraph.find(mark, after)
        if position >= 0:
            return position, False
    single = _SINGLE_OPEN.search(paragraph, after)
    return (single.start(1), True) if single else None


def _closes(paragraph: str, start: int, single: bool) -> int | None:
    """Where the quote opened at ``start`` closes in this paragraph, if it does."""
    if single:
        match = _SINGLE_CLOSE.search(paragraph, start + 1)
        return match.start() if match else None
    closing = paragraph.find(_CLOSE, start + 1)
    if closing < 0:
        closing = paragraph.find(_STRAIGHT, start + 1)
    return None if closing < 0 else closing


def _starts_quote(paragraph: str, single: bool) -> bool:
    marks = ("‘", "'") if single else (_OPEN, _STRAIGHT)
    return paragraph.lstrip().startswith(marks)


# A paragraph that hands over to the speaker's words: "… PCC Jo Bloggs said:".
_HANDS_OVER = re.compile(rf"\b{_SAID}\s*:\s*$")
# The speaker's own voice: first-person words.
_FIRST_PERSON = re.compile(r"\b(?:I|I['’]m|I['’]ve|my|we|our|us|me)\b")


def _unquoted_after(paragraphs: Sequence[str], start: int) -> list[str]:
    """The paragraphs from ``start`` that go on in the speaker's voice: first person,
    or the points of a paragraph that introduced them ("I will:"); a narrator's
    paragraph ends them."""
    words: list[str] = []
    for paragraph in paragraphs[start:]:
        introduced = bool(words) and words[-1].rstrip().endswith(":")
        if not (_FIRST_PERSON.search(paragraph) or (introduced and paragraph[:1].islower())):
            break
        words.append(paragraph.strip())
    return words


def read_statements(paragraphs: Sequence[str]) -> list[Quote]:
    """Statements in a response section: a named speaker followed by quoted words.

    A quotation may run over several paragraphs (each reopening with “), and
    the quote may begin in a later paragraph ("… has praised … He said: “…").
    """
    quotes: list[Quote] = []
    index = 0
    while index < len(paragraphs):
        credited = _credited_below(paragraphs, index)
        if credited is not None:
            quotes.append(credited)
            index += 2
            continue
        speaker = _speaker(paragraphs[index])
        if speaker is None:
            index += 1
            continue
        before = _quoted_before(paragraphs[index], speaker)
        if before is not None:
            quotes.append(Quote(" ".join(speaker["name"].split()), speaker["role"], before))
            index += 1
            continue
        if _HANDS_OVER.search(paragraphs[index]) and not (
            index + 1 < len(paragraphs)
            and (
                _starts_quote(paragraphs[index + 1], False)
                or _starts_quote(paragraphs[index + 1], True)
            )
        ):
            # "PCC Jo Bloggs said:" then the words themselves, unquoted (or as a
            # blockquote): the paragraphs in the speaker's first person
            words = _unquoted_after(paragraphs, index + 1)
            if words:
                quotes.append(
                    Quote(" ".join(speaker["name"].split()), speaker["role"], "\n\n".join(words))
                )
                index += 1 + len(words)
                continue
        found = None
        for offset in range(2):
            candidate = index + offset
            if candidate >= len(paragraphs):
                break
            if offset and _speaker(paragraphs[candidate]):
                break
            opening = _quote_start(paragraphs[candidate], speaker.end() if offset == 0 else 0)
            if opening is not None:
                found = (candidate, *opening)
                break
        if found is None:
            index += 1
            continue
        candidate, start, single = found
        parts: list[str] = []
        paragraph, position = paragraphs[candidate], start
        while True:
            closing = _closes(paragraph, position, single)
            if closing is None:
                parts.append(paragraph[position + 1 :].strip())
            else:
                parts.append(paragraph[position + 1 : closing].strip())
            candidate += 1
            if candidate >= len(paragraphs):
                break
            if closing is not None and not _starts_quote(paragraphs[candidate], single):
                break
            paragraph = paragraphs[candidate]
            leading = len(paragraph) - len(paragraph.lstrip())
            position = leading if _starts_quote(paragraph, single) else -1
        quotes.append(
            Quote(
                " ".join(speaker["name"].split()),
                speaker["role"],
                "\n\n".join(p for p in parts if p),
            )
        )
        index = candidate
    return quotes


# A letter's sign-off: a short paragraph that is a name, then its role
# ("Jeff Cuthbert Police and Crime Commissioner for Gwent").
_SIGN_OFF = re.compile(rf"^(?!The\b)(?P<name>{NAME})\s*,?\s+(?P<role>{_ROLE})\b")
_SIGN_OFF_MAX_WORDS = 14
# What follows a paragraph's last full stop: "… every quarter. Stephen Mold".
_AFTER_LAST_SENTENCE = re.compile(r"[.!?][”’\"']?\s+(?P<tail>[A-Z][^.!?]{2,40})$")


# A signature block's label before the name ("Name: Jo Bloggs", "Signed: …"), or the
# dash that credits a quotation ("— Jo Bloggs, Police and Crime Commissioner").
_NAME_LABEL = re.compile(r"^\s*(?:(?:name|signed(?:\s+by)?|print\s+name)\s*:|[—–-])\s*", re.I)


def _credited_below(paragraphs: Sequence[str], index: int) -> Quote | None:
    """A pull quote: a paragraph that is all quotation, credited in the paragraph below
    it ("— Jo Bloggs, Police and Crime Commissioner", "Jo Bloggs, Police and Crime
    Commissioner for Xshire")."""
    quoted = paragraphs[index].strip()
    if index + 1 >= len(paragraphs) or quoted[:1] not in (_OPEN, _STRAIGHT):
        return None
    if not quoted.rstrip(".").endswith((_CLOSE, _STRAIGHT)) or len(quoted) < 3:
        return None
    credit = _NAME_LABEL.sub("", paragraphs[index + 1]).strip()
    signed = _SIGN_OFF.match(credit) if len(credit.split()) <= _SIGN_OFF_MAX_WORDS else None
    if signed is None or not _is_person(signed["name"]):
        return None
    text = quoted.rstrip(".")[1:-1].strip()
    return Quote(" ".join(signed["name"].split()), signed["role"], text)


# Two signatures side by side, read across: "Jane Smith   John Brown" over "Police and
# Crime Commissioner   Chief Constable": two two-word names over two roles.
_TWO_NAMES = re.compile(
    rf"^(?P<first>{NAME_WORD}\s+{NAME_WORD})\s+(?P<second>{NAME_WORD}\s+{NAME_WORD})"
    rf"(?:\s+(?P<rest>(?:{_ROLE})\b.*))?$"
)
_ROLE_AT = re.compile(rf"\b(?P<role>{_ROLE})\b")


def _cosigned(names: str, roles_line: str) -> list[tuple[str, str]]:
    """The two (name, role) pairs of a letter signed by two people side by side: the
    names over the roles, or (where the lines were run into one paragraph) the names
    then the roles."""
    pair = _TWO_NAMES.match(" ".join(names.split()))
    if pair is not None and pair["rest"]:
        roles_line = pair["rest"]  # the names, then their roles, in one paragraph
    roles = [match["role"] for match in _ROLE_AT.finditer(roles_line)]
    if pair is None or len(roles) != 2 or len(roles_line.split()) > _SIGN_OFF_MAX_WORDS:
        return []
    found = [(pair["first"], roles[0]), (pair["second"], roles[1])]
    return found if all(_is_person(name) for name, _ in found) else []


def signed_by(
    paragraphs: Sequence[str], roles: frozenset[str], place: str | None = None
) -> str | None:
    """The name a letter is signed with, where its role is one of ``roles``.

    ``place`` is the force's area ("West Mercia"): before a role it names the
    office ("West Mercia Police and Crime Commissioner"), not the person, and it
    is no part of the name signed above it.
    """
    for paragraph, following in zip(paragraphs, [*paragraphs[1:], ""], strict=False):
        cosigned = _cosigned(paragraph, following)
        for name, role in cosigned:
            if role in roles:
                return name
        if cosigned:
            continue
        # The name and its role on one line, or the name alone above its role, or
        # (where a text rendering ran the name into the letter's last line) the
        # words after the paragraph's last sentence above its role.
        signed = _NAME_LABEL.sub("", paragraph)  # "Name: Jo Bloggs" over the role
        tail = _AFTER_LAST_SENTENCE.search(signed)
        candidates = [signed, f"{signed} {following}"]
        if tail is not None and following:
            candidates.append(f"{tail['tail']} {following}")
        for candidate in candidates:
            if len(candidate.split()) > _SIGN_OFF_MAX_WORDS:
                continue
            match = _SIGN_OFF.match(candidate.strip())
            if not (match and match["role"] in roles and _is_person(match["name"])):
                continue
            name = " ".join(match["name"].split())
            if place and name.endswith(place):
                name = name[: -len(place)].strip()
            if len(name.split()) >= 2:
                return name
    return None


def find_named(paragraphs: Sequence[str], roles: frozenset[str]) -> str | None:
    """The first name printed beside one of ``roles`` in any paragraph (a name never
    runs on into the next paragraph: "Commissioner: Jane Smith" over "Completed …")."""
    for paragraph in paragraphs:
        for match in _named(" ".join(paragraph.split())):
            if match["role"] in roles:
                return match["name"]
    return None


# A paragraph handing over to the chief officer's own words, unquoted: "The Chief
# Constable has provided the following response:", "His response is as follows:".
_HAND_OVER = re.compile(
    r"(?:\bchief\s+constable\b|\bforce\b|\b(?:his|her|their)\s+response\b)[^.!?]{0,90}?"
    r"(?:\bresponse\b|\bstated\b|\bsaid\b|\bwritten\b|\bas\s+follows\b)[^.!?]{0,40}:\s*$",
    re.I,
)
# The hand-over's words run this far at most before their sign-off.
_HAND_OVER_SPAN = 12


def handed_over(paragraphs: Sequence[str], roles: frozenset[str]) -> tuple[int, int] | None:
    """Where a chief officer's response stands in a letter: the paragraphs after a
    hand-over ("The Chief Constable has provided the following response:") up to and
    including its sign-off ("Jane Smith, Chief Constable of Xshire Police"), as
    (first, end) indices; None when there is no such passage."""
    for index, paragraph in enumerate(paragraphs):
        if not _HAND_OVER.search(paragraph):
            continue
        for end in range(index + 1, min(len(paragraphs), index + 1 + _HAND_OVER_SPAN)):
            candidate = " ".join(paragraphs[end].split())
            match = _NAME_FIRST.match(candidate) or _SIGN_OFF.match(candidate)
            if (
                match
                and match["role"] in roles
                and _is_person(match["name"])
                and len(candidate.split()) <= _SIGN_OFF_MAX_WORDS
            ):
                return (index + 1, end + 1) if end > index + 1 else None
    return None
