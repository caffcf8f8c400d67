#!/usr/bin/env bash
# Interop checks of trad's exports with the tools translators use (see
# ../shared/checks/README.md): the fixture projects in bitext/testdata/project
# are exported in every format and each file is checked by a third-party
# reader; a mismatch fails. Needs $TRAD (the trad binary) and $SHARED.
set -euo pipefail
: "${TRAD:?set TRAD to the trad binary}"
SHARED=${SHARED:-../shared}
checks=$SHARED/checks formats=$SHARED/formats
here=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/trad-bitext.XXXXXX")
# BITEXT_KEEP=1 keeps the exported files for a look.
trap 'if [ -n "${BITEXT_KEEP:-}" ]; then echo "bitext: files kept in $work"; else rm -rf "$work"; fi' EXIT
if ! "$TRAD" export --help >/dev/null 2>&1; then
	echo "bitext: FAIL: $TRAD has no export command (register it in cmd/trad/root.go)"
	exit 1
fi
cp "$here"/bitext/testdata/project/* "$work"/
cd "$work"
fail=0
bad() { echo "bitext: FAIL: $*"; fail=1; }
ok() { echo "bitext: ok: $*"; }

# pairs_from_tsv FILE: the source<TAB>target lines that have a target, as
# tmx-pairs prints them, from trad's TSV export (source, target, status).
pairs_from_tsv() { awk -F'\t' '$2 != "" { print $1 "\t" $2 }' "$1"; }

for project in note.fr.trad.json article.fr.trad.json; do
	name=${project%.trad.json}
	# TMX: DTD + spec rules, translate-toolkit pairs, sentence and paragraph.
	for level in sentence paragraph; do
		"$TRAD" export "$project" --tmx-level "$level" -o "$name.$level.tmx" 2>/dev/null
		"$checks/tmx-validate" --strict "$name.$level.tmx" >/dev/null && ok "$name.$level.tmx valid" ||
			{ "$checks/tmx-validate" --strict "$name.$level.tmx"; bad "$name.$level.tmx invalid"; }
	done
	"$TRAD" export "$project" -o "$name.tsv" 2>/dev/null
	[ -s "$name.tsv" ] && [ -n "$(pairs_from_tsv "$name.tsv")" ] || bad "$name: the fixture exports no pair"
	if "$checks/tmx-pairs" "$name.sentence.tmx" fr en >"$name.pairs" 2>/dev/null &&
		diff <(pairs_from_tsv "$name.tsv") "$name.pairs" >/dev/null; then
		ok "$name: translate-toolkit reads the exported pairs"
	else
		diff <(pairs_from_tsv "$name.tsv") "$name.pairs" || true
		bad "$name: tmx-pairs differs from the export"
	fi

	# XLIFF 2.1, 2.0 and 1.2 against the OASIS schemas.
	for v in 2.1 2.0 1.2; do
		case $v in
		2.1) xsd=$formats/xliff21/xliff_core_2.0.xsd ;;
		2.0) xsd=$formats/xliff20/xliff_core_2.0.xsd ;;
		1.2) xsd=$formats/xliff12/xliff-core-1.2-strict.xsd ;;
		esac
		"$TRAD" export "$project" --all --xliff-version "$v" -o "$name.$v.xlf" 2>/dev/null
		if XML_CATALOG_FILES=$formats/catalog.xml xmllint --noout --schema "$xsd" "$name.$v.xlf" 2>"$name.$v.err"; then
			ok "$name.$v.xlf valid"
		else
			cat "$name.$v.err"; bad "$name.$v.xlf invalid against $xsd"
		fi
	done

	# Markdown table: markdown-it reads back the exported cells (a line
	# break is written as <br>, which md-table prints verbatim).
	"$TRAD" export "$project" -o "$name.table.md" 2>/dev/null
	"$checks/md-table" "$name.table.md" 2>/dev/null | tail -n +2 | sed '/^$/d' | cut -f2,3 >"$name.cells"
	awk -F'\t' '{ print $1 "\t" $2 }' "$name.tsv" | sed 's/\\n/<br>/g' >"$name.want-cells"
	if diff "$name.want-cells" "$name.cells" >/dev/null; then
		ok "$name.table.md: markdown-it reads the same cells"
	else
		diff "$name.want-cells" "$name.cells" || true
		bad "$name.table.md: md-table cells differ from the project"
	fi

	# XLIFF comes home: importing the export leaves the project as it was.
	"$TRAD" import "$name.2.1.xlf" --project "$project" 2>/dev/null
	"$TRAD" export "$project" -o "$name.after.tsv" 2>/dev/null
	cmp -s "$name.tsv" "$name.after.tsv" && ok "$name: XLIFF import round trip" || bad "$name: XLIFF import changed the project"
done

# Inline tags: --tmx-tags writes TMX level 2 (bpt/ept/it/ph) valid against
# the DTD and the strict rules; importing it into a fresh project of the
# same article gives back the translated document with every link and code.
"$TRAD" export tags.fr.trad.json --tmx-tags -o tags.tmx 2>/dev/null
"$checks/tmx-validate" --strict tags.tmx >/dev/null && ok "tags.tmx (level 2) valid" ||
	{ "$checks/tmx-validate" --strict tags.tmx; bad "tags.tmx (level 2) invalid"; }
xmllint --noout --dtdvalid "$formats/tmx/tmx14.dtd" tags.tmx 2>tags.err && ok "tags.tmx valid against tmx14.dtd" ||
	{ cat tags.err; bad "tags.tmx invalid against tmx14.dtd"; }
grep -q '<bpt i="2" x="2" type="link">\[</bpt>' tags.tmx || bad "tags.tmx: no level 2 link code"
mkdir fresh && cp tags.fr.md fresh/
"$TRAD" import tags.tmx fresh/tags.fr.md 2>/dev/null
"$TRAD" export tags.fr.trad.json --format target >tags.want.md 2>/dev/null
"$TRAD" export fresh/tags.fr.trad.json --all --format target >tags.after.md 2>/dev/null
cmp -s tags.want.md tags.after.md && ok "tags: TMX level 2 import round trip" ||
	{ diff tags.want.md tags.after.md || true; bad "tags: TMX level 2 import lost tags"; }
# XLIFF inline codes (2.1 <originalData>/<pc>/<ph>, 1.2 <g>/<x>) against the
# schemas, and back through trad import into a fresh project.
for v in 2.1 1.2; do
	case $v in
	2.1) xsd=$formats/xliff21/xliff_core_2.0.xsd ;;
	1.2) xsd=$formats/xliff12/xliff-core-1.2-strict.xsd ;;
	esac
	"$TRAD" export tags.fr.trad.json --xliff-version "$v" -o "tags.$v.xlf" 2>/dev/null
	XML_CATALOG_FILES=$formats/catalog.xml xmllint --noout --schema "$xsd" "tags.$v.xlf" 2>"tags.$v.err" &&
		ok "tags.$v.xlf valid" || { cat "tags.$v.err"; bad "tags.$v.xlf invalid against $xsd"; }
	rm -rf "fresh$v" && mkdir "fresh$v" && cp tags.fr.md "fresh$v/"
	"$TRAD" import "tags.$v.xlf" "fresh$v/tags.fr.md" 2>/dev/null
	"$TRAD" export "fresh$v/tags.fr.trad.json" --format target >"tags.$v.md" 2>/dev/null
	cmp -s tags.want.md "tags.$v.md" && ok "tags: XLIFF $v import round trip" ||
		{ diff tags.want.md "tags.$v.md" || true; bad "tags: XLIFF $v import lost tags"; }
done

# Notes: a note brought in by XLIFF 1.2 goes out in TMX <note>, XLIFF 2.1
# <notes> and the Markdown parallel layout's [^trad-sN]: lines (each valid),
# and each brings it back into a fresh project of the same article.
mkdir notes && cp article.fr.md notes/
"$TRAD" export article.fr.trad.json --xliff-version 1.2 -o notes/in.xlf 2>/dev/null
awk 'done != 1 && /<\/trans-unit>/ { print "          <note>à vérifier | *gras* &amp; &lt;br&gt;</note>"; done = 1 } { print }' notes/in.xlf >notes/in2.xlf
"$TRAD" import notes/in2.xlf notes/article.fr.md 2>/dev/null
"$TRAD" export notes/article.fr.trad.json -o notes/out.tmx 2>/dev/null
"$TRAD" export notes/article.fr.trad.json -o notes/out.xlf 2>/dev/null
"$TRAD" export notes/article.fr.trad.json --md-layout parallel -o notes/out.md 2>/dev/null
"$checks/tmx-validate" --strict notes/out.tmx >/dev/null && ok "notes: TMX valid" || bad "notes: TMX invalid"
XML_CATALOG_FILES=$formats/catalog.xml xmllint --noout --schema "$formats/xliff21/xliff_core_2.0.xsd" notes/out.xlf 2>/dev/null &&
	ok "notes: XLIFF 2.1 valid" || bad "notes: XLIFF 2.1 invalid"
# The project is read as JSON: its layout (indented, compact lines, HTML
# escapes) is not what this checks.
want_note='à vérifier | *gras* & <br>'
has_note() {
	python3 -c 'import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
sys.exit(0 if any(s.get("note") == sys.argv[2] for s in d.get("segments", [])) else 1)' "$1" "$want_note"
}
has_note notes/article.fr.trad.json || bad "notes: the XLIFF 1.2 import did not set the note"
for f in out.tmx out.xlf out.md; do
	rm -rf "notes/$f.d" && mkdir "notes/$f.d" && cp article.fr.md "notes/$f.d/"
	"$TRAD" import "notes/$f" "notes/$f.d/article.fr.md" 2>/dev/null
	has_note "notes/$f.d/article.fr.trad.json" && ok "notes: $f brings the note back" ||
		bad "notes: $f lost the note"
done

# Context props (Options.Context, as tm's user memory writes them): the
# golden file stays valid, and translate-toolkit reads the same pairs as
# from the same file without them.
ctx=$here/bitext/testdata/golden/fixture-context.tmx
"$checks/tmx-validate" --strict "$ctx" >/dev/null && ok "fixture-context.tmx valid" ||
	{ "$checks/tmx-validate" --strict "$ctx"; bad "fixture-context.tmx invalid"; }
grep -v '<prop type="\(prev\|next\)">' "$ctx" >nocontext.tmx
if "$checks/tmx-pairs" "$ctx" fr en >context.pairs 2>/dev/null && [ -s context.pairs ] &&
	"$checks/tmx-pairs" nocontext.tmx fr en 2>/dev/null | cmp -s - context.pairs; then
	ok "translate-toolkit reads the same pairs with context props"
else
	bad "tmx-pairs reads fixture-context.tmx differently with context props"
fi

# OmegaT 3.6 applies every exported pair of the text article as a 100 % match:
# its translated file is trad's own translated document.
"$TRAD" export note.fr.trad.json -o note.tmx 2>/dev/null
"$TRAD" export note.fr.trad.json --format target >note.en.txt 2>/dev/null
if "$checks/omegat-tm-import" --src fr --tgt en --expect note.en.txt note.tmx note.fr.txt >/dev/null 2>note.omegat.err; then
	ok "OmegaT applies every exported pair"
else
	cat note.omegat.err; bad "OmegaT did not apply the TMX as trad did"
fi
exit $fail
