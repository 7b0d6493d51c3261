// The builtin descriptor types called as functions: `x = property(getx, setx)`, `f = staticmethod(f)`,
// `c = classmethod(c)`, `p.setter(fn)`. (The decorator forms `@property`/`@staticmethod` in a class
// body are compiled to JS accessors and static members instead, classes.ts; define_class turns
// these objects, found among a class's attributes, into the same shape: program.ts.)
import { AttributeError, TypeError } from "./exceptions.js";
import { KwArgs, PyObject, hexAddress } from "./object.js";
import { className } from "./names.js";
import { call, call_checked, typeName } from "./protocol.js";
import { repr } from "./repr.js";
import { bindMethod, CLASS_METHODS, getattr } from "./ops.js";
import { placeKeywords } from "./keywords.js";

const PROPERTY_PARAMS = ["fget", "fset", "fdel", "doc"] as const;

/** The four optional arguments of `property(fget, fset, fdel, doc)`, also by keyword. */
function propertyArgs(args: unknown[]): unknown[] {
  const last = args[args.length - 1];
  const given = last instanceof KwArgs ? args.slice(0, -1) : args;
  if (given.length > 4) throw new TypeError(`property() takes at most 4 arguments (${given.length} given)`);
  const kw = last instanceof KwArgs ? last.kw : undefined;
  const out = placeKeywords("property", kw, PROPERTY_PARAMS, given.length, [...given], (k) => `'${k}' is an invalid keyword argument for property()`);
  for (let i = 0; i < 4; i++) if (out[i] === undefined) out[i] = null;
  return out;
}

function docOf(f: unknown): unknown {
  if (f === null || (typeof f !== "function" && typeof f !== "object")) return null;
  return (f as { __doc__?: unknown }).__doc__ ?? null;
}

/** `property(fget=None, fset=None, fdel=None, doc=None)`. */
export class property extends PyObject {
  declare fget: unknown;
  declare fset: unknown;
  declare fdel: unknown;
  /** An explicit docstring; undefined: the getter's (read when asked: define_class gives methods theirs later). */
  declare private _doc: unknown;
  /** The class attribute's name (`__set_name__`), for the error messages. */
  declare private _name: string | null;
  /** Whether `__doc__` came from the getter (a copy with a new getter takes the new one's). */
  declare private _getterDoc: boolean;
  static __module__ = "builtins";

  __init__(...args: unknown[]): void {
    const [fget, fset, fdel, doc] = propertyArgs(args);
    this.fget = fget;
    this.fset = fset;
    this.fdel = fdel;
    this._getterDoc = doc === null && fget !== null;
    this._doc = this._getterDoc ? undefined : doc;
    if (this._name === undefined) this._name = null;
  }

  get __doc__(): unknown {
    return this._doc === undefined ? docOf(this.fget) : this._doc;
  }
  set __doc__(doc: unknown) {
    this._doc = doc;
  }

  __set_name__(_owner: unknown, name: unknown): null {
    this._name = typeof name === "string" ? name : null;
    return null;
  }

  private refusal(obj: unknown, what: string): AttributeError {
    const named = this._name === null ? "property" : `property '${this._name}'`;
    return new AttributeError(`${named} of '${typeName(obj)}' object has no ${what}`);
  }

  __get__(obj: unknown, owner: unknown = null): unknown {
    if (obj === null || obj === undefined) {
      if (owner === null || owner === undefined) throw new TypeError("__get__(None, None) is invalid");
      return this;
    }
    if (this.fget === null) throw this.refusal(obj, "getter");
    return call_checked(this.fget, obj);
  }

  __set__(obj: unknown, value: unknown): null {
    if (this.fset === null) throw this.refusal(obj, "setter");
    call_checked(this.fset, obj, value);
    return null;
  }

  __delete__(obj: unknown): null {
    if (this.fdel === null) throw this.refusal(obj, "deleter");
    call_checked(this.fdel, obj);
    return null;
  }

  /** A copy with one accessor replaced, of the same (sub)class, keeping the name. */
  private copy(fget: unknown, fset: unknown, fdel: unknown): property {
    const doc = this._getterDoc && fget !== null ? null : this.__doc__;
    const made = call(this.constructor, fget, fset, fdel, doc) as property;
    if (made instanceof property && made._name === null) made._name = this._name;
    return made;
  }
  getter(f: unknown): property {
    return this.copy(f, this.fset, this.fdel);
  }
  setter(f: unknown): property {
    return this.copy(this.fget, f, this.fdel);
  }
  deleter(f: unknown): property {
    return this.copy(this.fget, this.fset, f);
  }

  get __isabstractmethod__(): boolean {
    const abstract = (f: unknown) => f !== null && (f as { __isabstractmethod__?: unknown })?.__isabstractmethod__ === true;
    return abstract(this.fget) || abstract(this.fset) || abstract(this.fdel);
  }

  __repr__(): string {
    return `<${className(this.constructor)} object at ${hexAddress(this)}>`;
  }
}

/** What staticmethod and classmethod share: the wrapped callable and its names. */
abstract class MethodWrapper extends PyObject {
  declare __func__: unknown;
  declare __wrapped__: unknown;
  static __module__ = "builtins";

  __init__(...args: unknown[]): void {
    const given = args[args.length - 1] instanceof KwArgs ? args.slice(0, -1) : args;
    const kind = className(this.constructor);
    if (given.length !== args.length && Object.keys((args[args.length - 1] as KwArgs).kw).length) throw new TypeError(`${kind}() takes no keyword arguments`);
    if (given.length !== 1) throw new TypeError(`${kind} expected 1 argument, got ${given.length}`);
    this.__func__ = given[0];
    this.__wrapped__ = given[0];
  }
  // The wrapped function's names and docstring, as CPython 3.10+ copies them.
  get __name__(): unknown {
    return getattr(this.__func__, "__name__", null);
  }
  get __qualname__(): unknown {
    return getattr(this.__func__, "__qualname__", null);
  }
  get __doc__(): unknown {
    return docOf(this.__func__);
  }
  get __isabstractmethod__(): boolean {
    return (this.__func__ as { __isabstractmethod__?: unknown } | null)?.__isabstractmethod__ === true;
  }
  __repr__(): string {
    return `<${className(this.constructor)}(${repr(this.__func__)})>`;
  }
}

/** `staticmethod(f)`: f itself, from the class and from its instances (and callable, as in 3.10+). */
export class staticmethod extends MethodWrapper {
  __get__(_obj: unknown, _owner: unknown = null): unknown {
    return this.__func__;
  }
  __call__(...args: unknown[]): unknown {
    return call_checked(this.__func__, ...args);
  }
}

/** `classmethod(f)`: f bound to the class it is read from (or the instance's class). */
export class classmethod extends MethodWrapper {
  __get__(obj: unknown, owner: unknown = null): unknown {
    const cls = owner ?? (obj === null || obj === undefined ? null : (obj as object).constructor);
    const f = this.__func__;
    // (a `@classmethod def` of a class body, which takes its class as `this`: `c2 = c` in the body)
    if (typeof f === "function" && CLASS_METHODS.has(f)) return bindMethod(f, cls);
    // (as CPython's method objects: the function with the class bound first; the name "bound NAME"
    // and __self__/__func__ give it a bound method's repr)
    const name = getattr(f, "__name__", null);
    const bound = (...args: unknown[]) => call_checked(f, cls, ...args);
    Object.defineProperty(bound, "name", { value: `bound ${typeof name === "string" ? name : "method"}` });
    Object.defineProperty(bound, "__name__", { value: name });
    Object.defineProperty(bound, "__func__", { value: f });
    Object.defineProperty(bound, "__self__", { value: cls });
    return bound;
  }
}

/** Whether a value is such a wrapper (define_class gives it the shape of a decorated method). */
export function isMethodWrapper(x: unknown): x is staticmethod | classmethod {
  return x instanceof MethodWrapper;
}
