"""Hold the two PDF engines to the same records on every PDF under some folders.

    python scripts/compare_engines.py [FOLDER ...]   (default: ../shared/corpus)

The tests do this for the PDFs in ``tests/fixtures``; this does it for any
collection, such as the development corpus, which the tests cannot read. Every
field but ``source`` must be equal, and box coordinates within the tests'
tolerance; a PDF both engines refuse must be refused for the same
reason. Exit 0 when every PDF agrees, 1 otherwise.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.helpers import engine_differences  # noqa: E402  (the repo root is added above)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "folders", nargs="*", type=Path, default=[ROOT.parent / "shared" / "corpus"]
    )
    args = parser.parse_args()
    pdfs = sorted(p for folder in args.folders for p in folder.rglob("*.pdf"))
    if not pdfs:
        print(f"no PDFs under {', '.join(map(str, args.folders))}")
        return 1
    agree = 0
    for pdf in pdfs:
        found = engine_differences(pdf)
        if found:
            print(f"  {pdf}: {len(found)} difference(s)")
            for line in found:
                print(f"      {line}")
        else:
            agree += 1
    print(f"engines agree on {agree} of {len(pdfs)} PDFs")
    return 0 if agree == len(pdfs) else 1


if __name__ == "__main__":
    sys.exit(main())
