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
}

import { PyDict, PyTuple } from "./collections.js";

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
  if (info !== undefined && !infos.has(to)) set_signature(to, info);
}
