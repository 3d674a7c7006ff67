#!/bin/sh
# install-chromium.sh installs Debian's chromium when it is missing, so that
# the explorer's browser tests (render/web, chromedp) run in CI instead of
# skipping. It does nothing when /usr/bin/chromium is already there.
set -eu
if [ -x /usr/bin/chromium ]; then
	exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
	echo "install-chromium: no apt-get here; install chromium yourself to run the browser tests" >&2
	exit 0
fi
SUDO=
if [ "$(id -u)" != 0 ]; then
	SUDO=sudo
fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium
