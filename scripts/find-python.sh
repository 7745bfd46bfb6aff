#!/usr/bin/env bash
# Prints the path of a Python >= 3.12, or explains what to install and fails.
set -eu
candidates=(python3.13 python3.12 python3)
for dir in "$HOME"/.pyenv/versions/3.13* "$HOME"/.pyenv/versions/3.12* /root/.pyenv/versions/3.13* /root/.pyenv/versions/3.12*; do
  [ -x "$dir/bin/python3" ] && candidates+=("$dir/bin/python3")
done
for py in "${candidates[@]}"; do
  path=$(command -v "$py" 2>/dev/null) || continue
  if "$path" -c 'import sys, venv; sys.exit(0 if sys.version_info >= (3, 12) else 1)' 2>/dev/null; then
    echo "$path"
    exit 0
  fi
done
echo "Geen Python 3.12 of nieuwer gevonden. Installeer er een, bijvoorbeeld:" >&2
echo "  apt-get install python3.12 python3.12-venv   of   pyenv install 3.13" >&2
exit 1
