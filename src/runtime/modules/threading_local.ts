// threading.local: attributes that each thread sees separately. An instance is a Proxy whose
// attribute reads and writes go to the running thread's own record (methods and class attributes
// still come from the class). CPython: Lib/_threading_local.py (documented behaviour).
import { PyObject } from "../builtins/object.js";
import { AttributeError } from "../builtins/exceptions.js";
import { typeName } from "../builtins/ops.js";
import * as sched from "../threads/scheduler.js";

const MAIN = {};

export class local extends PyObject {
  static __module__ = "_thread";
  constructor(...args: unknown[]) {
    super(...args);
    const perThread = new WeakMap<object, Record<string | symbol, unknown>>();
    let proxy: local | null = null;
    const record = (): Record<string | symbol, unknown> => {
      const key = sched.current ?? MAIN;
      let r = perThread.get(key);
      if (r === undefined) {
        perThread.set(key, (r = Object.create(null) as Record<string | symbol, unknown>));
        // A subclass's __init__ runs again, with the constructor's arguments, the first time
        // another thread touches the object (CPython's _threading_local does the same).
        if (proxy !== null && typeof proxy.__init__ === "function" && proxy.__init__ !== local.prototype.__init__) proxy.__init__(...args);
      }
      return r;
    };
    // The constructor's own fields (set by __init__ on the main thread) belong to that thread.
    const own = record();
    for (const k of Object.keys(this)) {
      own[k] = (this as Record<string, unknown>)[k];
      delete (this as Record<string, unknown>)[k];
    }
    proxy = new Proxy(this, {
      get(target, key, receiver) {
        const r = record();
        if (key in r) return r[key];
        return Reflect.get(target, key, receiver);
      },
      set(_target, key, value) {
        record()[key] = value;
        return true;
      },
      has(target, key) {
        return key in record() || key in target;
      },
      deleteProperty(target, key) {
        const r = record();
        if (!(key in r)) throw new AttributeError(`'${typeName(target)}' object has no attribute '${String(key)}'`);
        delete r[key];
        return true;
      },
    });
    return proxy;
  }
}
