#!/usr/bin/env bash
# deps.sh [PACKAGE...] - install the Debian 12 packages fwsim needs to build
# (and any extra ones given) if they are not installed yet.  Sourced or run
# by the quick-start scripts; needs root (or sudo) only when something is
# missing.
set -euo pipefail

need=(build-essential cmake pkg-config libyaml-dev libcjson-dev libgraphviz-dev "$@")
missing=()
for p in "${need[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
		missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
	echo "fwsim: installing ${missing[*]}" >&2
	sudo=
	[ "$(id -u)" = 0 ] || sudo=sudo
	$sudo apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
		"${missing[@]}" >/dev/null
fi
