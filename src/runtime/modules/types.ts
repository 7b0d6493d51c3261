// types: SimpleNamespace, MappingProxyType, coroutine, and the names of builtin types programs test against
// (FunctionType, MethodType, GeneratorType, CoroutineType, BuiltinFunctionType, ModuleType, NoneType...).
import { PyObject, popKw, className } from "../builtins/object.js";
import { NotImplementedError, TypeError } from "../builtins/exceptions.js";
import { PyDict, PyTuple } from "../builtins/collections.js";
import { type } from "../builtins/functions.js";
import { toIterable } from "../builtins/protocol.js";
import { repr, reprActive } from "../builtins/repr.js";
import { call, eq, NotImplemented } from "../builtins/ops.js";
import { Coroutine } from "../asyncio/coroutines.js";

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
  return func;
}

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
