// npm run sweep:ast -- DIR [--python PY] [--show N] [--list]
//
// Parses every .py file under DIR with tsyncio's front end and, given --python, with CPython
// (one long-running interpreter that dumps file after file), compares the
// ast.dump(include_attributes=True) texts and the syntax errors, and prints a summary plus the
// first differences. Without --python it only checks that tsyncio parses without crashing.

import { spawn } from "node:child_process";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { createInterface } from "node:readline";
import { dump } from "../src/ast/dump.js";
import { parse } from "../src/parse/index.js";

interface Outcome {
  dump?: string;
  error?: { msg: string; lineno: number; offset: number; kind: string };
}

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
};
const flag = (name: string) => {
  const i = args.indexOf(name);
  if (i >= 0) args.splice(i, 1);
  return i >= 0;
};
const python = opt("--python");
const show = Number(opt("--show") ?? 10);
const listAll = flag("--list");
const dir = args[0];
if (!dir) {
  console.error("usage: npm run sweep:ast -- DIR [--python PY] [--show N] [--list]");
  process.exit(2);
}

function* pyFiles(d: string): Generator<string> {
  for (const name of readdirSync(d).sort()) {
    const p = join(d, name);
    let st;
    try {
      st = statSync(p);
    } catch {
      continue;
    }
    if (st.isDirectory()) yield* pyFiles(p);
    else if (name.endsWith(".py")) yield p;
  }
}

/** Source text as CPython would decode it: a coding cookie in the first two lines, else UTF-8. */
function readSource(path: string): string | null {
  const bytes = readFileSync(path);
  const head = bytes.subarray(0, 400).toString("latin1").split(/\r\n|\r|\n/).slice(0, 2);
  let enc = "utf-8";
  for (const line of head) {
    const m = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/.exec(line);
    if (m) {
      enc = m[1].toLowerCase();
      break;
    }
    if (!/^[ \t\f]*(#.*)?$/.test(line)) break;
  }
  try {
    let text = new TextDecoder(enc.replace(/^(latin-1|iso-latin-1)$/, "latin1"), { fatal: true }).decode(bytes);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return text;
  } catch {
    return null;
  }
}

// The CPython side: reads one JSON-encoded source per line, answers one JSON line per source.
const PY_SERVER = `
import ast, json, sys
for line in sys.stdin:
    src = json.loads(line)
    try:
        out = {"dump": ast.dump(ast.parse(src), include_attributes=True)}
    except SyntaxError as e:
        out = {"error": {"msg": e.msg, "lineno": e.lineno, "offset": e.offset, "kind": type(e).__name__}}
    except (ValueError, RecursionError, MemoryError) as e:
        out = {"error": {"msg": str(e), "lineno": 0, "offset": 0, "kind": type(e).__name__}}
    sys.stdout.write(json.dumps(out) + "\\n")
    sys.stdout.flush()
`;

function startPython(py: string) {
  const child = spawn(py, ["-c", PY_SERVER], { stdio: ["pipe", "pipe", "inherit"] });
  const rl = createInterface({ input: child.stdout });
  const waiting: ((o: Outcome) => void)[] = [];
  rl.on("line", (line) => waiting.shift()?.(JSON.parse(line)));
  return {
    ask(src: string): Promise<Outcome> {
      return new Promise((resolve) => {
        waiting.push(resolve);
        child.stdin.write(JSON.stringify(src) + "\n");
      });
    },
    close() {
      child.stdin.end();
    },
  };
}

/** A few lines around the first place two dumps differ. */
function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const from = Math.max(0, i - 150);
  return `    tsyncio: …${a.slice(from, i + 150)}…\n    cpython: …${b.slice(from, i + 150)}…`;
}

async function main() {
  const server = python ? startPython(python) : null;
  const counts = { files: 0, identical: 0, different: 0, tsyncioOnlyErrors: 0, cpythonOnlyErrors: 0, bothErrors: 0, errorLineMismatch: 0, crashes: 0, undecodable: 0, parsedOnly: 0 };
  const problems: string[] = [];
  let slowest = { path: "", ms: 0 };
  let total = 0;
  const t0 = performance.now();
  const files = [...pyFiles(dir)];
  // Ask CPython ahead (pipelined) while tsyncio works through the files.
  for (const path of files) {
    const rel = relative(dir, path);
    const src = readSource(path);
    if (src === null) {
      counts.undecodable++;
      continue;
    }
    counts.files++;
    const pending = server?.ask(src);
    const t = performance.now();
    let mine: Outcome;
    try {
      const r = parse(src, path);
      mine = r.module ? { dump: dump(r.module, { includeAttributes: true }) } : { error: { ...r.error!, kind: r.error!.kind } };
    } catch (e) {
      counts.crashes++;
      problems.push(`CRASH ${rel}: ${(e as Error).stack?.split("\n").slice(0, 4).join("\n  ")}`);
      await pending;
      continue;
    }
    const ms = performance.now() - t;
    total += ms;
    if (ms > slowest.ms) slowest = { path: rel, ms };
    if (!pending) {
      counts.parsedOnly++;
      if (mine.error) problems.push(`ERROR ${rel}:${mine.error.lineno}: ${mine.error.kind}: ${mine.error.msg}`);
      continue;
    }
    const theirs = await pending;
    if (mine.dump !== undefined && theirs.dump !== undefined) {
      if (mine.dump === theirs.dump) counts.identical++;
      else {
        counts.different++;
        problems.push(`DIFF ${rel}\n${firstDifference(mine.dump, theirs.dump)}`);
      }
    } else if (mine.error && theirs.error) {
      counts.bothErrors++;
      if (mine.error.lineno !== theirs.error.lineno) {
        counts.errorLineMismatch++;
        problems.push(`ERRLINE ${rel}: tsyncio line ${mine.error.lineno} (${mine.error.msg}), cpython line ${theirs.error.lineno} (${theirs.error.msg})`);
      }
    } else if (mine.error) {
      counts.tsyncioOnlyErrors++;
      problems.push(`TSYNCIO-ONLY ERROR ${rel}:${mine.error.lineno}:${mine.error.offset}: ${mine.error.kind}: ${mine.error.msg}`);
    } else {
      counts.cpythonOnlyErrors++;
      problems.push(`CPYTHON-ONLY ERROR ${rel}:${theirs.error!.lineno}: ${theirs.error!.kind}: ${theirs.error!.msg}`);
    }
  }
  server?.close();
  const wall = (performance.now() - t0) / 1000;
  const shown = listAll ? problems : problems.slice(0, show);
  if (shown.length) console.log(shown.join("\n") + "\n");
  console.log(`files: ${counts.files}${counts.undecodable ? ` (+${counts.undecodable} undecodable, skipped)` : ""}`);
  if (server) {
    const pct = ((100 * counts.identical) / Math.max(1, counts.identical + counts.different + counts.tsyncioOnlyErrors + counts.cpythonOnlyErrors)).toFixed(2);
    console.log(`identical: ${counts.identical} (${pct}% of files CPython or tsyncio accepts)`);
    console.log(`different: ${counts.different}`);
    console.log(`tsyncio-only errors: ${counts.tsyncioOnlyErrors}`);
    console.log(`CPython-only errors: ${counts.cpythonOnlyErrors}`);
    console.log(`both reject: ${counts.bothErrors} (on different lines: ${counts.errorLineMismatch})`);
  }
  console.log(`crashes: ${counts.crashes}`);
  console.log(`slowest file: ${slowest.path} (${slowest.ms.toFixed(1)} ms)`);
  console.log(`tsyncio parse+dump time: ${(total / 1000).toFixed(2)} s; wall time: ${wall.toFixed(2)} s`);
  if (problems.length > shown.length) console.log(`(${problems.length - shown.length} more problems; --list shows all)`);
  const bad = counts.crashes + counts.different + counts.tsyncioOnlyErrors + counts.cpythonOnlyErrors + counts.errorLineMismatch;
  process.exitCode = bad ? 1 : 0;
}

main();
