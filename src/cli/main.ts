// The `tsyncio` command. The only module that touches the file system, the process and exit codes.
//
//   tsyncio FILE.py [-o OUT.ts]        print (or write) the TypeScript
//   tsyncio --outdir DIR FILE.py...    translate many files
//   tsyncio run [--virtual-time] FILE.py [ARGS...]
//   tsyncio check FILE.py...           report what would not translate
//
// Exit codes: 0 success, 1 a Python-level error or a translation error, 2 usage.

import { readFileSync, writeFileSync, renameSync, mkdirSync, unlinkSync } from "node:fs";
import { resolve, dirname, basename, join } from "node:path";
import { compileToJs, transpile, renderDiagnostic, formatSyntaxError, type Diagnostic, type PySyntaxError } from "../index.js";

const VERSION = "0.1.0";

const HELP = `tsyncio ${VERSION}: translate Python asyncio programs into TypeScript that prints what CPython prints.

Usage:
  tsyncio FILE.py                     print the TypeScript translation ('-' reads stdin)
  tsyncio FILE.py -o OUT.ts           write it to OUT.ts (only on success, atomically)
  tsyncio --outdir DIR FILE.py...     translate several files into DIR
  tsyncio run [options] FILE.py [ARGS...]
                                      translate and run: Python's stdout, stderr and exit code
      --virtual-time                  run sleeps and timers on a simulated clock (instant, deterministic)
      --timeout SECONDS               stop the program after SECONDS of real time (exit status 124)
  tsyncio check FILE.py...            list what would not translate, writing nothing
  tsyncio --help | --version

Exit status: 0 success, 1 a Python error or a translation error, 2 bad usage
(a program's own sys.exit status; 130 after Ctrl-C; 124 after --timeout).`;

class UsageError extends Error {}

export async function main(argv: string[]): Promise<number> {
  try {
    return await dispatch(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`tsyncio: ${e.message}\nTry 'tsyncio --help'.\n`);
      return 2;
    }
    const err = e as Error;
    process.stderr.write(`tsyncio: internal error: ${err?.message ?? String(e)}\nThis is a bug in tsyncio; please report it with the input file.\n${process.env.TSYNCIO_DEBUG ? err?.stack ?? "" : ""}`);
    return 70;
  }
}

async function dispatch(argv: string[]): Promise<number> {
  if (!argv.length || argv[0] === "--help" || argv[0] === "-h") {
    process.stdout.write(HELP + "\n");
    return argv.length ? 0 : 2;
  }
  if (argv[0] === "--version") {
    process.stdout.write(`tsyncio ${VERSION}\n`);
    return 0;
  }
  if (argv[0] === "run") return run(argv.slice(1));
  if (argv[0] === "check") return check(argv.slice(1));
  return translate(argv);
}

/** The source as CPython decodes it (BOM, PEP 263 coding cookie, else strict UTF-8); null after reporting an error. */
function readSource(file: string): string | null {
  let bytes: Buffer;
  try {
    bytes = file === "-" ? readFileSync(0) : readFileSync(file);
  } catch (e) {
    throw new UsageError(`can't open file '${file}': ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const decoded = decodeSource(bytes, displayPath(file));
  if (typeof decoded === "string") return decoded;
  process.stderr.write(`SyntaxError: ${decoded.error}\n`);
  return null;
}

function decodeSource(bytes: Buffer, path: string): string | { error: string } {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (bom) bytes = bytes.subarray(3);
  let cookie: string | null = null;
  const lines = bytes.subarray(0, 1024).toString("latin1").split(/\r\n|\r|\n/);
  for (const line of lines.slice(0, 2)) {
    const m = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/.exec(line);
    if (m) {
      cookie = m[1];
      break;
    }
    if (!/^[ \t\f]*(#.*)?$/.test(line)) break;
  }
  const norm = (cookie ?? "utf-8").toLowerCase().replace(/_/g, "-");
  const utf8 = /^utf-?8(-|$)/.test(norm);
  const latin1 = /^(latin-1|iso-8859-1|iso-latin-1|latin1|l1|iso8859-1)(-|$)/.test(norm);
  if (bom && !utf8) return { error: `encoding problem: ${latin1 ? "iso-8859-1" : cookie} with BOM` };
  if (utf8 || norm === "ascii" || norm === "us-ascii") {
    try {
      return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
      const valid = (n: number, stream: boolean) => {
        try {
          new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, n), { stream });
          return true;
        } catch {
          return false;
        }
      };
      // The longest prefix that decodes (an unfinished character allowed), then back to the start
      // of the character that fails, as CPython reports it.
      let lo = 0;
      let hi = bytes.length;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (valid(mid, true)) lo = mid;
        else hi = mid - 1;
      }
      let bad = lo;
      if (!valid(lo, false)) {
        while (bad > 0 && lo - bad < 3 && (bytes[bad - 1] & 0xc0) === 0x80) bad--;
        if (bad > 0 && bytes[bad - 1] >= 0xc0) bad--;
      }
      let line = 1;
      for (let i = 0; i < bad; i++) if (bytes[i] === 0x0a) line++;
      const hex = (bytes[bad] ?? 0).toString(16).padStart(2, "0");
      return cookie === null
        ? { error: `Non-UTF-8 code starting with '\\x${hex}' in file ${path} on line ${line}, but no encoding declared; see https://peps.python.org/pep-0263/ for details` }
        : { error: `(unicode error) 'utf-8' codec can't decode byte 0x${hex} in position ${bad}: invalid start byte` };
    }
  }
  if (latin1) return bytes.toString("latin1");
  try {
    return new TextDecoder(norm, { fatal: true }).decode(bytes);
  } catch (e) {
    return e instanceof RangeError ? { error: `encoding problem: ${cookie}` } : { error: `(unicode error) '${cookie}' codec can't decode the source` };
  }
}

function reportErrors(file: string, source: string, diagnostics: Diagnostic[], syntaxError: PySyntaxError | null): boolean {
  if (syntaxError) {
    process.stderr.write(formatSyntaxError({ ...syntaxError, filename: displayPath(file) }));
    return true;
  }
  const errors = diagnostics.filter((d) => d.severity === "error");
  for (const d of diagnostics) process.stderr.write(renderDiagnostic(d, file, source) + "\n");
  return errors.length > 0;
}

function displayPath(file: string): string {
  return file === "-" ? "<stdin>" : resolve(file);
}

async function translate(argv: string[]): Promise<number> {
  let out: string | undefined;
  let outdir: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "-o" || a === "--output") out = argv[++i] ?? missing(a);
    else if (a === "--outdir") outdir = argv[++i] ?? missing(a);
    else if (a.startsWith("-") && a !== "-") throw new UsageError(`unknown option '${a}'`);
    else files.push(a);
  }
  if (!files.length) throw new UsageError("no input file");
  if (files.length > 1 && !outdir) throw new UsageError("several input files need --outdir DIR");
  if (out && outdir) throw new UsageError("use either -o or --outdir");
  let failed = false;
  for (const file of files) {
    const source = readSource(file);
    if (source === null) {
      failed = true;
      continue;
    }
    const result = await transpile(source, { filename: file === "-" ? "<stdin>" : basename(file) });
    if (reportErrors(file, source, result.diagnostics, result.syntaxError)) {
      failed = true;
      continue;
    }
    const target = outdir ? join(outdir, basename(file).replace(/\.py$/, "") + ".ts") : out;
    if (!target) process.stdout.write(result.code);
    else {
      try {
        writeAtomically(target, result.code);
      } catch (e) {
        process.stderr.write(`tsyncio: can't write '${target}': ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
        failed = true;
      }
    }
  }
  return failed ? 1 : 0;
}

function missing(option: string): never {
  throw new UsageError(`option '${option}' needs a value`);
}

/** Writes next to the target and renames, so a failure never leaves a half-written file. */
function writeAtomically(target: string, text: string): void {
  mkdirSync(dirname(resolve(target)), { recursive: true });
  const tmp = `${target}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, target);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // nothing to clean
    }
    throw e;
  }
}

async function check(argv: string[]): Promise<number> {
  if (!argv.length) throw new UsageError("no input file");
  let failed = false;
  for (const file of argv) {
    const source = readSource(file);
    if (source === null) {
      failed = true;
      continue;
    }
    const result = compileToJs(source, { filename: basename(file) });
    if (reportErrors(file, source, result.diagnostics, result.syntaxError)) failed = true;
  }
  if (!failed) process.stderr.write(`${argv.length === 1 ? argv[0] : `${argv.length} files`}: ok\n`);
  return failed ? 1 : 0;
}

/**
 * The Node host, and the runtime's loader: the runtime must load after the host is installed
 * (sys.argv is read when sys loads). Exported for bench/lib/run-js.mjs, so that it runs emitted
 * JavaScript the way `run` does, from the same file (the bundle, when there is one).
 */
export async function loadRunner() {
  const { installNodeHost, waitForWatcher } = await import("./node-host.js");
  return { installNodeHost, waitForWatcher, runtime: () => import("../runtime/run.js") };
}

async function run(argv: string[]): Promise<number> {
  let virtualTime = false;
  let timeout: number | undefined;
  let i = 0;
  for (; i < argv.length && argv[i].startsWith("-") && argv[i] !== "-"; i++) {
    if (argv[i] === "--virtual-time") virtualTime = true;
    else if (argv[i] === "--timeout" || argv[i].startsWith("--timeout=")) {
      const value = argv[i].includes("=") ? argv[i].slice(argv[i].indexOf("=") + 1) : (argv[++i] ?? missing("--timeout"));
      timeout = Number(value);
      if (!(timeout > 0) || !Number.isFinite(timeout)) throw new UsageError(`--timeout needs a number of seconds > 0, not '${value}'`);
    } else if (argv[i] === "--") {
      i++;
      break;
    } else throw new UsageError(`unknown option '${argv[i]}'`);
  }
  const file = argv[i];
  if (!file) throw new UsageError("run: no input file");
  const source = readSource(file);
  if (source === null) return 1;
  const path = displayPath(file);
  const compiled = compileToJs(source, { filename: basename(file) });
  if (reportErrors(file, source, compiled.diagnostics, compiled.syntaxError)) return 1;
  const { installNodeHost, waitForWatcher, runtime } = await loadRunner();
  installNodeHost({ virtualTime, argv: [file, ...argv.slice(i + 1)], timeout });
  const { runProgram } = await runtime();
  waitForWatcher();
  return runProgram({ js: compiled.js, lineMap: compiled.lineMap, nameMap: compiled.nameMap, path, source });
}
