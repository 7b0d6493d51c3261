// The `tsyncio` command: its sub-commands, the process and exit codes (files.ts does the file system).
//
//   tsyncio FILE.py [-o OUT.ts]        print (or write) the TypeScript
//   tsyncio --outdir DIR FILE.py|SRC... translate a program (a script and the modules it imports) or a folder
//   tsyncio run [--virtual-time] FILE.py [ARGS...]  (run.ts; entry.ts sends it there without loading this file)
//   tsyncio check FILE.py|DIR...       report what would not translate
//   --watch (every command) runs it again when a .py file changes (watch.ts); --json (translation,
//   check) prints diagnostics as JSON lines (report.ts).
//
// Exit codes: 0 success, 1 a Python-level error or a translation error, 2 usage.

import { statSync } from "node:fs";
import { resolve, dirname, basename, join, relative } from "node:path";
import { cantOpen, folderHost, isDirectory, isFile, pythonFiles } from "./files.js";
import { writeAll } from "./write-output.js";
import { parse } from "../parse/index.js";
import { pythonFunctionNames } from "../emit/source-map.js";
import type { OutputSpan } from "../emit/print.js";
import { Reporter, relativePath, reportProgramErrors, type Compiled } from "./report.js";
import { UsageError, exitStatus, missing, optionIndex, readSource } from "./command-line.js";
import { watch } from "./watch.js";
import {
  compileToJs,
  webTargetDiagnostics,
  transpile,
  sourceMapV3,
  translateProgram,
  programModules,
  moduleIdentity,
  type ProgramUnit,
  type ProgramHost,
  type LocalModule,
  type ModuleIdentity,
  type ProgramModules,
} from "../index.js";

const VERSION = "0.1.0";

const HELP = `tsyncio ${VERSION}: translate Python asyncio programs into TypeScript that prints what CPython prints.

Usage:
  tsyncio FILE.py                     print the TypeScript translation ('-' reads stdin)
  tsyncio FILE.py -o OUT.ts           write it to OUT.ts (only on success, atomically)
  tsyncio FILE.py -o OUT.ts --source-map  also OUT.ts.map: a v3 source map of OUT.ts to the .py lines and columns
                                      (--outdir DIR --source-map: a map beside every file)
  tsyncio --outdir DIR FILE.py...     translate each script and the local modules it imports into DIR
                                      (pkg/mod.py → DIR/pkg/mod.ts); nothing is written if any file fails
  tsyncio --outdir DIR SRCDIR         translate every .py under SRCDIR, keeping its folders
  tsyncio run [options] FILE.py [ARGS...]
                                      translate and run: Python's stdout, stderr and exit code
                                      (imports find FILE's folder first, then the runtime's modules)
      --virtual-time                  run sleeps and timers on a simulated clock (instant, deterministic)
      --timeout SECONDS               stop the program after SECONDS of real time (exit status 124)
      --python 3.10|3.12              the CPython version whose output to reproduce where they differ
                                      (default 3.12; a program with @asyncio.coroutine runs as 3.10)
      --no-cache                      translate even if the translation cache has the program
                                      (the cache: $TSYNCIO_CACHE_DIR, else $XDG_CACHE_HOME/tsyncio,
                                      else ~/.cache/tsyncio; TSYNCIO_NO_CACHE=1 turns it off)
  tsyncio check FILE.py|DIR...        list what would not translate, writing nothing
                                      (a folder: every .py under it)
      --target web                    also what the web page cannot run (sockets, subprocesses)
  tsyncio --help | --version

Options of every command:
  --watch                             run the command again whenever a .py file it reads changes
  --json                              (translation with -o/--outdir, check) one JSON object per
                                      diagnostic on stdout: file, line, column, endLine, endColumn,
                                      severity, code, message
Diagnostics read FILE:LINE:COL: error CODE: message (syntax errors too: CODE is SyntaxError),
with paths relative to the working folder, coloured on a terminal (not with NO_COLOR, or piped),
and a count of errors at the end.

Exit status: 0 success, 1 a Python error or a translation error, 2 bad usage
(a program's own sys.exit status; 130 after Ctrl-C; 124 after --timeout).`;

export function main(argv: string[]): Promise<number> {
  return exitStatus(() => dispatch(argv));
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
  const command = argv[0] === "run" || argv[0] === "check" ? argv[0] : "translate";
  const rest = command === "translate" ? argv : argv.slice(1);
  // --watch: a supervisor that runs the same command (without --watch) in a child process.
  const watchAt = optionIndex(rest, "--watch", command === "run");
  if (watchAt >= 0) {
    const once = command === "translate" ? rest.filter((_, i) => i !== watchAt) : [command, ...rest.filter((_, i) => i !== watchAt)];
    return watch(
      once,
      inputsOf(
        command,
        rest.filter((_, i) => i !== watchAt),
      ),
    );
  }
  if (command === "run") return (await import("./run.js")).run(rest);
  if (command === "check") return check(rest);
  return translate(argv);
}

/**
 * Where `option` stands among the options, or -1. `run`'s options end at the script (what follows
 * is the program's argv); the other commands take options anywhere.
 */
/** The files and folders a command reads (for --watch): its arguments that are not options. */
function inputsOf(command: string, argv: string[]): string[] {
  const inputs: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (["-o", "--output", "--outdir", "--timeout"].includes(a)) i++;
    else if (a === "--") {
      if (argv[i + 1]) inputs.push(argv[i + 1]);
      break;
    } else if (!a.startsWith("-")) {
      inputs.push(a);
      if (command === "run") break;
    }
  }
  if (!inputs.length || inputs.includes("-")) throw new UsageError("--watch needs files or folders, not stdin");
  return inputs;
}

/** `check --target web`: each unit's uses of what the page cannot run (only for units that translated). */
function reportWebTarget<R extends Compiled>(reporter: Reporter, units: ProgramUnit<R>[], path: (unit: ProgramUnit<R>) => string): boolean {
  let failed = false;
  for (const u of units) {
    if (u.source === null || u.result === null || u.result.syntaxError) continue;
    if (reporter.report(path(u), u.source, webTargetDiagnostics(u.source, u.path), null)) failed = true;
  }
  return failed;
}

async function translate(argv: string[]): Promise<number> {
  let out: string | undefined;
  let outdir: string | undefined;
  let json = false;
  let sourceMap = false;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "-o" || a === "--output") out = argv[++i] ?? missing(a);
    else if (a === "--outdir") outdir = argv[++i] ?? missing(a);
    else if (a === "--json") json = true;
    else if (a === "--source-map") sourceMap = true;
    else if (a.startsWith("-") && a !== "-") throw new UsageError(`unknown option '${a}'`);
    else files.push(a);
  }
  if (!files.length) throw new UsageError("no input file");
  if (files.length > 1 && !outdir) throw new UsageError("several input files need --outdir DIR");
  if (out && outdir) throw new UsageError("use either -o or --outdir");
  if (json && !out && !outdir) throw new UsageError("--json needs -o OUT.ts or --outdir DIR (stdout carries the diagnostics)");
  if (sourceMap && !out && !outdir) throw new UsageError("--source-map needs -o OUT.ts or --outdir DIR (each map is written next to its file)");
  const reporter = new Reporter(json);
  const status = outdir ? await translateToFolder(files, outdir, reporter, sourceMap) : await translateFile(files[0], out, reporter, sourceMap);
  reporter.summary();
  return status;
}

async function translateFile(file: string, out: string | undefined, reporter: Reporter, sourceMap = false): Promise<number> {
  if (isDirectory(file)) throw new UsageError(`'${file}' is a folder: translate it with --outdir DIR`);
  const source = readSource(file, (message) => reporter.plain(file, message));
  if (source === null) return 1;
  // One file: its imports of the program's own modules resolve (they are translated with --outdir).
  const root = file === "-" ? process.cwd() : dirname(resolve(file));
  const result = await transpile(source, { filename: file === "-" ? "<stdin>" : basename(file), modules: programModules(folderHost(root)) });
  if (reporter.report(file, source, result.diagnostics, result.syntaxError)) return 1;
  if (!out) {
    process.stdout.write(result.code);
    return 0;
  }
  if (sourceMap && file !== "-") return writeAll(withSourceMap(out, file, result.code, result.map, source, result.spans), [file]) ? 0 : 1;
  return writeAll([{ target: out, text: result.code }], file === "-" ? [] : [file]) ? 0 : 1;
}

/**
 * OUT.ts with its source map OUT.ts.map (v3, back to the .py lines), which also gives the Python
 * function of each .py line: tracebacks of the compiled program name it (standalone-frames.ts).
 */
function withSourceMap(
  target: string,
  pyFile: string,
  code: string,
  lineMap: number[],
  source: string,
  spans: OutputSpan[] | undefined,
): { target: string; text: string }[] {
  const functions = pythonFunctionNames(parse(source, basename(pyFile)).module!, source.split("\n").length);
  const map = sourceMapV3(basename(target), relative(dirname(resolve(target)), resolve(pyFile)), lineMap, source, functions, spans);
  const text = `${code.replace(/\n?$/, "\n")}//# sourceMappingURL=${basename(target)}.map\n`;
  return [
    { target, text },
    { target: `${target}.map`, text: map },
  ];
}

/**
 * `--outdir DIR`: each script argument with the local modules it imports, or every .py of a folder
 * argument, into DIR with the same folders (pkg/mod.py → DIR/pkg/mod.ts). Everything is translated
 * before anything is written; any failure writes nothing.
 */
async function translateToFolder(inputs: string[], outdir: string, reporter: Reporter, sourceMap = false): Promise<number> {
  const outputs = new Map<string, { text: string; from: string; map: number[]; source: string; spans?: OutputSpan[] }>();
  let failed = false;
  for (const input of inputs) {
    if (input === "-") throw new UsageError("--outdir needs files or folders, not stdin");
    const { root, units } = await programUnits(input, (source, o) => transpile(source, o));
    if (reportProgramErrors(reporter, units, (u) => join(root, u.path))) {
      failed = true;
      continue;
    }
    for (const u of units) {
      const target = join(outdir, u.path.replace(/\.py$/, ".ts"));
      const from = join(root, u.path);
      const earlier = outputs.get(target);
      if (earlier && (earlier.from !== from || earlier.text !== u.result!.code)) {
        process.stderr.write(
          `tsyncio: ${relative(process.cwd(), from)} would be written twice to '${target}' (${u.module.name === "__main__" ? "a script that is also imported as a module" : "two inputs with the same path"}); translate them separately\n`,
        );
        failed = true;
      }
      outputs.set(target, { text: u.result!.code, from, map: u.result!.map, source: u.source!, spans: u.result!.spans });
    }
  }
  if (failed) return 1;
  // With --source-map, every file gets its map.
  const files = [...outputs].flatMap(([target, o]) =>
    sourceMap ? withSourceMap(target, o.from, o.text, o.map, o.source, o.spans) : [{ target, text: o.text }],
  );
  return writeAll(
    files,
    [...outputs.values()].map((o) => o.from),
  )
    ? 0
    : 1;
}

type Translate<R> = (source: string, options: { filename: string; module: ModuleIdentity; modules: ProgramModules }) => R | Promise<R>;

/**
 * A script argument with the local modules it imports, or every .py of a folder argument. A
 * package folder is taken as the package: its parent is the root (SRC/pkg → pkg/...). In a folder,
 * a top-level file that no file imports is a script (`__name__ == "__main__"`); the rest are modules.
 */
async function programUnits<R extends Compiled & { localModules: LocalModule[] }>(
  input: string,
  translateOne: Translate<R>,
): Promise<{ root: string; units: ProgramUnit<R>[] }> {
  const folder = isDirectory(input);
  let root = folder ? resolve(input) : dirname(resolve(input));
  let prefix = "";
  while (folder && isFile(join(root, "__init__.py")) && dirname(root) !== root) {
    prefix = prefix ? `${basename(root)}/${prefix}` : basename(root);
    root = dirname(root);
  }
  const host: ProgramHost = folderHost(root);
  if (!folder) {
    statOrUsage(input);
    return { root, units: await translateProgram<R>([{ path: basename(input), main: true }], host, translateOne) };
  }
  const paths = pythonFiles(root, prefix);
  if (!paths.length) throw new UsageError(`no .py files under '${input}'`);
  const asModules = await translateProgram<R>(
    paths.map((path) => ({ path, main: false })),
    host,
    translateOne,
  );
  const imported = new Set(asModules.flatMap((u) => u.result?.localModules.map((m) => m.path) ?? []));
  const scripts = paths.filter((p) => !p.includes("/") && !imported.has(p));
  const modules = programModules(host);
  const asScripts: ProgramUnit<R>[] = [];
  for (const path of scripts) {
    const module = moduleIdentity(path, true);
    const source = host.read(path);
    asScripts.push({ path, module, source, result: source === null ? null : await translateOne(source, { filename: path, module, modules }) });
  }
  return { root, units: [...asScripts, ...asModules.filter((u) => !scripts.includes(u.path))] };
}

function statOrUsage(file: string): void {
  try {
    statSync(file);
  } catch (e) {
    throw new UsageError(cantOpen(file, e));
  }
}

async function check(argv: string[]): Promise<number> {
  const json = argv.includes("--json");
  // --target web: also what the web page cannot run (sockets, processes: TSY3006).
  let web = false;
  const inputs: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--json") continue;
    if (a === "--target" || a.startsWith("--target=")) {
      const t = a === "--target" ? (argv[++i] ?? missing(a)) : a.slice("--target=".length);
      if (t !== "web" && t !== "node") throw new UsageError(`--target must be 'node' or 'web', not '${t}'`);
      web = t === "web";
      continue;
    }
    inputs.push(a);
  }
  const unknown = inputs.find((a) => a.startsWith("-") && a !== "-");
  if (unknown) throw new UsageError(`unknown option '${unknown}'`);
  if (!inputs.length) throw new UsageError("no input file");
  const reporter = new Reporter(json);
  let failed = false;
  let checked = 0;
  for (const input of inputs) {
    if (isDirectory(input)) {
      // Every .py under the folder, each file once (a module imported by several is checked once).
      const { root, units } = await programUnits(input, (src, o) => compileToJs(src, o));
      checked += units.length;
      if (reportProgramErrors(reporter, units, (u) => join(root, u.path))) failed = true;
      if (web && reportWebTarget(reporter, units, (u) => join(root, u.path))) failed = true;
      continue;
    }
    const source = readSource(input, (message) => reporter.plain(input, message));
    checked++;
    if (source === null) {
      failed = true;
      continue;
    }
    // The script and the program's own modules it imports.
    const root = input === "-" ? process.cwd() : dirname(resolve(input));
    const mainPath = input === "-" ? "<stdin>" : basename(input);
    const units = await translateProgram([{ path: mainPath, main: true }], folderHost(root, { path: mainPath, source }), (src, o) => compileToJs(src, o));
    checked += units.length - 1;
    const where = (u: ProgramUnit<Compiled>) => (u.module.name === "__main__" ? input : join(root, u.path));
    if (reportProgramErrors(reporter, units, where)) failed = true;
    if (web && reportWebTarget(reporter, units, where)) failed = true;
  }
  reporter.summary();
  if (!failed && !json) process.stderr.write(`${inputs.length === 1 && !isDirectory(inputs[0]) ? relativePath(inputs[0]) : `${checked} files`}: ok\n`);
  return failed ? 1 : 0;
}
