// unittest.mock's call records (`call`, `call.foo(1)`, `call().bar()`), ANY, sentinel and DEFAULT.
// A record is a tuple: (args, kwargs) for call_args, (name, args, kwargs) in mock_calls.
import { PyObject, popKw, CALLABLE_OBJECT } from "../builtins/object.js";
import { PyDict, PyList, PyTuple } from "../builtins/collections.js";
import { repr } from "../builtins/repr.js";
import { eq, NotImplemented } from "../builtins/ops.js";
import { pformat } from "./pprint.js";

export function formatCallSignature(name: string, args: ArrayLike<unknown>, kwargs: PyDict<string, unknown> | null): string {
  const parts = Array.from(args, (a) => repr(a));
  if (kwargs) for (const k of kwargs.keys()) parts.push(`${k}=${repr(kwargs.__getitem__(k as string))}`);
  return `${name}(${parts.join(", ")})`;
}

/** Splits a call's arguments into a tuple and a dict of keywords. */
export function splitArgs(args: unknown[]): [PyTuple<unknown>, PyDict<string, unknown>] {
  const rest = [...args];
  const k = popKw(rest);
  return [PyTuple.fromArray(rest), PyDict.fromEntries(Object.entries(k ?? {}))];
}

const MOCK_NAME = Symbol("call name");
/** Magic methods a MagicMock records in mock_calls, so `call.__int__()` names one. */
const RECORDED_MAGICS = new Set([
  "__int__",
  "__float__",
  "__str__",
  "__len__",
  "__getitem__",
  "__setitem__",
  "__delitem__",
  "__enter__",
  "__exit__",
  "__aenter__",
  "__aexit__",
]);
/** The _Call record behind a `call` proxy. */
const RECORD = Symbol("call record");

/** A recorded or expected call. */
export class _Call extends PyTuple<unknown> {
  declare _mock_name: string | null;
  declare _mock_parent: _Call | null;
  declare _mock_from_kall: boolean;

  static make(value: unknown[], name: string | null = "", parent: _Call | null = null, fromKall = true): _Call {
    const c = new _Call();
    for (const v of value) c.push(v);
    Object.defineProperty(c, "_mock_name", { value: name, writable: true });
    Object.defineProperty(c, "_mock_parent", { value: parent, writable: true });
    Object.defineProperty(c, "_mock_from_kall", { value: fromKall, writable: true });
    Object.defineProperty(c, MOCK_NAME, { value: true });
    return c;
  }
  static get [Symbol.species](): ArrayConstructor {
    return Array;
  }

  /** `call(1, k=2)` / `call.foo(1)`: a new record named after this one. */
  __call__(...all: unknown[]): _Call {
    const [args, kwargs] = splitArgs(all);
    if (this._mock_name === null) return callProxy(_Call.make(["", args, kwargs], "()"));
    return callProxy(_Call.make([this._mock_name, args, kwargs], `${this._mock_name}()`, this));
  }
  _attr(attr: string): _Call {
    if (this._mock_name === null) return _Call.make([], attr, null, false);
    return _Call.make([], `${this._mock_name}.${attr}`, this, false);
  }
  get args(): unknown {
    return this.length === 2 ? this[0] : this[1];
  }
  get kwargs(): unknown {
    return this.length === 2 ? this[1] : this[2];
  }
  __eq__(other: unknown): boolean | typeof NotImplemented {
    if (!(other instanceof Array)) return NotImplemented;
    let selfName = "";
    let selfArgs: unknown;
    let selfKw: unknown;
    if (this.length === 2) [selfArgs, selfKw] = this;
    else [selfName, selfArgs, selfKw] = this as unknown as [string, unknown, unknown];
    const op = (other as _Call)._mock_parent;
    if (this._mock_parent && op && this._mock_parent !== op && !eq(this._mock_parent, op)) return false;
    let otherName = "";
    let otherArgs: unknown = PyTuple.fromArray([]);
    let otherKw: unknown = new PyDict();
    if (other.length === 3) [otherName, otherArgs, otherKw] = other as [string, unknown, unknown];
    else if (other.length === 1) {
      const v = other[0];
      if (v instanceof PyTuple) otherArgs = v;
      else if (typeof v === "string") otherName = v;
      else otherKw = v;
    } else if (other.length === 2) {
      const [first, second] = other;
      if (typeof first === "string") {
        otherName = first;
        if (second instanceof PyTuple) otherArgs = second;
        else otherKw = second;
      } else [otherArgs, otherKw] = [first, second];
    } else if (other.length !== 0) return false;
    if (selfName && otherName !== selfName) return false;
    return eq(otherArgs, selfArgs) && eq(otherKw, selfKw);
  }
  __ne__(other: unknown): boolean {
    const r = this.__eq__(other);
    return r === NotImplemented ? true : !r;
  }
  __hash__(): never {
    throw new TypeError("unhashable type: '_Call'");
  }
  __repr__(): string {
    if (!this._mock_from_kall) {
      let name = this._mock_name || "call";
      if (name.startsWith("()")) name = `call${name}`;
      return name;
    }
    let name: string;
    let args: PyTuple<unknown>;
    let kwargs: PyDict<string, unknown>;
    if (this.length === 2) {
      name = "call";
      [args, kwargs] = this as unknown as [PyTuple<unknown>, PyDict<string, unknown>];
    } else {
      [name, args, kwargs] = this as unknown as [string, PyTuple<unknown>, PyDict<string, unknown>];
      if (!name) name = "call";
      else if (!name.startsWith("()")) name = `call.${name}`;
      else name = `call${name}`;
    }
    return formatCallSignature(name, args, kwargs);
  }
  __str__(): string {
    return this.__repr__();
  }
  /** call(1).foo(2).call_list(): every call the chain made. */
  call_list(): _CallList {
    const out: _Call[] = [];
    for (let c: _Call | null = this; c !== null; c = c._mock_parent) if (c._mock_from_kall) out.push(c);
    return _CallList.from_(out.reverse());
  }
}
Object.defineProperty(_Call, "__name__", { value: "_Call" });
Object.defineProperty(_Call, "__module__", { value: "unittest.mock", writable: true, configurable: true });

/**
 * `call` and `call.foo`: callable (translated code calls them directly), attributes make named
 * calls; calling one gives a plain _Call record.
 */
function callProxy(c: _Call): any {
  const target = function () {} as unknown as object;
  Object.defineProperty(target, CALLABLE_OBJECT, { value: true });
  return new Proxy(target, {
    get(_t, key) {
      if (key === "apply" || key === "call" || key === "bind") return (Function.prototype as any)[key];
      if (key === CALLABLE_OBJECT) return true;
      if (key === RECORD) return c;
      if (typeof key === "symbol" || key in c || (/^__.*__$/.test(key) && !RECORDED_MAGICS.has(key)) || key === "constructor") {
        if (key === "__pyrepr__") return () => c.__repr__();
        const v = Reflect.get(c, key, c);
        return typeof v === "function" && key !== "constructor" ? v.bind(c) : v;
      }
      return callProxy(c._attr(key));
    },
    has: (_t, key) => key in c,
    apply: (_t, _this, args) => c.__call__(...args),
    getPrototypeOf: () => Object.getPrototypeOf(c),
  });
}

/** The list mock_calls and friends are: `in` tests for a contiguous run of calls; repr is pformat's. */
export class _CallList extends PyList<unknown> {
  static from_(items: unknown[]): _CallList {
    const l = new _CallList();
    for (const x of items) l.push(x);
    return l;
  }
  static get [Symbol.species](): ArrayConstructor {
    return Array;
  }
  __contains__(value: unknown): boolean {
    if (!(value instanceof Array) || value instanceof _Call) return this.some((x) => eq(x, value));
    const n = value.length;
    for (let i = 0; i + n <= this.length; i++) {
      let all = true;
      for (let j = 0; j < n; j++) if (!eq(value[j], this[i + j])) all = false;
      if (all) return true;
    }
    return false;
  }
  __repr__(): string {
    return pformat(PyList.fromArray([...this]));
  }
}
Object.defineProperty(_CallList, "__name__", { value: "_CallList" });

export const call: any = callProxy(_Call.make([], null, null, false));

class _ANY extends PyObject {
  __eq__(_o: unknown): boolean {
    return true;
  }
  __ne__(_o: unknown): boolean {
    return false;
  }
  __hash__(): bigint {
    return 0n;
  }
  __repr__(): string {
    return "<ANY>";
  }
}
export const ANY = new _ANY();

class _SentinelObject extends PyObject {
  declare name: string;
  __init__(name: string): void {
    this.name = name;
  }
  __repr__(): string {
    return `sentinel.${this.name}`;
  }
}
const sentinels = new Map<string, _SentinelObject>();
export const sentinel: any = new Proxy(Object.create(null), {
  get(_t, key) {
    if (typeof key === "symbol") return undefined;
    let s = sentinels.get(key);
    if (!s) sentinels.set(key, (s = new _SentinelObject(key)));
    return s;
  },
  has: () => true,
});
export const DEFAULT: unknown = sentinel.DEFAULT;
