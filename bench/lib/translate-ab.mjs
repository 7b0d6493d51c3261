// One stage of the translation, this tree's build (B) against another build's (A, `--base DIR`: a
// checkout of the base commit with `npx tsc -p tsconfig.json` run and node_modules linked), both
// loaded into one process and run alternately (A first in even rounds), each on inputs made by its
// own earlier stages; the main thread's CPU time (Linux: /proc/thread-self/schedstat). On a loaded
// machine a pair of processes run minutes apart differs by ±15% with the same code; rounds
// alternated within one process see the same load, and the median of the per-round ratios B ÷ A is
// what to read.
//   node bench/lib/translate-ab.mjs --base DIR [--stage build|lower|emitJs|emitTs] [--rounds N] [--input generated|eval] [--every K]
// build: buildModule and compileError on a lezer tree (made once per side), as translate-stages.mjs
// times it; lower: unsupportedApis and lower, each round on a module built afresh, untimed (lowering
// keeps facts per tree); emitJs/emitTs: the printer on each side's own lowering's IR, whose
// outputs are compared once (the script stops if they differ).
// Not for lezer's parse: both sides run @lezer's own functions (one copy in node_modules), so the
// two builds' tree cursors meet in the same compiled code; compare the parse with separate
// processes (translate-stages.mjs, alternated).
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { generateLarge } from "./gen-large.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const baseDir = opt("--base", null);
if (!baseDir) {
  console.error("usage: node bench/lib/translate-ab.mjs --base DIR [--stage build|lower|emitJs|emitTs] [--rounds N] [--input generated|eval] [--every K]");
  process.exit(2);
}
const stage = opt("--stage", "build");
const rounds = Number(opt("--rounds", "30"));
const input = opt("--input", "generated");
const every = Number(opt("--every", "1"));

const threadMs = () => Number(readFileSync("/proc/thread-self/schedstat", "utf8").split(" ")[0]) / 1e6;
const load = () => readFileSync("/proc/loadavg", "utf8").split(" ")[0];

async function side(root) {
  const dist = (p) => import(pathToFileURL(join(resolve(root), "dist", p)).href);
  return {
    ...(await dist("parse/index.js")),
    ...(await dist("parse/positions.js")),
    ...(await dist("lower/index.js")),
    ...(await dist("lower/unsupported-apis.js")),
    ...(await dist("emit/index.js")),
  };
}
const A = await side(baseDir);
const B = await side(resolve(here, "../.."));

const evalDir = resolve(here, "../../eval/external");
const sources = (
  input === "generated"
    ? [{ name: "large.py", source: generateLarge(200) }]
    : readdirSync(evalDir)
        .filter((f) => f.endsWith(".py"))
        .sort()
        .map((f) => ({ name: f, source: readFileSync(join(evalDir, f), "utf8") }))
).filter((_, i) => i % every === 0);

/** Each program that translates on this side: its lines, lezer tree, module and IR (the stages before `stage`). */
function prepare(M) {
  const out = [];
  for (const { name, source } of sources) {
    try {
      const lines = new M.LineMap(source);
      const parsed = M.parseTree(source, lines, name);
      if (!parsed.tree) continue;
      const built = M.buildModule(source, lines, parsed.tree, name);
      if (!built.module || M.compileError(built.module, lines, name)) continue;
      if (M.unsupportedApis(built.module, source).length) continue;
      const { body, diagnostics } = M.lower(built.module, { filename: name, source });
      if (diagnostics.some((d) => d.severity === "error")) continue;
      out.push({ name, source, lines, tree: parsed.tree, body });
    } catch {
      // (a program the translation throws on is not timed)
    }
  }
  return out;
}
const pa = prepare(A);
const pb = prepare(B);
const names = new Set(pb.map((p) => p.name));
const both = (ps) => ps.filter((p) => names.has(p.name) && pa.some((q) => q.name === p.name));
const [ia, ib] = [both(pa), both(pb)];

const emit = stage === "emitJs" ? "emitJavaScript" : stage === "emitTs" ? "emitTypeScript" : null;
if (emit)
  for (let i = 0; i < ia.length; i++)
    if (A[emit](ia[i].body).text !== B[emit](ib[i].body).text) throw new Error(`${ia[i].name}: the two builds print differently`);

/** One round of the stage over the programs, on side M: main-thread ms. */
function round(M, ps) {
  let ms = 0;
  for (const p of ps) {
    if (stage === "build") {
      const t0 = threadMs();
      const built = M.buildModule(p.source, p.lines, p.tree, p.name);
      M.compileError(built.module, p.lines, p.name);
      ms += threadMs() - t0;
    } else if (stage === "lower") {
      const module = M.buildModule(p.source, p.lines, p.tree, p.name).module;
      const t0 = threadMs();
      M.unsupportedApis(module, p.source);
      M.lower(module, { filename: p.name, source: p.source });
      ms += threadMs() - t0;
    } else if (emit) {
      const t0 = threadMs();
      M[emit](p.body);
      ms += threadMs() - t0;
    } else throw new Error(`--stage ${stage}: build, lower, emitJs or emitTs`);
  }
  return ms;
}

const ta = [];
const tb = [];
const loads = [load()];
round(A, ia); // (a warm-up round each)
round(B, ib);
for (let i = 0; i < rounds; i++) {
  if (i % 2 === 0) {
    ta.push(round(A, ia));
    tb.push(round(B, ib));
  } else {
    tb.push(round(B, ib));
    ta.push(round(A, ia));
  }
}
loads.push(load());
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const r2 = (x) => Math.round(x * 100) / 100;
console.log(
  JSON.stringify({
    stage,
    input,
    programs: ia.length,
    rounds,
    A: { min: r2(Math.min(...ta)), median: r2(median(ta)) },
    B: { min: r2(Math.min(...tb)), median: r2(median(tb)) },
    ratioMedian: Math.round(median(ta.map((a, i) => tb[i] / a)) * 1000) / 1000,
    load: loads.join("→"),
  }),
);
