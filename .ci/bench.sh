#!/usr/bin/env bash
# make bench: the figures the README records. Speed is measured here, never asserted in tests.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(date -u +%Y-%m-%d)"
echo
echo "== coord check on a synthetic repo of 100,000 records"
go test ./pkg/cmd/check -run '^$' -bench BenchmarkCheck -benchtime 3x
echo
echo "== coord check --changed HEAD~1 of one programme in a git clone of the 100,000-record repo (target < 0.3 s)"
go test ./pkg/cmd/check -run '^$' -bench BenchmarkCheckChanged -benchtime 5x
echo "== coord check with 2,000 items in one slot (one person, one venue): one finding per clash (pkg/rules)"
go test ./pkg/rules -run '^$' -bench SameSlot2000 -benchtime 5x
echo
echo "== overlap detection and joint merging (pkg/schedule)"
go test ./pkg/schedule -run '^$' -bench . -benchtime 2s
echo
echo "== record decoding: one programme of 3,334 items"
go test ./pkg/record -run '^$' -bench DecodeProgramme -benchmem
echo
echo "== coord merge of a quarter: 10,000 items, 300 leaders (in process)"
go test ./pkg/cmd/merge -run '^$' -bench Merge -benchtime 5x
echo
echo "== coord merge of a quarter, the binary end to end, in a repo of 100,000 other records"
go run ./pkg/cmd/merge/internal/benchmerge -coord bin/coord -records 100000 -rounds 9
echo
echo "== coord submit vs git add && git commit && git push, repo of 100,000 records with a commit each"
go run ./pkg/gitrepo/internal/benchsubmit -coord bin/coord -records 100000 -rounds 9
echo
echo "== wall time, CPU time and peak memory (peak RSS) of coord check, merge and submit, the binary, repo of 100,000 records"
go run ./pkg/cmd/internal/benchpeak -coord bin/coord -records 100000 -rounds 5
