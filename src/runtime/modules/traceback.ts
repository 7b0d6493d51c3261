// traceback: format_exc / print_exc / format_exception in CPython's layout, the traceback objects'
// functions (format_tb, extract_tb, walk_tb) and the current stack's (print_stack, extract_stack).
// Frames come from providers the runner installs (run.ts maps JS stacks back to .py lines).
import { AttributeError, NotImplementedError, BaseException, BaseExceptionGroup, NameError, toPyException, wasRaised } from "../builtins/exceptions.js";
import { closestName, missingNameOf } from "../builtins/suggestions.js";
import { hasattr } from "../builtins/ops.js";
import { PyList } from "../builtins/collections.js";
import { str } from "../builtins/repr.js";
import { dir, stdio } from "../builtins/functions.js";
import { exception as currentException, _set_uncaught_formatter } from "./sys.js";
import { _assigned_traceback } from "../builtins/exceptions.js";
import { KwArgs, PyObject } from "../builtins/object.js";
import { PyTuple } from "../builtins/collections.js";
import { getitem, index as toIndex, pytype, typeName, truthy, NotImplemented } from "../builtins/ops.js";
import { className } from "../builtins/names.js";
import { _source_line } from "../asyncio/_warnings.js";
import { bindArgs } from "../builtins/hostfs.js";
import { TracebackType, _exception_frames, type FrameRecord } from "./_traceback_objects.js";
export { _set_exception_frames } from "./_traceback_objects.js";

/** Returns the "  File ..., line N, in f\n    source\n" lines for an exception (outermost first). */
export type FrameFormatter = (exc: BaseException) => string[];
let frameFormatter: FrameFormatter = () => [];
export function _set_frame_formatter(f: FrameFormatter): void {
  frameFormatter = f;
}

function typeLabel(e: BaseException): string {
  return e.name; // module-qualified except for builtins / __main__
}

export function format_exception_only(exc: unknown, value?: unknown): PyList<string> {
  return exceptionOnly(toPyException(value !== undefined && value !== null ? value : exc), false);
}

/** The exception's last lines; `withTraceback`: printed below its frames (a NameError's suggestion looks at them). */
function exceptionOnly(e: BaseException, withTraceback: boolean): PyList<string> {
  const s = safeStr(e) + suggestionText(e, withTraceback);
  const lines = [s === "" ? `${typeLabel(e)}\n` : `${typeLabel(e)}: ${s}\n`];
  if (e.__notes__) for (const n of e.__notes__) lines.push(`${str(n)}\n`);
  return PyList.fromArray(lines);
}

/** Whether the report being formatted is the interpreter's own (an uncaught exception's): its suggestions follow other rules. */
let interpreterRules = false;

/** The report of the exception that ended the program, as the interpreter prints it. */
export function _format_uncaught(exc: BaseException): string {
  interpreterRules = true;
  try {
    return format_exception(exc).join("");
  } finally {
    interpreterRules = false;
  }
}
// (sys.__excepthook__ reports through it)
_set_uncaught_formatter(_format_uncaught);

/** CPython 3.12's "Did you mean: 'x'?" and "Did you forget to import 'm'?" after a NameError or AttributeError the runtime raised. */
function suggestionText(e: BaseException, withTraceback: boolean): string {
  const missing = missingNameOf(e);
  if (missing === undefined) return "";
  const { name } = missing;
  let suggestion: string | null = null;
  try {
    if (e instanceof NameError) {
      // (the frame's names come from the traceback: format_exception_only(e) has none)
      if (!withTraceback) suggestion = null;
      else if (missing.self !== undefined && hasattr(missing.self.value, name)) suggestion = `self.${name}`;
      else suggestion = (interpreterRules ? missing.interpreterSuggestion : missing.tracebackSuggestion) ?? null;
    } else if (e instanceof AttributeError) {
      const names = [...dir(missing.obj)].filter((n): n is string => typeof n === "string");
      suggestion = closestName(name, names, interpreterRules ? "interpreter" : "traceback");
    }
  } catch {
    // (an attribute hook or dir() that raises: no suggestion, as in CPython)
    suggestion = null;
  }
  let text = suggestion === null ? "" : `. Did you mean: '${suggestion}'?`;
  if (e instanceof NameError && missing.stdlibModule) {
    text += suggestion === null ? `. Did you forget to import '${name}'` : ` Or did you forget to import '${name}'`;
    // (only the interpreter's report ends the question with a question mark)
    if (interpreterRules) text += "?";
  }
  return text;
}

function safeStr(e: BaseException): string {
  try {
    return e.__str__();
  } catch {
    return "<exception str() failed>";
  }
}

// CPython's limits for printing exception groups (traceback.TracebackException defaults).
const MAX_GROUP_WIDTH = 15;
const MAX_GROUP_DEPTH = 10;

/** State of one traceback print: exceptions already shown, the group nesting, a box left open. */
interface PrintState {
  seen: Set<BaseException>;
  /** Group nesting: each level indents by two spaces and draws a margin. */
  depth: number;
  /** The last box of a group still needs its closing line (a nested last group closes it once). */
  needClose: boolean;
  out: string[];
}

/** Writes text at the current nesting: inside a group every line, blank ones too, gets the margin. */
function emit(st: PrintState, text: string | string[], margin = "|"): void {
  const prefix = st.depth > 0 ? `${" ".repeat(2 * st.depth)}${margin} ` : "";
  for (const chunk of typeof text === "string" ? [text] : text) {
    if (prefix === "") st.out.push(chunk);
    else
      st.out.push(
        chunk
          .split(/(?<=\n)/)
          .map((line) => prefix + line)
          .join(""),
      );
  }
}

/**
 * The frames of an exception that was raised; one only constructed has no traceback (null). A
 * raised one may have no frame of the program (only CPython's library frames, which are not
 * shown): its report still has the "Traceback" line.
 */
function framesOf(e: BaseException): string[] | null {
  const all = allFramesOf(e);
  if (all === null || frameLimit === null) return all;
  // (`limit`: the first n frames of each traceback, or the last -n; none left: no "Traceback" line)
  const shown = frameLimit >= 0 ? all.slice(0, frameLimit) : all.slice(frameLimit);
  return shown.length > 0 ? shown : null;
}
/** The `limit` and `chain` of the format/print call running (null: every frame). */
let frameLimit: number | null = null;
let withChain = true;

function allFramesOf(e: BaseException): string[] | null {
  // unittest's assertRaises keeps the exception without its traceback (exc.with_traceback(None)).
  if ((e as { __traceback_cleared__?: boolean }).__traceback_cleared__) return null;
  // A traceback the program gave it (`raise E().with_traceback(tb)`): where it was raised, then tb's frames.
  const given = _assigned_traceback(e);
  if (given === null) return null;
  if (given instanceof TracebackType) return formatFrameList([...(wasRaised(e) ? _exception_frames(e) : []), ...recordsOf(given)]);
  return wasRaised(e) ? frameFormatter(e) : null;
}

/** One exception with the chain of causes/contexts before it, as CPython prints them. */
function formatChain(e: BaseException, st: PrintState): void {
  const chain: Array<[string | null, BaseException]> = [];
  let msg: string | null = null;
  for (let cur: BaseException | null = e; cur !== null;) {
    st.seen.add(cur);
    chain.push([msg, cur]);
    if (!withChain) break;
    const cause: BaseException | null = cur.__cause__ instanceof BaseException ? cur.__cause__ : null;
    const context: BaseException | null = cur.__context__ instanceof BaseException ? cur.__context__ : null;
    if (cause !== null) {
      cur = st.seen.has(cause) ? null : cause;
      msg = "\nThe above exception was the direct cause of the following exception:\n\n";
    } else if (context !== null && !cur.__suppress_context__) {
      cur = st.seen.has(context) ? null : context;
      msg = "\nDuring handling of the above exception, another exception occurred:\n\n";
    } else {
      cur = null;
    }
  }
  for (let i = chain.length - 1; i >= 0; i--) {
    const [before, exc] = chain[i];
    formatSingle(exc, st);
    if (before !== null) emit(st, before);
  }
}

function formatSingle(e: BaseException, st: PrintState): void {
  if (!(e instanceof BaseExceptionGroup)) {
    const frames = framesOf(e);
    if (frames !== null) {
      emit(st, "Traceback (most recent call last):\n");
      emit(st, frames);
    }
    emit(st, [...exceptionOnly(e, true)]);
    return;
  }
  if (st.depth > MAX_GROUP_DEPTH) {
    emit(st, `... (max_group_depth is ${MAX_GROUP_DEPTH})\n`);
    return;
  }
  // The outermost group opens the boxes: its header carries a '+' in the margin.
  const outermost = st.depth === 0;
  if (outermost) st.depth = 1;
  const frames = framesOf(e);
  if (frames !== null) {
    emit(st, "Exception Group Traceback (most recent call last):\n", outermost ? "+" : "|");
    emit(st, frames);
  }
  emit(st, [...exceptionOnly(e, true)]);
  const members = [...e.exceptions];
  const shown = Math.min(members.length, MAX_GROUP_WIDTH + 1);
  st.needClose = false;
  for (let i = 0; i < shown; i++) {
    const last = i === shown - 1;
    if (last) st.needClose = true;
    const truncated = i >= MAX_GROUP_WIDTH;
    const title = truncated ? "..." : String(i + 1);
    st.out.push(`${" ".repeat(2 * st.depth)}${i === 0 ? "+-" : "  "}+---------------- ${title} ----------------\n`);
    st.depth++;
    if (truncated) {
      const more = members.length - MAX_GROUP_WIDTH;
      emit(st, `and ${more} more exception${more > 1 ? "s" : ""}\n`);
    } else {
      formatChain(members[i], st);
    }
    if (last && st.needClose) {
      st.out.push(`${" ".repeat(2 * st.depth)}+------------------------------------\n`);
      st.needClose = false;
    }
    st.depth--;
  }
  if (outermost) st.depth = 0;
}

/** The report of `value` (or of `exc` alone, 3.10's form), its frames cut to `limit`, without its causes unless `chain`. */
function formatted(exc: unknown, value: unknown, limit: unknown, chain: unknown): string[] {
  const e = toPyException(value !== undefined && value !== null ? value : exc);
  const st: PrintState = { seen: new Set(), depth: 0, needClose: false, out: [] };
  const saved = [frameLimit, withChain] as const;
  frameLimit = limit === null || limit === undefined ? null : Number(toIndex(limit));
  withChain = chain === null || chain === undefined || truthy(chain);
  try {
    formatChain(e, st);
  } finally {
    [frameLimit, withChain] = saved;
  }
  return st.out;
}

export function format_exception(...args: unknown[]): PyList<string> {
  const [exc, value, , limit, chain] = argsOf("format_exception", ["exc", "value", "tb", "limit", "chain"], args);
  return PyList.fromArray(formatted(exc, value, limit, chain));
}

export function format_exc(...args: unknown[]): string {
  const [limit, chain] = argsOf("format_exc", ["limit", "chain"], args);
  const e = currentException();
  if (e === null || e === undefined) return "NoneType: None\n";
  return formatted(e, null, limit, chain).join("");
}

export function print_exc(...args: unknown[]): null {
  const [limit, file, chain] = argsOf("print_exc", ["limit", "file", "chain"], args);
  writeTo(file, format_exc(limit, new KwArgs({ chain: chain ?? true })));
  return null;
}

export function print_exception(...args: unknown[]): null {
  const [exc, value, , limit, file, chain] = argsOf("print_exception", ["exc", "value", "tb", "limit", "file", "chain"], args);
  writeTo(file, formatted(exc, value, limit, chain).join(""));
  return null;
}

// ---------------------------------------------------------------------------------------------
// Traceback objects and the current stack

/** Formats frames as traceback.format_list() does: one string per frame (set by the runner). */
let formatFrameList: (frames: readonly FrameRecord[]) => string[] = () => [];
export function _set_frame_list_formatter(f: (frames: readonly FrameRecord[]) => string[]): void {
  formatFrameList = f;
}
/** The program's frames on the stack now, outermost first (set by the runner). */
let stackFrames: () => FrameRecord[] = () => [];
export function _set_stack_frames(f: () => FrameRecord[]): void {
  stackFrames = f;
}
/** The program's frames on the stack now, outermost first (inspect.stack(), inspect.currentframe()). */
export function _current_frames(): FrameRecord[] {
  return stackFrames();
}

/** The frames of a traceback object's chain, outermost first. */
function recordsOf(tb: unknown): FrameRecord[] {
  const out: FrameRecord[] = [];
  for (let t = tb; t !== null && t !== undefined; t = (t as TracebackType).tb_next) {
    if (!(t instanceof TracebackType)) throw new AttributeError(`'${typeName(t)}' object has no attribute 'tb_frame'`);
    out.push(t._record);
  }
  return out;
}

/** `limit` of the tb functions: the first n frames, or the last -n. */
function firstFrames<T>(frames: T[], limit: unknown): T[] {
  if (limit === null || limit === undefined) return frames;
  const n = Number(toIndex(limit));
  return n >= 0 ? frames.slice(0, n) : frames.slice(n);
}
/** `limit` of the stack functions: the n innermost frames, or the -n outermost. */
function innermostFrames<T>(frames: T[], limit: unknown): T[] {
  if (limit === null || limit === undefined) return frames;
  const n = Number(toIndex(limit));
  return n >= 0 ? frames.slice(frames.length - n) : frames.slice(0, -n);
}

/** The stack functions' `f`: only the current frame (None) can be named here. */
function currentStack(f: unknown, limit: unknown): FrameRecord[] {
  if (f !== null && f !== undefined) throw new NotImplementedError("traceback's stack functions take only f=None in tsyncio (frame objects are not available)");
  // (the innermost frame is the program's line that called into this module)
  return innermostFrames(stackFrames(), limit);
}

/** The arguments of a function of this module, in `names`' order (hostfs's binder: None where not given). */
function argsOf(fn: string, names: string[], args: unknown[]): unknown[] {
  const bound = bindArgs(fn, args, names, Object.fromEntries(names.map((n) => [n, null])));
  return names.map((n) => bound[n]);
}

function writeTo(file: unknown, text: string): void {
  const out = (file ?? stdio.stderr) as { write(s: string): unknown };
  out.write(text);
}

/** `traceback.FrameSummary`: one frame of a StackSummary (file, line, function, source line). */
export class FrameSummary extends PyObject {
  declare filename: unknown;
  declare lineno: unknown;
  declare name: unknown;
  declare locals: unknown;
  declare end_lineno: unknown;
  declare colno: unknown;
  declare end_colno: unknown;
  declare _line: unknown;
  declare _record: FrameRecord | undefined;
  __init__(...args: unknown[]): void {
    const [filename, lineno, name, lookup_line, locals, line, end_lineno, colno, end_colno] = argsOf(
      "FrameSummary.__init__",
      ["filename", "lineno", "name", "lookup_line", "locals", "line", "end_lineno", "colno", "end_colno"],
      args,
    );
    this.filename = filename;
    this.lineno = lineno;
    this.name = name;
    this._line = line;
    this.locals = locals;
    this.end_lineno = end_lineno;
    this.colno = colno;
    this.end_colno = end_colno;
    void lookup_line;
  }
  /** The source line, stripped ('' when the file cannot be read). */
  get line(): unknown {
    if (this._line === null || this._line === undefined) {
      if (this.lineno === null || this.lineno === undefined) return null;
      this._line = _source_line(String(this.filename), Number(this.lineno)) ?? "";
    }
    return (this._line as string).trim();
  }
  private fields(): unknown[] {
    return [this.filename, this.lineno, this.name, this.line];
  }
  __iter__(): Iterator<unknown> {
    return this.fields()[Symbol.iterator]();
  }
  [Symbol.iterator](): Iterator<unknown> {
    return this.fields()[Symbol.iterator]();
  }
  __getitem__(i: unknown): unknown {
    return getitem(PyTuple.fromArray(this.fields()), i);
  }
  __len__(): bigint {
    return 4n;
  }
  __eq__(other: unknown): unknown {
    if (other instanceof FrameSummary)
      return (
        this.filename === other.filename && this.lineno === other.lineno && this.name === other.name && this.line === other.line && this.locals === other.locals
      );
    if (other instanceof PyTuple) return PyTuple.fromArray(this.fields()).__eq__(other);
    return NotImplemented;
  }
  __repr__(): string {
    return `<FrameSummary file ${this.filename}, line ${this.lineno} in ${this.name}>`;
  }
}
Object.defineProperty(FrameSummary, "__module__", { value: "traceback", writable: true, configurable: true });

function summaryOf(r: FrameRecord): FrameSummary {
  const s = new FrameSummary(r.path, BigInt(r.line), r.name);
  Object.defineProperty(s, "_record", { value: r });
  if (r.source !== undefined) s._line = r.source;
  return s;
}
function recordOf(x: unknown): FrameRecord {
  if (x instanceof FrameSummary) {
    if (x._record) return x._record;
    const line = x._line;
    return { path: String(x.filename), line: Number(x.lineno), name: String(x.name), ...(typeof line === "string" ? { source: line } : {}) };
  }
  const [filename, lineno, name, line] = [...(x as Iterable<unknown>)];
  return { path: String(filename), line: Number(lineno), name: String(name), ...(typeof line === "string" ? { source: line } : {}) };
}

/** `traceback.StackSummary`: a list of FrameSummary objects that formats itself. */
export class StackSummary extends PyList<unknown> {
  static from_list(frames: unknown): StackSummary {
    const out = new StackSummary();
    for (const f of frames as Iterable<unknown>) out.push(f instanceof FrameSummary ? f : summaryOf(recordOf(f)));
    return out;
  }
  format(): PyList<string> {
    return PyList.fromArray(formatFrameList([...this].map(recordOf)));
  }
}
Object.defineProperty(StackSummary, "__name__", { value: "StackSummary", writable: true, configurable: true });
Object.defineProperty(StackSummary, "__qualname__", { value: "StackSummary", writable: true, configurable: true });
Object.defineProperty(StackSummary, "__module__", { value: "traceback", writable: true, configurable: true });

function summary(records: FrameRecord[]): StackSummary {
  const out = new StackSummary();
  for (const r of records) out.push(summaryOf(r));
  return out;
}

export function extract_tb(...args: unknown[]): StackSummary {
  const [tb, limit] = argsOf("extract_tb", ["tb", "limit"], args);
  return summary(firstFrames(recordsOf(tb), limit));
}
export function format_tb(...args: unknown[]): PyList<string> {
  const [tb, limit] = argsOf("format_tb", ["tb", "limit"], args);
  return PyList.fromArray(formatFrameList(firstFrames(recordsOf(tb), limit)));
}
export function print_tb(...args: unknown[]): null {
  const [tb, limit, file] = argsOf("print_tb", ["tb", "limit", "file"], args);
  writeTo(file, formatFrameList(firstFrames(recordsOf(tb), limit)).join(""));
  return null;
}
/** (frame, lineno) for each traceback object of the chain, outermost first. */
export function* walk_tb(tb: unknown): Generator<PyTuple<unknown>> {
  for (let t = tb; t !== null && t !== undefined; t = (t as TracebackType).tb_next) {
    if (!(t instanceof TracebackType)) throw new AttributeError(`'${typeName(t)}' object has no attribute 'tb_frame'`);
    yield PyTuple.of<unknown>(t.tb_frame, t.tb_lineno);
  }
}
export function format_list(extracted: unknown): PyList<string> {
  return PyList.fromArray(formatFrameList([...(extracted as Iterable<unknown>)].map(recordOf)));
}
export function print_list(extracted: unknown, file: unknown = null): null {
  writeTo(file, format_list(extracted).join(""));
  return null;
}
export function extract_stack(...args: unknown[]): StackSummary {
  const [f, limit] = argsOf("extract_stack", ["f", "limit"], args);
  return summary(currentStack(f, limit));
}
export function format_stack(...args: unknown[]): PyList<string> {
  const [f, limit] = argsOf("format_stack", ["f", "limit"], args);
  return PyList.fromArray(formatFrameList(currentStack(f, limit)));
}
export function print_stack(...args: unknown[]): null {
  const [f, limit, file] = argsOf("print_stack", ["f", "limit", "file"], args);
  writeTo(file, formatFrameList(currentStack(f, limit)).join(""));
  return null;
}

// ---------------------------------------------------------------------------------------------
// TracebackException

const TE_PARAMS = [
  "exc_type",
  "exc_value",
  "exc_traceback",
  "limit",
  "lookup_lines",
  "capture_locals",
  "compact",
  "max_group_width",
  "max_group_depth",
  "_seen",
];

/**
 * `traceback.TracebackException`: an exception's report captured for later (its stack, type,
 * the TracebackExceptions of its cause, context and group members), formatted as
 * format_exception() formats the exception.
 */
export class TracebackException extends PyObject {
  declare exc_type: unknown;
  declare stack: StackSummary;
  declare __cause__: TracebackException | null;
  declare __context__: TracebackException | null;
  declare __suppress_context__: boolean;
  declare __notes__: unknown;
  declare exceptions: PyList<TracebackException> | null;
  declare _str: string;
  declare _exc: BaseException | null;
  declare _limit: unknown;
  __init__(...args: unknown[]): void {
    const [exc_type, exc_value, exc_traceback, limit, , , , , , seen] = argsOf("TracebackException", TE_PARAMS, args);
    const exc = exc_value instanceof BaseException ? exc_value : null;
    // (the exception and the limit stay out of dir() and vars(), as CPython's private fields)
    Object.defineProperty(this, "_exc", { value: exc, writable: true, configurable: true });
    Object.defineProperty(this, "_limit", { value: limit, writable: true, configurable: true });
    this.exc_type = exc_type;
    this.stack = exc_traceback === null || exc_traceback === undefined ? new StackSummary() : extract_tb(exc_traceback, limit);
    this._str = exc === null ? str(exc_value) : safeStr(exc);
    this.__notes__ = exc?.__notes__ ?? null;
    this.__suppress_context__ = exc?.__suppress_context__ ?? false;
    // The chain, each exception once (a cycle ends where it started).
    const done = seen instanceof Set ? (seen as Set<BaseException>) : new Set<BaseException>();
    if (exc !== null) done.add(exc);
    const wrap = (e: unknown): TracebackException | null =>
      e instanceof BaseException && !done.has(e) ? new TracebackException(pytype(e), e, e.__traceback__, new KwArgs({ limit, _seen: done })) : null;
    this.__cause__ = wrap(exc?.__cause__);
    this.__context__ = wrap(exc?.__context__);
    this.exceptions = exc instanceof BaseExceptionGroup ? PyList.fromArray([...exc.exceptions].map((e) => wrap(e)!).filter((e) => e !== null)) : null;
  }

  static from_exception(exc: unknown, ...rest: unknown[]): TracebackException {
    return new TracebackException(pytype(exc), exc, (exc as BaseException).__traceback__, ...rest);
  }

  /** The report's lines, as format_exception() gives them (`chain`: with the cause or context). */
  *format(...args: unknown[]): Generator<string> {
    const [chain] = argsOf("format", ["chain"], args);
    if (this._exc === null) {
      yield* this.format_exception_only();
      return;
    }
    yield* formatted(this._exc, null, this._limit, chain ?? true);
  }

  /** The exception's own lines (type and message, then its notes). */
  *format_exception_only(): Generator<string> {
    if (this._exc === null) {
      yield `${className(this.exc_type)}: ${this._str}\n`;
      return;
    }
    yield* exceptionOnly(this._exc, false);
  }

  print(...args: unknown[]): null {
    const [file, chain] = argsOf("print", ["file", "chain"], args);
    writeTo(file, [...this.format(new KwArgs({ chain: chain ?? true }))].join(""));
    return null;
  }

  __str__(): string {
    return this._str;
  }

  __eq__(other: unknown): unknown {
    if (!(other instanceof TracebackException)) return NotImplemented;
    return this._exc === other._exc && this.exc_type === other.exc_type && this._str === other._str;
  }
}
Object.defineProperty(TracebackException, "__module__", { value: "traceback", writable: true, configurable: true });
