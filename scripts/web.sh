#!/usr/bin/env bash
# web.sh — builds the dashboard and the GraphiQL IDE from web/src into web/dist, with the npm
# packages pinned in web/package-lock.json. web/dist is committed and embedded in the binary,
# so that Go alone builds and serves the pages.
#
#   scripts/web.sh build   install the pinned packages (npm ci), type-check, bundle into web/dist
#   scripts/web.sh check   the same, then fail if web/dist differs from what is committed
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../web"

mode=${1:-build}
case $mode in build | check) ;; *)
	echo "usage: scripts/web.sh build|check" >&2
	exit 2
	;;
esac
npm ci --no-audit --no-fund --loglevel=error
npm run build --silent
if [[ $mode == check ]]; then
	if ! git diff --quiet -- dist || [[ -n $(git ls-files --others --exclude-standard -- dist) ]]; then
		echo "web.sh: web/dist differs from a fresh build of web/src (run scripts/web.sh build and commit web/dist):" >&2
		git status --short -- dist >&2
		exit 1
	fi
fi
