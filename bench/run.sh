#!/usr/bin/env bash
# fwsim benchmark: fwsim validate vs. a bare libyaml scan vs. PyYAML+networkx.
#
#   bench/run.sh [options] [SIZES...]        (default sizes: 1000 10000 100000 1000000)
#
# Options:
#   --seed S               generator seed (default 1)
#   --runs R               timed runs per contender and size (default 3; median reported)
#   --no-python-above N    skip pyload.py for sizes > N (it needs minutes and GBs at 1M)
#   --fwsim PATH           fwsim binary (default build/fwsim)
#   --scratch DIR          where generated files live (default ${TMPDIR:-/tmp}/fwsim-bench)
#   -h, --help
#
# Generated files are cached in the scratch dir under a name that carries the size,
# the seed and a hash of gen.py, so they are reused only if generated the same way.
# Runs are interleaved (run 1 of every contender, then run 2, ...; the order rotates
# from run to run), the page cache is warmed first, wall time is measured around each
# process with bash's $EPOCHREALTIME (microseconds; /usr/bin/time's %e has only 10 ms
# resolution) and peak RSS comes from /usr/bin/time -f '%e %M' (max over the runs).
# The Markdown table goes to stdout (and to the scratch dir); progress to stderr.
set -euo pipefail
export LC_ALL=C

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH=$ROOT/bench
PY=/usr/bin/python3

SEED=1
RUNS=3
NO_PY_ABOVE=
FWSIM=$ROOT/build/fwsim
SCRATCH=${TMPDIR:-/tmp}/fwsim-bench
SIZES=()

usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; }
die() { echo "run.sh: $*" >&2; exit 2; }
isint() { [[ $1 =~ ^[0-9]+$ ]]; }

while (($#)); do
    case $1 in
    --seed) isint "${2:-}" || die "--seed needs an integer"; SEED=$2; shift 2 ;;
    --runs) isint "${2:-}" && (($2 >= 1)) || die "--runs needs an integer >= 1"; RUNS=$2; shift 2 ;;
    --no-python-above) isint "${2:-}" || die "--no-python-above needs an integer"; NO_PY_ABOVE=$2; shift 2 ;;
    --fwsim) [[ -n ${2:-} ]] || die "--fwsim needs a path"; FWSIM=$2; shift 2 ;;
    --scratch) [[ -n ${2:-} ]] || die "--scratch needs a path"; SCRATCH=$2; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    -*) die "unknown option $1 (see --help)" ;;
    *) isint "$1" && (($1 >= 1)) || die "size must be a positive integer: $1"; SIZES+=("$1"); shift ;;
    esac
done
((${#SIZES[@]})) || SIZES=(1000 10000 100000 1000000)

log() { echo "[run.sh] $*" >&2; }

# --- prerequisites ---------------------------------------------------------
if [[ ! -x /usr/bin/time ]]; then
    log "/usr/bin/time missing: installing Debian package 'time'"
    if [[ $(id -u) -eq 0 ]]; then
        apt-get install -y time >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y time >/dev/null; }
    else
        die "/usr/bin/time not found; run: sudo apt-get install time"
    fi
fi
[[ -x $PY ]] || die "$PY not found"
pkg-config --exists yaml-0.1 || die "libyaml headers missing (Debian: libyaml-dev)"

mkdir -p "$ROOT/build" "$SCRATCH"
YAMLSCAN=$ROOT/build/yamlscan
if [[ ! -x $YAMLSCAN || $BENCH/yamlscan.c -nt $YAMLSCAN ]]; then
    log "building $YAMLSCAN"
    # shellcheck disable=SC2046
    cc -O2 "$BENCH/yamlscan.c" $(pkg-config --cflags --libs yaml-0.1) -o "$YAMLSCAN"
fi

HAVE_FWSIM=1
if [[ ! -x $FWSIM ]]; then
    HAVE_FWSIM=0
    log "NOTE: $FWSIM not found: fwsim is skipped, its columns read 'pending'"
fi
HAVE_PY=1
if ! $PY -c 'import yaml, networkx; assert yaml.__with_libyaml__' 2>/dev/null; then
    HAVE_PY=0
    log "NOTE: python3-yaml (with libyaml) or python3-networkx missing: python is skipped"
fi

GENHASH=$(sha256sum "$BENCH/gen.py" | cut -c1-10)
WORK=$(mktemp -d "$SCRATCH/run.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
# Snapshot the binaries: build/ may be rebuilt (or wiped) while a long run is going on.
cp "$YAMLSCAN" "$WORK/yamlscan" && YAMLSCAN=$WORK/yamlscan
FWSIM_ID=none
if ((HAVE_FWSIM)); then
    FWSIM_ID="sha256 $(sha256sum "$FWSIM" | cut -c1-12), built $(date -u -r "$FWSIM" '+%Y-%m-%d %H:%M UTC')"
    cp "$FWSIM" "$WORK/fwsim" && FWSIM=$WORK/fwsim
fi

# --- helpers -----------------------------------------------------------------
# gen N -> prints the path of the framework file with N steps (generating it if needed)
gen() {
    local n=$1 f="$SCRATCH/fw-$1-seed$SEED-$GENHASH.yaml"
    if [[ ! -s $f ]]; then
        rm -f "$SCRATCH"/fw-"$n"-seed"$SEED"-*.yaml # stale generator versions
        log "generating $n steps -> $f"
        local t0=$EPOCHREALTIME
        "$PY" "$BENCH/gen.py" "$n" --seed "$SEED" >"$f.part" 2>"$WORK/gen.err" ||
            { cat "$WORK/gen.err" >&2; die "gen.py failed"; }
        mv "$f.part" "$f"
        log "  $(cat "$WORK/gen.err") in $(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN{printf "%.1f", b-a}') s"
    fi
    echo "$f"
}

# measure NAME CMD... -> appends "wall rss_kb rc" to $WORK/NAME.res
measure() {
    local name=$1 rc=0 t0 t1 rss
    shift
    t0=$EPOCHREALTIME
    /usr/bin/time -f '%e %M' -o "$WORK/time.out" "$@" >"$WORK/$name.out" 2>"$WORK/$name.err" || rc=$?
    t1=$EPOCHREALTIME
    rss=$(tail -n1 "$WORK/time.out" | awk '{print $2}')
    [[ $rss =~ ^[0-9]+$ ]] || rss=0
    echo "$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.4f", b-a}') $rss $rc" >>"$WORK/$name.res"
    if ((rc != 0)); then
        log "  $name exited $rc; stderr:"
        head -n 5 "$WORK/$name.err" | sed 's/^/    /' >&2
    fi
}

# stats NAME -> "median_s min_s max_s max_rss_kb worst_rc"
stats() {
    local times
    times=$(cut -d' ' -f1 "$WORK/$1.res" | sort -n | tr '\n' ' ')
    awk -v ts="$times" '{if ($2 > m) m = $2; if ($3 != 0) rc = $3}
         END {n = split(ts, t, " ");
              med = (n % 2) ? t[(n + 1) / 2] : (t[n / 2] + t[n / 2 + 1]) / 2;
              printf "%.4f %.4f %.4f %d %d\n", med, t[1], t[n], m, rc + 0}' "$WORK/$1.res"
}

fmt_s() { awk -v x="$1" 'BEGIN{ if (x < 10) printf "%.3f", x; else printf "%.1f", x }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{ if (b > 0) printf "%.2f", a/b; else print "n/a" }'; }
mb() { awk -v x="$1" 'BEGIN{printf "%.1f", x/1e6}'; }

# --- the runs ----------------------------------------------------------------
MACHINE="$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(awk '/^MemTotal:/{printf "%.1f", $2/1048576}' /proc/meminfo) GiB RAM"
LOAD0=$(cut -d' ' -f1-3 /proc/loadavg)
log "machine: $MACHINE; sizes: ${SIZES[*]}; seed $SEED; $RUNS runs each"

ROWS=()
DETAILS=()
for n in "${SIZES[@]}"; do
    f=$(gen "$n")
    bytes=$(stat -c %s "$f")
    cat "$f" >/dev/null # warm the page cache for everyone

    contenders=(yamlscan)
    ((HAVE_FWSIM)) && contenders+=(fwsim)
    py_note=skipped
    if ((HAVE_PY)) && [[ -z $NO_PY_ABOVE || $n -le $NO_PY_ABOVE ]]; then
        contenders+=(python)
    fi
    rm -f "$WORK"/*.res
    nc=${#contenders[@]}
    for ((r = 0; r < RUNS; r++)); do
        for ((k = 0; k < nc; k++)); do
            c=${contenders[(k + r) % nc]}
            log "size $n: run $((r + 1))/$RUNS: $c"
            case $c in
            yamlscan) measure yamlscan "$YAMLSCAN" "$f" ;;
            fwsim) measure fwsim "$FWSIM" validate "$f" ;;
            python) measure python "$PY" "$BENCH/pyload.py" "$f" ;;
            esac
        done
    done

    read -r ys_t ys_min ys_max ys_rss ys_rc < <(stats yamlscan)
    ys_cell=$(fmt_s "$ys_t")
    ((ys_rc == 0)) || ys_cell="$ys_cell (exit $ys_rc)"
    det="| $n | yamlscan | $(fmt_s "$ys_min") / $(fmt_s "$ys_t") / $(fmt_s "$ys_max") | $(mb $((ys_rss * 1024))) | $ys_rc |"
    DETAILS+=("$det")

    if ((HAVE_FWSIM)); then
        read -r fw_t fw_min fw_max fw_rss fw_rc < <(stats fwsim)
        fw_cell=$(fmt_s "$fw_t")
        ((fw_rc == 0)) || fw_cell="$fw_cell (exit $fw_rc!)"
        fw_ratio=$(ratio "$fw_t" "$ys_t")
        fw_rss_cell=$(mb $((fw_rss * 1024)))
        fw_rss_ratio=$(ratio $((fw_rss * 1024)) "$bytes")
        DETAILS+=("| $n | fwsim | $(fmt_s "$fw_min") / $(fmt_s "$fw_t") / $(fmt_s "$fw_max") | $fw_rss_cell | $fw_rc |")
    else
        fw_cell=pending fw_ratio=pending fw_rss_cell=pending fw_rss_ratio=pending
    fi

    if [[ -s $WORK/python.res ]]; then
        read -r py_t py_min py_max py_rss py_rc < <(stats python)
        py_cell=$(fmt_s "$py_t")
        ((py_rc == 0)) || py_cell="$py_cell (exit $py_rc)"
        if ((HAVE_FWSIM)); then py_ratio=$(ratio "$py_t" "$fw_t"); else py_ratio=pending; fi
        DETAILS+=("| $n | python | $(fmt_s "$py_min") / $(fmt_s "$py_t") / $(fmt_s "$py_max") | $(mb $((py_rss * 1024))) | $py_rc |")
    else
        py_cell=$py_note py_ratio=$py_note
    fi

    ROWS+=("| $n | $(mb "$bytes") | $ys_cell | $fw_cell | $fw_ratio | $py_cell | $py_ratio | $fw_rss_cell | $fw_rss_ratio |")
    log "size $n done: yamlscan $ys_cell s, fwsim $fw_cell, python $py_cell"
done

{
    echo "Machine: $MACHINE; $(date -u '+%Y-%m-%d %H:%M UTC'); seed $SEED; median of $RUNS interleaved runs."
    echo "Load average at start: $LOAD0; fwsim binary: $FWSIM_ID."
    echo
    echo "| steps | file MB | yamlscan s | fwsim s | fwsim/yamlscan | python s | python/fwsim | fwsim peak RSS MB | fwsim RSS/file |"
    echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    printf '%s\n' "${ROWS[@]}"
    echo
    echo "Details (wall s: min / median / max; peak RSS MB = max over runs; worst exit code):"
    echo
    echo "| steps | contender | wall s | peak RSS MB | exit |"
    echo "|---:|---|---:|---:|---:|"
    printf '%s\n' "${DETAILS[@]}"
} | tee "$SCRATCH/results-$(date -u +%Y%m%dT%H%M%S).md"
