#!/usr/bin/env bash
# Word and LibreOffice documents: the shared samples (*.docx, *.odt) go
# through the trad binary and are opened with pandoc and LibreOffice.
#  1. `trad export SAMPLE --format target` with nothing translated must give
#     a document pandoc reads to the very same tree as the source;
#  2. the package tests translate every sample and the generated documents
#     and compare pandoc's trees with the text blanked, then convert every
#     translation to PDF with LibreOffice.
# Needs $TRAD (the trad binary) and $SHARED (../shared); skips without data.
set -euo pipefail
: "${TRAD:?set TRAD to the trad binary}"
samples="${SHARED:-../shared}/formats/samples/articles"
shopt -s nullglob
files=("$samples"/*.docx "$samples"/*.odt)
if [ ${#files[@]} -eq 0 ]; then
	echo "office: no .docx/.odt in $samples, skipped"
	exit 0
fi
for tool in pandoc soffice; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "office: FAIL: $tool not installed (.ci/run installs libreoffice-writer-nogui and pandoc)"
		exit 1
	fi
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
for f in "${files[@]}"; do
	base=$(basename "$f")
	ext="${base##*.}"
	cp "$f" "$work/$base"
	out="$work/out-$base"
	"$TRAD" export "$work/$base" --format target -o "$out" 2>/dev/null
	if ! cmp -s <(pandoc -f "$ext" -t json "$f") <(pandoc -f "$ext" -t json "$out"); then
		echo "office: FAIL: $base: pandoc reads the untranslated export differently from the source"
		status=1
	fi
	filter="MS Word 2007 XML"
	[ "$ext" = odt ] && filter=writer8
	soffice -env:UserInstallation="file://$work/profile" --headless --infilter="$filter" --convert-to pdf --outdir "$work/pdf" "$out" >/dev/null 2>&1 || true
	# soffice exits 0 even when it cannot load a file: the PDF must exist.
	if [ ! -s "$work/pdf/out-${base%.*}.pdf" ]; then
		echo "office: FAIL: $base: LibreOffice cannot convert trad's export to PDF"
		status=1
	fi
	echo "office: $base ok"
done
# The translated documents (every segment translated, tags kept).
TRAD_SHARED="${SHARED:-../shared}" CI=true go test -count=1 -run 'TestPandocSeesTheSameStructure|TestLibreOfficeOpensTheTranslation' ./office/ || status=1
exit $status
