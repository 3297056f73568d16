#!/usr/bin/env bash
# run-case.sh FWSIM CASEDIR - run one CLI golden test.
#
# CASEDIR/cmd holds shell lines run from the repository root, where `fwsim`
# is the binary under test, $CASE the case directory and $TMP a fresh
# scratch directory.  The expected exit status is in CASEDIR/status, and the
# expected output in CASEDIR/stdout and CASEDIR/stderr (each compared only
# if present).  UPDATE_GOLDEN=1 rewrites the expected files from this run.
set -u
bin=$1
case_dir=$(cd "$2" && pwd)
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cd "$root" || exit 2
(
	# FWSIM_RUNNER (e.g. valgrind) wraps every fwsim the case starts
	# through this function.
	fwsim() { ${FWSIM_RUNNER:-} "$bin" "$@"; }
	CASE=$case_dir
	TMP=$tmp
	# shellcheck disable=SC1091
	. "$case_dir/cmd"
) >"$tmp/.stdout" 2>"$tmp/.stderr" </dev/null
status=$?

if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
	echo "$status" >"$case_dir/status"
	cp "$tmp/.stdout" "$case_dir/stdout"
	cp "$tmp/.stderr" "$case_dir/stderr"
	for f in stdout stderr; do
		# Empty, or declared unchecked (any-FILE): no expected file.
		if [ ! -s "$case_dir/$f" ] || [ -f "$case_dir/any-$f" ]; then rm -f "$case_dir/$f"; fi
	done
	echo "updated $case_dir"
	exit 0
fi

fail=0
want=$(cat "$case_dir/status")
if [ "$status" != "$want" ]; then
	echo "exit status $status, expected $want"
	fail=1
fi
for f in stdout stderr; do
	if [ -f "$case_dir/$f" ]; then
		diff -u "$case_dir/$f" "$tmp/.$f" || fail=1
	elif [ -s "$tmp/.$f" ] && [ ! -f "$case_dir/any-$f" ]; then
		echo "unexpected $f:"; cat "$tmp/.$f"; fail=1
	fi
done
[ $fail = 0 ] && echo "ok: $(basename "$case_dir")"
exit $fail
