// Which functions the translated program defined, and on which Python line. A JS function's source
// text (Function.prototype.toString) is a slice of the script that defined it, so a function of the
// program is found in the program's JavaScript; nothing is emitted or kept per function. Asked only
// off the fast paths: a call with too few arguments, a function's __qualname__.

import { qualname_at } from "../program-info.js";

interface ProgramScript {
  js: string;
  /** The .py file the script was translated from. */
  path: string;
  /** Script line (0-based) → Python line. */
  lineMap: number[];
  /** How deep the file's own statements are indented (an imported module's body is wrapped in a function). */
  indent: number;
}

export interface FunctionSite {
  path: string;
  /** The Python line the function's JS text starts on (its def or lambda line). */
  line: number;
}

const scripts: ProgramScript[] = [];
/** By source text: several closures of one def share theirs. */
const sites = new Map<string, FunctionSite | null>();
/** By function: a method bound again and again asks about the same function. */
let programFunctions = new WeakMap<Function, boolean>();

/** A script of the program, as the runner evaluates it (runProgram, before running it). */
export function add_program_script(js: string, path: string, lineMap: number[], module: boolean): void {
  scripts.push({ js, path, lineMap, indent: module ? 2 : 0 });
  sites.clear();
}

/** A new program runs: the previous one's scripts are forgotten. */
export function reset_program_scripts(): void {
  scripts.length = 0;
  locateExactly = null;
  exactSites = new WeakMap();
  sites.clear();
  programFunctions = new WeakMap();
}

/**
 * The host's exact answer (a debugger's function location) as a Python file and line, for a text
 * the program's scripts hold more than once (two defs `def g(): pass` nested in different functions).
 */
let locateExactly: ((f: Function) => [string, number] | null) | null = null;
let exactSites = new WeakMap<Function, FunctionSite | null>();

export function set_function_locator(locate: ((f: Function) => [string, number] | null) | null): void {
  locateExactly = locate;
}

/** Where the program defined `f` (a coroutine function: the generator it wraps), or null: not the program's, or no script known. */
export function programFunctionSite(f: Function): FunctionSite | null {
  if (scripts.length === 0) return null;
  const source = ((f as { __signature_source__?: Function }).__signature_source__ ?? f) as Function;
  const text = Function.prototype.toString.call(source);
  let site = sites.get(text);
  if (site !== undefined) return site;
  site = null;
  let repeated = false;
  if (!text.endsWith("[native code] }")) {
    for (const s of scripts) {
      const at = s.js.indexOf(text);
      if (at < 0) continue;
      if (site !== null || s.js.indexOf(text, at + 1) >= 0) {
        repeated = true;
        break;
      }
      let line = 0;
      for (let i = s.js.indexOf("\n"); i >= 0 && i < at; i = s.js.indexOf("\n", i + 1)) line++;
      site = { path: s.path, line: s.lineMap[line] ?? 0 };
    }
  }
  if (repeated) {
    // The same text at several places: only the host can tell which (cached by function, not text).
    let exact = exactSites.get(source);
    if (exact === undefined) {
      const at = locateExactly?.(source) ?? null;
      exactSites.set(source, (exact = at && { path: at[0], line: at[1] }));
    }
    return exact;
  }
  sites.set(text, site);
  return site;
}

/**
 * `f.__qualname__` of a function the program defined that has none of its own (a plain JS function
 * has none): a nested def's `outer.<locals>.inner` from the compiler's table by def line, `<lambda>`,
 * else its name. Undefined for a function that is not the program's.
 */
export function programQualname(f: Function): string | undefined {
  const site = programFunctionSite(f);
  if (site === null) return undefined;
  // (a lambda's qualname is kept under its negated line, apart from a def's on the same line)
  const lambda = isProgramLambda(f);
  return qualname_at(site.path, lambda ? -site.line : site.line) ?? (lambda ? "<lambda>" : f.name);
}

/** Whether the program's code defined `f`. */
export function isProgramFunction(f: Function): boolean {
  let known = programFunctions.get(f);
  if (known === undefined) programFunctions.set(f, (known = programFunctionSite(f) !== null));
  return known;
}

/** A lambda of the program: the only arrow functions a translation gives the program as values. */
export function isProgramLambda(f: Function): boolean {
  const source = ((f as { __signature_source__?: Function }).__signature_source__ ?? f) as Function;
  return /^(?:async\s*)?(?:\([^)]*\)|[\w$]+)\s*=>/.test(Function.prototype.toString.call(source)) && isProgramFunction(f);
}

/**
 * Whether a JS name read before its declaration ran (a TDZ ReferenceError) is one of a file's
 * globals (CPython's "name 'x' is not defined") rather than a variable of an enclosing function
 * ("cannot access free variable"): declared at the file's own level of a script of the program.
 */
export function declaredAtTopLevel(jsName: string): boolean {
  const name = jsName.replace(/[$]/g, "\\$");
  return scripts.some((s) => new RegExp(`^ {${s.indent}}(?:export )?(?:let|const|var|class|function\\*?|async function\\*?) ${name}\\b`, "m").test(s.js));
}

/** The functions a translated class marks as `@classmethod` (define_class fills it; a keyword
 *  call's binding counts the class among the positional arguments). */
export const CLASS_METHODS = new WeakSet<Function>();
