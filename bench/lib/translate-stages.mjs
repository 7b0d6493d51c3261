// Per-stage CPU ms of translating, minimum over many in-process passes (less noisy than the bench's
// median on a shared machine), and a loop to profile:
//   node bench/lib/translate-stages.mjs [--passes N] [--input generated|seeds] [--blocks B] [--stage NAME]
//   node --cpu-prof --cpu-prof-dir=DIR bench/lib/translate-stages.mjs --passes 30 --stage lower
// --stage restricts the timed work to one stage (the earlier ones run once, outside the loop; the
// tree lower reads is built afresh, untimed, for each pass: lowering keeps facts per tree).
// --blocks: size of the generated program (default 200 blocks, 10,811 lines): 1×, 2×, 4× of it
// show whether a stage's time grows linearly.
// The stages are the translation's own code paths (src/index.ts compileToJs): parse is parseTree
// (the checks before building, lezerParse, the syntax-error scan, the indentation check), build is
// buildModule (the AST and the compiler-limit checks), lower is unsupportedApis and lower.
// --cold [--runs N]: what one `tsyncio run` pays: each run is two fresh processes, one that parses
// with lezer once and one that translates once (our parse, build, lower, emit JS), nothing warmed
// up (V8 compiles the compiler as it goes); medians over N runs (default 5), alternating the two.
import { readFileSync, readdirSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { join, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parser } from "@lezer/python";
import { buildModule, parseTree } from "../../dist/parse/index.js";
import { LineMap } from "../../dist/parse/positions.js";
import { lezerInput } from "../../dist/parse/repair.js";
import { findSyntaxError } from "../../dist/parse/syntax-errors.js";
import { checkIndentation, nullByteError, parserStackError } from "../../dist/parse/limits.js";
import { lower } from "../../dist/lower/index.js";
import { unsupportedApis } from "../../dist/lower/unsupported-apis.js";
import { emitJavaScript, emitTypeScript } from "../../dist/emit/index.js";
import { generateLarge } from "./gen-large.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const passes = Number(opt("--passes", 20));
const input = opt("--input", "generated");
const only = opt("--stage", null);
const blocks = Number(opt("--blocks", 200));

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

if (args.includes("--cold")) {
  const runs = Number(opt("--runs", 5));
  const child = (what) => {
    const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), "--cold-child", what, "--input", input, "--blocks", String(blocks)], { encoding: "utf8" });
    if (r.status !== 0) throw new Error(r.stderr);
    return JSON.parse(r.stdout);
  };
  const all = [];
  for (let i = 0; i < runs; i++) all.push({ ...child("lezer"), ...child("translate") });
  const median = (k) => [...all.map((x) => x[k])].sort((a, b) => a - b)[all.length >> 1];
  const out = Object.fromEntries(["lezer", "parse", "build", "lower", "emitJs"].map((k) => [k, Math.round(median(k) * 10) / 10]));
  const ratios = all.map((x) => x.lezer / (x.parse + x.build + x.lower + x.emitJs)).sort((a, b) => a - b);
  out.ratioToLezer = Math.round(ratios[runs >> 1] * 1000) / 1000;
  console.log(input, "cold", JSON.stringify(out));
  process.exit(0);
}

/** The translation's parse (parseTree): lezer's tree, checked. */
function parseStage(name, source, lines) {
  const parsed = parseTree(source, lines, name);
  if (!parsed.tree) throw new Error(`${name}: syntax error`);
  return parsed.tree;
}
/** The translation's build (buildModule): the AST, checked. */
function buildStage(name, source, lines, tree) {
  const built = buildModule(source, lines, tree, name);
  if (!built.module) throw new Error(`${name}: syntax error`);
  return built.module;
}
/** The translation's lowering, as compileToJs runs it (the unsupported-API check first). */
function lowerStage(name, source, module) {
  unsupportedApis(module, source);
  return lower(module, { filename: name, source });
}

const fixtures = resolve(here, "../../fixtures");
const sources =
  input === "seeds"
    ? readdirSync(fixtures).filter((d) => d.startsWith("seed-")).sort().map((d) => ({ name: `${d}.py`, source: readFileSync(join(fixtures, d, "input.py"), "utf8") }))
    : [{ name: "large.py", source: generateLarge(blocks) }];

if (args.includes("--cold-child")) {
  // One pass, first use of every function in this process.
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

// parseExtra: what our parse adds to lezer's (line map, lezer input edits, syntax-error scan, the
// checks of limits.ts), timed apart from the lezer parse (its noise would hide it).
const stageNames = ["lezer", "parse", "parseExtra", "build", "lower", "emitJs", "emitTs"];
// Inputs of each stage, computed once (for --stage).
const prepared = sources.map(({ name, source }) => {
  const lines = new LineMap(source);
  const tree = parseStage(name, source, lines);
  const module = buildStage(name, source, lines, tree);
  const { body } = lowerStage(name, source, module);
  return { name, source, lines, tree, module, body };
});

function pass() {
  const t = Object.fromEntries(stageNames.map((k) => [k, 0]));
  for (const p of prepared) {
    const { name, source } = p;
    const run = (k) => !only || only === k;
    let t0;
    if (run("lezer")) {
      t0 = cpuNow();
      parser.parse(source);
      t.lezer += cpuNow() - t0;
    }
    let lines = p.lines, tree = p.tree, module = p.module, body = p.body;
    if (run("parse")) {
      t0 = cpuNow();
      lines = new LineMap(source);
      tree = parseStage(name, source, lines);
      t.parse += cpuNow() - t0;
    }
    if (run("parseExtra")) {
      t0 = cpuNow();
      const l = new LineMap(source);
      if (nullByteError(source, l, name) ?? parserStackError(source, l, name)) throw new Error(`${name}: syntax error`);
      lezerInput(source);
      if (findSyntaxError(source, p.tree, l)) throw new Error(`${name}: syntax error`);
      checkIndentation(source, p.tree);
      t.parseExtra += cpuNow() - t0;
    }
    if (run("build")) {
      t0 = cpuNow();
      module = buildStage(name, source, lines, tree);
      t.build += cpuNow() - t0;
    }
    if (run("lower")) {
      if (only) module = buildStage(name, source, lines, tree);
      t0 = cpuNow();
      body = lowerStage(name, source, module).body;
      t.lower += cpuNow() - t0;
    }
    if (run("emitJs")) {
      t0 = cpuNow();
      emitJavaScript(body);
      t.emitJs += cpuNow() - t0;
    }
    if (run("emitTs")) {
      t0 = cpuNow();
      emitTypeScript(body);
      t.emitTs += cpuNow() - t0;
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
const r = (x) => Math.round(x * 10) / 10;
const out = Object.fromEntries(stageNames.map((k) => [k, r(min[k])]));
if (!only) {
  const toJs = min.parse + min.build + min.lower + min.emitJs;
  out.afterLezer = r(toJs - min.lezer);
  out.ratioToLezer = Math.round((min.lezer / toJs) * 1000) / 1000;
}
console.log(input, JSON.stringify(out));
