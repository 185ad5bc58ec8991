"""Problems found in a bank, each with a stable code.

Codes never change meaning once published: tools, editors and people grep for them.
Add new codes at the end; never renumber.
"""

from __future__ import annotations

from dataclasses import dataclass

# code -> (short name, what to do about it)
CODES: dict[str, tuple[str, str]] = {
    "QB001": ("yaml-syntax", "fix the YAML syntax at this line"),
    "QB002": ("tab-indent", "indent with spaces; YAML forbids tabs in indentation"),
    "QB003": ("duplicate-key", "remove or rename one of the two keys; YAML would silently keep the last"),
    "QB004": ("unknown-field", "remove the field or correct its spelling"),
    "QB005": ("missing-field", "add the field"),
    "QB006": ("empty-text", "write the text, or remove the entry"),
    "QB007": ("wrong-type", "give a value of the expected type"),
    "QB008": ("yaml-implicit-type", "quote the value if text was meant"),
    "QB009": ("bad-id", "use a slug: lowercase words of a-z and 0-9 joined by single hyphens"),
    "QB010": ("duplicate-id", "give each entry its own id"),
    "QB011": ("id-alias-collision", "an id may not reuse another question's id or alias"),
    "QB012": ("unknown-topic", "use the id of a topic listed under `topics:`"),
    "QB013": ("dangling-related", "list only ids of questions in the bank"),
    "QB014": ("bad-level", "use one of: junior, mid, senior"),
    "QB015": ("bad-kind", "use one of: concept, experience, practice"),
    "QB016": ("answer-length", "the strong answer must be 150 to 450 words"),
    "QB017": ("item-count", "the content guide sets how many items each list holds"),
    "QB018": ("placeholder", "replace the placeholder with real text"),
    "QB019": ("bad-source", "source numbers run from 1 to 50 and are used once each"),
    "QB020": ("bad-reference", "give an absolute http(s) address, or the title alone"),
    "QB021": ("self-related", "a question cannot be related to itself"),
    "QB022": ("bad-date", "use a past or present date as YYYY-MM-DD"),
    "QB023": ("text-too-long", "shorten the text to the limit given"),
    "QB024": ("unknown-tag", "declare the tag under `tags:` or correct its spelling"),
    "QB025": ("unknown-question", "use the id of a question in data/questions.yaml"),
    "QB026": ("kit-timing", "make the steps' minutes add up to the kit's length"),
    "QB027": ("reserved-kit-id", "choose another id: kits/my-kit/ is the kit builder's page"),
}


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    code: str
    message: str
    qid: str | None = None

    def __str__(self) -> str:
        where = f" [{self.qid}]" if self.qid else ""
        return f"{self.path}:{self.line}: {self.code} {self.message}; {hint(self.code)}{where}"


class BankError(Exception):
    """Raised with every problem found, so that all are reported together."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def hint(code: str) -> str:
    return CODES[code][1]
