#!/usr/bin/env python3
"""Times two or more builds of visitprep side by side, interleaved run by run, so that a
change in the machine's load falls on every build alike (a shared machine drifts more
during one hyperfine block than the difference being measured).

    python3 benches/side_by_side.py OLD_BINARY NEW_BINARY [-n RUNS] -- render examples/complete.toml -o {out}
    python3 benches/side_by_side.py OLD_BINARY NEW_BINARY -n 12 -- render {batch} --out-dir {out}

`{out}` becomes a scratch path per build (a file, or a fresh folder when the arguments
hold --out-dir); `{batch}` a folder of 300 intakes, 100 copies of each of three examples.
Prints each build's median and fastest wall time and its ratio to the first build's median.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def batch_folder(work):
    folder = os.path.join(work, "batch")
    os.mkdir(folder)
    examples = ["complete.toml", "pregnant.toml", "minimal.toml"]
    for i in range(1, 301):
        source = os.path.join(ROOT, "examples", examples[i % 3])
        shutil.copy(source, os.path.join(folder, "intake-%03d.toml" % i))
    return folder


def main():
    if "--" not in sys.argv:
        sys.exit(__doc__)
    split = sys.argv.index("--")
    parser = argparse.ArgumentParser()
    parser.add_argument("builds", nargs="+")
    parser.add_argument("-n", "--runs", type=int, default=150)
    options = parser.parse_args(sys.argv[1:split])
    args = sys.argv[split + 1:]
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1764072000")
    with tempfile.TemporaryDirectory() as work:
        batch = batch_folder(work) if any("{batch}" in a for a in args) else None
        folders = "--out-dir" in args
        times = {b: [] for b in options.builds}
        for _ in range(options.runs):
            for n, build in enumerate(options.builds):
                out = os.path.join(work, "out-%d" % n)
                if folders:
                    shutil.rmtree(out, ignore_errors=True)
                    os.mkdir(out)
                else:
                    out += ".pdf"
                argv = [a.replace("{out}", out).replace("{batch}", batch or "") for a in args]
                if not folders:
                    argv.append("--force")
                start = time.perf_counter()
                done = subprocess.run([build] + argv, cwd=ROOT, stdout=subprocess.DEVNULL,
                                      stderr=subprocess.DEVNULL)
                times[build].append(time.perf_counter() - start)
                if done.returncode != 0:
                    sys.exit("%s %s failed with %d" % (build, " ".join(argv), done.returncode))
    first = statistics.median(times[options.builds[0]])
    for build in options.builds:
        median = statistics.median(times[build])
        print("%s: median %.2f ms, fastest %.2f ms, %.3f of the first" %
              (build, median * 1e3, min(times[build]) * 1e3, median / first))


if __name__ == "__main__":
    main()
