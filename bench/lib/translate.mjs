// The translate benchmark: lines per second on a large generated program and on the seed examples,
// split by stage, against raw @lezer/python parsing of the same text. Two measures:
// - warm: in this process, after warm-up passes, the minimum per stage over --passes passes (V8 has
//   optimised the compiler by then; the minimum is the least disturbed by a shared machine). This is
//   the measure issue 19's "≥ ⅓ of lezer's speed" means.
// - cold: what one `tsyncio run` of a new program pays: one pass in a fresh process, medians of
//   --cold-runs runs (bench/lib/translate-stages.mjs --cold, lezer timed cold too).
// prettier runs apart, after the warm passes (its heap would otherwise sit under the stages' timings).
// - the eval corpus (eval/external), warm and cold (evalCorpus below).
// node bench/lib/translate.mjs [--passes N] [--cold-runs N] [--blocks B]   → prints one JSON object
import { readFileSync, readdirSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { join, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parser } from "@lezer/python";
import { buildModule, compileError, parseTree } from "../../dist/parse/index.js";
import { LineMap } from "../../dist/parse/positions.js";
import { lower } from "../../dist/lower/index.js";
import { unsupportedApis } from "../../dist/lower/unsupported-apis.js";
import { emitJavaScript, emitTypeScript, formatTypeScript } from "../../dist/emit/index.js";
import { generateLarge } from "./gen-large.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : dflt);
const passes = opt("--passes", 15);
const coldRuns = opt("--cold-runs", 3);
const blocks = opt("--blocks", 200);

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

// CPU time of this process in ms (the machine is shared: wall time would measure the neighbours).
const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const performance = { now: cpuNow };

/**
 * Stage CPU times (ms) for one pass over `sources` (all files translated one after another). The
 * stages are compileToJs's code paths: parse = parseTree, build = buildModule + compileError, lower =
 * unsupportedApis + lower.
 */
async function stages(sources, withPrettier) {
  const t = { lezer: 0, parse: 0, build: 0, lower: 0, emitJs: 0, emitTs: 0, prettier: 0 };
  for (const { name, source } of sources) {
    let t0 = performance.now();
    parser.parse(source);
    t.lezer += performance.now() - t0;

    t0 = performance.now();
    const lines = new LineMap(source);
    const { tree } = parseTree(source, lines, name);
    if (!tree) throw new Error(`${name}: syntax error`);
    t.parse += performance.now() - t0;

    t0 = performance.now();
    const { module } = buildModule(source, lines, tree, name);
    if (!module || compileError(module, lines, name)) throw new Error(`${name}: syntax error`);
    t.build += performance.now() - t0;

    t0 = performance.now();
    unsupportedApis(module, source);
    const { body, diagnostics } = lower(module, { filename: name, source });
    t.lower += performance.now() - t0;
    if (diagnostics.some((d) => d.severity === "error")) throw new Error(`${name}: ${diagnostics[0].message}`);

    t0 = performance.now();
    emitJavaScript(body);
    t.emitJs += performance.now() - t0;

    t0 = performance.now();
    const ts = emitTypeScript(body);
    t.emitTs += performance.now() - t0;

    if (withPrettier) {
      t0 = performance.now();
      await formatTypeScript(ts.text);
      t.prettier += performance.now() - t0;
    }
  }
  return t;
}

const stageKeys = ["lezer", "parse", "build", "lower", "emitJs", "emitTs"];

/** Warm stage times (minimum per stage over `passes` passes after three warm-up passes), prettier's median of `prettierRuns`. */
async function bench(label, sources, prettierRuns) {
  const lines = sources.reduce((n, s) => n + s.source.split("\n").length, 0);
  for (let i = 0; i < 3; i++) await stages(sources, false); // warm-up: JIT
  const ms = Object.fromEntries(stageKeys.map((k) => [k, Infinity]));
  for (let r = 0; r < passes; r++) {
    const t = await stages(sources, false);
    for (const k of stageKeys) ms[k] = Math.min(ms[k], t[k]);
  }
  const prettierTimes = [];
  for (let r = 0; r < prettierRuns; r++) prettierTimes.push((await stages(sources, true)).prettier);
  ms.prettier = median(prettierTimes);
  const toJs = ms.parse + ms.build + ms.lower + ms.emitJs; // what `tsyncio run` does
  const toTs = ms.parse + ms.build + ms.lower + ms.emitTs + ms.prettier; // `tsyncio FILE.py`
  const lps = (t) => Math.round(lines / (t / 1000));
  return {
    label,
    files: sources.length,
    lines,
    passes,
    ms,
    linesPerSec: { lezer: lps(ms.lezer), toJs: lps(toJs), toTsUnformatted: lps(toTs - ms.prettier), toTs: lps(toTs) },
    ratioToLezer: { toJs: ms.lezer / toJs, toTs: ms.lezer / toTs },
    cold: cold(label === "generated" ? "generated" : "seeds", lines),
  };
}

/** One pass in fresh processes (translate-stages --cold): stage medians and the median ratio. */
function cold(input, lines) {
  const r = spawnSync(
    process.execPath,
    [join(here, "translate-stages.mjs"), "--cold", "--runs", String(coldRuns), "--input", input, "--blocks", String(blocks)],
    { encoding: "utf8" },
  );
  if (r.status !== 0) throw new Error(`cold translate failed: ${r.stderr}`);
  const ms = JSON.parse(r.stdout.slice(r.stdout.indexOf("{")));
  const toJs = ms.parse + ms.build + ms.lower + ms.emitJs;
  return {
    runs: coldRuns,
    ms,
    linesPerSec: { lezer: Math.round(lines / (ms.lezer / 1000)), toJs: Math.round(lines / (toJs / 1000)) },
    ratioToLezer: { toJs: ms.ratioToLezer },
  };
}

// The seed examples (../shared/seed-examples) as the repository keeps them: fixtures/seed-*/input.py.
const fixtures = resolve(here, "../../fixtures");
const seeds = readdirSync(fixtures)
  .filter((d) => d.startsWith("seed-"))
  .sort()
  .map((d) => ({ name: `${d}.py`, source: readFileSync(join(fixtures, d, "input.py"), "utf8") }));
const large = [{ name: "large.py", source: generateLarge(blocks) }];

/**
 * The eval corpus (eval/external: programs nobody here wrote), the programs that translate, in a
 * process of its own (translate-stages.mjs): warm, lezer's time of all ÷ the translation's time of
 * all (min per stage over `passes` passes); cold, one fresh process per program (lezer's and
 * ours) for every 10th program, times summed, with the compiler compiled from source and (coldCli)
 * loaded from its code cache as `tsyncio run` loads it. No TypeScript or prettier.
 */
function evalCorpus(passes) {
  const run = (extra) => {
    const r = spawnSync(process.execPath, [join(here, "translate-stages.mjs"), "--input", "eval", ...extra], { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`eval translate failed: ${r.stderr}`);
    return JSON.parse(r.stdout.slice(r.stdout.indexOf("{")));
  };
  const warm = run(["--passes", String(passes)]);
  const cold = run(["--cold", "--per-program", "--every", "10"]);
  // the same, with the compiler loaded from its V8 code cache as `tsyncio run` loads it
  const coldCli = run(["--cold", "--per-program", "--every", "10", "--code-cache"]);
  const toJs = (m) => m.parse + m.build + m.lower + m.emitJs;
  const lps = (lines, ms) => Math.round(lines / (ms / 1000));
  return {
    label: "eval",
    files: warm.files,
    skipped: warm.skipped,
    lines: warm.lines,
    passes,
    ms: warm,
    linesPerSec: { lezer: lps(warm.lines, warm.lezer), toJs: lps(warm.lines, toJs(warm)) },
    ratioToLezer: { toJs: warm.ratioToLezer },
    cold: { files: cold.files, lines: cold.lines, ms: cold, linesPerSec: { toJs: lps(cold.lines, toJs(cold)) }, ratioToLezer: { toJs: cold.ratioToLezer } },
    coldCli: {
      files: coldCli.files,
      lines: coldCli.lines,
      ms: coldCli,
      linesPerSec: { toJs: lps(coldCli.lines, toJs(coldCli)) },
      ratioToLezer: { toJs: coldCli.ratioToLezer },
    },
  };
}

await stages(seeds, true); // load prettier and its plugins outside the measurements
const seedResult = await bench("seeds", seeds, 3);
const result = { large: await bench("generated", large, 1), seeds: seedResult, eval: evalCorpus(passes >= 15 ? 5 : 2) };
process.stdout.write(JSON.stringify(result) + "\n");
