#!/usr/bin/env bash
# Measures what breadth costs and writes BREADTH.md: the size (-trimpath)
# and cold compile time (empty build cache) of a program making one call,
# with this SDK and with the official v1 SDK, the per-package make-up of
# our binary, and the warm wall time of `go test ./...` in the root module.
#
# Usage: bash bench/breadth.sh      (a few minutes on 2 cores)
set -euo pipefail
cd "$(dirname "$0")"
export ALIBABA_CLOUD_ECS_METADATA_DISABLED=true
out=raw/breadth
mkdir -p "$out"

# The one-call binaries before the two breadth issues (commit dc07360,
# 5 and 6 operations, go1.26.8): each may grow by at most 5 %.
before_outboundbot=14042094
before_ccc=14067392

mb() { awk -v b="$1" 'BEGIN { printf "%.2f", b / 1e6 }'; }

size() { # program → bytes of its -trimpath binary
	go build -trimpath -o "$out/$1" "./cmd/onecall/$1"
	stat -c %s "$out/$1"
}

cold() { # program → median seconds of three builds with an empty build cache
	local cache start end times=()
	for _ in 1 2 3; do
		cache=$(mktemp -d)
		start=$(date +%s.%N)
		GOCACHE=$cache go build -trimpath -o /dev/null "./cmd/onecall/$1"
		end=$(date +%s.%N)
		rm -rf "$cache"
		times+=("$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }')")
	done
	printf '%s\n' "${times[@]}" | sort -n | awk 'NR == 2 { m = $1 } { all = all sep $1; sep = ", " } END { printf "%s s (median of %s)", m, all }'
}

makeup() { # binary → the bytes its packages' symbols take in the file, largest first
	# Columns: address, size, kind, name. BSS (B, b) takes no room in the file.
	go tool nm -size "$1" | awk '
		$3 != "B" && $3 != "b" && $3 != "U" && $2 < 16777216 {
		  sym = $4; sub(/^type:\*?/, "", sym); sub(/^go:(itab|string)\.\*?/, "", sym); sub(/\[.*/, "", sym)
		  slash = match(sym, /\/[^\/]*$/); rest = slash ? substr(sym, slash) : sym
		  dot = index(rest, "."); pkg = dot ? substr(sym, 1, (slash ? slash - 1 : 0) + dot - 1) : sym
		  bytes[pkg] += $2 }
		END { for (p in bytes) printf "%s\t%d\n", p, bytes[p] }' | sort >"$1.makeup"
}

# diffmakeup ours v1: the packages whose share differs most between the two
# binaries, as a Markdown table.
diffmakeup() {
	echo "| Package | ours (KB) | v1 (KB) | difference (KB) |"
	echo "|---|---|---|---|"
	join -t $'\t' -a 1 -a 2 -e 0 -o 0,1.2,2.2 "$1.makeup" "$2.makeup" |
		awk -F'\t' '{ d = $2 - $3; a = d < 0 ? -d : d; printf "%d\t| `%s` | %.0f | %.0f | %+.0f |\n", a, $1, $2 / 1e3, $3 / 1e3, d / 1e3 }' |
		sort -rn | awk 'NR <= 20' | cut -f2-
}

{
	echo "# What breadth costs"
	echo
	echo "Written by \`bash bench/breadth.sh\` at commit $(git -C .. rev-parse --short HEAD), $(date -u +%Y-%m-%d), $(go version | cut -d' ' -f3), $(nproc) cores."
	echo "Each program makes one call and nothing else; v1 is alibaba-cloud-sdk-go, which links its whole service package."
	echo
	echo "| Program | Operations in its package | Binary (-trimpath) | vs before (limit +5 %) | Cold compile (empty build cache) |"
	echo "|---|---|---|---|---|"
	for p in outboundbot outboundbotv1 ccc cccv1; do
		case $p in
		outboundbot) ops=$(grep -c '"method"' ../api/outboundbot/2019-12-26.json) ;;
		ccc) ops=$(grep -c '"method"' ../api/ccc/2020-07-01.json) ;;
		outboundbotv1) ops=136 ;;
		cccv1) ops=171 ;;
		esac
		s=$(size $p)
		c=$(cold $p)
		vs=—
		case $p in
		outboundbot | ccc)
			b=before_$p
			vs=$(awk -v s="$s" -v b="${!b}" 'BEGIN { printf "%+.1f %% (before %.2f MB)", (s / b - 1) * 100, b / 1e6 }') ;;
		esac
		echo "| \`$p\` | $ops | $(mb "$s") MB ($s bytes) | $vs | ${c} |"
	done
	echo
	for p in outboundbot ccc; do
		makeup "$out/$p"
		makeup "$out/${p}v1"
		echo "Where \`$p\` and \`${p}v1\` differ most (symbol bytes by package, \`go tool nm -size\`, BSS left out):"
		echo
		diffmakeup "$out/$p" "$out/${p}v1"
		echo
	done
	cat <<'TEXT'
What makes up the difference to v1, and what would close it: the one-call binaries differ by a
fixed cost, not by operations. Operations a program does not call are not linked
(`TestUncalledOperationsAreNotLinked` reads the symbol table: only the called operation's method,
request, response and decoder are there), so 160 and 247 more operations cost +0.9 % and +1.2 %:
the encoders for body, nested and JSON parameters in `internal/rpc` and the shared readers of
`internal/wire`. The rest of the gap to v1 is what the default credential chain brings:
credentials-go and its dependencies (json-iterator and reflect2, `os/exec` for the process
provider, `log/slog`, math/big through its crypto), about 0.5 MB of the 2.9 MB difference, against
v1's own credential and request code and jmespath. A build that used only a static or STS
credential, with the default chain linked only when `Options.Credential` is nil and asked for,
would close most of that; the Go runtime, net/http and crypto/tls are the same in both.

TEXT
	(cd .. && go test ./... >/dev/null) # warm the cache
	(cd .. && start=$(date +%s.%N) && go test -count=1 ./... >/dev/null && end=$(date +%s.%N) &&
		awk -v a="$start" -v b="$end" 'BEGIN { printf "Warm `go test -count=1 ./...` (build cache warm, no cached test results) in the root module: %.1f s (target ≤ 30 s).\n", b - a }')
} >BREADTH.md.tmp
mv BREADTH.md.tmp BREADTH.md
cat BREADTH.md
