#!/usr/bin/env bash
# What `jobpost export --format docx --feeds indeed,linkedin,atom` writes, read
# by tools that are not ours:
#   - every Word document opens in python-docx: Heading 1 title, Heading 2
#     sections, bullets as "List Bullet" paragraphs numbered by a bullet
#     numbering definition, and the pay in the facts table as index.json states it;
#   - every Word document converts to PDF in LibreOffice (headless), whose text
#     has the title; the first page of one is kept as PNG (pdftoppm) to look at;
#   - the Atom feed parses in Python's feedparser without a complaint, and the
#     Indeed and LinkedIn feeds in ElementTree, with every element each board requires.
# Installs python-docx and feedparser into a venv in $JOBPOST_CI_TOOLS (default
# /tmp/jobpost-ci-tools) and LibreOffice Writer and poppler-utils from Debian.
#
#   bash .ci/publish.sh [folder for the PNG]
set -euo pipefail
cd "$(dirname "$0")/.."
tools=${JOBPOST_CI_TOOLS:-/tmp/jobpost-ci-tools}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
step() { printf '\n== %s\n' "$*"; }

if ! command -v soffice >/dev/null || ! command -v pdftoppm >/dev/null; then
  step "installing libreoffice-writer-nogui and poppler-utils"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    libreoffice-writer-nogui poppler-utils python3-venv >/dev/null
fi
if [ ! -x "$tools/py/bin/python" ] || ! "$tools/py/bin/python" -c 'import docx, feedparser' 2>/dev/null; then
  step "installing python-docx and feedparser"
  mkdir -p "$tools"
  python3 -m venv "$tools/py"
  "$tools/py/bin/pip" install -q python-docx feedparser
fi

step "export the examples as Word documents with every feed"
cargo build -q
SOURCE_DATE_EPOCH=1798761600 target/debug/jobpost export examples --out "$work/site" \
  --format docx,html --base-url https://jobs.example/ --feeds indeed,linkedin,atom

step "python-docx and feedparser"
"$tools/py/bin/python" - "$work/site" <<'PY'
import json, pathlib, sys, xml.etree.ElementTree as ET
import docx, feedparser

site = pathlib.Path(sys.argv[1])
index = {p["files"]["docx"]: p for p in json.loads((site / "index.json").read_text())["postings"]}
assert index, "no Word documents in index.json"
for rel, posting in index.items():
    d = docx.Document(str(site / rel))
    styles = [p.style.name for p in d.paragraphs]
    assert styles[0] == "Heading 1" and d.paragraphs[0].text == posting["title"], (rel, styles[0])
    assert styles.count("Heading 2") >= 4, (rel, styles)
    bullets = [p for p in d.paragraphs if p.style.name == "List Bullet"]
    assert bullets and all(p._p.pPr.numPr is not None for p in bullets), rel
    num_id = bullets[0]._p.pPr.numPr.numId.val
    numbering = d.part.numbering_part.element
    ns = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
    fmt = numbering.xpath(f'//w:abstractNum[@w:abstractNumId=//w:num[@w:numId="{num_id}"]/w:abstractNumId/@w:val]/w:lvl[@w:ilvl="0"]/w:numFmt/@w:val')
    assert fmt == ["bullet"], (rel, fmt)
    facts = {r.cells[0].text: r.cells[1].text for r in d.tables[0].rows}
    # A careers page mixing currencies names each dollar (CA$); the posting's own documents do not.
    pay = posting["pay"].replace("CA$", "$").replace("US$", "$")
    # The facts table's labels are in the posting's language ("Pay", "Vergütung"):
    # the pay is the value that equals the careers page's.
    assert pay in facts.values(), (rel, facts, posting["pay"])
    print(f"ok {rel}: {len(bullets)} bullets, pay {pay}")

atom = feedparser.parse(str(site / "feeds/atom.xml"))
assert not atom.bozo and atom.version == "atom10", atom.get("bozo_exception")
assert len(atom.entries) == len(index), len(atom.entries)
assert all(e.link.startswith("https://jobs.example/") and e.updated for e in atom.entries)
print(f"ok atom: {len(atom.entries)} entries")
required = {
    "indeed": ["title", "date", "referencenumber", "requisitionid", "url", "company", "city", "country", "description"],
    "linkedin": ["partnerJobId", "company", "title", "description", "applyUrl", "country"],
}
for board, names in required.items():
    jobs = ET.parse(site / f"feeds/{board}.xml").getroot().findall("job")
    assert len(jobs) == len(index), (board, len(jobs))
    for job in jobs:
        missing = [n for n in names if not (job.findtext(n) or "").strip()]
        assert not missing, (board, missing)
    print(f"ok {board}: {len(jobs)} jobs")
PY

step "LibreOffice: every Word document to PDF"
# A LibreOffice profile of its own, so a desktop session's settings play no part.
(cd "$work/site" && soffice "-env:UserInstallation=file://$tools/lo-profile" --headless \
  --convert-to pdf --outdir "$work/pdf" ./*.docx >"$work/soffice.log" 2>&1) || true
for docx in "$work"/site/*.docx; do
  name=$(basename "$docx" .docx)
  title=$(python3 -c 'import json,sys; print(next(p["title"] for p in json.load(open(sys.argv[1]))["postings"] if p["files"]["docx"]==sys.argv[2]))' "$work/site/index.json" "$name.docx")
  # Read whole first: `grep -q` stopping early would give pdftotext a SIGPIPE,
  # which pipefail counts as a failure.
  text=$(pdftotext "$work/pdf/$name.pdf" - 2>/dev/null || true)
  grep -qF "$title" <<<"$text" || {
    echo "$name.pdf lacks its title"
    cat "$work/soffice.log"
    exit 1
  }
  echo "ok $name.pdf"
done
if [ -n "${1:-}" ]; then
  mkdir -p "$1"
  pdftoppm -png -r 70 -f 1 -l 1 "$work/pdf/uk-london-contact-centre.pdf" "$1/word-posting"
  echo "first page: $1/word-posting-1.png"
fi
