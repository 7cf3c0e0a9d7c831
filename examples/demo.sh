#!/usr/bin/env bash
# make demo: the main job end to end on the example data shipped in examples/, in a temporary folder.
# No network: the "shared server" is a bare repository on this machine.
set -euo pipefail
COORD="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
HERE="$(cd "$(dirname "$0")" && pwd)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/coord-demo.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
run() { printf '$ %s\n' "$*"; "$@" || printf '(exit %s)\n' "$?"; }

step "1. Tạo kho dữ liệu mẫu của tỉnh — create the example province's data repo"
run "$COORD" init "$WORK/repo" --example
cd "$WORK/repo"

step "2. coord check: những gì văn thư sẽ thấy — what a clerk sees (as of 15/6/2026)"
run "$COORD" check --as-of 2026-06-15

step "3. Một bản nháp của văn thư, đặt sai chỗ, nhập ngày kiểu Việt Nam — a clerk's draft with typical mistakes"
mkdir -p programmes/2026/10
cp "$HERE/drafts/VPDBHD-2026-10.yaml" programmes/2026/10/VPDBHD.yaml
run "$COORD" check --as-of 2026-09-20 programmes/2026/10/VPDBHD.yaml

step "4. coord fmt viết lại ngày giờ và Unicode theo dạng chuẩn — coord fmt rewrites dates, times and Unicode"
run "$COORD" fmt programmes/2026/10/VPDBHD.yaml
run "$COORD" check --as-of 2026-09-20 programmes/2026/10/VPDBHD.yaml

step "5. Bằng tiếng Anh, dạng JSON cho CI — in English, JSON for CI"
"$COORD" check --lang en --format json --as-of 2026-09-20 programmes/2026/10/VPDBHD.yaml | head -c 1200; echo
