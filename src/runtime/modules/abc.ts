// abc: ABC, ABCMeta, abstractmethod (and the deprecated abstract* variants).
//
// `abstractmethod(f)` marks a function (`__isabstractmethod__`). When define_class finishes a
// subclass of ABC, the hook `__define__` records `__abstractmethods__`: the names marked abstract in
// the class or inherited and not overridden. Instantiating a class with any left raises TypeError.
import { PyFrozenSet } from "../builtins/collections.js";
import { PyObject } from "../builtins/object.js";
import { ABSTRACT_NAMES as ABSTRACT, RefusesAbstract } from "../builtins/abstract-refusal.js";
import { bases_of } from "../builtins/mro.js";

function isAbstract(x: unknown): boolean {
  return (typeof x === "function" || (x !== null && typeof x === "object")) && (x as { __isabstractmethod__?: unknown }).__isabstractmethod__ === true;
}

/** `@abstractmethod`. */
export function abstractmethod<T>(f: T): T {
  if (typeof f === "function" || (f !== null && typeof f === "object")) {
    Object.defineProperty(f, "__isabstractmethod__", { value: true, configurable: true, writable: true });
  }
  return f;
}
export const abstractclassmethod = abstractmethod;
export const abstractstaticmethod = abstractmethod;
export const abstractproperty = abstractmethod;

/** The abstract names of a class's own body: methods, property getters/setters, static members. */
function ownAbstract(cls: Function): { abstract: Set<string>; concrete: Set<string> } {
  const abstract = new Set<string>();
  const concrete = new Set<string>();
  const look = (o: object, isClass: boolean) => {
    for (const name of Object.getOwnPropertyNames(o)) {
      if (name === "constructor" || (isClass && (name === "prototype" || name === "length" || name === "name"))) continue;
      const d = Object.getOwnPropertyDescriptor(o, name)!;
      const parts = "value" in d ? [d.value] : [d.get, d.set];
      if (parts.some(isAbstract)) abstract.add(name);
      else concrete.add(name);
    }
  };
  look(cls.prototype, false);
  look(cls, true);
  return { abstract, concrete };
}

/** Computes `__abstractmethods__` of cls (CPython's ABCMeta.__new__ does the same walk). */
export function update_abstractmethods<C extends Function>(cls: C): C {
  const { abstract, concrete } = ownAbstract(cls);
  const names = new Set(abstract);
  // (every base's: `class C(Base, Mapping)` extends a chain of copies, see mro.ts)
  for (const base of bases_of(cls))
    for (const n of (base as unknown as Record<symbol, Set<string> | undefined>)[ABSTRACT] ?? []) {
      if (concrete.has(n) || abstract.has(n)) continue;
      // still abstract unless something between defines it concretely
      const v = lookup(cls, n);
      if (v === undefined || isAbstract(v)) names.add(n);
    }
  Object.defineProperty(cls, ABSTRACT, { value: names, configurable: true });
  Object.defineProperty(cls, "__abstractmethods__", { value: new PyFrozenSet([...names]), configurable: true, writable: true });
  return cls;
}

function lookup(cls: Function, name: string): unknown {
  for (let p = cls.prototype; p && p !== PyObject.prototype; p = Object.getPrototypeOf(p)) {
    const d = Object.getOwnPropertyDescriptor(p, name);
    if (d) return "value" in d ? d.value : (d.get ?? d.set);
  }
  return undefined;
}

/** Helper base class: `class Shape(ABC)`. */
export class ABC extends RefusesAbstract {
  static __define__(cls: Function): void {
    update_abstractmethods(cls);
  }
  static register<C>(this: Function, sub: C): C {
    const reg = this as unknown as { _abc_registry?: Set<unknown> };
    if (!Object.prototype.hasOwnProperty.call(this, "_abc_registry")) {
      Object.defineProperty(this, "_abc_registry", { value: new Set<unknown>(), configurable: true });
    }
    reg._abc_registry!.add(sub);
    return sub;
  }
  static __instancecheck__(this: Function, x: unknown): boolean {
    if (x !== null && (typeof x === "object" || typeof x === "function") && x instanceof this) return true;
    const reg = Object.prototype.hasOwnProperty.call(this, "_abc_registry") ? (this as unknown as { _abc_registry: Set<Function> })._abc_registry : null;
    if (!reg || x === null || typeof x !== "object") return false;
    for (const r of reg) if (x instanceof (r as new () => unknown)) return true;
    return false;
  }
}
Object.defineProperty(ABC, "__module__", { value: "abc" });
Object.defineProperty(ABC, ABSTRACT, { value: new Set<string>(), configurable: true });

/** `class Shape(metaclass=ABCMeta)` behaves like subclassing ABC. */
export const ABCMeta = ABC;

export function get_cache_token(): bigint {
  return 0n;
}
