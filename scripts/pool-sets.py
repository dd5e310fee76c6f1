#!/usr/bin/env python3
"""Pool labelled mail sets into one set, to evaluate them together.

    scripts/pool-sets.py OUT SET...

Each SET is a directory of tests/fixtures/mail (or a path) in the layout the eval reads:
.eml files in folders named by category, with an optional labels.json keyed by each
file's path relative to the set. OUT gets every message, renamed `<set>-<name>` so no two
collide, and one labels.json with the keys renamed the same way. OUT must not exist.
"""

import json
import shutil
import sys
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "mail"


def main(argv: list[str]) -> int:
    if len(argv) < 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    out = Path(argv[1])
    if out.exists():
        print(f"{out} exists: give a new directory", file=sys.stderr)
        return 2
    labels: dict[str, object] = {}
    count = 0
    for name in argv[2:]:
        src = Path(name) if Path(name).is_dir() else CORPUS / name
        if not src.is_dir():
            print(f"no set at {name}", file=sys.stderr)
            return 2
        tag = src.name
        own = src / "labels.json"
        own_labels = json.loads(own.read_text(encoding="utf-8")) if own.exists() else {}
        for eml in sorted(src.glob("*/*.eml")):
            category = eml.parent.name
            dest = out / category / f"{tag}-{eml.name}"
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(eml, dest)
            key = f"{category}/{eml.name}"
            if key in own_labels:
                labels[f"{category}/{dest.name}"] = own_labels[key]
            count += 1
    out.mkdir(parents=True, exist_ok=True)
    (out / "labels.json").write_text(json.dumps(labels, indent=1, ensure_ascii=False), encoding="utf-8")
    print(f"{out}: {count} messages from {len(argv) - 2} sets")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
