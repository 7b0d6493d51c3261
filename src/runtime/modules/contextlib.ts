// contextlib: contextmanager, asynccontextmanager, suppress, closing, aclosing, nullcontext,
// redirect_stdout/redirect_stderr, ExitStack, AsyncExitStack, ContextDecorator, AsyncContextDecorator.
//
// Translated code drives context managers through `mgr.__enter__()` / `mgr.__exit__(type, exc, tb)`
// and `yield* awaitable(mgr.__aenter__())` / `mgr.__aexit__(...)`: the async methods here return
// Coroutines wrapping JS generators.
import { update_wrapper } from "./functools.js";
import { ABC, abstractmethod, update_abstractmethods } from "./abc.js";
import { mro_of } from "../builtins/mro.js";
import {
  BaseException,
  RuntimeError,
  StopIteration,
  StopAsyncIteration,
  TypeError,
  caughtByLibrary,
  caughtException,
  cutContext,
  raisedAgain,
  tracebackRestorer,
  wasRaised,
} from "../builtins/exceptions.js";
import { handled_exception, set_handled_exception } from "../thread-state.js";
import { PyObject, popKw, KwArgs, classModule, classQualname } from "../builtins/object.js";
import { call, getattr, truthy, typeName, pytype } from "../builtins/ops.js";
import { stdio } from "../builtins/functions.js";
import { chdir as osChdir, getcwd } from "./os.js";
import { Coroutine, awaitable, makeCode } from "../asyncio/coroutines.js";

type Gen = Generator<unknown, unknown, unknown>;

/** The coroutine an `async def` method of contextlib would return. */
function coro(gen: Gen, qualname: string): Coroutine<unknown> {
  return new Coroutine<unknown>(gen, makeCode({ qualname, filename: "contextlib.py", firstlineno: 0 }));
}

function matches(exc: unknown, types: unknown[]): boolean {
  return types.some((t) =>
    t instanceof Array ? matches(exc, t) : typeof t === "function" && exc !== null && typeof exc === "object" && exc instanceof (t as new () => unknown),
  );
}

function instantiate(typ: unknown, exc: unknown): unknown {
  if (exc !== null && exc !== undefined) return exc;
  if (typeof typ === "function") return new (typ as new () => unknown)();
  return typ;
}

function named<T extends Function>(f: T, like: Function): T {
  const n = (like as { __name__?: string }).__name__ ?? like.name;
  const q = (like as { __qualname__?: string }).__qualname__ ?? n;
  Object.defineProperty(f, "name", { value: n, configurable: true });
  Object.defineProperty(f, "__name__", { value: n, configurable: true, writable: true });
  Object.defineProperty(f, "__qualname__", { value: q, configurable: true, writable: true });
  Object.defineProperty(f, "__wrapped__", { value: like, configurable: true, writable: true });
  // (@wraps(func) in CPython: the docstring, annotations and the def's own attributes too)
  update_wrapper(f, like);
  // Keywords the compiler could not bind (`async_open(path, mode="w")`) bind to the wrapped def's parameters.
  const source = (like as { __signature_source__?: Function }).__signature_source__ ?? like;
  Object.defineProperty(f, "__signature_source__", { value: source, configurable: true });
  return f;
}

// ───────────── base classes ─────────────

export class AbstractContextManager extends ABC {
  __enter__(): unknown {
    return this;
  }
  __exit__(_t: unknown, _e: unknown, _tb: unknown): unknown {
    return null;
  }
}
Object.defineProperty(AbstractContextManager, "__module__", { value: "contextlib" });

export class AbstractAsyncContextManager extends ABC {
  __aenter__(): unknown {
    const self = this;
    return coro(
      (function* () {
        return self;
      })(),
      "AbstractAsyncContextManager.__aenter__",
    );
  }
  __aexit__(_t: unknown, _e: unknown, _tb: unknown): unknown {
    return coro(
      (function* () {
        return null;
      })(),
      "AbstractAsyncContextManager.__aexit__",
    );
  }
}
Object.defineProperty(AbstractAsyncContextManager, "__module__", { value: "contextlib" });

// Both are ABCs (ABCMeta): `__exit__`/`__aexit__` abstract, and any class with both methods (none of
// them set to None along its MRO) counts as one without inheriting it (their __subclasshook__).
for (const [abc, methods] of [
  [AbstractContextManager, ["__enter__", "__exit__"]],
  [AbstractAsyncContextManager, ["__aenter__", "__aexit__"]],
] as const) {
  abstractmethod((abc.prototype as unknown as Record<string, unknown>)[methods[1]]);
  update_abstractmethods(abc);
  const subclasscheck = function (this: Function, c: unknown): boolean {
    if (typeof c !== "function") throw new TypeError("issubclass() arg 1 must be a class");
    if (c === this || mro_of(c).includes(this)) return true;
    // (the hook is the ABC's own: a subclass of it answers by inheritance only)
    return this === abc && methods.every((m) => methodAlongMro(c, m));
  };
  const statics = {
    __subclasscheck__: subclasscheck,
    __instancecheck__(this: Function, x: unknown): boolean {
      return subclasscheck.call(this, pytype(x));
    },
  };
  for (const [key, value] of Object.entries(statics)) Object.defineProperty(abc, key, { value, writable: true, configurable: true });
}

/** CPython's _check_methods: the first class of `c`'s MRO whose body has `name` does not set it to None. */
function methodAlongMro(c: Function, name: string): boolean {
  for (const k of mro_of(c)) {
    const owner = k.prototype as object | undefined;
    if (owner !== undefined && Object.prototype.hasOwnProperty.call(owner, name)) return (owner as Record<string, unknown>)[name] !== null;
  }
  return false;
}

/**
 * What a manager's exit raised while `exc` passed through it (the decorator forms below run the
 * exit as a with statement does, with `exc` handled): `exc` is its context.
 */
function chainedTo(raised: unknown, exc: BaseException): unknown {
  if (raised instanceof BaseException && raised !== exc && raised.__context__ === null) raised.__context__ = exc;
  return raised;
}

/** A context manager usable as a decorator: `@cm()` wraps the function in `with cm():`. */
export class ContextDecorator extends PyObject {
  _recreate_cm(): ContextManagerLike {
    return this as unknown as ContextManagerLike;
  }
  __call__(func: Function): Function {
    const self = this;
    return named(function (this: unknown, ...args: unknown[]) {
      const cm = self._recreate_cm();
      cm.__enter__();
      let ok = true;
      try {
        return func.apply(this, args);
      } catch (e) {
        ok = false;
        const exc = caughtException(e);
        const outer = set_handled_exception(exc);
        try {
          if (!truthy(cm.__exit__(pytype(exc), exc, null))) throw exc;
        } catch (raised) {
          throw chainedTo(raised, exc);
        } finally {
          set_handled_exception(outer);
        }
        return null;
      } finally {
        if (ok) cm.__exit__(null, null, null);
      }
    }, func);
  }
}
Object.defineProperty(ContextDecorator, "__module__", { value: "contextlib" });

interface ContextManagerLike {
  __enter__(): unknown;
  __exit__(t: unknown, e: unknown, tb: unknown): unknown;
}

// ───────────── @contextmanager ─────────────

export class _GeneratorContextManager extends ContextDecorator {
  declare gen: Gen;
  declare func: Function;
  declare args: unknown[];
  __init__(func: Function, args: unknown[], thisArg: unknown): void {
    this.func = func;
    this.args = args;
    this.gen = func.apply(thisArg, args) as Gen;
  }
  _recreate_cm(): ContextManagerLike {
    return new _GeneratorContextManager(this.func, this.args, null);
  }
  __enter__(): unknown {
    const r = this.gen.next();
    if (r.done) throw new RuntimeError("generator didn't yield");
    return r.value === undefined ? null : r.value;
  }
  __exit__(typ: unknown, exc: unknown, _tb: unknown): boolean {
    if (typ === null || typ === undefined) {
      const r = this.gen.next();
      if (!r.done) {
        this.gen.return(undefined);
        throw new RuntimeError("generator didn't stop");
      }
      return false;
    }
    const value = instantiate(typ, exc);
    const restore = thrownIntoGenerator(value, _GeneratorContextManager.prototype.__exit__);
    let r: IteratorResult<unknown, unknown>;
    try {
      r = this.gen.throw(value);
    } catch (e) {
      if (e === value) {
        restore();
        return false;
      }
      // (a StopIteration thrown in comes back wrapped in a RuntimeError: that one is not suppressed
      // either; any other RuntimeError raised from the exception is the generator's own, and goes on)
      if (value instanceof StopIteration && e instanceof RuntimeError && e.__cause__ === value) return false;
      if (e instanceof BaseException && e.__context__ === null && e !== value && value instanceof BaseException) e.__context__ = value;
      throw e;
    }
    if (!r.done) {
      this.gen.return(undefined);
      throw new RuntimeError("generator didn't stop after throw()");
    }
    return true;
  }
}
Object.defineProperty(_GeneratorContextManager, "__module__", { value: "contextlib" });

/**
 * The exception passing through a `with` is thrown into the manager's generator at its `yield`:
 * its traceback gains the frames of the throw (CPython's also has the generator's frame at the
 * yield, which only a debugger could tell here: left out). Returns what puts the traceback back.
 */
function thrownIntoGenerator(value: unknown, from: Function): () => void {
  if (!(value instanceof BaseException) || !wasRaised(value)) return () => {};
  const restore = tracebackRestorer(value);
  raisedAgain(value, from);
  return restore;
}

/** `@contextmanager`: a generator function becomes a context-manager factory. */
export function contextmanager(func: Function): Function {
  return named(function (this: unknown, ...args: unknown[]) {
    return new _GeneratorContextManager(func, args, this);
  }, func);
}

// ───────────── @asynccontextmanager ─────────────

interface AsyncGen {
  __anext__(): Iterable<unknown> & Iterator<unknown>;
  athrow(typ: unknown, val?: unknown, tb?: unknown): Iterable<unknown> & Iterator<unknown>;
  aclose(): Iterable<unknown> & Iterator<unknown>;
}

export class _AsyncGeneratorContextManager extends PyObject {
  declare gen: AsyncGen;
  declare func: Function;
  declare args: unknown[];
  __init__(func: Function, args: unknown[], thisArg: unknown): void {
    // (CPython's: the generator function's docstring, else the class's)
    Object.defineProperty(this, "__doc__", { value: getattr(func, "__doc__", null), writable: true, configurable: true, enumerable: true });
    this.func = func;
    this.args = args;
    const g = func.apply(thisArg, args);
    if (g === null || typeof g !== "object" || typeof (g as AsyncGen).__anext__ !== "function") {
      throw new TypeError(`'${typeName(g)}' object is not an async generator`);
    }
    this.gen = g as AsyncGen;
  }
  __aenter__(): Coroutine<unknown> {
    const gen = this.gen;
    return coro(
      (function* (): Gen {
        try {
          return yield* awaitable(gen.__anext__());
        } catch (e) {
          if (e instanceof StopAsyncIteration) throw new RuntimeError("generator didn't yield");
          throw e;
        }
      })(),
      "_AsyncGeneratorContextManager.__aenter__",
    );
  }
  __aexit__(typ: unknown, exc: unknown, _tb: unknown): Coroutine<unknown> {
    const gen = this.gen;
    return coro(
      (function* (): Gen {
        if (typ === null || typ === undefined) {
          try {
            yield* awaitable(gen.__anext__());
          } catch (e) {
            if (e instanceof StopAsyncIteration) return false;
            throw e;
          }
          return yield* closedThenRaised(gen, "generator didn't stop");
        }
        const value = instantiate(typ, exc);
        const restore = thrownIntoGenerator(value, thrownIntoGenerator);
        try {
          yield* awaitable(gen.athrow(value));
        } catch (e) {
          if (e instanceof StopAsyncIteration) return e !== value;
          if (e === value) {
            restore();
            return false;
          }
          if ((value instanceof StopIteration || value instanceof StopAsyncIteration) && e instanceof RuntimeError && e.__cause__ === value) return false;
          throw e;
        }
        return yield* closedThenRaised(gen, "generator didn't stop after athrow()");
      })(),
      "_AsyncGeneratorContextManager.__aexit__",
    );
  }
  /** Used as a decorator of a coroutine function. */
  __call__(func: Function): Function {
    return decorateCoroutineFunction(() => new _AsyncGeneratorContextManager(this.func, this.args, null), func);
  }
}
Object.defineProperty(_AsyncGeneratorContextManager, "__module__", { value: "contextlib" });

/** A generator that yielded again is closed before its RuntimeError goes on (CPython 3.12: `finally: await self.gen.aclose()`). */
function* closedThenRaised(gen: { aclose(): unknown }, message: string): Gen {
  const err = new RuntimeError(message);
  try {
    yield* awaitable(gen.aclose());
  } catch (e) {
    // (what aclose raises replaces it, with it as its context)
    if (e instanceof BaseException && e.__context__ === null) e.__context__ = err;
    throw e;
  }
  throw err;
}

interface AsyncContextManagerLike {
  __aenter__(): unknown;
  __aexit__(t: unknown, e: unknown, tb: unknown): unknown;
}

/** A coroutine function whose every call runs inside `async with makeCm():` (a fresh manager per call). */
function decorateCoroutineFunction(makeCm: () => AsyncContextManagerLike, func: Function): Function {
  return named(function (this: unknown, ...args: unknown[]) {
    const thisArg = this;
    const cm = makeCm();
    return coro(
      (function* (): Gen {
        yield* awaitable(cm.__aenter__());
        let result: unknown;
        try {
          result = yield* awaitable(func.apply(thisArg, args));
        } catch (e) {
          const exc = caughtException(e);
          const outer = set_handled_exception(exc);
          try {
            if (!truthy(yield* awaitable(cm.__aexit__(pytype(exc), exc, null)))) throw exc;
          } catch (raised) {
            throw chainedTo(raised, exc);
          } finally {
            set_handled_exception(outer);
          }
          return null;
        }
        yield* awaitable(cm.__aexit__(null, null, null));
        return result;
      })(),
      (func as { __qualname__?: string }).__qualname__ ?? func.name,
    );
  }, func);
}

/** AsyncContextDecorator: a base whose instances, used as decorators of coroutine functions, wrap each call in `async with`. */
export class AsyncContextDecorator extends PyObject {
  _recreate_cm(): AsyncContextManagerLike {
    return this as unknown as AsyncContextManagerLike;
  }
  __call__(func: Function): Function {
    return decorateCoroutineFunction(() => (this as any)._recreate_cm(), func);
  }
}
Object.defineProperty(AsyncContextDecorator, "__module__", { value: "contextlib" });

/** `@asynccontextmanager`: an async generator function becomes an async context-manager factory. */
export function asynccontextmanager(func: Function): Function {
  return named(function (this: unknown, ...args: unknown[]) {
    return new _AsyncGeneratorContextManager(func, args, this);
  }, func);
}

// ───────────── small context managers ─────────────

/** `suppress(*exceptions)`. */
export class suppress extends AbstractContextManager {
  declare _exceptions: unknown[];
  __init__(...excs: unknown[]): void {
    popKw(excs);
    this._exceptions = excs;
  }
  __enter__(): unknown {
    return null;
  }
  __exit__(typ: unknown, exc: unknown, _tb: unknown): boolean {
    if (typ === null || typ === undefined) return false;
    return matches(instantiate(typ, exc), this._exceptions);
  }
}
Object.defineProperty(suppress, "__module__", { value: "contextlib" });

// (os.chdir through a function of its own: the bundle would name both functions `chdir`)
const changeDirectory = (path: unknown): unknown => osChdir(path);

/** `chdir(path)`: the working directory is `path` inside the block, the one before it after (nested uses too). */
export class chdir extends AbstractContextManager {
  declare path: unknown;
  declare _old_cwd: string[];
  __init__(path: unknown): void {
    this.path = path;
    this._old_cwd = [];
  }
  __enter__(): null {
    this._old_cwd.push(getcwd());
    changeDirectory(this.path);
    return null;
  }
  __exit__(..._exc: unknown[]): null {
    changeDirectory(this._old_cwd.pop());
    return null;
  }
}
Object.defineProperty(chdir, "__module__", { value: "contextlib" });

/** `closing(thing)`: calls thing.close() on exit. */
export class closing extends AbstractContextManager {
  declare thing: unknown;
  __init__(thing: unknown): void {
    this.thing = thing;
  }
  __enter__(): unknown {
    return this.thing;
  }
  __exit__(): null {
    const close = (this.thing as { close?: unknown }).close;
    call(typeof close === "function" ? close.bind(this.thing) : close);
    return null;
  }
}
Object.defineProperty(closing, "__module__", { value: "contextlib" });

/** `aclosing(thing)`: awaits thing.aclose() on exit. */
export class aclosing extends AbstractAsyncContextManager {
  declare thing: unknown;
  __init__(thing: unknown): void {
    this.thing = thing;
  }
  __aenter__(): unknown {
    const t = this.thing;
    return coro(
      (function* () {
        return t;
      })(),
      "aclosing.__aenter__",
    );
  }
  __aexit__(): unknown {
    const t = this.thing as { aclose(): unknown };
    return coro(
      (function* (): Gen {
        yield* awaitable(t.aclose());
        return null;
      })(),
      "aclosing.__aexit__",
    );
  }
}
Object.defineProperty(aclosing, "__module__", { value: "contextlib" });

/** `nullcontext(enter_result=None)`, for `with` and `async with`. */
export class nullcontext extends PyObject {
  declare enter_result: unknown;
  __init__(enter_result: unknown = null): void {
    if (enter_result instanceof KwArgs) enter_result = enter_result.kw.enter_result ?? null;
    this.enter_result = enter_result;
  }
  __enter__(): unknown {
    return this.enter_result;
  }
  __exit__(): null {
    return null;
  }
  __aenter__(): unknown {
    const r = this.enter_result;
    return coro(
      (function* () {
        return r;
      })(),
      "nullcontext.__aenter__",
    );
  }
  __aexit__(): unknown {
    return coro(
      (function* () {
        return null;
      })(),
      "nullcontext.__aexit__",
    );
  }
}
Object.defineProperty(nullcontext, "__module__", { value: "contextlib" });

class RedirectStream extends AbstractContextManager {
  declare _new_target: unknown;
  declare _old: unknown[];
  _stream(): "stdout" | "stderr" {
    return "stdout";
  }
  __init__(new_target: unknown): void {
    this._new_target = new_target;
    this._old = [];
  }
  __enter__(): unknown {
    const s = this._stream();
    this._old.push(stdio[s]);
    stdio[s] = this._new_target;
    return this._new_target;
  }
  __exit__(): null {
    stdio[this._stream()] = this._old.pop();
    return null;
  }
}

export class redirect_stdout extends RedirectStream {}
Object.defineProperty(redirect_stdout, "__module__", { value: "contextlib" });
export class redirect_stderr extends RedirectStream {
  _stream(): "stdout" | "stderr" {
    return "stderr";
  }
}
Object.defineProperty(redirect_stderr, "__module__", { value: "contextlib" });

// ───────────── ExitStack ─────────────

type ExitCb = { isSync: boolean; fn: (t: unknown, e: unknown, tb: unknown) => unknown };

function noProtocol(cm: unknown, asyncProto: boolean): TypeError {
  const t = pytype(cm);
  return new TypeError(`'${classModule(t)}.${classQualname(t)}' object does not support the ${asyncProto ? "asynchronous " : ""}context manager protocol`);
}

function method(obj: unknown, name: string): ((...a: unknown[]) => unknown) | null {
  if (obj === null || obj === undefined) return null;
  const f = (obj as Record<string, unknown>)[name];
  return typeof f === "function" ? (f as (...a: unknown[]) => unknown).bind(obj) : null;
}

class BaseExitStack extends PyObject {
  declare _exit_callbacks: ExitCb[];
  __init__(): void {
    this._exit_callbacks = [];
  }
  protected _push(fn: ExitCb["fn"], isSync = true): void {
    this._exit_callbacks.push({ isSync, fn });
  }
  pop_all(): this {
    const n = Reflect.construct(this.constructor, []) as this;
    n._exit_callbacks = this._exit_callbacks;
    this._exit_callbacks = [];
    return n;
  }
  push(exit: unknown): unknown {
    const m = method(exit, "__exit__");
    if (m) this._push(m);
    else this._push((t, e, tb) => call(exit, t, e, tb));
    return exit;
  }
  enter_context(cm: unknown): unknown {
    const enter = method(cm, "__enter__");
    const exit = method(cm, "__exit__");
    if (!enter || !exit) throw noProtocol(cm, false);
    const result = enter();
    this._push(exit);
    return result;
  }
  callback(fn: unknown, ...args: unknown[]): unknown {
    const k = popKw(args);
    this._push(() => {
      if (k) call(fn, ...args, new KwArgs(k));
      else call(fn, ...args);
      return null;
    });
    return fn;
  }
}

/** Unwinds callbacks LIFO the way ExitStack.__exit__ does; `run` calls one callback. */
function* unwind(stack: BaseExitStack, typ: unknown, exc: unknown, tb: unknown, run: (cb: ExitCb, t: unknown, e: unknown, tb: unknown) => Gen): Gen {
  const received = typ !== null && typ !== undefined;
  // What was being handled when __exit__ began (the body's exception, from a with statement).
  const handledAtStart = handled_exception() as BaseException | null;
  let pending = false;
  let suppressed = false;
  let cur: unknown = received ? instantiate(typ, exc) : null;
  let curType: unknown = received ? typ : null;
  let curTb = tb;
  while (stack._exit_callbacks.length) {
    const cb = stack._exit_callbacks.pop()!;
    try {
      const r = yield* run(cb, curType, cur, curTb);
      if (truthy(r)) {
        suppressed = true;
        pending = false;
        cur = null;
        curType = null;
        curTb = null;
      }
    } catch (e) {
      // (caught in contextlib's frame: the traceback is the callback's frames)
      const raised = caughtByLibrary(caughtException(e));
      chainToPrevious(raised, cur instanceof BaseException ? cur : null, handledAtStart);
      pending = true;
      cur = raised;
      curType = pytype(raised);
      curTb = null;
    }
  }
  if (pending) throw cur;
  return received && suppressed;
}

/**
 * A callback's exception gets the previous callback's (or the exception the stack was given) as
 * its context, as CPython's ExitStack arranges it: the link of its __context__ chain that names
 * the exception handled when __exit__ began is pointed at `previous` instead; a chain that ends
 * in None stays so. (The runtime sets __context__ where an except block lets an exception go, not
 * at the raise: an empty __context__ here stands for the exception handled when __exit__ began.)
 */
function chainToPrevious(e: BaseException, previous: BaseException | null, handledAtStart: BaseException | null): void {
  let link = e;
  const seen = new Set<BaseException>([e]);
  for (;;) {
    const context = link.__context__ ?? handledAtStart;
    if (context === null) return;
    if (context === previous) {
      if (link !== previous) link.__context__ = previous;
      return;
    }
    if (context === handledAtStart) break;
    if (seen.has(context)) return;
    seen.add(context);
    link = context;
  }
  if (link === previous) return;
  if (previous === null) cutContext(link);
  else link.__context__ = previous;
}

export class ExitStack extends BaseExitStack {
  __enter__(): this {
    return this;
  }
  __exit__(typ: unknown, exc: unknown, tb: unknown): boolean {
    const g = unwind(this, typ, exc, tb, function* (cb, t, e, b) {
      return cb.fn(t, e, b);
    });
    const r = g.next();
    return r.value as boolean;
  }
  close(): null {
    this.__exit__(null, null, null);
    return null;
  }
}
Object.defineProperty(ExitStack, "__module__", { value: "contextlib" });

export class AsyncExitStack extends BaseExitStack {
  enter_async_context(cm: unknown): Coroutine<unknown> {
    const enter = method(cm, "__aenter__");
    const exit = method(cm, "__aexit__");
    const self = this;
    return coro(
      (function* (): Gen {
        if (!enter || !exit) throw noProtocol(cm, true);
        const result = yield* awaitable(enter());
        self._push(exit, false);
        return result;
      })(),
      "AsyncExitStack.enter_async_context",
    );
  }
  push_async_exit(exit: unknown): unknown {
    const m = method(exit, "__aexit__");
    if (m) this._push(m, false);
    else this._push((t, e, tb) => call(exit, t, e, tb), false);
    return exit;
  }
  push_async_callback(fn: unknown, ...args: unknown[]): unknown {
    const k = popKw(args);
    this._push(() => {
      const aw = k ? call(fn, ...args, new KwArgs(k)) : call(fn, ...args);
      return coro(
        (function* (): Gen {
          yield* awaitable(aw);
          return null;
        })(),
        "_exit_wrapper",
      );
    }, false);
    return fn;
  }
  aclose(): Coroutine<unknown> {
    return this.__aexit__(null, null, null);
  }
  __aenter__(): Coroutine<unknown> {
    const self = this;
    return coro(
      (function* () {
        return self;
      })(),
      "AsyncExitStack.__aenter__",
    );
  }
  __aexit__(typ: unknown, exc: unknown, tb: unknown): Coroutine<unknown> {
    return coro(
      unwind(this, typ, exc, tb, function* (cb, t, e, b): Gen {
        const r = cb.fn(t, e, b);
        return cb.isSync ? r : yield* awaitable(r);
      }),
      "AsyncExitStack.__aexit__",
    );
  }
}
Object.defineProperty(AsyncExitStack, "__module__", { value: "contextlib" });

void StopIteration;

// (the runtime's managers define the abstract methods: they are concrete)
for (const c of [suppress, chdir, closing, aclosing, RedirectStream, redirect_stdout, redirect_stderr]) update_abstractmethods(c);
