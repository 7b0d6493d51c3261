// unittest.mock's machinery: a mock's state, the Proxy that gives it attributes and calls, the
// recording of calls (CPython's call_args / mock_calls / method_calls naming), side effects and
// return values, and the texts of reprs and assertion messages. The classes are in unittest_mock.ts
// (which hands them to this module: a child mock is made of its parent's class).
import { AssertionError, AttributeError, BaseException, StopAsyncIteration, StopIteration, TypeError, isExceptionClass } from "../builtins/exceptions.js";
import { popKw, className } from "../builtins/object.js";
import { PyDict, PyTuple } from "../builtins/collections.js";
import { repr } from "../builtins/repr.js";
import { call as invoke, callable, getattr, setattr, toIterable, NotImplemented, hashNum, isJsClass, typeName } from "../builtins/ops.js";
import { id } from "../builtins/functions.js";
import { Coroutine, makeCode, iscoroutinefunction, awaitable, _is_coroutine } from "../asyncio/coroutines.js";
import { _Call, _CallList, DEFAULT, formatCallSignature, splitArgs } from "./_mock_call.js";

/** The mock classes, set by unittest_mock.ts when it loads (read by patch() too, below it). */
export const classes: Record<"NonCallableMock" | "Mock" | "NonCallableMagicMock" | "MagicMock" | "AsyncMock" | "PropertyMock", Function> = {} as never;
export function _set_mock_classes(c: typeof classes): void {
  Object.assign(classes, c);
}

export const STATE = Symbol("mock state");
export const MOCK_LIB = "/usr/lib/python3.12/unittest/mock.py";

export interface State {
  proxy: any;
  cls: Function;
  name: string | null;
  newName: string;
  parent: State | null;
  newParent: State | null;
  children: Map<string, any>;
  attrs: Map<string, unknown>;
  returnValue: unknown;
  sideEffect: unknown;
  wraps: unknown;
  specNames: Set<string> | null;
  specClass: Function | null;
  specAsyncs: Set<string>;
  callable: boolean;
  isAsync: boolean;
  magic: boolean;
  called: boolean;
  callCount: number;
  callArgs: _Call | null;
  callArgsList: _CallList;
  methodCalls: _CallList;
  mockCalls: _CallList;
  awaitCount: number;
  awaitArgs: _Call | null;
  awaitArgsList: _CallList;
}

export const stateOf = (m: any): State => m[STATE];
export const _is_mock = (x: unknown): boolean => (typeof x === "function" || typeof x === "object") && x !== null && (x as any)[STATE] !== undefined;

const MAGIC_DEFAULTS: Record<string, unknown> = {
  __lt__: NotImplemented,
  __gt__: NotImplemented,
  __le__: NotImplemented,
  __ge__: NotImplemented,
  __int__: 1n,
  __contains__: false,
  __len__: 0n,
  __exit__: false,
  __float__: 1.0,
  __bool__: true,
  __index__: 1n,
  __aexit__: false,
};
const SYNC_MAGICS = new Set([
  "__lt__",
  "__gt__",
  "__le__",
  "__ge__",
  "__int__",
  "__contains__",
  "__len__",
  "__exit__",
  "__float__",
  "__bool__",
  "__index__",
  "__hash__",
  "__str__",
  "__sizeof__",
  "__enter__",
  "__getitem__",
  "__setitem__",
  "__delitem__",
  "__iter__",
  "__eq__",
  "__ne__",
  "__aiter__",
  "__round__",
  "__floor__",
  "__ceil__",
  "__trunc__",
  "__format__",
  "__add__",
  "__sub__",
  "__mul__",
  "__truediv__",
  "__floordiv__",
  "__mod__",
  "__neg__",
  "__pos__",
  "__abs__",
  "__reversed__",
  "__missing__",
  "__fspath__",
  "__complex__",
]);
const ASYNC_MAGICS = new Set(["__aenter__", "__aexit__", "__anext__"]);
// Names the runtime itself probes on objects: never child mocks.
const RUNTIME_PROBES = new Set(["then", "toJSON", "__signature_source__", "__body__", "__builtin__", "__pyrepr__", "__caught_stack__"]);
const ASSERT_TYPOS = ["assert", "assret", "asert", "aseert", "assrt"];

export function newState(cls: Function, proxy: any): State {
  return {
    proxy,
    cls,
    name: null,
    newName: "",
    parent: null,
    newParent: null,
    children: new Map(),
    attrs: new Map(),
    returnValue: DEFAULT,
    sideEffect: null,
    wraps: null,
    specNames: null,
    specClass: null,
    specAsyncs: new Set(),
    callable: true,
    isAsync: false,
    magic: false,
    called: false,
    callCount: 0,
    callArgs: null,
    callArgsList: new _CallList(),
    methodCalls: new _CallList(),
    mockCalls: new _CallList(),
    awaitCount: 0,
    awaitArgs: null,
    awaitArgsList: new _CallList(),
  };
}

export function specNamesOf(spec: unknown): { names: Set<string>; cls: Function | null; asyncs: Set<string> } {
  const names = new Set<string>();
  const asyncs = new Set<string>();
  if (spec instanceof Array) {
    for (const n of spec) names.add(String(n));
    return { names, cls: null, asyncs };
  }
  const isCls = typeof spec === "function" && isJsClass(spec);
  const cls = isCls ? (spec as Function) : ((spec as object).constructor as Function);
  const add = (o: object | null) => {
    for (; o && o !== Object.prototype && o !== Function.prototype; o = Object.getPrototypeOf(o)) {
      for (const n of Object.getOwnPropertyNames(o)) {
        if (n === "constructor") continue;
        names.add(n);
        const d = Object.getOwnPropertyDescriptor(o, n)!;
        if (typeof d.value === "function" && iscoroutinefunction(d.value)) asyncs.add(n);
      }
    }
  };
  if (isCls) {
    add((spec as Function).prototype);
    add(spec as Function);
  } else add(spec as object);
  return { names, cls, asyncs };
}

// ───────────── the proxy ─────────────

const handler: ProxyHandler<any> = {
  get(target, key, receiver) {
    const st: State = target[STATE];
    if (typeof key === "symbol") {
      if (key === Symbol.iterator && st.magic) return () => toIterable(getAttr(st, "__iter__")())[Symbol.iterator]();
      return Reflect.get(target, key, receiver);
    }
    // The runtime's own marks on functions ($g, a blocking function's generator form) are no
    // Python names: a mock does not make them up (a Mock passed to to_thread is a plain callable).
    if (key.charCodeAt(0) === 36 /* $ */) return Reflect.get(target, key, receiver);
    if (st.attrs.has(key)) return st.attrs.get(key);
    if (st.children.has(key)) return st.children.get(key);
    if (key in Object.getPrototypeOf(target)) {
      const v = Reflect.get(target, key, receiver);
      // A method read from a mock is bound to it (one bound method per name, as `m.f is m.f` fails in CPython but equality holds).
      if (typeof v === "function" && key !== "constructor" && typeof findDescriptor(Object.getPrototypeOf(target), key)?.value === "function")
        return boundMethod(st, key, v);
      return v;
    }
    if (key === "apply" || key === "call" || key === "bind") return (Function.prototype as any)[key];
    return getAttr(st, key);
  },
  set(target, key, value, receiver) {
    const st: State = target[STATE];
    if (typeof key === "symbol") return Reflect.set(target, key, value, receiver);
    const d = findDescriptor(Object.getPrototypeOf(target), key);
    if (d?.set) {
      d.set.call(receiver, value);
      return true;
    }
    if (st.specNames && (st as any).specSet && !st.specNames.has(key)) throw new AttributeError(`Mock object has no attribute '${key}'`);
    if (/^__.*__$/.test(key) && typeof value === "function" && !_is_mock(value)) {
      // m.__len__ = lambda self: 3: called with the mock as self.
      const fn = value;
      st.attrs.set(key, (...args: unknown[]) => invoke(fn, st.proxy, ...args));
      return true;
    }
    if (_is_mock(value) && adopt(st, stateOf(value), key, key)) {
      st.children.set(key, value);
      st.attrs.delete(key);
      return true;
    }
    st.attrs.set(key, value);
    st.children.delete(key);
    return true;
  },
  has(target, key) {
    const st: State = target[STATE];
    if (typeof key === "symbol") return key in target;
    if (st.attrs.has(key) || st.children.has(key) || key in Object.getPrototypeOf(target)) return true;
    if (/^__.*__$/.test(key)) return st.magic && (SYNC_MAGICS.has(key) || ASYNC_MAGICS.has(key));
    return !st.specNames || st.specNames.has(key);
  },
  deleteProperty(target, key) {
    const st: State = target[STATE];
    if (typeof key === "symbol") return Reflect.deleteProperty(target, key);
    st.attrs.delete(key);
    st.children.set(key, DELETED);
    return true;
  },
  apply(target, _thisArg, args) {
    const st: State = target[STATE];
    if (!st.callable) throw new TypeError(`'${className(st.cls)}' object is not callable`);
    return mockCall(st, args);
  },
};
export const DELETED = Symbol("deleted");
handler.get = ((orig) =>
  function (this: unknown, target: any, key: string | symbol, receiver: unknown) {
    const v = orig!.call(this, target, key, receiver);
    if (v === DELETED) throw new AttributeError(String(key));
    return v;
  })(handler.get);

const boundMethods = new WeakMap<State, Map<string, Function>>();
function boundMethod(st: State, key: string, f: Function): Function {
  let cache = boundMethods.get(st);
  if (!cache) boundMethods.set(st, (cache = new Map()));
  let b = cache.get(key);
  if (!b) {
    b = f.bind(st.proxy) as Function;
    Object.defineProperty(b, "__name__", { value: key, configurable: true });
    Object.defineProperty(b, "__self__", { value: st.proxy, configurable: true });
    Object.defineProperty(b, "__func__", { value: f, configurable: true });
    cache.set(key, b);
  }
  return b;
}

function findDescriptor(o: object | null, key: string): PropertyDescriptor | undefined {
  for (; o && o !== Function.prototype; o = Object.getPrototypeOf(o)) {
    const d = Object.getOwnPropertyDescriptor(o, key);
    if (d) return d;
  }
  return undefined;
}

/** Makes `child` the attribute or return value of `parent`, if it has no place yet (CPython's _check_and_set_parent). */
export function adopt(parent: State, child: State, name: string | null, newName: string | null): boolean {
  if (child.name || child.newName || child.parent || child.newParent) return false;
  for (let p: State | null = parent; p; p = p.newParent) if (p === child) return false;
  if (newName) {
    child.newParent = parent;
    child.newName = newName;
  }
  if (name) {
    child.parent = parent;
    child.name = name;
  }
  return true;
}

function childClass(st: State, name: string): Function {
  if (st.specAsyncs.has(name)) return classes.AsyncMock;
  if (st.magic && ASYNC_MAGICS.has(name)) return classes.AsyncMock;
  // An AsyncMock's children are AsyncMocks, except magic methods and the spec's plain methods.
  if (st.isAsync) return SYNC_MAGICS.has(name) || st.specNames?.has(name) ? classes.MagicMock : classes.AsyncMock;
  if (st.cls === classes.NonCallableMock) return classes.Mock;
  if (st.cls === classes.NonCallableMagicMock) return classes.MagicMock;
  return st.cls === classes.PropertyMock ? classes.MagicMock : st.cls;
}

/** A missing attribute: a child mock (created once), or AttributeError as CPython gives it. */
function getAttr(st: State, key: string): any {
  if (RUNTIME_PROBES.has(key)) return undefined;
  if (/^__.*__$/.test(key)) {
    if (key === "__class__") return st.specClass ?? st.cls;
    if (!st.magic || !(SYNC_MAGICS.has(key) || ASYNC_MAGICS.has(key))) return undefined;
    return magicChild(st, key);
  }
  if (st.specNames) {
    if (!st.specNames.has(key)) throw new AttributeError(`Mock object has no attribute '${key}'`);
  } else if (ASSERT_TYPOS.some((p) => key.startsWith(p))) {
    throw new AttributeError(`'${key}' is not a valid assertion. Use a spec for the mock if '${key}' is meant to be an attribute.`);
  }
  let child = st.children.get(key);
  if (!child) {
    child = invoke(childClass(st, key));
    adopt(st, stateOf(child), key, key);
    st.children.set(key, child);
  }
  return child;
}

/** MagicMock's configured magic methods, created on first use with CPython's defaults. */
function magicChild(st: State, key: string): any {
  let child = st.children.get(key);
  if (child) return child;
  child = invoke(childClass(st, key));
  const cs = stateOf(child);
  adopt(st, cs, null, key);
  if (key in MAGIC_DEFAULTS) cs.returnValue = MAGIC_DEFAULTS[key];
  const self = st.proxy;
  if (key === "__eq__") cs.sideEffect = (other: unknown) => (cs.returnValue !== DEFAULT ? DEFAULT : other === self);
  if (key === "__ne__") cs.sideEffect = (other: unknown) => (cs.returnValue !== DEFAULT ? DEFAULT : other !== self);
  if (key === "__hash__") cs.sideEffect = () => (cs.returnValue !== DEFAULT ? DEFAULT : hashNum(id(self)));
  if (key === "__str__") cs.sideEffect = () => (cs.returnValue !== DEFAULT ? DEFAULT : reprOf(st));
  if (key === "__iter__") cs.sideEffect = () => (cs.returnValue === DEFAULT ? [][Symbol.iterator]() : toIterable(cs.returnValue)[Symbol.iterator]());
  if (key === "__aiter__") cs.sideEffect = () => asyncIter(cs.returnValue === DEFAULT ? [] : [...toIterable(cs.returnValue)]);
  st.children.set(key, child);
  return child;
}

function asyncIter(items: unknown[]): object {
  let i = 0;
  const code = makeCode({ qualname: "_AsyncIterator.__anext__", filename: MOCK_LIB, firstlineno: 0 });
  const it = {
    __aiter__: () => it,
    __anext__: () =>
      new Coroutine(
        (function* (): Generator<unknown, unknown, unknown> {
          if (i < items.length) return items[i++];
          throw new StopAsyncIteration();
        })(),
        code,
      ),
  };
  return it;
}

// ───────────── calls ─────────────

function recordCall(st: State, args: PyTuple<unknown>, kwargs: PyDict<string, unknown>): void {
  st.called = true;
  st.callCount++;
  const c = _Call.make([args, kwargs]);
  st.callArgs = c;
  st.callArgsList.push(c);
  let doMethodCalls = st.parent !== null;
  let methodCallName = st.name ?? "";
  let mockCallName = st.newName;
  let isACall = mockCallName === "()";
  st.mockCalls.push(_Call.make(["", args, kwargs]));
  for (let p = st.newParent; p !== null; p = p.newParent) {
    if (doMethodCalls) {
      p.methodCalls.push(_Call.make([methodCallName, args, kwargs]));
      doMethodCalls = p.parent !== null;
      if (doMethodCalls) methodCallName = `${p.name}.${methodCallName}`;
    }
    p.mockCalls.push(_Call.make([mockCallName, args, kwargs]));
    if (p.newName) {
      const dot = isACall ? "" : ".";
      isACall = p.newName === "()";
      mockCallName = p.newName + dot + mockCallName;
    }
  }
}

function isException(x: unknown): boolean {
  return x instanceof BaseException || isExceptionClass(x);
}

function raise(x: unknown): never {
  throw x instanceof BaseException ? x : invoke(x);
}

function mockCall(st: State, all: unknown[]): unknown {
  const [args, kwargs] = splitArgs(all);
  recordCall(st, args, kwargs);
  if (st.isAsync) return asyncCall(st, all, args, kwargs);
  const effect = st.sideEffect;
  if (effect !== null && effect !== undefined) {
    if (isException(effect)) raise(effect);
    let result: unknown;
    if (!callable(effect)) {
      const r = (effect as Iterator<unknown>).next();
      if (r.done) throw new StopIteration();
      result = r.value;
      if (isException(result)) raise(result);
    } else {
      result = invoke(effect, ...all);
    }
    if (result !== DEFAULT) return result;
  }
  if (st.returnValue !== DEFAULT) return getReturnValue(st);
  if (st.wraps !== null && st.wraps !== undefined) return invoke(st.wraps, ...all);
  return getReturnValue(st);
}

const ASYNC_CODE = makeCode({ qualname: "AsyncMockMixin._execute_mock_call", filename: MOCK_LIB, firstlineno: 2243 });

function asyncCall(st: State, all: unknown[], args: PyTuple<unknown>, kwargs: PyDict<string, unknown>): Coroutine<unknown> {
  return new Coroutine(
    (function* (): Generator<unknown, unknown, unknown> {
      const c = _Call.make([args, kwargs]);
      st.awaitCount++;
      st.awaitArgs = c;
      st.awaitArgsList.push(c);
      const effect = st.sideEffect;
      if (effect !== null && effect !== undefined) {
        let result: unknown;
        if (isException(effect)) raise(effect);
        if (!callable(effect)) {
          const r = (effect as Iterator<unknown>).next();
          if (r.done) throw new StopAsyncIteration();
          result = r.value;
          if (isException(result)) raise(result);
        } else if (iscoroutinefunction(effect)) {
          result = yield* awaitable(invoke(effect, ...all));
        } else {
          result = invoke(effect, ...all);
        }
        if (result !== DEFAULT) return result;
      }
      if (st.returnValue !== DEFAULT) return getReturnValue(st);
      if (st.wraps !== null && st.wraps !== undefined) {
        if (iscoroutinefunction(st.wraps)) return yield* awaitable(invoke(st.wraps, ...all));
        return invoke(st.wraps, ...all);
      }
      return getReturnValue(st);
    })(),
    ASYNC_CODE,
  );
}

export function getReturnValue(st: State): unknown {
  if (st.returnValue === DEFAULT) {
    const rv = invoke(st.isAsync ? classes.MagicMock : childClass(st, "()"));
    adopt(st, stateOf(rv), null, "()");
    st.returnValue = rv;
  }
  return st.returnValue;
}

// ───────────── messages ─────────────

export function mockName(st: State): string {
  return st.name || "mock";
}

function extractName(st: State): string {
  const parts = [st.newName];
  let last = st;
  let dot = parts[0] === "()" ? "" : ".";
  for (let p = st.newParent; p; p = p.newParent) {
    last = p;
    parts.push(p.newName + dot);
    dot = p.newName === "()" ? "" : ".";
  }
  parts.reverse();
  let first = last.name || "mock";
  if (parts.length > 1 && parts[1] !== "()" && parts[1] !== "().") first += ".";
  parts[0] = first;
  return parts.join("");
}

export function reprOf(st: State): string {
  // (`Mock(__repr__=lambda self: "<x>")`, `m.__repr__ = ...`: a configured magic method answers repr())
  const configured = st.attrs.get("__repr__");
  if (typeof configured === "function") {
    const s = configured();
    if (typeof s !== "string") throw new TypeError(`__repr__ returned non-string (type ${typeName(s)})`);
    return s;
  }
  const name = extractName(st);
  const nameString = name !== "mock" && name !== "mock." ? ` name=${repr(name)}` : "";
  const spec = st.specClass
    ? ` ${(st as any).specSet ? "spec_set" : "spec"}=${repr((st.specClass as { __name__?: string }).__name__ ?? st.specClass.name)}`
    : "";
  return `<${className(st.cls)}${nameString}${spec} id='${id(st.proxy)}'>`;
}

export function callsRepr(st: State, prefix = "Calls"): string {
  if (!st.mockCalls.length) return "";
  return `\n${prefix}: ${repr(st.mockCalls)}.`;
}

export function signature(st: State, args: ArrayLike<unknown>, kwargs: PyDict<string, unknown>): string {
  return formatCallSignature(mockName(st), args, kwargs);
}

export function failureMessage(st: State, args: PyTuple<unknown>, kwargs: PyDict<string, unknown>, action: string, actual: _Call | null): string {
  const expected = signature(st, args, kwargs);
  const [aa, ak] = actual!.length === 2 ? actual! : [actual![1], actual![2]];
  return `expected ${action} not found.\nExpected: ${expected}\n  Actual: ${signature(st, aa as PyTuple<unknown>, ak as PyDict<string, unknown>)}`;
}

export function fail(message: string): never {
  throw new AssertionError(message);
}

// ───────────── the classes ─────────────

/** The constructor arguments every mock class takes (spec, side_effect, return_value, wraps, name, ...). */
export function configure(st: State, args: unknown[]): void {
  const k = popKw(args) ?? {};
  const spec = args[0] ?? k.spec ?? k.spec_set ?? null;
  if (args.length > 1 || "side_effect" in k) st.sideEffect = toEffect(args[1] ?? k.side_effect ?? null);
  if (args.length > 2 || "return_value" in k) st.returnValue = args[2] ?? k.return_value;
  st.wraps = args[3] ?? k.wraps ?? null;
  const name = args[4] ?? k.name ?? null;
  if (name !== null && name !== undefined) st.name = String(name);
  if (spec !== null && spec !== undefined) {
    const info = specNamesOf(spec);
    st.specNames = info.names;
    st.specClass = info.cls;
    st.specAsyncs = info.asyncs;
    (st as any).specSet = "spec_set" in k && k.spec_set !== null;
  }
  const rest: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(k)) {
    if (!["spec", "spec_set", "side_effect", "return_value", "wraps", "name", "unsafe", "parent", "_new_name", "_new_parent"].includes(key)) rest[key] = v;
  }
  if (Object.keys(rest).length) configureMock(st.proxy, rest);
}

export function toEffect(x: unknown): unknown {
  if (x === null || x === undefined || isException(x) || callable(x)) return x;
  return toIterable(x)[Symbol.iterator]();
}

/** `configure_mock(**{"a.b.return_value": 1})`: dotted names reach into children. */
export function configureMock(m: any, attrs: Record<string, unknown>): void {
  const entries = Object.entries(attrs).sort(([a], [b]) => a.split(".").length - b.split(".").length);
  for (const [key, value] of entries) {
    const parts = key.split(".");
    const last = parts.pop()!;
    let obj = m;
    for (const p of parts) obj = getattr(obj, p);
    setattr(obj, last, value);
  }
}

/** Builds the proxy a mock class's constructor returns. */
export function makeMock(cls: Function, args: unknown[], opts: { callable: boolean; isAsync: boolean; magic: boolean }): any {
  const target = function mock() {} as any;
  Object.setPrototypeOf(target, cls.prototype);
  const proxy = new Proxy(target, handler);
  const st = newState(cls, proxy);
  st.callable = opts.callable;
  st.isAsync = opts.isAsync;
  st.magic = opts.magic;
  Object.defineProperty(target, STATE, { value: st });
  // Set on a class, a mock is a plain attribute (not a method that receives self).
  Object.defineProperty(target, Symbol.for("tsyncio.callable-object"), { value: true });
  if (opts.isAsync) Object.defineProperty(target, _is_coroutine, { value: true });
  configure(st, args);
  return proxy;
}
