#!/usr/bin/env python3
"""Builds Socval's calendar-year GDP deflator table (crates/socval-core/data/gdp-deflators.csv).

Source: HM Treasury, "GDP deflators at market prices, and money GDP", the
October 2024 (Autumn Budget 2024) release: outturn from the ONS Quarterly
National Accounts of 30 September 2024 (ONS series MNF2), forecasts from the
OBR Economic and fiscal outlook of 30 October 2024. Open Government Licence v3.0.

The copy used is the sheet "30102024 deflator update" inside
socialvalueadjuster_deflators.xlsx in the public GitHub repository
AllanLittle1/socialvalueadjuster (blob 2490fc7698c14cdd11b17467cb7f970f98d452d4,
last changed in commit ef8b0bf07939e08b5507e75cf21d2db212e8eeab). That workbook
is not committed here (the repository carries no licence); pass its path:

    python3 scripts/deflators/build.py SOURCE.xlsx          (writes the CSV)
    python3 scripts/deflators/build.py SOURCE.xlsx --check  (exit 1 if the CSV would change)
    options: --sheet NAME (default: "30102024 deflator update" if present, else the
             first sheet, which is where HM Treasury's own workbook keeps the table)
             --out PATH   (default: crates/socval-core/data/gdp-deflators.csv)

Expected layout (HM Treasury's published layout, which the copy keeps): an
.xlsx workbook whose sheet holds the calendar-year block in columns H, I and J:
H = calendar year ("1955" ... "2023", then forecast years written like
"2024 (1), (2)"), I = "GDP deflator at market prices", index with the base year
= 100 ("-" for forecast years), J = per cent change on the previous year.
Rows whose column H does not start with a four-digit year are ignored.

Output: "year,index", one row per calendar year, index to 4 decimal places (the
precision of the published outturn). Years with an index in column I are outturn
and are copied. Forecast years have only a percentage change in HM Treasury's
table; their index is the previous year's index times (1 + change/100),
compounded from the last outturn year (unrounded), then rounded. Python 3.11,
standard library only.
"""
import argparse
import re
import sys
import zipfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "crates" / "socval-core" / "data" / "gdp-deflators.csv"
DEFAULT_SHEET = "30102024 deflator update"
NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}
REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
YEAR_RE = re.compile(r"^\s*(\d{4})(?!\d)")
CELL_RE = re.compile(r"^([A-Z]+)(\d+)$")


def read_sheet(path: Path, sheet: str | None) -> tuple[str, dict[int, dict[str, str]]]:
    """Returns (sheet name, {row number: {column letters: cell text}})."""
    with zipfile.ZipFile(path) as z:
        shared = []
        if "xl/sharedStrings.xml" in z.namelist():
            root = ET.fromstring(z.read("xl/sharedStrings.xml"))
            for si in root.findall("m:si", NS):
                shared.append("".join(t.text or "" for t in si.iter(f"{{{NS['m']}}}t")))
        wb = ET.fromstring(z.read("xl/workbook.xml"))
        rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
        targets = {r.get("Id"): r.get("Target") for r in rels.iter(f"{REL_NS}Relationship")}
        sheets = [(s.get("name"), targets[s.get(f"{{{NS['r']}}}id")])
                  for s in wb.find("m:sheets", NS)]
        names = [n for n, _ in sheets]
        if sheet is None:
            sheet = DEFAULT_SHEET if DEFAULT_SHEET in names else names[0]
        if sheet not in names:
            sys.exit(f"no sheet named {sheet!r}; sheets: {names}")
        target = dict(sheets)[sheet].lstrip("/")
        if not target.startswith("xl/"):
            target = "xl/" + target
        root = ET.fromstring(z.read(target))
    rows: dict[int, dict[str, str]] = {}
    for c in root.iter(f"{{{NS['m']}}}c"):
        m = CELL_RE.match(c.get("r", ""))
        if not m:
            continue
        kind, v = c.get("t"), c.find("m:v", NS)
        if kind == "inlineStr":
            text = "".join(t.text or "" for t in c.iter(f"{{{NS['m']}}}t"))
        elif v is None or v.text is None:
            continue
        elif kind == "s":
            text = shared[int(v.text)]
        else:
            text = v.text
        rows.setdefault(int(m.group(2)), {})[m.group(1)] = text
    return sheet, rows


def number(text: str | None) -> float | None:
    try:
        return float(text) if text is not None else None
    except ValueError:
        return None  # "-" in forecast years, or text


def build(path: Path, sheet: str | None) -> tuple[str, list[tuple[int, float, bool]]]:
    name, rows = read_sheet(path, sheet)
    raw: dict[int, tuple[float | None, float | None]] = {}
    for r in sorted(rows):
        m = YEAR_RE.match(rows[r].get("H", ""))
        if not m:
            continue
        year = int(m.group(1))
        if year in raw:
            sys.exit(f"calendar year {year} appears twice in column H")
        raw[year] = (number(rows[r].get("I")), number(rows[r].get("J")))
    if not raw:
        sys.exit(f"no calendar-year rows found in column H of sheet {name!r}")
    years = sorted(raw)
    if years != list(range(years[0], years[-1] + 1)):
        sys.exit("calendar years are not contiguous")
    out: list[tuple[int, float, bool]] = []
    prev = None
    seen_forecast = False
    for y in years:
        level, pct = raw[y]
        if level is not None and not seen_forecast:
            value, forecast = level, False
        elif pct is not None and prev is not None:
            value, forecast = prev * (1 + pct / 100), True
            seen_forecast = True
        else:
            sys.exit(f"year {y}: neither an index nor a usable percentage change")
        out.append((y, value, forecast))
        prev = value
    bases = [y for y, v, f in out if not f and abs(v - 100) < 1e-9]
    if len(bases) != 1:
        sys.exit(f"expected exactly one base year with index 100, found {bases}")
    # Outturn percentage changes must agree with the index (guards against a wrong column).
    for (y0, v0, _), (y1, v1, f1) in zip(out, out[1:]):
        pct = raw[y1][1]
        if not f1 and pct is not None and abs((v1 / v0 - 1) * 100 - pct) > 1e-6:
            sys.exit(f"year {y1}: column J ({pct}) disagrees with the index ratio")
    return name, out


def render(series: list[tuple[int, float, bool]]) -> str:
    lines = ["year,index"] + [f"{y},{v:.4f}" for y, v, _ in series]
    return "\n".join(lines) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("source", type=Path, help="the workbook (.xlsx)")
    ap.add_argument("--sheet", default=None)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--check", action="store_true", help="exit 1 if the CSV would change")
    args = ap.parse_args()
    name, series = build(args.source, args.sheet)
    text = render(series)
    forecast = [y for y, _, f in series if f]
    summary = (f"sheet {name!r}: {series[0][0]}-{series[-1][0]}, base year "
               f"{[y for y, v, f in series if not f and abs(v - 100) < 1e-9][0]}, "
               f"forecast {forecast[0]}-{forecast[-1]}" if forecast else "no forecast years")
    if args.check:
        current = args.out.read_text() if args.out.exists() else None
        if current != text:
            print(f"{args.out} would change ({summary})", file=sys.stderr)
            return 1
        print(f"{args.out} is up to date ({summary})")
        return 0
    args.out.write_text(text)
    print(f"wrote {args.out} ({summary})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
