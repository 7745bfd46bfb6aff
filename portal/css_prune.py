"""The NL Design System CSS cut down to what the portal's own files use.

`@utrecht/component-library-css` ships every component in one 407 kB file and
`@utrecht/design-tokens` some 1,200 custom properties in 88 kB; a page uses a few dozen
components. `prune_components` keeps the rules whose `utrecht-*` classes all occur in the
templates, scripts, stylesheets or Python code; `prune_tokens` keeps the custom properties that
the kept CSS (and ours) reads, following var() references. `manage.py prune_css` writes the
result to static/vendor/, and a test fails when it is out of date.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import tinycss2

CLASS = re.compile(r"utrecht-[a-z0-9_-]*[a-z0-9]")
# A class name built in a template (`utrecht-heading-{{ level }}`): keep every class it may become.
PARTIAL = re.compile(r"(utrecht-[a-z0-9_-]*?)(?:\{\{|\{%)")
SELECTOR_CLASS = re.compile(r"\.(utrecht-[a-zA-Z0-9_-]+)")
VAR = re.compile(r"var\(\s*(--[a-zA-Z0-9_-]+)")
SOURCE_SUFFIXES = (".html", ".js", ".css", ".py", ".txt")
HEADER = (
    "/* Pruned by portal/css_prune.py (manage.py prune_css) from {source}.\n"
    " * @license EUPL-1.2 · Copyright (c) Gemeente Utrecht, Frameless B.V. */\n"
)


def used_classes(paths: Iterable[Path]) -> tuple[set[str], set[str]]:
    """(class names, class-name prefixes) that the given files mention."""
    names: set[str] = set()
    prefixes: set[str] = set()
    for path in paths:
        text = path.read_text(encoding="utf-8", errors="replace")
        names |= set(CLASS.findall(text))
        prefixes |= set(PARTIAL.findall(text))
    return names, prefixes


def project_files(base: Path) -> list[Path]:
    """The portal's own files that may name a utrecht-* class (not node_modules, not vendor)."""
    roots = [base / "templates", base / "static", base / "portal", base / "kennisbank"]
    roots += [base / "netwerk", base / "modellentool"]
    files = []
    for root in roots:
        for path in sorted(root.rglob("*")):
            if path.suffix in SOURCE_SUFFIXES and "vendor" not in path.parts:
                files.append(path)
    return files


def _selectors(prelude) -> list[str]:
    """A selector list split at its top-level commas (not those inside :is() or :not())."""
    parts, current = [], []
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            parts.append(current)
            current = []
        else:
            current.append(token)
    parts.append(current)
    return [tinycss2.serialize(part).strip() for part in parts]


def _selector_used(selector: str, names: set[str], prefixes: set[str]) -> bool:
    return all(
        cls in names or any(cls.startswith(p) for p in prefixes)
        for cls in SELECTOR_CLASS.findall(selector)
    )


def _prune_rules(rules, names: set[str], prefixes: set[str]) -> list:
    kept = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = _selectors(rule.prelude)
            selectors = [s for s in selectors if _selector_used(s, names, prefixes)]
            if selectors:
                kept.append(",\n".join(selectors) + " {" + tinycss2.serialize(rule.content) + "}\n")
        elif rule.type == "at-rule":
            prelude = tinycss2.serialize(rule.prelude)
            if rule.lower_at_keyword == "charset":
                continue  # only valid as a file's first bytes; the files are served as UTF-8
            if rule.content is None:
                kept.append(f"@{rule.at_keyword}{prelude};\n")
            elif rule.lower_at_keyword in {"media", "supports", "layer", "container"}:
                content = tinycss2.parse_rule_list(
                    rule.content, skip_comments=True, skip_whitespace=True
                )
                inner = _prune_rules(content, names, prefixes)
                if inner:
                    kept.append(f"@{rule.at_keyword}{prelude} {{\n{''.join(inner)}}}\n")
            else:
                kept.append(f"@{rule.at_keyword}{prelude}{{{tinycss2.serialize(rule.content)}}}\n")
    return kept


def prune_components(css: str, names: set[str], prefixes: set[str], source: str) -> str:
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    return HEADER.format(source=source) + _compact("".join(_prune_rules(rules, names, prefixes)))


def prune_tokens(tokens_css: str, readers: Iterable[str], source: str) -> str:
    """Keeps the custom properties that the given CSS reads, directly or through other tokens."""
    rules = tinycss2.parse_stylesheet(tokens_css, skip_comments=True, skip_whitespace=True)
    declarations: dict[str, tuple[str, str]] = {}  # property -> (selector, value)
    order: list[str] = []
    for rule in rules:
        if rule.type != "qualified-rule":
            continue
        selector = tinycss2.serialize(rule.prelude).strip()
        for decl in tinycss2.parse_declaration_list(
            rule.content, skip_comments=True, skip_whitespace=True
        ):
            if decl.type == "declaration" and decl.name.startswith("--"):
                declarations[decl.name] = (selector, tinycss2.serialize(decl.value).strip())
                order.append(decl.name)
    wanted: set[str] = set()
    todo = [name for text in readers for name in VAR.findall(text)]
    while todo:
        name = todo.pop()
        if name in wanted or name not in declarations:
            continue
        wanted.add(name)
        todo.extend(VAR.findall(declarations[name][1]))
    by_selector: dict[str, list[str]] = {}
    for name in dict.fromkeys(order):
        if name in wanted:
            selector, value = declarations[name]
            by_selector.setdefault(selector, []).append(f"  {name}: {value};\n")
    body = "".join(f"{sel} {{\n{''.join(lines)}}}\n" for sel, lines in by_selector.items())
    return HEADER.format(source=source) + _compact(body)


def _compact(css: str) -> str:
    """Whitespace out where it never matters (not around ":" or inside selectors' combinators)."""
    css = re.sub(r"\s+", " ", css)
    css = re.sub(r"\s*([{};])\s*", r"\1", css)
    return css.replace("}", "}\n")


def build(base: Path) -> dict[Path, str]:
    """{output file: content} for the two pruned stylesheets."""
    components = base / "node_modules/@utrecht/component-library-css/dist/index.css"
    tokens = base / "node_modules/@utrecht/design-tokens/dist/theme.css"
    names, prefixes = used_classes(project_files(base))
    pruned = prune_components(
        components.read_text(encoding="utf-8"),
        names,
        prefixes,
        "@utrecht/component-library-css/dist/index.css",
    )
    ours = [p.read_text(encoding="utf-8") for p in sorted((base / "static/css").glob("*.css"))]
    theme = prune_tokens(
        tokens.read_text(encoding="utf-8"),
        [pruned, *ours],
        "@utrecht/design-tokens/dist/theme.css",
    )
    out = base / "static/vendor"
    return {out / "utrecht-components.css": pruned, out / "utrecht-theme.css": theme}
