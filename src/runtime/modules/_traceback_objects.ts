// The traceback objects of raised exceptions (`e.__traceback__`, `sys.exc_info()[2]`): a chain of
// `traceback` objects, outermost frame first, each with its `frame` and that frame's `code`. They
// are made when first read, from the frames the exception's report would print (run.ts), so
// `traceback.format_tb(e.__traceback__)` prints what the report prints. A frame here knows its
// file, line and function; what a live CPython frame also has (f_locals, f_back ...) is not here.
// CPython: Objects/frameobject.c, Python/traceback.c (documented attributes).
import { PyObject, raw_instance } from "../builtins/object.js";
import { BaseException, NotImplementedError, wasRaised, _set_traceback_maker } from "../builtins/exceptions.js";
import { hexAddress } from "../builtins/names.js";
import { repr } from "../builtins/repr.js";

/** One frame as the traceback machinery sees it (run.ts's Frame: its range places the carets). */
export interface FrameRecord {
  path: string;
  line: number;
  name: string;
  range?: unknown;
  /** The source line to show instead of the file's (a FrameSummary made with `line=`). */
  source?: string;
  /** The running expression's range, for inspect.stack()'s positions (not drawn by print_stack). */
  positions?: readonly number[];
}

/** `types.CodeType`: the function a frame runs (its name and file). */
export class CodeType extends PyObject {
  declare co_name: string;
  declare co_qualname: string;
  declare co_filename: string;
  /** Known for a function's code object; a traceback frame's code does not keep it. */
  declare co_firstlineno: bigint | undefined;
  __init__(..._args: unknown[]): void {
    throw new NotImplementedError("code objects cannot be made in tsyncio (they come from tracebacks' frames)");
  }
  __repr__(): string {
    const line = this.co_firstlineno === undefined ? "" : `, line ${this.co_firstlineno}`;
    return `<code object ${this.co_name} at ${hexAddress(this)}, file "${this.co_filename}"${line}>`;
  }
}

/** `types.FrameType`: a frame of a traceback (its code and line). */
export class FrameType extends PyObject {
  declare f_code: CodeType;
  declare f_lineno: bigint;
  __init__(..._args: unknown[]): void {
    throw new NotImplementedError("frame objects cannot be made in tsyncio (they come from tracebacks)");
  }
  __repr__(): string {
    return `<frame at ${hexAddress(this)}, file ${repr(this.f_code.co_filename)}, line ${this.f_lineno}, code ${this.f_code.co_name}>`;
  }
}

/**
 * The frames of one traceback, read from the exception's stack only when a traceback object's
 * attribute is first read: `with` hands every exception's `__traceback__` to `__exit__`, which
 * seldom looks at it, so making one must cost little (two small objects, no closure, no WeakMap).
 */
class Chain {
  private records: FrameRecord[] | null = null;
  private links: TracebackType[] | null = null;
  constructor(
    private readonly exc: BaseException,
    /** Where the exception was caught when this was made (a later catch makes another). */
    readonly caught: unknown,
  ) {}
  private read(): FrameRecord[] {
    return (this.records ??= exceptionFrames(this.exc));
  }
  record(i: number): FrameRecord {
    const records = this.read();
    return records[i] ?? records[records.length - 1] ?? { path: "<unknown>", line: 0, name: "<module>" };
  }
  length(): number {
    return this.read().length;
  }
  link(i: number): TracebackType {
    const links = (this.links ??= []);
    let tb = links[i];
    if (tb === undefined) {
      tb = Object.create(TracebackType.prototype) as TracebackType;
      tb[CHAIN] = this;
      tb[INDEX] = i;
      links[i] = tb;
    }
    return tb;
  }
}
const CHAIN: unique symbol = Symbol("traceback chain") as never;
const INDEX: unique symbol = Symbol("traceback index") as never;
const frames = new WeakMap<TracebackType, FrameType>();

/** `types.TracebackType`: one frame of a raised exception's traceback and the next one in. */
export class TracebackType extends PyObject {
  declare [CHAIN]: Chain;
  declare [INDEX]: number;
  __init__(..._args: unknown[]): void {
    throw new NotImplementedError("types.TracebackType() cannot be called in tsyncio: tracebacks come from raised exceptions");
  }
  /** The frame as recorded (for formatting with its carets). */
  get _record(): FrameRecord {
    return this[CHAIN].record(this[INDEX]);
  }
  get tb_frame(): FrameType {
    let f = frames.get(this);
    if (f === undefined) frames.set(this, (f = frameOf(this._record)));
    return f;
  }
  get tb_lineno(): bigint {
    return BigInt(this._record.line);
  }
  get tb_next(): TracebackType | null {
    const chain = this[CHAIN];
    const i = this[INDEX];
    return i + 1 < chain.length() ? chain.link(i + 1) : null;
  }
  __repr__(): string {
    return `<traceback object at ${hexAddress(this)}>`;
  }
}

for (const [cls, name] of [
  [CodeType, "code"],
  [FrameType, "frame"],
  [TracebackType, "traceback"],
] as const) {
  Object.defineProperty(cls, "__name__", { value: name, writable: true, configurable: true });
  Object.defineProperty(cls, "__qualname__", { value: name, writable: true, configurable: true });
  Object.defineProperty(cls, "__module__", { value: "builtins", writable: true, configurable: true });
}

/**
 * The frame of a coroutine or (async) generator that has not finished: one object per owner (so
 * `c.cr_frame is c.cr_frame`, and its address stays put), whose line is read when asked.
 */
class LiveFrame extends FrameType {
  declare _owner: object;
  declare _line: (owner: object) => number;
  // @ts-expect-error a getter over the base class's declared field
  get f_lineno(): bigint {
    return BigInt(this._line(this._owner));
  }
  /** None, as for a suspended coroutine's frame (a running one's caller frames are not kept). */
  get f_back(): null {
    return null;
  }
}
Object.defineProperty(LiveFrame, "__name__", { value: "frame", writable: true, configurable: true });
const liveFrames = new WeakMap<object, FrameType>();
const codeObjects = new WeakMap<object, CodeType>();

/** What the runtime keeps of a coroutine function's code (asyncio/coroutines.ts CodeObject). */
interface CodeRecord {
  co_name: string;
  co_qualname: string;
  co_filename: string;
  co_firstlineno: bigint;
}

/** The `code` object of a coroutine or generator function: one per function (`cr_code`, a frame's `f_code`). */
export function _code_object(code: CodeRecord): CodeType {
  let co = codeObjects.get(code);
  if (co === undefined) {
    co = raw_instance(CodeType) as CodeType;
    co.co_name = code.co_name;
    co.co_qualname = code.co_qualname;
    co.co_filename = code.co_filename;
    co.co_firstlineno = code.co_firstlineno;
    codeObjects.set(code, co);
  }
  return co;
}

/** The owner's frame (see LiveFrame); `code` is the owner's code record (co_name, co_qualname, co_filename). */
export function _live_frame(owner: object, code: CodeRecord, line: (owner: object) => number): FrameType {
  let frame = liveFrames.get(owner);
  if (frame === undefined) {
    const live = raw_instance(LiveFrame) as LiveFrame;
    live.f_code = _code_object(code);
    live._owner = owner;
    live._line = line;
    liveFrames.set(owner, (frame = live));
  }
  return frame;
}

/**
 * Frames for the records of a stack, outermost first: each has its caller as `f_back` (None for
 * the outermost). The innermost frame is returned.
 */
export function _stack_frame_chain(records: readonly FrameRecord[]): FrameType | null {
  let back: FrameType | null = null;
  for (const r of records) {
    const frame = frameOf(r);
    (frame as { f_back?: FrameType | null }).f_back = back;
    back = frame;
  }
  return back;
}

function frameOf(r: FrameRecord): FrameType {
  const code = raw_instance(CodeType) as CodeType;
  code.co_name = r.name;
  code.co_qualname = r.name;
  code.co_filename = r.path;
  const frame = raw_instance(FrameType) as FrameType;
  frame.f_code = code;
  frame.f_lineno = BigInt(r.line);
  return frame;
}

/** The frames of a raised exception, as its report prints them (set by the runner: run.ts). */
let exceptionFrames: (exc: BaseException) => FrameRecord[] = () => [];
export function _set_exception_frames(f: (exc: BaseException) => FrameRecord[]): void {
  exceptionFrames = f;
}
export function _exception_frames(exc: BaseException): FrameRecord[] {
  return exceptionFrames(exc);
}

// One traceback object per exception and catch site: read twice in one handler, it is the same
// object (`sys.exc_info()[2] is e.__traceback__`); caught again further out, it is made again.
// (kept on the exception itself: a WeakMap whose values hold their keys is slow to collect)
const MADE: unique symbol = Symbol("traceback made") as never;

function tracebackOf(exc: BaseException): TracebackType | null {
  // (unittest's assertRaises keeps the exception without its traceback)
  if (!wasRaised(exc) || (exc as { __traceback_cleared__?: boolean }).__traceback_cleared__) return null;
  const caught = (exc as { __caught_stack__?: string }).__caught_stack__;
  const known = (exc as { [MADE]?: TracebackType })[MADE];
  if (known !== undefined && known[CHAIN].caught === caught) return known;
  const tb = new Chain(exc, caught).link(0);
  (exc as { [MADE]?: TracebackType })[MADE] = tb;
  return tb;
}
_set_traceback_maker(tracebackOf);
