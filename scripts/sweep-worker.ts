// Worker for scripts/sweep.ts: translates one file at a time through the library (the work of
// `tsyncio check FILE` and `tsyncio FILE`), then checks that what came out parses (TypeScript with
// the TypeScript compiler's parser, JavaScript likewise). Answers one message per file.

import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { parentPort } from "node:worker_threads";
import { ts } from "ts-morph";
import { compileToJs, transpile } from "../src/index.js";

export type Status = "translated" | "unsupported" | "syntax" | "internal" | "overtime";

export interface FileResult {
  file: string;
  status: Status;
  /** Milliseconds spent in check (compileToJs) and in translation (transpile, prettier included). */
  checkMs: number;
  translateMs: number;
  /** CPU milliseconds of the same (the worker process's CPU time: what the file costs on an idle machine). */
  checkCpuMs?: number;
  translateCpuMs?: number;
  /** Unsupported: the error diagnostics, "CODE message". */
  constructs?: string[];
  /** Syntax error: "Kind: msg (line N)". Internal error: the message and the top of the stack. */
  detail?: string;
}

/** Source text as CPython decodes it: a BOM or a coding cookie in the first two lines, else UTF-8. */
export function decodeSource(bytes: Buffer): { text: string } | { error: string } {
  let enc = "utf-8";
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const head = bytes.subarray(0, 400).toString("latin1").split(/\r\n|\r|\n/).slice(0, 2);
  for (const line of head) {
    const m = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/.exec(line);
    if (m) {
      enc = m[1].toLowerCase();
      break;
    }
    if (!/^[ \t\f]*(#.*)?$/.test(line)) break;
  }
  const label = enc.replace(/^(latin-1|iso-latin-1|latin_1)$/, "latin1").replace(/_/g, "-");
  try {
    let text = new TextDecoder(bom ? "utf-8" : label, { fatal: true }).decode(bytes);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { text };
  } catch (e) {
    return { error: `SyntaxError: can't decode the source as ${enc}: ${(e as Error).message}` };
  }
}

function parseErrors(code: string, kind: ts.ScriptKind, name: string): string[] {
  const sf = ts.createSourceFile(name, code, ts.ScriptTarget.Latest, false, kind);
  const diags = (sf as unknown as { parseDiagnostics?: ts.Diagnostic[] }).parseDiagnostics ?? [];
  return diags.map((d) => {
    const pos = d.start !== undefined ? sf.getLineAndCharacterOfPosition(d.start) : undefined;
    const where = pos ? `${pos.line + 1}:${pos.character + 1}` : "?";
    return `${name}:${where}: TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`;
  });
}

function stackTop(e: unknown): string {
  const err = e as Error;
  const stack = typeof err?.stack === "string" ? err.stack.split("\n").slice(0, 6).join("\n") : String(e);
  return stack;
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

export async function sweepFile(file: string, limitMs: number, clock: "cpu" | "wall" = "cpu"): Promise<FileResult> {
  const res: FileResult = { file, status: "translated", checkMs: 0, translateMs: 0 };
  let source: string;
  try {
    const decoded = decodeSource(readFileSync(file));
    if ("error" in decoded) return { ...res, status: "syntax", detail: decoded.error };
    source = decoded.text;
  } catch (e) {
    return { ...res, status: "syntax", detail: `can't read: ${(e as Error).message}` };
  }
  const filename = basename(file);
  try {
    let t = performance.now();
    let c = cpuMs();
    const checked = compileToJs(source, { filename });
    res.checkMs = performance.now() - t;
    res.checkCpuMs = cpuMs() - c;
    t = performance.now();
    c = cpuMs();
    const translated = await transpile(source, { filename });
    res.translateMs = performance.now() - t;
    res.translateCpuMs = cpuMs() - c;

    const checkErrors = checked.diagnostics.filter((d) => d.severity === "error");
    const transErrors = translated.diagnostics.filter((d) => d.severity === "error");
    if (checked.syntaxError || translated.syntaxError) {
      const se = checked.syntaxError ?? translated.syntaxError!;
      res.status = "syntax";
      res.detail = `${se.kind}: ${se.msg} (line ${se.lineno})`;
      if (!checked.syntaxError || !translated.syntaxError) {
        res.status = "internal";
        res.detail = `check and translation disagree on the syntax error: ${res.detail}`;
      }
    } else if (checkErrors.length || transErrors.length) {
      res.status = "unsupported";
      res.constructs = [...new Set(checkErrors.map((d) => `${d.code} ${d.message}`))];
      if (checkErrors.length !== transErrors.length) {
        res.status = "internal";
        res.detail = `check reports ${checkErrors.length} errors, translation ${transErrors.length}`;
      }
    } else {
      const problems = [
        ...parseErrors(translated.code, ts.ScriptKind.TS, filename.replace(/\.py$/, ".ts")),
        ...parseErrors(checked.js, ts.ScriptKind.JS, filename.replace(/\.py$/, ".js")),
      ];
      if (!translated.code && checked.js.trim()) problems.push("empty translation of a program that compiles to JavaScript");
      if (problems.length) {
        res.status = "internal";
        res.detail = `emitted code does not parse:\n${problems.slice(0, 5).join("\n")}`;
      }
    }
  } catch (e) {
    res.status = "internal";
    res.detail = stackTop(e);
  }
  const spent = clock === "cpu" ? [res.checkCpuMs ?? 0, res.translateCpuMs ?? 0] : [res.checkMs, res.translateMs];
  if (res.status !== "internal" && Math.max(...spent) > limitMs) {
    res.detail = `${res.status}, but took ${Math.round(spent[0])} ms to check and ${Math.round(spent[1])} ms to translate (${clock} time)`;
    res.status = "overtime";
  }
  return res;
}

// Runs as a child process (process.send) or as a worker thread (parentPort).
const port = parentPort
  ? { on: (f: (m: never) => void) => parentPort!.on("message", f), post: (m: unknown) => parentPort!.postMessage(m) }
  : process.send
    ? { on: (f: (m: never) => void) => process.on("message", f), post: (m: unknown) => process.send!(m) }
    : null;
if (port) {
  port.on(async (msg: { file: string; limitMs: number; clock: "cpu" | "wall" }) => {
    port.post(await sweepFile(msg.file, msg.limitMs, msg.clock));
  });
  // Warm up (module loading, prettier's first call, the JIT) so the first file's time is its own.
  const warm = "import asyncio\n\nasync def main():\n    await asyncio.sleep(0)\n    print([x for x in range(3)])\n\nasyncio.run(main())\n";
  void transpile(warm, { filename: "warm.py" })
    .catch(() => undefined)
    .then(() => port.post({ ready: true }));
}
