// operator: Python's operators as functions, and itemgetter/attrgetter/methodcaller (sort keys).
// Each function is the builtin operation the translated code uses for the operator itself.
import {
  add as add_, sub as sub_, mul as mul_, truediv as truediv_, floordiv as floordiv_, mod as mod_, pow as pow_,
  matmul as matmul_, lshift as lshift_, rshift as rshift_, bitand, bitor, bitxor, neg as neg_, pos as pos_,
  invert as invert_, iadd as iadd_, isub as isub_, imul as imul_, itruediv as itruediv_, ifloordiv as ifloordiv_,
  imod as imod_, eq as eq_, ne as ne_, lt as lt_, le as le_, gt as gt_, ge as ge_, truthy, is_ as is__,
  is_not as is_not_, contains as contains_, getitem as getitem_, setitem as setitem_, delitem as delitem_,
  getattr, call, index as index_, toIterable,
} from "../builtins/ops.js";
import { abs as abs_ } from "../builtins/functions.js";
import { repr } from "../builtins/repr.js";
import { TypeError, ValueError } from "../builtins/exceptions.js";
import { PyTuple } from "../builtins/collections.js";
import { KwArgs } from "../builtins/object.js";

const named = <T extends Function>(name: string, f: T): T => {
  Object.defineProperty(f, "__name__", { value: name });
  Object.defineProperty(f, "name", { value: name });
  return f;
};

export const add = named("add", (a: unknown, b: unknown) => add_(a, b));
export const sub = named("sub", (a: unknown, b: unknown) => sub_(a, b));
export const mul = named("mul", (a: unknown, b: unknown) => mul_(a, b));
export const truediv = named("truediv", (a: unknown, b: unknown) => truediv_(a, b));
export const floordiv = named("floordiv", (a: unknown, b: unknown) => floordiv_(a, b));
export const mod = named("mod", (a: unknown, b: unknown) => mod_(a, b));
export const pow = named("pow", (a: unknown, b: unknown) => pow_(a, b));
export const matmul = named("matmul", (a: unknown, b: unknown) => matmul_(a, b));
export const lshift = named("lshift", (a: unknown, b: unknown) => lshift_(a, b));
export const rshift = named("rshift", (a: unknown, b: unknown) => rshift_(a, b));
export const and_ = named("and_", (a: unknown, b: unknown) => bitand(a, b));
export const or_ = named("or_", (a: unknown, b: unknown) => bitor(a, b));
export const xor = named("xor", (a: unknown, b: unknown) => bitxor(a, b));
export const concat = named("concat", (a: unknown, b: unknown) => {
  if (a === null || typeof a !== "object" && typeof a !== "string" || !(Symbol.iterator in Object(a))) {
    throw new TypeError(`'${typeof a}' object can't be concatenated`);
  }
  return add_(a, b);
});
export const neg = named("neg", (a: unknown) => neg_(a));
export const pos = named("pos", (a: unknown) => pos_(a));
export const invert = named("invert", (a: unknown) => invert_(a));
export const inv = invert;
export const abs = named("abs", (a: unknown) => abs_(a));
export const index = named("index", (a: unknown) => index_(a));
export const iadd = named("iadd", (a: unknown, b: unknown) => iadd_(a, b));
export const isub = named("isub", (a: unknown, b: unknown) => isub_(a, b));
export const imul = named("imul", (a: unknown, b: unknown) => imul_(a, b));
export const itruediv = named("itruediv", (a: unknown, b: unknown) => itruediv_(a, b));
export const ifloordiv = named("ifloordiv", (a: unknown, b: unknown) => ifloordiv_(a, b));
export const imod = named("imod", (a: unknown, b: unknown) => imod_(a, b));
export const eq = named("eq", (a: unknown, b: unknown) => eq_(a, b));
export const ne = named("ne", (a: unknown, b: unknown) => ne_(a, b));
export const lt = named("lt", (a: unknown, b: unknown) => lt_(a, b));
export const le = named("le", (a: unknown, b: unknown) => le_(a, b));
export const gt = named("gt", (a: unknown, b: unknown) => gt_(a, b));
export const ge = named("ge", (a: unknown, b: unknown) => ge_(a, b));
export const not_ = named("not_", (a: unknown) => !truthy(a));
export const truth = named("truth", (a: unknown) => truthy(a));
export const is_ = named("is_", (a: unknown, b: unknown) => is__(a, b));
export const is_not = named("is_not", (a: unknown, b: unknown) => is_not_(a, b));
export const contains = named("contains", (a: unknown, b: unknown) => contains_(a, b));
export const getitem = named("getitem", (a: unknown, b: unknown) => getitem_(a, b));
export const setitem = named("setitem", (a: unknown, b: unknown, c: unknown) => (setitem_(a, b, c), null));
export const delitem = named("delitem", (a: unknown, b: unknown) => (delitem_(a, b), null));
export const countOf = named("countOf", (a: unknown, b: unknown) => {
  let n = 0n;
  for (const x of toIterable(a)) if (is__(x, b) || eq_(x, b)) n++;
  return n;
});
export const indexOf = named("indexOf", (a: unknown, b: unknown) => {
  let i = 0n;
  for (const x of toIterable(a)) {
    if (is__(x, b) || eq_(x, b)) return i;
    i++;
  }
  throw new ValueError("sequence.index(x): x not in sequence");
});

/** A callable with CPython's repr (`operator.itemgetter(1)`). */
function reprCallable(f: (obj: unknown) => unknown, text: string): (obj: unknown) => unknown {
  Object.defineProperty(f, "__pyrepr__", { value: () => text });
  return f;
}

/** itemgetter(k) → obj[k]; itemgetter(k1, k2, ...) → (obj[k1], obj[k2], ...). */
export function itemgetter(...items: unknown[]): (obj: unknown) => unknown {
  if (!items.length) throw new TypeError("itemgetter expected 1 argument, got 0");
  const text = `operator.itemgetter(${items.map((x) => repr(x)).join(", ")})`;
  if (items.length === 1) return reprCallable((obj) => getitem_(obj, items[0]), text);
  return reprCallable((obj) => PyTuple.fromArray(items.map((k) => getitem_(obj, k))), text);
}

/** attrgetter("a.b") → obj.a.b; several names give a tuple. */
export function attrgetter(...names: unknown[]): (obj: unknown) => unknown {
  if (!names.length) throw new TypeError("attrgetter expected 1 argument, got 0");
  for (const n of names) if (typeof n !== "string") throw new TypeError("attribute name must be a string");
  const one = (obj: unknown, dotted: string) => dotted.split(".").reduce((o, part) => getattr(o, part), obj);
  const text = `operator.attrgetter(${names.map((x) => repr(x)).join(", ")})`;
  if (names.length === 1) return reprCallable((obj) => one(obj, names[0] as string), text);
  return reprCallable((obj) => PyTuple.fromArray(names.map((n) => one(obj, n as string))), text);
}

/** methodcaller(name, *args, **kwargs) → obj.name(*args, **kwargs). */
export function methodcaller(name: unknown, ...args: unknown[]): (obj: unknown) => unknown {
  if (typeof name !== "string") throw new TypeError("method name must be a string");
  const shown = args.map((a) => (a instanceof KwArgs ? Object.entries(a.kw).map(([k, v]) => `${k}=${repr(v)}`).join(", ") : repr(a))).filter(Boolean);
  return reprCallable((obj) => call(getattr(obj, name), ...args), `operator.methodcaller(${[repr(name), ...shown].join(", ")})`);
}
