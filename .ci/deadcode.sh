#!/usr/bin/env bash
# Unreachable functions (golang.org/x/tools/cmd/deadcode, from main): none may remain but the ones listed in
# .ci/deadcode-allow.txt, each with its reason. The git test servers (pkg/gitrepo/gittest), the external
# programs' runner (pkg/internal/testtool) and the test file trees (pkg/internal/testtree) exist for tests.
set -euo pipefail
deadcode="$1"
out=$("$deadcode" ./... | grep -v -e '^pkg/gitrepo/gittest/' -e '^pkg/internal/testtool/' -e '^pkg/internal/testtree/' || true)
allow=$(grep -v '^#' .ci/deadcode-allow.txt | sed -n 's/^\([^ ]*\) .*/\1/p')
left=""
while IFS= read -r line; do
	[ -z "$line" ] && continue
	fn=${line##*unreachable func: }
	file=${line%%:*}
	if ! grep -qxF "$file:$fn" <<<"$allow"; then
		left+="$line"$'\n'
	fi
done <<<"$out"
if [ -n "$left" ]; then
	printf '%s' "$left"
	echo "deadcode: the functions above are never called by coord; remove them, or list them in .ci/deadcode-allow.txt with the reason" >&2
	exit 1
fi
