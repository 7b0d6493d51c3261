#!/usr/bin/env node
// How often the front end's syntax errors read like CPython 3.12's: the same kind, message, line
// and column, on a corpus of broken programs (grammar-tests/errors and the examples with typical
// mistakes made in them, scripts/lib/syntax-mutations.mjs). Run after `npm run build`:
//   node scripts/syntax-agreement.mjs             ask CPython ($PYENV_ROOT/versions/3.12.1) live
//   node scripts/syntax-agreement.mjs --record    ...and record its verdicts in grammar-tests/mutations.json
//   node scripts/syntax-agreement.mjs --recorded  use the recorded verdicts (no CPython; what the test does)
//   --list                                         print every difference
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "../dist/parse/index.js";
import { agreement, corpus, sourceHash } from "./lib/syntax-mutations.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const recordedFile = join(root, "grammar-tests/mutations.json");

let verdicts;
if (args.includes("--recorded")) {
  const recorded = JSON.parse(fs.readFileSync(recordedFile, "utf8"));
  verdicts = (name, source) => {
    const r = recorded[name];
    if (!r || r.hash !== sourceHash(source, createHash)) throw new Error(`${name}: no recorded verdict for this source; re-record with --record`);
    return r.cpython;
  };
} else {
  // One CPython process parses every mutated program (ast.parse, as grammar-tests/errors is recorded).
  const sources = corpus(root, fs, () => undefined).filter((e) => e.expected === undefined);
  const python = `${process.env.PYENV_ROOT}/versions/3.12.1/bin/python`;
  const code = `
import ast, json, sys, warnings
warnings.simplefilter("ignore")
out = []
for src in json.load(sys.stdin):
    try:
        ast.parse(src); out.append(None)
    except SyntaxError as e:
        out.append({"kind": type(e).__name__, "msg": e.msg, "lineno": e.lineno, "offset": e.offset})
json.dump(out, sys.stdout)`;
  const r = spawnSync(python, ["-c", code], { input: JSON.stringify(sources.map((e) => e.source)), encoding: "utf8", maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`CPython failed: ${r.stderr}`);
  const answers = JSON.parse(r.stdout);
  const byName = new Map(sources.map((e, i) => [e.name, answers[i]]));
  verdicts = (name) => byName.get(name);
  if (args.includes("--record")) {
    const record = Object.fromEntries(sources.map((e, i) => [e.name, { hash: sourceHash(e.source, createHash), cpython: answers[i] }]));
    fs.writeFileSync(recordedFile, JSON.stringify(record, null, 1) + "\n");
    console.log(`${sources.length} verdicts recorded in ${recordedFile}`);
  }
}

const entries = corpus(root, fs, verdicts);
const { stats, rate, differences } = agreement(entries, (source) => parse(source, "x.py"));
const pct = (n) => `${((100 * n) / stats.broken).toFixed(1)}%`;
console.log(`broken programs: ${stats.broken} (grammar-tests/errors and mutated examples); programs CPython accepts: ${stats.validAccepted + stats.validRejected}`);
console.log(`same kind, message, line and column as CPython 3.12: ${stats.same} (${pct(stats.same)})`);
console.log(`same message: ${pct(stats.sameMessage)}, same line: ${pct(stats.sameLine)}, not rejected: ${stats.missed}, valid programs rejected: ${stats.validRejected}`);
if (args.includes("--list")) {
  for (const d of differences) console.log(`${d.name}\n  cpython ${JSON.stringify(d.cpython)}\n  tsyncio ${JSON.stringify(d.tsyncio)}`);
} else {
  const byMessage = new Map();
  for (const d of differences) byMessage.set(d.cpython?.msg ?? "(valid)", (byMessage.get(d.cpython?.msg ?? "(valid)") ?? 0) + 1);
  for (const [msg, n] of [...byMessage].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${n}× ${msg}`);
}
