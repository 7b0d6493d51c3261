// operator: Python's operators as functions, and itemgetter/attrgetter/methodcaller.
import * as ops from "../builtins/ops.js";
import { PyTuple } from "../builtins/collections.js";
import { KwArgs, popKw } from "../builtins/object.js";
import { repr } from "../builtins/repr.js";
import { NotImplementedError, TypeError, ValueError } from "../builtins/exceptions.js";
import { abs as absBuiltin, builtin, len as lenBuiltin } from "../builtins/functions.js";
import { iteratorKind } from "../builtins/names.js";

/**
 * A builtin function shown as `<built-in function NAME>` (the arrow functions have no name of their
 * own), which takes exactly as many arguments as `f` declares: CPython's TypeError otherwise
 * (`operator.add(1, 1, 1)`). Typed to take any arguments: a program may call one wrongly on
 * purpose (inside `try`), and its TypeScript must still type-check.
 */
const builtin_named = <T extends Fn>(name: string, f: T): ((...args: unknown[]) => ReturnType<T>) => {
  const n = f.length;
  const checked = ((...args: unknown[]) => {
    if (args.length !== n) {
      throw new TypeError(
        n === 1 ? `_operator.${name}() takes exactly one argument (${args.length} given)` : `${name} expected ${n} arguments, got ${args.length}`,
      );
    }
    return f(...args);
  }) as (...args: unknown[]) => ReturnType<T>;
  return builtin(checked, name);
};

type Fn = (...a: any[]) => any;

export const lt = builtin_named("lt", (a: unknown, b: unknown) => ops.lt(a, b));
export const le = builtin_named("le", (a: unknown, b: unknown) => ops.le(a, b));
export const eq = builtin_named("eq", (a: unknown, b: unknown) => ops.eq(a, b));
export const ne = builtin_named("ne", (a: unknown, b: unknown) => ops.ne(a, b));
export const ge = builtin_named("ge", (a: unknown, b: unknown) => ops.ge(a, b));
export const gt = builtin_named("gt", (a: unknown, b: unknown) => ops.gt(a, b));
export const not_ = builtin_named("not_", (a: unknown) => ops.not_(a));
export const truth = builtin_named("truth", (a: unknown) => ops.truthy(a));
export const is_ = builtin_named("is_", (a: unknown, b: unknown) => ops.is_(a, b));
export const is_not = builtin_named("is_not", (a: unknown, b: unknown) => !ops.is_(a, b));
export const abs = builtin_named("abs", (a: unknown) => absBuiltin(a));
export const add = builtin_named("add", (a: unknown, b: unknown) => ops.add(a, b));
export const sub = builtin_named("sub", (a: unknown, b: unknown) => ops.sub(a, b));
export const mul = builtin_named("mul", (a: unknown, b: unknown) => ops.mul(a, b));
export const truediv = builtin_named("truediv", (a: unknown, b: unknown) => ops.truediv(a, b));
export const floordiv = builtin_named("floordiv", (a: unknown, b: unknown) => ops.floordiv(a, b));
export const mod = builtin_named("mod", (a: unknown, b: unknown) => ops.mod(a, b));
export const pow = builtin_named("pow", (a: unknown, b: unknown) => ops.pow(a, b));
export const matmul = builtin_named("matmul", (a: unknown, b: unknown) => ops.matmul(a, b));
export const neg = builtin_named("neg", (a: unknown) => ops.neg(a));
export const pos = builtin_named("pos", (a: unknown) => ops.pos(a));
export const invert = builtin_named("invert", (a: unknown) => ops.invert(a));
export const inv = invert;
export const lshift = builtin_named("lshift", (a: unknown, b: unknown) => ops.lshift(a, b));
export const rshift = builtin_named("rshift", (a: unknown, b: unknown) => ops.rshift(a, b));
export const and_ = builtin_named("and_", (a: unknown, b: unknown) => ops.bitand(a, b));
export const or_ = builtin_named("or_", (a: unknown, b: unknown) => ops.bitor(a, b));
export const xor = builtin_named("xor", (a: unknown, b: unknown) => ops.bitxor(a, b));
export const concat = builtin_named("concat", (a: unknown, b: unknown) => ops.add(a, b));
// The in-place forms (`operator.iadd(a, b)` is `a += b`: __iadd__ when the type has one, else `a + b`).
export const iadd = builtin_named("iadd", (a: unknown, b: unknown) => ops.iadd(a, b));
export const isub = builtin_named("isub", (a: unknown, b: unknown) => ops.isub(a, b));
export const imul = builtin_named("imul", (a: unknown, b: unknown) => ops.imul(a, b));
export const itruediv = builtin_named("itruediv", (a: unknown, b: unknown) => ops.itruediv(a, b));
export const ifloordiv = builtin_named("ifloordiv", (a: unknown, b: unknown) => ops.ifloordiv(a, b));
export const imod = builtin_named("imod", (a: unknown, b: unknown) => ops.imod(a, b));
export const ipow = builtin_named("ipow", (a: unknown, b: unknown) => ops.ipow(a, b));
export const imatmul = builtin_named("imatmul", (a: unknown, b: unknown) => ops.imatmul(a, b));
export const ilshift = builtin_named("ilshift", (a: unknown, b: unknown) => ops.ilshift(a, b));
export const irshift = builtin_named("irshift", (a: unknown, b: unknown) => ops.irshift(a, b));
export const iand = builtin_named("iand", (a: unknown, b: unknown) => ops.iand(a, b));
export const ior = builtin_named("ior", (a: unknown, b: unknown) => ops.ior(a, b));
export const ixor = builtin_named("ixor", (a: unknown, b: unknown) => ops.ixor(a, b));
export const iconcat = builtin_named("iconcat", (a: unknown, b: unknown) => ops.iadd(a, b));
export const index = builtin_named("index", (a: unknown) => ops.index(a));
export const contains = builtin_named("contains", (a: unknown, b: unknown) => ops.contains(a, b));
export const getitem = builtin_named("getitem", (a: unknown, b: unknown) => ops.getitem(a, b));
export const setitem = builtin_named("setitem", (a: unknown, b: unknown, c: unknown) => {
  ops.setitem(a, b, c);
  return null;
});
export const delitem = builtin_named("delitem", (a: unknown, b: unknown) => {
  ops.delitem(a, b);
  return null;
});
export const countOf = builtin_named("countOf", (a: unknown, b: unknown) => {
  let n = 0n;
  for (const x of ops.toIterable(a)) if (ops.is_(x, b) || ops.eq(x, b)) n++;
  return n;
});
export const indexOf = builtin_named("indexOf", (a: unknown, b: unknown) => {
  let i = 0n;
  for (const x of ops.toIterable(a)) {
    if (ops.is_(x, b) || ops.eq(x, b)) return i;
    i++;
  }
  throw new ValueError("sequence.index(x): x not in sequence");
});

/** A callable object with Python's repr, e.g. `operator.itemgetter('a', 'b')`. */
function callableWithRepr<T extends Fn>(f: T, text: string): T {
  Object.defineProperty(f, "__pyrepr__", { value: () => text });
  return f;
}

export function itemgetter(...items: unknown[]): Fn {
  if (!items.length) throw new TypeError("itemgetter expected 1 argument, got 0");
  const f = items.length === 1 ? (obj: unknown) => ops.getitem(obj, items[0]) : (obj: unknown) => PyTuple.fromArray(items.map((k) => ops.getitem(obj, k)));
  return callableWithRepr(f, `operator.itemgetter(${items.map(repr).join(", ")})`);
}

export function attrgetter(...names: unknown[]): Fn {
  if (!names.length) throw new TypeError("attrgetter expected 1 argument, got 0");
  for (const n of names) if (typeof n !== "string") throw new TypeError("attribute name must be a string");
  const one = (obj: unknown, name: string) => name.split(".").reduce((o: unknown, part) => ops.getattr(o, part), obj);
  const f = names.length === 1 ? (obj: unknown) => one(obj, names[0] as string) : (obj: unknown) => PyTuple.fromArray(names.map((n) => one(obj, n as string)));
  return callableWithRepr(f, `operator.attrgetter(${names.map(repr).join(", ")})`);
}

export function methodcaller(name: unknown, ...args: unknown[]): Fn {
  if (typeof name !== "string") throw new TypeError("method name must be a string");
  const kw = popKw(args);
  const f = (obj: unknown) => (kw ? ops.callm(obj, name, ...args, new KwArgs(kw)) : ops.callm(obj, name, ...args));
  const shown = [repr(name), ...args.map(repr), ...Object.entries(kw ?? {}).map(([k, v]) => `${k}=${repr(v)}`)];
  return callableWithRepr(f, `operator.methodcaller(${shown.join(", ")})`);
}

/** length_hint(obj, default=0): len(obj), else obj.__length_hint__(), else default. */
export function length_hint(obj: unknown, dflt: unknown = 0n): bigint {
  if (typeof dflt !== "bigint") throw new TypeError(`'${ops.typeName(dflt)}' object cannot be interpreted as an integer`);
  if (typeof obj === "string" || (obj !== null && typeof obj === "object" && ops.getattr(obj, "__len__", null) !== null)) return lenBuiltin(obj);
  const kind = obj !== null && typeof obj === "object" ? iteratorKind(obj) : undefined;
  // (an engine iterator does not tell how many items are left, which CPython's do)
  if (kind !== undefined && kind !== "generator") throw new NotImplementedError(`operator.length_hint() of a ${kind} is not supported by tsyncio`);
  const hint = obj === null || obj === undefined ? null : ops.getattr(obj, "__length_hint__", null);
  if (hint === null) return dflt;
  const n = ops.call(hint);
  if (n === ops.NotImplemented) return dflt;
  if (typeof n !== "bigint") throw new TypeError(`__length_hint__ must be an integer, not ${ops.typeName(n)}`);
  if (n < 0n) throw new ValueError("__length_hint__() should return >= 0");
  return n;
}

/** call(obj, /, *args, **kwargs): obj(*args, **kwargs). */
export function call(obj: unknown, ...args: unknown[]): unknown {
  return ops.call(obj, ...args);
}
