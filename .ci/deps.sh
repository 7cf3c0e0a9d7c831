#!/usr/bin/env bash
# Installs the Debian packages that coord's rendering tests need: Chromium (HTML screenshots), LibreOffice
# Writer and Calc (DOCX and XLSX -> PDF), poppler-utils (pdftotext, pdftoppm) and fonts with Vietnamese glyphs,
# git, and OpenSSH's server (pkg/gitrepo's SSH tests run a real sshd on loopback). Idempotent: it
# does nothing when every tool is already there. Non-interactive; needs root (or sudo) and apt-get.
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

if [ ${#need[@]} -eq 0 ]; then
	echo "deps: chromium, soffice, pdftotext, pdftoppm, fonts, git and sshd present"
	exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
	echo "deps: missing ${need[*]} and no apt-get here; install them by hand (or set COORD_SKIP_EXTERNAL=1)" >&2
	exit 2
fi

sudo=""
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
