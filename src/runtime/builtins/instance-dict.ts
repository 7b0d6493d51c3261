// `obj.__dict__` of an instance: a dict of its attributes that writes through to the object, as
// CPython's instance dict is the object's storage. `self.__dict__[k] = v`, `.update(...)`, `del`,
// `pop` and `clear` change the object's own properties (bypassing __setattr__ and properties, as in
// CPython); the dict is made afresh on each read, so writes made to the object directly show too.
import { PyDict } from "./collections.js";
import { stands_for } from "./mro.js";
import { propName } from "./js-names.js";

export class InstanceDict<K = unknown, V = unknown> extends PyDict<K, V> {
  declare _owner: Record<string, unknown>;

  static of<K, V>(owner: object): InstanceDict<K, V> {
    const d = new InstanceDict<K, V>();
    Object.defineProperty(d, "_owner", { value: owner });
    return d;
  }

  __setitem__(k: K, v: V): void {
    super.__setitem__(k, v);
    if (this._owner === undefined || typeof k !== "string") return;
    // A class's property (a data descriptor) still wins over the entry, as in CPython; here the
    // entry is then not kept on the object (not supported: vars() will not show it).
    if (accessorAbove(this._owner, propName(k))) return;
    // (an own property shadows a method or class attribute, as the instance dict entry does)
    Object.defineProperty(this._owner, propName(k), { value: v, writable: true, enumerable: true, configurable: true });
  }

  __delitem__(k: K): void {
    super.__delitem__(k);
    if (this._owner !== undefined && typeof k === "string") delete this._owner[propName(k)];
  }

  pop(k: K, ...d: V[]): V {
    const had = this.__contains__(k);
    const v = super.pop(k, ...d);
    if (had && this._owner !== undefined && typeof k === "string") delete this._owner[propName(k)];
    return v;
  }

  clear(): null {
    if (this._owner !== undefined) for (const k of this.keys()) if (typeof k === "string") delete this._owner[propName(k)];
    return super.clear();
  }

  copy(): PyDict<K, V> {
    const d = new PyDict<K, V>();
    for (const [k, v] of this.entries()) d.__setitem__(k, v);
    return d;
  }
}
stands_for(InstanceDict, PyDict);

/**
 * The class has a data descriptor (a property, an object with __set__ or __delete__) for `key`.
 * (Class attributes and methods are accessors on the prototype too: the class's value decides.)
 */
function accessorAbove(owner: object, key: string): boolean {
  const cls = (owner as { constructor?: unknown }).constructor;
  if (typeof cls !== "function") return false;
  let value: unknown;
  try {
    value = (cls as unknown as Record<string, unknown>)[key];
  } catch {
    return false;
  }
  if (value === null || typeof value !== "object") return false;
  const d = value as { __set__?: unknown; __delete__?: unknown };
  return typeof d.__set__ === "function" || typeof d.__delete__ === "function";
}
