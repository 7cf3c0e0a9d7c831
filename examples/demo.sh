#!/usr/bin/env bash
# make demo: the main job end to end on the example data shipped in examples/, in a temporary folder.
# No network: the "shared server" is a bare repository on this machine. What the coordinator issues and
# sends (documents, calendars, notices) is left in demo-out/ at the top of the project, for a person to open.
set -euo pipefail
COORD="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
HERE="$(cd "$(dirname "$0")" && pwd)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/coord-demo.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
OUT="${DEMO_OUT:-$(cd "$HERE/.." && pwd)/demo-out}" # DEMO_OUT: elsewhere (cmd/coord's TestDemo)
rm -rf "$OUT"
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
"$COORD" check --lang en --format json --as-of 2026-09-20 programmes/2026/10/VPDBHD.yaml | head -c 1200 || true; echo

if ! command -v git >/dev/null 2>&1; then
	echo; echo "(git không có trên máy này: bỏ qua phần máy chủ chung — no git here: skipping the shared-server part)"
	exit 0
fi
export GIT_AUTHOR_NAME="Quản trị" GIT_AUTHOR_EMAIL=admin@example.vn GIT_COMMITTER_NAME="Quản trị" GIT_COMMITTER_EMAIL=admin@example.vn

step "6. Kho chung: đưa dữ liệu mẫu lên một kho trần trên máy này (thay cho máy chủ) — the shared repo, a bare repo here"
rm -rf programmes/2026/10
git init -q --bare -b main "$WORK/server.git"
git add -A
GIT_COMMITTER_DATE=2026-06-10T09:00:00+07:00 GIT_AUTHOR_DATE=2026-06-10T09:00:00+07:00 git commit -q -m "Dữ liệu mẫu: chương trình Quý III/2026 của ba văn phòng"
git push -q "$WORK/server.git" main
printf '$ git log --oneline (server)\n'; git --git-dir="$WORK/server.git" log --oneline

step "7. Văn thư VPUBND: coord clone, coord new, coord submit — a clerk clones, starts a programme, submits it"
export COORD_NAME="Hồ Thị Kim Liên" COORD_EMAIL=lien.htk@vpubnd.example.vn COORD_OFFICE=VPUBND
run "$COORD" clone "file://$WORK/server.git" "$WORK/vpubnd"
cd "$WORK/vpubnd"
run "$COORD" new programme --period "quý 4/2026" --as-of 2026-09-01
run "$COORD" submit programmes/2026/Q4/VPUBND.yaml --as-of 2026-09-01
printf '$ git log --format="%%h %%an: %%s" (server)\n'; git --git-dir="$WORK/server.git" log --format='%h %an: %s' | head -3
printf '$ git log -1 --format=%%B (server)\n'; git --git-dir="$WORK/server.git" log -1 --format=%B

step "8. Văn phòng Tỉnh ủy tổng hợp Quý III: coord merge --suggest — the coordinator consolidates and gets proposals"
export COORD_NAME="Lê Thu Hà" COORD_EMAIL=ha.lt@vptu.example.vn COORD_OFFICE=VPTU
run "$COORD" clone "file://$WORK/server.git" "$WORK/vptu"
cd "$WORK/vptu"
run "$COORD" merge --quarter 2026-Q3 --suggest --as-of 2026-06-25

step "9. Chấp nhận đề xuất, giữ một cảnh báo có lý do — accept the proposals, keep a warning with a reason"
run "$COORD" merge --quarter 2026-Q3 --accept --as-of 2026-06-25
run "$COORD" merge --quarter 2026-Q3 --keep VPDBHD.giam-sat-dau-tu-cong-long-thanh --reason "Hai đoàn làm việc ở hai địa điểm khác nhau trong xã" --as-of 2026-06-25

step "10. Thường trực Tỉnh ủy duyệt, ban hành, thông báo — approve, issue (own number, signer), notify; each step pushed"
run "$COORD" approve 2026-Q3 --decision 125-TB/TU --as-of 2026-06-26
run "$COORD" issue 2026-Q3 --number 04-CTr/TU --signer nguyen-thi-thu-hang --as-of 2026-06-29
run "$COORD" notify 2026-Q3 --as-of 2026-06-29 --out "$OUT/thong-bao"
printf '$ ls issued/2026/Q3\n'; ls issued/2026/Q3
printf '$ head -24 %s\n' "$OUT/thong-bao/VPUBND.md"; head -24 "$OUT/thong-bao/VPUBND.md"
printf '$ git log --oneline (server)\n'; git --git-dir="$WORK/server.git" log --oneline | head -8

step "11. Sau khi ban hành, coord check trên kho chung không còn lỗi — after issuing, CI on the shared repo is green"
run "$COORD" check --as-of 2026-06-29

step "12. Kết luận, nhiệm vụ cần đôn đốc, văn bản đến — conclusions, tasks to chase, the reminder, the inbox, search"
run "$COORD" tasks --as-of 2026-09-15 --overdue
run "$COORD" task update 'ket-luan-btv-thang-8#de-an-sap-xep-co-quan-tham-muu' --status done --note "Ban Tổ chức Tỉnh ủy đã trình đề án" --as-of 2026-09-18
run "$COORD" tasks --as-of 2026-09-21 --digest "$OUT/nhac-viec"
run "$COORD" inbox --office VPUBND --since 01/9/2026 --as-of 2026-09-21
run "$COORD" find quy hoạch --kind conclusion,document

step "13. Đơn thư: cùng một người gửi hai văn phòng, tìm ra mà không giải mã; người có khóa mới đọc được — petitions"
run "$COORD" petition dups
COORD_AGE_IDENTITY="$HERE/keys/VPUBND.agekey" run "$COORD" petition show VPUBND-2026-000123
COORD_AGE_IDENTITY="$HERE/keys/VPUBND.agekey" run "$COORD" petition show VPTU-2026-000052

mkdir -p "$OUT"
cp -R issued/2026/Q3/. "$OUT/"

step "14. Báo cáo số liệu phối hợp Quý III, có bảng và biểu đồ — the quarter's report with figures and charts"
run "$COORD" report --quarter 2026-Q3 --format html --out "$OUT/bao-cao" --as-of 2026-10-01
run "$COORD" report --quarter 2026-Q3 --as-of 2026-10-01 2>/dev/null | sed -n '1,24p'

step "Kết quả để mở — what the demo made, in demo-out/"
(
	cd "$OUT"
	describe() {
		case "$1" in
		*.docx) echo "văn bản ban hành (Word, thể thức Hướng dẫn 36-HD/VPTW) — the issued document" ;;
		*.xlsx) echo "bảng tính để lọc và in — the workbook clerks filter and print" ;;
		bao-cao/*.html) echo "báo cáo số liệu Quý III, bảng và biểu đồ — the quarter's report, tables and charts" ;;
		*.html) echo "lịch tuần theo màu văn phòng, mở bằng trình duyệt — the week-by-week calendar page" ;;
		thong-bao/*.md) echo "thông báo gửi một văn phòng — the notice to one office" ;;
		nhac-viec/*.md) echo "nhắc việc đôn đốc nhiệm vụ của một văn phòng — one office's weekly reminder of tasks" ;;
		*.md) echo "bản xem trước để soát (Markdown) — the review copy" ;;
		lich/*.ics) echo "lịch riêng của một lãnh đạo — one leader's calendar feed" ;;
		*.ics) echo "lịch chung cho Outlook/Google/điện thoại — the calendar feed of the whole programme" ;;
		esac
	}
	find . -type f | sed 's#^\./##' | sort | while read -r f; do
		case "$f" in lich/*) [ "$f" = "$(find lich -type f | sort | head -1)" ] || continue ;; esac
		printf '  demo-out/%-48s %s\n' "$f" "$(describe "$f")"
	done
	printf '  demo-out/lich/ holds %s calendars, one per leader\n' "$(find lich -type f | wc -l)"
)
printf "\nBáo cáo Quý III, mở bằng trình duyệt — the quarter's report, open it in a browser:\n  %s\n" "$OUT/bao-cao/bao-cao-2026-Q3.html"
