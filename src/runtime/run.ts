// Runs a translated program (the JavaScript form from emitJavaScript) on the installed host, the
// way `python prog.py` runs: output, a CPython-format traceback for an uncaught exception, the
// exit code, and the messages CPython prints at shutdown. Used by the CLI and by the web worker.

import { host } from "./host.js";
import { modules } from "./registry.js";
import { BaseException, SystemExit, KeyboardInterrupt, toPyException } from "./builtins/exceptions.js";
import { str } from "./builtins/repr.js";
import { set_program_dir } from "./program.js";
import { set_source_line_provider } from "./asyncio/_warnings.js";

export interface ProgramSource {
  /** JavaScript from emitJavaScript. */
  js: string;
  /** Output line → Python line, from the same emit. */
  lineMap: number[];
  /** Output line → the Python function it belongs to. */
  nameMap: string[];
  /** The absolute path of the .py file (CPython shows it in tracebacks and reprs). */
  path: string;
  /** The Python source, for the lines that tracebacks and warnings quote. */
  source: string;
}

/** Runs the program and returns its exit code. Never throws for a Python-level error. */
export function runProgram(program: ProgramSource): number {
  const slash = program.path.lastIndexOf("/");
  set_program_dir(slash >= 0 ? program.path.slice(0, slash) : "");
  const sourceLines = program.source.split(/\r\n|\r|\n/);
  set_source_line_provider((file, line) => (file === program.path ? sourceLines[line - 1] : null));
  const previousLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 64;
  let code = 0;
  try {
    const body = new Function("$rt", `${program.js}\n//# sourceURL=${SCRIPT_URL}`);
    body(modules);
  } catch (e) {
    code = reportUncaught(e, program, sourceLines);
  } finally {
    Error.stackTraceLimit = previousLimit;
  }
  try {
    atExit();
  } catch (e) {
    code = code || reportUncaught(e, program, sourceLines);
  }
  host.flush();
  return code;
}

const SCRIPT_URL = "tsyncio-program.js";

function atExit(): void {
  const asyncio = modules["tsyncio/runtime/asyncio"] as { _at_exit?: () => void };
  asyncio._at_exit?.();
}

function reportUncaught(e: unknown, program: ProgramSource, sourceLines: string[]): number {
  const exc = toPyException(e);
  if (exc instanceof SystemExit) {
    const c = exc.args.length ? exc.args[0] : null;
    if (c === null || c === undefined) return 0;
    if (typeof c === "bigint") return Number(BigInt.asUintN(8, c));
    if (typeof c === "boolean") return c ? 1 : 0;
    host.flush();
    host.write(2, `${str(c)}\n`);
    return 1;
  }
  host.flush();
  host.write(2, formatTraceback(exc, program, sourceLines));
  return exc instanceof KeyboardInterrupt ? 130 : 1;
}

/** CPython's traceback text for an exception, with frames mapped back to the Python source. */
export function formatTraceback(exc: BaseException, program: ProgramSource, sourceLines: string[]): string {
  let out = "";
  const cause = exc.__cause__ ?? (exc.__suppress_context__ ? null : exc.__context__);
  if (cause && cause !== exc) {
    out += formatTraceback(cause, program, sourceLines);
    out += exc.__cause__
      ? "\nThe above exception was the direct cause of the following exception:\n\n"
      : "\nDuring handling of the above exception, another exception occurred:\n\n";
  }
  const frames = pythonFrames(exc, program);
  if (frames.length) {
    out += "Traceback (most recent call last):\n";
    for (const f of frames) {
      out += `  File "${program.path}", line ${f.line}, in ${f.name}\n`;
      const text = sourceLines[f.line - 1]?.trim();
      if (text) out += `    ${text}\n`;
    }
  }
  const message = exc.__str__();
  out += message ? `${exc.name}: ${message}\n` : `${exc.name}\n`;
  return out;
}

interface Frame {
  line: number;
  name: string;
}

/** The program's frames in the JS stack, outermost first, as Python lines and function names. */
function pythonFrames(exc: BaseException, program: ProgramSource): Frame[] {
  const stack = typeof exc.stack === "string" ? exc.stack : "";
  const frames: Frame[] = [];
  for (const line of stack.split("\n")) {
    const m = /\b(tsyncio-program\.js):(\d+):(\d+)\)?$/.exec(line);
    if (!m) continue;
    // new Function puts two lines of its own before the body.
    const jsLine = Number(m[2]) - 2;
    const pyLine = program.lineMap[jsLine - 1] ?? 0;
    if (!pyLine) continue;
    frames.push({ line: pyLine, name: program.nameMap[jsLine - 1] ?? "<module>" });
  }
  return frames.reverse();
}

