// Mutation fuzzer: every fixture's input.py, mutated (truncated, tokens deleted / inserted /
// duplicated, lines swapped, random characters, NUL bytes, BOMs, invalid UTF-8 decoded the way the
// CLI decodes it, lone surrogates), plus deep nesting (1,000 levels of every nesting construct)
// and large inputs (one 10 MB file), is fed to the compiler (compileToJs, which `tsyncio check`
// and `tsyncio run` use, and transpile, which `tsyncio FILE` uses). Each must end with a syntax
// error, error diagnostics or a translation, within a time limit and a heap limit, and never
// throw. The compiler runs in a worker thread (the built dist/, which `npm test` builds first) with
// the main thread's stack size, so a hang or a runaway allocation is caught and reported as such.
//
//   FUZZ_RUNS=N     number of mutated programs (default 500)
//   FUZZ_SEED=S     seed of the mutations (default 1; the seed of a failing case is printed)
//   FUZZ_BIG=1      also a 10 MB file of real statements (slow; the default 10 MB case is cheap to parse)

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";

const root = resolve(import.meta.dirname, "..");
const RUNS = Number(process.env.FUZZ_RUNS ?? 500);
const SEED = Number(process.env.FUZZ_SEED ?? 1);
const HEAP_MB = 1536;

// ---------------------------------------------------------------------------------------------
// The worker: one case at a time; answers what happened.

interface Outcome {
  id: number;
  kind: "syntax" | "unsupported" | "translated" | "thrown" | "invalid";
  detail?: string;
  ms: number;
}

const WORKER = `
const { parentPort } = require("node:worker_threads");
let lib;
parentPort.on("message", async ({ id, source, format }) => {
  lib ??= await import(${JSON.stringify(pathToFileURL(join(root, "dist/index.js")).href)});
  const t0 = performance.now();
  const done = (kind, detail) => parentPort.postMessage({ id, kind, detail, ms: performance.now() - t0 });
  try {
    const c = lib.compileToJs(source, { filename: "fuzz.py" });
    const errors = c.diagnostics.filter((d) => d.severity === "error");
    let kind = c.syntaxError ? "syntax" : errors.length ? "unsupported" : "translated";
    if (kind === "syntax" && !(c.syntaxError.msg && c.syntaxError.lineno >= 1)) return done("invalid", "syntax error without message or line: " + JSON.stringify(c.syntaxError));
    if (kind === "unsupported" && errors.some((d) => !(d.code && d.message && d.lineno >= 1))) return done("invalid", "diagnostic without code, message or line: " + JSON.stringify(errors[0]));
    if (format) {
      const t = await lib.transpile(source, { filename: "fuzz.py" });
      const tkind = t.syntaxError ? "syntax" : t.diagnostics.some((d) => d.severity === "error") ? "unsupported" : "translated";
      if (tkind !== kind) return done("invalid", "check says " + kind + ", translation says " + tkind);
    }
    done(kind, kind === "syntax" ? c.syntaxError.msg : kind === "unsupported" ? errors[0].code + " " + errors[0].message : undefined);
  } catch (e) {
    done("thrown", (e && e.stack ? String(e.stack).split("\\n").slice(0, 5).join("\\n") : String(e)));
  }
});
parentPort.postMessage({ ready: true });
`;

class Sandbox {
  private worker!: Worker;
  private ready!: Promise<void>;
  private nextId = 0;
  restarts = 0;

  constructor() {
    this.start();
  }

  private start(): void {
    // 1 MB of stack: about what Node gives the main thread, where the CLI runs the compiler.
    this.worker = new Worker(WORKER, { eval: true, resourceLimits: { maxOldGenerationSizeMb: HEAP_MB, stackSizeMb: 1 } });
    this.ready = new Promise((ok) => this.worker.once("message", () => ok()));
  }

  /** Runs one case; a hang or a crash of the worker is reported as an outcome, and the worker replaced. */
  async run(source: string, limitMs: number, format: boolean): Promise<Outcome> {
    await this.ready;
    const id = this.nextId++;
    const w = this.worker;
    return new Promise<Outcome>((resolveOutcome) => {
      const t0 = performance.now();
      const finish = (o: Outcome, restart: boolean) => {
        clearTimeout(timer);
        w.off("message", onMessage);
        w.off("error", onError);
        if (restart) {
          this.restarts++;
          void w.terminate();
          this.start();
        }
        resolveOutcome(o);
      };
      const onMessage = (m: Outcome) => {
        if (m.id === id) finish(m, false);
      };
      const onError = (e: Error) =>
        finish({ id, kind: "thrown", detail: `worker died: ${e.message}`, ms: performance.now() - t0 }, true);
      const timer = setTimeout(
        () => finish({ id, kind: "thrown", detail: `no answer within ${limitMs} ms (hang?)`, ms: limitMs }, true),
        limitMs,
      );
      w.on("message", onMessage);
      w.on("error", onError);
      w.postMessage({ id, source, format });
    });
  }

  close(): Promise<number> {
    return this.worker.terminate();
  }
}

// ---------------------------------------------------------------------------------------------
// Mutations.

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOKEN_RE = /[A-Za-z_][A-Za-z0-9_]*|\d[\d_.eExXa-fA-FjJ]*|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|\*\*=?|\/\/=?|->|:=|[<>=!]=|<<|>>|[-+*/%@&|^~<>=.,:;()[\]{}]|\n[ \t]*|#[^\n]*|[ \t]+|./gs;

const VOCAB = [
  "async", "await", "def", "class", "lambda", "yield", "yield from", "return", "if", "elif", "else", "for", "while",
  "try", "except", "except*", "finally", "with", "async with", "async for", "match", "case", "_", "import", "from",
  "global", "nonlocal", "del", "pass", "break", "continue", "raise", "assert", "not", "and", "or", "is", "in", "None",
  "True", "False", "(", ")", "[", "]", "{", "}", ":", ",", ";", ".", "...", "=", ":=", "+=", "**", "*", "->", "@",
  "|", "~", "\\", "\n", "\n    ", "\n        ", "\t", " ", "#", "'", '"', '"""', "'''", "f'", 'f"{', "}", "{{",
  "rb'", "0x", "1e", "1_000", "0o7", "1j", "3.", ".5", "print", "asyncio", "asyncio.sleep(0)", "x", "self",
  "__init__", "*args", "**kw", "\0", "\ufeff", "\u00e9", "\u{1F600}", "\ud800", "\r", "\r\n", "\f", "\v", "$", "?", "!",
];

type Mutator = (src: string, r: () => number) => string;

const pick = <T>(xs: T[], r: () => number): T => xs[Math.floor(r() * xs.length)];
const tokens = (src: string) => src.match(TOKEN_RE) ?? [];

const mutators: Record<string, Mutator> = {
  truncate: (s, r) => s.slice(0, Math.floor(r() * s.length)),
  deleteToken: (s, r) => {
    const t = tokens(s);
    const n = 1 + Math.floor(r() * 3);
    for (let i = 0; i < n && t.length; i++) t.splice(Math.floor(r() * t.length), 1);
    return t.join("");
  },
  insertToken: (s, r) => {
    const t = tokens(s);
    const n = 1 + Math.floor(r() * 3);
    for (let i = 0; i < n; i++) t.splice(Math.floor(r() * (t.length + 1)), 0, pick(VOCAB, r));
    return t.join("");
  },
  replaceToken: (s, r) => {
    const t = tokens(s);
    if (t.length) t[Math.floor(r() * t.length)] = pick(VOCAB, r);
    return t.join("");
  },
  duplicateTokens: (s, r) => {
    const t = tokens(s);
    const i = Math.floor(r() * t.length);
    const j = Math.min(t.length, i + 1 + Math.floor(r() * 20));
    t.splice(j, 0, ...t.slice(i, j));
    return t.join("");
  },
  swapLines: (s, r) => {
    const l = s.split("\n");
    const i = Math.floor(r() * l.length);
    const j = Math.floor(r() * l.length);
    [l[i], l[j]] = [l[j], l[i]];
    return l.join("\n");
  },
  dedentLine: (s, r) => {
    const l = s.split("\n");
    const i = Math.floor(r() * l.length);
    l[i] = r() < 0.5 ? l[i].trimStart() : " " + l[i];
    return l.join("\n");
  },
  randomChars: (s, r) => {
    const a = [...s];
    const n = 1 + Math.floor(r() * 8);
    for (let i = 0; i < n; i++) {
      const c = String.fromCharCode(Math.floor(r() * (r() < 0.8 ? 128 : 0x10000)));
      a.splice(Math.floor(r() * (a.length + 1)), r() < 0.5 ? 1 : 0, c);
    }
    return a.join("");
  },
  nulBytes: (s, r) => {
    const i = Math.floor(r() * (s.length + 1));
    return s.slice(0, i) + "\0".repeat(1 + Math.floor(r() * 3)) + s.slice(i);
  },
  bom: (s, r) => {
    const i = r() < 0.6 ? 0 : Math.floor(r() * (s.length + 1));
    return s.slice(0, i) + "\ufeff" + s.slice(i);
  },
  invalidUtf8: (s, r) => {
    // What the CLI does with a file that is not valid UTF-8: readFileSync(file, "utf8").
    const b = Buffer.from(s, "utf8");
    const bad = [0xff, 0xfe, 0xc0, 0x80, 0xed, 0xa0, 0xf8, 0xe2, 0x82];
    const out = Buffer.concat([b.subarray(0, Math.floor(r() * b.length)), Buffer.from([pick(bad, r), pick(bad, r)]), b.subarray(Math.floor(r() * b.length))]);
    return out.toString("utf8");
  },
  loneSurrogate: (s, r) => {
    const i = Math.floor(r() * (s.length + 1));
    return s.slice(0, i) + pick(["\ud800", "\udfff", "'\ud83d'", "# \udc00"], r) + s.slice(i);
  },
  crlf: (s) => s.replace(/\n/g, "\r\n"),
  cr: (s) => s.replace(/\n/g, "\r"),
  tabs: (s) => s.replace(/^( {4})+/gm, (m) => (m.length > 4 ? "\t" + m.slice(4) : "\t")),
};

function mutate(src: string, r: () => number): { name: string; source: string } {
  const names = Object.keys(mutators);
  const steps = 1 + Math.floor(r() * 3);
  const applied: string[] = [];
  let s = src;
  for (let i = 0; i < steps; i++) {
    const n = pick(names, r);
    applied.push(n);
    s = mutators[n](s, r);
  }
  return { name: applied.join("+"), source: s };
}

// ---------------------------------------------------------------------------------------------
// Deep nesting (1,000 levels) and large inputs.

const N = 1000;
const indentBlock = (head: (i: number) => string, body: string, n: number, unit = " ") => {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) lines.push(unit.repeat(i) + head(i));
  lines.push(unit.repeat(n) + body);
  return lines.join("\n") + "\n";
};

const DEEP: Record<string, string> = {
  parens: `x = ${"(".repeat(N)}1${")".repeat(N)}\n`,
  lists: `x = ${"[".repeat(N)}${"]".repeat(N)}\n`,
  dicts: `x = ${"{1: ".repeat(N)}1${"}".repeat(N)}\n`,
  tuples: `x = ${"(1, ".repeat(N)}1${")".repeat(N)}\n`,
  calls: `x = ${"f(".repeat(N)}1${")".repeat(N)}\n`,
  callChain: `x = f${"()".repeat(N)}\n`,
  subscripts: `x = a${"[0]".repeat(N)}\n`,
  attributes: `x = a${".b".repeat(N)}\n`,
  unaryMinus: `x = ${"-".repeat(N)}1\n`,
  unaryNot: `x = ${"not ".repeat(N)}True\n`,
  binaryChain: `x = 1${" + 1".repeat(N)}\n`,
  binaryChain10k: `x = 1${" + 1".repeat(10 * N)}\n`,
  powChain: `x = 1${" ** 1".repeat(N)}\n`,
  boolChain: `x = a${" and a or a".repeat(N)}\n`,
  compareChain: `x = a${" < a".repeat(N)}\n`,
  ternary: `x = ${"1 if a else ".repeat(N)}2\n`,
  lambdas: `f = ${"lambda: ".repeat(N)}1\n`,
  awaits: `import asyncio\nasync def f():\n    return ${"await ".repeat(N)}asyncio.sleep(0)\nasyncio.run(f())\n`,
  strConcat: `x = ${'"a" '.repeat(10 * N)}\n`,
  fstrings: `x = ${'f"{'.repeat(N)}1${'}"'.repeat(N)}\n`,
  elifChain: `x = 1\nif x == 0:\n    pass\n${Array.from({ length: N }, (_, i) => `elif x == ${i + 1}:\n    pass\n`).join("")}`,
  ifBlocks: indentBlock(() => "if True:", "pass", N),
  whileBlocks: indentBlock(() => "while False:", "pass", N),
  defBlocks: indentBlock((i) => `def f${i}():`, "pass", N),
  asyncDefBlocks: indentBlock((i) => `async def f${i}():`, "await g()", N),
  classBlocks: indentBlock((i) => `class C${i}:`, "pass", N),
  tryBlocks: indentBlock(() => "try:", "pass", N),
  withBlocks: indentBlock((i) => `with a as b${i}:`, "pass", N),
  ifBlocksTabs: indentBlock(() => "if True:", "pass", N, "\t"),
  ifBlocks100: indentBlock(() => "if True:", "print(1)", 99),
  defBlocks100: indentBlock((i) => `async def f${i}():`, "await g()", 99),
  comprehension: `x = [${"[".repeat(N)}y${" for y in z]".repeat(N)}]\n`,
  generatorNest: `x = ${"(y for y in ".repeat(N)}z${")".repeat(N)}\n`,
  starred: `x = [${"*(".repeat(N)}1,${")".repeat(N)}]\n`,
  decorators: `${"@d\n".repeat(N)}def f(): pass\n`,
  manyArgs: `f(${Array.from({ length: 10 * N }, (_, i) => `a${i}`).join(", ")})\n`,
  manyParams: `def f(${Array.from({ length: 10 * N }, (_, i) => `a${i}`).join(", ")}): pass\n`,
  longLine: `x = "${"a".repeat(1 << 20)}"\n`,
  matchNest: `match x:\n    case ${"[".repeat(N)}1${"]".repeat(N)}:\n        pass\n`,
  orPatterns: `match x:\n    case ${Array.from({ length: N }, (_, i) => String(i)).join(" | ")}:\n        pass\n`,
};

// ---------------------------------------------------------------------------------------------

const fixtures = readdirSync(join(root, "fixtures"))
  .map((d) => join(root, "fixtures", d, "input.py"))
  .filter((p) => existsSync(p))
  .sort()
  .map((p) => ({ path: p, source: readFileSync(p, "utf8") }));

interface Finding {
  name: string;
  detail: string;
  source: string;
}

const findings: Finding[] = [];
const counts: Record<string, number> = {};
const slow: string[] = [];
const deepOutcomes: string[] = [];
let box: Sandbox;

function record(name: string, source: string, o: Outcome): void {
  counts[o.kind] = (counts[o.kind] ?? 0) + 1;
  if (o.ms > 2000) slow.push(`${name} (${source.length} chars): ${Math.round(o.ms)} ms`);
  if (o.kind === "thrown" || o.kind === "invalid") findings.push({ name, detail: o.detail ?? "", source });
}

function describeFinding(f: Finding): string {
  const src = f.source.length > 300 ? `${JSON.stringify(f.source.slice(0, 300))}… (${f.source.length} chars)` : JSON.stringify(f.source);
  return `${f.name}: ${f.detail}\n  source: ${src}`;
}

describe("fuzz: the compiler ends with a diagnostic or a translation, never an exception", () => {
  beforeAll(() => {
    box = new Sandbox();
  });
  afterAll(async () => {
    await box.close();
    console.log(
      `fuzz: seed ${SEED}, ${RUNS} mutated programs + ${Object.keys(DEEP).length} nesting cases + large inputs; ` +
        `outcomes ${JSON.stringify(counts)}; worker restarts ${box.restarts}; findings ${findings.length}` +
        (slow.length ? `\nslow cases:\n  ${slow.join("\n  ")}` : ""),
    );
  });

  it(`${RUNS} mutations of the fixtures (seed ${SEED})`, { timeout: 600_000 }, async () => {
    const r = rng(SEED);
    const before = findings.length;
    for (let i = 0; i < RUNS; i++) {
      const fx = fixtures[Math.floor(r() * fixtures.length)];
      const m = mutate(fx.source, r);
      const name = `seed ${SEED} run ${i} ${fx.path.split("/").slice(-2, -1)[0]} ${m.name}`;
      record(name, m.source, await box.run(m.source, 20_000, i % 4 === 0));
    }
    expect(findings.slice(before).map(describeFinding).join("\n\n")).toBe("");
  });

  it("deep nesting: 1,000 levels of each construct", { timeout: 600_000 }, async () => {
    const before = findings.length;
    for (const [name, source] of Object.entries(DEEP)) {
      const o = await box.run(source, 30_000, false);
      record(`deep ${name}`, source, o);
      deepOutcomes.push(`${name}: ${o.kind}${o.detail ? ` (${o.detail.split("\n").slice(0, 3).join(" / ")})` : ""}`);
    }
    if (process.env.FUZZ_VERBOSE) console.log(deepOutcomes.join("\n"));
    expect(findings.slice(before).map(describeFinding).join("\n\n")).toBe("");
  });

  it("large inputs: a 10 MB file, a 0.5 MB program", { timeout: 600_000 }, async () => {
    const before = findings.length;
    const prog = fixtures.find((f) => f.path.includes("seed-12"))?.source ?? fixtures[0].source;
    // 10 MB that the tokenizer must read through (a comment and a string), then a real program.
    const big = `# ${"x".repeat(5 << 20)}\ns = '${"y".repeat(5 << 20)}'\n${prog}`;
    record("large 10 MB comment + string", big, await box.run(big, 120_000, false));
    // ~0.5 MB of real statements: fixtures nested in functions and concatenated.
    let mb = "";
    for (let i = 0; mb.length < 1 << 19; i++) mb += `def block_${i}():\n${fixtures[i % fixtures.length].source.replace(/^/gm, "    ")}\n    pass\n`;
    record("large 0.5 MB of statements", mb, await box.run(mb, 300_000, false));
    if (process.env.FUZZ_BIG) {
      while (mb.length < 10 << 20) mb += mb;
      record("large 10 MB of statements", mb, await box.run(mb, 1_800_000, false));
    }
    expect(findings.slice(before).map(describeFinding).join("\n\n")).toBe("");
  });
});
