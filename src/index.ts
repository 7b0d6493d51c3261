// tsyncio's library interface: Python source in, TypeScript (or runnable JavaScript) out.
//
//   parse (src/parse) → Python AST → lower (src/lower) → IR → emit (src/emit)

import { buildModule, compileError, parse, parseTree, type PySyntaxError } from "./parse/index.js";
import { LineMap } from "./parse/positions.js";
import { unsupportedApis } from "./lower/unsupported-apis.js";
import { webUnsupportedApis } from "./lower/web-target.js";
import {
  lower,
  moduleIdentity,
  publicNamesOf,
  analyzeScopes,
  attributeHooksOf,
  type AttributeHooks,
  type LocalModule,
  type ModuleIdentity,
  type ProgramModules,
} from "./lower/index.js";
import { emitJavaScript, emitTypeScript, formatTypeScript } from "./emit/index.js";
import { markLines, sourceMapV3, stripMarks } from "./emit/source-map.js";
import type { OutputSpan } from "./emit/print.js";
import { carrySpans } from "./emit/span-map.js";

export { sourceMapV3 };
import type { Diagnostic } from "./diagnostics/diagnostic.js";
import { diagnosticText } from "./diagnostics/codes.js";

export type { Diagnostic } from "./diagnostics/diagnostic.js";
export type { PySyntaxError } from "./parse/index.js";
export { renderDiagnostic, palette } from "./diagnostics/render.js";
export { formatSyntaxError } from "./diagnostics/syntax-error.js";
export { moduleIdentity, type ModuleIdentity, type ProgramModules, type LocalModule } from "./lower/index.js";

export interface TranspileOptions {
  /** The file name as the program sees it (`__file__`, tracebacks). Default `main.py`. */
  filename?: string;
  /** Which module of a program this file is (default: the script that runs). */
  module?: ModuleIdentity;
  /** The program's own modules, which its imports find first (default: none, a single source). */
  modules?: ProgramModules;
  /** Run prettier over the TypeScript (default true). */
  format?: boolean;
}

export interface TranspileResult {
  /** The TypeScript, or "" when there are errors (never partial output). */
  code: string;
  /** For each line of `code` (as returned, formatted or not), the Python line it came from (0: none). */
  map: number[];
  /** Where the expressions that can raise are in `code`, with their Python ranges (traceback markers). */
  spans?: OutputSpan[];
  diagnostics: Diagnostic[];
  syntaxError: PySyntaxError | null;
  /** The program's own modules this file imports. */
  localModules: LocalModule[];
}

export interface CompileResult {
  js: string;
  lineMap: number[];
  /** For each line of `js`, the Python function it belongs to (tracebacks name it). */
  nameMap: string[];
  /** Where the expressions that can raise are in `js`, with their Python ranges (traceback markers). */
  spans?: OutputSpan[];
  diagnostics: Diagnostic[];
  syntaxError: PySyntaxError | null;
  localModules: LocalModule[];
}

function front(source: string, filename: string, options: { module?: ModuleIdentity; modules?: ProgramModules }) {
  // (parse(), with the line map kept for compileError: a second one is a pass over the source)
  const lines = new LineMap(source);
  const tree = parseTree(source, lines, filename);
  const parsed = tree.tree ? buildModule(source, lines, tree.tree, filename) : { module: null, error: tree.error };
  if (!parsed.module) return { body: null, diagnostics: [] as Diagnostic[], syntaxError: parsed.error, localModules: [] };
  // (what CPython's compiler refuses in a tree its parser accepts)
  const misplaced = compileError(parsed.module, lines, filename);
  if (misplaced) return { body: null, diagnostics: [] as Diagnostic[], syntaxError: misplaced, localModules: [] };
  // Before lowering, which may rewrite the tree: what the runtime has only to raise NotImplementedError.
  const unsupported = unsupportedApis(parsed.module, source);
  const lowered = lower(parsed.module, {
    filename: options.module ? options.module.path : baseName(filename),
    module: options.module,
    modules: options.modules,
    source,
  });
  const { localModules } = lowered;
  const diagnostics = unsupported.length ? [...lowered.diagnostics, ...unsupported].sort((a, b) => a.lineno - b.lineno || a.col - b.col) : lowered.diagnostics;
  const body = unsupported.length ? null : lowered.body;
  return { body, diagnostics, syntaxError: null, localModules };
}

/** For a program meant for the web page: each use of an API the browser cannot run (TSY3006). */
export function webTargetDiagnostics(source: string, filename = "main.py"): Diagnostic[] {
  const parsed = parse(source, filename);
  return parsed.module ? webUnsupportedApis(parsed.module, source) : [];
}

/** Python → TypeScript for people to read: prettier-formatted, type-checks under `tsc --strict`. */
export async function transpile(source: string, options: TranspileOptions = {}): Promise<TranspileResult> {
  const filename = options.filename ?? "main.py";
  try {
    const { body, diagnostics, syntaxError, localModules } = front(source, filename, options);
    if (!body || diagnostics.some((d) => d.severity === "error")) return { code: "", map: [], diagnostics, syntaxError, localModules };
    const printed = emitTypeScript(body);
    // Prettier is for reading; on a huge generated output (hundreds of KB of data tables) it would take
    // seconds, so such output keeps the printer's own layout.
    const format = options.format !== false && printed.text.length <= FORMAT_LIMIT;
    if (!format) return { code: printed.text, map: printed.lineMap, spans: printed.spans, diagnostics, syntaxError, localModules };
    const { code, map } = await formatWithMap(printed.text, printed.lineMap);
    const spans = carrySpans(printed.text, printed.spans, code) ?? undefined;
    return { code, map, spans, diagnostics, syntaxError, localModules };
  } catch (e) {
    if (!isStackOverflow(e)) throw e;
    return { code: "", map: [], diagnostics: [tooDeep()], syntaxError: null, localModules: [] };
  }
}

/**
 * Prettier's layout, and the Python line of each of its lines: formatted once with line marks
 * (emit/source-map.ts). If the marks changed the layout, the line map of the unmarked layout is
 * carried by the lines' text instead: each formatted line takes the Python line of the printer's
 * line it starts with, else the previous one.
 */
async function formatWithMap(text: string, lineMap: number[]): Promise<{ code: string; map: number[] }> {
  const plain = await formatTypeScript(text);
  try {
    const marked = stripMarks(await formatTypeScript(markLines(text, lineMap)));
    if (marked.text === plain.replace(/\n$/, "") || marked.text === plain) return { code: plain, map: marked.lineMap.slice(0, plain.split("\n").length) };
  } catch {
    // (a mark where prettier cannot keep a comment: the fallback below)
  }
  const starts = new Map<string, number>();
  text.split("\n").forEach((line, i) => {
    const key = line.trim();
    if (key && !starts.has(key)) starts.set(key, lineMap[i] ?? 0);
  });
  let carry = 0;
  return { code: plain, map: plain.split("\n").map((line) => (carry = starts.get(line.trim()) || carry)) };
}

/** Python → JavaScript for the runner (no TypeScript, no prettier: fast to produce). */
export function compileToJs(source: string, options: { filename?: string; module?: ModuleIdentity; modules?: ProgramModules } = {}): CompileResult {
  const filename = options.filename ?? "main.py";
  try {
    const { body, diagnostics, syntaxError, localModules } = front(source, filename, options);
    if (!body || diagnostics.some((d) => d.severity === "error")) return { js: "", lineMap: [], nameMap: [], diagnostics, syntaxError, localModules };
    const printed = emitJavaScript(body);
    return { js: printed.text, lineMap: printed.lineMap, nameMap: printed.nameMap, spans: printed.spans, diagnostics, syntaxError, localModules };
  } catch (e) {
    if (!isStackOverflow(e)) throw e;
    return { js: "", lineMap: [], nameMap: [], diagnostics: [tooDeep()], syntaxError: null, localModules: [] };
  }
}

// ───────────── programs of several files ─────────────

/**
 * An imported module with a syntax error compiles to code that raises it when imported, as CPython
 * raises it at the `import` (the script's own output before that line still appears; `except
 * SyntaxError` can catch it).
 */
export function syntaxErrorModule(error: PySyntaxError): CompileResult {
  const int = (n: number | undefined) => (n === undefined || n === null ? "null" : `${n}n`);
  const details = `[${JSON.stringify(error.filename ?? null)}, ${int(error.lineno)}, ${int(error.offset)}, ${JSON.stringify(error.text ?? null)}]`;
  const js = `throw new $rt["tsyncio/runtime"].${error.kind}(${JSON.stringify(error.msg)}${error.kind === "MemoryError" || error.kind === "RecursionError" ? "" : `, ${details}`});\n`;
  return { js, lineMap: [], nameMap: [], diagnostics: [], syntaxError: null, localModules: [] };
}

/** How a program's files are read: paths are relative to the program's root (the main script's folder). */
export interface ProgramHost {
  /** The file's source, or null when there is no such file. */
  read(path: string): string | null;
  /** Whether the file exists. */
  exists(path: string): boolean;
}

/** One file of a program and what translating it gave. */
export interface ProgramUnit<R> {
  path: string;
  module: ModuleIdentity;
  /** null when the file could not be read. */
  source: string | null;
  result: R | null;
}

/** Module search in the program's folder: a package (`name/__init__.py`) first, then `name.py`, as CPython's finder. */
export function programModules(host: ProgramHost): ProgramModules {
  const cache = new Map<string, { path: string; isPackage: boolean } | null>();
  const hooks = new Map<string, AttributeHooks>();
  const find = (name: string) => {
    if (!cache.has(name)) {
      const base = name.replace(/\./g, "/");
      cache.set(
        name,
        host.exists(`${base}/__init__.py`)
          ? { path: `${base}/__init__.py`, isPackage: true }
          : host.exists(`${base}.py`)
            ? { path: `${base}.py`, isPackage: false }
            : null,
      );
    }
    return cache.get(name)!;
  };
  return {
    find,
    publicNames(name) {
      const found = find(name);
      const source = found && host.read(found.path);
      const parsed = source ? parse(source, found.path) : null;
      if (!parsed?.module) return null;
      return publicNamesOf(parsed.module, analyzeScopes(parsed.module).get(parsed.module)!.bound);
    },
    attributeHooks(name) {
      if (!hooks.has(name)) {
        const found = find(name);
        const source = found && host.read(found.path);
        hooks.set(name, attributeHooksOf(source ?? ""));
      }
      return hooks.get(name)!;
    },
  };
}

/**
 * Translates the given files (roots) and every local module they import, transitively, each once.
 * A root with `main` is the script that runs (`__name__ == "__main__"`); other files are modules.
 */
export async function translateProgram<R extends { localModules: LocalModule[] }>(
  roots: { path: string; main: boolean }[],
  host: ProgramHost,
  translate: (source: string, options: { filename: string; module: ModuleIdentity; modules: ProgramModules }) => R | Promise<R>,
): Promise<ProgramUnit<R>[]> {
  const modules = programModules(host);
  const units: ProgramUnit<R>[] = [];
  const seen = new Set<string>();
  const queue = roots.map((r) => moduleIdentity(r.path, r.main));
  while (queue.length) {
    const module = queue.shift()!;
    if (seen.has(module.name)) continue;
    seen.add(module.name);
    const source = host.read(module.path);
    const result = source === null ? null : await translate(source, { filename: module.path, module, modules });
    units.push({ path: module.path, module, source, result });
    for (const m of result?.localModules ?? []) if (!seen.has(m.name)) queue.push(moduleIdentity(m.path, false));
  }
  return units;
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
  return { code: "TSY1090", severity: "error", ...diagnosticText("TSY1090"), lineno: 1, col: 1 };
}

/** Outputs larger than this (in characters) are not run through prettier. */
const FORMAT_LIMIT = 200_000;

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
