"""HTML validation with the Nu Html Checker (vnu-jar from npm, runs on Java)."""

import json
import shutil
import subprocess
import tempfile
from pathlib import Path

VNU_JAR = Path(__file__).resolve().parents[1] / "node_modules/vnu-jar/build/dist/vnu.jar"


def validate_html(documents: dict[str, str]) -> dict[str, list[str]]:
    """Validates several documents in one Java start; returns the errors per document name."""
    java = shutil.which("java")
    assert java, "Java ontbreekt: apt-get install default-jre-headless"
    assert VNU_JAR.exists(), "vnu.jar ontbreekt: npm ci"
    names = {}
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for i, (name, html) in enumerate(documents.items()):
            path = Path(tmp) / f"doc{i}.html"
            path.write_text(html, encoding="utf-8")
            names[path.name] = name
            files.append(str(path))
        result = subprocess.run(
            [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *files],
            capture_output=True,
            text=True,
            timeout=180,
        )
    errors: dict[str, list[str]] = {}
    for message in json.loads(result.stderr or '{"messages": []}')["messages"]:
        name = names.get(Path(message.get("url", "")).name, message.get("url", "?"))
        extract = message.get("extract", "").strip()
        errors.setdefault(name, []).append(
            f"regel {message.get('lastLine')}: {message.get('message')} [{extract}]"
        )
    return errors
