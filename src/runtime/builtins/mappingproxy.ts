// `mappingproxy`: a read-only view of a mapping (types.MappingProxyType, and what a class's
// `__dict__` is).
import { PyObject } from "./object.js";
import { TypeError } from "./exceptions.js";
import { PyTuple, PyList } from "./collections.js";
import { repr } from "./repr.js";
import { eq, getitem, contains, call, iter, typeName } from "./ops.js";
import { isIndexLike } from "./protocol.js";
import { len } from "./functions.js";

/** A read-only view of a mapping. */
export class MappingProxyType extends PyObject {
  declare _m: any;
  __init__(m: unknown): void {
    if (m === null || m === undefined || typeof m !== "object" || typeof (m as any).__getitem__ !== "function" || m instanceof PyList || m instanceof PyTuple) {
      throw new TypeError(`mappingproxy() argument must be a mapping, not ${typeName(m)}`);
    }
    this._m = m;
  }
  __getitem__(k: unknown): unknown {
    return getitem(this._m, k);
  }
  __setitem__(_k: unknown, _v: unknown): never {
    throw new TypeError("'mappingproxy' object does not support item assignment");
  }
  __delitem__(k: unknown): never {
    // (CPython's words differ by branch: an int key fails in the sequence one)
    throw new TypeError(`'mappingproxy' object ${isIndexLike(k) ? "doesn't" : "does not"} support item deletion`);
  }
  __contains__(k: unknown): boolean {
    return contains(this._m, k);
  }
  __len__(): bigint {
    return len(this._m);
  }
  __iter__(): Iterator<unknown> {
    return iter(this._m);
  }
  get(k: unknown, d: unknown = null): unknown {
    return this._m.get(k, d);
  }
  keys(): unknown {
    return this._m.keys();
  }
  values(): unknown {
    return this._m.values();
  }
  items(): unknown {
    return this._m.items();
  }
  copy(): unknown {
    return this._m.copy();
  }
  __eq__(o: unknown): boolean {
    return eq(this._m, o instanceof MappingProxyType ? o._m : o);
  }
  __or__(o: unknown): unknown {
    return call(this._m.__or__.bind(this._m), o instanceof MappingProxyType ? o._m : o);
  }
  __repr__(): string {
    return `mappingproxy(${repr(this._m)})`;
  }
  __str__(): string {
    return repr(this._m);
  }
}
Object.defineProperty(MappingProxyType, "__name__", { value: "mappingproxy" });
Object.defineProperty(MappingProxyType, "__qualname__", { value: "mappingproxy" });
Object.defineProperty(MappingProxyType, "__module__", { value: "builtins", writable: true, configurable: true });
