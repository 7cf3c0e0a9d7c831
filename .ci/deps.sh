#!/usr/bin/env bash
# Installs the Debian packages that coord's rendering tests need: Chromium (HTML screenshots), LibreOffice
# Writer and Calc (DOCX and XLSX -> PDF), poppler-utils (pdftotext, pdftoppm) and fonts with Vietnamese glyphs,
# git, and OpenSSH's server (pkg/gitrepo's SSH tests run a real sshd on loopback). Idempotent: it
# does nothing when every tool is already there. Non-interactive; needs root (or sudo) and apt-get.
# The CI template tests (pkg/cmd/initcmd) need shellcheck (actionlint runs it on the workflows' scripts),
# curl, and gitlab-ci-local (npm) with rsync, which runs .gitlab-ci.yml on this machine.
set -euo pipefail

need=()
command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || need+=(chromium)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
# Calc converts the issued XLSX in the tests (Writer alone cannot open a workbook).
[ -e /usr/lib/libreoffice/program/libsclo.so ] || need+=(libreoffice-calc-nogui)
command -v pdftotext >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
[ -d /usr/share/fonts/truetype/liberation ] || [ -d /usr/share/fonts/truetype/liberation2 ] || need+=(fonts-liberation)
[ -d /usr/share/fonts/truetype/dejavu ] || need+=(fonts-dejavu)
command -v git >/dev/null 2>&1 || need+=(git)
# sshd serves git over SSH in pkg/gitrepo's tests; its package brings ssh-keygen and the client too.
[ -x /usr/sbin/sshd ] || need+=(openssh-server)
command -v shellcheck >/dev/null 2>&1 || need+=(shellcheck)
command -v curl >/dev/null 2>&1 || need+=(curl ca-certificates)
command -v rsync >/dev/null 2>&1 || need+=(rsync)
command -v npm >/dev/null 2>&1 || need+=(npm)

# gitlab-ci-local 4.72.0: the newest release that runs on Debian's Node.js 20 (4.74 and later call
# Set.prototype.union, which needs Node.js 22).
gcl_version=4.72.0
gcl() {
	[ "$(gitlab-ci-local --version 2>/dev/null)" = "$gcl_version" ] && return 0
	echo "deps: installing gitlab-ci-local@$gcl_version (npm)"
	$sudo npm install -g --no-audit --no-fund "gitlab-ci-local@$gcl_version" >/dev/null
}

sudo=""
if [ ${#need[@]} -eq 0 ]; then
	echo "deps: chromium, soffice, pdftotext, pdftoppm, fonts, git, sshd, shellcheck, curl, rsync and npm present"
	[ "$(id -u)" -eq 0 ] || ! command -v sudo >/dev/null 2>&1 || sudo="sudo"
	gcl
	exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
	echo "deps: missing ${need[*]} and no apt-get here; install them by hand (or set COORD_SKIP_EXTERNAL=1)" >&2
	exit 2
fi

if [ "$(id -u)" -ne 0 ]; then
	if command -v sudo >/dev/null 2>&1; then
		sudo="sudo"
	else
		echo "deps: missing ${need[*]}; run this script as root" >&2
		exit 2
	fi
fi

echo "deps: installing ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
	"${need[@]}"
gcl
