// Class creation beyond the class body: `__init_subclass__` with class keywords, metaclasses, and
// classes whose calls do not simply run `__init__` (a user `__new__`, a metaclass `__call__`).
//
// A translated class is a JS class that define_class finishes; Python would instead call
// `M(name, bases, ns, **kw)`. For `class W(Base, metaclass=M, k=v)` (or a class whose base has a
// metaclass) finish_class runs, once W is built as usual:
//   - M's own `__new__` (if a class of the program defines one), called as `M.__new__(M, name,
//     bases, ns, **kw)` with `ns` a dict of the class body's names. Its `super().__new__(mcs, name,
//     bases, ns)` (type.__new__) returns the class already built, after copying onto it what the
//     metaclass added to or changed in `ns`. A `__new__` returning some other object is refused
//     (NotImplementedError): the class's binding is fixed.
//   - `__init_subclass__` of W's parent with the class keywords (from type.__new__, as in CPython).
//   - M's `__init__(cls, name, bases, ns, **kw)`.
//   - W gets its metaclass under METACLASS (type(W), isinstance(W, M), W.__class__), and getters
//     for the attributes of M's body (methods bound to the class, properties, class attributes),
//     which a name of W's own MRO shadows as in Python; subclasses inherit both.
//   - When M (or a base of M in the program) defines `__call__`, `W(...)` runs it with W as `cls`;
//     its `super().__call__(*a, **k)` (type.__call__) makes the instance: `__new__` then `__init__`.
// Not supported (NotImplementedError or no effect, see the tests): `__prepare__`, a metaclass
// `__new__` returning another object, calling a metaclass directly (`M("X", (), {})` builds a plain
// class), `__call__` for classes not derived from object (exceptions, runtime containers).

import { classCreation, CONSTRUCT, derivesFromConstructedByNew, keywordBinding, KwArgs, METACLASS, PyObject, raw_instance } from "./builtins/object.js";
import { BaseException, NotImplementedError, TypeError } from "./builtins/exceptions.js";
import { PyDict, PyTuple } from "./builtins/collections.js";
import { type } from "./builtins/functions.js";
import { EXPLICIT_CLASS_NEW, setattr, typeName } from "./builtins/ops.js";
import { applyArgs, callWithKeywords, NOT_BOUND } from "./builtins/keywords.js";

interface Protocol {
  metaclass?: Function;
  /** Class keywords other than metaclass (`class A(Base, flag=True)`). */
  kwargs?: Record<string, unknown>;
  /** The class body's names in order (the namespace a metaclass sees). */
  namespace?: string[];
}

type Constructor = (C: Function, args: unknown[]) => unknown;
type AnyRecord = Record<string | symbol, unknown>;

/** The class being created while its metaclass's `__new__` runs (what type.__new__ returns). */
let pending: { cls: Function; ns: PyDict<unknown, unknown>; snapshot: Map<unknown, unknown>; done: boolean } | null = null;

const typeProto = type.prototype as AnyRecord;

/** Calls a translated method with Python arguments (keywords as a trailing KwArgs). */
function invoke(f: Function, self: unknown, args: unknown[]): unknown {
  const last = args[args.length - 1];
  if (last instanceof KwArgs) {
    const r = callWithKeywords(f, self, args.slice(0, -1), last.kw);
    if (r !== NOT_BOUND) return r;
  }
  return applyArgs(f, self, args);
}

// `C(*args, **kw)` through a variable or an attribute: the constructors bind the keywords to
// `__init__`'s parameters by name (object.ts, subclassable.ts).
keywordBinding.init = (self, args) => void invoke((self as { __init__: Function }).__init__, self, args);

/** `type.__call__(cls, *args)`: `cls.__new__(cls, *args)`, then `__init__` on an instance of cls. */
function default_construct(C: Function, args: unknown[]): unknown {
  const own = (C.prototype as AnyRecord).__new__;
  let inst: unknown;
  if (typeof own === "function" && own !== PyObject.prototype.__new__) {
    inst = invoke(own, C, args);
    if (!(inst instanceof C)) return inst;
  } else {
    inst = raw_instance(C);
  }
  const init = (inst as AnyRecord).__init__;
  if (typeof init === "function") invoke(init, inst, args);
  return inst;
}

typeProto.__call__ = function (this: Function, ...args: unknown[]): unknown {
  return default_construct(this, args);
};
typeProto.__init__ = function (): void {};
typeProto.__new__ = function (mcs: Function, name: unknown, bases: unknown, ns: unknown, ...rest: unknown[]): unknown {
  if (pending && !pending.done && pending.ns === ns) {
    const p = pending;
    p.done = true;
    // What the metaclass added to or changed in the namespace becomes the class's.
    for (const [k, v] of p.ns.entries()) {
      if (!p.snapshot.has(k) || p.snapshot.get(k) !== v) setattr(p.cls, k as string, v);
    }
    init_subclass(p.cls, rest[rest.length - 1] instanceof KwArgs ? (rest[rest.length - 1] as KwArgs).kw : undefined);
    return p.cls;
  }
  // A class made at run time (`super().__new__` outside a class statement).
  const C = (type as unknown as (n: unknown, b: unknown, d: unknown) => Function)(name, bases, ns);
  if (mcs !== type) mark(C, mcs);
  return C;
};

EXPLICIT_CLASS_NEW.add(typeProto.__new__ as Function);

classCreation.hook = (mcs, args) =>
  pending && !pending.done && args[2] === pending.ns ? ((typeProto.__new__ as Function)(mcs, ...args) as object) : undefined;

function init_subclass(cls: Function, kwargs: Record<string, unknown> | undefined): void {
  const parent = Object.getPrototypeOf(cls) as AnyRecord | null;
  const hook = parent?.__init_subclass__;
  if (typeof hook !== "function") return;
  if (hook === PyObject.__init_subclass__ && !kwargs) return;
  if (!kwargs) hook.call(cls);
  else if (callWithKeywords(hook, cls, [], kwargs) === NOT_BOUND) hook.call(cls, new KwArgs(kwargs));
}

/** The function a metaclass's body defines for `name` (not type's own), or undefined. */
function metaMethod(M: Function, name: string): Function | undefined {
  const f = (M.prototype as AnyRecord)[name];
  // A metaclass derived from ABCMeta (the runtime's ABC, a PyObject) inherits object's methods.
  return typeof f === "function" && f !== typeProto[name] && f !== (PyObject.prototype as unknown as AnyRecord)[name] ? f : undefined;
}

/** Whether the prototypes from `proto` up are a metaclass's own (a class of the program). */
function isMetaBody(proto: object | null): proto is object {
  return (
    proto !== null &&
    proto !== typeProto &&
    proto !== Function.prototype &&
    proto !== Object.prototype &&
    proto !== PyObject.prototype &&
    Object.prototype.hasOwnProperty.call((proto as AnyRecord).constructor as object, "__qualname__") &&
    Object.prototype.hasOwnProperty.call(proto, "constructor") &&
    (proto as AnyRecord).constructor !== PyObject
  );
}

const SKIP = new Set(["constructor", "__new__", "__init__", "__call__", "__init_subclass__", "__prepare__", "__repr__", "__str__"]);

/** Makes cls an instance of M: type(cls), and M's attributes read through cls. */
function mark(cls: Function, M: Function): void {
  Object.defineProperty(cls, METACLASS, { value: M, configurable: true, writable: true });
  for (let proto = M.prototype as object | null; isMetaBody(proto); proto = Object.getPrototypeOf(proto) as object | null) {
    const holder = proto;
    for (const name of Object.getOwnPropertyNames(holder)) {
      if (SKIP.has(name) || name in cls) continue;
      Object.defineProperty(cls, name, {
        get(this: Function) {
          const d = Object.getOwnPropertyDescriptor(holder, name)!;
          if (d.get) return d.get.call(this);
          const v = d.value;
          if (typeof v !== "function") return v;
          const bound = (...args: unknown[]) => v.apply(this, args);
          Object.defineProperty(bound, "__name__", { value: (v as { __name__?: string }).__name__ ?? name, configurable: true });
          return bound;
        },
        set(this: Function, v: unknown) {
          const d = Object.getOwnPropertyDescriptor(holder, name)!;
          if (d.set) d.set.call(this, v);
          else Object.defineProperty(this, name, { value: v, writable: true, configurable: true, enumerable: true });
        },
        configurable: true,
      });
    }
  }
  // repr() and str() of the class: the metaclass's __repr__ and __str__ (functionRepr, str()).
  for (const [dunder, hook] of [
    ["__repr__", "__pyrepr__"],
    ["__str__", "__pystr__"],
  ] as const) {
    const own = [...chain(M)].find((p) => Object.prototype.hasOwnProperty.call(p, dunder));
    if (own === undefined) continue;
    const method = (own as AnyRecord)[dunder] as Function;
    Object.defineProperty(cls, hook, {
      value(this: Function) {
        const s = method.call(this);
        if (typeof s !== "string") throw new TypeError(`${dunder} returned non-string (type ${typeName(s)})`);
        return s;
      },
      configurable: true,
      writable: true,
    });
  }
  if ([...chain(M)].some((p) => Object.prototype.hasOwnProperty.call(p, "__call__"))) {
    const viaMeta: Constructor = (C, args) => invoke(((C as unknown as AnyRecord)[METACLASS] as Function).prototype.__call__, C, args);
    Object.defineProperty(cls, CONSTRUCT, { value: viaMeta, configurable: true, writable: true });
  }
}

function* chain(M: Function): Generator<object> {
  for (let p = M.prototype as object | null; isMetaBody(p); p = Object.getPrototypeOf(p) as object | null) yield p;
}

/** The class body's namespace as a dict: `__module__`, `__qualname__`, then its names. */
function namespaceOf(cls: Function, names: string[] | undefined): PyDict<unknown, unknown> {
  const c = cls as unknown as AnyRecord;
  const ns = new PyDict<unknown, unknown>();
  ns.__setitem__("__module__", c.__module__);
  ns.__setitem__("__qualname__", c.__qualname__);
  const own = names ?? [...Object.keys(cls), ...Object.getOwnPropertyNames(cls.prototype).filter((n) => n !== "constructor")];
  for (const n of own) {
    if (n === "__module__" || n === "__qualname__") continue;
    if (Object.prototype.hasOwnProperty.call(cls, n) || Object.prototype.hasOwnProperty.call(cls.prototype, n)) ns.__setitem__(n, c[n]);
  }
  return ns;
}

/** Runs `__init_subclass__` and the metaclass protocol for a class define_class has built. */
export function finish_class(cls: Function, protocol: Protocol): Function {
  const c = cls as unknown as AnyRecord;
  const inherited = Object.getPrototypeOf(cls)?.[METACLASS] as Function | undefined;
  const M = protocol.metaclass ?? inherited;
  if (M === undefined || M === type) {
    init_subclass(cls, protocol.kwargs);
    return cls;
  }
  if (typeof M !== "function") throw new NotImplementedError(`class ${String(c.__qualname__)}: a metaclass that is not a class is not supported by tsyncio`);
  if (metaMethod(M, "__prepare__")) throw new NotImplementedError(`class ${String(c.__qualname__)}: a metaclass __prepare__ is not supported by tsyncio`);
  if (M !== inherited) mark(cls, M);
  const base = Object.getPrototypeOf(cls) as Function;
  const bases = PyTuple.fromArray<unknown>(base === PyObject ? [] : [base]);
  const kw = protocol.kwargs ? [new KwArgs(protocol.kwargs)] : [];
  const ns = namespaceOf(cls, protocol.namespace);
  const nw = metaMethod(M, "__new__");
  if (nw) {
    const saved = pending;
    pending = { cls, ns, snapshot: new Map(ns.entries()), done: false };
    let made: unknown;
    try {
      made = nw.call(M, c.__name__, bases, ns, ...kw);
    } finally {
      pending = saved;
    }
    if (made !== cls)
      throw new NotImplementedError(
        `class ${String(c.__qualname__)}: a metaclass __new__ that does not return the class super().__new__ made is not supported by tsyncio`,
      );
  } else {
    init_subclass(cls, protocol.kwargs);
  }
  const init = metaMethod(M, "__init__");
  if (init) init.call(cls, c.__name__, bases, ns, ...kw);
  return cls;
}

/** For define_class: a class with its own `__new__` is made by calling it (default_construct). */
export function note_custom_new(cls: Function): void {
  const own = Object.prototype.hasOwnProperty.call(cls.prototype, "__new__");
  if (
    own &&
    (cls.prototype instanceof PyObject || cls.prototype instanceof BaseException || derivesFromConstructedByNew(cls)) &&
    !Object.prototype.hasOwnProperty.call(cls, CONSTRUCT) &&
    (cls as unknown as AnyRecord)[CONSTRUCT] === undefined
  ) {
    Object.defineProperty(cls, CONSTRUCT, { value: default_construct, configurable: true, writable: true });
  }
}
