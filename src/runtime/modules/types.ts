// types: SimpleNamespace, MappingProxyType, coroutine, and the names of builtin types programs test against
// (FunctionType, MethodType, GeneratorType, CoroutineType, BuiltinFunctionType, ModuleType, NoneType...).
import { PyObject, popKw, className } from "../builtins/object.js";
import { NotImplementedError, StopIteration, TypeError } from "../builtins/exceptions.js";
import { PyDict, PyTuple } from "../builtins/collections.js";
import { type } from "../builtins/functions.js";
import { PY_THROW, toIterable } from "../builtins/protocol.js";
import { hideJsMember } from "../builtins/js-names.js";
import { repr, reprActive } from "../builtins/repr.js";
import { call, eq, NotImplemented } from "../builtins/ops.js";
import { Coroutine } from "../asyncio/coroutines.js";
import { isProgramFunction } from "../builtins/program-functions.js";

/** `SimpleNamespace(a=1)`: attributes given as keywords; repr `namespace(a=1)`, equal by attributes. */
export class SimpleNamespace extends PyObject {
  __init__(...args: unknown[]): void {
    const k = popKw(args);
    // CPython 3.12 takes keywords only (a positional mapping came in 3.13).
    if (args.length > 0) throw new TypeError("no positional arguments expected");
    if (k) for (const [name, v] of Object.entries(k)) (this as any)[name] = v;
  }
  __repr__(): string {
    const name = this.constructor === SimpleNamespace ? "namespace" : className(this.constructor);
    if (reprActive.has(this)) return `${name}(...)`;
    reprActive.add(this);
    try {
      const parts = Object.keys(this).map((k) => `${k}=${repr((this as any)[k])}`);
      return `${name}(${parts.join(", ")})`;
    } finally {
      reprActive.delete(this);
    }
  }
  __eq__(o: unknown): boolean | typeof NotImplemented {
    if (!(o instanceof SimpleNamespace)) return NotImplemented;
    const a = Object.keys(this);
    const b = Object.keys(o);
    if (a.length !== b.length) return false;
    return a.every((k) => Object.prototype.hasOwnProperty.call(o, k) && eq((this as any)[k], (o as any)[k]));
  }
  get __dict__(): PyDict<string, unknown> {
    return PyDict.fromEntries(Object.keys(this).map((k) => [k, (this as any)[k]] as const));
  }
}
Object.defineProperty(SimpleNamespace, "__module__", { value: "types", writable: true, configurable: true });
Object.defineProperty(SimpleNamespace, "__name__", { value: "SimpleNamespace" });

// (`mappingproxy` is a builtin type: `type(C.__dict__)`; builtins/mappingproxy.ts)
export { MappingProxyType } from "../builtins/mappingproxy.js";

/**
 * `@types.coroutine`: the compiler turns a decorated generator into a coroutine itself (see
 * src/lower/legacy-coroutines.ts); called at run time on a coroutine function it changes nothing.
 */
export function coroutine<F>(func: F): F {
  if (typeof func !== "function") throw new TypeError("types.coroutine() expects a callable");
  if (!isProgramFunction(func) || Object.prototype.toString.call(func) === "[object GeneratorFunction]") return func;
  // A def that is no generator (the compiler left it a def): what it returns is wrapped, a
  // generator becoming an awaitable _GeneratorWrapper; a coroutine or anything else is returned as is.
  const f = func as unknown as Function;
  const wrapped = function (this: unknown, ...args: unknown[]): unknown {
    const r = f.apply(this, args);
    if (Object.prototype.toString.call(r) === "[object Generator]" && !(r instanceof Coroutine)) return new _GeneratorWrapper(r as Generator);
    return r;
  };
  for (const k of ["__name__", "__qualname__", "__doc__", "__module__"])
    if (k in f) Object.defineProperty(wrapped, k, { value: (f as unknown as Record<string, unknown>)[k], writable: true, configurable: true });
  Object.defineProperty(wrapped, "name", { value: f.name, configurable: true });
  Object.defineProperty(wrapped, "__wrapped__", { value: f, writable: true, configurable: true });
  return wrapped as unknown as F;
}

/**
 * What a `@types.coroutine` def that is no generator returns for a generator it made: awaitable
 * (its `__await__` gives the generator), with the generator's send/throw/close. CPython: types._GeneratorWrapper.
 */
export class _GeneratorWrapper {
  constructor(private readonly __wrapped: Generator) {}
  next(v?: unknown): IteratorResult<unknown, unknown> {
    return this.__wrapped.next(v);
  }
  throw(e?: unknown): IteratorResult<unknown, unknown> {
    return this.__wrapped.throw(e);
  }
  return(v?: unknown): IteratorResult<unknown, unknown> {
    return this.__wrapped.return(v);
  }
  [Symbol.iterator](): Generator {
    return this.__wrapped;
  }
  /** `__await__()` and `__iter__()` give the generator itself, as CPython's do. */
  __await__(): Generator {
    return this.__wrapped;
  }
  __iter__(): Generator {
    return this.__wrapped;
  }
  __next__(): unknown {
    return this.send(null);
  }
  send(v: unknown): unknown {
    return (this.__wrapped as unknown as { send(v: unknown): unknown }).send(v);
  }
  close(): unknown {
    return (this.__wrapped as unknown as { close(): unknown }).close();
  }
  /** Python's throw(exc): the generator's next value, or StopIteration(result). */
  [PY_THROW](exc: unknown): unknown {
    const r = this.__wrapped.throw(typeof exc === "function" ? new (exc as new () => unknown)() : exc);
    if (r.done) throw r.value === undefined || r.value === null ? new StopIteration() : new StopIteration(r.value);
    return r.value;
  }
  get gi_code(): unknown {
    return (this.__wrapped as unknown as { gi_code?: unknown }).gi_code ?? null;
  }
  get gi_frame(): unknown {
    return (this.__wrapped as unknown as { gi_frame?: unknown }).gi_frame ?? null;
  }
  get __name__(): unknown {
    return (this.__wrapped as unknown as { __name__?: unknown }).__name__;
  }
  get __qualname__(): unknown {
    return (this.__wrapped as unknown as { __qualname__?: unknown }).__qualname__;
  }
}
hideJsMember(_GeneratorWrapper.prototype, "throw", PY_THROW);
Object.defineProperty(_GeneratorWrapper, "__module__", { value: "types", writable: true, configurable: true });
Object.defineProperty(_GeneratorWrapper, "__name__", { value: "_GeneratorWrapper", configurable: true });
Object.defineProperty(_GeneratorWrapper, "__qualname__", { value: "_GeneratorWrapper", configurable: true });

export const CoroutineType = Coroutine;
export { AsyncGenerator as AsyncGeneratorType } from "../asyncio/_asyncgen.js";
// (a class made at run time or an alias of one: its instances, for annotations that name it)
export type CoroutineType = InstanceType<typeof CoroutineType>;
// (the type of a generator object: `isinstance(g, types.GeneratorType)`)
export { GeneratorType, MethodType, FunctionType, BuiltinFunctionType, ModuleType, NoneType } from "../builtins/functions.js";
// (`types.LambdaType is types.FunctionType`, `BuiltinMethodType is BuiltinFunctionType`, as in CPython)
export { FunctionType as LambdaType, BuiltinFunctionType as BuiltinMethodType } from "../builtins/functions.js";
export { GenericAlias } from "./_type_alias.js";

// `types.TracebackType`, `FrameType`, `CodeType`: the traceback objects of raised exceptions.
export { TracebackType, FrameType, CodeType } from "./_traceback_objects.js";

/**
 * `types.new_class(name, bases=(), kwds=None, exec_body=None)`: a class made as a class statement
 * would make it; `exec_body(ns)` fills its namespace. Its module is "types" unless the body sets
 * `__module__` (CPython takes it from the calling frame, here types.py).
 */
export function new_class(name: unknown, ...args: unknown[]): unknown {
  const k = popKw(args) ?? {};
  const bases = args[0] ?? k.bases ?? PyTuple.fromArray([]);
  const kwds = (args[1] ?? k.kwds ?? null) as PyDict<string, unknown> | null;
  const execBody = args[2] ?? k.exec_body ?? null;
  const ns = new PyDict<string, unknown>();
  if (execBody !== null) call(execBody, ns);
  if (!ns.has("__module__")) ns.__setitem__("__module__", "types");
  if (kwds !== null && kwds.has("metaclass") && kwds.get("metaclass") !== type) {
    throw new NotImplementedError("types.new_class() with a metaclass is not supported by tsyncio");
  }
  return call(type, name, PyTuple.fromArray(Array.from(toIterable(bases))), ns);
}
