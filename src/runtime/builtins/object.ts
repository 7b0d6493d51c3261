// PyObject (base of user classes), keyword arguments, id().
import { NotImplementedError, TypeError } from "./exceptions.js";
import { late, registerLate } from "./late.js";
import { constructorArgs, SPREAD_LIMIT } from "./star-call.js";
import { className, classModule, classQualname, hexAddress, set_object_class } from "./names.js";

export { CALLABLE_OBJECT, isCallableObject, addressOf, hexAddress, className, classModule, classQualname } from "./names.js";

/** Keyword arguments passed as the final argument of a call: `f(a, kw({ end: "" }))`. */
export class KwArgs {
  constructor(public readonly kw: Record<string, unknown>) {}

  /** An empty `**kwargs` passes nothing. */
  isEmpty(): boolean {
    return isEmptyRecord(this.kw);
  }
}
registerLate({ KwArgs });

/** Whether a keyword record has no key. */
export function isEmptyRecord(r: Record<string, unknown>): boolean {
  for (const _ in r) return false;
  return true;
}

/** Set by `kw_merge` on a keyword record when a keyword came twice: the call reports it. */
export const DUPLICATE_KEYWORD: unique symbol = Symbol("duplicate keyword");

/** Set by `kw_merge` when a `**` argument is no mapping: the type's name, for the call's TypeError. */
export const NOT_A_MAPPING: unique symbol = Symbol("not a mapping");

export function kw(obj: Record<string, unknown>): KwArgs {
  const notMapping = (obj as { [NOT_A_MAPPING]?: string })[NOT_A_MAPPING];
  if (notMapping !== undefined) throw new TypeError(`argument after ** must be a mapping, not ${notMapping}`);
  const dup = (obj as { [DUPLICATE_KEYWORD]?: string })[DUPLICATE_KEYWORD];
  if (dup !== undefined) throw new TypeError(`got multiple values for keyword argument '${dup}'`);
  return new KwArgs(obj);
}

/** If the last argument is a KwArgs, remove it from `args` and return its record. */
export function popKw(args: unknown[]): Record<string, unknown> | null {
  const n = args.length;
  if (n > 0) {
    const last = args[n - 1];
    if (last instanceof KwArgs) {
      args.length = n - 1;
      return last.kw;
    }
  }
  return null;
}

/**
 * A class whose calls do not simply run `__init__` (a user `__new__`, a metaclass `__call__`)
 * holds its constructor under this key (inherited by subclasses through the JS static chain);
 * the PyObject constructor returns what it makes (metaclass.ts).
 */
export const CONSTRUCT: unique symbol = Symbol.for("tsyncio.construct") as never;

/**
 * Runtime classes that are no PyObject whose program subclasses may define `__new__`
 * (collections.namedtuple's classes, typing.NamedTuple): define_class gives such a subclass
 * CONSTRUCT, and their constructors ask for it (metaclass.ts note_custom_new).
 */
export const constructedByNew = new WeakSet<Function>();

/** Whether `cls` derives from one of constructedByNew's classes. */
export function derivesFromConstructedByNew(cls: Function): boolean {
  for (let c: Function | null = cls; c !== null && c !== Function.prototype; c = Object.getPrototypeOf(c) as Function | null)
    if (constructedByNew.has(c)) return true;
  return false;
}
/** A class's metaclass when it is not `type` (metaclass.ts); subclasses inherit it. */
export const METACLASS: unique symbol = Symbol("tsyncio.metaclass") as never;
let rawNew = false;
/** Set by metaclass.ts: `type.__new__` for a class statement in progress, else undefined. */
export const classCreation: { hook: ((mcs: Function, args: unknown[]) => object | undefined) | null } = { hook: null };
/** Set by metaclass.ts: runs `self.__init__(*args, **kw)` binding the trailing KwArgs by parameter name. */
export const keywordBinding: { init: ((self: object, args: unknown[]) => void) | null } = { init: null };
// (for exceptions.ts, below this layer: a program's exception class called with keywords)
registerLate({
  keywordInit: (self, args) => {
    const init = (self as { __init__: (...a: unknown[]) => unknown }).__init__;
    if (keywordBinding.init !== null) keywordBinding.init(self, args);
    else init.apply(self, args);
  },
});

/**
 * @internal The next `new C()` of a PyObject class skips PyObject's constructor work (no
 * `__init__`): for the runtime's own hot constructions (the loop's futures), which set their
 * fields themselves. Plain `new`, no Reflect.construct and no try/finally: the flag is cleared by
 * the constructor it reaches first.
 */
export function _skip_next_init(): void {
  rawNew = true;
}

/** The classes the program defined (define_class): their `__init__` is a translated def. */
export const programClasses = new WeakSet<Function>();
/** Runtime classes with no `__init__` or constructor work of their own (collections.abc's ABCs):
 *  a program's subclass of one takes the arguments its own `__init__` takes. */
export const initlessBases = new WeakSet<Function>();

/** `object.__new__(C)`: an instance of C whose `__init__` has not run. */
export function raw_instance(C: Function): object {
  if (!(C.prototype instanceof PyObject) && C !== PyObject) return Object.create(C.prototype as object) as object;
  rawNew = true;
  try {
    return Reflect.construct(C, []) as object;
  } finally {
    rawNew = false;
  }
}

/**
 * Base class of translated Python classes. The constructor calls `this.__init__(...args)`;
 * instance attributes must be `declare`d fields (no initializers, which would run after it).
 */
export class PyObject {
  constructor(...given: any[]) {
    if (rawNew) {
      rawNew = false;
      return;
    }
    const args = given.length === 0 ? constructorArgs(new.target, given) : given;
    const make = (new.target as unknown as { [CONSTRUCT]?: (c: Function, a: unknown[]) => unknown })[CONSTRUCT];
    if (make !== undefined) {
      const made = make(new.target, args);
      if (made === null || (typeof made !== "object" && typeof made !== "function"))
        throw new NotImplementedError(
          `${className(new.target)}() returned ${made === null || made === undefined ? "None" : typeof made === "bigint" ? "an int" : typeof made === "string" ? "a str" : "a " + typeof made} where JavaScript needs an object (a __new__ or metaclass __call__ returning a non-object is not supported)`,
        );
      return made as PyObject;
    }
    const n = args.length;
    // Keywords the compiler could not bind (a class called through a variable or an attribute).
    if (n !== 0 && args[n - 1] instanceof KwArgs && keywordBinding.init !== null) keywordBinding.init(this, args);
    else if (n > SPREAD_LIMIT) late.applyArgs(this.__init__, this, args);
    else this.__init__(...args);
  }
  /**
   * `object.__getattribute__(self, name)` and `super().__getattribute__(name)`: the generic lookup
   * (no hook, no __getattr__). Reads call a class's own override only (ops.ts getattr).
   */
  __getattribute__(name: unknown): any {
    return late.object_getattribute(this, name);
  }
  /** `object.__new__(cls)` (what `super().__new__(cls)` reaches): an instance of cls, `any` to TS (a `__new__` annotated `-> "C"` returns it). */
  __new__(cls: Function, ...args: unknown[]): any {
    // A metaclass derived from ABCMeta (a runtime class, not `type`) reaches this from its __new__.
    const made = classCreation.hook?.(cls, args);
    return made ?? raw_instance(cls);
  }
  /** `object.__new__(cls)` called on the class. */
  static __new__(cls: Function, ..._args: unknown[]): any {
    return raw_instance(cls);
  }
  /** `object.__setattr__(self, name, value)` (what `super().__setattr__` reaches): the write without a hook. */
  __setattr__(name: unknown, value: unknown): void {
    late.plainSetattr(this, name as string, value);
  }
  /** `object.__init_subclass__()`: takes no keywords (class keywords no base consumed). */
  static __init_subclass__(...args: unknown[]): void {
    const kws = args.length === 1 && args[0] instanceof KwArgs ? Object.keys(args[0].kw) : [];
    if (args.length > 1 || (args.length === 1 && !(args[0] instanceof KwArgs)) || kws.length) {
      throw new TypeError(`${classQualname(this)}.__init_subclass__() takes no keyword arguments`);
    }
  }
  /** `for x in obj` on a user class: through `__iter__` (or the old `__getitem__` protocol), as Python does. */
  [Symbol.iterator](): Iterator<unknown> {
    const self = this as unknown as { __iter__?: unknown; __getitem__?: unknown };
    if (typeof self.__iter__ !== "function" && typeof self.__getitem__ !== "function") {
      throw new TypeError(`'${className(this.constructor)}' object is not iterable`);
    }
    return late.toIterable(this)[Symbol.iterator]();
  }
  __init__(...args: any[]): void {
    if (args.length > 0 && !(args.length === 1 && args[0] instanceof KwArgs && Object.keys(args[0].kw).length === 0)) {
      throw new TypeError(`${className(this.constructor)}() takes no arguments`);
    }
  }
  __repr__(): string {
    const c = this.constructor;
    // CPython's object.__repr__ leaves out the module of builtins' classes: <object object at ...>.
    const module = classModule(c);
    const name = module === "builtins" ? classQualname(c) : `${module}.${classQualname(c)}`;
    return `<${name} object at ${hexAddress(this)}>`;
  }
  __str__(): string {
    return late.repr(this);
  }
  __format__(spec: string): string {
    if (spec !== "") {
      throw new TypeError(`unsupported format string passed to ${className(this.constructor)}.__format__`);
    }
    return this.__str__();
  }
  toString(): string {
    return this.__str__();
  }
  static get __name__(): string {
    return this === PyObject ? "object" : this.name;
  }
  static get __qualname__(): string {
    return this === PyObject ? "object" : this.name;
  }
}
set_object_class(PyObject);
