"""Dutch word analysis shared by search and expert matching: pure functions, no Django.

What PostgreSQL's Dutch Snowball stemmer (configuration ``nl_unaccent``) leaves undone, and
what this module adds as *candidates* that the caller checks against a vocabulary (the words
of the published kennisbank, ``SearchTerm``), so nothing here needs a word list of its own:

* folding: lower case, accents off ("coöperatie" = "cooperatie");
* plurals Snowball does not strip: *-ies* (heffingsunies → heffingsunie), *'s* (regio's →
  regio), *-iën* (provinciën → provincie), *-es* after a vowel sound (kazernes → kazerne), and
  the other way round, so a singular query finds a plural text; diminutives (-tje, -je, -pje)
  when the base word is known;
* compounds, both ways: ``splits`` proposes head + tail with the linking *s*, *e* or *en*
  (belastingsamenwerking → belasting + samenwerking, afvalinzamelingscontract →
  afvalinzameling + contract); ``contains_part`` tells whether a known word is a compound
  with a given part (samenwerk… in inkoopsamenwerking, brandweer… in brandweerkazernes);
* one-edit typos: ``edits`` lists every transposition, deletion, substitution and insertion
  (jeugdzrog → jeugdzorg), which trigram similarity ranks poorly.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable

LINKS = ("en", "s", "e")  # linking morphemes in compounds, longest first
MIN_PART = 3  # shortest compound part we trust ("ict", "woz", "gft")
# A part this long is specific enough that any word around it of four letters or more makes a
# compound, known or not: the vocabulary is only titles and summaries, so it lacks many heads.
LOOSE_PART = 6
ALPHABET = "abcdefghijklmnopqrstuvwxyz"
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


# The blocks of combining marks; one regular expression is much faster than a test per
# character, which matters when the benchmark corpus writer folds 250,000 item texts.
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def fold(text: str) -> str:
    """Lower case without accents: how the index sees a word."""
    folded = text.casefold()
    if folded.isascii():
        return folded
    return _COMBINING.sub("", unicodedata.normalize("NFKD", folded))


def words(text: str) -> list[str]:
    """The folded words of a text; "regio's" stays one word."""
    return [m.group(0).replace("’", "'") for m in _WORD.finditer(fold(text))]


_LONG_WORD = re.compile(r"[^\W\d_]{6,}(?:['’][^\W\d_]+)?")


def long_words(text: str) -> set[str]:
    """The folded words of six letters or more: the only ones with compound parts or a plural
    Snowball leaves alone (see compound_parts); cheaper than ``words`` on long texts."""
    found = set(_LONG_WORD.findall(fold(text)))
    return {w.replace("’", "'") for w in found} if "’" in text else found


def inflections(word: str) -> list[str]:
    """Other forms of a folded word that Snowball does not bring together (safe to add)."""
    forms: list[str] = []
    if word.endswith("'s") and len(word) > 3:
        forms.append(word[:-2])
    base = word.replace("'", "")
    if base.endswith("ies") and len(base) > 5:
        forms.append(base[:-1])  # heffingsunies -> heffingsunie
    elif base.endswith("ie") and len(base) > 4:
        forms.append(base + "s")
        forms.append(base[:-2] + "ien")  # provincie -> provincien (iën folded)
    if base.endswith("ien") and len(base) > 5:
        forms.append(base[:-1])  # provincien -> provincie
    if base.endswith("es") and len(base) > 5 and base[-3] not in "aeiou":
        forms.append(base[:-1])  # kazernes -> kazerne
    return [f for f in dict.fromkeys(forms) if f != word]


def stem(word: str) -> str:
    """A light Dutch stem of a folded word, the same for singular and plural and for
    inflected adjectives, without conflating derivations: gemeenten ~ gemeente, but
    gemeentelijke ~ gemeentelijk; belastingen ~ belasting; regio's ~ regio. For pure code that
    cannot ask PostgreSQL's Snowball (expert matching)."""
    w = word.replace("'", "")
    if w.endswith("ies") and len(w) > 5:
        w = w[:-1]
    if w.endswith("heden") and len(w) > 7:
        return w[:-5] + "heid"
    if (w.endswith("ingen") and len(w) > 7) or (w.endswith("en") and len(w) > 5):
        w = w[:-2]
    elif w.endswith("s") and len(w) > 4 and w[-2] not in "s'":
        w = w[:-1]
    if w.endswith("e") and len(w) > 4:
        w = w[:-1]
    if len(w) > 4 and w[-1] == w[-2] and w[-1] not in "aeiou":
        w = w[:-1]
    return w


def diminutive_bases(word: str) -> list[str]:
    """Base words a diminutive may come from (huisje -> huis); check them against a lexicon."""
    bases = []
    for suffix in ("etje", "pje", "tje", "je"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            bases.append(word[: -len(suffix)])
    return bases


def splits(word: str) -> list[tuple[str, str]]:
    """Every (head, tail) a compound could be made of, linking s/e/en removed from the head."""
    out: list[tuple[str, str]] = []
    for i in range(MIN_PART, len(word) - MIN_PART + 1):
        head, tail = word[:i], word[i:]
        out.append((head, tail))
        for link in LINKS:
            if head.endswith(link) and len(head) - len(link) >= MIN_PART:
                out.append((head[: -len(link)], tail))
    return out


def best_split(word: str, known: Callable[[str], bool]) -> tuple[str, str] | None:
    """The most plausible two-part reading of a compound, both parts known; None if none.

    Dutch compounds put the core last, so among valid readings the longest tail wins, then the
    longest head (fewer letters left to a linking morpheme).
    """
    valid = [(head, tail) for head, tail in splits(word) if known(head) and known(tail)]
    if not valid:
        return None
    return max(valid, key=lambda ht: (len(ht[1]), len(ht[0])))


def head_split(word: str, known: Callable[[str], bool]) -> tuple[str, str] | None:
    """A reading as a known head plus any tail of four letters or more (heffingsunies ->
    heffing + unies): looser than ``best_split``, for ranking near matches, not for requiring
    both parts."""
    strict = best_split(word, known)
    if strict:
        return strict
    valid = [
        (head, tail)
        for head, tail in splits(word)
        if len(head) >= 4 and len(tail) >= 4 and known(head)
    ]
    return max(valid, key=lambda ht: len(ht[0])) if valid else None


def contains_part(word: str, part: str, known: Callable[[str], bool]) -> bool:
    """Whether ``word`` is a compound with ``part`` (a stem or word) as one of its parts.

    As the tail: what precedes it is a known word, perhaps with a linking morpheme
    (belastingsamenwerking contains samenwerk). As the head: what follows the part (and any
    inflection of it) ends in a known word of four letters or more. For a part of
    ``LOOSE_PART`` letters or more, four letters on the other side suffice (brandweerkazernes).
    """
    loose = len(part) >= LOOSE_PART
    if len(part) < MIN_PART + 1 or part == word:
        return False
    at = word.find(part)
    while at != -1:
        if at >= MIN_PART:
            head = word[:at]
            bare = [head[: -len(link)] for link in LINKS if head.endswith(link)]
            if known(head) or any(len(b) >= MIN_PART and known(b) for b in bare):
                return True
            if loose and len(head) >= 4:
                return True
        if at == 0:
            if loose and len(word) - len(part) >= 4:
                return True
            for k in range(len(part), len(word) - 3):
                if known(word[k:]):
                    return True
        at = word.find(part, at + 1)
    return False


def substrings_to_check(candidates: Iterable[str], part: str) -> set[str]:
    """Every string ``contains_part`` may ask about, so a caller can look them up at once."""
    asked: set[str] = set()
    for word in candidates:
        at = word.find(part)
        while at != -1:
            head = word[:at]
            asked.add(head)
            asked.update(head[: -len(link)] for link in LINKS if head.endswith(link))
            if at == 0:
                asked.update(word[k:] for k in range(len(part), len(word) - 3))
            at = word.find(part, at + 1)
    return {s for s in asked if len(s) >= MIN_PART}


def edits(word: str) -> list[str]:
    """Every string one transposition, deletion, substitution or insertion away."""
    pairs = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = [a + b[1] + b[0] + b[2:] for a, b in pairs if len(b) > 1 and b[0] != b[1]]
    out += [a + b[1:] for a, b in pairs if b]
    out += [a + c + b[1:] for a, b in pairs if b for c in ALPHABET if c != b[0]]
    out += [a + c + b for a, b in pairs for c in ALPHABET]
    return list(dict.fromkeys(out))


INDEX_MIN_LENGTH = 8  # shorter words are rarely compounds worth splitting at index time


def compound_parts(word: str, frequency: Callable[[str], int], depth: int = 2) -> list[str]:
    """The parts of a compound a search should also find it by, for storing in the index.

    ``frequency`` tells in how many documents a word occurs in any of its forms (0: unknown).
    Both parts must be known (``best_split``), each of four letters or more so that short
    fragments do not turn up everywhere, and the compound no more common than either part: a
    word more common than its parts has a meaning of its own ("samenwerking" is not "samen" +
    "werking"). A part is split again up to ``depth`` levels (afvalinzamelingscontract ->
    afvalinzameling, contract, afval, inzameling). The singular of a plural Snowball leaves
    alone comes too when it is a known word (heffingsunies -> heffingsunie).
    """
    out: list[str] = []
    base = word.replace("'", "")
    out += [f for f in inflections(word) if len(f) < len(base) and frequency(f)]
    if len(base) < INDEX_MIN_LENGTH or depth <= 0:
        return list(dict.fromkeys(out))
    split = best_split(base, lambda text: frequency(text) > 0)
    if (
        split
        and min(len(split[0]), len(split[1])) > MIN_PART
        and frequency(base) <= min(frequency(split[0]), frequency(split[1]))
    ):
        head, tail = split
        out += [head, tail]
        out += compound_parts(head, frequency, depth - 1)
        out += compound_parts(tail, frequency, depth - 1)
    return [p for p in dict.fromkeys(out) if p != word]
