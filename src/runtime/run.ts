// Runs a translated program (the JavaScript form from emitJavaScript) on the installed host, the
// way `python prog.py` runs: output, a CPython-format traceback for an uncaught exception, the
// exit code, and the messages CPython prints at shutdown. Used by the CLI and by the web worker.

import { host } from "./host.js";
import { modules } from "./registry.js";
import { BaseException, SystemExit, KeyboardInterrupt, caughtException, trailOf } from "./builtins/exceptions.js";
import { str } from "./builtins/repr.js";
import { _set_frame_formatter, format_exception } from "./modules/traceback.js";
import { set_location_provider, set_program_dir } from "./program.js";
import { set_source_line_provider } from "./asyncio/_warnings.js";
import { _set_suspended_line_provider } from "./asyncio/coroutines.js";
import { _set_function_source_provider } from "./asyncio/format_helpers.js";

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
  _set_frame_formatter((exc) => frameLines(exc, program, sourceLines));
  set_location_provider(() => {
    const frames = pythonFrames(new Error(), program);
    const last = frames[frames.length - 1];
    return last ? { filename: program.path, lineno: last.line } : null;
  });
  const previousLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 64;
  let code = 0;
  try {
    const body = new Function("$rt", `${program.js}\n//# sourceURL=${SCRIPT_URL}`);
    const where = host.sourceLine?.bind(host);
    if (where) {
      // new Function puts two lines of its own before the body.
      const pyLine = (obj: object) => {
        const line = where(obj, body);
        return line === null ? null : program.lineMap[line - 3] || null;
      };
      _set_suspended_line_provider(pyLine);
      _set_function_source_provider((fn) => {
        const line = pyLine(fn);
        return line === null ? null : [program.path, line];
      });
    }
    body(modules);
  } catch (e) {
    code = reportUncaught(e);
  } finally {
    Error.stackTraceLimit = previousLimit;
  }
  try {
    atExit();
  } catch (e) {
    code = code || reportUncaught(e);
  }
  host.flush();
  return code;
}

const SCRIPT_URL = "tsyncio-program.js";

function atExit(): void {
  const asyncio = modules["tsyncio/runtime/asyncio"] as { _at_exit?: () => void };
  asyncio._at_exit?.();
}

function reportUncaught(e: unknown): number {
  const exc = caughtException(e);
  escaped.add(exc);
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
  host.write(2, format_exception(exc).join(""));
  return exc instanceof KeyboardInterrupt ? 130 : 1;
}

/** The `File "...", line N, in f` lines (and the source lines) of an exception's Python frames. */
function frameLines(exc: BaseException, program: ProgramSource, sourceLines: string[]): string[] {
  // The exception that ended the program carries every frame from the module's down.
  const full = escaped.has(exc);
  let frames: Frame[];
  const trail = trailOf(exc);
  if (trail === undefined) {
    frames = pythonFrames(exc, program, !full);
  } else {
    // Re-raised by awaits in other coroutines: the latest await's frames first, its own last.
    frames = [];
    for (let i = trail.awaits.length - 1; i >= 0; i--) {
      frames.push(...pythonFrames(trail.awaits[i], program, !(full && i === trail.awaits.length - 1)));
    }
    if (trail.own) frames.push(...pythonFrames(exc, program, true));
  }
  if (full) return formatFrames(frames, program, sourceLines);
  // A caught exception's traceback starts at the frame that caught it, as in CPython.
  const caughtAt = (exc as { __caught_stack__?: string }).__caught_stack__;
  if (caughtAt !== undefined) frames = frames.slice(Math.max(0, pythonFrames({ stack: caughtAt }, program, true).length - 1));
  return formatFrames(frames, program, sourceLines);
}

function formatFrames(frames: Frame[], program: ProgramSource, sourceLines: string[]): string[] {
  const lines: string[] = [];
  for (const f of frames) {
    lines.push(`  File "${program.path}", line ${f.line}, in ${f.name}
`);
    const text = sourceLines[f.line - 1]?.trim();
    if (text) lines.push(`    ${text}
`);
  }
  return lines;
}

interface Frame {
  line: number;
  name: string;
}

// The exception that ended the program: its traceback runs from the module's frame down.
const escaped = new WeakSet<BaseException>();

// The event loop calling a callback or a task step. CPython's traceback of an exception raised in a
// task or callback starts there (the frames that run the loop are not part of it), unless it
// propagates out of the loop.
const LOOP_DISPATCH = /\bat \w*Handle\._run \(/;

/**
 * The program's frames in the JS stack, outermost first, as Python lines and function names;
 * `fromLoop`: only those below the event loop's innermost dispatch.
 */
function pythonFrames(exc: { stack?: string }, program: ProgramSource, fromLoop = false): Frame[] {
  const stack = typeof exc.stack === "string" ? exc.stack : "";
  const frames: Frame[] = [];
  for (const line of stack.split("\n")) {
    if (fromLoop && LOOP_DISPATCH.test(line) && !line.includes(SCRIPT_URL)) break;
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

