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
  tsyncio check FILE.py...            list what would not translate, writing nothing
  tsyncio --help | --version

Exit status: 0 success, 1 a Python error or a translation error, 2 bad usage.`;

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

function readSource(file: string): string {
  try {
    return file === "-" ? readFileSync(0, "utf8") : readFileSync(file, "utf8");
  } catch (e) {
    throw new UsageError(`can't open file '${file}': ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
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
    const result = await transpile(source, { filename: file === "-" ? "<stdin>" : basename(file) });
    if (reportErrors(file, source, result.diagnostics, result.syntaxError)) {
      failed = true;
      continue;
    }
    const target = outdir ? join(outdir, basename(file).replace(/\.py$/, "") + ".ts") : out;
    if (target) writeAtomically(target, result.code);
    else process.stdout.write(result.code);
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
    const result = compileToJs(source, { filename: basename(file) });
    if (reportErrors(file, source, result.diagnostics, result.syntaxError)) failed = true;
  }
  if (!failed) process.stderr.write(`${argv.length === 1 ? argv[0] : `${argv.length} files`}: ok\n`);
  return failed ? 1 : 0;
}

async function run(argv: string[]): Promise<number> {
  let virtualTime = false;
  let i = 0;
  for (; i < argv.length && argv[i].startsWith("-") && argv[i] !== "-"; i++) {
    if (argv[i] === "--virtual-time") virtualTime = true;
    else if (argv[i] === "--") {
      i++;
      break;
    } else throw new UsageError(`unknown option '${argv[i]}'`);
  }
  const file = argv[i];
  if (!file) throw new UsageError("run: no input file");
  const source = readSource(file);
  const path = displayPath(file);
  const compiled = compileToJs(source, { filename: basename(file) });
  if (reportErrors(file, source, compiled.diagnostics, compiled.syntaxError)) return 1;
  const { installNodeHost } = await import("./node-host.js");
  installNodeHost({ virtualTime, argv: [file, ...argv.slice(i + 1)] });
  const { runProgram } = await import("../runtime/run.js");
  return runProgram({ js: compiled.js, lineMap: compiled.lineMap, nameMap: compiled.nameMap, path, source });
}
