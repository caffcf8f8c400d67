#!/usr/bin/env bash
# Score `trad segment -` on the shared French gold data with segeval.py.
# Fails if fr-challenge is not passed entirely (65/65); prints the others.
# Needs $TRAD (the trad binary) and $SHARED (../shared); skips without data.
set -euo pipefail
: "${TRAD:?set TRAD to the trad binary}"
eval_dir="${SHARED:-../shared}/eval"
if [ ! -f "$eval_dir/segeval.py" ]; then
	echo "segeval: $eval_dir/segeval.py not found, skipped"
	exit 0
fi
cmd="trad=$TRAD segment -"
status=0
for f in fr-ud-gsd-dev fr-ud-gsd-test fr-golden-rules; do
	python3 "$eval_dir/segeval.py" -c "$cmd" --tp none "$eval_dir/$f.jsonl" | tail -n +3 || status=1
done
out=$(python3 "$eval_dir/segeval.py" -c "$cmd" --tp-mb 2 --tp-runs 1 --show-errors 20 "$eval_dir/fr-challenge.jsonl") || status=1
echo "$out" | tail -n +3
# The row is "trad  fr-challenge  P R F1 exact% ...": exact% must be 100.
exact=$(echo "$out" | awk '$1 == "trad" && $2 == "fr-challenge" { print $6 }')
if [ "$exact" != "100.0" ]; then
	echo "segeval: FAIL: fr-challenge exact% = ${exact:-?}, want 100.0 (all 65 cases)"
	exit 1
fi
exit $status
