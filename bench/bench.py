#!/usr/bin/env python3
"""tosdiff's end-to-end benchmark. Run it through bench/run (which installs what is missing
and builds the binaries); see bench/README.md for what every number means.

Reports numbers; asserts no timing. Exit status: 0 when everything ran (mismatches in what
the tools reported are printed, not fatal), 1 when a run could not be done at all.
"""

import argparse
import glob
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sitegen  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
T0 = 1764400000  # mtime of revision 0's files (fixed: ETag/Last-Modified are then deterministic)


def log(msg):
    print("bench: " + msg, file=sys.stderr, flush=True)


# ---- measuring a child --------------------------------------------------------------------

def busy_cpu_seconds():
    """CPU time the whole machine has spent busy since boot (all processes, all cores)."""
    try:
        with open("/proc/stat") as f:
            fields = f.readline().split()[1:]
    except OSError:
        return None
    user, nice, system, idle, iowait, irq, softirq, steal = (int(x) for x in (fields + ["0"] * 8)[:8])
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def wait_until_idle(seconds):
    deadline = time.time() + seconds
    log("waiting up to %.0f s for an idle machine ..." % seconds)
    while True:
        b0, t0 = busy_cpu_seconds(), time.perf_counter()
        time.sleep(5)
        busy = (busy_cpu_seconds() - b0) / (time.perf_counter() - t0)
        if busy < 0.3:
            log("idle (%.2f cores busy)" % busy)
            return
        if time.time() > deadline:
            log("still busy (%.2f cores): going on anyway" % busy)
            return


class Measure:
    def __init__(self, label, wall, user, sys_, rss_kb, rc, others=None):
        self.label, self.wall, self.user, self.sys, self.rss_kb, self.rc = label, wall, user, sys_, rss_kb, rc
        self.others = others  # cores kept busy by other processes meanwhile (the server included), on average

    @property
    def cpu(self):
        return self.user + self.sys


GNU_TIME = "/usr/bin/time"


def measure(label, cmd, stdout=None, stderr=None, env=None, cwd=None):
    """Runs cmd under GNU time; wall time around it; CPU time from wait4()'s rusage of the
    `time` process (which includes the command it waited for: user+sys to the microsecond);
    peak RSS as `time` reports it for the command (%M).

    Why not ru_maxrss from wait4 directly: a child forked (or vforked) from this Python
    process starts with Python's memory, and exec() carries that high-water mark over, so
    every command would show at least Python's ~25 MB. `time` is small, and the command it
    forks starts from `time`'s memory."""
    out = open(stdout, "wb") if isinstance(stdout, str) else (stdout if stdout is not None else subprocess.DEVNULL)
    err = open(stderr, "wb") if isinstance(stderr, str) else (stderr if stderr is not None else subprocess.DEVNULL)
    rss_file = None
    if os.access(GNU_TIME, os.X_OK):
        fd, rss_file = tempfile.mkstemp(prefix="bench-time.")
        os.close(fd)
        cmd = [GNU_TIME, "-o", rss_file, "-f", "%M"] + list(cmd)
    try:
        busy0 = busy_cpu_seconds()
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=env, cwd=cwd)
        _, status, ru = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        busy1 = busy_cpu_seconds()
        rss_kb = ru.ru_maxrss
        if rss_file:
            with open(rss_file) as f:
                lines = [line for line in f.read().splitlines() if line.strip()]
            os.unlink(rss_file)
            rss_kb = int(lines[-1]) if lines and lines[-1].strip().isdigit() else 0
        proc.returncode = os.waitstatus_to_exitcode(status)
    finally:
        if isinstance(stdout, str):
            out.close()
        if isinstance(stderr, str):
            err.close()
    others = None
    if busy0 is not None and busy1 is not None and wall > 0:
        others = max(0.0, (busy1 - busy0) - (ru.ru_utime + ru.ru_stime)) / wall
    return Measure(label, wall, ru.ru_utime, ru.ru_stime, rss_kb, proc.returncode, others)


def best_of(runs):
    """Several rounds of one run: the least wall time, CPU time (user/sys of that round) and
    peak RSS each; 'others' of the fastest round."""
    if len(runs) == 1:
        return runs[0]
    fastest = min(runs, key=lambda m: m.wall)
    cheapest = min(runs, key=lambda m: m.cpu)
    return Measure(runs[0].label, fastest.wall, cheapest.user, cheapest.sys, min(m.rss_kb for m in runs),
                   max(m.rc for m in runs), fastest.others)


def combine(label, parts):
    """Sequential steps: wall and CPU add up, peak RSS is the largest."""
    wall = sum(p.wall for p in parts)
    others = None
    if wall > 0 and all(p.others is not None for p in parts):
        others = sum(p.others * p.wall for p in parts) / wall
    return Measure(label, wall, sum(p.user for p in parts), sum(p.sys for p in parts),
                   max(p.rss_kb for p in parts), max(p.rc for p in parts), others)


# ---- the web server -----------------------------------------------------------------------

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url, proc, seconds=10):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if proc.poll() is not None:
            return False
        try:
            with urllib.request.urlopen(url, timeout=1) as r:
                r.read()
                return True
        except OSError:
            time.sleep(0.05)
    return False


# `python3 -m http.server` listens with a backlog of 5: a burst of connections (16 transfers,
# 8 browser tabs) overflows it, the kernel drops the extra SYNs, and each dropped client waits
# 1 s to retransmit. The same server with a deep backlog, and no log on stderr.
PYTHON_SERVER = """
import functools, http.server, sys
class Server(http.server.ThreadingHTTPServer):
    request_queue_size = 1024
    daemon_threads = True
class Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass
Server(("127.0.0.1", int(sys.argv[1])), functools.partial(Handler, directory=sys.argv[2])).serve_forever()
"""


def start_server(kind, site, work):
    """nginx with a generated config (foreground, this user, 1 worker) or, without nginx,
    python3 -m http.server. Returns (process, base URL, description)."""
    nginx = shutil.which("nginx") or ("/usr/sbin/nginx" if os.path.exists("/usr/sbin/nginx") else None)
    if kind == "auto":
        kind = "nginx" if nginx else "python"
    port = free_port()
    base = "http://127.0.0.1:%d" % port
    env = dict(os.environ, NO_PROXY="127.0.0.1,localhost", no_proxy="127.0.0.1,localhost")
    if kind == "nginx":
        prefix = os.path.join(work, "nginx")
        os.makedirs(os.path.join(prefix, "tmp"), exist_ok=True)
        user = "user root;\n" if os.geteuid() == 0 else ""  # workers stay this user (the site dir is 0700)
        conf = os.path.join(prefix, "nginx.conf")
        with open(conf, "w") as f:
            f.write("""%sworker_processes 1;
daemon off;
master_process on;
pid %s/nginx.pid;
error_log %s/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path %s/tmp/body;
    proxy_temp_path %s/tmp/proxy;
    fastcgi_temp_path %s/tmp/fastcgi;
    uwsgi_temp_path %s/tmp/uwsgi;
    scgi_temp_path %s/tmp/scgi;
    types { text/html html; text/css css; application/javascript js; }
    default_type application/octet-stream;
    charset utf-8;
    sendfile on;
    tcp_nopush on;
    keepalive_timeout 65;
    keepalive_requests 100000;
    server {
        listen 127.0.0.1:%d;
        root %s;
    }
}
""" % (user, prefix, prefix, prefix, prefix, prefix, prefix, prefix, port, site))
        cmd = [nginx, "-p", prefix, "-e", os.path.join(prefix, "error.log"), "-c", conf]
        desc = subprocess.run([nginx, "-v"], capture_output=True, text=True).stderr.strip().replace("nginx version: ", "")
        desc += " (1 worker)"
    else:
        cmd = [sys.executable, "-c", PYTHON_SERVER, str(port), site]
        desc = "python3 http.server %s (backlog 1024)" % sys.version.split()[0]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=open(os.path.join(work, "server.log"), "wb"),
                            stdin=subprocess.DEVNULL, env=env, start_new_session=True)
    if not wait_for(base + "/" + sitegen.page_path(1), proc):
        stop_server(proc)
        sys.exit("bench: the %s server did not come up (see %s)" % (kind, os.path.join(work, "server.log")))
    return proc, base, desc


def stop_server(proc):
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)  # its own session: the master and its worker
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


# ---- the tools' inputs ----------------------------------------------------------------------

def platform_id(n):
    return "bench-%04d" % n


def write_catalog(directory, base, pages):
    """One Open Terms Archive declaration per page: platform bench-NNNN, one document."""
    os.makedirs(directory, exist_ok=True)
    for n in range(1, pages + 1):
        decl = {"name": "Bench %04d" % n, "id": platform_id(n),
                "terms": {"Terms of Service": {"fetch": "%s/%s" % (base, sitegen.page_path(n)), "select": "article"}}}
        with open(os.path.join(directory, platform_id(n) + ".json"), "w") as f:
            json.dump(decl, f)


def write_urlwatch(directory, base, pages):
    os.makedirs(directory, exist_ok=True)
    with open(os.path.join(directory, "urls.yaml"), "w") as f:
        f.write("\n---\n".join("url: %s/%s\nfilter:\n  - css: article\n  - html2text\n" % (base, sitegen.page_path(n))
                               for n in range(1, pages + 1)))
    with open(os.path.join(directory, "urlwatch.yaml"), "w") as f:
        f.write("display:\n  new: true\n  error: true\n  unchanged: false\n  empty-diff: true\n"
                "report:\n  stdout:\n    enabled: true\n    color: false\n")


def urlwatch_cmd(directory, workers):
    # urlwatch 2.25 (Debian 12) has no setting for its parallelism: jobs run on a
    # ThreadPoolExecutor of urlwatch.worker.MAX_WORKERS (10) threads. We set that module
    # constant before running its own main(), so it runs as many jobs at once as tosdiff.
    code = ("import sys, urlwatch.worker as w; w.MAX_WORKERS = %d; "
            "sys.argv = ['urlwatch'] + sys.argv[1:]; from urlwatch.cli import main; main()" % workers)
    return ["/usr/bin/python3", "-c", code, "--urls", os.path.join(directory, "urls.yaml"),
            "--config", os.path.join(directory, "urlwatch.yaml"), "--cache", os.path.join(directory, "cache.db")]


# ---- reading what the tools reported --------------------------------------------------------

def tosdiff_verdicts(path):
    """{page number: (status, significance, error kind)} from `check --json` output."""
    out = {}
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            line = line.strip()
            if not line.startswith("{"):
                continue
            rec = json.loads(line)
            m = re.match(r"bench-(\d+)$", rec.get("platform", ""))
            if m:
                out[int(m.group(1))] = (rec.get("status"), rec.get("significance", ""),
                                        (rec.get("error") or {}).get("kind", ""))
    return out


def urlwatch_verdicts(path, base):
    """{page number: verb} for every NEW/CHANGED/ERROR line of urlwatch's text report."""
    out = {}
    pattern = re.compile(r"^(?:\d+\. )?(NEW|CHANGED|ERROR|UNCHANGED): (\S+)")
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            m = pattern.match(line.strip())
            if m and m.group(2).startswith(base):
                n = re.search(r"legal/(\d+)/", m.group(2))
                if n:
                    out[int(n.group(1))] = m.group(1)
    return out


def describe_set(numbers, limit=20):
    numbers = sorted(numbers)
    text = " ".join(map(str, numbers[:limit]))
    return text + (" ... (%d in all)" % len(numbers) if len(numbers) > limit else "")


def check_tosdiff(run, verdicts, pages, mutated, problems):
    from collections import Counter
    counts = Counter(v[0] + (":" + v[1] if v[1] else "") + (":" + v[2] if v[2] else "") for v in verdicts.values())
    summary = ", ".join("%s=%d" % kv for kv in sorted(counts.items()))
    missing = set(range(1, pages + 1)) - set(verdicts)
    if missing:
        problems.append("tosdiff %s: no record for pages %s" % (run, describe_set(missing)))
    if run == "run 1":
        not_new = {n for n, v in verdicts.items() if v[0] != "new"}
        if not_new:
            problems.append("tosdiff run 1: not 'new': %s" % "; ".join("%d=%s" % (n, "/".join(filter(None, verdicts[n])))
                                                                        for n in sorted(not_new)[:20]))
        return summary
    substantive = {n for n, v in verdicts.items() if v[0] == "changed" and v[1] == "substantive"}
    missed = set(mutated) - substantive
    false_alerts = substantive - set(mutated)
    if missed:
        problems.append("tosdiff run 2: mutated pages NOT reported as substantive changes: %s" % "; ".join(
            "%d=%s" % (n, "/".join(filter(None, verdicts.get(n, ("no record",))))) for n in sorted(missed)[:20]))
    if false_alerts:
        problems.append("tosdiff run 2: noise-only pages reported as SUBSTANTIVE: %s" % describe_set(false_alerts))
    return summary + "; substantive = the mutated pages: %s" % ("yes" if not missed and not false_alerts else "NO")


def check_urlwatch(run, verdicts, pages, mutated, problems):
    from collections import Counter
    summary = ", ".join("%s=%d" % kv for kv in sorted(Counter(verdicts.values()).items())) or "nothing reported"
    if run == "run 1":
        not_new = set(range(1, pages + 1)) - {n for n, v in verdicts.items() if v == "NEW"}
        if not_new:
            problems.append("urlwatch run 1: not reported NEW: %s" % describe_set(not_new))
        return summary
    changed = {n for n, v in verdicts.items() if v == "CHANGED"}
    errors = {n for n, v in verdicts.items() if v == "ERROR"}
    if set(mutated) - changed:
        problems.append("urlwatch run 2: mutated pages not reported CHANGED: %s" % describe_set(set(mutated) - changed))
    if changed - set(mutated):
        problems.append("urlwatch run 2: noise-only pages reported CHANGED: %s" % describe_set(changed - set(mutated)))
    if errors:
        problems.append("urlwatch run 2: errors on pages %s" % describe_set(errors))
    return summary + "; CHANGED = the mutated pages: %s" % ("yes" if changed == set(mutated) and not errors else "NO")


# ---- the corpus part ----------------------------------------------------------------------

def corpus_throughput(args, work):
    files = sorted(glob.glob(os.path.join(args.corpus, "**", "*.html"), recursive=True))
    if not files:
        log("no *.html under %s: corpus part skipped" % args.corpus)
        return None
    total = sum(os.path.getsize(f) for f in files)
    log("corpus: %d files, %.1f MB; tosdiff normalize per file, best of %d" % (len(files), total / 1e6, args.repeat))
    baseline_file = os.path.join(work, "baseline.html")
    with open(baseline_file, "w") as f:
        f.write("<!DOCTYPE html><html><head><title>t</title></head><body><main><p>x</p></main></body></html>\n")
    base_runs = []
    per_file = []
    gumbo, gumbo_pruned = {}, {}
    failures = 0
    max_rss = 0
    # tosdiff and gumbo alternate file by file, run by run, so that both see the same
    # machine: on a shared one, load comes and goes.
    for path in files:
        runs, parses, pruned_parses = [], [], []
        base_runs.append(measure("baseline", [args.tosdiff, "normalize", baseline_file]))
        for _ in range(args.repeat):
            runs.append(measure("normalize", [args.tosdiff, "normalize", path]))
            out = subprocess.run([args.gumbo_helper, "--per-file", path], capture_output=True, text=True, check=True)
            parses.append(float(out.stdout.split("\t", 1)[0]))
            out = subprocess.run([args.gumbo_helper, "--per-file", "--prune", path], capture_output=True, text=True, check=True)
            pruned_parses.append(float(out.stdout.split("\t", 1)[0]))
        failures += runs[0].rc != 0
        max_rss = max(max_rss, max(m.rss_kb for m in runs))
        per_file.append((min(m.cpu for m in runs), os.path.getsize(path), path))
        gumbo[path] = min(parses)
        gumbo_pruned[path] = min(pruned_parses)
    baseline = min(m.cpu for m in base_runs)  # start-up: the least of one run per file, taken all along
    raw_cpu = sum(c for c, _, _ in per_file)
    net_cpu = sum(max(0.0, c - baseline) for c, _, _ in per_file)
    gumbo_cpu = sum(gumbo.values())
    pruned_cpu = sum(gumbo_pruned.values())
    with open(os.path.join(work, "corpus-per-file.tsv"), "w") as f:
        f.write("tosdiff_cpu_s_net\tgumbo_cpu_s\tgumbo_pruned_cpu_s\tbytes\tfile\n")
        for c, b, path in per_file:
            f.write("%.6f\t%.6f\t%.6f\t%d\t%s\n" % (max(0.0, c - baseline), gumbo.get(path, 0), gumbo_pruned.get(path, 0), b,
                                                 os.path.relpath(path, args.corpus)))
    slowest = sorted(per_file, key=lambda t: -t[0])[:3]
    return {"files": len(files), "bytes": total, "baseline_cpu": baseline, "raw_cpu": raw_cpu, "net_cpu": net_cpu,
            "gumbo_cpu": gumbo_cpu, "pruned_cpu": pruned_cpu, "failures": failures, "max_rss_kb": max_rss,
            "slowest": [(os.path.relpath(p, args.corpus), b, max(0.0, c - baseline), gumbo.get(p, 0)) for c, b, p in slowest]}


# ---- profile ------------------------------------------------------------------------------

def profile_run2(args, work, cmd_for, data_copy):
    perf = shutil.which("perf")
    if not perf:
        log("perf not found: profile skipped (apt-get install linux-perf)")
        return None
    out = os.path.join(work, "perf.data")
    rec = subprocess.run([perf, "record", "-q", "-e", "cpu-clock", "-F", "999", "--call-graph", "dwarf,16384",
                          "-o", out, "--"] + cmd_for(data_copy), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if not os.path.exists(out):
        log("perf record failed: %s" % rec.stderr.strip()[-300:])
        return None
    reports = {}
    for name, extra in (("self", ["--no-children"]), ("children", ["--children"])):
        rep = subprocess.run([perf, "report", "-i", out, "--stdio", "-g", "none", "--sort", "dso,symbol",
                              "--percent-limit", "0.7"] + extra, capture_output=True, text=True)
        path = os.path.join(work, "perf-%s.txt" % name)
        with open(path, "w") as f:
            f.write(rep.stdout)
        reports[name] = [re.sub(r"(\s+-)+$", "", re.sub(r"\s+", " ", line).strip())
                         for line in rep.stdout.splitlines()
                         if line.strip() and not line.startswith("#") and "[unknown]" not in line]
    return reports


# ---- main ---------------------------------------------------------------------------------

def fmt_mb(kb):
    return "%.0f" % (kb / 1024)


def main():
    p = argparse.ArgumentParser(description="tosdiff end-to-end benchmark (see bench/README.md)")
    p.add_argument("--pages", type=int, default=500)
    p.add_argument("--seed", default="1")
    p.add_argument("--mutate-fraction", type=float, default=0.10)
    p.add_argument("--rounds", type=int, default=3,
                   help="second runs (tosdiff, urlwatch, floor) done this many times from the same state; "
                        "the best of each is reported (for a shared, noisy machine)")
    p.add_argument("--concurrency", type=int, default=16,
                   help="transfers at once, for every tool (tosdiff --jobs/--per-host, urlwatch workers, curl --parallel-max)")
    p.add_argument("--tosdiff", required=True)
    p.add_argument("--gumbo-helper", required=True)
    p.add_argument("--corpus", default=os.path.join(REPO, "..", "shared", "corpus"))
    p.add_argument("--repeat", type=int, default=3, help="corpus: runs per file, the least CPU time counts")
    p.add_argument("--server", choices=("auto", "nginx", "python"), default="auto")
    p.add_argument("--skip-urlwatch", action="store_true")
    p.add_argument("--profile", action="store_true", help="also perf-record a copy of tosdiff's second run")
    p.add_argument("--keep", help="work directory to use and keep (default: a temporary one, removed)")
    p.add_argument("--wait-idle", type=float, default=0, metavar="SECONDS",
                   help="first wait up to SECONDS for the machine to be idle (other processes < 0.3 cores for 5 s)")
    p.add_argument("--label", default="", help="what is being measured (bench/run passes the source's commit)")
    args = p.parse_args()
    args.tosdiff = os.path.abspath(args.tosdiff)
    args.corpus = os.path.abspath(args.corpus)

    work = os.path.abspath(args.keep) if args.keep else tempfile.mkdtemp(prefix="tosdiff-bench.")
    if args.keep:
        shutil.rmtree(work, ignore_errors=True)
        os.makedirs(work)
    site = os.path.join(work, "site")
    env = dict(os.environ, NO_PROXY="127.0.0.1,localhost", no_proxy="127.0.0.1,localhost", NO_COLOR="1")
    for var in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        env.pop(var, None)
    problems = []
    results = {}
    server = None
    if args.wait_idle > 0:
        wait_until_idle(args.wait_idle)
    started = time.perf_counter()
    load_at_start = " ".join(open("/proc/loadavg").read().split()[:3]) if os.path.exists("/proc/loadavg") else "?"
    try:
        t = time.perf_counter()
        sitegen.write_site(site, args.seed, args.pages, 0, mtime=T0)
        sizes = [os.path.getsize(os.path.join(site, sitegen.page_path(n))) for n in range(1, args.pages + 1)]
        log("site: %d pages, %.1f MB (%.1f-%.1f KB, mean %.1f KB), generated in %.1f s" % (
            args.pages, sum(sizes) / 1e6, min(sizes) / 1024, max(sizes) / 1024, sum(sizes) / len(sizes) / 1024,
            time.perf_counter() - t))
        mutated = sitegen.mutated_pages(args.seed, args.pages, args.mutate_fraction)
        server, base, server_desc = start_server(args.server, site, work)
        log("server: %s at %s" % (server_desc, base))

        catalog, data = os.path.join(work, "catalog"), os.path.join(work, "tosdiff-data")
        write_catalog(catalog, base, args.pages)
        uw = os.path.join(work, "urlwatch")
        write_urlwatch(uw, base, args.pages)

        def tosdiff_cmd(data_dir):
            return [args.tosdiff, "--data-dir", data_dir, "--catalog", catalog, "check", "--json",
                    "--jobs", str(args.concurrency), "--per-host", str(args.concurrency)]

        def record(key, m, note, round_problems):
            """Round 1's verdict problems are reported; a later round must say the same."""
            if key in results and results[key][0][1] != note:
                problems.append("%s, round %d: reported %r, round 1 %r" % (key, len(results[key]) + 1, note, results[key][0][1]))
            elif key not in results:
                problems.extend(round_problems)
            results.setdefault(key, []).append((m, note))

        def run_tosdiff(run):
            log("tosdiff %s ..." % run)
            out = os.path.join(work, "tosdiff-%s.jsonl" % run.replace(" ", ""))
            err_file = os.path.join(work, "tosdiff-%s.err" % run.replace(" ", ""))
            m = measure("tosdiff " + run, tosdiff_cmd(data), stdout=out, stderr=err_file, env=env)
            verdicts = tosdiff_verdicts(out)
            round_problems = []
            note = check_tosdiff(run, verdicts, args.pages, mutated, round_problems)
            if m.rc not in (0, 1):
                round_problems.append("tosdiff %s exited %d (see %s)" % (run, m.rc, err_file))
                if not verdicts:
                    with open(err_file, errors="replace") as f:
                        sys.exit("bench: tosdiff %s exited %d and checked nothing:\n%s" % (run, m.rc, f.read()[-2000:]))
            record("tosdiff " + run, m, note, round_problems)

        def run_urlwatch(run):
            log("urlwatch %s ..." % run)
            out = os.path.join(work, "urlwatch-%s.txt" % run.replace(" ", ""))
            m = measure("urlwatch " + run, urlwatch_cmd(uw, args.concurrency), stdout=out,
                        stderr=os.path.join(work, "urlwatch-%s.err" % run.replace(" ", "")), env=env)
            round_problems = []
            note = check_urlwatch(run, urlwatch_verdicts(out, base), args.pages, mutated, round_problems)
            if m.rc != 0:
                round_problems.append("urlwatch %s exited %d" % (run, m.rc))
            record("urlwatch " + run, m, note, round_problems)

        fetched = os.path.join(work, "floor")
        config = os.path.join(work, "curl.conf")
        with open(config, "w") as f:
            for n in range(1, args.pages + 1):
                f.write('url = "%s/%s"\noutput = "%s/%04d.html"\n' % (base, sitegen.page_path(n), fetched, n))

        def run_floor():
            # A bare parallel fetch of the same (mutated) pages, then gumbo parse-only of them.
            log("floor: curl --parallel-max %d, then gumbo parse-only on 2 threads ..." % args.concurrency)
            shutil.rmtree(fetched, ignore_errors=True)
            os.makedirs(fetched)
            fetch = measure("floor: curl fetch", ["curl", "--silent", "--show-error", "--fail", "--parallel",
                                                  "--parallel-max", str(args.concurrency), "--config", config],
                            env=env, stderr=os.path.join(work, "curl.err"))
            got = sorted(glob.glob(os.path.join(fetched, "*.html")))
            round_problems = []
            if fetch.rc != 0 or len(got) != args.pages:
                round_problems.append("floor: curl exited %d and fetched %d of %d pages" % (fetch.rc, len(got), args.pages))
            listing = os.path.join(work, "floor-files.txt")
            with open(listing, "w") as f:
                f.write("\n".join(got) + "\n")
            parse = measure("floor: gumbo parse-only", [args.gumbo_helper, "-j", "2", "--list", listing])
            pruned = measure("floor: gumbo parse-only, pruned", [args.gumbo_helper, "-j", "2", "--prune", "--list", listing])
            record("floor: curl fetch", fetch, "%d pages, %.1f MB" % (len(got), sum(os.path.getsize(g) for g in got) / 1e6),
                   round_problems)
            record("floor: gumbo parse (2 threads)", parse, "", [])
            record("floor (fetch + parse)", combine("floor", [fetch, parse]), "", [])
            record("pruned parse (2 threads)", pruned, "script/style contents dropped first, as tosdiff does", [])
            record("pruned floor (fetch + parse)", combine("pruned floor", [fetch, pruned]), "", [])

        run_tosdiff("run 1")
        if not args.skip_urlwatch:
            run_urlwatch("run 1")

        t = time.perf_counter()
        sitegen.write_site(site, args.seed, args.pages, 1, mutated, mtime=T0 + 86400)
        log("mutation: noise on all %d pages, a sentence changed in %d of them (%.1f s)" % (
            args.pages, len(mutated), time.perf_counter() - t))
        # The state run 2 finds, for more rounds and for the diagnostic re-runs below.
        shutil.copytree(data, data + "-after-run1", symlinks=True)
        cache = os.path.join(uw, "cache.db")
        if not args.skip_urlwatch:
            shutil.copy2(cache, cache + ".after-run1")

        for r in range(args.rounds):
            if r:
                log("round %d of %d: the archive and urlwatch's cache put back as run 1 left them" % (r + 1, args.rounds))
                shutil.rmtree(data)
                shutil.copytree(data + "-after-run1", data, symlinks=True)
                if not args.skip_urlwatch:
                    shutil.copy2(cache + ".after-run1", cache)
            run_tosdiff("run 2")
            if not args.skip_urlwatch:
                run_urlwatch("run 2")
            run_floor()

        # Diagnostic: run 2 again on a copy of the archive with fsync() made a no-op, to
        # separate the time spent waiting for the disk from the rest.
        eatmydata = shutil.which("eatmydata")
        if eatmydata:
            copy = data + "-nofsync"
            shutil.copytree(data + "-after-run1", copy, symlinks=True)
            log("tosdiff run 2 again, fsync off (eatmydata) ...")
            m = measure("tosdiff run 2, fsync off", [eatmydata] + tosdiff_cmd(copy),
                        stdout=os.path.join(work, "tosdiff-run2-nofsync.jsonl"), env=env)
            v = tosdiff_verdicts(os.path.join(work, "tosdiff-run2-nofsync.jsonl"))
            same = v == tosdiff_verdicts(os.path.join(work, "tosdiff-run2.jsonl"))
            record("tosdiff run 2, fsync off", m, "diagnostic (eatmydata); verdicts %s run 2's" % (
                "same as" if same else "DIFFER from"), [])
        else:
            log("eatmydata not found: the fsync-off re-run of tosdiff run 2 is skipped")

        profile = None
        if args.profile:
            shutil.copytree(data + "-after-run1", data + "-profile", symlinks=True)
            log("tosdiff run 2 again under perf record ...")
            profile = profile_run2(args, work, tosdiff_cmd, data + "-profile")
    finally:
        if server:
            stop_server(server)

    corpus = corpus_throughput(args, work) if os.path.isdir(args.corpus) else None
    if corpus is None and not os.path.isdir(args.corpus):
        log("no corpus at %s: normalization throughput skipped" % args.corpus)

    # ---- the report ----
    print()
    print("tosdiff benchmark: %d pages (%.1f MB), %d mutated, concurrency %d, server %s, %d CPUs, load average "
          "%s at start" % (args.pages, sum(sizes) / 1e6, len(mutated), args.concurrency, server_desc, os.cpu_count(),
                           load_at_start))
    if args.label:
        print("tosdiff: %s" % args.label)
    print()
    print("| %-30s | %7s | %7s | %11s | %8s | %6s | %s" % ("run", "wall s", "CPU s", "user+sys", "peak RSS", "others", "reported"))
    print("|%s|%s|%s|%s|%s|%s|%s" % ("-" * 32, "-" * 9, "-" * 9, "-" * 13, "-" * 10, "-" * 8, "---"))
    order = ["tosdiff run 1", "tosdiff run 2", "urlwatch run 1", "urlwatch run 2",
             "floor: curl fetch", "floor: gumbo parse (2 threads)", "floor (fetch + parse)",
             "pruned parse (2 threads)", "pruned floor (fetch + parse)", "tosdiff run 2, fsync off"]
    best = {key: (best_of([m for m, _ in runs]), runs[0][1]) for key, runs in results.items()}
    for key in order:
        if key not in best:
            continue
        m, note = best[key]
        if len(results[key]) > 1:
            note = "; ".join(filter(None, ["best of %d" % len(results[key]), note]))
        print("| %-30s | %7.2f | %7.2f | %11s | %5s MB | %6s | %s" % (
            key, m.wall, m.cpu, "%.2f+%.2f" % (m.user, m.sys), fmt_mb(m.rss_kb),
            "-" if m.others is None else "%.2f" % m.others, note))
    print()
    busy = [m.others for runs in results.values() for m, _ in runs if m.others is not None and m.others > 0.3]
    if busy:
        print("NOTE: the machine was not idle: other processes kept up to %.1f of the %d cores busy during %d of the "
              "runs ('others'); their wall times are inflated. Rerun on an idle machine for numbers to compare."
              % (max(busy), os.cpu_count(), len(busy)))
        print()
    t2 = best["tosdiff run 2"][0]
    if "urlwatch run 2" in best:
        u2 = best["urlwatch run 2"][0]
        print("second run, tosdiff / urlwatch:  wall %.2fx   CPU %.2fx   peak RSS %.2fx" % (
            t2.wall / u2.wall, t2.cpu / u2.cpu, t2.rss_kb / u2.rss_kb))
    fl = best["floor (fetch + parse)"][0]
    print("second run, tosdiff / floor:     wall %.2fx   CPU %.2fx   peak RSS %.2fx" % (
        t2.wall / fl.wall, t2.cpu / fl.cpu, t2.rss_kb / fl.rss_kb))
    pf = best["pruned floor (fetch + parse)"][0]
    print("second run, tosdiff / pruned floor: wall %.2fx   CPU %.2fx" % (t2.wall / pf.wall, t2.cpu / pf.cpu))
    print()
    if problems:
        print("MISMATCHES (%d):" % len(problems))
        for prob in problems:
            print("  - " + prob)
    else:
        print("Reported pages: as expected (%s reported exactly the %d mutated pages)" % (
            "tosdiff" if args.skip_urlwatch else "tosdiff and urlwatch each", len(mutated)))
    if corpus:
        mb = corpus["bytes"] / 1e6
        print()
        print("normalization throughput on %s: %d files, %.1f MB (single core, CPU time, best of %d per file)" % (
            args.corpus, corpus["files"], mb, args.repeat))
        print("  tosdiff normalize FILE, minus start-up  %7.2f MB/s  (%.2f s CPU; %.2f s with start-up, %.1f ms start-up"
              " per process; peak RSS %s MB; %d files exited non-zero)" % (
                  mb / corpus["net_cpu"], corpus["net_cpu"], corpus["raw_cpu"], corpus["baseline_cpu"] * 1000,
                  fmt_mb(corpus["max_rss_kb"]), corpus["failures"]))
        print("  gumbo parse-only                        %7.2f MB/s  (%.2f s CPU)" % (mb / corpus["gumbo_cpu"], corpus["gumbo_cpu"]))
        print("  gumbo parse-only, script/style dropped  %7.2f MB/s  (%.2f s CPU, pruning included)" % (
            mb / corpus["pruned_cpu"], corpus["pruned_cpu"]))
        print("  tosdiff normalize / gumbo parse-only: %.2fx the time; / pruned parse: %.2fx" % (
            corpus["net_cpu"] / corpus["gumbo_cpu"], corpus["net_cpu"] / corpus["pruned_cpu"]))
        print("  the 3 files that take tosdiff longest (per-file numbers: corpus-per-file.tsv in the work dir):")
        for rel, b, c, g in corpus["slowest"]:
            print("    %-72s %6.0f KB  tosdiff %6.1f ms  gumbo %6.1f ms  (%.2fx)" % (
                rel[-72:], b / 1024, c * 1000, g * 1000, c / g if g else 0))
    if args.profile and profile:
        print()
        print("perf profile of tosdiff run 2, re-run on a copy of the archive (cpu-clock samples; full reports "
              "in %s, kept with --keep):" % work)
        for name in ("self", "children"):
            print("  %s time:" % name)
            for line in profile[name][:25 if name == "children" else 20]:
                print("    " + line.strip())
    print()
    log("total %.0f s%s" % (time.perf_counter() - started, "; work dir kept: " + work if args.keep else ""))
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
