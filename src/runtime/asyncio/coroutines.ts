// Coroutine objects: the compiler's `async def` lowering lands here (design.md §3).
//
//   async def f(a): ...   ⇒   const f = coroutine_function(function* f(a) { ... }, { qualname: "f", filename, firstlineno })
//   await x               ⇒   yield* x                (x a call of a known coroutine function)
//                         ⇒   yield* awaitable(x)     (anything else)
//
// A Coroutine is lazy: the generator body does not run until a Task steps it or another coroutine
// delegates to it with `yield*`. Iterating it (Symbol.iterator) hands out the generator itself, so
// an await chain costs one generator per call and no wrapper frames.
//
// Invariant: a Coroutine is handed out (iterated or given to a Task) at most once; a second await
// raises RuntimeError('cannot reuse already awaited coroutine').
// Coroutines never handed out are reported as "never awaited" (see _warnings.ts).
//
// CPython: Objects/genobject.c (coroutine objects), Lib/asyncio/coroutines.py (3.12).
import { GeneratorExit, RuntimeError, StopIteration, TypeError, ValueError, caughtException, hexAddress, typeName } from "./_compat.js";
import { _typename } from "./_util.js";
import { BOUND_METHOD_MARKS } from "../builtins/ops.js";
import { PyObject } from "../builtins/object.js";
import { DROPPED_HERE, NOT_ITERABLE, PY_THROW } from "../builtins/protocol.js";
import { hideJsMember } from "../builtins/js-names.js";
import { current_location } from "../program-info.js";
import { host } from "../host.js";
import { _warn_at, _warn_unawaited } from "./_warnings.js";
import { resume_handled as _resume_handled, suspend_handled as _suspend_handled } from "../thread-state.js";
import { _code_object, _live_frame, type CodeType, type FrameType } from "../modules/_traceback_objects.js";
import { _python_version } from "./events.js";
import { GeneratorType } from "../builtins/functions.js";

export { iscoroutine, iscoroutinefunction, coroutine, coroutine_function, awaitable, legacy_yield_from, discard, Coroutine };

/** What the compiler passes for every `async def`. */
export interface CodeInfo {
  qualname: string;
  filename: string;
  firstlineno: number;
  /** The docstring, when the program reads some `__doc__` (the function's `__doc__`). */
  doc?: string;
  /** A generator-based coroutine (`@asyncio.coroutine` / `@types.coroutine` def): see LegacyGeneratorPrototype. */
  legacy?: boolean;
  /** A legacy one made by `@types.coroutine`: without asyncio's `_is_coroutine` mark. */
  unmarked?: boolean;
}

/** A Python-like code object (`cr_code`), built once per coroutine function. */
export interface CodeObject {
  readonly co_name: string;
  readonly co_qualname: string;
  readonly co_filename: string;
  /** An int, as Python sees it (a bigint). */
  readonly co_firstlineno: bigint;
}

/** @internal a code object from the compiler's CodeInfo */
export function makeCode(code: CodeInfo): CodeObject {
  const q = code.qualname;
  const dot = q.lastIndexOf(".");
  return Object.freeze({
    co_name: dot >= 0 ? q.slice(dot + 1) : q,
    co_qualname: q,
    co_filename: code.filename,
    co_firstlineno: BigInt(code.firstlineno),
  });
}

/**
 * The exception `throw(typ, val=None, tb=None)` / `athrow(...)` raises in: an instance as it is, a
 * class called with `val` (an instance of it as it is, a tuple as the arguments). CPython 3.12
 * deprecates passing more than the exception (a DeprecationWarning, once per calling line).
 */
export function _thrown_exception(method: "throw" | "athrow", typ: unknown, rest: readonly unknown[]): unknown {
  if (rest.length > 0) {
    const where = current_location();
    if (where !== null)
      _warn_at(
        where.filename,
        where.lineno,
        `the (type, exc, tb) signature of ${method}() is deprecated, use the single-arg signature instead.`,
        "DeprecationWarning",
        true,
      );
  }
  const val = rest.length > 0 ? rest[0] : null;
  if (typeof typ !== "function") {
    if (val !== null && val !== undefined) throw new TypeError("instance exception may not have a separate value");
    return typ;
  }
  const cls = typ as new (...args: unknown[]) => unknown;
  if (val instanceof cls) return val;
  if (val === null || val === undefined) return new cls();
  if (Array.isArray(val)) return new cls(...val);
  return new cls(val);
}

// Coroutine states (CPython: FRAME_CREATED / FRAME_SUSPENDED / FRAME_EXECUTING / FRAME_COMPLETED).
export const CORO_CREATED = 0;
/** Created and never handed out (not iterated, driven, closed, given to a Task or reported): `_awaited` is false only here. */
export const CORO_FRESH = -1;
export const CORO_SUSPENDED = 1;
export const CORO_RUNNING = 2;
export const CORO_CLOSED = 3;

/** The generator protocol as the Task uses it. */
export type CoroGen<T = unknown> = Generator<unknown, T, unknown>;

/** The result of `async def` called: a lazy, single-use awaitable. */
/**
 * PEP 479: a StopIteration escaping a coroutine's body becomes RuntimeError("coroutine raised
 * StopIteration"), caused by it. Applied where a coroutine's generator is driven (Task steps,
 * send/throw); a coroutine awaited inside another is delegated to with `yield*`, so its
 * StopIteration reaches the awaiting task (or send) before it is converted.
 */
export function _coroutine_stop(e: unknown): unknown {
  if (!(e instanceof StopIteration)) return e;
  const r = new RuntimeError("coroutine raised StopIteration");
  r.__cause__ = caughtException(e);
  r.__context__ = e;
  return r;
}

class Coroutine<T = unknown> implements Iterable<unknown> {
  /** @internal the generator the compiler emitted */
  _gen: CoroGen<T>;
  /** @internal */
  _code: CodeObject;
  /** The exception an except block it is suspended in handles (see _resume). */
  declare _handled: unknown;
  /**
   * @internal CORO_* state; CORO_SUSPENDED once handed out by delegation (its progress is then not
   * tracked). CORO_FRESH is CORO_CREATED not handed out yet: one field for both (memory per task).
   */
  _state: number;

  constructor(gen: CoroGen<T>, code: CodeObject) {
    this._gen = gen;
    this._code = code;
    this._state = CORO_FRESH;
    _trackUnstarted(this);
  }

  /** `await coro`: hand the generator out for `yield*` delegation (once). */
  [Symbol.iterator](): CoroGen<T> {
    if (this._state !== CORO_FRESH) {
      throw awaitedAgainError(this._state, this._gen);
    }
    this._state = CORO_SUSPENDED;
    _untrackStarted(this);
    return this._gen;
  }

  /** Python's `coroutine.__await__()`: an iterator over the same generator. */
  __await__(): CoroGen<T> {
    const it = this[Symbol.iterator]();
    if ((it as unknown) !== this) return it;
    // A self-iterating coroutine (sleep(0)...) hands itself out once: what `__await__()` gives is
    // iterated again by `yield from` (`iter()` of it must be it), so it gets a view of its own.
    return awaitView(it);
  }

  /** @internal true once iterated, driven, closed, given to a Task or reported: no "never awaited" warning */
  get _awaited(): boolean {
    return this._state !== CORO_FRESH;
  }
  set _awaited(awaited: boolean) {
    if (awaited) {
      if (this._state === CORO_FRESH) this._state = CORO_CREATED;
    } else if (this._state === CORO_CREATED) this._state = CORO_FRESH;
  }

  get __name__(): string {
    return this._code.co_name;
  }
  get __qualname__(): string {
    return this._code.co_qualname;
  }
  get cr_code(): CodeType {
    return _code_object(this._code);
  }
  get cr_running(): boolean {
    return this._state === CORO_RUNNING;
  }
  /** Started and waiting at an `await` (3.11's cr_suspended). */
  get cr_suspended(): boolean {
    return this._state === CORO_SUSPENDED;
  }
  /** A stand-in for the frame: non-null while the coroutine can still run. */
  get cr_frame(): FrameType | null {
    return this._state === CORO_CLOSED ? null : _live_frame(this, this._code, _current_line as (c: object) => number);
  }
  get cr_await(): null {
    return null;
  }

  /** Python's `coroutine.send(value)`: raises StopIteration(result) when the coroutine returns. */
  send(value: unknown): unknown {
    if (this._state <= CORO_CREATED && value !== null && value !== undefined) {
      throw new TypeError("can't send non-None value to a just-started coroutine");
    }
    return this._resume(false, value);
  }

  /** Python's `coroutine.throw(exc)`. */
  throw(typ: unknown, ...rest: unknown[]): unknown {
    return this._resume(true, rest.length === 0 && typeof typ !== "function" ? typ : _thrown_exception("throw", typ, rest));
  }

  /** Python's `coroutine.close()`: throws GeneratorExit in, so `except`/`finally` blocks run. */
  close(): void {
    const st = this._state;
    if (st === CORO_CLOSED) return;
    if (st === CORO_RUNNING) throw new ValueError("coroutine already executing");
    this._state = CORO_CLOSED;
    if (st <= CORO_CREATED) {
      this._gen.return(undefined as T);
      return;
    }
    let r: IteratorResult<unknown, T>;
    try {
      r = this._gen.throw(new GeneratorExit());
    } catch (e) {
      if (e instanceof GeneratorExit || e instanceof StopIteration) return;
      throw e;
    }
    if (!r.done) {
      this._gen.return(undefined as T);
      throw new RuntimeError("coroutine ignored GeneratorExit");
    }
  }

  private _resume(isThrow: boolean, v: unknown): unknown {
    const st = this._state;
    if (st === CORO_RUNNING) throw new ValueError("coroutine already executing");
    if (st === CORO_CLOSED) {
      if (isThrow) throw v;
      throw new RuntimeError("cannot reuse already awaited coroutine");
    }
    this._state = CORO_RUNNING;
    let r: IteratorResult<unknown, T>;
    // (an except block it is suspended in handles its exception only while it runs)
    const outerHandled = _resume_handled(this._handled);
    try {
      r = isThrow ? this._gen.throw(v) : this._gen.next(v);
    } catch (e) {
      this._handled = _suspend_handled(outerHandled);
      this._state = CORO_CLOSED;
      throw _coroutine_stop(e);
    }
    this._handled = _suspend_handled(outerHandled);
    if (r.done) {
      this._state = CORO_CLOSED;
      throw r.value === undefined || r.value === null ? new StopIteration() : new StopIteration(r.value);
    }
    this._state = CORO_SUSPENDED;
    return r.value;
  }

  __repr__(): string {
    return `<coroutine object ${this._code.co_qualname} at ${hexAddress(this)}>`;
  }
  toString(): string {
    return this.__repr__();
  }
}
Object.defineProperty(Coroutine, "__name__", { value: "coroutine", configurable: true });
Object.defineProperty(Coroutine, "__module__", { value: "builtins", configurable: true });
// `await` iterates a coroutine (Symbol.iterator); Python's iter() and `for` do not.
Object.defineProperty(Coroutine.prototype, NOT_ITERABLE, { value: true });
// A plain generator's `yield from coro()` refuses the coroutine, which CPython then collects at once.
Object.defineProperty(Coroutine.prototype, DROPPED_HERE, {
  value(this: Coroutine) {
    const where = current_location();
    if (where) discard(this, where.lineno, where.filename);
  },
});

/** Marker CPython puts on legacy `@coroutine` functions; we put it on every coroutine function. */
export const _is_coroutine = Symbol("_is_coroutine");
BOUND_METHOD_MARKS.add(_is_coroutine);

// ---------------------------------------------------------------------------------------------
// Compiled coroutines: the generator is the coroutine object

const GeneratorPrototype = Object.getPrototypeOf(function* () {}).prototype as Generator;

/**
 * What a compiled coroutine's generator inherits. coroutine_function() gives the compiler's
 * generator function a prototype of its own that holds the code object and chains here, so that
 * `f(...)` returns the generator itself as the coroutine object (one object per call, not a
 * Coroutine around a generator: spawning many tasks is mostly the garbage collector's work per
 * object). Here: the generator protocol (`next`/`throw`/`return`, the engine's own, which `yield*`
 * and the Task call), `_gen` (the object itself), the [Symbol.iterator] that hands it out once, and
 * below it Coroutine's prototype (instanceof, type(), the Python methods). `throw` is JavaScript's:
 * Python's `coro.throw(...)` is Coroutine's, kept under PY_THROW (the compiler's gen_throw, and
 * getattr through hideJsMember). The per-object `_state` is added when the coroutine is made; a
 * generator made by `yield* f.__body__(...)` (the compiler's direct await) has none, and is only
 * ever delegated to.
 */
const GeneratorCoroutinePrototype = Object.create(Coroutine.prototype) as Record<PropertyKey, unknown>;
for (const name of ["next", "throw", "return"] as const) {
  Object.defineProperty(GeneratorCoroutinePrototype, name, { value: GeneratorPrototype[name], writable: true, configurable: true });
}
Object.defineProperties(GeneratorCoroutinePrototype, {
  constructor: { value: Coroutine, writable: true, configurable: true },
  _gen: {
    get(this: unknown) {
      return this;
    },
    configurable: true,
  },
  [PY_THROW]: { value: Coroutine.prototype.throw, writable: true, configurable: true },
  [Symbol.iterator]: {
    value(this: Coroutine) {
      const state = this._state;
      // (undefined: a generator of the direct await, see above)
      if (state !== undefined) {
        if (state !== CORO_FRESH) throw awaitedAgainError(state, this);
        this._state = CORO_SUSPENDED;
        _untrackStarted(this);
      }
      return this;
    },
    writable: true,
    configurable: true,
  },
  __await__: {
    value(this: Coroutine) {
      // An iterator that is not the coroutine (awaitable() refuses a coroutine from __await__):
      // a generator delegating to it, so that Python's send/throw/close on it work as on a generator.
      // CPython's coroutine_wrapper: its send/throw/close are the coroutine's own (closed, it cannot be reused).
      return new CoroutineWrapper(this[Symbol.iterator]() as unknown as Coroutine & CoroGen);
    },
    writable: true,
    configurable: true,
  },
});
hideJsMember(GeneratorCoroutinePrototype, "throw", PY_THROW);

/** `coro.__await__()` (CPython's coroutine_wrapper): the generator protocol for `yield*`, and Python's send/throw/close/`__next__` as the coroutine's. */
class CoroutineWrapper implements Iterator<unknown, unknown, unknown> {
  constructor(private readonly _coro: Coroutine & CoroGen) {}
  next(v?: unknown): IteratorResult<unknown, unknown> {
    return this._coro.next(v);
  }
  throw(e?: unknown): IteratorResult<unknown, unknown> {
    return (this._coro as CoroGen).throw(e);
  }
  return(v?: unknown): IteratorResult<unknown, unknown> {
    return this._coro.return(v);
  }
  [Symbol.iterator](): this {
    return this;
  }
  __iter__(): this {
    return this;
  }
  __next__(): unknown {
    return Coroutine.prototype.send.call(this._coro, null);
  }
  send(v: unknown): unknown {
    return Coroutine.prototype.send.call(this._coro, v);
  }
  [PY_THROW](typ: unknown, ...rest: unknown[]): unknown {
    return Coroutine.prototype.throw.call(this._coro, typ, ...rest);
  }
  close(): void {
    Coroutine.prototype.close.call(this._coro);
  }
  __repr__(): string {
    return `<coroutine_wrapper object at ${hexAddress(this)}>`;
  }
}
hideJsMember(CoroutineWrapper.prototype, "throw", PY_THROW);
Object.defineProperty(CoroutineWrapper, "__name__", { value: "coroutine_wrapper", configurable: true });
Object.defineProperty(CoroutineWrapper, "__module__", { value: "builtins", configurable: true });

/** Marks generator-based coroutines (LegacyGeneratorPrototype). */
const LEGACY_GENERATOR: unique symbol = Symbol("generator-based coroutine");

/**
 * What a generator-based coroutine's generator inherits (`@asyncio.coroutine` / `@types.coroutine`
 * defs, which the compiler lowers as `async def`s). CPython makes these generators flagged as
 * awaitable, so Python sees a generator: type `generator`, its repr, iterable by `for`/`next()`,
 * never reported as "never awaited", and `yield from`/`await` of one that is exhausted gives None
 * (no "cannot reuse"). Awaiting one and Tasks driving it work as for any compiled coroutine.
 */
const LegacyGeneratorPrototype = Object.create(GeneratorCoroutinePrototype) as Record<PropertyKey, unknown>;
Object.defineProperties(LegacyGeneratorPrototype, {
  constructor: { value: GeneratorType, writable: true, configurable: true },
  [LEGACY_GENERATOR]: { value: true },
  // (inspect.isgenerator, gen_throw and legacy `yield from` recognise a generator by this tag)
  [Symbol.toStringTag]: { value: "Generator", configurable: true },
  [NOT_ITERABLE]: { value: false },
  [Symbol.iterator]: {
    value(this: Coroutine) {
      if (this._state <= CORO_CREATED) this._state = CORO_SUSPENDED;
      return this;
    },
    writable: true,
    configurable: true,
  },
  send: {
    value(this: Coroutine, value: unknown) {
      // (an exhausted generator raises StopIteration again)
      if (this._state === CORO_CLOSED) throw new StopIteration();
      return Coroutine.prototype.send.call(this, value);
    },
    writable: true,
    configurable: true,
  },
  __repr__: {
    value(this: Coroutine) {
      return `<generator object ${this._code.co_qualname} at ${hexAddress(this)}>`;
    },
    writable: true,
    configurable: true,
  },
  gi_code: { get: Object.getOwnPropertyDescriptor(Coroutine.prototype, "cr_code")!.get, configurable: true },
  gi_frame: { get: Object.getOwnPropertyDescriptor(Coroutine.prototype, "cr_frame")!.get, configurable: true },
  gi_running: { get: Object.getOwnPropertyDescriptor(Coroutine.prototype, "cr_running")!.get, configurable: true },
});

/**
 * Whether the program defined a generator-based coroutine function: until it does, iscoroutine()
 * does not look for the mark (a lookup on each coroutine function's own prototype, per Task made).
 */
let legacyDefined = false;

/** A generator-based coroutine's object (see LegacyGeneratorPrototype). */
export function is_generator_based_coroutine(x: unknown): boolean {
  return legacyDefined && x instanceof Coroutine && (x as unknown as Record<symbol, unknown>)[LEGACY_GENERATOR] === true;
}

/**
 * Gives `genFn`'s generators the coroutine prototype chain (above), when its prototype is still the
 * one the engine made (nothing else put anything on it): false otherwise, and the caller wraps its
 * generators in Coroutines instead.
 */
function _adoptGenerators(genFn: Function, code: CodeObject, chainTo: object = GeneratorCoroutinePrototype): boolean {
  const own = Object.getOwnPropertyDescriptor(genFn, "prototype");
  const proto = own?.value as object | undefined;
  if (own === undefined || !own.writable || proto === undefined || proto === null) return false;
  if (Object.getPrototypeOf(proto) !== GeneratorPrototype || Reflect.ownKeys(proto).length !== 0) return false;
  const adopted = Object.create(chainTo);
  Object.defineProperty(adopted, "_code", { value: code, writable: true, configurable: true });
  genFn.prototype = adopted;
  return true;
}

/** A function returned by coroutine_function(): calling it makes a lazy Coroutine. */
export type CoroutineFunction<A extends unknown[], T> = ((...args: A) => Coroutine<T>) & {
  /** The generator function itself (what `await f(...)` can delegate to without a Coroutine). */
  __body__: (...args: A) => CoroGen<T>;
  __name__: string;
  __qualname__: string;
  __code__: CodeObject;
};

/**
 * Wraps the compiler's generator function into a coroutine function. `this` is passed through
 * for methods. The returned function carries `__name__`, `__qualname__` and `__code__`.
 */
function coroutine_function<A extends unknown[], T>(genFn: (...args: A) => CoroGen<T>, code: CodeInfo): CoroutineFunction<A, T> {
  return _coroutine_function(genFn, code, true);
}

/** coroutine_function(); `adopt`: the generators may be the coroutine objects (see _adoptGenerators). */
function _coroutine_function<A extends unknown[], T>(genFn: (...args: A) => CoroGen<T>, code: CodeInfo, adopt: boolean): CoroutineFunction<A, T> {
  const co = makeCode(code);
  if (adopt && code.legacy === true && _adoptGenerators(genFn, co, LegacyGeneratorPrototype)) return _generator_based_function(genFn, code, co);
  // Named where it is made (a computed key), not by redefining `name` afterwards: that would turn
  // the function into a slow dictionary-mode object, and emitted code reads `f.__body__` at every await.
  const name = co.co_name;
  const f =
    adopt && _adoptGenerators(genFn, co)
      ? {
          [name]: function (this: unknown) {
            // eslint-disable-next-line prefer-rest-params
            const coro = genFn.apply(this, arguments as unknown as A) as unknown as Coroutine<T>;
            coro._state = CORO_FRESH;
            _trackUnstarted(coro);
            return coro;
          },
        }[name]
      : {
          [name]: function (this: unknown) {
            // eslint-disable-next-line prefer-rest-params
            return new Coroutine<T>(genFn.apply(this, arguments as unknown as A), co);
          },
        }[name];
  return _dressed(f, genFn, code, co) as unknown as CoroutineFunction<A, T>;
}

/** A generator-based coroutine function, its generators adopted (see LegacyGeneratorPrototype). */
function _generator_based_function<A extends unknown[], T>(genFn: (...args: A) => CoroGen<T>, code: CodeInfo, co: CodeObject): CoroutineFunction<A, T> {
  legacyDefined = true;
  const f = {
    [co.co_name]: function (this: unknown) {
      // eslint-disable-next-line prefer-rest-params
      const gen = genFn.apply(this, arguments as unknown as A) as unknown as Coroutine<T>;
      // (a generator: not tracked as a coroutine never awaited)
      gen._state = CORO_CREATED;
      return gen;
    },
  }[co.co_name];
  // A generator function for inspect (isgeneratorfunction, not iscoroutinefunction), as CPython's.
  Object.defineProperty(f, GENERATOR_BASED, { value: true });
  return _dressed(f, genFn, code, co) as unknown as CoroutineFunction<A, T>;
}

/** Marks a generator-based coroutine function (`@types.coroutine` / `@asyncio.coroutine` def). */
const GENERATOR_BASED: unique symbol = Symbol("tsyncio.generator-based");

/** A generator-based coroutine function (a functools.partial of one too): a generator function for inspect. */
export function is_generator_based_function(fn: unknown): boolean {
  while (typeof fn === "function" && (fn as unknown as Record<symbol, unknown>)[PARTIAL_FUNC] !== undefined)
    fn = (fn as unknown as Record<symbol, unknown>)[PARTIAL_FUNC];
  return typeof fn === "function" && (fn as unknown as Record<symbol, unknown>)[GENERATOR_BASED] === true;
}

function _dressed(f: Function, genFn: Function, code: CodeInfo, co: CodeObject): Function {
  // Keyword binding at run time (program.ts callkw) reads the parameter names from the generator.
  Object.defineProperty(f, "__signature_source__", { value: genFn });
  // `await f(...)` of a known module-level coroutine function delegates to the generator itself
  // (the compiler emits `yield* f.__body__(...)`: see lower/to-ir.ts awaitedBody).
  Object.defineProperty(f, "__body__", { value: genFn });
  if (code.doc !== undefined) Object.defineProperty(f, "__doc__", { value: code.doc, writable: true, configurable: true });
  return _decorate(f, co, code.unmarked !== true);
}

/**
 * @internal A hand-written coroutine function (`f` returns Coroutines itself, e.g. a fast path that
 * skips the generator), dressed like coroutine_function(genFn, code) would dress it.
 */
export function _as_coroutine_function(f: Function, genFn: Function, co: CodeObject): Function {
  Object.defineProperty(f, "__signature_source__", { value: genFn });
  return _decorate(f, co);
}

function _decorate(f: Function, co: CodeObject, marked = true): Function {
  // (redefining `name` makes V8 keep the function as a dictionary: only when it differs)
  if (f.name !== co.co_name) Object.defineProperty(f, "name", { value: co.co_name, configurable: true });
  Object.defineProperty(f, "__name__", { value: co.co_name, writable: true, configurable: true });
  Object.defineProperty(f, "__qualname__", { value: co.co_qualname, writable: true, configurable: true });
  Object.defineProperty(f, "__code__", { value: co, writable: true, configurable: true });
  if (marked) Object.defineProperty(f, _is_coroutine, { value: true });
  return f;
}

/**
 * @internal Marks what asyncio takes for a coroutine without being a Coroutine: an async
 * generator's asend()/athrow() awaitables, which CPython's collections.abc.Coroutine admits (they
 * have send, throw, close and __await__), so `create_task(agen.aclose())` runs the awaitable itself.
 */
export const COROUTINE_LIKE: unique symbol = Symbol("coroutine-like");

/** True for coroutine objects (asyncio.iscoroutine). */
function iscoroutine(obj: unknown): obj is Coroutine {
  // (a generator-based coroutine is a generator: asyncio 3.10 takes any generator, 3.12 none)
  if (obj instanceof Coroutine) return !legacyDefined || (obj as unknown as Record<symbol, unknown>)[LEGACY_GENERATOR] !== true || _python_version() === "3.10";
  if (typeof obj !== "object" || obj === null) return false;
  if ((obj as { [COROUTINE_LIKE]?: boolean })[COROUTINE_LIKE] === true) return true;
  // An object of the program's with the methods of collections.abc.Coroutine (its __subclasshook__).
  if (!(obj instanceof PyObject)) return false;
  const o = obj as unknown as Record<string | symbol, unknown>;
  return (
    typeof o.__await__ === "function" &&
    typeof o.send === "function" &&
    typeof o.close === "function" &&
    (typeof o[PY_THROW] === "function" || typeof o.throw === "function")
  );
}

/**
 * asyncio.coroutines._is_coroutine, CPython's `object()` sentinel: an object whose own
 * `_is_coroutine` attribute is this passes asyncio.iscoroutinefunction().
 */
export const _is_coroutine_mark: object = new PyObject();

/** True for functions made by coroutine_function() or the legacy decorator (inspect's test). */
export function is_coroutine_function_object(fn: unknown): boolean {
  // (a functools.partial is looked through to its function, as inspect's _unwrap_partial does)
  while (typeof fn === "function" && (fn as unknown as Record<symbol, unknown>)[PARTIAL_FUNC] !== undefined)
    fn = (fn as unknown as Record<symbol, unknown>)[PARTIAL_FUNC];
  return typeof fn === "function" && (fn as unknown as Record<symbol, unknown>)[_is_coroutine] === true;
}

/** What a functools.partial object holds its function under (functools.ts sets it). */
export const PARTIAL_FUNC: unique symbol = Symbol.for("tsyncio.partial-func") as never;

/** asyncio.iscoroutinefunction: a coroutine function, or anything marked with `_is_coroutine`. */
function iscoroutinefunction(fn: unknown): boolean {
  if (is_coroutine_function_object(fn)) return true;
  return fn !== null && (typeof fn === "object" || typeof fn === "function") && (fn as { _is_coroutine?: unknown })._is_coroutine === _is_coroutine_mark;
}

const GeneratorFunction = Object.getPrototypeOf(function* () {}).constructor as Function;

/**
 * The legacy `@asyncio.coroutine` decorator (CPython 3.10; removed in 3.11). The compiler lowers
 * the decorator itself; this export serves hand-written code and decorators applied dynamically.
 * A generator function becomes a coroutine function; a plain function is wrapped so that an
 * awaitable result is awaited.
 */
function coroutine(fn: Function): Function {
  if (iscoroutinefunction(fn)) return fn;
  const named = fn as { __qualname__?: string; __code__?: Partial<CodeObject> };
  const code: CodeInfo = {
    qualname: named.__qualname__ ?? fn.name ?? "<lambda>",
    filename: named.__code__?.co_filename ?? "<unknown>",
    firstlineno: Number(named.__code__?.co_firstlineno ?? 0),
  };
  if (fn instanceof GeneratorFunction) {
    // (the program may still call `fn` for plain generators: its prototype stays the engine's)
    return _coroutine_function(fn as (...a: unknown[]) => CoroGen, code, false);
  }
  return coroutine_function(function* (this: unknown, ...args: unknown[]): CoroGen {
    const r = fn.apply(this, args);
    if (_isAwaitable(r)) return yield* awaitable(r);
    return r;
  }, code);
}

function _isAwaitable(x: unknown): boolean {
  if (x instanceof Coroutine) return true;
  if (x === null || typeof x !== "object") return false;
  const o = x as Record<string, unknown>;
  return o._asyncio_future_blocking !== undefined || typeof o.__await__ === "function";
}
export { _isAwaitable as isawaitable };

/**
 * What `await x` delegates to, for any awaitable: a Coroutine or Future is its own iterable;
 * an object with `__await__` gives its iterator. Anything else is CPython's TypeError (`from`:
 * the method of an `async with` manager that gave `x`, which that error names).
 */
function awaitable<T = any>(x: unknown, from?: "__aenter__" | "__aexit__"): Iterable<unknown> & { [Symbol.iterator](): Iterator<unknown, T, unknown> } {
  if (x instanceof Coroutine) return x as Coroutine<T>;
  if (x !== null && typeof x === "object") {
    const o = x as Record<string | symbol, unknown>;
    if (o._asyncio_future_blocking !== undefined && typeof o[Symbol.iterator] === "function") {
      return o as unknown as Iterable<unknown> & { [Symbol.iterator](): Iterator<unknown, T, unknown> };
    }
    const aw = o.__await__;
    if (typeof aw === "function") {
      const it = aw.call(o) as unknown;
      if (it instanceof Coroutine) throw new TypeError("__await__() returned a coroutine");
      if (it === null || typeof it !== "object" || typeof (it as Iterator<unknown>).next !== "function") {
        throw new TypeError(`__await__() returned non-iterator of type '${typeName(it)}'`);
      }
      const iter = it as Iterator<unknown, T, unknown> & Partial<Iterable<unknown>>;
      if (typeof iter[Symbol.iterator] === "function") {
        return iter as Iterable<unknown> & { [Symbol.iterator](): Iterator<unknown, T, unknown> };
      }
      return { [Symbol.iterator]: () => iter };
    }
  }
  if (from !== undefined) throw new TypeError(`'async with' received an object from ${from} that does not implement __await__: ${typeName(x)}`);
  throw new TypeError(`object ${typeName(x)} can't be used in 'await' expression`);
}

/**
 * `yield from x` in a generator-based coroutine (@asyncio.coroutine): it delegates to a plain
 * generator as well as to anything `await` takes.
 */
function legacy_yield_from(x: unknown): Iterable<unknown> {
  if (x !== null && typeof x === "object" && Object.prototype.toString.call(x) === "[object Generator]") return x as Iterable<unknown>;
  return awaitable(x);
}

// ---------------------------------------------------------------------------------------------
// "coroutine '...' was never awaited"

/**
 * @internal Self-iterating coroutines: the runtime's small coroutines (`await q.get()`,
 * `asyncio.sleep(0)`, `async with lock`) are one object each, the coroutine and the iterator
 * `yield*` drives (`_gen` is the object itself), instead of a Coroutine and an iterator object:
 * one allocation and one constructor less per await. Such a class is not `extends Coroutine`
 * (Coroutine's constructor would see every class's shape): _selfIterating chains its prototype
 * to Coroutine's (instanceof, type(), the Python methods) and puts `_gen` (the object itself) and,
 * when the class stands for one coroutine function, its `_code` there (a class serving two, as
 * Queue's get and put, keeps `_code` per object); each object keeps `_state`, and the class a [Symbol.iterator]
 * that hands it out once (written in each class, so that each site sees one shape) and the
 * iterator protocol's next/return. Its `throw` serves both callers:
 * `yield*` and the Task (an exception instance) and Python's `coro.throw(exc)` (a class or an
 * instance). That holds because such a coroutine catches nothing: whatever is thrown in is raised
 * again (after its cleanup), and a StopIteration becomes RuntimeError as it leaves a coroutine's
 * frame (PEP 479, what CPython does at that frame too). Its own methods must not reuse the names
 * of Coroutine's (send, close, _resume, ...): they would replace them for Python.
 */
export function _selfIterating(cls: Function, code?: CodeObject): void {
  Object.setPrototypeOf(cls.prototype, Coroutine.prototype);
  Object.defineProperty(cls.prototype, "constructor", { value: Coroutine, writable: true, configurable: true });
  // On the prototype, not in each object (memory per waiting task): `_gen` is the object itself,
  // `_code` the one code object of a class that stands for one coroutine function.
  Object.defineProperty(cls.prototype, "_gen", {
    get(this: unknown) {
      return this;
    },
    configurable: true,
  });
  if (code !== undefined) Object.defineProperty(cls.prototype, "_code", { value: code, writable: true, configurable: true });
}

/** `coro.__await__()` of a self-iterating coroutine: its iterator protocol, iterable as itself. */
function awaitView<T>(it: CoroGen<T>): CoroGen<T> {
  const view = {
    next: (v?: unknown) => it.next(v as never),
    throw: (e?: unknown) => it.throw(e),
    return: (v?: unknown) => it.return(v as T),
    send: (v?: unknown) => it.next(v as never),
    [Symbol.iterator]() {
      return view;
    },
  };
  return view as unknown as CoroGen<T>;
}

/** @internal What a self-iterating coroutine's `throw(exc)` raises: `exc` made an instance, and closed. */
export function _thrownIn(coro: Coroutine, exc: unknown): unknown {
  coro._state = CORO_CLOSED;
  return typeof exc === "function" ? new (exc as new () => unknown)() : exc;
}

/**
 * `await` of a coroutine already handed out: still suspended in an await (another task awaits it)
 * is CPython's "being awaited already". A delegated generator's progress is not tracked; the host
 * may tell from the engine.
 */
function awaitedAgainError(state: number, gen: object): RuntimeError {
  if (state === CORO_SUSPENDED && host.generatorState?.(gen) === "suspended") return new RuntimeError("coroutine is being awaited already");
  return new RuntimeError("cannot reuse already awaited coroutine");
}

/** @internal RuntimeError for a coroutine awaited twice. */
export function _reuseError(): RuntimeError {
  return new RuntimeError("cannot reuse already awaited coroutine");
}

/**
 * Coroutines that might never be started. Appending is cheap; when the list has doubled it is
 * compacted (dropping started ones), unless fewer than half of it are started ones
 * (`_startedInList` counts them): then it only grows, as a scan
 * would keep most of it (a program that makes 500,000 coroutines before gathering them). So it
 * stays within a few times the live unstarted set.
 * Kept in chunks of _CHUNK slots (8 KB, a regular heap object): one array grown by push past
 * ~16,000 items is copied at each growth into V8's large-object space, garbage that only a
 * mark-compact frees (~8 MB of it for 500,000 coroutines); a chunk is never copied.
 */
const _CHUNK = 1024;
/** The full chunks, then the one being filled (its first _tailLength slots are used). */
let _chunks: Coroutine[][] = [];
let _tail: Coroutine[] = new Array(_CHUNK);
let _tailLength = 0;
/** How many the list holds. */
let _listed = 0;
let _compactAt = 1024;
let _startedInList = 0;
/**
 * The coroutine made last, kept out of the list until the next one is made: most are started right
 * away (`await f()`, `async with`), and then neither a push nor a pop is needed. It is held in a
 * field of a small object that is replaced by a fresh one every _NEWEST_LIFE coroutines made: a
 * fresh object is in V8's young generation, where storing a just-made object costs nothing more,
 * while storing it in an old one (a module variable) takes the write barrier's slow path (~50
 * instructions, once or twice per await in busy programs).
 */
const _NEWEST_LIFE = 256;
let _newest: { c: Coroutine | null } = { c: null };
let _newestMade = 0;

/** @internal test support: forget coroutines created so far. */
export function _reset_coroutines_state(): void {
  _chunks = [];
  _tail = new Array(_CHUNK);
  _tailLength = _listed = 0;
  _compactAt = 1024;
  _startedInList = 0;
  _newest = { c: null };
  _newestMade = 0;
}

/**
 * @internal A coroutine started right after it was made (`await f()`, `create_task(f())`) is the
 * last one tracked: drop it now, so the list does not keep it (and its generator) alive until the
 * next compaction (garbage collection cost on await-heavy code).
 */
export function _untrackStarted(c: Coroutine): void {
  const newest = _newest;
  if (newest.c === c) {
    newest.c = null;
    return;
  }
  if (_tailLength > 0 && _tail[_tailLength - 1] === c) {
    _tail[--_tailLength] = undefined as never;
    _listed--;
  } else _startedInList++;
}

/** @internal (see _selfIterating) */
export function _trackUnstarted(c: Coroutine): void {
  if (++_newestMade >= _NEWEST_LIFE) {
    _newestMade = 0;
    _newest = { c: _newest.c };
  }
  const newest = _newest;
  const prev = newest.c;
  newest.c = c;
  if (prev !== null) {
    // Listed here, not by a call: TurboFan inlines this function into every coroutine's maker,
    // and a call made often (a batch of coroutines gathered later) would be inlined with it,
    // bytecode that counts against the inlining budget of every function that makes coroutines.
    _tail[_tailLength++] = prev;
    if (++_listed >= _compactAt || _tailLength === _CHUNK) _listedMore();
  }
}

/** After a coroutine was listed: a full chunk is put aside, a list that doubled is compacted. */
function _listedMore(): void {
  if (_tailLength === _CHUNK) _newChunk();
  const n = _listed;
  if (n >= _compactAt) {
    if (_startedInList * 2 >= n) {
      _startedInList = 0;
      for (const x of _takeListed()) if (x._state === CORO_FRESH) _append(x);
    }
    _compactAt = Math.max(1024, _listed * 2);
  }
}

function _append(c: Coroutine): void {
  _tail[_tailLength++] = c;
  _listed++;
  if (_tailLength === _CHUNK) _newChunk();
}

function _newChunk(): void {
  _chunks.push(_tail);
  _tail = new Array(_CHUNK);
  _tailLength = 0;
}

/** Everything the list holds, in order, leaving it empty. */
function _takeListed(): Coroutine[] {
  const all = ([] as Coroutine[]).concat(..._chunks, _tail.slice(0, _tailLength));
  _chunks = [];
  _tail = new Array(_CHUNK);
  _tailLength = _listed = 0;
  return all;
}

/**
 * The compiler wraps an expression statement whose value is dropped (`f()` on its own line) in
 * discard(value, lineno): CPython destroys the object right there, so a coroutine that was never
 * started is reported at once, at that line.
 */
function discard(value: unknown, lineno: number, filename?: string): void {
  if (value instanceof Coroutine && value._state === CORO_FRESH) {
    value._state = CORO_CLOSED;
    _warn_unawaited(value._code.co_qualname, filename ?? value._code.co_filename, lineno);
  }
}

/**
 * Temporaries of an inspecting call (`asyncio.iscoroutine(make())`, `print(type(make()))`): the
 * compiler marks where the call starts (_temp_mark), passes each argument made by a call through
 * _temp, and hands the call's result to _drop_temps, which discards those arguments once the call
 * returned, as CPython does when the temporary's last reference goes (a coroutine never awaited is
 * reported at that line).
 */
const temporaries: unknown[] = [];
export function _temp_mark(): number {
  return temporaries.length;
}
export function _temp<T>(value: T): T {
  temporaries.push(value);
  return value;
}
export function _drop_temps<T>(mark: number, result: T, lineno: number, filename: string): T {
  for (const v of temporaries.splice(mark)) discard(v, lineno, filename);
  return result;
}
/**
 * The call `body` makes, with its temporaries discarded when it returns or raises (CPython drops
 * them as the exception leaves the expression, before any handler runs). The compiler uses it
 * unless an argument awaits (then _temp_mark/_drop_temps, which a raising call skips).
 */
export function _with_temps<T>(body: () => T, lineno: number, filename: string): T {
  const mark = temporaries.length;
  try {
    return body();
  } finally {
    for (const v of temporaries.splice(mark)) discard(v, lineno, filename);
  }
}

/**
 * A coroutine that only a local variable held dies with that variable (lower/dropped-generators.ts):
 * when the variable is bound again (`rebinding`: at the line running in the frame), or when the
 * function returns (at the line running in its caller; when the loop itself ran the frame, a
 * task's coroutine or a callback, at the loop's callback line in asyncio/events.py). CPython
 * reports one never started there, as the last reference goes.
 */
export function _drop_held_coroutine(c: Coroutine<unknown>, rebinding: boolean): void {
  if (c._state !== CORO_FRESH) return;
  c._state = CORO_CLOSED;
  const frames = dispatchFrames?.() ?? [];
  const where = frames[frames.length - (rebinding ? 1 : 2)];
  if (where !== undefined) {
    _warn_unawaited(c._code.co_qualname, where.filename, where.lineno);
    return;
  }
  const legacy = _python_version() === "3.10";
  _warn_unawaited(c._code.co_qualname, `/usr/lib/python${legacy ? "3.10" : "3.12"}/asyncio/events.py`, legacy ? 80 : 84);
}

/**
 * At interpreter exit: coroutines still never started are reported as CPython does when it
 * clears module globals at shutdown (`sys:1: RuntimeWarning: ...`, no source line).
 */
export function _report_never_awaited(): void {
  const left = _takeListed();
  if (_newest.c !== null) left.push(_newest.c);
  _newest = { c: null };
  for (const c of left) {
    if (c._state === CORO_FRESH) {
      c._state = CORO_CLOSED;
      _warn_at("sys", 1, `coroutine '${c._code.co_qualname}' was never awaited`, "RuntimeWarning", false);
    }
  }
}

// Where a suspended generator of the program waits, as a Python line (installed by the program
// runner when its host can tell; see Host.suspendedLine).
let suspendedLine: ((gen: object) => number | null) | null = null;

/** @internal */
export function _set_suspended_line_provider(fn: ((gen: object) => number | null) | null): void {
  suspendedLine = fn;
}

/** The program's frames on the stack now, outermost first (installed by the runner; see run.ts). */
let runningFrames: (() => { name: string; filename: string; lineno: number }[]) | null = null;

/** @internal */
export function _set_running_frames_provider(fn: typeof runningFrames): void {
  runningFrames = fn;
}

/**
 * The program's frames that the event loop's current callback or task step runs, outermost first
 * (all of them outside the loop): installed by the runner (run.ts), as runningFrames.
 */
let dispatchFrames: (() => { filename: string; lineno: number }[]) | null = null;

/** @internal */
export function _set_dispatch_frames_provider(fn: typeof dispatchFrames): void {
  dispatchFrames = fn;
}

/** The frame's current line (f_lineno): the def line before the first step, then the pending await's. */
function _current_line(coro: Coroutine<unknown>): number {
  const first = Number(coro._code.co_firstlineno);
  if (coro._state === CORO_RUNNING) {
    // Running now (its repr asked from inside it): the line its frame executes, the outermost
    // frame of that name on the stack (inner frames are what it awaits or calls).
    const frame = runningFrames?.().find((f) => f.name === coro._code.co_name && f.filename === coro._code.co_filename);
    if (frame) return frame.lineno;
  }
  if (coro._state !== CORO_SUSPENDED || suspendedLine === null) return first;
  return suspendedLine(coro._gen) ?? first;
}

/** `coro=<...>` text of a Task repr. CPython: Lib/asyncio/coroutines.py _format_coroutine. */
export function _format_coroutine(coro: unknown): string {
  if (coro instanceof Coroutine) {
    const co = coro._code;
    if (coro._state === CORO_CLOSED) {
      return `${co.co_qualname}() done, defined at ${co.co_filename}:${co.co_firstlineno}`;
    }
    return `${co.co_qualname}() running at ${co.co_filename}:${_current_line(coro)}`;
  }
  const o = coro as { __qualname__?: string; __name__?: string; cr_running?: boolean; gi_running?: boolean };
  const name = `${o.__qualname__ || o.__name__ || `<${_typename(coro)} without __name__>`}()`;
  return o.cr_running || o.gi_running ? `${name} running` : name;
}

/** @internal Wrap a JS generator (already created) as a Coroutine, e.g. for ensure_future(awaitable). */
export function _coroutine_from_generator<T>(gen: CoroGen<T>, qualname: string): Coroutine<T> {
  const c = new Coroutine<T>(gen, makeCode({ qualname, filename: "<tsyncio>", firstlineno: 0 }));
  c._awaited = true; // internal wrappers are never reported
  return c;
}
