// Multiple inheritance on JS's single prototype chain.
//
//   class Child extends multiple_bases(Left, Right) { ... }
//
// `multiple_bases` computes Python's C3 method resolution order of the bases and builds a chain of
// copies in that order (Left' → Right' → Base' → object), so plain JS property lookup finds what
// Python's MRO finds. The copies remember their originals: `__mro__`, `isinstance` and `super()`
// work with the classes the program wrote. In a program that uses multiple inheritance, the
// compiler emits `super().m()` as `super_method(this, Class, "m")`, which follows the instance's
// MRO (JS's `super` would follow the class's own parent, not the next class in the MRO).

import { markPythonClass } from "./js-names.js";
import { AttributeError, NotImplementedError, TypeError } from "./exceptions.js";
import { METACLASS, PyObject, className } from "./object.js";
import { RefusesAbstract } from "./abstract-refusal.js";

type Cls = Function & { prototype: object };

/** The classes a chain copy stands for, and the bases a `multiple_bases` result was built from. */
const originals = new WeakMap<Function, Function>();
const declaredBases = new WeakMap<Function, Function[]>();

function original(c: Function): Function {
  return originals.get(c) ?? c;
}

/** The class `c` is for Python (dict for DictSubclassRoot, a class multiple_bases copied for its copy). */
export function pythonClassOf(c: Function): Function {
  return original(c);
}

/** A runtime class that is, for Python, another one (subclassable.ts: the base a `class L(list)` extends is list). */
export function stands_for(cls: Function, pythonClass: Function): void {
  originals.set(cls, pythonClass);
  standIns.set(pythonClass, [...(standIns.get(pythonClass) ?? []), cls]);
}
/** The classes that stand for a builtin one (ListSubclassRoot for list): super() finds their methods too. */
const standIns = new Map<Function, Function[]>();

/**
 * Runtime types whose Python bases are not what their JS chain says (bool's base is int; asyncio's
 * Lock has two bases, _ContextManagerMixin and _LoopBoundMixin, chained one above the other here):
 * registered where they are made.
 */
const builtinBases = new WeakMap<Function, Function[]>();
export function set_builtin_bases(type: Function, ...bases: Function[]): void {
  builtinBases.set(type, bases);
}

/** JavaScript's own constructors (Error under BaseException, Array, Uint8Array, ...): not Python bases. */
function isJsIntrinsic(f: Function): boolean {
  return f === Function.prototype || (typeof f.name === "string" && (globalThis as Record<string, unknown>)[f.name] === f);
}

/** The direct Python bases of a class: `object` for a root class, as in Python. */
export function bases_of(c: Function): Function[] {
  if (c === PyObject) return [];
  const registered = builtinBases.get(c);
  if (registered) return registered;
  const parent = Object.getPrototypeOf(c) as Function | null;
  const mi = parent && declaredBases.get(parent);
  if (mi) return mi;
  if (parent === null || isJsIntrinsic(parent) || parent === RefusesAbstract) return [PyObject];
  return [original(parent)];
}

/** Python's C3 linearization (`cls.__mro__`); `object` (PyObject) last. */
export function mro_of(c: Function): Function[] {
  const cached = mroCache.get(c);
  if (cached) return cached;
  const bases = bases_of(c);
  const seqs = [...bases.map((b) => [...mro_of(b)]), [...bases]];
  const out: Function[] = [c];
  for (;;) {
    const live = seqs.filter((s) => s.length);
    if (!live.length) break;
    const head = live.map((s) => s[0]).find((h) => !live.some((s) => s.indexOf(h) > 0));
    if (!head) {
      throw new TypeError(`Cannot create a consistent method resolution\norder (MRO) for bases ${bases.map((b) => className(b)).join(", ")}`);
    }
    out.push(head);
    for (const s of live) if (s[0] === head) s.shift();
  }
  mroCache.set(c, out);
  return out;
}
const mroCache = new WeakMap<Function, Function[]>();

const SKIP_STATIC = new Set(["prototype", "length", "name"]);

/**
 * Bases a runtime module builds itself (enum: `class S(str, Enum)` is a str-valued enum); set by
 * that module when it loads, so this file need not import it.
 */
let mixinBases: (bases: Function[]) => Function | null = () => null;
export function set_mixin_bases(f: (bases: Function[]) => Function | null): void {
  mixinBases = f;
}

/**
 * The base to extend for `class C(*bases)`, whose bases are known only at run time: none is
 * object, one is that class, more are chained as multiple_bases chains them. A builtin type other
 * than object cannot be chosen this late (the compiler picks the runtime's root for `class C(dict)`).
 */
export function star_bases(...bases: unknown[]): new (...args: any[]) => any {
  for (const b of bases) {
    if (typeof b !== "function") throw new TypeError("bases must be types");
    if (b !== PyObject && Object.prototype.hasOwnProperty.call(b, "__pytype__"))
      throw new NotImplementedError(`class bases given with * that include the built-in class '${className(b)}' are not supported yet`);
  }
  if (bases.length === 0) return PyObject as unknown as new (...args: any[]) => any;
  if (bases.length === 1) return bases[0] as new (...args: any[]) => any;
  return multiple_bases(...(bases as Function[]));
}

/** The base to extend for `class C(A, B)`: A, B and their ancestors chained in C3 order. */
export function multiple_bases(...given: Function[]): new (...args: any[]) => any {
  for (const b of given) if (typeof b !== "function") throw new TypeError("bases must be types");
  for (let i = 1; i < given.length; i++) if (given.indexOf(given[i]) < i) throw new TypeError(`duplicate base class ${className(given[i])}`);
  // A base that __mro_entries__ made several (typing.Mapping: Mapping and Generic) stands for them.
  // (Generic comes once, last, as CPython's aliases leave it out when a later base gives it)
  const entries = given.map((b) => (madeHere.has(b) ? declaredBases.get(b)! : [b]));
  const bases = entries.flatMap((list, i) => (list.length === 1 ? list : list.filter((b) => !entries.slice(i + 1).some((l) => l.includes(b)))));
  const special = mixinBases(bases);
  if (special) return special as new (...args: any[]) => any;
  // The MRO of a class with exactly these bases, minus the class itself.
  const probe = function () {} as unknown as Function;
  declaredBases.set(probeParent, bases);
  Object.setPrototypeOf(probe, probeParent);
  mroCache.delete(probe);
  const order = mro_of(probe).slice(1);
  // A builtin container or value class (dict's DictSubclassRoot, a runtime class that is no
  // PyObject) can only be the chain's root: what comes after it in the MRO must be its own MRO
  // (`class C(Mixin, dict)`, `class C(Generic[T], dict[str, T])`).
  const at = order.findIndex((k) => k !== PyObject && !(k.prototype instanceof PyObject));
  const root = at < 0 ? undefined : order[at];
  if (root !== undefined) {
    const own = mro_of(root);
    if (order.length - at !== own.length || own.some((k, i) => order[at + i] !== k))
      throw new NotImplementedError(
        `multiple inheritance from the built-in class '${className(original(root))}' (not last among the bases) is not supported yet`,
      );
  }
  multiple_inheritance_used = true;
  // (an abstract class among them refuses instances: the chain keeps the check)
  let chain = (root ?? (order.some((k) => k.prototype instanceof RefusesAbstract) ? RefusesAbstract : PyObject)) as unknown as Cls;
  for (const k of [...order.slice(0, at < 0 ? order.length : at)].reverse()) {
    if (k === PyObject) continue;
    const copy = class extends (chain as unknown as typeof PyObject) {} as unknown as Cls;
    markPythonClass(copy); // its attributes are Python's (js-names.ts)
    for (const key of Reflect.ownKeys(k.prototype)) {
      if (key === "constructor") continue;
      Object.defineProperty(copy.prototype, key, Object.getOwnPropertyDescriptor(k.prototype, key)!);
    }
    for (const key of Reflect.ownKeys(k)) {
      if (typeof key === "string" && SKIP_STATIC.has(key)) continue;
      Object.defineProperty(copy, key, Object.getOwnPropertyDescriptor(k, key)!);
    }
    Object.defineProperty(copy, "name", { value: k.name, configurable: true });
    if (!Object.prototype.hasOwnProperty.call(copy, "__name__"))
      Object.defineProperty(copy, "__name__", { value: className(k), writable: true, configurable: true });
    originals.set(copy, k);
    chain = copy;
  }
  // (for Python, the root's stand-in is the builtin: dict, not DictSubclassRoot)
  declaredBases.set(chain, root === undefined ? bases : bases.map(original));
  madeHere.add(chain);
  return chain as unknown as new (...args: any[]) => any;
}
/** The classes multiple_bases returned. */
const madeHere = new WeakSet<Function>();
// A stand-in parent for computing an MRO before the class exists.
const probeParent = function () {} as unknown as Function;

/** `super().name` in a method of `cls`, for the instance (or class) `self`: the next definition in its MRO. */
export function super_method(self: any, cls: Function, name: string): any {
  // A class as `self` is a class method's `cls`, unless `cls` is its metaclass's (a metaclass's
  // method: `super().__call__` in M.__call__ looks in M's MRO, up to type).
  const onClass = typeof self === "function" && !(self[METACLASS] && !mro_of(self).includes(cls));
  const start = onClass ? self : typeof self === "function" ? self[METACLASS] : self.constructor;
  const order = mro_of(start);
  const i = order.indexOf(cls);
  for (const k of order.slice(i + 1)) {
    const holder = onClass ? k : k.prototype;
    let d = Object.getOwnPropertyDescriptor(holder, name);
    // (`super(C, self).__getitem__` in a list subclass: list's own item methods are its stand-in's)
    if (d === undefined && !onClass) for (const c of standIns.get(k) ?? []) d ??= Object.getOwnPropertyDescriptor(c.prototype, name);
    if (!d) continue;
    if (d.get) return d.get.call(self);
    const v = d.value;
    return typeof v === "function" ? v.bind(self) : v;
  }
  // (object's methods that no class defines: `super().__eq__(other)`, `super().__hash__()`)
  const fallback = onClass ? undefined : objectMethod(self, name);
  if (fallback !== undefined) return fallback;
  throw new AttributeError(`'super' object has no attribute '${name}'`);
}

/** object's method `name` bound to `self`, or undefined (set by functions.ts, which has them). */
let objectMethod: (self: unknown, name: string) => unknown = () => undefined;
export function set_super_object_methods(f: (self: unknown, name: string) => unknown): void {
  objectMethod = f;
}

/** `isinstance` through copies: an instance of Child is an instance of every class in Child's MRO. */
export function in_mro(x: unknown, cls: Function): boolean {
  if (x === null || typeof x !== "object") return false;
  return mro_of((x as object).constructor).includes(cls);
}

/** Set once a program builds a class with several bases: isinstance then also consults MROs. */
export let multiple_inheritance_used = false;
