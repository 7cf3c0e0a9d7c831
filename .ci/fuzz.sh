#!/usr/bin/env bash
# Runs every fuzz target of the project briefly (FUZZTIME each). A failing input the fuzzer finds is written under
# the package's testdata/fuzz and fails the run; a fuzzing run that breaks down without one (a worker killed on a
# starved machine) is retried once, so only real findings fail CI.
set -euo pipefail
FUZZTIME="${FUZZTIME:-5s}"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
for f in $(grep -rl --include='*_test.go' '^func Fuzz' pkg schema | sort); do
	dir=$(dirname "$f")
	for t in $(grep -ho '^func Fuzz[A-Za-z0-9_]*' "$f" | sed 's/func //'); do
		echo "fuzz ./$dir $t ($FUZZTIME)"
		for attempt in 1 2; do
			if go test "./$dir" -run '^$' -fuzz "^$t\$" -fuzztime "$FUZZTIME" >"$log" 2>&1; then
				break
			fi
			cat "$log"
			if grep -q 'Failing input written to' "$log" || [ "$attempt" = 2 ]; then
				echo "fuzz: $t in ./$dir failed" >&2
				exit 1
			fi
			echo "fuzz: $t broke down without a failing input; retrying once"
		done
	done
done
