"""Text that ends up on one line: names and titles that go into mail headers and salutations."""

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def single_line(value: str) -> str:
    """Control characters (line breaks, tabs, NUL …) and line/paragraph separators become one
    space, so a name typed as "Anna\\r\\nBcc: …" cannot start a new line in a mail."""
    cleaned = "".join(
        " " if unicodedata.category(ch) in {"Cc", "Zl", "Zp"} else ch for ch in str(value)
    )
    return _SPACES.sub(" ", cleaned).strip()
