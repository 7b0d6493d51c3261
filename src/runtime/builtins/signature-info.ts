// What inspect.signature() knows of a function of the program: its parameters in order, with their
// kinds, default values and annotations, and its return annotation. The compiler emits this only
// for a program that asks for signatures (src/lower/signatures.ts); functions are JS functions
// whose own parameter lists have lost the kinds, the annotations and the defaults' values (a
// program reading `__defaults__` or `__kwdefaults__` gets the record too).

/** One parameter: name, kind (0 positional-only ... 4 **kwargs), default and annotation when given. */
export interface ParameterInfo {
  n: string;
  k: 0 | 1 | 2 | 3 | 4;
  d?: unknown;
  a?: unknown;
}
export interface SignatureInfo {
  p: ParameterInfo[];
  r?: unknown;
  /** The locals that are no parameter (not the closures'), for `__code__.co_varnames`: only when the program reads `__code__`. */
  v?: string[];
}

import { PyDict, PyTuple } from "./collections.js";
import { PyObject, hexAddress } from "./object.js";

const infos = new WeakMap<Function, SignatureInfo>();

/**
 * Records `fn`'s signature, and gives it what CPython's functions carry of it: `__defaults__`,
 * `__kwdefaults__` and `__annotations__`. Returns `fn` (the compiler wraps a def's value in it).
 */
export function set_signature<F>(fn: F, info: SignatureInfo): F {
  if (typeof fn !== "function") return fn;
  infos.set(fn, info);
  const defaults = info.p.filter((p) => p.k <= 1 && "d" in p).map((p) => p.d);
  const kwdefaults = info.p.filter((p) => p.k === 3 && "d" in p).map((p): [string, unknown] => [p.n, p.d]);
  const annotations = info.p.filter((p) => "a" in p).map((p): [string, unknown] => [p.n, p.a]);
  if ("r" in info) annotations.push(["return", info.r]);
  const define = (name: string, value: unknown) => Object.defineProperty(fn, name, { value, writable: true, configurable: true });
  define("__defaults__", defaults.length ? PyTuple.fromArray(defaults) : null);
  define("__kwdefaults__", kwdefaults.length ? PyDict.fromEntries(kwdefaults) : null);
  if (!Object.prototype.hasOwnProperty.call(fn, "__annotations__")) define("__annotations__", PyDict.fromEntries(annotations));
  return fn;
}

export function signature_info(fn: Function): SignatureInfo | undefined {
  return infos.get(fn);
}

/** Gives `to` (a function standing for `from`: a method's view) the signature of `from`. */
export function copy_signature(from: Function, to: Function): void {
  const info = infos.get(from);
  if (info !== undefined && !infos.has(to)) {
    set_signature(to, info);
    origins.set(to, from);
  }
}

/** The function whose signature `f` was given by copy_signature (a method's view stands for the method), or `f`. */
export function signature_origin(f: Function): Function {
  return origins.get(f) ?? f;
}
const origins = new WeakMap<Function, Function>();

/**
 * `f.__code__` of a function of the program whose signature was recorded (a program reading
 * `__code__` records every def's): what CPython's code object says of the parameters and locals
 * (co_argcount, co_posonlyargcount, co_kwonlyargcount, co_varnames, co_nlocals, co_flags' VARARGS
 * and VARKEYWORDS bits), its names, file and first line; undefined for any other function.
 */
export function code_object(fn: Function, name: string, qualname: string, filename: string, firstlineno: number): object | undefined {
  const info = infos.get(fn);
  if (info === undefined || info.v === undefined) return undefined;
  const count = (k: number) => info.p.filter((p) => p.k === k).length;
  // co_varnames: positional, keyword-only, then *args' and **kwargs' names, then the other locals
  const order = [0, 1, 3, 2, 4];
  const names = order.flatMap((k) => info.p.filter((p) => p.k === k).map((p) => p.n));
  const varnames = [...names, ...info.v];
  const flags = 0x3 | (count(2) ? 0x4 : 0) | (count(4) ? 0x8 : 0);
  const code = new CodeType();
  const fields: Record<string, unknown> = {
    co_name: name,
    co_qualname: qualname,
    co_filename: filename,
    co_firstlineno: BigInt(firstlineno),
    co_argcount: BigInt(count(0) + count(1)),
    co_posonlyargcount: BigInt(count(0)),
    co_kwonlyargcount: BigInt(count(3)),
    co_nlocals: BigInt(varnames.length),
    co_varnames: PyTuple.fromArray(varnames),
    co_flags: BigInt(flags),
  };
  for (const [k, v] of Object.entries(fields)) Object.defineProperty(code, k, { value: v, enumerable: true });
  Object.defineProperty(code, "__repr__", { value: () => `<code object ${name} at ${hexAddress(code)}, file "${filename}", line ${firstlineno}>` });
  return code;
}

class CodeType extends PyObject {
  static __module__ = "builtins";
}
Object.defineProperty(CodeType, "__name__", { value: "code" });
