#!/usr/bin/env bash
# Glossary interop: what trad writes must read back the same in
# translate-toolkit (tbx-terms) and OmegaT 3.6 (omegat-glossary).
# Needs $TRAD (a trad binary) and $SHARED (../shared); run by .ci/run.
set -euo pipefail
: "${TRAD:?set TRAD to a trad binary}" "${SHARED:?set SHARED to the shared folder}"
checks="$SHARED/checks"
if ! "$TRAD" glossary --help >/dev/null 2>&1; then
	echo "glossary.sh: FAIL: $TRAD has no 'glossary' command (newGlossaryCmd is not registered in cmd/trad/root.go)" >&2
	exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# What the checks print: fields with \ TAB LF CR escaped; OmegaT always
# prints three columns.
esc() { sed 's/\\/\\\\/g'; }
three() { awk -F'\t' 'BEGIN{OFS="\t"} {print $1, $2, $3}'; }

fail=0
compare() { # name want got
	if ! diff -u "$2" "$3" >"$tmp/diff"; then
		echo "glossary.sh: FAIL: $1 differs from what trad wrote:" >&2
		head -40 "$tmp/diff" >&2
		fail=1
	else
		echo "glossary.sh: ok: $1 ($(wc -l <"$3") lines)"
	fi
}

# The built-in glossary as trad's own fr-en pairs (OmegaT layout).
"$TRAD" glossary convert --from fr --to en builtin "$tmp/builtin.utf8"
cut -f1,2 "$tmp/builtin.utf8" | esc >"$tmp/want.pairs"

# TBX 2008: DTD-valid, and translate-toolkit reads the same pairs.
"$TRAD" glossary convert builtin "$tmp/builtin.tbx"
"$checks/tbx-terms" "$tmp/builtin.tbx" fr en >"$tmp/tt.pairs"
compare "tbx-terms on TBX 2008" "$tmp/want.pairs" "$tmp/tt.pairs"

# TBX v3: RNG-valid, same pairs.
"$TRAD" glossary convert --format tbx3 builtin "$tmp/builtin-v3.tbx"
"$checks/tbx-terms" "$tmp/builtin-v3.tbx" fr en >"$tmp/tt3.pairs"
compare "tbx-terms on TBX v3" "$tmp/want.pairs" "$tmp/tt3.pairs"

# OmegaT reads trad's tab-separated file line for line, comments included.
three <"$tmp/builtin.utf8" | esc >"$tmp/want.omegat"
"$checks/omegat-glossary" "$tmp/builtin.utf8" >"$tmp/omegat.tsv"
compare "OmegaT on the .utf8 file" "$tmp/want.omegat" "$tmp/omegat.tsv"

# OmegaT reads trad's TBX 2008 with the same term pairs.
"$checks/omegat-glossary" --src fr-FR --tgt en-GB "$tmp/builtin.tbx" | cut -f1,2 >"$tmp/omegat-tbx.pairs"
compare "OmegaT on the TBX file" "$tmp/want.pairs" "$tmp/omegat-tbx.pairs"

exit $fail
