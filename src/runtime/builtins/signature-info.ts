// What inspect.signature() knows of a function of the program: its parameters in order, with their
// kinds, default values and annotations, and its return annotation. The compiler emits this only
// for a program that asks for signatures (src/lower/signatures.ts); functions are JS functions
// whose own parameter lists have lost the kinds, the annotations and the defaults' values.

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

const infos = new WeakMap<Function, SignatureInfo>();

/** Records `fn`'s signature; returns `fn` (the compiler wraps a def's value in it). */
export function set_signature<F>(fn: F, info: SignatureInfo): F {
  if (typeof fn === "function") infos.set(fn, info);
  return fn;
}

export function signature_info(fn: Function): SignatureInfo | undefined {
  return infos.get(fn);
}

/** Gives `to` (a function standing for `from`: a method's view) the signature of `from`. */
export function copy_signature(from: Function, to: Function): void {
  const info = infos.get(from);
  if (info !== undefined && !infos.has(to)) infos.set(to, info);
}
