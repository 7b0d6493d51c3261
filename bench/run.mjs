#!/usr/bin/env node
// `npm run bench`: tsyncio against CPython 3.12 and a minimal reference scheduler in plain Node.
// See bench/README.md. Everything is measured in this run; the machine is shared, so the table
// compares CPU time (user + sys of the child process, from GNU time) and takes medians of repeats.
//
//   node bench/run.mjs [--quick] [--repeats N] [--python PATH] [--only a,b] [--markdown] [--json FILE]
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir, cpus, loadavg, platform, release } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { measure, median, haveGnuTime } from "./lib/measure.mjs";
import { compileFile } from "./lib/compile.mjs";
import { stripAnnotations } from "./lib/strip-annotations.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..");
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);

// Reject what this script does not know (a mistyped flag would otherwise start the whole run).
const KNOWN_FLAGS = ["--quick", "--markdown"];
const KNOWN_OPTIONS = ["--repeats", "--python", "--only", "--json"];
if (flag("--help") || flag("-h")) {
  console.log("usage: node bench/run.mjs [--quick] [--repeats N] [--python PATH] [--only a,b] [--markdown] [--json FILE]");
  process.exit(0);
}
for (let i = 0; i < args.length; i++) {
  if (KNOWN_OPTIONS.includes(args[i]) && i + 1 < args.length) i++;
  else if (!KNOWN_FLAGS.includes(args[i])) {
    console.error(`bench/run.mjs: unknown argument ${JSON.stringify(args[i])} (--help lists the options)`);
    process.exit(2);
  }
}

const quick = flag("--quick");
const repeats = Number(option("--repeats", quick ? 3 : 5));
const only = option("--only", null)?.split(",");
const python = option("--python", process.env.PYENV_ROOT ? join(process.env.PYENV_ROOT, "versions/3.12.1/bin/python") : "python3.12");
const havePython = spawnSync(python, ["-c", "import sys; assert sys.version_info[:2] == (3, 12)"]).status === 0;
const node = process.execPath;
const tsyncio = join(root, "bin/tsyncio.js");

// name, N: steady-state sizes, the ones issue 19 measured at (CPython needs 2–5 s on the machine
// of the README's table, so start-up is a few per cent of its run; the quick mode divides N by 10).
const SCHEDULER = [
  ["spawn", 500_000, "500,000 tasks, each awaiting sleep(0) once, gathered"],
  ["pingpong", 800_000, "two tasks, two Queues, 800,000 round trips"],
  ["chain", 600_000, "a coroutine recursion 50 deep, awaited 600,000 times"],
  ["timers", 200_000, "200,000 tasks sleeping random delays in [0, 0.05] s"],
  ["prodcons", 4_000_000, "4 producers, 4 consumers, Queue(maxsize=100), 4,000,000 items"],
  ["lock", 6_000, "6,000 tasks contending on a Lock, 100 acquisitions each"],
];

// Binary data (issue 15): name, N, what. Only tsyncio (emitted JS) and CPython. Steady-state
// sizes, where CPython needs about 1 s (sha256_big holds 800 MiB in memory, in each process).
const BYTES = [
  ["bytes_concat", 4_000_000, '4,000,000 small chunks: slice + concatenation each, bytearray +=, b"".join'],
  ["bytes_stream", 4_000_000, "bytes_concat's 4,000,000 concatenations, each chunk consumed as made (bytearray +=, len)"],
  ["bytes_join", 4_000_000, 'b"".join of a 4,000,000-item list of small chunks (8 distinct values), 10 times'],
  ["struct_loop", 2_000_000, "2,000,000 rounds of struct.pack/unpack and Struct.pack/unpack of a 16-byte record"],
  ["sha256_big", 800 * 1024 * 1024, "SHA-256 of 800 MiB fed in 1 MiB memoryview slices"],
  ["percent_format", 2_000_000, '2,000,000 b"ping %d\\n" % i and 2,000,000 "%s=%5d %.2f" % (...) formats'],
  ["str_format", 1_000_000, '1,000,000 "{}={:5d} {:.2f}".format(...) and 1,000,000 "{0[x]} {1.real!r:>8}".format(...)'],
];

// Real I/O (issue 16): loopback TCP through streams, client and server in one program. Wall time
// matters here (the kernel thread's CPU is counted too).
const IO = [
  ["io_roundtrip", 100_000, "100,000 request/response round trips over 127.0.0.1 through streams"],
  ["io_bulk", 1000, "1,000 MiB streamed over 127.0.0.1, write + drain, read(1 MiB)"],
  ["io_connections", 1000, "1,000 concurrent connections to one start_server, a line each way"],
  ["io_subprocesses", 1000, "1,000 short subprocesses (/bin/echo, 50 at a time) through communicate()"],
];

// Threads (issue 17): cooperative threads against CPython's real ones.
const THREADS = [
  ["to_thread_calls", 10_000, "10,000 asyncio.to_thread calls of a short function, gathered 100 at a time"],
  ["executor_map", 100_000, "ThreadPoolExecutor(4).map over 100,000 items, summed"],
];

// Typed output (issue 18): one annotated program translated as written and with its annotations
// removed (bench/lib/strip-annotations.mjs), both run by tsyncio: typed code must be no slower.
const TYPED = [["typed_pipeline", 2_000_000, "an annotated dataclass producer/consumer pipeline, 2,000,000 jobs"]];

const scratch = mkdtempSync(join(tmpdir(), "tsyncio-bench-"));
process.on("exit", () => rmSync(scratch, { recursive: true, force: true }));
const log = (s) => process.stderr.write(s + "\n");

if (!existsSync(join(root, "dist/index.js"))) {
  log("dist/ is missing: run `npm run build` first.");
  process.exit(2);
}

/** Runs `cmd` `repeats` times per implementation, interleaved, checking stdout. */
function compare(impls, expected, count = repeats) {
  const runs = Object.fromEntries(Object.keys(impls).map((k) => [k, []]));
  for (let r = 0; r < count; r++) {
    for (const [name, [cmd, argv]] of Object.entries(impls)) {
      const m = measure(cmd, argv, { cwd: here });
      if (m.code !== 0 || (expected !== null && m.stdout.trim() !== expected)) {
        throw new Error(`${name}: exit ${m.code}, stdout ${JSON.stringify(m.stdout.slice(0, 200))}, stderr ${m.stderr.slice(-500)}`);
      }
      runs[name].push(m);
    }
  }
  const out = {};
  for (const [name, ms] of Object.entries(runs)) {
    // run-js-cpu.mjs reports the program's own CPU (start-up excluded) on stderr as `CPU <ms>`.
    const inProcess = ms
      .map((m) => /^CPU (\d+)$/m.exec(m.stderr)?.[1])
      .filter(Boolean)
      .map((x) => Number(x) / 1000);
    const runCpu = inProcess.length === ms.length ? median(inProcess) : null;
    out[name] = {
      cpu: median(ms.map((m) => m.cpu)),
      runCpu,
      startup: runCpu === null ? null : median(ms.map((m, i) => m.cpu - inProcess[i])),
      wall: median(ms.map((m) => m.wall)),
      rss: Math.max(...ms.map((m) => m.rss ?? 0)) || null,
      runs: ms.map((m) => m.cpu),
    };
  }
  return out;
}

const results = { scheduler: [], bytes: [], io: [], threads: [], typed: [], startup: null, translate: null, size: null };

// --- scheduler benchmarks ----------------------------------------------------------------------
for (const [name, fullN, what] of SCHEDULER) {
  if (only && !only.includes(name)) continue;
  const n = String(quick ? fullN / 10 : fullN);
  const py = join(here, "programs", `${name}.py`);
  const json = join(scratch, `${name}.json`);
  compileFile(py, json);
  // Start-up is reported apart (the start-up table, and tsyncio's own split below), so the
  // end-to-end `tsyncio run` (start-up + translation + this run) is not repeated at these sizes.
  const impls = {
    tsyncio: [node, [join(here, "lib/run-js-cpu.mjs"), json, n]],
    reference: [node, [join(here, "reference/run.mjs"), name, n]],
  };
  if (havePython) impls.cpython = [python, [py, n]];
  log(`${name} (N=${n}, ${repeats} repeats)...`);
  const expected = measure(node, impls.tsyncio[1], { cwd: here }).stdout.trim();
  results.scheduler.push({ name, n: Number(n), what, ...compare(impls, expected) });
}

// --- binary data and real I/O: tsyncio (emitted JS) against CPython ------------------------------
for (const [list, key] of [
  [BYTES, "bytes"],
  [IO, "io"],
  [THREADS, "threads"],
]) {
  for (const [name, fullN, what] of list) {
    if (only && !only.includes(name)) continue;
    const n = String(quick ? fullN / 10 : fullN);
    const py = join(here, "programs", `${name}.py`);
    const json = join(scratch, `${name}.json`);
    compileFile(py, json);
    const impls = { tsyncio: [node, [join(here, "lib/run-js.mjs"), json, n]] };
    if (havePython) impls.cpython = [python, [py, n]];
    log(`${name} (N=${n}, ${repeats} repeats)...`);
    const expected = havePython ? measure(python, [py, n], { cwd: here }).stdout.trim() : null;
    const entry = { name, n: Number(n), what, ...compare(impls, expected) };
    // A transfer's rate: the wall time of N MiB minus that of a 1/100 of it (start-up, the
    // server's set-up and the threads' boot cancel out), so throughput is compared, not start-up.
    if (name === "io_bulk") {
      const small = String(Number(n) / 100);
      const smallImpls = { tsyncio: [node, [join(here, "lib/run-js.mjs"), json, small]] };
      if (havePython) smallImpls.cpython = [python, [py, small]];
      entry.small = { n: Number(small), ...compare(smallImpls, null) };
    }
    results[key].push(entry);
  }
}

// --- typed output: the annotated program against itself without annotations ----------------------
for (const [name, fullN, what] of TYPED) {
  if (only && !only.includes(name)) continue;
  const n = String(quick ? fullN / 10 : fullN);
  const py = join(here, "programs", `${name}.py`);
  const untypedPy = join(scratch, `${name}_untyped.py`);
  writeFileSync(untypedPy, stripAnnotations(readFileSync(py, "utf8")));
  const json = join(scratch, `${name}.json`);
  const untypedJson = join(scratch, `${name}_untyped.json`);
  compileFile(py, json);
  compileFile(untypedPy, untypedJson);
  const impls = { typed: [node, [join(here, "lib/run-js.mjs"), json, n]], untyped: [node, [join(here, "lib/run-js.mjs"), untypedJson, n]] };
  if (havePython) impls.cpython = [python, [py, n]];
  log(`${name} (N=${n}, ${repeats} repeats)...`);
  const expected = measure(node, impls.untyped[1], { cwd: here }).stdout.trim();
  results.typed.push({ name, n: Number(n), what, ...compare(impls, expected) });
}

// --- start-up ------------------------------------------------------------------------------------
if (!only || only.includes("startup")) {
  log("start-up...");
  const seed = join(root, "fixtures/seed-02-await-chain/input.py"); // ../shared/seed-examples/02_await_chain.py
  const json = join(scratch, "startup.json");
  compileFile(seed, json);
  // `tsyncio run` with its translation cache (a folder of the bench's own, filled by one run first)
  // and without it (--no-cache: what a first run costs, but for writing the entry).
  process.env.TSYNCIO_CACHE_DIR = join(scratch, "translation-cache");
  delete process.env.TSYNCIO_NO_CACHE;
  measure(node, [tsyncio, "run", seed], { cwd: here });
  const impls = {
    tsyncioRun: [node, [tsyncio, "run", seed]],
    tsyncioRunNoCache: [node, [tsyncio, "run", "--no-cache", seed]],
    emittedJs: [node, [join(here, "lib/run-js.mjs"), json]],
    nodeEmpty: [node, ["-e", ""]],
  };
  if (havePython) impls.cpython = [python, [seed]];
  results.startup = { seed: "02_await_chain.py", ...compare(impls, null, Math.max(repeats, 5)) };
}

// --- translate -----------------------------------------------------------------------------------
if (!only || only.includes("translate")) {
  log("translate...");
  const r = spawnSync(
    node,
    [join(here, "lib/translate.mjs"), "--passes", quick ? "5" : "15", "--cold-runs", quick ? "1" : "3", "--blocks", quick ? "50" : "200"],
    {
      encoding: "utf8",
      maxBuffer: 1 << 26,
    },
  );
  if (r.status !== 0) throw new Error(`translate benchmark failed: ${r.stderr}`);
  results.translate = JSON.parse(r.stdout);
}

// --- bundle size ---------------------------------------------------------------------------------
if (!only || only.includes("size")) {
  const r = spawnSync(node, [join(here, "lib/size.mjs")], { encoding: "utf8" });
  results.size = r.status === 0 ? JSON.parse(r.stdout) : { error: r.stderr.trim().split("\n").pop() };
}

// --- the table -----------------------------------------------------------------------------------
const s = (x) => (x === null || x === undefined ? "n/a" : x < 10 ? x.toFixed(2) : x.toFixed(1));
const ratio = (a, b) => (a && b ? (a / b).toFixed(2) + "×" : "n/a");
const mb = (kb) => (kb ? (kb / 1024).toFixed(0) : "n/a");
const kb = (b) => (b / 1024).toFixed(1);
const lines = [];
const row = (cells) => lines.push(`| ${cells.join(" | ")} |`);
const cpuModel = cpus()[0]?.model?.trim() ?? "?";
lines.push(
  `Machine: ${cpuModel}, ${cpus().length} CPUs, ${platform()} ${release()}, load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(
      " ",
    )}; Node ${process.version}; CPython ${havePython ? spawnSync(python, ["-V"], { encoding: "utf8" }).stdout.trim().replace("Python ", "") : "not found"}; ${new Date().toISOString().slice(0, 10)}.`,
);
lines.push(
  `Median of ${repeats} runs${quick ? " (--quick: N/10)" : ""}; CPU = user + sys seconds of the whole process (start-up included); wall in seconds; RSS = peak resident set in MB.${haveGnuTime ? "" : " (GNU time not found: CPU and RSS unavailable.)"} uvloop: not measured (not installable here: PyPI is unreachable).`,
);
lines.push("");
if (results.scheduler.length) {
  row([
    "benchmark",
    "N",
    "tsyncio CPU",
    "of which start-up",
    "tsyncio wall",
    "CPython CPU",
    "CPython wall",
    "CPython ÷ tsyncio (CPU)",
    "reference CPU",
    "tsyncio ÷ reference (CPU)",
    "RSS tsyncio / CPython / ref",
  ]);
  row(Array(11).fill("---"));
  for (const b of results.scheduler) {
    row([
      b.name,
      b.n.toLocaleString("en"),
      s(b.tsyncio.cpu),
      s(b.tsyncio.startup),
      s(b.tsyncio.wall),
      s(b.cpython?.cpu),
      s(b.cpython?.wall),
      ratio(b.cpython?.cpu, b.tsyncio.cpu),
      s(b.reference.cpu),
      ratio(b.tsyncio.cpu, b.reference.cpu),
      `${mb(b.tsyncio.rss)} / ${mb(b.cpython?.rss)} / ${mb(b.reference.rss)}`,
    ]);
  }
  lines.push("");
  lines.push(
    "tsyncio = the emitted JavaScript run on the runtime (translation done beforehand), whole process; \"of which start-up\" = that minus the CPU the program's run took in-process (Node, the bundle, the host, the runtime's import). Sizes are steady-state ones (CPython runs about 2 s or more, so its start-up is a few per cent); `tsyncio run` end to end is in the start-up table.",
  );
  lines.push("");
}
for (const [key, title, note] of [
  ["bytes", "binary data", "Binary data: the same output is checked for both; below 1× means tsyncio is slower."],
  ["io", "real I/O", "Real I/O: the same output is checked for both; CPU includes tsyncio's I/O kernel thread; compare wall too."],
  ["threads", "threads", "Threads: the same output is checked for both; CPython's threads are real, tsyncio's cooperative."],
]) {
  if (!results[key].length) continue;
  row([title, "N", "tsyncio CPU", "tsyncio wall", "CPython CPU", "CPython wall", "CPython ÷ tsyncio (CPU)", "RSS tsyncio / CPython"]);
  row(Array(8).fill("---"));
  for (const b of results[key]) {
    row([
      b.name,
      b.n.toLocaleString("en"),
      s(b.tsyncio.cpu),
      s(b.tsyncio.wall),
      s(b.cpython?.cpu),
      s(b.cpython?.wall),
      ratio(b.cpython?.cpu, b.tsyncio.cpu),
      `${mb(b.tsyncio.rss)} / ${mb(b.cpython?.rss)}`,
    ]);
  }
  lines.push("");
  lines.push(note);
  for (const b of results[key]) {
    if (!b.small) continue;
    const mib = b.n - b.small.n;
    const rate = (r) => (r ? mib / (r.wall - b.small[r === b.tsyncio ? "tsyncio" : "cpython"].wall) : null);
    const t = rate(b.tsyncio);
    const c = b.cpython && b.small.cpython ? rate(b.cpython) : null;
    lines.push(
      `${b.name} transfer rate (wall at ${b.n.toLocaleString("en")} MiB minus wall at ${b.small.n} MiB, start-up excluded): tsyncio ${t ? t.toFixed(0) : "n/a"} MiB/s, CPython ${c ? c.toFixed(0) : "n/a"} MiB/s = ${t && c ? (t / c).toFixed(2) + "×" : "n/a"} CPython's throughput.`,
    );
  }
  lines.push("");
}
if (results.typed.length) {
  row(["typed output", "N", "typed CPU", "annotations removed CPU", "untyped ÷ typed (CPU)", "CPython CPU", "CPython ÷ typed (CPU)"]);
  row(Array(7).fill("---"));
  for (const b of results.typed) {
    row([
      b.name,
      b.n.toLocaleString("en"),
      s(b.typed.cpu),
      s(b.untyped.cpu),
      ratio(b.untyped.cpu, b.typed.cpu),
      s(b.cpython?.cpu),
      ratio(b.cpython?.cpu, b.typed.cpu),
    ]);
  }
  lines.push("");
  lines.push(
    "Typed output: the same program translated with its annotations and without them (bench/lib/strip-annotations.mjs), both run by tsyncio with the same output checked; above 1× means the typed translation is faster.",
  );
  lines.push("");
}
if (results.startup) {
  const st = results.startup;
  row(["start-up (" + st.seed + ")", "CPU", "wall", "RSS MB"]);
  row(["---", "---", "---", "---"]);
  row(["`tsyncio run` (translation cached)", s(st.tsyncioRun.cpu), s(st.tsyncioRun.wall), mb(st.tsyncioRun.rss)]);
  if (st.tsyncioRunNoCache)
    row(["`tsyncio run --no-cache` (a first run)", s(st.tsyncioRunNoCache.cpu), s(st.tsyncioRunNoCache.wall), mb(st.tsyncioRunNoCache.rss)]);
  row(["emitted JS, run directly", s(st.emittedJs.cpu), s(st.emittedJs.wall), mb(st.emittedJs.rss)]);
  row(["`python3.12`", s(st.cpython?.cpu), s(st.cpython?.wall), mb(st.cpython?.rss)]);
  row(["`node -e ''` (floor)", s(st.nodeEmpty.cpu), s(st.nodeEmpty.wall), mb(st.nodeEmpty.rss)]);
  lines.push("");
}
if (results.translate) {
  const t = results.translate;
  row([
    "translate (CPU ms)",
    "lines",
    "raw lezer parse",
    "parse",
    "build AST",
    "lower",
    "emit JS",
    "emit TS",
    "prettier",
    "lines/s to JS",
    "lines/s to TS (formatted)",
    "to-JS speed ÷ lezer",
  ]);
  row(Array(12).fill("---"));
  // One row per measure: the stages' CPU ms, lines per second and the ratio (blank where not measured).
  const stageRow = (label, lineCount, m, lpsJs, lpsTs, ratio) =>
    row([
      label,
      lineCount.toLocaleString("en"),
      ...[m.lezer, m.parse, m.build, m.lower, m.emitJs, m.emitTs, m.prettier].map((v) => (v === undefined ? "" : v.toFixed(0))),
      lpsJs.toLocaleString("en"),
      lpsTs === undefined ? "" : lpsTs.toLocaleString("en"),
      ratio.toFixed(2),
    ]);
  for (const x of [t.large, t.seeds]) {
    const what = x.label === "generated" ? "generated program" : `${x.files} seed examples`;
    stageRow(`${what}, warm (min of ${x.passes} passes)`, x.lines, x.ms, x.linesPerSec.toJs, x.linesPerSec.toTs, x.ratioToLezer.toJs);
    stageRow(
      `${what}, cold (one pass in a fresh process, median of ${x.cold.runs})`,
      x.lines,
      x.cold.ms,
      x.cold.linesPerSec.toJs,
      undefined,
      x.cold.ratioToLezer.toJs,
    );
  }
  const e = t.eval;
  if (e) {
    // (no TypeScript and no prettier for the corpus)
    const only = (m) => ({ ...m, emitTs: undefined, prettier: undefined });
    stageRow(
      `eval corpus, ${e.files} programs that translate, warm (min of ${e.passes} passes; ${e.skipped} others left out)`,
      e.lines,
      only(e.ms),
      e.linesPerSec.toJs,
      undefined,
      e.ratioToLezer.toJs,
    );
    stageRow(
      `eval corpus, every 10th program (${e.cold.files}), cold (a fresh process per program, times summed)`,
      e.cold.lines,
      only(e.cold.ms),
      e.cold.linesPerSec.toJs,
      undefined,
      e.cold.ratioToLezer.toJs,
    );
    if (e.coldCli)
      stageRow(
        `eval corpus, the same ${e.coldCli.files} programs cold as \`tsyncio run\` translates (its compiler from the V8 code cache)`,
        e.coldCli.lines,
        only(e.coldCli.ms),
        e.coldCli.linesPerSec.toJs,
        undefined,
        e.coldCli.ratioToLezer.toJs,
      );
  }
  lines.push("");
}
if (results.size) {
  const z = results.size;
  if (z.error) lines.push(`Bundle size: esbuild failed (${z.error}).`);
  else
    lines.push(
      `Bundle size (esbuild --minify, gzip -9): asyncio part ${kb(z.asyncioOnly.gzip)} KB (${kb(z.asyncioOnly.min)} KB minified); asyncio with the builtins it imports ${kb(z.asyncioWithDeps.gzip)} KB; only run/sleep/gather imported ${kb(z.runSleepGatherOnly.gzip)} KB; the whole runtime ${kb(z.wholeRuntime.gzip)} KB.`,
    );
}
const table = lines.join("\n");
process.stdout.write(table + "\n");
const jsonOut = option("--json", null);
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(results, null, 1));
