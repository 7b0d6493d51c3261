// The translate benchmark, in-process: lines per second on a large generated program and on the
// seed examples, split by stage, against raw @lezer/python parsing of the same text.
// node bench/lib/translate.mjs [--repeats N] [--blocks B]   → prints one JSON object
import { readFileSync, readdirSync } from "node:fs";
import { join, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parser } from "@lezer/python";
import { Builder } from "../../dist/parse/build.js";
import { LineMap } from "../../dist/parse/positions.js";
import { lezerInput } from "../../dist/parse/repair.js";
import { findSyntaxError } from "../../dist/parse/syntax-errors.js";
import { lower } from "../../dist/lower/index.js";
import { emitJavaScript, emitTypeScript, formatTypeScript } from "../../dist/emit/index.js";
import { generateLarge } from "./gen-large.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : dflt);
const repeats = opt("--repeats", 5);
const blocks = opt("--blocks", 200);

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

// CPU time of this process in ms (the machine is shared: wall time would measure the neighbours).
const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const performance = { now: cpuNow };

/** Stage CPU times (ms) for one pass over `sources` (all files translated one after another). */
async function stages(sources, withPrettier) {
  const t = { lezer: 0, parse: 0, build: 0, lower: 0, emitJs: 0, emitTs: 0, prettier: 0 };
  for (const { name, source } of sources) {
    let t0 = performance.now();
    parser.parse(source);
    t.lezer += performance.now() - t0;

    t0 = performance.now();
    const lines = new LineMap(source);
    const tree = parser.parse(lezerInput(source));
    if (findSyntaxError(source, tree, lines)) throw new Error(`${name}: syntax error`);
    t.parse += performance.now() - t0;

    t0 = performance.now();
    const module = new Builder(source, lines).module(tree.topNode);
    t.build += performance.now() - t0;

    t0 = performance.now();
    const { body, diagnostics } = lower(module, { filename: name });
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

// prettier is slow on large inputs (seconds per 10k lines): it runs in `prettierRuns` of the repeats.
async function bench(label, sources, prettierRuns) {
  const lines = sources.reduce((n, s) => n + s.source.split("\n").length, 0);
  await stages(sources, false); // warm-up: JIT
  const runs = [];
  for (let r = 0; r < repeats; r++) runs.push(await stages(sources, r < prettierRuns));
  const med = {};
  for (const k of Object.keys(runs[0])) med[k] = median(runs.slice(0, k === "prettier" ? prettierRuns : runs.length).map((x) => x[k]));
  const toJs = med.parse + med.build + med.lower + med.emitJs; // what `tsyncio run` does
  const toTs = med.parse + med.build + med.lower + med.emitTs + med.prettier; // `tsyncio FILE.py`
  const lps = (ms) => Math.round(lines / (ms / 1000));
  return {
    label, files: sources.length, lines, ms: med,
    linesPerSec: { lezer: lps(med.lezer), toJs: lps(toJs), toTsUnformatted: lps(toTs - med.prettier), toTs: lps(toTs) },
    ratioToLezer: { toJs: med.lezer / toJs, toTs: med.lezer / toTs },
  };
}

// The seed examples (../shared/seed-examples) as the repository keeps them: fixtures/seed-*/input.py.
const fixtures = resolve(here, "../../fixtures");
const seeds = readdirSync(fixtures).filter((d) => d.startsWith("seed-")).sort().map((d) => ({ name: `${d}.py`, source: readFileSync(join(fixtures, d, "input.py"), "utf8") }));
const large = [{ name: "large.py", source: generateLarge(blocks) }];

await stages(seeds, true); // load prettier and its plugins outside the measurements
const seedResult = await bench("seeds", seeds, repeats);
const result = { large: await bench("generated", large, 1), seeds: seedResult };
process.stdout.write(JSON.stringify(result) + "\n");
