#!/usr/bin/env bash
# Whole-process timings and peak memory of the release binary.
#
#   bash benches/process.sh            # builds target/release/visitprep first
#
# Needs hyperfine and GNU time (/usr/bin/time). Run it on a quiet machine: the
# load average (uptime) should be well under the number of cores.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=target/release/visitprep
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SOURCE_DATE_EPOCH=1764072000

echo "== machine"
echo "cores: $(nproc); $(lscpu | sed -n 's/^Model name: *//p'); $(free -h | awk '/^Mem:/ {print $2}') RAM"
echo "$(uname -sr); $(rustc -V)"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"

# hyperfine prints the mean; the targets are medians, read from its JSON export.
median() {
    python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print("median: %.2f ms" % (r["median"]*1e3))' "$1"
}

echo "== one sheet, whole process (examples/complete.toml)"
hyperfine -N --warmup 5 --runs 100 --export-json "$work/one.json" \
    "$bin render examples/complete.toml -o $work/one.pdf"
median "$work/one.json"
echo "PDF size: $(stat -c %s "$work/one.pdf") bytes"

echo "== the same sheet without the data it carries (--no-embed)"
hyperfine -N --warmup 5 --runs 100 --export-json "$work/bare.json" \
    "$bin render examples/complete.toml --no-embed -o $work/bare.pdf"
median "$work/bare.json"
echo "PDF size: $(stat -c %s "$work/bare.pdf") bytes"

echo "== FHIR export of the same intake"
hyperfine -N --warmup 5 --runs 100 --export-json "$work/export.json" \
    "$bin export examples/complete.toml -o $work/one.fhir.json"
median "$work/export.json"
echo "JSON size: $(stat -c %s "$work/one.fhir.json") bytes"

echo "== stress intake, whole process (benches/stress.toml)"
hyperfine -N --warmup 3 --runs 30 --export-json "$work/stress.json" \
    "$bin render benches/stress.toml -o $work/stress.pdf"
median "$work/stress.json"
echo "PDF size: $(stat -c %s "$work/stress.pdf") bytes"

echo "== peak memory (maximum resident set size)"
for f in examples/complete.toml benches/stress.toml; do
    kb=$(/usr/bin/time -f %M "$bin" render "$f" -o "$work/rss.pdf" 2>&1 >/dev/null | tail -1)
    echo "$f: $kb KB"
done

echo "== batch: 300 intakes in one call"
mkdir -p "$work/in" "$work/out"
examples=(examples/complete.toml examples/pregnant.toml examples/minimal.toml)
for i in $(seq -w 1 300); do
    cp "${examples[$((10#$i % 3))]}" "$work/in/intake-$i.toml"
done
hyperfine -N --warmup 2 --runs 10 --export-json "$work/batch.json" \
    "$bin render $work/in --out-dir $work/out"
median "$work/batch.json"
kb=$(/usr/bin/time -f %M "$bin" render "$work/in" --out-dir "$work/out" 2>&1 >/dev/null | tail -1)
echo "batch peak memory: $kb KB"
python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print("sheets/s: %.0f (300 / median)" % (300/r["median"]))' "$work/batch.json"
