// weakref: ref, proxy, WeakValueDictionary, WeakKeyDictionary, WeakSet, finalize.
//
// JavaScript cannot tell when an object becomes unreachable the way CPython's reference counts do
// (a `del x` frees x at once there), so these hold their referents strongly: a reference never
// dies and finalizers run at exit (`atexit=True`) as CPython's do for objects still alive then.
// Programs that use weak containers as caches behave the same; programs that print whether an
// object was collected after `del` differ (documented in docs/runtime-modules.md).
import { PyObject, KwArgs, popKw, className, classModule, hexAddress } from "../builtins/object.js";
import { TypeError } from "../builtins/exceptions.js";
import { PyDict, PySet, PyList } from "../builtins/collections.js";
import { call, eq, pytype, typeName } from "../builtins/ops.js";
import { repr } from "../builtins/repr.js";
import { register as atexitRegister } from "./atexit.js";

function checkReferent(obj: unknown): void {
  if (obj === null || obj === undefined || (typeof obj !== "object" && typeof obj !== "function")) {
    throw new TypeError(`cannot create weak reference to '${typeName(obj)}' object`);
  }
  if (obj instanceof PyList || obj instanceof PyDict) throw new TypeError(`cannot create weak reference to '${typeName(obj)}' object`);
}

/** `weakref.ref(obj)`: calling it gives obj back. */
export class ref extends PyObject {
  declare _obj: unknown;
  declare __callback__: unknown;
  __init__(obj: unknown, callback: unknown = null): void {
    checkReferent(obj);
    this._obj = obj;
    this.__callback__ = callback;
  }
  __call__(): unknown {
    return this._obj;
  }
  __eq__(o: unknown): boolean {
    return o instanceof ref && o._obj === this._obj;
  }
  __hash__(): bigint {
    return 0n;
  }
  __repr__(): string {
    const o = this._obj as object;
    const c = (o as { constructor: Function }).constructor;
    return `<weakref at ${hexAddress(this)}; to '${classModule(c) === "builtins" ? "" : classModule(c) + "."}${className(c)}' at ${hexAddress(o)}>`;
  }
}
Object.defineProperty(ref, "__name__", { value: "ReferenceType" });
Object.defineProperty(ref, "__qualname__", { value: "ReferenceType" });
Object.defineProperty(ref, "__module__", { value: "weakref", writable: true, configurable: true });
export { ref as ReferenceType };

/** `weakref.WeakMethod(obj.method)`: a ref to a bound method; calling it gives the bound method. */
export class WeakMethod extends ref {
  __init__(method: unknown, callback: unknown = null): void {
    const m = method as { __self__?: unknown; __func__?: unknown };
    if (typeof method !== "function" || m.__self__ === undefined || m.__func__ === undefined) {
      throw new TypeError(`argument should be a bound method, not ${repr(pytype(method))}`);
    }
    super.__init__(m.__self__, callback);
    this._method = method;
  }
  declare _method: unknown;
  __call__(): unknown {
    return this._method;
  }
  __eq__(o: unknown): boolean {
    return o instanceof WeakMethod && eq(o._method, this._method);
  }
}
Object.defineProperty(WeakMethod, "__module__", { value: "weakref", writable: true, configurable: true });
Object.defineProperty(WeakMethod, "__name__", { value: "WeakMethod" });
Object.defineProperty(WeakMethod, "__qualname__", { value: "WeakMethod" });

/** `weakref.proxy(obj)`: the object itself stands in for its proxy (every attribute reads through). */
export function proxy(obj: unknown, _callback: unknown = null): unknown {
  checkReferent(obj);
  return obj;
}

export function getweakrefcount(_obj: unknown): bigint {
  return 0n;
}

/** A dict whose values would be weak references in CPython. */
export class WeakValueDictionary<K = unknown, V = unknown> extends PyDict<K, V> {
  __setitem__(k: K, v: V): void {
    checkReferent(v);
    super.__setitem__(k, v);
  }
  valuerefs(): PyList<ref> {
    return PyList.fromArray([...this.values()].map((v) => new ref(v)));
  }
  __repr__(): string {
    return `<WeakValueDictionary at ${hexAddress(this)}>`;
  }
}
Object.defineProperty(WeakValueDictionary, "__module__", { value: "weakref", writable: true, configurable: true });

/** A dict whose keys would be weak references in CPython. */
export class WeakKeyDictionary<K = unknown, V = unknown> extends PyDict<K, V> {
  __setitem__(k: K, v: V): void {
    checkReferent(k);
    super.__setitem__(k, v);
  }
  __repr__(): string {
    return `<WeakKeyDictionary at ${hexAddress(this)}>`;
  }
}
Object.defineProperty(WeakKeyDictionary, "__module__", { value: "weakref", writable: true, configurable: true });

export class WeakSet<T = unknown> extends PySet<T> {
  add(x: T): null {
    checkReferent(x);
    return super.add(x);
  }
  __repr__(): string {
    return `<_weakrefset.WeakSet object at ${hexAddress(this)}>`;
  }
}
Object.defineProperty(WeakSet, "__module__", { value: "_weakrefset", writable: true, configurable: true });

/** `weakref.finalize(obj, func, *args, **kwargs)`: func runs when called, detached, or at exit. */
export class finalize extends PyObject {
  declare _call: (() => unknown) | null;
  declare atexit: boolean;
  __init__(obj: unknown, func: unknown, ...args: unknown[]): void {
    const k = popKw(args);
    checkReferent(obj);
    this.atexit = true;
    this._call = () => (k ? call(func, ...args, new KwArgs(k)) : call(func, ...args));
    const self = this;
    atexitRegister(() => {
      if (self.atexit) self.__call__();
      return null;
    });
  }
  __call__(): unknown {
    const c = this._call;
    this._call = null;
    return c ? c() : null;
  }
  detach(): unknown {
    this._call = null;
    return null;
  }
  get alive(): boolean {
    return this._call !== null;
  }
}
Object.defineProperty(finalize, "__module__", { value: "weakref", writable: true, configurable: true });
