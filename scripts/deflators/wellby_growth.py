#!/usr/bin/env python3
"""Builds crates/socval-core/data/wellby-growth.csv: for each year of
gdp-per-head.csv, (real GDP per head in that year / in 2019) ** 1.3, to nine
places: the real-terms part of HM Treasury's WELLBY uprating (Wellbeing
guidance for appraisal, 2021, Annex 2), computed once here with exact
decimal arithmetic so the calculator needs no floating-point power.

Run: python3 scripts/deflators/wellby_growth.py          (writes the CSV)
     python3 scripts/deflators/wellby_growth.py --check  (exit 1 if it would change)
"""
import sys
from decimal import Decimal, getcontext
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "crates" / "socval-core" / "data"
HEADER = (
    "# (real GDP per head in year / in 2019)^1.3, the HM Treasury wellbeing guidance's (2021, Annex 2)\n"
    "# real-terms uprating of the WELLBY, to nine places. Built by scripts/deflators/wellby_growth.py\n"
    "# from gdp-per-head.csv (ONS series IHXW, release of 15 August 2024; see gdp-per-head.md).\n"
    "year,factor\n"
)


def build() -> str:
    getcontext().prec = 50
    rows = [l.strip().split(",") for l in (DATA / "gdp-per-head.csv").read_text().splitlines()[1:] if l.strip()]
    base = Decimal(dict(rows)["2019"])
    lines = [HEADER]
    for year, pounds in rows:
        factor = (Decimal(pounds) / base) ** Decimal("1.3")
        lines.append(f"{year},{factor.quantize(Decimal('0.000000001'))}\n")
    return "".join(lines)


def main():
    text = build()
    out = DATA / "wellby-growth.csv"
    if "--check" in sys.argv:
        if not out.exists() or out.read_text() != text:
            sys.exit(f"{out} is out of date: run python3 scripts/deflators/wellby_growth.py")
        print(f"{out}: up to date")
        return
    out.write_text(text)
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
