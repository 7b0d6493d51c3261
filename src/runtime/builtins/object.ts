// PyObject (base of user classes), keyword arguments, id().
import { TypeError } from "./exceptions.js";
import { late } from "./late.js";
import { className, classModule, classQualname, hexAddress, set_object_class } from "./names.js";

export { CALLABLE_OBJECT, isCallableObject, addressOf, hexAddress, className, classModule, classQualname } from "./names.js";

/** Keyword arguments passed as the final argument of a call: `f(a, kw({ end: "" }))`. */
export class KwArgs {
  constructor(public readonly kw: Record<string, unknown>) {}
}

/** Set by `kw_merge` on a keyword record when a keyword came twice: the call reports it. */
export const DUPLICATE_KEYWORD: unique symbol = Symbol("duplicate keyword");

export function kw(obj: Record<string, unknown>): KwArgs {
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
 * Base class of translated Python classes. The constructor calls `this.__init__(...args)`;
 * instance attributes must be `declare`d fields (no initializers, which would run after it).
 */
export class PyObject {
  constructor(...args: any[]) {
    this.__init__(...args);
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
    return `<${classModule(c)}.${classQualname(c)} object at ${hexAddress(this)}>`;
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
