#!/usr/bin/env bash
# Runs every benchmark of this folder with -count 10, the instruction counts
# per call under callgrind, and the CPU, allocation and mutex profiles of
# the SDK rows; writes the raw results under raw/ (git-ignored) and
# RESULTS.md.
#
# Usage: bash bench/run.sh            (about 30 minutes on 2 cores)
#        QUICK=1 bash bench/run.sh    (-count 3 and fewer iterations: a smoke run)
#
# Needs: Go, the Go module proxy (the peer SDKs, benchstat), valgrind.
set -euo pipefail
cd "$(dirname "$0")"
export ALIBABA_CLOUD_ECS_METADATA_DISABLED=true

COUNT=10
SCALE=1
if [ -n "${QUICK:-}" ]; then COUNT=3; SCALE=5; fi
RAW=raw
mkdir -p "$RAW"
rm -f "$RAW"/*.txt "$RAW"/*.tsv "$RAW"/cg.* "$RAW"/*.pprof

log() { printf '== %s\n' "$*" >&2; }

log "build"
go vet ./...
go test -c -o "$RAW/bench.test" .
BIN="$RAW/bench.test"

# Every benchmark group with a fixed iteration count per run, so each of
# the COUNT runs does the same work and the whole run has a known length.
bench() { # group-regexp benchtime [extra flags...]
	local re=$1 n=$(($2 / SCALE))
	shift 2
	[ "$n" -ge 1 ] || n=1
	"$BIN" -test.run '^$' -test.bench "$re" -test.benchtime "${n}x" -test.count "$COUNT" "$@"
}

log "timings (-count $COUNT)"
{
	go version
	echo "commit: $(git -C .. rev-parse --short HEAD 2>/dev/null || echo unknown)"
	echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
	echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
} >"$RAW/env.txt"
: >"$RAW/bench.txt"
bench '^Benchmark(DescribeInstance|GetInstance)$' 3000 | tee -a "$RAW/bench.txt"
bench '^BenchmarkDecodeListPage$' 300 | tee -a "$RAW/bench.txt"
bench '^BenchmarkSign$' 50000 | tee -a "$RAW/bench.txt"
bench '^BenchmarkListAll10k$' 5 | tee -a "$RAW/bench.txt"
bench '^BenchmarkListAll100k$' 1 | tee -a "$RAW/bench.txt"
bench '^BenchmarkParallel64$' 3000 | tee -a "$RAW/bench.txt"
bench '^BenchmarkAllocBudget$' 2000 | tee -a "$RAW/bench.txt"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$RAW/env.txt"

log "benchstat"
BENCHSTAT="$(go env GOPATH)/bin/benchstat"
if [ ! -x "$BENCHSTAT" ]; then
	go install golang.org/x/perf/cmd/benchstat@latest
fi
"$BENCHSTAT" "$RAW/bench.txt" >"$RAW/benchstat.txt"
"$BENCHSTAT" -filter '.name:(DescribeInstance OR GetInstance)' -col /client "$RAW/bench.txt" >"$RAW/benchstat-calls.txt"
"$BENCHSTAT" -filter '.name:DecodeListPage' -col /impl "$RAW/bench.txt" >"$RAW/benchstat-decode.txt"
"$BENCHSTAT" -filter '.name:Sign' -row /scheme -col /impl "$RAW/bench.txt" >"$RAW/benchstat-sign.txt"
"$BENCHSTAT" -filter '.name:(ListAll10k OR ListAll100k)' -col /client "$RAW/bench.txt" >"$RAW/benchstat-listall.txt"
"$BENCHSTAT" -filter '.name:Parallel64' -col /client "$RAW/bench.txt" >"$RAW/benchstat-parallel.txt"

# Instructions per call: the whole process (client, loopback server,
# runtime, GC) under callgrind, once with N calls and once with 2N; the
# difference over N is the cost of one call in steady state, start-up,
# setup and warm-up cancelling out. GOMAXPROCS=1 and no asynchronous
# preemption keep the scheduler from adding spin loops that vary.
log "callgrind"
: >"$RAW/callgrind.tsv"
callgrind() { # name bench-regexp N
	local name=$1 re=$2 n=$3 ir=()
	for k in 1 2; do
		local out="$RAW/cg.$(echo "$name" | tr '/=' '__').$k.out"
		GODEBUG=asyncpreemptoff=1 GOMAXPROCS=1 valgrind --tool=callgrind --callgrind-out-file="$out" \
			"$BIN" -test.run '^$' -test.bench "$re" -test.benchtime "$((n * k))x" >/dev/null 2>"$out.log"
		ir+=("$(sed -n 's/^summary: //p' "$out")")
	done
	printf '%s\t%d\t%s\t%s\n' "$name" "$n" "${ir[0]}" "${ir[1]}" | tee -a "$RAW/callgrind.tsv"
}
CALLS=$((600 / SCALE))
for op in DescribeInstance GetInstance; do
	for c in transport-only floor sdk v1 v2; do
		callgrind "$op/client=$c" "^Benchmark$op\$/^client=$c\$" $CALLS
	done
done
# Repeat two rows to show how well the counts repeat.
callgrind "DescribeInstance/client=transport-only#2" '^BenchmarkDescribeInstance$/^client=transport-only$' $CALLS
callgrind "DescribeInstance/client=sdk#2" '^BenchmarkDescribeInstance$/^client=sdk$' $CALLS
for i in bare sdk sdk-compose floor v1 v2; do
	callgrind "Sign/scheme=rpc/impl=$i" "^BenchmarkSign\$/^scheme=rpc\$/^impl=$i\$" $((20000 / SCALE))
done
for i in json-plain sdk v1 v2; do
	callgrind "DecodeListPage/impl=$i" "^BenchmarkDecodeListPage\$/^impl=$i\$" $((40 / SCALE))
done

log "profiles of the SDK rows"
prof() { # name bench-regexp benchtime
	"$BIN" -test.run '^$' -test.bench "$2" -test.benchtime "$3" \
		-test.cpuprofile "$RAW/$1.cpu.pprof" -test.memprofile "$RAW/$1.mem.pprof" -test.memprofilerate 1 >/dev/null
	go tool pprof -top -nodecount 40 "$BIN" "$RAW/$1.cpu.pprof" >"$RAW/$1.cpu.txt" 2>/dev/null
	go tool pprof -top -nodecount 40 -sample_index alloc_objects "$BIN" "$RAW/$1.mem.pprof" >"$RAW/$1.alloc.txt" 2>/dev/null
}
prof describe-sdk '^BenchmarkDescribeInstance$/^client=sdk$' 5000x
prof getinstance-sdk '^BenchmarkGetInstance$/^client=sdk$' 5000x
prof decode-sdk '^BenchmarkDecodeListPage$/^impl=sdk$' 500x
# The call tree of the SDK row under callgrind, inclusive instructions.
callgrind_annotate --inclusive=yes "$RAW/cg.DescribeInstance_client_sdk.2.out" 2>/dev/null | head -80 >"$RAW/describe-sdk.callgrind.txt" || true
"$BIN" -test.run '^$' -test.bench '^BenchmarkParallel64$/^client=sdk$' -test.benchtime 5000x \
	-test.mutexprofile "$RAW/parallel-sdk.mutex.pprof" -test.mutexprofilefraction 1 >/dev/null
go tool pprof -top -nodecount 30 "$BIN" "$RAW/parallel-sdk.mutex.pprof" >"$RAW/parallel-sdk.mutex.txt" 2>/dev/null

log "RESULTS.md"
go run ./cmd/report -raw "$RAW" -out RESULTS.md
log "done: RESULTS.md, raw results in $RAW/"
