// Async generators (`async def` with `yield`), for the compiler to target.
//
//   async def ticker(n):                 const ticker = async_generator_function(function* ticker(n) {
//       for i in range(n):                   for (...) {
//           await asyncio.sleep(1)              yield* asyncio.sleep(1n);
//           yield i                             yield agen_yield(i);        // value sent in by asend() comes back
//                                            }
//                                        }, { qualname: "ticker", filename, firstlineno });
//
//   async for x in ticker(3): body       const it = ticker(3n).__aiter__();
//                                        for (;;) {
//                                          let x; try { x = yield* awaitable(it.__anext__()); }
//                                          catch (e) { if (e instanceof StopAsyncIteration) break; throw e; }
//                                          body
//                                        }
//
// One generator carries both kinds of yield: awaits pass Futures (or null) up to the Task, and
// `agen_yield(v)` wraps a value produced for the consumer — CPython wraps them the same way
// (_PyAsyncGenWrappedValue). asend()/athrow()/aclose() return awaitables that drive the generator
// until it produces a wrapped value (their result), returns (StopAsyncIteration), or raises.
// CPython: Objects/genobject.c (async_gen_asend, async_gen_athrow), sys.set_asyncgen_hooks.
import { GeneratorExit, RuntimeError, StopAsyncIteration, StopIteration, TypeError, caughtByLibrary, caughtException, hexAddress } from "./_compat.js";
import { COROUTINE_LIKE, _thrown_exception, awaitable, makeCode } from "./coroutines.js";
import { resume_handled as _resume_handled, suspend_handled as _suspend_handled } from "../thread-state.js";
import { asyncgen_hooks, set_asyncgen_hooks, type AsyncGenHook } from "../thread-state.js";
import { PY_THROW } from "../builtins/protocol.js";
import { hideJsMember } from "../builtins/js-names.js";
import type { CodeInfo, CodeObject } from "./coroutines.js";
import { _code_object, _live_frame, type CodeType, type FrameType } from "../modules/_traceback_objects.js";

/** An async generator's frame line: its def line (the line it waits at is not tracked). */
const firstLine = (ag: object): number => Number((ag as { _code: CodeObject })._code.co_firstlineno);

export type { AsyncGenHook };
export { asyncgen_hooks as _asyncgen_hooks, set_asyncgen_hooks as _set_asyncgen_hooks };

/** A value an async generator yields to its consumer (as opposed to an await passing a Future up). */
export class AsyncGenWrappedValue {
  constructor(readonly value: unknown) {}
}

/** Wraps a Python-level `yield value` inside an async generator. */
export function agen_yield(value: unknown): AsyncGenWrappedValue {
  return new AsyncGenWrappedValue(value === undefined ? null : value);
}

const AG_CREATED = 0;
const AG_SUSPENDED = 1;
/** Its body is executing (a step of _drive is on the stack). */
const AG_EXECUTING = 2;
const AG_CLOSED = 3;

type Gen = Generator<unknown, unknown, unknown>;

/**
 * What an `AsyncIterable[T]` annotation is in TS: anything with `__aiter__`, an async generator or
 * a class of the program (`async for` asks no more of it).
 */
export interface AsyncIterableLike {
  __aiter__(): unknown;
}

/** What an `AsyncIterator[T]` annotation is in TS: `__aiter__` and `__anext__`. */
export interface AsyncIteratorLike extends AsyncIterableLike {
  __anext__(): unknown;
}

export class AsyncGenerator {
  _gen: Gen;
  _code: CodeObject;
  /** The exception an except block it is suspended in handles (see AsyncGenOp._drive). */
  declare _handled: unknown;
  _state: number;
  /** An asend/athrow awaitable is in progress (CPython: ag_running_async). */
  _running_async: boolean;
  _hooks_inited: boolean;
  _finalizer: AsyncGenHook;

  constructor(gen: Gen, code: CodeObject) {
    this._gen = gen;
    this._code = code;
    this._state = AG_CREATED;
    this._running_async = false;
    this._hooks_inited = false;
    this._finalizer = null;
  }

  /** Set by the program (`agen.__name__ = ...`, writable as in CPython); else the function's. */
  declare _name?: string;
  declare _qualname?: string;
  get __name__(): string {
    return this._name ?? this._code.co_name;
  }
  set __name__(value: string) {
    if (typeof value !== "string") throw new TypeError("__name__ must be set to a string object");
    this._name = value;
  }
  get __qualname__(): string {
    return this._qualname ?? this._code.co_qualname;
  }
  set __qualname__(value: string) {
    if (typeof value !== "string") throw new TypeError("__qualname__ must be set to a string object");
    this._qualname = value;
  }
  /** What it waits on (not tracked: None, as while it is suspended at a yield). */
  get ag_await(): null {
    return null;
  }
  get ag_code(): CodeType {
    return _code_object(this._code);
  }
  get ag_running(): boolean {
    return this._running_async;
  }
  /** Started, and stopped at a yield or an await (3.12's ag_suspended): not running its body, not finished. */
  get ag_suspended(): boolean {
    return this._state === AG_SUSPENDED;
  }
  get ag_frame(): FrameType | null {
    return this._state === AG_CLOSED ? null : _live_frame(this, this._code, firstLine);
  }

  __repr__(): string {
    return `<async_generator object ${this.__qualname__} at ${hexAddress(this)}>`;
  }
  toString(): string {
    return this.__repr__();
  }

  __aiter__(): this {
    return this;
  }

  __anext__(): AsyncGenASend {
    return this.asend(null);
  }

  /** The awaitable that resumes the generator with `value` and gives its next yielded value. */
  asend(value: unknown): AsyncGenASend {
    this._init_hooks();
    return new AsyncGenASend(this, value === undefined ? null : value);
  }

  /** The awaitable that raises `exc` at the generator's yield and gives its next yielded value. */
  athrow(typ: unknown, ...rest: unknown[]): AsyncGenAThrow {
    const exc = _thrown_exception("athrow", typ, rest);
    this._init_hooks();
    return new AsyncGenAThrow(this, exc, false);
  }

  /** The awaitable that throws GeneratorExit in and finishes the generator. */
  aclose(): AsyncGenAThrow {
    this._init_hooks();
    return new AsyncGenAThrow(this, null, true);
  }

  private _init_hooks(): void {
    if (this._hooks_inited) return;
    this._hooks_inited = true;
    const [firstiter, finalizer] = asyncgen_hooks();
    this._finalizer = finalizer;
    if (firstiter !== null) firstiter(this);
  }

  /** @internal the loop whose hooks saw its first iteration: told when the program drops it unfinished */
  _dropLoop: { _asyncgen_dropped(agen: AsyncGenerator): void; _asyncgen_finalizer_hook(agen: AsyncGenerator): void } | null = null;

  /** @internal the program let go of it (see agen_dropped). */
  _dropped(): void {
    const loop = this._dropLoop;
    this._dropLoop = null;
    if (loop !== null && this._state !== AG_CLOSED && !this._running_async) loop._asyncgen_dropped(this);
  }

  /** @internal the generator is finished: forget it in the loop's set of live generators */
  _closed(): void {
    this._state = AG_CLOSED;
    // CPython calls the finalizer hook only for a generator collected unfinished (a program's
    // hook never sees a finished one); the loop that saw it first just forgets it.
    this._finalizer = null;
    const loop = this._dropLoop;
    if (loop !== null) loop._asyncgen_finalizer_hook(this);
  }
}
Object.defineProperty(AsyncGenerator, "__name__", { value: "async_generator", configurable: true });
Object.defineProperty(AsyncGenerator, "__module__", { value: "builtins", configurable: true });

/** Base of the asend/athrow awaitables: an iterator the awaiting Task drives with yield*. */
abstract class AsyncGenOp implements Iterator<unknown, unknown, unknown> {
  protected _agen: AsyncGenerator;
  /** 0: not started; 1: iterating; 2: done */
  protected _opState = 0;

  constructor(agen: AsyncGenerator) {
    this._agen = agen;
  }

  [Symbol.iterator](): this {
    return this;
  }
  /** @internal a Task drives it as its coroutine (see COROUTINE_LIKE): the generator is itself */
  get _gen(): this {
    return this;
  }
  __await__(): this {
    return this;
  }
  __iter__(): this {
    return this;
  }

  abstract next(v?: unknown): IteratorResult<unknown, unknown>;

  /** The message of the RuntimeError for a second use of a finished awaitable. */
  protected abstract _reuseMessage(): string;

  /** Python's throw(): the exception goes into the generator at the point where it is suspended,
   *  even when this awaitable has not started. Only its outcome is classified; an unstarted
   *  awaitable stays unstarted (CPython 3.12 neither marks it running nor the generator busy), so
   *  the next send() begins its own work (an aclose() then throws GeneratorExit in). */
  throw(exc: unknown): IteratorResult<unknown, unknown> {
    if (this._opState === 2) throw new RuntimeError(this._reuseMessage());
    return this._drive(true, exc);
  }

  /** Python's `op.throw(exc)` (a class is instantiated): the awaitable's next value, or StopIteration. */
  [PY_THROW](exc: unknown): unknown {
    if (typeof exc === "function") exc = new (exc as new () => unknown)();
    const r = this.throw(exc);
    if (r.done) throw new StopIteration(r.value);
    return r.value;
  }

  return(value?: unknown): IteratorResult<unknown, unknown> {
    this._opState = 2;
    return { value, done: true };
  }

  /** Python's send(): raises StopIteration(value) when the awaitable completes. */
  send(v: unknown): unknown {
    const r = this.next(v);
    if (r.done) throw new StopIteration(r.value);
    return r.value;
  }

  /** Python's `__next__()`: send(None). */
  __next__(): unknown {
    return this.send(null);
  }

  close(): void {
    this._opState = 2;
  }

  /** Resumes the generator and classifies what comes out. */
  protected _drive(isThrow: boolean, v: unknown): IteratorResult<unknown, unknown> {
    const agen = this._agen;
    let r: IteratorResult<unknown, unknown>;
    // (an except block it is suspended in handles its exception only while it runs)
    const outerHandled = _resume_handled(agen._handled);
    agen._state = AG_EXECUTING;
    try {
      r = isThrow ? agen._gen.throw(v) : agen._gen.next(v);
    } catch (e) {
      agen._handled = _suspend_handled(outerHandled);
      this._finish();
      agen._closed();
      return this._on_raise(e);
    }
    agen._handled = _suspend_handled(outerHandled);
    if (r.done) {
      this._finish();
      agen._closed();
      return this._on_return();
    }
    agen._state = AG_SUSPENDED;
    const y = r.value;
    if (y instanceof AsyncGenWrappedValue) {
      this._finish();
      return this._on_yield(y.value);
    }
    return { value: y, done: false }; // an await inside the generator: pass it to the Task
  }

  protected _finish(): void {
    this._opState = 2;
    this._agen._running_async = false;
  }

  protected abstract _on_yield(value: unknown): IteratorResult<unknown, unknown>;
  protected abstract _on_return(): IteratorResult<unknown, unknown>;
  protected abstract _on_raise(e: unknown): IteratorResult<unknown, unknown>;
}

Object.defineProperty(AsyncGenOp.prototype, COROUTINE_LIKE, { value: true });
// Python's `throw` attribute is PY_THROW's (the JS one is the iterator protocol's, for yield*).
hideJsMember(AsyncGenOp.prototype, "throw", PY_THROW);

/** `await agen.asend(v)` / `await agen.__anext__()`. */
export class AsyncGenASend extends AsyncGenOp {
  private _sendValue: unknown;

  constructor(agen: AsyncGenerator, value: unknown) {
    super(agen);
    this._sendValue = value;
  }

  __repr__(): string {
    return `<async_generator_asend object at ${hexAddress(this)}>`;
  }
  protected _reuseMessage(): string {
    return "cannot reuse already awaited __anext__()/asend()";
  }

  next(v?: unknown): IteratorResult<unknown, unknown> {
    if (this._opState === 2) {
      throw new RuntimeError(this._reuseMessage());
    }
    if (this._opState === 0) {
      const agen = this._agen;
      if (agen._running_async) {
        this._opState = 2;
        throw new RuntimeError("anext(): asynchronous generator is already running");
      }
      if (agen._state === AG_CLOSED) {
        this._opState = 2;
        throw new StopAsyncIteration();
      }
      // (a first send() of a value other than None sends that value instead of asend()'s)
      const value = v === undefined || v === null ? this._sendValue : v;
      if (agen._state === AG_CREATED && value !== null) {
        this._opState = 2;
        throw new TypeError("can't send non-None value to a just-started async generator");
      }
      this._opState = 1;
      agen._running_async = true;
      return this._drive(false, value);
    }
    return this._drive(false, v);
  }

  protected _on_yield(value: unknown): IteratorResult<unknown, unknown> {
    return { value, done: true };
  }
  protected _on_return(): IteratorResult<unknown, unknown> {
    throw new StopAsyncIteration();
  }
  protected _on_raise(e: unknown): IteratorResult<unknown, unknown> {
    if (e instanceof StopAsyncIteration || e instanceof StopIteration) {
      const err = new RuntimeError(`async generator raised ${e.constructor.name}`);
      // (raised in the generator's frame, the last of the program's: its traceback is that frame)
      err.__cause__ = caughtByLibrary(caughtException(e));
      throw err;
    }
    throw e;
  }
}

/** `await agen.athrow(exc)` and `await agen.aclose()`. */
export class AsyncGenAThrow extends AsyncGenOp {
  private _exc: unknown;
  private _isClose: boolean;
  /** An aclose() whose generator yielded instead of finishing. */
  private _ignoredExit = false;

  constructor(agen: AsyncGenerator, exc: unknown, isClose: boolean) {
    super(agen);
    this._exc = exc;
    this._isClose = isClose;
  }

  __repr__(): string {
    return `<async_generator_athrow object at ${hexAddress(this)}>`;
  }
  protected _reuseMessage(): string {
    return "cannot reuse already awaited aclose()/athrow()";
  }

  /** CPython 3.12 leaves an athrow()/aclose() that throw() finished as it was (unstarted or
   *  iterating): a later send() still runs, and finds the generator over. Only an aclose() whose
   *  generator yielded a value is closed for good. */
  throw(exc: unknown): IteratorResult<unknown, unknown> {
    const before = this._opState;
    try {
      const r = super.throw(exc);
      if (r.done) this._opState = before;
      return r;
    } catch (e) {
      if (!this._ignoredExit) this._opState = before;
      throw e;
    }
  }

  next(v?: unknown): IteratorResult<unknown, unknown> {
    if (this._opState === 2) {
      throw new RuntimeError(this._reuseMessage());
    }
    if (this._opState === 0) {
      const agen = this._agen;
      if (agen._running_async) {
        this._opState = 2;
        throw new RuntimeError(this._isClose ? "aclose(): asynchronous generator is already running" : "athrow(): asynchronous generator is already running");
      }
      if (agen._state === AG_CLOSED || (this._isClose && agen._state === AG_CREATED)) {
        this._opState = 2;
        if (agen._state !== AG_CLOSED) {
          agen._gen.return(undefined);
          agen._closed();
        }
        // (CPython 3.12: athrow() of a finished generator gives None, as aclose() does)
        return { value: null, done: true };
      }
      this._opState = 1;
      agen._running_async = true;
      return this._drive(true, this._isClose ? new GeneratorExit() : this._exc);
    }
    return this._drive(false, v);
  }

  protected _on_yield(value: unknown): IteratorResult<unknown, unknown> {
    if (this._isClose) {
      this._ignoredExit = true;
      throw new RuntimeError("async generator ignored GeneratorExit");
    }
    return { value, done: true };
  }
  protected _on_return(): IteratorResult<unknown, unknown> {
    if (this._isClose) return { value: null, done: true };
    throw new StopAsyncIteration();
  }
  protected _on_raise(e: unknown): IteratorResult<unknown, unknown> {
    if (this._isClose && (e instanceof GeneratorExit || e instanceof StopAsyncIteration)) {
      return { value: null, done: true };
    }
    if (e instanceof StopAsyncIteration || e instanceof StopIteration) {
      const err = new RuntimeError(`async generator raised ${e.constructor.name}`);
      // (raised in the generator's frame, the last of the program's: its traceback is that frame)
      err.__cause__ = caughtByLibrary(caughtException(e));
      throw err;
    }
    throw e;
  }
}

hideJsMember(AsyncGenAThrow.prototype, "throw", PY_THROW);
for (const [cls, name] of [
  [AsyncGenASend, "async_generator_asend"],
  [AsyncGenAThrow, "async_generator_athrow"],
] as const) {
  Object.defineProperty(cls, "__name__", { value: name, configurable: true });
  Object.defineProperty(cls, "__qualname__", { value: name, configurable: true });
  Object.defineProperty(cls, "__module__", { value: "builtins", configurable: true });
}

/**
 * `anext(it, default)`: CPython's anext_awaitable, around what `it.__anext__()` gave. Awaited (or
 * driven by hand: send/throw/close/`__next__`, its `__await__` is itself) it passes everything to
 * that awaitable's iterator, and its StopAsyncIteration becomes the result `default`.
 */
export class AnextAwaitable implements Iterator<unknown, unknown, unknown> {
  private _it: Iterator<unknown, unknown, unknown> | null = null;
  constructor(
    private readonly _wrapped: unknown,
    private readonly _default: unknown,
  ) {}

  private _iter(): Iterator<unknown, unknown, unknown> {
    return (this._it ??= awaitable(this._wrapped)[Symbol.iterator]());
  }
  private _step(f: (it: Iterator<unknown, unknown, unknown>) => IteratorResult<unknown, unknown>): IteratorResult<unknown, unknown> {
    try {
      return f(this._iter());
    } catch (e) {
      if (e instanceof StopAsyncIteration) return { value: this._default, done: true };
      throw e;
    }
  }
  next(v?: unknown): IteratorResult<unknown, unknown> {
    return this._step((it) => it.next(v));
  }
  throw(e?: unknown): IteratorResult<unknown, unknown> {
    return this._step((it) =>
      it.throw
        ? it.throw(e)
        : ((): never => {
            throw e;
          })(),
    );
  }
  return(v?: unknown): IteratorResult<unknown, unknown> {
    return this._step((it) => (it.return ? it.return(v) : { value: v, done: true }));
  }
  [Symbol.iterator](): this {
    return this;
  }
  __await__(): this {
    return this;
  }
  __iter__(): this {
    return this;
  }
  /** Python's send(): the next value, or StopIteration(result). */
  send(v: unknown): unknown {
    return AnextAwaitable._py(this.next(v));
  }
  __next__(): unknown {
    return this.send(null);
  }
  [PY_THROW](typ: unknown, ...rest: unknown[]): unknown {
    return AnextAwaitable._py(this.throw(_thrown_exception("throw", typ, rest)));
  }
  close(): void {
    const it = this._iter() as { close?: () => void; return?: (v?: unknown) => unknown };
    if (typeof it.close === "function") it.close();
    else it.return?.(undefined);
  }
  private static _py(r: IteratorResult<unknown, unknown>): unknown {
    if (r.done) throw r.value === undefined || r.value === null ? new StopIteration() : new StopIteration(r.value);
    return r.value;
  }
  __repr__(): string {
    return `<anext_awaitable object at ${hexAddress(this)}>`;
  }
}
hideJsMember(AnextAwaitable.prototype, "throw", PY_THROW);
Object.defineProperty(AnextAwaitable, "__name__", { value: "anext_awaitable", configurable: true });
Object.defineProperty(AnextAwaitable, "__qualname__", { value: "anext_awaitable", configurable: true });
Object.defineProperty(AnextAwaitable, "__module__", { value: "builtins", configurable: true });

/** Marks the functions async_generator_function() makes (inspect.isasyncgenfunction). */
export const ASYNC_GENERATOR_FUNCTION: unique symbol = Symbol("async generator function");

/** inspect.isasyncgenfunction: an `async def` with `yield`, or a bound method of one. */
export function is_async_generator_function(f: unknown): boolean {
  if (typeof f !== "function") return false;
  const fn = ((f as { __func__?: unknown }).__func__ ?? f) as { [ASYNC_GENERATOR_FUNCTION]?: boolean };
  return fn[ASYNC_GENERATOR_FUNCTION] === true;
}

/** Wraps the compiler's generator function for an `async def` containing `yield`. */
export function async_generator_function<A extends unknown[]>(
  genFn: (...args: A) => Gen,
  code: CodeInfo,
): ((...args: A) => AsyncGenerator) & { __name__: string; __qualname__: string; __code__: CodeObject } {
  const co = makeCode(code);
  const f = function (this: unknown) {
    // eslint-disable-next-line prefer-rest-params
    return new AsyncGenerator(genFn.apply(this, arguments as unknown as A), co);
  };
  Object.defineProperty(f, "name", { value: co.co_name, configurable: true });
  Object.defineProperty(f, "__name__", { value: co.co_name, writable: true, configurable: true });
  Object.defineProperty(f, "__qualname__", { value: co.co_qualname, writable: true, configurable: true });
  Object.defineProperty(f, "__code__", { value: co, writable: true, configurable: true });
  Object.defineProperty(f, "__signature_source__", { value: genFn });
  Object.defineProperty(f, ASYNC_GENERATOR_FUNCTION, { value: true });
  if (code.doc !== undefined) Object.defineProperty(f, "__doc__", { value: code.doc, writable: true, configurable: true });
  return f as unknown as ((...args: A) => AsyncGenerator) & { __name__: string; __qualname__: string; __code__: CodeObject };
}

/**
 * The end of `async for x in agen_fn(...)` (an async generator of the program, held by nothing but
 * the loop) by break or return: CPython frees the generator there, and the running loop's
 * finalizer hook schedules a task for its aclose() (base_events._asyncgen_finalizer_hook), so its
 * `finally` runs an iteration later, not at asyncio.run()'s shutdown. An exception leaving the loop
 * keeps it (the traceback's frame holds it), as does anything that is not such a generator.
 */
export function agen_dropped(it: unknown): void {
  if (it instanceof AsyncGenerator) it._dropped();
}

/** inspect.isasyncgen */
export function isasyncgen(x: unknown): x is AsyncGenerator {
  return x instanceof AsyncGenerator;
}
