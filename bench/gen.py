#!/usr/bin/env python3
"""Writes N posting files built on the shipped role presets, with varied values,
into DIR/<group>/posting-<n>.toml (100 files a folder), for bench/export.sh.

    python3 bench/gen.py N DIR              write N postings
    python3 bench/gen.py --retitle K DIR    change the title of K postings spread
                                            over DIR (a different K each call),
                                            for timing an incremental re-export
"""

import random
import sys
from pathlib import Path

CITIES = [
    ("Denver", "CO", "80202", "US"), ("Austin", "TX", "78701", "US"),
    ("Toronto", "ON", "M5H 2N2", "CA"), ("Leeds", "", "LS1 4DY", "GB"),
    ("Portland", "OR", "97205", "US"), ("Ottawa", "ON", "K1P 1J1", "CA"),
]
COMPANIES = ["Juniper Outfitters", "Northwind Software", "Harbor Credit Union",
             "Maple Health", "Bluebird Hotels", "Cedar Insurance"]
PREFIXES = ["", "Senior ", "Bilingual ", "Weekend ", "Lead "]
TYPES = ["full-time", "part-time", "temporary", "contract"]


def posting(rng: random.Random, role: str, n: int) -> str:
    city, region, postal, country = rng.choice(CITIES)
    company = rng.choice(COMPANIES)
    low = round(rng.uniform(15, 30), 2)
    remote = n % 7 == 0
    place = (f'workplace = "remote"\napplicant_countries = ["{country}"]' if remote else
             f'workplace = "{rng.choice(["on-site", "hybrid"])}"\ncity = "{city}"\n'
             f'region = "{region}"\npostal_code = "{postal}"\ncountry = "{country}"')
    title = rng.choice(PREFIXES) + role.replace("-", " ").title()
    return f'''role = "{role}"
title = "{title}"
employment_type = "{rng.choice(TYPES)}"
reference = "REF-{n:05d}"
posted = 2027-01-{1 + n % 28:02d}

[company]
name = "{company}"
website = "https://www.example.com/{n}"

[location]
{place}

[duties]
daily = {{ add = ["Handle case {n} with care and follow it to the end"] }}

[pay]
min = {low}
max = {round(low * rng.uniform(1.05, 1.4), 2)}
currency = "{"CAD" if country == "CA" else "GBP" if country == "GB" else "USD"}"
period = "hour"
'''


def retitle(count: int, out: Path) -> None:
    files = sorted(out.rglob("*.toml"))
    step = max(1, len(files) // max(count, 1))
    rng = random.Random()
    for path in files[rng.randrange(step)::step][:count]:
        text = path.read_text()
        path.write_text(text.replace('title = "', f'title = "R{rng.randrange(10**6)} ', 1))


def main() -> None:
    if sys.argv[1] == "--retitle":
        retitle(int(sys.argv[2]), Path(sys.argv[3]))
        return
    count, out = int(sys.argv[1]), Path(sys.argv[2])
    roles = sorted(p.stem for p in (Path(__file__).parent.parent / "roles").glob("*.toml"))
    rng = random.Random(42)
    for n in range(count):
        folder = out / f"group-{n // 100:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"posting-{n:05d}.toml").write_text(posting(rng, roles[n % len(roles)], n))


if __name__ == "__main__":
    main()
