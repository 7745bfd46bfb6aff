"""Migrations are frozen: they never import the project's own code.

A data migration that imports a live module (a reference loader, a seed, a permission list)
breaks when that module moves, and rewrites history for every fresh installation when it is
edited. Data migrations carry their data themselves: constants in the migration, or a file in the
migrations package's data/ folder, loaded through historical models (apps.get_model).
"""

import ast
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]
FIRST_PARTY = {p.name for p in BASE_DIR.iterdir() if (p / "__init__.py").is_file()} | {
    p.stem for p in BASE_DIR.glob("*.py")
}
MIGRATIONS = sorted(
    path
    for package in BASE_DIR.glob("*/migrations")
    if package.parent.name in FIRST_PARTY
    for path in package.rglob("*.py")
)

# A FileField's upload_to callable is part of the field: Django compares it by identity with the
# model's, so the migration that last sets the field must name the live function. These may
# stay, and only as upload_to.
UPLOAD_TO = {
    "kennisbank/migrations/0002_items_themes_synonyms.py": {"kennisbank.models.attachment_path"},
    "kennisbank/migrations/0007_member_contributions.py": {
        "kennisbank.models.submission_file_path"
    },
}


def dotted(node: ast.AST) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute) and (base := dotted(node.value)):
        return f"{base}.{node.attr}"
    return None


def first_party(module: str) -> bool:
    return module.split(".")[0] in FIRST_PARTY


def live_imports(name: str, source: str) -> list[str]:
    """What the migration (path relative to the project) takes from the project's code."""
    tree = ast.parse(source, filename=name)
    allowed = UPLOAD_TO.get(name, set())
    allowed_modules = {reference.rpartition(".")[0] for reference in allowed}
    bound = {module.split(".")[0] for module in allowed_modules}
    upload_to = {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.keyword) and node.arg == "upload_to"
    }
    inner = {id(node.value) for node in ast.walk(tree) if isinstance(node, ast.Attribute)}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [
                f"{node.lineno}: import {alias.name}"
                for alias in node.names
                if first_party(alias.name) and alias.name not in allowed_modules
            ]
        elif isinstance(node, ast.ImportFrom):
            # "from . import x" and "from .x import y" stay inside the migrations package;
            # two dots or more reach the application.
            if node.level > 1 or (node.level == 0 and first_party(node.module or "")):
                found.append(f"{node.lineno}: from {'.' * node.level}{node.module or ''} import")
        elif isinstance(node, ast.Call):
            # importlib.import_module("app.x"), __import__("app.x")
            function = dotted(node.func) or ""
            if function.split(".")[-1] in {"import_module", "__import__"} and any(
                isinstance(arg, ast.Constant)
                and isinstance(arg.value, str)
                and first_party(arg.value)
                for arg in node.args
            ):
                found.append(f"{node.lineno}: {function}({ast.unparse(node.args[0])})")
        elif isinstance(node, ast.Attribute) and id(node) not in inner:
            reference = dotted(node)
            if (
                reference
                and reference.split(".")[0] in bound
                and not (reference in allowed and id(node) in upload_to)
            ):
                found.append(f"{node.lineno}: {reference} (only upload_to may name live code)")
    return found


def test_the_apps_migrations_are_checked():
    apps = {path.relative_to(BASE_DIR).parts[0] for path in MIGRATIONS}
    assert {"portal", "kennisbank", "modellentool", "netwerk"} <= apps


@pytest.mark.parametrize("path", MIGRATIONS, ids=lambda p: p.relative_to(BASE_DIR).as_posix())
def test_migration_does_not_import_application_code(path):
    name = path.relative_to(BASE_DIR).as_posix()
    assert live_imports(name, path.read_text(encoding="utf-8")) == [], (
        "A migration must not import the project's code: freeze the data it needs in the "
        "migration or in its package's data/ folder and use apps.get_model()."
    )


@pytest.mark.parametrize(
    "source",
    [
        "from netwerk.reference import load_municipalities",
        "import portal.permissions",
        "from kennisbank import permissions",
        "from ..reference import THEMES",
        "importlib.import_module('kennisbank.migrations.0008_x')",
        "import kennisbank.models\nFileField(upload_to=kennisbank.models.other_path)",
        "import kennisbank.models\nPATH = kennisbank.models.attachment_path",
    ],
)
def test_live_imports_are_found(source):
    assert live_imports("kennisbank/migrations/0002_items_themes_synonyms.py", source)


def test_upload_to_callables_and_data_helpers_are_allowed():
    source = (
        "import json\nimport kennisbank.models\nfrom django.db import models\n"
        "from . import _data\nfrom ._data import rows\n"
        "models.FileField(upload_to=kennisbank.models.attachment_path)\n"
    )
    assert live_imports("kennisbank/migrations/0002_items_themes_synonyms.py", source) == []
