// tsyncio's library interface: Python source in, TypeScript (or runnable JavaScript) out.
//
//   parse (src/parse) → Python AST → lower (src/lower) → IR → emit (src/emit)

import { parse, type PySyntaxError } from "./parse/index.js";
import { lower } from "./lower/index.js";
import { emitJavaScript, emitTypeScript, formatTypeScript } from "./emit/index.js";
import type { Diagnostic } from "./diagnostics/diagnostic.js";
import { utf8ColumnToChars } from "./diagnostics/columns.js";

export type { Diagnostic } from "./diagnostics/diagnostic.js";
export type { PySyntaxError } from "./parse/index.js";
export { renderDiagnostic } from "./diagnostics/render.js";
export { formatSyntaxError } from "./diagnostics/syntax-error.js";

export interface TranspileOptions {
  /** The file name as the program sees it (`__file__`, tracebacks). Default `main.py`. */
  filename?: string;
  /** Run prettier over the TypeScript (default true). */
  format?: boolean;
}

export interface TranspileResult {
  /** The TypeScript, or "" when there are errors (never partial output). */
  code: string;
  /** For each line of `code` (before formatting), the Python line it came from. */
  map: number[];
  diagnostics: Diagnostic[];
  syntaxError: PySyntaxError | null;
}

export interface CompileResult {
  js: string;
  lineMap: number[];
  /** For each line of `js`, the Python function it belongs to (tracebacks name it). */
  nameMap: string[];
  diagnostics: Diagnostic[];
  syntaxError: PySyntaxError | null;
}

function front(source: string, filename: string) {
  const parsed = parse(source, filename);
  if (!parsed.module) return { body: null, diagnostics: [] as Diagnostic[], syntaxError: parsed.error };
  const { body, diagnostics } = lower(parsed.module, { filename: baseName(filename) });
  if (diagnostics.length > 0) {
    const lines = source.split(/\r\n|\r|\n/);
    for (const d of diagnostics) fixColumns(d, lines);
  }
  return { body, diagnostics, syntaxError: null };
}

/** Python → TypeScript for people to read: prettier-formatted, type-checks under `tsc --strict`. */
export async function transpile(source: string, options: TranspileOptions = {}): Promise<TranspileResult> {
  const filename = options.filename ?? "main.py";
  try {
    const { body, diagnostics, syntaxError } = front(source, filename);
    if (!body || diagnostics.some((d) => d.severity === "error")) return { code: "", map: [], diagnostics, syntaxError };
    const printed = emitTypeScript(body);
    // Prettier is for reading; on a huge generated output (hundreds of KB of data tables) it would take
  // seconds, so such output keeps the printer's own layout.
  const format = options.format !== false && printed.text.length <= FORMAT_LIMIT;
  const code = format ? await formatTypeScript(printed.text) : printed.text;
    return { code, map: printed.lineMap, diagnostics, syntaxError };
  } catch (e) {
    if (!isStackOverflow(e)) throw e;
    return { code: "", map: [], diagnostics: [tooDeep()], syntaxError: null };
  }
}

/** Python → JavaScript for the runner (no TypeScript, no prettier: fast to produce). */
export function compileToJs(source: string, options: { filename?: string } = {}): CompileResult {
  const filename = options.filename ?? "main.py";
  try {
    const { body, diagnostics, syntaxError } = front(source, filename);
    if (!body || diagnostics.some((d) => d.severity === "error")) return { js: "", lineMap: [], nameMap: [], diagnostics, syntaxError };
    const printed = emitJavaScript(body);
    return { js: printed.text, lineMap: printed.lineMap, nameMap: printed.nameMap, diagnostics, syntaxError };
  } catch (e) {
    if (!isStackOverflow(e)) throw e;
    return { js: "", lineMap: [], nameMap: [], diagnostics: [tooDeep()], syntaxError: null };
  }
}

/**
 * The compiler's passes recurse over the tree. A program nested deeper than the JavaScript stack
 * allows is reported as a diagnostic, the way CPython reports "RecursionError: maximum recursion
 * depth exceeded during compilation", never as a JS RangeError.
 */
function isStackOverflow(e: unknown): boolean {
  return e instanceof RangeError && /call stack/i.test(e.message);
}

function tooDeep(): Diagnostic {
  return {
    code: "TSY1090",
    severity: "error",
    message: "the program is nested too deeply for tsyncio's compiler (it ran out of stack)",
    lineno: 1,
    col: 1,
    hint: "flatten the deepest expression or statement nesting",
  };
}

/** Outputs larger than this (in characters) are not run through prettier. */
const FORMAT_LIMIT = 200_000;

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** The lowering reports CPython's UTF-8 byte columns; people count characters. */
function fixColumns(d: Diagnostic, lines: readonly string[]): void {
  d.col = utf8ColumnToChars(lines[d.lineno - 1] ?? "", d.col - 1) + 1;
  if (d.endCol !== undefined && d.endLineno !== undefined) d.endCol = utf8ColumnToChars(lines[d.endLineno - 1] ?? "", d.endCol - 1) + 1;
}
