// `obj.__dict__` of an instance: a dict of its attributes that writes through to the object, as
// CPython's instance dict is the object's storage. `self.__dict__[k] = v`, `.update(...)`, `del`,
// `pop` and `clear` change the object's own properties (bypassing __setattr__ and properties, as in
// CPython); the dict is made afresh on each read, so writes made to the object directly show too.
import { PyDict, PyList, PySet, PySetBase, PyTuple } from "./collections.js";
import { stands_for } from "./mro.js";
import { propName } from "./js-names.js";
import { programClasses } from "./object.js";
import { AttributeError, NotImplementedError, TypeError } from "./exceptions.js";
import { typeName } from "./protocol.js";
import { repr } from "./repr.js";

/**
 * An instance of a program's `class Cache(dict)` / `class Stack(list)` / `class Tags(set)` keeps an
 * attribute whose name is a JavaScript member its runtime base uses (a dict's or set's `size` and
 * `has`, a list's `length` and `push`) under a symbol of that name, so that the runtime's own uses
 * of the member still find it: `self.size = 10` must not replace the dict's size.
 */
const shadowKeys = new Map<string, symbol>();
const shadowNames = new Map<symbol, string>();

/** The key of such an attribute of `obj`, or undefined when `obj` is no instance of a program's container subclass. */
export function containerShadowKey(obj: object, name: string): symbol | undefined {
  if (!(obj instanceof PyDict || obj instanceof PyList || obj instanceof PySetBase) || !programClasses.has(obj.constructor)) return undefined;
  let key = shadowKeys.get(name);
  if (key === undefined) {
    key = Symbol(name);
    shadowKeys.set(name, key);
    shadowNames.set(key, name);
  }
  return key;
}

/** The attributes kept under those keys, for `vars()` and `__dict__`. */
export function shadowedAttributes(obj: object): [string, unknown][] {
  const out: [string, unknown][] = [];
  for (const key of Object.getOwnPropertySymbols(obj)) {
    const name = shadowNames.get(key);
    if (name !== undefined) out.push([name, (obj as Record<symbol, unknown>)[key]]);
  }
  return out;
}

/** The own keys the runtime's list, dict and set objects keep for themselves (storage, `__hash__`), by base class. */
const storageKeys = new Map<Function, Set<string>>();

/**
 * The keys of `obj`'s own properties that are Python attributes (its `__dict__`): an instance of
 * a program's `class Stack(list)`, `class Key(tuple)` or `class Registry(dict)` also holds its
 * items and the container's storage as own properties, which are not.
 */
export function attributeKeys(obj: object): string[] {
  const keys = Object.keys(obj);
  const base = obj instanceof PyList ? PyList : obj instanceof PyTuple ? PyTuple : obj instanceof PyDict ? PyDict : obj instanceof PySetBase ? PySetBase : null;
  if (base === null) return keys;
  let storage = storageKeys.get(base);
  if (storage === undefined) {
    const empty = base === PyList ? new PyList() : base === PyTuple ? PyTuple.fromArray([]) : base === PyDict ? new PyDict() : new PySet();
    storage = new Set(Object.keys(empty));
    storageKeys.set(base, storage);
  }
  const indexed = base === PyList || base === PyTuple;
  return keys.filter((k) => !storage.has(k) && !(indexed && /^\d+$/.test(k)));
}

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

  pop<D = V>(k: K, ...d: D[]): V | D {
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

/**
 * `obj.__dict__ = d` with d a new dict nothing else holds: the instance's attributes become d's
 * entries (its own properties replaced). Returns the name of an entry an instance cannot hold
 * as an attribute (a key that is not a str), or null when done.
 */
export function replaceAttributes(owner: Record<string, unknown>, d: PyDict): unknown {
  for (const k of d.keys()) if (typeof k !== "string") return k;
  for (const k of Object.keys(owner)) delete owner[k];
  const view = InstanceDict.of(owner);
  for (const k of d.keys()) view.__setitem__(k, d.__getitem__(k));
  return null;
}

/**
 * `obj.__dict__ = value`. An instance keeps its attributes as the object's own properties, so a
 * new dict (a display, a comprehension, `dict(...)`: `fresh`) is copied in; a dict that may be
 * shared with something else (the Borg idiom's class-level dict, `self.__dict__ = self` of
 * AttrDict, a parameter) would have to stay the live storage: refused, never silently copied.
 */
export function set_instance_dict(obj: unknown, value: unknown, fresh: boolean): null {
  if (typeof obj === "function") throw new AttributeError("attribute '__dict__' of 'type' objects is not writable");
  if (!(value instanceof PyDict)) throw new TypeError(`__dict__ must be set to a dictionary, not a '${typeName(value)}'`);
  if (value === obj) throw new NotImplementedError("`self.__dict__ = self` (the AttrDict idiom: attributes that are the dict's own items)");
  if (!fresh) {
    throw new NotImplementedError(
      "assigning `__dict__` a dict that may be used elsewhere (the Borg idiom's shared dict, a parameter): only a new dict (a display, a comprehension, dict(...)) is supported",
    );
  }
  const bad = replaceAttributes(obj as Record<string, unknown>, value);
  if (bad !== null) throw new NotImplementedError(`an instance __dict__ with a key that is not a str (${repr(bad)})`);
  return null;
}
