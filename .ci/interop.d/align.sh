#!/usr/bin/env bash
# Sentence alignment: score `trad align --sentences` on the shared
# German–French development text with the shared score.py; print the
# scores and fail only when strict F1 falls under a floor a little below
# the figure in BENCHMARKS.md. Needs $TRAD and $SHARED; skips without data.
set -euo pipefail
: "${TRAD:?set TRAD to the trad binary}"
dir="${SHARED:-../shared}/eval/align"
floor=0.82
if [ ! -f "$dir/score.py" ]; then
	echo "align.sh: $dir/score.py not found, skipped"
	exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$TRAD" align --sentences --from de --to fr "$dir/tb-dev-de-fr.de" "$dir/tb-dev-de-fr.fr" >"$tmp/dev.links"
out=$(python3 "$dir/score.py" -g "$dir/tb-dev-de-fr.gold" -t "$tmp/dev.links")
echo "$out"
f1=$(echo "$out" | awk '$2 == "F1" { print $4 }')
if [ -z "$f1" ] || ! awk -v f="$f1" -v min="$floor" 'BEGIN { exit !(f >= min) }'; then
	echo "align.sh: FAIL: strict F1 ${f1:-?} on tb-dev-de-fr, want ≥ $floor"
	exit 1
fi
echo "align.sh: ok: strict F1 $f1 (floor $floor)"
