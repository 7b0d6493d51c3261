// The Python exception hierarchy. Classes carry their Python names, so inside this module
// JS's own errors are reached through globalThis (JSTypeError etc.).
import { hideJsMember, JS_RESERVED } from "./js-names.js";
import { declaredAtTopLevel, isProgramFunction } from "./program-functions.js";
import { MISSING_NAME } from "./suggestions.js";
import type { PyTuple, PyList } from "./collections.js";
import { late } from "./late.js";
import { constructorArgs, SPREAD_LIMIT, takes_packed, unpacked } from "./star-call.js";
import { className, classModule, classQualname } from "./names.js";

// repr(), str() and the tuple and list types are a layer above (late.ts).
const repr = (x: unknown): string => late.repr(x);
const str = (x: unknown): string => late.str(x);

const JSError = globalThis.Error;
const JSTypeError = globalThis.TypeError;
const JSRangeError = globalThis.RangeError;
const JSReferenceError = globalThis.ReferenceError;

/** object.ts's CONSTRUCT (shared through the symbol registry: that module is a layer above). */
const CONSTRUCT: unique symbol = Symbol.for("tsyncio.construct") as never;
/** The next construction is `BaseException.__new__`'s (see the constructor). */
let rawException = false;

export class BaseException extends JSError {
  args!: PyTuple<unknown>;
  __cause__: BaseException | null = null;
  __context__: BaseException | null = null;
  __suppress_context__ = false;
  __notes__?: PyList<string>;
  constructor(...given: unknown[]) {
    super();
    const args = given.length === 0 ? constructorArgs(new.target, given) : given;
    // (keywords are __init__'s: args holds the positional values)
    const last = args[args.length - 1];
    this.args = late.PyTuple.fromArray(last instanceof late.KwArgs ? args.slice(0, -1) : args);
    if (rawException) {
      // BaseException.__new__: args set, __init__ left to the caller (a subclass's __new__).
      rawException = false;
      return;
    }
    // A program class with its own __new__ is made by calling it (metaclass.ts default_construct).
    const make = (new.target as unknown as { [CONSTRUCT]?: (c: Function, a: unknown[]) => unknown })[CONSTRUCT];
    if (make !== undefined) return make(new.target, args) as BaseException;
    // Keywords for the program's __init__ (`MyError("x", code=1)`) are bound to its parameters by name.
    if (last instanceof late.KwArgs && isProgramFunction(this.__init__)) late.keywordInit(this, args);
    else if (args.length > SPREAD_LIMIT) late.applyArgs(this.__init__, this, args);
    else this.__init__(...args);
  }
  /** BaseException.__init__: sets args (user subclasses override it and call super.__init__). */
  __init__(...given: unknown[]): void {
    const args = unpacked(given);
    const last = args[args.length - 1];
    if (!(last instanceof late.KwArgs)) this.args = late.PyTuple.fromArray(args);
    else if (Object.keys(last.kw).length) throw new TypeError(`${className(this.constructor)}() takes no keyword arguments`);
    else this.args = late.PyTuple.fromArray(args.slice(0, -1));
  }
  __str__(): string {
    const a = this.args;
    if (a.length === 0) return "";
    if (a.length === 1) return str(a[0]);
    return repr(a);
  }
  /** `BaseException.__new__(cls, *args)` (what a subclass's `super().__new__(cls, ...)` reaches). */
  __new__(cls: Function, ...args: unknown[]): BaseException {
    rawException = true;
    try {
      return Reflect.construct(cls, args) as BaseException;
    } finally {
      rawException = false;
    }
  }
  __repr__(): string {
    const a = this.args;
    const n = className(this.constructor);
    if (a.length === 1) return `${n}(${repr(a[0])})`;
    return n + repr(a);
  }
  toString(): string {
    return this.__str__();
  }
  /** A raised exception's traceback object (made when first read: modules/_traceback_objects.ts); None for one never raised. */
  get __traceback__(): unknown {
    return assignedTracebacks.has(this) ? assignedTracebacks.get(this) : (tracebackMaker?.(this) ?? null);
  }
  set __traceback__(tb: unknown) {
    if (tb !== null && (typeof tb !== "object" || className(tb.constructor) !== "traceback")) throw new TypeError("__traceback__ must be a traceback or None");
    assignedTracebacks.set(this, tb);
  }
  with_traceback(tb: unknown): this {
    this.__traceback__ = tb;
    return this;
  }
  add_note(note: string): void {
    if (typeof note !== "string") throw new TypeError(`note must be a str, not '${className((note as object)?.constructor)}'`);
    if (!this.__notes__) this.__notes__ = late.PyList.fromArray<string>([]);
    this.__notes__.push(note);
  }
  static get __name__(): string {
    return this.name;
  }
  static get __qualname__(): string {
    return this.name;
  }
}
takes_packed(BaseException.prototype.__init__);

// JS-facing name/message: computed from the Python view.
Object.defineProperty(BaseException.prototype, "name", {
  get(this: BaseException) {
    const c = this.constructor;
    const m = classModule(c);
    const q = classQualname(c);
    return m === "builtins" || m === "__main__" ? q : `${m}.${q}`;
  },
  configurable: true,
});
Object.defineProperty(BaseException.prototype, "message", {
  get(this: BaseException) {
    try {
      return this.__str__();
    } catch {
      return "<exception str() failed>";
    }
  },
  set(this: BaseException, v: unknown) {
    // `self.message = ...` in a Python exception class: the program's own attribute.
    Object.defineProperty(this, "message", { value: v, writable: true, configurable: true, enumerable: true });
  },
  configurable: true,
});
// Both are JavaScript's view of the exception; Python exceptions have neither attribute.
hideJsMember(BaseException.prototype, "name");
hideJsMember(BaseException.prototype, "message");

export class Exception extends BaseException {}
export class GeneratorExit extends BaseException {}
export class KeyboardInterrupt extends BaseException {}
export class SystemExit extends BaseException {
  get code(): unknown {
    const a = this.args;
    return a.length === 0 ? null : a.length === 1 ? a[0] : a;
  }
}

export class ArithmeticError extends Exception {}
export class FloatingPointError extends ArithmeticError {}
export class OverflowError extends ArithmeticError {}
export class ZeroDivisionError extends ArithmeticError {}
export class AssertionError extends Exception {}
export class AttributeError extends Exception {
  declare obj: unknown;
  __init__(...given: unknown[]): void {
    const args = [...unpacked(given)];
    const kw = exceptionKeywords(args, ["name", "obj"], "AttributeError", true);
    this.args = late.PyTuple.fromArray(args);
    if ("name" in kw) (this as { [MISSING_NAME]?: unknown })[MISSING_NAME] = kw.name;
    if ("obj" in kw) this.obj = kw.obj;
  }
}
takes_packed(AttributeError.prototype.__init__);
export class BufferError extends Exception {}
export class EOFError extends Exception {}
export class ImportError extends Exception {
  declare path: unknown;
  declare msg: unknown;
  __init__(...given: unknown[]): void {
    const args = [...unpacked(given)];
    const kw = exceptionKeywords(args, ["name", "path", "name_from"], "ImportError", false);
    this.args = late.PyTuple.fromArray(args);
    this.msg = args.length === 1 ? args[0] : null;
    if ("name" in kw) (this as { [MISSING_NAME]?: unknown })[MISSING_NAME] = kw.name;
    if ("path" in kw) this.path = kw.path;
    if ("name_from" in kw) (this as { name_from?: unknown }).name_from = kw.name_from;
  }
}
takes_packed(ImportError.prototype.__init__);
export class ModuleNotFoundError extends ImportError {}
export class LookupError extends Exception {}
export class IndexError extends LookupError {}
export class KeyError extends LookupError {
  __str__(): string {
    const a = this.args;
    if (a.length === 1) return repr(a[0]);
    return super.__str__();
  }
}
export class MemoryError extends Exception {}
export class NameError extends Exception {
  __init__(...given: unknown[]): void {
    const args = [...unpacked(given)];
    const kw = exceptionKeywords(args, ["name"], "NameError", true);
    this.args = late.PyTuple.fromArray(args);
    if ("name" in kw) (this as { [MISSING_NAME]?: unknown })[MISSING_NAME] = kw.name;
  }
}
takes_packed(NameError.prototype.__init__);
export class UnboundLocalError extends NameError {}

/**
 * Takes the keyword arguments an exception's __init__ accepts (`name=`, `obj=`) off the end of
 * `args`, raising CPython's TypeError for any other. `counted`: the class parses them by a fixed
 * list (NameError, AttributeError), which first counts them (ImportError only names a stranger).
 */
function exceptionKeywords(args: unknown[], accepted: readonly string[], owner: string, counted: boolean): Record<string, unknown> {
  const last = args[args.length - 1];
  if (!(last instanceof late.KwArgs)) return {};
  args.pop();
  const given = Object.keys(last.kw);
  if (counted && given.length > accepted.length) {
    const plural = accepted.length === 1 ? "" : "s";
    throw new TypeError(`${owner}() takes at most ${accepted.length} keyword argument${plural} (${given.length} given)`);
  }
  const stranger = given.find((k) => !accepted.includes(k));
  if (stranger !== undefined) throw new TypeError(`'${stranger}' is an invalid keyword argument for ${owner}()`);
  return last.kw;
}

// The Python attribute `name` of NameError and AttributeError (the missing name, None unless the
// runtime raised it or the program passed `name=`) and of ImportError (the module's name) is kept
// under MISSING_NAME: JavaScript's `name` is the exception's label.
// (defaults on the prototype: a field initializer would run after the constructor's __init__)
Object.assign(AttributeError.prototype, { obj: null });
Object.assign(ImportError.prototype, { path: null, msg: null, name_from: null });
for (const cls of [NameError, AttributeError, ImportError]) {
  Object.defineProperty(cls.prototype, "name", Object.getOwnPropertyDescriptor(BaseException.prototype, "name")!);
  Object.defineProperty(cls.prototype, MISSING_NAME, { value: null, writable: true, configurable: true });
  hideJsMember(cls.prototype, "name", MISSING_NAME);
}

const ERRNO_CLASS: Record<number, () => typeof OSError> = {};

export class OSError extends Exception {
  errno: unknown = null;
  strerror: unknown = null;
  filename: unknown = null;
  filename2: unknown = null;
  constructor(...args: unknown[]) {
    super(...args);
    if (new.target === OSError && args.length >= 2 && typeof args[0] === "bigint") {
      const f = ERRNO_CLASS[Number(args[0])];
      if (f) return new (f())(...args);
    }
    if (args.length >= 2 && args.length <= 5) {
      this.errno = args[0];
      this.strerror = args[1];
      if (args.length >= 3) {
        this.filename = args[2];
        if (args.length >= 5) this.filename2 = args[4];
        this.args = late.PyTuple.fromArray([args[0], args[1]]);
      }
    }
  }
  __str__(): string {
    if (this.strerror !== null || this.errno !== null) {
      if (this.filename !== null) {
        if (this.filename2 !== null) {
          return `[Errno ${str(this.errno)}] ${str(this.strerror)}: ${repr(this.filename)} -> ${repr(this.filename2)}`;
        }
        return `[Errno ${str(this.errno)}] ${str(this.strerror)}: ${repr(this.filename)}`;
      }
      return `[Errno ${str(this.errno)}] ${str(this.strerror)}`;
    }
    return super.__str__();
  }
}
export const EnvironmentError = OSError;
// (a class made at run time or an alias of one: its instances, for annotations that name it)
export type EnvironmentError = InstanceType<typeof EnvironmentError>;
export const IOError = OSError;
// (a class made at run time or an alias of one: its instances, for annotations that name it)
export type IOError = InstanceType<typeof IOError>;
export class BlockingIOError extends OSError {}
export class ChildProcessError extends OSError {}
export class ConnectionError extends OSError {}
export class BrokenPipeError extends ConnectionError {}
export class ConnectionAbortedError extends ConnectionError {}
export class ConnectionRefusedError extends ConnectionError {}
export class ConnectionResetError extends ConnectionError {}
export class FileExistsError extends OSError {}
export class FileNotFoundError extends OSError {}
export class InterruptedError extends OSError {}
export class IsADirectoryError extends OSError {}
export class NotADirectoryError extends OSError {}
export class PermissionError extends OSError {}
export class ProcessLookupError extends OSError {}
export class TimeoutError extends OSError {}
Object.assign(ERRNO_CLASS, {
  1: () => PermissionError,
  2: () => FileNotFoundError,
  3: () => ProcessLookupError,
  4: () => InterruptedError,
  10: () => ChildProcessError,
  11: () => BlockingIOError,
  13: () => PermissionError,
  17: () => FileExistsError,
  20: () => NotADirectoryError,
  21: () => IsADirectoryError,
  32: () => BrokenPipeError,
  103: () => ConnectionAbortedError,
  104: () => ConnectionResetError,
  110: () => TimeoutError,
  111: () => ConnectionRefusedError,
});

export class ReferenceError extends Exception {}
export class RuntimeError extends Exception {}
export class NotImplementedError extends RuntimeError {}
export class RecursionError extends RuntimeError {}
export class StopIteration extends Exception {
  get value(): unknown {
    return this.args.length > 0 ? this.args[0] : null;
  }
}
export class StopAsyncIteration extends Exception {}
export class SyntaxError extends Exception {
  msg: unknown = null;
  filename: unknown = null;
  lineno: unknown = null;
  offset: unknown = null;
  text: unknown = null;
  constructor(...args: unknown[]) {
    super(...args);
    if (args.length > 0) this.msg = args[0];
    const d = args[1];
    if (d instanceof Array && d.length >= 4) {
      this.filename = d[0];
      this.lineno = d[1];
      this.offset = d[2];
      this.text = d[3];
    }
  }
  __str__(): string {
    return str(this.msg);
  }
}
export class IndentationError extends SyntaxError {}
export class TabError extends IndentationError {}
export class SystemError extends Exception {}
export class TypeError extends Exception {}
export class ValueError extends Exception {}
export class UnicodeError extends ValueError {}
/** UnicodeEncodeError/UnicodeDecodeError(encoding, object, start, end, reason): its attributes. */
function codecErrorFields(e: Record<string, unknown>, args: unknown[]): void {
  const [encoding, object, start, end, reason] = args.length === 5 ? args : [null, null, null, null, null];
  Object.assign(e, { encoding, object, start, end, reason });
}
export class UnicodeDecodeError extends UnicodeError {
  constructor(...args: unknown[]) {
    super(...args);
    codecErrorFields(this as unknown as Record<string, unknown>, args);
  }
  __str__(): string {
    const a = this.args;
    if (a.length === 5) {
      const obj = a[1] as ArrayLike<number>;
      const s = Number(a[2]);
      const e = Number(a[3]);
      if (e === s + 1 && obj && obj.length > s) {
        return `'${str(a[0])}' codec can't decode byte 0x${obj[s].toString(16).padStart(2, "0")} in position ${s}: ${str(a[4])}`;
      }
      return `'${str(a[0])}' codec can't decode bytes in position ${s}-${e - 1}: ${str(a[4])}`;
    }
    return super.__str__();
  }
}
export class UnicodeEncodeError extends UnicodeError {
  constructor(...args: unknown[]) {
    super(...args);
    codecErrorFields(this as unknown as Record<string, unknown>, args);
  }
  __str__(): string {
    const a = this.args;
    if (a.length === 5) {
      const obj = String(a[1]);
      const s = Number(a[2]);
      const e = Number(a[3]);
      if (e === s + 1) {
        const cp = Array.from(obj)[s]?.codePointAt(0) ?? 0;
        const hx =
          cp <= 0xff
            ? "\\x" + cp.toString(16).padStart(2, "0")
            : cp <= 0xffff
              ? "\\u" + cp.toString(16).padStart(4, "0")
              : "\\U" + cp.toString(16).padStart(8, "0");
        return `'${str(a[0])}' codec can't encode character '${hx}' in position ${s}: ${str(a[4])}`;
      }
      return `'${str(a[0])}' codec can't encode characters in position ${s}-${e - 1}: ${str(a[4])}`;
    }
    return super.__str__();
  }
}
export class UnicodeTranslateError extends UnicodeError {}

export class Warning extends Exception {}
export class BytesWarning extends Warning {}
export class DeprecationWarning extends Warning {}
export class EncodingWarning extends Warning {}
export class FutureWarning extends Warning {}
export class ImportWarning extends Warning {}
export class PendingDeprecationWarning extends Warning {}
export class ResourceWarning extends Warning {}
export class RuntimeWarning extends Warning {}
export class SyntaxWarning extends Warning {}
export class UnicodeWarning extends Warning {}
export class UserWarning extends Warning {}

export class BaseExceptionGroup extends BaseException {
  declare message: string;
  exceptions!: PyTuple<BaseException>;
  constructor(message: unknown, exceptions: unknown, ...rest: unknown[]) {
    super(message, exceptions, ...rest);
    if (typeof message !== "string") {
      throw new TypeError(`argument 1 must be str, not ${className((message as object)?.constructor)}`);
    }
    if (!(exceptions instanceof Array) || exceptions.length === 0) {
      throw new ValueError("second argument (exceptions) must be a non-empty sequence");
    }
    for (const e of exceptions) {
      if (!(e instanceof BaseException)) {
        throw new ValueError(`Item ${exceptions.indexOf(e)} of second argument (exceptions) is not an exception`);
      }
    }
    const allExc = exceptions.every((e) => e instanceof Exception);
    if (new.target === BaseExceptionGroup && allExc) {
      return new ExceptionGroup(message, exceptions);
    }
    if (new.target !== BaseExceptionGroup && this instanceof Exception && !allExc) {
      throw new TypeError("Cannot nest BaseExceptions in an ExceptionGroup");
    }
    Object.defineProperty(this, "message", { value: message, writable: true, configurable: true });
    this.exceptions = late.PyTuple.fromArray(exceptions as BaseException[]);
  }
  __str__(): string {
    const n = this.exceptions.length;
    return `${this.message} (${n} sub-exception${n === 1 ? "" : "s"})`;
  }
  derive(excs: unknown): BaseExceptionGroup {
    return new BaseExceptionGroup(this.message, excs);
  }
  private _match(cond: unknown): (e: BaseException) => boolean {
    if (typeof cond === "function" && (cond.prototype instanceof BaseException || cond === BaseException)) {
      return (e) => e instanceof (cond as new () => BaseException);
    }
    if (cond instanceof Array) {
      return (e) => cond.some((c: new () => BaseException) => e instanceof c);
    }
    if (typeof cond === "function") return (e) => !!(cond as (e: BaseException) => unknown)(e);
    throw new TypeError("expected an exception type, a tuple of exception types, or a callable (other than a class)");
  }
  private _copyMeta(g: BaseExceptionGroup): BaseExceptionGroup {
    g.__cause__ = this.__cause__;
    g.__context__ = this.__context__;
    if (assignedTracebacks.has(this)) assignedTracebacks.set(g, assignedTracebacks.get(this));
    if (this.__notes__) g.__notes__ = this.__notes__;
    // A split keeps the original's traceback (its JS stack and where it was caught).
    copyTraceback(this, g);
    return g;
  }
  split(cond: unknown): PyTuple<BaseExceptionGroup | null> {
    const m = this._match(cond);
    if (m(this)) return late.PyTuple.fromArray([this, null]);
    const yes: BaseException[] = [];
    const no: BaseException[] = [];
    for (const e of this.exceptions) {
      if (e instanceof BaseExceptionGroup) {
        const [a, b] = e.split(cond);
        if (a) yes.push(a);
        if (b) no.push(b);
      } else if (m(e)) yes.push(e);
      else no.push(e);
    }
    const mk = (l: BaseException[]) => (l.length === 0 ? null : this._copyMeta(this.derive(late.PyList.fromArray(l))));
    return late.PyTuple.fromArray([mk(yes), mk(no)]);
  }
  subgroup(cond: unknown): BaseExceptionGroup | null {
    return this.split(cond)[0];
  }
}
export class ExceptionGroup extends BaseExceptionGroup {}
// ExceptionGroup is also an Exception: make instanceof Exception work.
Object.defineProperty(Exception, Symbol.hasInstance, {
  value(this: Function, x: unknown) {
    if (Function.prototype[Symbol.hasInstance].call(this, x)) return true;
    return this === Exception && x instanceof ExceptionGroup;
  },
});

const BUILTIN_EXCEPTIONS: Function[] = [
  BaseException,
  Exception,
  GeneratorExit,
  KeyboardInterrupt,
  SystemExit,
  ArithmeticError,
  FloatingPointError,
  OverflowError,
  ZeroDivisionError,
  AssertionError,
  AttributeError,
  BufferError,
  EOFError,
  ImportError,
  ModuleNotFoundError,
  LookupError,
  IndexError,
  KeyError,
  MemoryError,
  NameError,
  UnboundLocalError,
  OSError,
  BlockingIOError,
  ChildProcessError,
  ConnectionError,
  BrokenPipeError,
  ConnectionAbortedError,
  ConnectionRefusedError,
  ConnectionResetError,
  FileExistsError,
  FileNotFoundError,
  InterruptedError,
  IsADirectoryError,
  NotADirectoryError,
  PermissionError,
  ProcessLookupError,
  TimeoutError,
  ReferenceError,
  RuntimeError,
  NotImplementedError,
  RecursionError,
  StopIteration,
  StopAsyncIteration,
  SyntaxError,
  IndentationError,
  TabError,
  SystemError,
  TypeError,
  ValueError,
  UnicodeError,
  UnicodeDecodeError,
  UnicodeEncodeError,
  UnicodeTranslateError,
  Warning,
  BytesWarning,
  DeprecationWarning,
  EncodingWarning,
  FutureWarning,
  ImportWarning,
  PendingDeprecationWarning,
  ResourceWarning,
  RuntimeWarning,
  SyntaxWarning,
  UnicodeWarning,
  UserWarning,
  BaseExceptionGroup,
  ExceptionGroup,
];
for (const c of BUILTIN_EXCEPTIONS) {
  Object.defineProperty(c, "__module__", { value: "builtins", writable: true, configurable: true });
  // Kept with the class (bundlers may rename it); a subclass read through inheritance gets its own name.
  const name = c.name;
  Object.defineProperty(c, "__name__", {
    get(this: Function) {
      return this === c ? name : this.name;
    },
    set(this: Function, value: unknown) {
      Object.defineProperty(this, "__name__", { value, writable: true, configurable: true });
    },
    configurable: true,
  });
}

/** The Python base classes of an exception class, for issubclass across the ExceptionGroup diamond. */
export function isExceptionClass(c: unknown): boolean {
  return typeof c === "function" && (c === BaseException || c.prototype instanceof BaseException);
}

/** Convert anything thrown (a JS error included) into a Python exception. */
// What `e.__traceback__ = tb` / `with_traceback(tb)` set, in place of the traceback of where `e` was raised.
const assignedTracebacks = new WeakMap<BaseException, unknown>();
let tracebackMaker: ((exc: BaseException) => unknown) | null = null;
/** The traceback the program gave `exc` (None included), or undefined when it gave none. */
export function _assigned_traceback(exc: BaseException): unknown {
  return assignedTracebacks.get(exc);
}
/** Installs what makes a raised exception's traceback objects (modules/_traceback_objects.ts). */
export function _set_traceback_maker(f: (exc: BaseException) => unknown): void {
  tracebackMaker = f;
}

// Exceptions that were raised (seen at a catch site). CPython prints a traceback only for those:
// an exception object that was only constructed (say, put into an ExceptionGroup) has none.
const raised = new WeakSet<BaseException>();

/** toPyException at a catch site: the exception was raised, so it has a traceback. */
export function caughtException(e: unknown): BaseException {
  const exc = toPyException(e);
  raised.add(exc);
  return exc;
}

export function wasRaised(exc: BaseException): boolean {
  return raised.has(exc);
}

/**
 * How an exception travelled between coroutines. CPython's traceback of an exception re-raised by
 * `await fut` is the awaiting coroutine's frames, then the traceback the future stored when it got
 * the exception. `awaits`: captured stacks (Error.captureStackTrace holders) of those re-raises,
 * innermost first; `own`: whether the exception's own frames (where it was raised) come last.
 */
export interface TracebackTrail {
  own: boolean;
  /** Where the own frames were last caught, when a later raise put frames above them. */
  ownCaught?: string;
  awaits: TraceSegment[];
}
/**
 * Frames a raise added above the exception's earlier traceback: the stack where it happened
 * (cut at the event loop's dispatch unless the exception left the loop), `caught`: where that
 * raise was caught before the next one (the frames start there), `tb`: the traceback object the
 * program gave the exception (with_traceback), whose frames come below these.
 */
export interface TraceSegment {
  stack?: string;
  caught?: string;
  tb?: unknown;
}
const trails = new WeakMap<BaseException, TracebackTrail>();

export function trailOf(exc: BaseException): TracebackTrail | undefined {
  return trails.get(exc);
}

/** The traceback a future stores with its exception (futures.py keeps `_exception_tb`). */
export function storedTrail(exc: BaseException): TracebackTrail {
  return trails.get(exc) ?? { own: raised.has(exc), awaits: [] };
}

/** `await` re-raised `exc` (stored with `stored`) where this is called: that stack goes on top of it. */
export function reraisedByAwait(exc: BaseException, stored: TracebackTrail): void {
  const holder: { stack?: string } = {};
  Error.captureStackTrace?.(holder, reraisedByAwait);
  trails.set(exc, { own: stored.own, ownCaught: stored.ownCaught, awaits: [...stored.awaits, holder] });
  raised.add(exc);
}

/** Marks a caught stack (`__caught_stack__`) taken where the runtime's own asyncio code caught the exception. */
export const LIBRARY_CATCH = "library catch\n";

/**
 * Caught here by the runtime's asyncio code (wait_for awaiting the future it guards): CPython's
 * traceback starts in its library frame, below every frame of the program on the stack now.
 */
export function caughtByLibrary(exc: BaseException): BaseException {
  Object.defineProperty(exc, "__caught_stack__", { value: LIBRARY_CATCH + new Error().stack, configurable: true, writable: true });
  return exc;
}

/**
 * The exception left a Task's coroutine (the Task stores it): its traceback runs from the
 * coroutine's frame, wherever the coroutine caught it before (and re-raised it with a bare `raise`).
 */
export function escapedCoroutine(exc: BaseException): BaseException {
  delete (exc as { __caught_stack__?: string }).__caught_stack__;
  return exc;
}

// Exceptions whose __context__ was set to None on purpose (ExitStack unlinking a callback's chain).
// The runtime fills an empty __context__ where an except block (or a with statement's __exit__)
// lets an exception go, standing for CPython's chaining at the raise; these keep theirs until they
// are raised again, as CPython's would.
const contextCut = new WeakSet<BaseException>();

/** Sets `e.__context__` to None, and keeps it so. */
export function cutContext(e: BaseException): void {
  e.__context__ = null;
  contextCut.add(e);
}

export function isContextCut(e: BaseException): boolean {
  return contextCut.has(e);
}

/**
 * `raise e` (the raise statement, not a bare `raise`) here: CPython adds this frame and those it
 * goes through to the traceback `e` has (from an earlier raise, or the one with_traceback() gave).
 */
export function raisedAgain(exc: BaseException, from: Function): void {
  const holder: TraceSegment = {};
  Error.captureStackTrace?.(holder, from);
  if (assignedTracebacks.has(exc)) {
    const tb = assignedTracebacks.get(exc);
    assignedTracebacks.delete(exc);
    if (tb !== null) holder.tb = tb;
    trails.set(exc, { own: false, awaits: [holder] });
  } else {
    const trail = trails.get(exc) ?? { own: raised.has(exc), awaits: [] };
    const caught = (exc as { __caught_stack__?: string }).__caught_stack__;
    const awaits = trail.awaits.slice();
    let ownCaught = trail.ownCaught;
    // The frames so far start where the exception was last caught.
    // (a captured `stack` is no enumerable property: copied by name)
    const last = awaits[awaits.length - 1];
    if (last !== undefined) awaits[awaits.length - 1] = { stack: last.stack, tb: last.tb, caught };
    else ownCaught = caught;
    awaits.push(holder);
    trails.set(exc, { own: trail.own, ownCaught, awaits });
  }
  delete (exc as { __caught_stack__?: string }).__caught_stack__;
  raised.add(exc);
  contextCut.delete(exc);
}

/**
 * What makes up `exc`'s traceback now, as a function that puts it back (contextlib gives an
 * exception that its generator let through the traceback it had before the throw, as CPython's does).
 */
export function tracebackRestorer(exc: BaseException): () => void {
  const trail = trails.get(exc);
  const caught = (exc as { __caught_stack__?: string }).__caught_stack__;
  const wasRaisedBefore = raised.has(exc);
  return () => {
    if (trail === undefined) trails.delete(exc);
    else trails.set(exc, trail);
    if (caught === undefined) delete (exc as { __caught_stack__?: string }).__caught_stack__;
    else Object.defineProperty(exc, "__caught_stack__", { value: caught, configurable: true, writable: true });
    if (!wasRaisedBefore) raised.delete(exc);
  };
}

/**
 * A fresh exception (a CancelledError, say) thrown into a suspended coroutine (called where it
 * arrives, with the coroutine's frames on the stack): its traceback is those frames.
 */
export function thrownIntoCoroutine(e: unknown): void {
  if (!(e instanceof BaseException) || raised.has(e) || trails.has(e)) return;
  const holder: { stack?: string } = {};
  Error.captureStackTrace?.(holder, thrownIntoCoroutine);
  trails.set(e, { own: false, awaits: [holder] });
  raised.add(e);
}

/** Gives `to` the traceback of `from` (a derived ExceptionGroup shows its original's frames). */
export function copyTraceback(from: BaseException, to: BaseException): void {
  Object.defineProperty(to, "stack", { value: from.stack, configurable: true, writable: true });
  const caught = (from as { __caught_stack__?: string }).__caught_stack__;
  if (caught !== undefined) Object.defineProperty(to, "__caught_stack__", { value: caught, configurable: true, writable: true });
  if (raised.has(from)) raised.add(to);
  const trail = trails.get(from);
  if (trail) trails.set(to, trail);
}

export function toPyException(e: unknown): BaseException {
  if (e instanceof BaseException) return e;
  let r: BaseException;
  let tdz: RegExpExecArray | null;
  if (e instanceof JSError) {
    const msg = e.message;
    if (e instanceof JSRangeError) {
      if (/call stack/i.test(msg)) r = new RecursionError("maximum recursion depth exceeded");
      else if (/Division by zero/i.test(msg)) r = new ZeroDivisionError("integer division or modulo by zero");
      else if (/BigInt/i.test(msg) && /too big|maximum|size/i.test(msg)) r = new OverflowError("int too large");
      else if (/Invalid array length|Invalid string length/i.test(msg)) r = new MemoryError();
      else r = new ValueError(msg);
    } else if (e instanceof JSTypeError) {
      let m: RegExpMatchArray | null;
      if ((m = msg.match(/^Cannot read propert(?:y|ies) of (undefined|null)(?: \(reading '([^']*)'\))?/))) {
        r = new AttributeError(`'NoneType' object has no attribute '${m[2] ?? "?"}'`);
      } else if ((m = msg.match(/^Cannot set propert(?:y|ies) of (undefined|null)(?: \(setting '([^']*)'\))?/))) {
        r = new AttributeError(`'NoneType' object has no attribute '${m[2] ?? "?"}'`);
      } else if ((m = msg.match(/^Cannot set property (\S+) of (?:#<([\w$]+)>|.*) which has only a getter/))) {
        r = new AttributeError(m[2] ? `property '${m[1]}' of '${m[2]}' object has no setter` : `property '${m[1]}' has no setter`);
      } else if ((m = msg.match(/^[\s\S]*\.([\w$]+) is not a function$/))) {
        // `obj.m(...)` where obj has no m (JS names the expression, not its type).
        r = new AttributeError(`object has no attribute '${m[1]}'`);
      } else if (/ is not a function or its return value is not iterable$/.test(msg)) {
        // `for x in f()` over what is no iterable (V8 names the call, not the object's type).
        r = new TypeError("object is not iterable");
      } else if ((m = msg.match(/^([\w$]+) is not a function/))) {
        r = new TypeError(`'${m[1]}' object is not callable`);
      } else if (/is not iterable/.test(msg)) {
        r = new TypeError(msg.replace(/^.* is not iterable.*$/, "object is not iterable"));
      } else if (/Cannot mix BigInt/.test(msg)) {
        r = new TypeError("unsupported operand type(s) for mixed int and float");
      } else if (/read.only|not extensible|Cannot assign to read only/.test(msg)) {
        r = new TypeError("object does not support item assignment");
      } else {
        r = new TypeError(msg);
      }
    } else if (e instanceof JSReferenceError && (tdz = /^Cannot access '([\w$]+)' before initialization$/.exec(msg))) {
      // A name read before the statement that binds it ran (JS keeps the declaration, unset).
      const name = pythonName(tdz[1]);
      r = declaredAtTopLevel(tdz[1])
        ? new NameError(`name '${name}' is not defined`)
        : new NameError(`cannot access free variable '${name}' where it is not associated with a value in enclosing scope`);
    } else {
      r = new RuntimeError(`${e.name}: ${msg}`);
    }
    try {
      Object.defineProperty(r, "stack", { value: e.stack, configurable: true, writable: true });
    } catch {
      /* ignore */
    }
    (r as { __jserror__?: unknown }).__jserror__ = e;
    return r;
  }
  r = new RuntimeError(`non-exception thrown: ${String(e)}`);
  (r as { __jserror__?: unknown }).__jserror__ = e;
  return r;
}

/** A Python name as the translation spelled it in JS: a name JS reserves got a trailing `_`. */
function pythonName(jsName: string): string {
  return jsName.endsWith("_") && JS_RESERVED.has(jsName.slice(0, -1)) ? jsName.slice(0, -1) : jsName;
}
