#!/usr/bin/env bash
# make bench: coord measured side by side with its peers (ajv-cli, git status, the git CLI), the table written
# into README.md between its markers (pkg/cmd/internal/benchpeak). Speed is measured here, never asserted in
# tests. BENCH_SIZES (default 10000,100000,1000000) and BENCH_ROUNDS (default 5) tune it; the 1,000,000-record
# repo takes some 5 GB of disk twice over and most of an hour on a 2-core machine. BENCH_REPOS=DIR keeps the repos
# in DIR (DIR/<records>/remote.git and clone) and uses them again in the next run, so that the 1,000,000-record
# repo is made once.
set -euo pipefail
cd "$(dirname "$0")/.."
# ajv-cli and ajv-formats from the npm registry, pinned, into bin/ajv (git-ignored), once.
AJV=bin/ajv
if [ ! -f "$AJV/node_modules/ajv-cli/package.json" ] || [ ! -f "$AJV/node_modules/ajv-formats/package.json" ]; then
	mkdir -p "$AJV"
	[ -f "$AJV/package.json" ] || echo '{"private": true}' > "$AJV/package.json"
	npm install --prefix "$AJV" --no-audit --no-fund --silent ajv-cli@5.0.0 ajv-formats@2.1.1
fi
cp .ci/ajv-core-yaml.js "$AJV/core-yaml.js"
go run ./pkg/cmd/internal/benchpeak -coord bin/coord -ajv "$AJV" -readme README.md \
	-sizes "${BENCH_SIZES:-10000,100000,1000000}" -rounds "${BENCH_ROUNDS:-5}"
