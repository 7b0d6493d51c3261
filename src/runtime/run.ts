// Runs a translated program (the JavaScript form from emitJavaScript) on the installed host, the
// way `python prog.py` runs: output, a CPython-format traceback for an uncaught exception, the
// exit code, and the messages CPython prints at shutdown. Used by the CLI and by the web worker.

import { host } from "./host.js";
import { modules } from "./registry.js";
import { AttributeError, BaseException, SystemExit, KeyboardInterrupt, MemoryError, LIBRARY_CATCH, caughtException, trailOf } from "./builtins/exceptions.js";
import { repr, str } from "./builtins/repr.js";
import { call as callFunction, getattr } from "./builtins/ops.js";
import { stdio } from "./builtins/functions.js";
import { flush_open_files } from "./builtins/io.js";
import { stdioCall } from "./builtins/stdio-errors.js";
import {
  _format_uncaught,
  _set_exception_frames,
  _set_frame_formatter,
  _set_frame_list_formatter,
  _set_stack_frames,
  format_exception,
  format_exception_only,
} from "./modules/traceback.js";
import { TracebackType } from "./modules/_traceback_objects.js";
import { close_suspended_generators, set_dropped_report, set_frames_provider, set_location_provider, set_module_files, set_program_dir } from "./program.js";
import { set_source_line_provider } from "./asyncio/_warnings.js";
import { ModuleSpec, _reset_modules, type ModuleBody } from "./importer.js";
import { _set_dispatch_frames_provider, _set_running_frames_provider, _set_suspended_line_provider } from "./asyncio/coroutines.js";
import { _python_version, _set_python_version } from "./asyncio/events.js";
import { _set_function_source_provider } from "./asyncio/format_helpers.js";
import { add_program_script, reset_program_scripts, set_function_locator } from "./builtins/program-functions.js";
import { SpanIndex, frameRange, frameSourceLines, type CodeSpan, type PyRange } from "./traceback-positions.js";

export interface ProgramSource {
  /** JavaScript from emitJavaScript. */
  js: string;
  /** Output line → Python line, from the same emit. */
  lineMap: number[];
  /** Output line → the Python function it belongs to. */
  nameMap: string[];
  /** Where the expressions that can raise are in `js`, with their Python ranges (traceback markers). */
  spans?: readonly CodeSpan[];
  /** The absolute path of the .py file (CPython shows it in tracebacks and reprs). */
  path: string;
  /** The Python source, for the lines that tracebacks and warnings quote. */
  source: string;
  /** The program's other modules, which the main script (and they) import. */
  modules?: ModuleSource[];
  /** The CPython version the program is run as ("3.12" by default; "3.10" for legacy programs). */
  pythonVersion?: string;
}

/** A module of the program: the JavaScript of its `python_module(...)` file, and where it came from. */
export interface ModuleSource extends Omit<ProgramSource, "modules"> {
  /** Its dotted name (`pkg.mod`). */
  name: string;
  /** Its .py file relative to the main script's folder. */
  file: string;
}

/** One translated file as the JS engine sees it: the URL its stack frames name, and its maps. */
interface Script {
  url: string;
  path: string;
  lineMap: number[];
  nameMap: string[];
  lines: string[];
  spans?: readonly CodeSpan[];
  /** Made at the first traceback that needs it. */
  spanIndex?: SpanIndex;
  /** The Function that new Function made of it (the host locates objects by it). */
  fn?: Function;
}

/** Runs the program and returns its exit code. Never throws for a Python-level error. */
export function runProgram(program: ProgramSource): number {
  const slash = program.path.lastIndexOf("/");
  set_program_dir(slash >= 0 ? program.path.slice(0, slash) : "");
  _set_python_version(program.pythonVersion ?? "3.12", program.pythonVersion !== undefined);
  _reset_modules();
  const scripts = new Map<string, Script>();
  reset_program_scripts();
  const addScript = (url: string, p: Omit<ProgramSource, "modules">) => {
    scripts.set(url, { url, path: p.path, lineMap: p.lineMap, nameMap: p.nameMap, lines: p.source.split(/\r\n|\r|\n/), spans: p.spans });
    // (which functions are the program's: call errors, function names)
    add_program_script(p.js, p.path, p.lineMap, url !== SCRIPT_URL);
  };
  addScript(SCRIPT_URL, program);
  const moduleNames = new Map<string, string>([[program.path, "__main__"], ...(program.modules ?? []).map((m) => [m.path, m.name] as [string, string])]);
  installFrames(
    {
      locate(line, attribute) {
        const m = /\b(tsyncio-(?:program|module-\d+)\.js):(\d+):(\d+)\)?$/.exec(line);
        const script = m ? scripts.get(m[1]) : undefined;
        if (!m || !script) return null;
        // new Function puts two lines of its own before the body.
        const jsLine = Number(m[2]) - 2;
        const pyLine = script.lineMap[jsLine - 1] ?? 0;
        if (!pyLine) return null;
        const frame: Frame = { url: script.url, path: script.path, line: pyLine, name: script.nameMap[jsLine - 1] ?? "<module>" };
        // (CPython 3.10 draws no markers, and runs comprehensions in frames of their own)
        if (script.spans?.length && _python_version() !== "3.10") {
          script.spanIndex ??= new SpanIndex(script.spans);
          const range = frameRange(script.spanIndex.find(jsLine, Number(m[3]) - 1, attribute));
          if (range === "none") return null;
          // The frame's line is where its failing expression starts, as CPython's is.
          if (range) Object.assign(frame, { line: range[0], range });
        }
        return frame;
      },
      isProgram: (line) => SCRIPT_FRAME.test(line),
      sourceLine(path, line) {
        for (const s of scripts.values()) if (s.path === path) return s.lines[line - 1];
        return null;
      },
    },
    moduleNames,
  );
  // Where a suspended generator waits or a function is defined, as a Python file and line: the
  // host (when it has a debugger API) says which script and JS line; new Function puts two lines
  // of its own before the body.
  const where = host.sourceLine?.bind(host);
  if (where) {
    const pyLocation = (obj: object): [string, number] | null => {
      for (const s of scripts.values()) {
        const line = s.fn ? where(obj, s.fn) : null;
        if (line !== null) return s.lineMap[line - 3] ? [s.path, s.lineMap[line - 3]] : null;
      }
      return null;
    };
    _set_suspended_line_provider((obj) => pyLocation(obj)?.[1] ?? null);
    _set_function_source_provider(pyLocation);
    set_function_locator(pyLocation);
  }
  // The program's modules, by dotted name: each file's code is evaluated when first imported.
  const sources = new Map((program.modules ?? []).map((m, i) => [m.name, { m, url: `tsyncio-module-${i + 1}.js` }]));
  const specs = new Map<string, ModuleSpec>();
  const local = (name: string): ModuleSpec => {
    let spec = specs.get(name);
    if (!spec) {
      const entry = sources.get(name);
      if (!entry) throw new Error(`tsyncio: module '${name}' was not translated with the program`);
      spec = new ModuleSpec(name, entry.m.file, (): ModuleBody => {
        addScript(entry.url, entry.m);
        const file = new Function("$rt", "$local", `${entry.m.js}\n//# sourceURL=${entry.url}`);
        scripts.get(entry.url)!.fn = file;
        return (file(modules, local) as ModuleSpec).body();
      });
      specs.set(name, spec);
    }
    return spec;
  };
  // Out of memory: the MemoryError's traceback is where the program is; output is kept.
  host.watchMemory?.(() => {
    const exc = new MemoryError();
    escaped.add(exc);
    const status = reportUncaught(exc);
    return flushAtExit() ?? status;
  });
  const previousLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 64;
  let code = 0;
  try {
    const body = new Function("$rt", "$local", `${program.js}\n//# sourceURL=${SCRIPT_URL}`);
    scripts.get(SCRIPT_URL)!.fn = body;
    body(modules, local);
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
  return flushAtExit() ?? code;
}

/**
 * The last flush of stdout. When it fails (a closed pipe, a full disk), CPython reports the error
 * as "Exception ignored" and exits with 120; returns that status then.
 */
function flushAtExit(): number | null {
  try {
    stdioCall(() => host.flush());
    return null;
  } catch (e) {
    const exc = caughtException(e);
    host.write(2, `Exception ignored in: ${repr(stdio.__stdout__)}\n${format_exception_only(exc).join("")}`);
    return 120;
  }
}

const SCRIPT_URL = "tsyncio-program.js";

/**
 * For a program that runs on its own (compiled by tsc, run by node: src/cli/standalone.ts): how it
 * ended, as runProgram reports it: the traceback of an uncaught exception (`error`, when there is
 * one), SystemExit's code, then the messages of the end of the program. Returns the exit code.
 */
export function endProgram(error?: { value: unknown }): number {
  let code = error ? reportUncaught(error.value) : 0;
  try {
    atExit();
  } catch (e) {
    code = code || reportUncaught(e);
  }
  host.flush();
  return code;
}

/** An exception raised while closing a generator nothing references: CPython's "Exception ignored in". */
function reportIgnored(exc: unknown, where: unknown): void {
  host.write(2, `Exception ignored in: ${repr(where)}\n${format_exception(exc as BaseException).join("")}`);
}
set_dropped_report(reportIgnored);

function atExit(): void {
  // The interpreter waits for the non-daemon threads first (CPython's threading._shutdown).
  const threading = modules["tsyncio/runtime/threading"] as { _shutdown?: () => void };
  threading._shutdown?.();
  const atexit = modules["tsyncio/runtime/atexit"] as { _run_exitfuncs: (report: (exc: unknown) => string) => void };
  atexit._run_exitfuncs((exc) => format_exception(exc as BaseException).join(""));
  // Then logging's own exit hook (registered when logging is first imported, so it runs last).
  const logging = modules["tsyncio/runtime/logging"] as { _at_exit?: (report: (exc: unknown) => string) => void };
  logging._at_exit?.((exc) => format_exception(exc as BaseException).join(""));
  // CPython flushes stdout here, before the teardown that frees tasks and generators (whose
  // reports go to stderr after what the program printed).
  host.flushQuietly?.();
  const asyncio = modules["tsyncio/runtime/asyncio"] as { _at_exit?: () => void };
  asyncio._at_exit?.();
  // Then the modules are torn down: generators left suspended are closed, and the files still
  // open flushed.
  close_suspended_generators(reportIgnored);
  flush_open_files();
}

function reportUncaught(e: unknown): number {
  const exc = caughtException(e);
  escaped.add(exc);
  if (exc instanceof SystemExit) {
    // CPython reads the exception's `code` attribute (a subclass's class attribute `code = 1`
    // counts; SystemExit(1, 2)'s code is the tuple), which it prints when not an int.
    const c = getattr(exc, "code");
    if (c === null || c === undefined) return 0;
    if (typeof c === "bigint") {
      // CPython converts the status to a C long (OverflowError beyond it), then the OS keeps 8 bits.
      if (c !== BigInt.asIntN(64, c)) {
        host.write(2, "OverflowError: Python int too large to convert to C long\n");
        return 255;
      }
      return Number(BigInt.asUintN(8, c));
    }
    if (typeof c === "boolean") return c ? 1 : 0;
    host.flushQuietly?.();
    host.write(2, `${str(c)}\n`);
    return 1;
  }
  // What stdout holds goes first, as CPython's report flushes it, but only as far as it can go
  // without waiting: a stdout blocked on a stalled reader must not hold the traceback back.
  host.flushQuietly?.();
  if (stdio.excepthook !== undefined) return reportThroughHook(exc, stdio.excepthook);
  interpreterPrinting = true;
  let text: string;
  try {
    text = _format_uncaught(exc);
  } finally {
    interpreterPrinting = false;
  }
  host.write(2, text);
  return exc instanceof KeyboardInterrupt ? 130 : 1;
}

/** A program's `sys.excepthook` reports the exception; if it fails, CPython's two reports follow. */
function reportThroughHook(exc: BaseException, hook: unknown): number {
  try {
    callFunction(hook, exc.constructor, exc, getattr(exc, "__traceback__"));
  } catch (e) {
    const failed = caughtException(e);
    escaped.add(failed);
    host.flushQuietly?.();
    host.write(2, `Error in sys.excepthook:\n${_format_uncaught(failed)}\nOriginal exception was:\n${_format_uncaught(exc)}`);
  }
  host.flushQuietly?.();
  return exc instanceof KeyboardInterrupt ? 130 : 1;
}

/** The `File "...", line N, in f` lines (and the source lines) of an exception's Python frames. */
function frameLines(exc: BaseException, scripts: FrameSource): string[] {
  return formatFrames(exceptionFrames(exc, scripts), scripts);
}

/** The frames an exception's traceback shows, outermost first. */
function exceptionFrames(exc: BaseException, scripts: FrameSource): Frame[] {
  // The exception that ended the program carries every frame from the module's down.
  const full = escaped.has(exc);
  let frames: Frame[];
  const trail = trailOf(exc);
  if (trail === undefined) {
    frames = pythonFrames(exc, scripts, !full);
  } else {
    // Re-raised by awaits in other coroutines or by raise statements: the latest raise's frames
    // first, its own last; each earlier part starts where it was caught before the next raise.
    frames = [];
    for (let i = trail.awaits.length - 1; i >= 0; i--) {
      const part = trail.awaits[i];
      frames.push(...caughtPart(pythonFrames(part, scripts, !(full && i === trail.awaits.length - 1)), part.caught, scripts));
      if (part.tb !== undefined) frames.push(...tracebackFrames(part.tb));
    }
    if (trail.own) frames.push(...caughtPart(pythonFrames(exc, scripts, true), trail.ownCaught, scripts));
  }
  if (full) return frames;
  // Caught by the runtime on the program's behalf (unittest running a test): the traceback starts
  // below the frames that called into the runtime, as CPython's runner leaves out its own.
  const below = (exc as { __frames_below__?: string }).__frames_below__;
  if (below !== undefined) {
    const outer = pythonFrames({ stack: below }, scripts);
    let n = 0;
    while (n < outer.length && n < frames.length && frames[n].url === outer[n].url && frames[n].line === outer[n].line) n++;
    return frames.slice(n);
  }
  // A caught exception's traceback starts at the frame that caught it, as in CPython.
  const caughtAt = (exc as { __caught_stack__?: string }).__caught_stack__;
  if (caughtAt !== undefined) frames = frames.slice(caughtDepth(caughtAt, scripts));
  return frames;
}

/** `frames` from the one where they were caught (`caught`: the stack there), as CPython's traceback holds them. */
function caughtPart(frames: Frame[], caught: string | undefined, scripts: FrameSource): Frame[] {
  return caught === undefined ? frames : frames.slice(caughtDepth(caught, scripts));
}

/** How many outer frames a catch at `caught` leaves out: those above the catching frame (all the program's, for the runtime's own catch). */
function caughtDepth(caught: string, scripts: FrameSource): number {
  const n = pythonFrames({ stack: caught }, scripts, true).length;
  return caught.startsWith(LIBRARY_CATCH) ? n : Math.max(0, n - 1);
}

/** The frames of a traceback object the program handed to with_traceback(). */
function tracebackFrames(tb: unknown): Frame[] {
  const frames: Frame[] = [];
  for (let t = tb as TracebackType | null; t instanceof TracebackType; t = t.tb_next) frames.push({ url: "", ...t._record } as Frame);
  return frames;
}

// The interpreter prints an uncaught exception itself (not through the traceback module): its
// source lines keep their trailing blanks (traceback-positions.ts).
let interpreterPrinting = false;

// More than this many frames in a row at the same file, line and function (a recursion) are
// summed up in one line, as CPython does.
const RECURSIVE_CUTOFF = 3;

/**
 * The traceback lines of `frames`: each frame's `File` line, its source line and carets, one entry
 * per frame (and one for a "[Previous line repeated ...]"), as traceback.format_list() returns them.
 */
function formatFrames(frames: readonly Frame[], src: FrameSource): string[] {
  const lines: string[] = [];
  let last: Frame | null = null;
  let count = 0;
  const repeated = () => {
    const more = count - RECURSIVE_CUTOFF;
    if (more > 0) lines.push(`  [Previous line repeated ${more} more time${more > 1 ? "s" : ""}]\n`);
  };
  for (const f of frames) {
    if (!last || f.path !== last.path || f.line !== last.line || f.name !== last.name) {
      repeated();
      last = f;
      count = 0;
    }
    if (++count > RECURSIVE_CUTOFF) continue;
    let entry = `  File "${f.path}", line ${f.line}, in ${f.name}\n`;
    const source = f.source ?? src.sourceLine(f.path, f.line);
    if (source !== null && source !== undefined && source.trim()) {
      const { shown, markers } = frameSourceLines(source, f.range, interpreterPrinting);
      entry += `    ${shown}\n`;
      if (markers !== null) entry += `    ${markers}\n`;
    }
    lines.push(entry);
  }
  repeated();
  return lines;
}

export interface Frame {
  url: string;
  path: string;
  line: number;
  name: string;
  /** The Python range of the frame's failing expression, when the compiler recorded it. */
  range?: PyRange;
  /** The source line to show instead of the file's (traceback.format_list of given lines). */
  source?: string;
}

// The exception that ended the program: its traceback runs from the module's frame down.
const escaped = new WeakSet<BaseException>();

// The event loop calling a callback or a task step. CPython's traceback of an exception raised in a
// task or callback starts there (the frames that run the loop are not part of it), unless it
// propagates out of the loop.
// (Task steps and wakeups are dequeued as the Task itself: Task._run_queued, on a Task or a subclass.
// A thread's step likewise: its frames start at the thread's function, threads/scheduler.ts.)
const LOOP_DISPATCH = /\bat (?:\w*Handle\._run|[\w$]+\._run_queued|thread_step) \(/;
const SCRIPT_FRAME = /\btsyncio-(?:program|module-\d+)\.js:/;
// A translated class's JS constructor (`new P(...)` runs PyObject's, which calls __init__): no
// Python frame, as CPython's type.__call__ shows none; the compiler writes no constructor of its own.
const CONSTRUCTOR_FRAME = /^\s*at new /;

/**
 * The program's frames in the JS stack, outermost first, as Python files, lines and function
 * names; `fromLoop`: only those below the event loop's innermost dispatch.
 */
function pythonFrames(exc: { stack?: string }, src: FrameSource, fromLoop = false): Frame[] {
  const stack = typeof exc.stack === "string" ? exc.stack : "";
  const frames: Frame[] = [];
  // The innermost program frame of an AttributeError is where the attribute was read.
  const attribute = exc instanceof AttributeError;
  for (const line of stack.split("\n")) {
    if (fromLoop && LOOP_DISPATCH.test(line) && !src.isProgram(line)) break;
    if (CONSTRUCTOR_FRAME.test(line)) continue;
    const f = src.locate(line, attribute && !frames.length);
    if (f) frames.push(f);
  }
  return frames.reverse();
}

/** Where the program's frames are: a JS stack line as a Python frame, and the .py lines tracebacks quote. */
export interface FrameSource {
  /** `attribute`: the line is the innermost program frame of an AttributeError. */
  locate(stackLine: string, attribute?: boolean): Frame | null;
  /** A stack line of the program's own code (not the runtime's). */
  isProgram(stackLine: string): boolean;
  sourceLine(path: string, line: number): string | null | undefined;
}

/**
 * Tracebacks, warnings and `traceback`'s stack functions find the program's frames through `src`
 * (runProgram's scripts; a standalone program's source maps: src/cli/standalone-frames.ts).
 */
export function installFrames(src: FrameSource, moduleNames: Map<string, string>): void {
  set_source_line_provider((file, line) => src.sourceLine(file, line) ?? null);
  _set_frame_formatter((exc) => frameLines(exc, src));
  _set_exception_frames((exc) => exceptionFrames(exc, src));
  _set_frame_list_formatter((frames) =>
    formatFrames(
      frames.map((f) => ({ url: "", ...f }) as Frame),
      src,
    ),
  );
  // (a live frame's summary has no positions in 3.12: no carets)
  _set_stack_frames(() => pythonFrames(new Error(), src).map((f) => ({ path: f.path, line: f.line, name: f.name, positions: f.range })));
  set_location_provider(() => {
    const frames = pythonFrames(new Error(), src);
    const last = frames[frames.length - 1];
    return last ? { filename: last.path, lineno: last.line, name: last.name } : null;
  });
  set_module_files(moduleNames);
  const frames = () =>
    pythonFrames(new Error(), src).map((f) => ({ filename: f.path, lineno: f.line, name: f.name, module: moduleNames.get(f.path) ?? "__main__" }));
  set_frames_provider(frames);
  _set_running_frames_provider(frames);
  _set_dispatch_frames_provider(() => pythonFrames(new Error(), src, true).map((f) => ({ filename: f.path, lineno: f.line })));
}
