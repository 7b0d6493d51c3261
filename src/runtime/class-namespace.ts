// A program class's `__dict__`: a mappingproxy of the namespace CPython's type() leaves a class
// (`__module__`, the body's names in order, `__dict__` and `__weakref__` for the first class of its
// hierarchy, `__doc__`, `__hash__` None beside an `__eq__`), built afresh at each read so that later
// class attribute writes show. Also where define_class keeps the descriptor objects the class reads
// through their `__get__` (`C.d` is `d.__get__(None, C)`, `C.__dict__['d']` is d itself).

import { PyObject } from "./builtins/object.js";
import { PyDict } from "./builtins/collections.js";
import { MappingProxyType } from "./builtins/mappingproxy.js";
import { classmethod, staticmethod } from "./builtins/descriptors.js";
import { getattr } from "./builtins/ops.js";
import { className } from "./builtins/names.js";
import { class_descriptor, note_class_descriptor } from "./builtins/class-descriptors.js";

interface ClassBody {
  /** The body's names in order (the compiler's, or what define_class was given). */
  names: string[];
  staticmethods: Set<string>;
  classmethods: Set<string>;
}

const bodies = new WeakMap<Function, ClassBody>();
/** The staticmethod/classmethod objects of a class's decorated defs (one each: `C.__dict__['s'] is C.__dict__['s']`). */
const wrappers = new WeakMap<Function, Map<string, unknown>>();

export function note_class_body(cls: Function, names: string[], staticmethods: string[], classmethods: string[]): void {
  bodies.set(cls, { names, staticmethods: new Set(staticmethods), classmethods: new Set(classmethods) });
}

export { class_descriptor, note_class_descriptor };

/** `<attribute '__dict__' of 'C' objects>`: the instances' `__dict__` and `__weakref__` in the class's namespace. */
class getset_descriptor extends PyObject {
  constructor(
    readonly attribute: string,
    readonly owner: Function,
  ) {
    super();
  }
  __init__(): void {}
  __repr__(): string {
    return `<attribute '${this.attribute}' of '${className(this.owner)}' objects>`;
  }
}

/** `<member 'x' of 'C' objects>`: a slot of `__slots__` in the class's namespace. */
class member_descriptor extends getset_descriptor {
  __repr__(): string {
    return `<member '${this.attribute}' of '${className(this.owner)}' objects>`;
  }
}
const instanceAttributes = new WeakMap<Function, getset_descriptor[]>();

/** JS members of a class that are no Python attributes of it. */
const NOT_PYTHON = new Set(["length", "name", "prototype", "__qualname__", "__name__", "__module__", "__doc__", "__dict__", "__annotations__"]);

export function class_namespace(cls: Function): MappingProxyType {
  const body = bodies.get(cls);
  const d = new PyDict<string, unknown>();
  const put = (k: string, v: unknown) => PyDict.prototype.__setitem__.call(d, k, v);
  put("__module__", getattr(cls, "__module__"));
  const names = body?.names ?? [];
  for (const name of names) {
    const v = name === "__doc__" ? getattr(cls, "__doc__") : namespaceValue(cls, name, body);
    if (v !== MISSING) put(name, v);
  }
  let own = instanceAttributes.get(cls);
  if (!own) instanceAttributes.set(cls, (own = instanceDescriptors(cls)));
  // (a body that defines `__dict__` itself, a property, keeps its own)
  for (const a of own) if (!names.includes(a.attribute)) put(a.attribute, a);
  // (a class without a docstring has its own __doc__ None, not its base's)
  if (!names.includes("__doc__")) put("__doc__", Object.getOwnPropertyDescriptor(cls, "__doc__")?.value ?? null);
  if (Object.prototype.hasOwnProperty.call(cls, "__hash__") && (cls as { __hash__?: unknown }).__hash__ === null) put("__hash__", null);
  // Attributes set on the class after its statement ran.
  for (const name of Object.keys(cls)) if (!names.includes(name) && !NOT_PYTHON.has(name) && name !== "__hash__") put(name, namespaceValue(cls, name, body));
  return new MappingProxyType(d);
}

const MISSING = Symbol("not in the namespace");

function namespaceValue(cls: Function, name: string, body: ClassBody | undefined): unknown {
  const raw = class_descriptor(cls, name);
  if (raw !== undefined) return raw;
  const isStatic = body?.staticmethods.has(name);
  if (isStatic || body?.classmethods.has(name)) {
    let own = wrappers.get(cls);
    if (!own) wrappers.set(cls, (own = new Map()));
    let w = own.get(name);
    if (w === undefined) {
      const f = Object.getOwnPropertyDescriptor(cls, name)?.value;
      if (typeof f !== "function") return MISSING;
      own.set(name, (w = isStatic ? new staticmethod(f) : new classmethod(f)));
    }
    return w;
  }
  const own = Object.prototype.hasOwnProperty.call(cls, name) || Object.prototype.hasOwnProperty.call(cls.prototype, name);
  return own ? getattr(cls, name) : MISSING;
}

/** The slots of a class with `__slots__`; else, for the first class of its hierarchy, `__dict__` and `__weakref__`. */
function instanceDescriptors(cls: Function): getset_descriptor[] {
  if (Object.prototype.hasOwnProperty.call(cls, "__slots__")) {
    const slots = (cls as { __slots__?: unknown }).__slots__;
    const names =
      typeof slots === "string" ? [slots] : slots !== null && typeof slots === "object" && Symbol.iterator in slots ? [...(slots as Iterable<unknown>)] : [];
    return names.filter((n): n is string => typeof n === "string").map((n) => new member_descriptor(n, cls));
  }
  if (Object.getPrototypeOf(cls) !== PyObject) return [];
  return [new getset_descriptor("__dict__", cls), new getset_descriptor("__weakref__", cls)];
}
