// Per-stage CPU ms of translating, minimum over many in-process passes (less noisy than the bench's
// median on a shared machine), and a loop to profile:
//   node bench/lib/translate-stages.mjs [--passes N] [--input generated|seeds|eval|fixtures] [--blocks B] [--stage NAME]
//   node --cpu-prof --cpu-prof-dir=DIR bench/lib/translate-stages.mjs --passes 30 --stage lower
// --stage restricts the timed work to one stage (the earlier ones run once, outside the loop; the
// tree lower reads is built afresh, untimed, for each pass: lowering keeps facts per tree).
// --blocks: size of the generated program (default 200 blocks, 10,811 lines): 1×, 2×, 4× of it
// show whether a stage's time grows linearly.
// --input: the generated program (the default), the seed examples (fixtures/seed-*), the eval
// corpus (eval/external/*.py: programs nobody here wrote) or every fixture's input.py. Of the real
// inputs only the programs that translate are timed (the others are syntax errors on purpose or
// use what tsyncio reports as unsupported: they stop before emit); `files` and `skipped` count them.
// The ratio is then lezer's time of all ÷ the translation's time of all. --every K takes every
// K-th program (a sample); --per-file FILE writes each program's lines and per-stage minimums.
// The stages are the translation's own code paths (src/index.ts compileToJs): parse is parseTree
// (the checks before building, lezerParse, the syntax-error scan, the indentation check), build is
// buildModule and compileError (the AST and the compiler-limit checks, the compiler's own errors),
// lower is unsupportedApis and lower.
// --cold [--runs N]: what one `tsyncio run` pays: each run is two fresh processes, one that parses
// with lezer once and one that translates once (our parse, build, lower, emit JS), nothing warmed
// up (V8 compiles the compiler as it goes); medians over N runs (default 5), alternating the two.
// --cold --code-cache: the children load the stages from a bundle with a V8 code cache (see STAGES_ENTRY),
// made by a warm-up translation of the program the CLI's build warms its own cache on
// (scripts/warm-up.py; --warm-up FILE,... for others): what `tsyncio run` pays, since the CLI always
// runs from such a cache. Without --code-cache V8 also compiles the compiler's source as it goes.
// --cold --per-program: one fresh process per program (lezer's and ours), times summed over the
// programs (one run); without it, all of an input's programs are translated in one fresh process.
// The README's rows, one command each: warm `--passes 15` (generated) and `--input eval --passes 5`;
// cold `--cold --runs 3` (generated) and `--input eval --cold --per-program --every 10` (the eval
// corpus, every 10th program, no code cache: bench/lib/translate.mjs's row); with `--code-cache`
// added, the same as a `tsyncio run` from the CLI's code cache.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import vm from "node:vm";
import { generateLarge } from "./gen-large.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);

// --cold --code-cache: the cold children load the stages (and lezer) from one CommonJS bundle with a
// V8 code cache beside it, made the way the CLI's are (scripts/bundle-cli.mjs, bin/load-cli.js: the
// bundle run once on a small program, then the cache written with what it compiled), so that
// V8's compiling of the compiler's source is not in the times: what `tsyncio run` pays.
const STAGES_ENTRY = `
export { parser } from "@lezer/python";
export { buildModule, compileError, parseTree } from "./dist/parse/index.js";
export { LineMap } from "./dist/parse/positions.js";
export { lezerInput } from "./dist/parse/repair.js";
export { findSyntaxError } from "./dist/parse/syntax-errors.js";
export { checkIndentation, nullByteError, parserStackError } from "./dist/parse/limits.js";
export { lower } from "./dist/lower/index.js";
export { unsupportedApis } from "./dist/lower/unsupported-apis.js";
export { emitJavaScript, emitTypeScript } from "./dist/emit/index.js";
`;
/** The bundle's exports, run with its code cache (`makeCache`: run without one, the cache written at exit). */
function runBundle(file, makeCache) {
  const source = readFileSync(file, "utf8");
  const cachedData = makeCache ? undefined : readFileSync(`${file}.cache`);
  const script = new vm.Script(`(function (exports, require, module) {${source}\n})`, { filename: file, cachedData });
  if (!makeCache && script.cachedDataRejected) throw new Error("the code cache was rejected");
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module);
  if (makeCache) process.once("exit", () => writeFileSync(`${file}.cache`, script.createCachedData()));
  return module.exports;
}
const bundleFile = opt("--bundle", null);
const stagesApi = bundleFile
  ? runBundle(bundleFile, opt("--cold-child") === "warm-up")
  : {
      ...(await import("@lezer/python")),
      ...(await import("../../dist/parse/index.js")),
      ...(await import("../../dist/parse/positions.js")),
      ...(await import("../../dist/parse/repair.js")),
      ...(await import("../../dist/parse/syntax-errors.js")),
      ...(await import("../../dist/parse/limits.js")),
      ...(await import("../../dist/lower/index.js")),
      ...(await import("../../dist/lower/unsupported-apis.js")),
      ...(await import("../../dist/emit/index.js")),
    };
const { parser, buildModule, compileError, parseTree, LineMap, lezerInput, findSyntaxError, checkIndentation, nullByteError, parserStackError, lower, unsupportedApis, emitJavaScript, emitTypeScript } =
  stagesApi;
const passes = Number(opt("--passes", 20));
const input = opt("--input", "generated");
const only = opt("--stage", null);
const blocks = Number(opt("--blocks", 200));
const every = Number(opt("--every", 1));
const warmUpFiles = opt("--warm-up", resolve(here, "../../scripts/warm-up.py"))
  .split(",")
  .map((f) => resolve(f));

// --thread-cpu: the main thread's CPU time alone (Linux: /proc/thread-self/schedstat, in ns), without
// V8's helper threads (concurrent compilation and marking, parallel scavenges), whose CPU time a
// loaded machine inflates and which land on whichever stage is running: process CPU time of the
// same pass then varies ×3 at load 15-20.
const threadClock = process.argv.includes("--thread-cpu");
const cpuNow = threadClock
  ? () => Number(readFileSync("/proc/thread-self/schedstat", "utf8").split(" ")[0]) / 1e6
  : () => {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1000;
    };

/** The translation's parse (parseTree): lezer's tree, checked. */
function parseStage(name, source, lines) {
  const parsed = parseTree(source, lines, name);
  if (!parsed.tree) throw new Error(`${name}: syntax error`);
  return parsed.tree;
}
/** The translation's build (buildModule, then compileError as compileToJs runs it): the AST, checked. */
function buildStage(name, source, lines, tree) {
  const built = buildModule(source, lines, tree, name);
  if (!built.module) throw new Error(`${name}: syntax error`);
  if (compileError(built.module, lines, name)) throw new Error(`${name}: syntax error`);
  return built.module;
}
/** The translation's lowering, as compileToJs runs it (the unsupported-API check first). */
function lowerStage(name, source, module) {
  unsupportedApis(module, source);
  return lower(module, { filename: name, source });
}

const fixtures = resolve(here, "../../fixtures");
const evalDir = resolve(here, "../../eval/external");
const fixtureInputs = (keep) =>
  readdirSync(fixtures)
    .filter(keep)
    .sort()
    .filter((d) => existsSync(join(fixtures, d, "input.py")))
    .map((d) => ({ name: `${d}.py`, source: readFileSync(join(fixtures, d, "input.py"), "utf8") }));
/** The programs of an --input. */
function inputSources(what) {
  if (what === "generated") return [{ name: "large.py", source: generateLarge(blocks) }];
  if (what === "seeds") return fixtureInputs((d) => d.startsWith("seed-"));
  if (what === "fixtures") return fixtureInputs(() => true);
  if (what === "eval")
    return readdirSync(evalDir)
      .filter((f) => f.endsWith(".py"))
      .sort()
      .map((f) => ({ name: f, source: readFileSync(join(evalDir, f), "utf8") }));
  throw new Error(`--input ${what}: generated, seeds, eval or fixtures`);
}
/** Whether `source` translates to JavaScript (no syntax error, nothing reported as unsupported). */
function translates(name, source) {
  try {
    const lines = new LineMap(source);
    const parsed = parseTree(source, lines, name);
    if (!parsed.tree) return false;
    const built = buildModule(source, lines, parsed.tree, name);
    if (!built.module || compileError(built.module, lines, name)) return false;
    if (unsupportedApis(built.module, source).length) return false;
    const { diagnostics } = lower(built.module, { filename: name, source });
    return !diagnostics.some((d) => d.severity === "error");
  } catch {
    return false;
  }
}
const lineCount = (sources) => sources.reduce((n, s) => n + s.source.split("\n").length, 0);

const allSources = inputSources(input).filter((_, i) => i % every === 0);

if (opt("--cold-child") === "warm-up") {
  // (--code-cache: the run that makes the bundle's code cache, as the CLI's build does: by default on
  // the program the CLI's build warms up on, --warm-up FILE,... on others)
  for (const file of warmUpFiles) {
    const source = readFileSync(file, "utf8");
    const lines = new LineMap(source);
    const module = buildModule(source, lines, parseTree(source, lines, file).tree, file).module;
    compileError(module, lines, file);
    unsupportedApis(module, source);
    emitJavaScript(lower(module, { filename: file, source }).body);
    parser.parse(source);
  }
  process.exit(0);
}

if (args.includes("--cold-child")) {
  // One pass, first use of every function in this process: the programs to translate are named by
  // the parent (--names FILE), which checked that they translate (checking here would warm up).
  const names = args.includes("--names") ? new Set(JSON.parse(readFileSync(opt("--names"), "utf8"))) : null;
  const sources = names ? allSources.filter((s) => names.has(s.name)) : allSources;
  const t = { lezer: 0, parse: 0, build: 0, lower: 0, emitJs: 0 };
  for (const { name, source } of sources) {
    let t0 = cpuNow();
    if (opt("--cold-child") === "lezer") {
      parser.parse(source);
      t.lezer += cpuNow() - t0;
      continue;
    }
    const lines = new LineMap(source);
    const tree = parseStage(name, source, lines);
    t.parse += cpuNow() - t0;
    t0 = cpuNow();
    const module = buildStage(name, source, lines, tree);
    t.build += cpuNow() - t0;
    t0 = cpuNow();
    const { body } = lowerStage(name, source, module);
    t.lower += cpuNow() - t0;
    t0 = cpuNow();
    emitJavaScript(body);
    t.emitJs += cpuNow() - t0;
  }
  const what = opt("--cold-child");
  console.log(JSON.stringify(what === "lezer" ? { lezer: t.lezer } : { parse: t.parse, build: t.build, lower: t.lower, emitJs: t.emitJs }));
  process.exit(0);
}

const sources = input === "generated" ? allSources : allSources.filter(({ name, source }) => translates(name, source));
const counts = { files: sources.length, skipped: allSources.length - sources.length, lines: lineCount(sources) };
const r1 = (x) => Math.round(x * 10) / 10;

if (args.includes("--cold")) {
  const runs = Number(opt("--runs", 5));
  const perProgram = args.includes("--per-program");
  const dir = mkdtempSync(join(tmpdir(), "translate-stages-"));
  const bundle = args.includes("--code-cache") ? join(dir, "stages.cjs") : null;
  const child = (what, names) => {
    const list = join(dir, "names.json");
    writeFileSync(list, JSON.stringify(names));
    const r = spawnSync(
      process.execPath,
      [
        fileURLToPath(import.meta.url),
        "--cold-child",
        what,
        "--input",
        input,
        "--blocks",
        String(blocks),
        "--every",
        String(every),
        "--names",
        list,
        ...(threadClock ? ["--thread-cpu"] : []),
        ...(bundle ? ["--bundle", bundle, "--warm-up", warmUpFiles.join(",")] : []),
      ],
      { encoding: "utf8" },
    );
    if (r.status !== 0) throw new Error(r.stderr);
    return what === "warm-up" ? null : JSON.parse(r.stdout);
  };
  if (bundle) {
    const { build } = await import("esbuild");
    const { lezerTables } = await import("../../scripts/lib/lezer-tables.mjs");
    const root = resolve(here, "../..");
    await build({ stdin: { contents: STAGES_ENTRY, resolveDir: root }, bundle: true, platform: "node", format: "cjs", outfile: bundle, plugins: [lezerTables], logLevel: "error" });
    child("warm-up", []);
  }
  const sum = (xs) => xs.reduce((acc, x) => Object.fromEntries(Object.keys(x).map((k) => [k, (acc[k] ?? 0) + x[k]])), {});
  const all = [];
  try {
    for (let i = 0; i < (perProgram ? 1 : runs); i++) {
      if (perProgram) all.push(sum(sources.map(({ name }) => ({ ...child("lezer", [name]), ...child("translate", [name]) }))));
      else all.push({ ...child("lezer", sources.map((s) => s.name)), ...child("translate", sources.map((s) => s.name)) });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const median = (k) => [...all.map((x) => x[k])].sort((a, b) => a - b)[all.length >> 1];
  const out = { ...counts, ...Object.fromEntries(["lezer", "parse", "build", "lower", "emitJs"].map((k) => [k, r1(median(k))])) };
  const ratios = all.map((x) => x.lezer / (x.parse + x.build + x.lower + x.emitJs)).sort((a, b) => a - b);
  out.ratioToLezer = Math.round(ratios[all.length >> 1] * 1000) / 1000;
  console.log(input, perProgram ? "cold, a process per program" : "cold", bundle ? "(code cache)" : "", JSON.stringify(out));
  process.exit(0);
}

// parseExtra: what our parse adds to lezer's (line map, lezer input edits, syntax-error scan, the
// checks of limits.ts), timed apart from the lezer parse (its noise would hide it).
const stageNames = ["lezer", "parse", "parseExtra", "build", "lower", "emitJs", "emitTs"];
// Inputs of each stage, computed once (for --stage).
const prepared = sources.map(({ name, source }) => {
  const lines = new LineMap(source);
  const tree = parseStage(name, source, lines);
  const module = buildStage(name, source, lines, tree);
  const { body } = lowerStage(name, source, module);
  return { name, source, lines, tree, module, body, min: Object.fromEntries(stageNames.map((k) => [k, Infinity])) };
});

function pass() {
  const t = Object.fromEntries(stageNames.map((k) => [k, 0]));
  for (const p of prepared) {
    const { name, source } = p;
    const run = (k) => !only || only === k;
    // Each stage's time of this program: added to the pass's totals and kept as the program's minimum.
    const took = (k, ms) => {
      t[k] += ms;
      if (ms < p.min[k]) p.min[k] = ms;
    };
    let t0;
    if (run("lezer")) {
      t0 = cpuNow();
      parser.parse(source);
      took("lezer", cpuNow() - t0);
    }
    let lines = p.lines, tree = p.tree, module = p.module, body = p.body;
    if (run("parse")) {
      t0 = cpuNow();
      lines = new LineMap(source);
      tree = parseStage(name, source, lines);
      took("parse", cpuNow() - t0);
    }
    if (run("parseExtra")) {
      t0 = cpuNow();
      const l = new LineMap(source);
      if (nullByteError(source, l, name) ?? parserStackError(source, l, name)) throw new Error(`${name}: syntax error`);
      lezerInput(source);
      if (findSyntaxError(source, p.tree, l)) throw new Error(`${name}: syntax error`);
      checkIndentation(source, p.tree);
      took("parseExtra", cpuNow() - t0);
    }
    if (run("build")) {
      t0 = cpuNow();
      module = buildStage(name, source, lines, tree);
      took("build", cpuNow() - t0);
    }
    if (run("lower")) {
      if (only) module = buildStage(name, source, lines, tree);
      t0 = cpuNow();
      body = lowerStage(name, source, module).body;
      took("lower", cpuNow() - t0);
    }
    if (run("emitJs")) {
      t0 = cpuNow();
      emitJavaScript(body);
      took("emitJs", cpuNow() - t0);
    }
    if (run("emitTs")) {
      t0 = cpuNow();
      emitTypeScript(body);
      took("emitTs", cpuNow() - t0);
    }
  }
  return t;
}

pass(); // warm-up
const min = Object.fromEntries(stageNames.map((k) => [k, Infinity]));
for (let i = 0; i < passes; i++) {
  const t = pass();
  for (const k of stageNames) min[k] = Math.min(min[k], t[k]);
}
const out = { ...(input === "generated" ? {} : counts), ...Object.fromEntries(stageNames.map((k) => [k, r1(min[k])])) };
if (!only) {
  const toJs = min.parse + min.build + min.lower + min.emitJs;
  out.afterLezer = r1(toJs - min.lezer);
  out.ratioToLezer = Math.round((min.lezer / toJs) * 1000) / 1000;
}
if (args.includes("--per-file")) {
  const rows = prepared.map((p) => ({ name: p.name, lines: p.source.split("\n").length, ...Object.fromEntries(stageNames.map((k) => [k, Math.round(p.min[k] * 1000) / 1000])) }));
  writeFileSync(opt("--per-file"), JSON.stringify(rows, null, 1) + "\n");
}
console.log(input, JSON.stringify(out));
