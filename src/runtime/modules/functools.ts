// functools: partial, partialmethod, reduce, wraps, update_wrapper, lru_cache, cache, cmp_to_key, total_ordering,
// singledispatch, singledispatchmethod.
import { AttributeError, TypeError, ValueError } from "../builtins/exceptions.js";
import { CALLABLE_OBJECT, KwArgs, className, popKw, PyObject } from "../builtins/object.js";
import { isJsClass } from "../builtins/names.js";
import { constructorArgs, takes_packed, unpacked } from "../builtins/star-call.js";
import { repr } from "../builtins/repr.js";
import { NotImplemented, call, getattr, setattr, slotNamesOf, toIterable, truthy, lt, eq, hashNum, typeName, pytype } from "../builtins/ops.js";
import { ne } from "../builtins/protocol.js";
import { callv } from "../builtins/protocol.js";
import { applyArgs } from "../builtins/keywords.js";
import { isClass } from "../builtins/repr.js";
import { mro_of } from "../builtins/mro.js";
import { bool, hash, int, issubclass } from "../builtins/functions.js";
import { PyDict, PyList, PyTuple } from "../builtins/collections.js";
import { namedtuple } from "./collections.js";
import { Union, get_args, get_origin } from "./typing.js";
import { UnionType } from "./_type_alias.js";
import { PARTIAL_FUNC } from "../asyncio/coroutines.js";

type Fn = (...a: any[]) => any;

function mergeKw(a: Record<string, unknown> | null, b: Record<string, unknown> | null): KwArgs | null {
  if (!a && !b) return null;
  return new KwArgs({ ...(a ?? {}), ...(b ?? {}) });
}

/**
 * `functools.partial(func, *args, **kw)`: a class (isinstance, type(), subclasses), as CPython's,
 * whose instances are functions marked as callable objects, so translated code calls them
 * directly (a unittest.mock Mock is made the same way).
 */
/** A partial object's own application of its function (what partial.__call__ runs). */
const PARTIAL_APPLY: unique symbol = Symbol("tsyncio.partial-apply");

export class partial extends PyObject {
  declare func: unknown;
  declare args: PyTuple<unknown>;
  declare keywords: PyDict<string, unknown>;
  static __module__ = "functools";
  constructor(...given: unknown[]) {
    // (a call with more values than a JS call takes leaves them for the first constructor that
    // asks: this one, before PyObject's)
    given = unpacked(constructorArgs(new.target, given));
    super();
    let func = given[0];
    let args = given.slice(1);
    let k = popKw(args);
    if (typeof func !== "function" && !(func && typeof (func as { __call__?: unknown }).__call__ === "function")) {
      throw new TypeError("the first argument must be callable");
    }
    // A partial of a plain partial is flattened into one, as CPython's are.
    if (typeof func === "function" && Object.getPrototypeOf(func) === partial.prototype) {
      const inner = func as unknown as partial;
      args = [...inner.args, ...args];
      const merged: Record<string, unknown> = {};
      for (const n of inner.keywords.keys()) merged[n as string] = inner.keywords.__getitem__(n);
      k = k || inner.keywords.__len__() ? { ...merged, ...(k ?? {}) } : null;
      func = inner.func;
    }
    const apply = function (...given: unknown[]) {
      const more = unpacked(given).slice();
      const k2 = popKw(more);
      const kw = mergeKw(k, k2);
      return callv(func, kw ? [...args, ...more, kw] : [...args, ...more]);
    };
    // A subclass's own __call__ runs when the object is called (its super().__call__ applies).
    const own = (new.target.prototype as { __call__?: unknown }).__call__;
    const p = takes_packed(
      own === partial.prototype.__call__
        ? apply
        : function (...given: unknown[]) {
            return applyArgs(own as Function, p, unpacked(given));
          },
    ) as unknown as partial;
    Object.setPrototypeOf(p, new.target.prototype);
    Object.defineProperty(p, PARTIAL_APPLY, { value: apply });
    // (keywords reach it whole, as they reach `apply`, which pops them itself: keywords.ts)
    if ((p as unknown) !== apply) Object.defineProperty(p, "__signature_source__", { value: apply });
    Object.defineProperty(p, CALLABLE_OBJECT, { value: true });
    Object.defineProperty(p, PARTIAL_FUNC, { value: func });
    // (read-only members in CPython, not in the instance's __dict__)
    Object.defineProperty(p, "func", { value: func });
    Object.defineProperty(p, "args", { value: PyTuple.fromArray(args) });
    Object.defineProperty(p, "keywords", { value: new PyDict<string, unknown>(k ? new KwArgs(k) : undefined) });
    return p;
  }
  __call__(...given: unknown[]): unknown {
    return Reflect.apply((this as unknown as { [PARTIAL_APPLY]: Function })[PARTIAL_APPLY], undefined, given);
  }
  // (a partial object has no name of its own: the JS function's is no Python attribute)
  get __name__(): never {
    const name = Object.getPrototypeOf(this) === partial.prototype ? "functools.partial" : className(Object.getPrototypeOf(this).constructor);
    throw new AttributeError(`'${name}' object has no attribute '__name__'`);
  }
  __pyrepr__(): string {
    return this.__repr__();
  }
  __repr__(): string {
    const kw = Array.from(this.keywords.keys(), (n) => `${n as string}=${repr(this.keywords.__getitem__(n))}`);
    const parts = [repr(this.func), ...Array.from(this.args, repr), ...kw];
    const name = Object.getPrototypeOf(this) === partial.prototype ? "functools.partial" : className(Object.getPrototypeOf(this).constructor);
    return `${name}(${parts.join(", ")})`;
  }
}
/** An instance is a JS function (the constructor returns one): TS may pass it where a callback goes. */
export interface partial {
  (...args: any[]): any;
}
takes_packed(partial, 1);
// (an instance's prototype chain leaves out Function.prototype: its JS methods stay reachable)
for (const m of ["apply", "call", "bind"] as const) {
  Object.defineProperty(partial.prototype, m, { value: Function.prototype[m], writable: true, configurable: true });
}

/**
 * `partialmethod(func, *args, **kw)` in a class body: a descriptor whose `__get__` gives the method
 * with the instance first, then `args` (and the keywords merged with the call's).
 */
export class partialmethod extends PyObject {
  declare func: unknown;
  declare args: PyTuple<unknown>;
  declare keywords: PyDict<string, unknown>;
  declare private _kw: Record<string, unknown> | null;
  static __module__ = "functools";
  __init__(func: unknown, ...given: unknown[]): void {
    const args = given.slice();
    const k = popKw(args);
    if (typeof func !== "function" && !(func && typeof (func as { __get__?: unknown }).__get__ === "function")) {
      throw new TypeError(`${repr(func)} is not callable or a descriptor`);
    }
    this.func = func;
    this.args = PyTuple.fromArray(args);
    this._kw = k;
    this.keywords = new PyDict<string, unknown>(k ? new KwArgs(k) : undefined);
  }
  __get__(obj: unknown, _owner: unknown = null): unknown {
    const func = this.func;
    const args = Array.from(this.args);
    const k = this._kw;
    if (obj === null || obj === undefined) return new partial(func, ...args, ...(k ? [new KwArgs(k)] : []));
    return takes_packed(function (...given: unknown[]) {
      const more = unpacked(given).slice();
      const kw = mergeKw(k, popKw(more));
      return callv(func, kw ? [obj, ...args, ...more, kw] : [obj, ...args, ...more]);
    });
  }
  __repr__(): string {
    const parts = [repr(this.func), ...Array.from(this.args).map(repr), ...Object.entries(this._kw ?? {}).map(([n, v]) => `${n}=${repr(v)}`)];
    return `functools.partialmethod(${parts.join(", ")}, )`;
  }
}

export function reduce(f: unknown, it: unknown, ...init: unknown[]): unknown {
  const iter = toIterable(it)[Symbol.iterator]();
  let acc: unknown;
  if (init.length > 0) acc = init[0];
  else {
    const r = iter.next();
    if (r.done) throw new TypeError("reduce() of empty iterable with no initial value");
    acc = r.value;
  }
  for (let r = iter.next(); !r.done; r = iter.next()) acc = call(f, acc, r.value);
  return acc;
}

const WRAPPER_ASSIGNMENTS = ["__module__", "__name__", "__qualname__", "__doc__", "__annotations__", "__type_params__"];

/** CPython's defaults of update_wrapper's assigned= and updated= (the runtime copies what it models). */
export const WRAPPER_ASSIGNMENTS_TUPLE = PyTuple.of("__module__", "__name__", "__qualname__", "__doc__", "__annotations__", "__type_params__");
export const WRAPPER_UPDATES = PyTuple.of("__dict__");
export { WRAPPER_ASSIGNMENTS_TUPLE as WRAPPER_ASSIGNMENTS };

const NOT_FOUND = Symbol("not found");

export function update_wrapper<W extends object>(wrapper: W, wrapped: unknown): W {
  for (const a of WRAPPER_ASSIGNMENTS) {
    // (read as Python reads them: a def's __name__ and __qualname__ are no JS properties of its own)
    const v = wrapped === null || wrapped === undefined ? undefined : getattr(wrapped, a, NOT_FOUND);
    if (v !== undefined && v !== NOT_FOUND) {
      try {
        // (on an instance, entries of its __dict__: `functools.update_wrapper(self, func)`)
        Object.defineProperty(wrapper, a, { value: v, writable: true, configurable: true, enumerable: typeof wrapper === "object" });
      } catch {
        /* ignore */
      }
    }
  }
  const name = (wrapped as { name?: string })?.name;
  if (typeof name === "string") {
    try {
      Object.defineProperty(wrapper, "name", { value: name, configurable: true });
      if ((wrapped as Record<string, unknown>).__qualname__ === undefined) {
        Object.defineProperty(wrapper, "__qualname__", { value: name, writable: true, configurable: true });
      }
    } catch {
      /* ignore */
    }
  }
  // WRAPPER_UPDATES: the wrapped function's attributes (`f._target = f`) join the wrapper's.
  const attrs = wrapped === null || wrapped === undefined ? NOT_FOUND : getattr(wrapped, "__dict__", NOT_FOUND);
  if (attrs instanceof PyDict) for (const [k, v] of attrs.entries()) if (typeof k === "string") setattr(wrapper, k, v);
  // (an entry of the wrapper's __dict__, as CPython's)
  Object.defineProperty(wrapper, "__wrapped__", { value: wrapped, writable: true, configurable: true, enumerable: true });
  return wrapper;
}

export function wraps(wrapped: unknown, ..._rest: unknown[]): <W extends object>(w: W) => W {
  return (w) => update_wrapper(w, wrapped);
}

/** What cache_info() returns: a named tuple (`functools._CacheInfo(hits, misses, maxsize, currsize)`). */
export const _CacheInfo = namedtuple("CacheInfo", PyList.fromArray(["hits", "misses", "maxsize", "currsize"]), new KwArgs({ module: "functools" }));
// (a class made at run time or an alias of one: its instances, for annotations that name it)
export type _CacheInfo = InstanceType<typeof _CacheInfo>;

/**
 * `functools._make_key(args, kwds, typed)`, the key lru_cache builds (libraries such as async-lru
 * call it): a lone int or str argument is its own key; otherwise a _HashedSeq of the arguments, a
 * marker, the keyword items, and with `typed` the arguments' types.
 */
export function _make_key(args: unknown, kwds: unknown, typed: unknown): unknown {
  const positional = Array.from(toIterable(args));
  const keywords = kwds instanceof PyDict ? Array.from(toIterable(kwds.items()), (item) => item as [unknown, unknown]) : [];
  const parts: unknown[] = [...positional];
  if (keywords.length) {
    parts.push(MARK);
    for (const [k, v] of keywords) parts.push(k, v);
  }
  if (truthy(typed)) {
    for (const a of positional) parts.push(pytype(a));
    for (const [, v] of keywords) parts.push(pytype(v));
  } else if (parts.length === 1 && (typeof parts[0] === "string" || typeof parts[0] === "bigint")) {
    return parts[0];
  }
  return _HashedSeq.fromItems(parts);
}

/** The key type of `_make_key`, as CPython's: a list of the key's items keeping the hash of their tuple. */
export class _HashedSeq extends PyList<unknown> {
  declare hashvalue: bigint;
  static __name__ = "_HashedSeq";
  static __module__ = "functools";
  static fromItems(items: unknown[]): _HashedSeq {
    const seq = Object.setPrototypeOf(PyList.fromArray(items), _HashedSeq.prototype) as _HashedSeq;
    seq.hashvalue = hash(PyTuple.fromArray(items)) as bigint;
    return seq;
  }
}
// (a method where list's is the field `__hash__ = null`: set on the prototype, which TS's class syntax cannot override)
Object.defineProperty(_HashedSeq.prototype, "__hash__", {
  value: function (this: _HashedSeq): bigint {
    return this.hashvalue;
  },
  writable: true,
  configurable: true,
});

function makeKey(args: unknown[], kw: Record<string, unknown> | null): unknown {
  if (args.length === 1 && !kw) {
    const a = args[0];
    if (typeof a === "string" || typeof a === "bigint") return a;
  }
  const parts: unknown[] = [...args];
  if (kw) for (const k of Object.keys(kw)) parts.push(MARK, k, kw[k]);
  return PyTuple.fromArray(parts);
}
const MARK = new (class KwMark {})();

export function lru_cache(maxsize: unknown = 128n, typed: unknown = false): any {
  if (typeof maxsize === "function") return lru_cache(128n)(maxsize);
  if (maxsize instanceof KwArgs) {
    typed = maxsize.kw.typed ?? false;
    maxsize = maxsize.kw.maxsize === undefined ? 128n : maxsize.kw.maxsize;
  }
  void typed;
  const max = maxsize === null ? Infinity : Math.max(0, Number(maxsize));
  return (f: Fn) => {
    const cache = new PyDict<unknown, unknown>();
    let hits = 0n;
    let misses = 0n;
    const w = function (this: unknown, ...args: unknown[]) {
      const kw = popKw(args);
      const key = makeKey(args, kw);
      if (cache.__contains__(key)) {
        hits++;
        const v = cache.__getitem__(key);
        if (max !== Infinity) {
          cache.__delitem__(key);
          cache.__setitem__(key, v);
        }
        return v;
      }
      misses++;
      const v = kw ? call(f, ...args, new KwArgs(kw)) : call(f, ...args);
      if (max > 0) {
        cache.__setitem__(key, v);
        if (cache.size > max) cache.__delitem__(cache[Symbol.iterator]().next().value as unknown);
      }
      return v;
    } as Fn & Record<string, unknown>;
    update_wrapper(w, f);
    w.cache_info = () => call(_CacheInfo, hits, misses, maxsize === null ? null : BigInt(max), BigInt(cache.size));
    w.cache_clear = () => {
      cache.clear();
      hits = 0n;
      misses = 0n;
      return null;
    };
    w.cache_parameters = () => new PyDict<string, unknown>(new KwArgs({ maxsize, typed: false }));
    return w;
  };
}

export function cache(f: Fn): Fn {
  return lru_cache(null)(f);
}

export function cmp_to_key(mycmp: unknown): unknown {
  class K extends PyObject {
    declare obj: unknown;
    __init__(obj: unknown): void {
      this.obj = obj;
    }
    __lt__(o: K): boolean {
      return lt(call(mycmp, this.obj, o.obj), 0n);
    }
    __gt__(o: K): boolean {
      return lt(0n, call(mycmp, this.obj, o.obj));
    }
    __eq__(o: K): boolean {
      return eq(call(mycmp, this.obj, o.obj), 0n);
    }
    __le__(o: K): boolean {
      return !this.__gt__(o);
    }
    __ge__(o: K): boolean {
      return !this.__lt__(o);
    }
  }
  Object.defineProperty(K, "__hash__", { value: null });
  return (x: unknown) => new K(x);
}

/**
 * total_ordering's derived comparisons, for each root (the comparison the class defines, the
 * first of `__lt__`, `__le__`, `__gt__`, `__ge__` it has): the name, the docstring CPython gives,
 * and the result from the root's result `r` (never NotImplemented: that is returned as it is).
 */
type Derived = [name: string, doc: string, fromRoot: (r: unknown, self: unknown, o: unknown) => unknown];
const TOTAL_ORDER: Record<string, Derived[]> = {
  __lt__: [
    ["__gt__", "(not a < b) and (a != b)", (r, a, b) => !truthy(r) && ne(a, b)],
    ["__le__", "(a < b) or (a == b)", (r, a, b) => (truthy(r) ? r : eq(a, b))],
    ["__ge__", "(not a < b)", (r) => !truthy(r)],
  ],
  __le__: [
    ["__ge__", "(not a <= b) or (a == b)", (r, a, b) => !truthy(r) || eq(a, b)],
    ["__lt__", "(a <= b) and (a != b)", (r, a, b) => (truthy(r) ? ne(a, b) : r)],
    ["__gt__", "(not a <= b)", (r) => !truthy(r)],
  ],
  __gt__: [
    ["__lt__", "(not a > b) and (a != b)", (r, a, b) => !truthy(r) && ne(a, b)],
    ["__ge__", "(a > b) or (a == b)", (r, a, b) => (truthy(r) ? r : eq(a, b))],
    ["__le__", "(not a > b)", (r) => !truthy(r)],
  ],
  __ge__: [
    ["__le__", "(not a >= b) or (a == b)", (r, a, b) => !truthy(r) || eq(a, b)],
    ["__gt__", "(a >= b) and (a != b)", (r, a, b) => (truthy(r) ? ne(a, b) : r)],
    ["__lt__", "(not a >= b)", (r) => !truthy(r)],
  ],
};
const OP_SYMBOL: Record<string, string> = { __lt__: "<", __le__: "<=", __gt__: ">", __ge__: ">=" };

export function total_ordering<C extends Function>(cls: C): C {
  const p = cls.prototype as Record<string, unknown>;
  const base = PyObject.prototype as unknown as Record<string, unknown>;
  const roots = Object.keys(TOTAL_ORDER).filter((n) => p[n] !== undefined && p[n] !== null && p[n] !== base[n]);
  if (roots.length === 0) throw new ValueError("must define at least one ordering operation: < > <= >=");
  const root = roots[0];
  for (const [name, how, fromRoot] of TOTAL_ORDER[root]) {
    if (roots.includes(name)) continue;
    // (the root is looked up on the instance's class when the comparison runs, as CPython's type(self).__lt__)
    const derived = function (this: unknown, o: unknown) {
      const r = call(getattr(pytype(this), root), this, o);
      return r === NotImplemented ? r : fromRoot(r, this, o);
    };
    const fnName = `_${name.slice(2, 4)}_from_${root.slice(2, 4)}`;
    Object.defineProperty(derived, "name", { value: fnName, configurable: true });
    Object.defineProperty(derived, "__name__", { value: name, writable: true, configurable: true });
    Object.defineProperty(derived, "__qualname__", { value: fnName, writable: true, configurable: true });
    Object.defineProperty(derived, "__module__", { value: "functools", writable: true, configurable: true });
    Object.defineProperty(derived, "__doc__", {
      value: `Return a ${OP_SYMBOL[name]} b.  Computed by @total_ordering from ${how}.`,
      writable: true,
      configurable: true,
    });
    Object.defineProperty(p, name, { value: derived, writable: true, configurable: true });
  }
  return cls;
}

/** `@cached_property`: computed once per instance, then stored on the instance (which shadows it). */
export class cached_property extends PyObject {
  declare func: unknown;
  declare attrname: string | null;
  declare __doc__: unknown;
  __init__(func: unknown): void {
    this.func = func;
    this.attrname = null;
    this.__doc__ = (func as { __doc__?: unknown }).__doc__ ?? null;
  }
  __set_name__(_owner: unknown, name: string): void {
    if (this.attrname === null) this.attrname = name;
    else if (name !== this.attrname) throw new TypeError(`Cannot assign the same cached_property to two different names ('${this.attrname}' and '${name}').`);
  }
  __get__(instance: object | null, _owner?: unknown): unknown {
    if (instance === null || instance === undefined) return this;
    if (this.attrname === null) throw new TypeError("Cannot use cached_property instance without calling __set_name__ on it.");
    // (an instance whose classes all declare __slots__ has no __dict__ to cache in)
    if (instance instanceof PyObject && slotNamesOf(instance.constructor) !== null)
      throw new TypeError(`No '__dict__' attribute on ${repr(typeName(instance))} instance to cache ${repr(this.attrname)} property.`);
    const value = call(this.func, instance);
    Object.defineProperty(instance, this.attrname, { value, writable: true, configurable: true, enumerable: true });
    return value;
  }
}
void [hashNum, typeName];

// ───────────── singledispatch ─────────────

/** The classes a value's class is looked up through for dispatch: its MRO, ending with object. */
function dispatchOrder(cls: Function): Function[] {
  if (cls === bool) return [bool, int, PyObject];
  const order = mro_of(cls).filter((c) => c !== Error);
  if (order[order.length - 1] !== PyObject) order.push(PyObject);
  return order;
}

function isType(x: unknown): x is Function {
  return typeof x === "function" && isClass(x);
}

/** `int | str` or `typing.Union[int, str]` (what register takes as well as a class). */
function isUnionType(x: unknown): boolean {
  const origin = get_origin(x);
  return origin === Union || origin === UnionType;
}

/** A class, or a union whose every member is a class. */
function validDispatchType(x: unknown): boolean {
  if (isType(x)) return true;
  return isUnionType(x) && Array.from(get_args(x)).every(isType);
}

function makeDispatcher(func: Fn, method: boolean): Fn & Record<string, unknown> {
  // method: the dispatched function runs with the caller's `this`.
  const registry = new Map<Function, Fn>([[PyObject, func]]);
  const cache = new Map<Function, Fn>();
  const name = (func as { __name__?: string }).__name__ ?? func.name;
  const dispatch = (cls: Function): Fn => {
    let impl = cache.get(cls);
    if (impl) return impl;
    for (const c of dispatchOrder(cls)) {
      impl = registry.get(c);
      if (impl) break;
      // Abstract classes registered for dispatch (collections.abc.Sequence...) match by issubclass.
    }
    if (impl === registry.get(PyObject)) {
      for (const [c, f] of registry) {
        if (c === PyObject) continue;
        try {
          if (issubclass(cls, c)) {
            impl = f;
            break;
          }
        } catch {
          // not a class issubclass understands
        }
      }
    }
    cache.set(cls, impl!);
    return impl!;
  };
  const register = (cls: unknown, f: unknown = null): unknown => {
    // (a def carries `__module__`, which isType takes for a class's: its annotations decide first)
    const annotated = typeof cls === "function" && !isJsClass(cls) && Object.prototype.hasOwnProperty.call(cls, "__annotations__");
    if (annotated || !validDispatchType(cls)) {
      if (f !== null && f !== undefined) throw new TypeError(`Invalid first argument to \`register()\`. ${repr(cls)} is not a class or union type.`);
      const ann = (cls as { __annotations__?: PyDict<string, unknown> } | null)?.__annotations__;
      const first = typeof cls === "function" && ann instanceof PyDict ? ([...ann.items()] as unknown as [string, unknown][])[0] : undefined;
      if (first === undefined) {
        throw new TypeError(
          `Invalid first argument to \`register()\`: ${repr(cls)}. Use either \`@register(some_class)\` or plain \`@register\` on an annotated function.`,
        );
      }
      const [argname, tp] = first;
      if (!validDispatchType(tp)) {
        throw new TypeError(
          isUnionType(tp)
            ? `Invalid annotation for ${repr(argname)}. ${repr(tp)} not all arguments are classes.`
            : `Invalid annotation for ${repr(argname)}. ${repr(tp)} is not a class.`,
        );
      }
      f = cls;
      cls = tp;
    } else if (f === null || f === undefined) return (g: Fn) => register(cls, g);
    // (a union registers the function for each of its classes)
    for (const c of isUnionType(cls) ? Array.from(get_args(cls)) : [cls]) registry.set(c as Function, f as Fn);
    cache.clear();
    return f;
  };
  const wrapper = function (this: unknown, ...args: unknown[]) {
    const positional = args.length - (args[args.length - 1] instanceof KwArgs ? 1 : 0);
    if (positional < 1) throw new TypeError(`${name} requires at least 1 positional argument`);
    return dispatch(pytype(args[0]) as Function).apply(method ? this : undefined, args);
  } as Fn & Record<string, unknown>;
  update_wrapper(wrapper, func);
  wrapper.register = register;
  wrapper.dispatch = dispatch;
  Object.defineProperty(wrapper, "registry", { get: () => PyDict.fromEntries([...registry.entries()]) });
  wrapper._clear_cache = () => cache.clear();
  return wrapper;
}

/** `@singledispatch`: calls the implementation registered for the first argument's class. */
export function singledispatch(func: Fn): Fn & Record<string, unknown> {
  return makeDispatcher(func, false);
}

/**
 * `@singledispatchmethod`: dispatches on the first argument after self. The method receives self
 * first (as the class calls the functions it holds), and so do the registered implementations.
 */
export function singledispatchmethod(func: Fn): Fn & Record<string, unknown> {
  const inner = makeDispatcher(func, false);
  const name = (func as { __name__?: string }).__name__ ?? func.name;
  const dispatch = inner.dispatch as (cls: Function) => Fn;
  const wrapper = function (...args: unknown[]) {
    const positional = args.length - (args[args.length - 1] instanceof KwArgs ? 1 : 0);
    if (positional < 2) throw new TypeError(`${name} requires at least 1 positional argument`);
    return call(dispatch(pytype(args[1]) as Function), ...args);
  } as Fn & Record<string, unknown>;
  update_wrapper(wrapper, func);
  wrapper.register = inner.register;
  wrapper.dispatcher = inner;
  return wrapper;
}

/**
 * recursive_repr(fillvalue='...'): a decorator of __repr__ methods that gives fillvalue for an
 * object whose repr is already being made (a container holding itself).
 */
export function recursive_repr(fillvalue: unknown = "...", ..._rest: unknown[]): (f: Function) => Function {
  return (userFunction: Function) => {
    const active = new Set<unknown>();
    const wrapper = function (this: unknown, ...args: unknown[]) {
      const self = args.length ? args[0] : this;
      if (active.has(self)) return fillvalue;
      active.add(self);
      try {
        return userFunction.apply(this, args);
      } finally {
        active.delete(self);
      }
    };
    // (its name, qualname, module and doc, as CPython copies them: no __wrapped__)
    update_wrapper(wrapper, userFunction);
    delete (wrapper as { __wrapped__?: unknown }).__wrapped__;
    return wrapper;
  };
}
