// enum: Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique.
//
// A translated enum is `class Color extends Enum {}` followed by
// `define_class(Color, "Color", { attrs: { RED: 1n, GREEN: auto() } })`. define_class ends by calling
// the static hook `__define__` of the base, which turns the class attributes into members: instances
// of the class made with Object.create (no constructor runs), kept in definition order. Calling the
// class (`new Color(1n)`, `Color(1)` in Python) looks a member up by value: the constructor returns
// the member instead of a new object.
import { markPythonClass } from "../builtins/js-names.js";
import { AttributeError, Exception, KeyError, NotImplementedError, TypeError, ValueError } from "../builtins/exceptions.js";
import { PyDict, PyList, PyTuple } from "../builtins/collections.js";
import { CONSTRUCT, PyObject, KwArgs, popKw, className, classQualname } from "../builtins/object.js";
import { isClass, repr, str } from "../builtins/repr.js";
import {
  add,
  sub,
  mul,
  bitand,
  bitor,
  bitxor,
  invert,
  eq,
  lt,
  le,
  gt,
  ge,
  hashNum,
  truthy,
  getattr,
  toIterable,
  index as toIndex,
  typeName,
  call,
} from "../builtins/ops.js";
import { format } from "../builtins/format.js";
import { valueOperators } from "../builtins/value-subclass.js";
import { set_mixin_bases } from "../builtins/mro.js";
import { str as builtinStr, int as builtinInt } from "../builtins/functions.js";

// ───────────── auto ─────────────

/** `auto()`: a placeholder replaced by `_generate_next_value_` when the class is defined. */
export class auto {
  value: unknown = AUTO_PENDING;
  __repr__(): string {
    return "auto(_auto_null)";
  }
}
Object.defineProperty(auto, "__module__", { value: "enum" });
const AUTO_PENDING = Symbol("auto");

/**
 * `RW = R | W` in a class body where R and W are auto(): CPython's class namespace has given them
 * their values already when they were assigned; here the operation waits, and defineEnum computes
 * it in the body's order (after R and W got theirs).
 */
class auto_operation extends auto {
  constructor(readonly compute: () => unknown) {
    super();
  }
}
const resolved = (x: unknown): unknown => (x instanceof auto_operation && x.value === AUTO_PENDING ? (x.value = x.compute()) : x instanceof auto ? x.value : x);
const binary: [string, (a: unknown, b: unknown) => unknown][] = [
  ["or", bitor],
  ["and", bitand],
  ["xor", bitxor],
  ["add", add],
  ["sub", sub],
  ["mul", mul],
];
for (const [name, op] of binary) {
  Object.defineProperty(auto.prototype, `__${name}__`, {
    value(this: auto, o: unknown) {
      return new auto_operation(() => op(resolved(this), resolved(o)));
    },
    writable: true,
    configurable: true,
  });
  Object.defineProperty(auto.prototype, `__r${name}__`, {
    value(this: auto, o: unknown) {
      return new auto_operation(() => op(resolved(o), resolved(this)));
    },
    writable: true,
    configurable: true,
  });
}
Object.defineProperty(auto.prototype, "__invert__", {
  value(this: auto) {
    return new auto_operation(() => invert(resolved(this)));
  },
  writable: true,
  configurable: true,
});

// ───────────── class-level state ─────────────

interface EnumState {
  /** canonical members in definition order (aliases excluded) */
  list: Enum[];
  /** every name → member, aliases included */
  byName: Map<string, Enum>;
  /** value → member (hashable values) */
  byValue: PyDict<unknown, Enum>;
  /** values that could not be hashed */
  unhashable: Enum[];
  /** Flag: every bit of every canonical member */
  flagMask: bigint;
}

const STATE = Symbol("enum state");

function state(cls: Function): EnumState | undefined {
  return Object.prototype.hasOwnProperty.call(cls, STATE) ? (cls as unknown as Record<symbol, EnumState>)[STATE] : undefined;
}

function kindOf(cls: Function): "enum" | "int" | "str" | "flag" | "intflag" {
  const p = cls.prototype;
  if (p instanceof IntFlag || cls === IntFlag) return "intflag";
  if (p instanceof Flag || cls === Flag) return "flag";
  if (p instanceof IntEnum || cls === IntEnum) return "int";
  if (p instanceof StrEnum || cls === StrEnum) return "str";
  return "enum";
}

function isDescriptorLike(name: string, value: unknown): boolean {
  if (/^__.*__$/.test(name)) return true;
  if (/^_[^_].*[^_]_$|^_[^_]_$/.test(name)) return true; // _sunder_ names
  // Methods are not members; a class is (3.12; CPython warns for one defined in the enum's body).
  if (typeof value === "function") return !isClass(value);
  return false;
}

let building = false;
/** Set while an enum's own `__new__` makes a member: `object.__new__(cls)` reaches the constructor. */
let makingMember = false;

function newMember(cls: Function, name: string | null, value: unknown): Enum {
  const m = Object.create(cls.prototype) as Enum;
  Object.defineProperty(m, "_name_", { value: name, writable: true, configurable: true });
  Object.defineProperty(m, "_value_", { value, writable: true, configurable: true });
  return m;
}

function highBit(v: bigint): number {
  let n = -1;
  while (v > 0n) {
    v >>= 1n;
    n++;
  }
  return n;
}

function isPow2(v: unknown): boolean {
  return typeof v === "bigint" && v > 0n && (v & (v - 1n)) === 0n;
}

function defaultNextValue(kind: string, name: string, start: bigint, count: number, last: unknown[]): unknown {
  if (kind === "str") return name.toLowerCase();
  if (kind === "flag" || kind === "intflag") {
    if (last.length === 0) return start;
    let hi = -1;
    for (const v of last) {
      if (typeof v !== "bigint") throw new TypeError(`invalid flag value ${repr(v)}`);
      hi = Math.max(hi, highBit(v));
    }
    return 1n << BigInt(hi + 1);
  }
  void count;
  if (last.length === 0) return start;
  // 3.12: the largest value plus one when the values sort (with a DeprecationWarning if that is
  // not the last one), else the last value that supports + 1
  const numeric = last.every((v) => typeof v === "bigint" || typeof v === "number" || typeof v === "boolean");
  const order = numeric ? [...last].sort((a, b) => (lt(a, b) ? -1 : lt(b, a) ? 1 : 0)) : last;
  for (let i = order.length - 1; i >= 0; i--) {
    try {
      return add(order[i], 1n);
    } catch {
      /* try the previous one */
    }
  }
  return start;
}

/** Turns the class attributes left by define_class into members. */
function defineEnum(cls: Function): void {
  const c = cls as unknown as Record<string, unknown>;
  const kind = kindOf(cls);
  // an enum with members cannot be extended
  let base = Object.getPrototypeOf(cls);
  while (base && base !== Enum) {
    const st = state(base);
    if (st && st.list.length > 0) {
      throw new TypeError(`<enum ${repr(className(cls))}> cannot extend <enum ${repr(className(base))}>`);
    }
    base = Object.getPrototypeOf(base);
  }
  const st: EnumState = { list: [], byName: new Map(), byValue: new PyDict(), unhashable: [], flagMask: 0n };
  Object.defineProperty(cls, STATE, { value: st });
  const names = Object.keys(cls).filter((k) => !isDescriptorLike(k, c[k]));
  const ignore = c._ignore_;
  const ignored = new Set<string>(typeof ignore === "string" ? ignore.split(/[\s,]+/).filter(Boolean) : ignore instanceof Array ? (ignore as string[]) : []);
  const lastValues: unknown[] = [];
  let memberCount = 0;
  const proto = cls.prototype as Record<string, unknown>;
  const userInit = proto.__init__ !== PyObject.prototype.__init__ ? (proto.__init__ as Function) : null;
  const userNew = typeof proto.__new__ === "function" && proto.__new__ !== PyObject.prototype.__new__ ? (proto.__new__ as Function) : null;
  // (calling the class looks a member up: its __new__ only made the members)
  if (userNew !== null) Object.defineProperty(cls, CONSTRUCT, { value: enumCall, writable: true, configurable: true });
  const gen = typeof proto._generate_next_value_ === "function" ? (proto._generate_next_value_ as Function) : null;
  // (a @staticmethod takes the name as its first argument; a plain def has it as `this`)
  const genIsStatic = gen !== null && (cls as unknown as Record<string, unknown>)._generate_next_value_ === gen;
  building = true;
  try {
    for (const name of names) {
      if (ignored.has(name)) {
        delete c[name];
        continue;
      }
      let value = c[name];
      // An auto() gets its value from _generate_next_value_ (count: the members so far), and it is
      // what the next one sees among the last values; so does each auto() of a plain tuple
      // (`A = (auto(), "a")`), whose other items are not.
      const autoValue = (a: auto): unknown => {
        if (a instanceof auto_operation) resolved(a);
        else if (a.value === AUTO_PENDING) {
          const count = BigInt(memberCount);
          a.value = gen
            ? genIsStatic
              ? gen(name, 1n, count, PyList.fromArray(lastValues))
              : gen.call(name, 1n, count, PyList.fromArray(lastValues))
            : defaultNextValue(kind, name, 1n, memberCount, lastValues);
        }
        lastValues.push(a.value);
        return a.value;
      };
      const autoItems = value instanceof PyTuple && value.constructor === PyTuple && value.some((v) => v instanceof auto);
      const storedAuto = value instanceof auto || autoItems;
      if (value instanceof auto) value = autoValue(value);
      else if (autoItems) value = PyTuple.fromArray(Array.from(value as PyTuple<unknown>, (v) => (v instanceof auto ? autoValue(v) : v)));
      memberCount++;
      // (with its own __new__, the class makes its members from the value's items itself)
      if (userNew === null && kind === "str" && typeof value !== "string") {
        throw new TypeError(`${repr(value)} is not a string`);
      }
      if (userNew === null && (kind === "int" || kind === "intflag") && typeof value !== "bigint" && typeof value !== "boolean") {
        try {
          value = toIndex(value);
        } catch {
          throw new ValueError(`invalid literal for int() with base 10: ${repr(value)}`);
        }
      }
      const args = value instanceof PyTuple ? Array.from(value) : [value];
      // The class's own __new__ makes the member (`object.__new__(cls)`), and may set its _value_.
      let made: Enum | null = null;
      if (userNew !== null) {
        makingMember = true;
        try {
          made = userNew.apply(cls, args) as Enum;
        } catch (e) {
          // (`int.__new__(cls, v)`, `bytes.__new__(cls, [v])` in a mixin enum's __new__)
          if (e instanceof TypeError && /is not a subtype of/.test(String(e.args[0])))
            throw new NotImplementedError(`${className(cls)}.__new__: an enum member made by a builtin type's __new__ (a mixin enum) is not supported yet`);
          throw e;
        } finally {
          makingMember = false;
        }
        if (made === null || typeof made !== "object") throw new TypeError(`${className(cls)}.__new__() returned ${repr(made)}, not a member`);
        if (Object.prototype.hasOwnProperty.call(made, "_value_")) value = made._value_;
        Object.defineProperty(made, "_name_", { value: name, writable: true, configurable: true });
        Object.defineProperty(made, "_value_", { value, writable: true, configurable: true });
      }
      // ValueError-free alias detection: an equal value already present makes this name an alias
      const existing = lookupValue(st, value);
      let member: Enum;
      if (existing !== undefined) {
        member = existing;
        // (CPython makes the member and runs its __init__ before it finds the value taken: the
        // object is dropped for the alias, but what __init__ raises is raised)
        if (userInit) userInit.apply(made ?? newMember(cls, name, value), args);
      } else {
        member = made ?? newMember(cls, name, value);
        if (userInit) userInit.apply(member, args);
        const isCanonical = kind === "flag" || kind === "intflag" ? isPow2(value) : true;
        if (isCanonical) st.list.push(member);
        if (kind === "flag" || kind === "intflag") {
          if (typeof value === "bigint" && value > 0n && isPow2(value)) st.flagMask |= value;
        }
        try {
          st.byValue.__setitem__(value, member);
        } catch (e) {
          if (!(e instanceof TypeError)) throw e;
          st.unhashable.push(member);
        }
      }
      st.byName.set(name, member);
      if (!storedAuto) lastValues.push(value);
      memberAttr(cls, name, member);
    }
  } finally {
    building = false;
  }
  // Flag aliases that are multi-bit and canonical members cover their bits too
  if (kind === "flag" || kind === "intflag") {
    for (const m of st.byName.values()) if (typeof m._value_ === "bigint" && m._value_ > 0n) st.flagMask |= m._value_ as bigint;
  }
}

function memberAttr(cls: Function, name: string, member: Enum): void {
  Object.defineProperty(cls, name, {
    get: () => member,
    set: () => {
      throw new AttributeError(`cannot reassign member '${name}'`);
    },
    enumerable: true,
    configurable: true,
  });
  // instances reach other members (Color.RED.GREEN) through define_class's prototype getter
}

function lookupValue(st: EnumState, value: unknown): Enum | undefined {
  try {
    const m = st.byValue.get(value);
    if (m !== undefined && m !== null) return m;
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
  }
  for (const m of st.unhashable) if (eq(m._value_, value)) return m;
  return undefined;
}

function members(cls: Function): EnumState {
  return state(cls) ?? { list: [], byName: new Map(), byValue: new PyDict(), unhashable: [], flagMask: 0n };
}

/** `Color(value)`: the member with that value (or a Flag combination). */
function enumCall(cls: Function, args: unknown[]): Enum {
  const k = popKw(args);
  const st = state(cls);
  if (args.length >= 2 || (k !== null && ("names" in k || "value" in k))) return functionalApi(cls, args, k) as unknown as Enum;
  if (args.length !== 1) throw new TypeError(`${className(cls)}() takes 1 positional argument but ${args.length} were given`);
  if (st === undefined) throw new ValueError(`${repr(args[0])} is not a valid ${classQualname(cls)}`);
  let value = args[0];
  if (value instanceof cls) return value as Enum;
  const found = lookupValue(st!, value);
  if (found !== undefined) return found;
  const kind = kindOf(cls);
  if ((kind === "flag" || kind === "intflag") && (typeof value === "bigint" || typeof value === "boolean")) {
    return flagValue(cls, st!, typeof value === "boolean" ? (value ? 1n : 0n) : value) as Enum;
  }
  const missing = (cls as unknown as { _missing_?: (v: unknown) => unknown })._missing_;
  const notValid = () => new ValueError(`${repr(value)} is not a valid ${classQualname(cls)}`);
  if (typeof missing === "function" && missing !== Enum._missing_) {
    // What _missing_ raises, or a TypeError for what it returned, is raised with the ValueError
    // the lookup would have raised as its context (unless it is a ValueError itself).
    let r: unknown;
    let raised: unknown = null;
    try {
      r = missing.call(cls, value);
    } catch (e) {
      if (!(e instanceof Exception)) throw e;
      raised = e;
    }
    if (raised === null && r instanceof cls) return r as Enum;
    if (raised === null && (r === null || r === undefined)) throw notValid();
    const exc = (raised ?? new TypeError(`error in ${className(cls)}._missing_: returned ${repr(r)} instead of None or a valid member`)) as Exception;
    if (!(exc instanceof ValueError)) exc.__context__ = notValid();
    throw exc;
  }
  throw notValid();
}

/** int.bit_length() of a bigint. */
function bitLength(v: bigint): number {
  return highBit(v < 0n ? -v : v) + 1;
}

/** The bits of the class's single-bit members (CPython's `_singles_mask_`). */
function singlesMask(st: EnumState): bigint {
  let m = 0n;
  for (const x of st.list) if (isPow2(x._value_)) m |= x._value_ as bigint;
  return m;
}

/** Every bit up to the highest of any member (`_all_bits_`). */
function allBits(st: EnumState): bigint {
  return (1n << BigInt(bitLength(st.flagMask))) - 1n;
}

/** enum.bin: a sign digit, then the two's-complement digits, padded with the sign to `width`. */
function signedBin(v: bigint, width: number): string {
  const n = bitLength(v);
  let digits = n === 0 ? "" : (v & ((1n << BigInt(n)) - 1n)).toString(2).padStart(n, "0");
  const sign = v < 0n ? "1" : "0";
  if (digits.length < width) digits = sign.repeat(width - digits.length) + digits;
  return `0b${sign} ${digits}`;
}

function boundaryOf(cls: Function): unknown {
  return (cls as unknown as { _boundary_?: unknown })._boundary_;
}

/**
 * `F(v)` of a Flag for an int that no member has: what the class's boundary says. Values outside
 * its bits are STRICT's ValueError, CONFORM's masked value, EJECT's plain int, KEEP's member with
 * the extra bits; a negative value counts from the top of the bits. The pseudo-member is named by
 * the single-bit members (in definition order) and the aliases inside it.
 */
function flagValue(cls: Function, st: EnumState, v: bigint): Enum | bigint {
  const found = lookupValue(st, v);
  if (found !== undefined) return found;
  const mask = st.flagMask;
  const all = allBits(st);
  const boundary = boundaryOf(cls);
  if (v > all || v < ~all || (v & (all ^ mask)) !== 0n) {
    if (boundary === STRICT) {
      const width = Math.max(bitLength(v), bitLength(mask));
      throw new ValueError(`${enumClassRepr(cls)} invalid value ${v}\n    given ${signedBin(v, width)}\n  allowed ${signedBin(mask, width)}`);
    } else if (boundary === CONFORM) v &= mask;
    else if (boundary === EJECT) return v;
    else if (boundary === KEEP) {
      if (v < 0n) {
        const top = 1n << BigInt(bitLength(v));
        v = (all + 1n > top ? all + 1n : top) + v;
      }
    } else throw new ValueError(`${repr(boundary)} unknown flag boundary`);
  }
  let negative: bigint | null = null;
  if (v < 0n) {
    negative = v;
    v = all + 1n + v;
  }
  const again = lookupValue(st, v);
  if (again !== undefined) return again;
  const singles = singlesMask(st);
  let unknown = v & ~mask;
  if (unknown !== 0n && boundary !== KEEP) throw new ValueError(`${className(cls)}(${v}) -->  unknown values ${unknown} [0b${unknown.toString(2)}]`);
  const m = newMember(cls, null, v);
  const aliases = v & ~singles;
  const inside = v & singles;
  if (inside !== 0n || aliases !== 0n) {
    const parts = flagBits(st, inside);
    let combined = 0n;
    for (const p of parts) combined |= p._value_ as bigint;
    if (aliases !== 0n) {
      for (const p of st.byName.values()) {
        const pv = p._value_ as bigint;
        if (!parts.includes(p) && typeof pv === "bigint" && pv !== 0n && (pv & v) === pv) {
          parts.push(p);
          combined |= pv;
        }
      }
    }
    unknown = v ^ combined;
    let name: string | null = parts.map((p) => p._name_).join("|");
    if (combined === 0n) name = null;
    else if (unknown !== 0n && boundary === STRICT) throw new ValueError(`${enumClassRepr(cls)}: no members with value ${unknown}`);
    else if (unknown !== 0n) name += `|${unknown}`;
    m._name_ = name;
  }
  if (unknown === 0n) {
    st.byValue.__setitem__(v, m);
    if (negative !== null) st.byValue.__setitem__(negative, m);
  }
  return m;
}

/** `<enum 'Color'>`, `<flag 'Perm'>`. */
function enumClassRepr(cls: Function): string {
  return `<${cls.prototype instanceof Flag || cls === Flag ? "flag" : "enum"} ${repr(className(cls))}>`;
}

/** The canonical single-bit members inside v, in definition order. */
function flagBits(st: EnumState, v: bigint): Enum[] {
  const out: Enum[] = [];
  if (v <= 0n) return out;
  const single = st.list.filter((m) => isPow2(m._value_));
  for (const m of single) if ((v & (m._value_ as bigint)) !== 0n) out.push(m);
  return out;
}

/** `Enum("Color", "RED GREEN")` and friends. */
function functionalApi(cls: Function, args: unknown[], k: Record<string, unknown> | null): Function {
  const name = args[0] ?? k?.value;
  let names = args.length > 1 ? args[1] : k?.names;
  if (typeof name !== "string") throw new TypeError(`${className(cls)}() missing 1 required positional argument: 'value'`);
  const start = (k?.start ?? 1n) as bigint;
  const attrs: [string, unknown][] = [];
  if (typeof names === "string") names = names.replace(/,/g, " ").split(/\s+/).filter(Boolean);
  if (names instanceof PyDict) {
    for (const [n, v] of names.items() as Iterable<[string, unknown]>) attrs.push([n, v]);
  } else {
    const items = Array.from(toIterable(names));
    let i = 0n;
    const kind = kindOf(cls);
    for (const it of items) {
      if (typeof it === "string") {
        const v = kind === "flag" || kind === "intflag" ? 1n << (start - 1n + i) : kind === "str" ? it.toLowerCase() : start + i;
        attrs.push([it, v]);
      } else {
        const [n, v] = Array.from(toIterable(it));
        attrs.push([n as string, v]);
      }
      i++;
    }
  }
  const Base = cls as unknown as new (...a: unknown[]) => object;
  // Created with its name (a computed key names the class): redefining a class's `name` would
  // leave it in V8's slow dictionary mode.
  const C = { [name]: class extends Base {} }[name];
  markPythonClass(C); // its attributes are Python's (js-names.ts)
  Object.defineProperty(C, "__qualname__", { value: typeof k?.qualname === "string" ? k.qualname : name, configurable: true, writable: true });
  Object.defineProperty(C, "__name__", { value: name, configurable: true, writable: true });
  Object.defineProperty(C, "__module__", { value: typeof k?.module === "string" ? k.module : "__main__", configurable: true, writable: true });
  for (const [n, v] of attrs) Object.defineProperty(C, n, { value: v, writable: true, configurable: true, enumerable: true });
  defineEnum(C);
  return C;
}

function unwrap(x: unknown): unknown {
  return x instanceof Enum ? x._value_ : x;
}

// ───────────── Enum ─────────────

export class Enum extends PyObject {
  declare _name_: string | null;
  declare _value_: unknown;

  constructor(...args: any[]) {
    if (makingMember) {
      // (object.__new__(cls) in the enum's __new__: a bare instance, once)
      makingMember = false;
      super();
      return;
    }
    if (building) super();
    const made = enumCall(new.target, args);
    if (typeof made !== "object" && typeof made !== "function")
      throw new NotImplementedError(`${className(new.target)}() gave ${repr(made)}, a plain int (boundary=EJECT), where JavaScript needs an object`);
    return made;
  }

  get name(): string | null {
    return this._name_;
  }
  get value(): unknown {
    return this._value_;
  }

  __repr__(): string {
    const cls = this.constructor;
    const kind = kindOf(cls);
    const v = kind === "flag" || kind === "intflag" || kind === "int" ? String(this._value_) : repr(this._value_);
    if (this._name_ === null) return `<${className(cls)}: ${v}>`;
    return `<${className(cls)}.${this._name_}: ${v}>`;
  }
  __str__(): string {
    const cls = this.constructor;
    if (this._name_ === null) return `${className(cls)}(${repr(this._value_)})`;
    return `${className(cls)}.${this._name_}`;
  }
  __format__(spec: string): string {
    return format(str(this), spec);
  }
  __hash__(): bigint {
    return BigInt(hashNum(this._name_));
  }
  __reduce_ex__(): unknown {
    return PyTuple.fromArray([this.constructor, PyTuple.fromArray([this._value_])]);
  }
  __dir__(): PyList<string> {
    return PyList.fromArray(["__class__", "__doc__", "__eq__", "__hash__", "__module__", "name", "value"]);
  }

  // ── the class as a container ──
  static [Symbol.iterator](this: Function): Iterator<Enum> {
    return members(this).list.slice()[Symbol.iterator]();
  }
  static __iter__(this: Function): Iterator<Enum> {
    return members(this).list.slice()[Symbol.iterator]();
  }
  static __reversed__(this: Function): Iterator<Enum> {
    return members(this).list.slice().reverse()[Symbol.iterator]();
  }
  static __len__(this: Function): bigint {
    return BigInt(members(this).list.length);
  }
  static __contains__(this: Function, x: unknown): boolean {
    if (x instanceof Enum) return x instanceof this && members(this).byName.get(x._name_ as string) === x;
    return lookupValue(members(this), x) !== undefined;
  }
  static __class_getitem__(this: Function, name: unknown): Enum {
    const m = members(this).byName.get(name as string);
    if (m === undefined) throw new KeyError(name);
    return m;
  }
  static __getitem__(this: Function, name: unknown): Enum {
    return Enum.__class_getitem__.call(this, name);
  }
  static get __members__(): PyDict<string, Enum> {
    return PyDict.fromEntries([...members(this as unknown as Function).byName.entries()]);
  }
  static _missing_(_value: unknown): unknown {
    return null;
  }
  static __pyrepr__(this: Function): string {
    return enumClassRepr(this);
  }
  /** `class F(Flag, boundary=KEEP)`: the class keyword enum's metaclass takes (a Flag keeps it as `_boundary_`). */
  static __init_subclass__(this: Function, ...args: unknown[]): void {
    const k = popKw(args);
    if (k !== null && "boundary" in k) {
      const { boundary, ...rest } = k;
      if (this.prototype instanceof Flag && boundary !== null && boundary !== undefined) {
        Object.defineProperty(this, "_boundary_", { value: boundary, writable: true, configurable: true });
        // (called through the runtime's call(), as the compiler calls a class with `boundary=`, F(v)
        // may give EJECT's plain int)
        Object.defineProperty(this, CONSTRUCT, { value: enumCall, writable: true, configurable: true });
      }
      if (Object.keys(rest).length) args.push(new KwArgs(rest));
    } else if (k !== null) args.push(k);
    PyObject.__init_subclass__.call(this, ...args);
  }
  static __bool__(): boolean {
    return true;
  }
  /** Called by define_class when a subclass's body has been set up. */
  static __define__(cls: Function): void {
    defineEnum(cls);
  }
}
Object.defineProperty(Enum, "__module__", { value: "enum" });

/** Arithmetic and comparisons of the mixed-in value type (int), for IntEnum/IntFlag. */
function intMixin(proto: Record<string, unknown>): void {
  valueOperators(proto, ["add", "sub", "mul", "truediv", "floordiv", "mod", "divmod", "pow", "lshift", "rshift", "and", "or", "xor"], unwrap);
  if (!("__invert__" in proto)) {
    proto.__invert__ = function (this: Enum) {
      return invert(this._value_);
    };
  }
  proto.__index__ = proto.__int__ = function (this: Enum) {
    return toIndex(this._value_);
  };
  proto.__float__ = function (this: Enum) {
    return Number(this._value_);
  };
  const cmp: Record<string, (a: unknown, b: unknown) => boolean> = { lt, le, gt, ge };
  for (const [n, f] of Object.entries(cmp)) {
    proto[`__${n}__`] = function (this: Enum, o: unknown) {
      return f(this._value_, unwrap(o));
    };
  }
  proto.__eq__ = function (this: Enum, o: unknown) {
    return this === o || eq(this._value_, unwrap(o));
  };
  proto.__ne__ = function (this: Enum, o: unknown) {
    return !(this === o || eq(this._value_, unwrap(o)));
  };
  proto.__hash__ = function (this: Enum) {
    return BigInt(hashNum(this._value_));
  };
  proto.__bool__ = function (this: Enum) {
    return truthy(this._value_);
  };
  // other int methods: bit_length(), to_bytes(), ...
  proto.__getattr__ = function (this: Enum, name: string) {
    return getattr(this._value_, name);
  };
}

export class IntEnum extends Enum {
  __str__(): string {
    return str(this._value_);
  }
  __format__(spec: string): string {
    return format(this._value_, spec);
  }
}
intMixin(IntEnum.prototype as unknown as Record<string, unknown>);
// The int operators intMixin sets, as methods a program may call by name or override.
export interface IntEnum {
  __add__(other: unknown): unknown;
  __radd__(other: unknown): unknown;
  __sub__(other: unknown): unknown;
  __rsub__(other: unknown): unknown;
  __mul__(other: unknown): unknown;
  __rmul__(other: unknown): unknown;
  __truediv__(other: unknown): unknown;
  __rtruediv__(other: unknown): unknown;
  __floordiv__(other: unknown): unknown;
  __rfloordiv__(other: unknown): unknown;
  __mod__(other: unknown): unknown;
  __rmod__(other: unknown): unknown;
  __divmod__(other: unknown): unknown;
  __rdivmod__(other: unknown): unknown;
  __pow__(other: unknown): unknown;
  __rpow__(other: unknown): unknown;
}
// isinstance(member, int) / isinstance(member, str) (builtins' isinstance reads this key).
Object.defineProperty(IntEnum.prototype, Symbol.for("tsyncio.valueType"), { value: "int" });
Object.defineProperty(IntEnum, "__module__", { value: "enum" });

export class StrEnum extends Enum {
  __str__(): string {
    return this._value_ as string;
  }
  __format__(spec: string): string {
    return format(this._value_, spec);
  }
  __eq__(o: unknown): boolean {
    return this === o || eq(this._value_, unwrap(o));
  }
  __ne__(o: unknown): boolean {
    return !this.__eq__(o);
  }
  __hash__(): bigint {
    return BigInt(hashNum(this._value_));
  }
  __lt__(o: unknown): boolean {
    return lt(this._value_, unwrap(o));
  }
  __le__(o: unknown): boolean {
    return le(this._value_, unwrap(o));
  }
  __gt__(o: unknown): boolean {
    return gt(this._value_, unwrap(o));
  }
  __ge__(o: unknown): boolean {
    return ge(this._value_, unwrap(o));
  }
  __add__(o: unknown): unknown {
    return add(this._value_, unwrap(o));
  }
  __radd__(o: unknown): unknown {
    return add(unwrap(o), this._value_);
  }
  __mul__(o: unknown): unknown {
    return mul(this._value_, o);
  }
  __len__(): bigint {
    return BigInt([...(this._value_ as string)].length);
  }
  __contains__(x: unknown): boolean {
    return (this._value_ as string).includes(x as string);
  }
  __iter__(): Iterator<string> {
    return (this._value_ as string)[Symbol.iterator]();
  }
  __getitem__(k: unknown): unknown {
    return getattr(this._value_, "__getitem__")(k);
  }
  /** str methods (upper(), startswith(), ...) act on the value */
  __getattr__(name: string): unknown {
    return getattr(this._value_, name);
  }
}
Object.defineProperty(StrEnum, "__module__", { value: "enum" });
Object.defineProperty(StrEnum.prototype, Symbol.for("tsyncio.valueType"), { value: "str" });

/** `class S(str, Enum)`: members are str values, but str() and format() are Enum's (`S.OK`). */
class StrMixinEnum extends StrEnum {
  __str__(): string {
    return Enum.prototype.__str__.call(this) as string;
  }
  __format__(spec: string): string {
    return format(this.__str__(), spec);
  }
}
/** `class I(int, Enum)`: members are int values, but str() and format() are Enum's (`I.LOW`). */
class IntMixinEnum extends IntEnum {
  __str__(): string {
    return Enum.prototype.__str__.call(this) as string;
  }
  __format__(spec: string): string {
    return format(this.__str__(), spec);
  }
}
for (const [cls, name] of [
  [StrMixinEnum, "Enum"],
  [IntMixinEnum, "Enum"],
] as const) {
  Object.defineProperty(cls, "__module__", { value: "enum" });
  Object.defineProperty(cls, "__name__", { value: name, configurable: true, writable: true });
  Object.defineProperty(cls, "__qualname__", { value: name, configurable: true, writable: true });
}
set_mixin_bases((bases) => {
  if (bases.length !== 2 || bases[1] !== Enum) return null;
  if (bases[0] === builtinStr) return StrMixinEnum;
  if (bases[0] === builtinInt) return IntMixinEnum;
  return null;
});

export class ReprEnum extends Enum {}
Object.defineProperty(ReprEnum, "__module__", { value: "enum" });

// ───────────── Flag ─────────────

export class Flag extends Enum {
  __repr__(): string {
    const cls = this.constructor;
    const v = String(this._value_);
    if (this._name_ === null) return `<${className(cls)}: ${v}>`;
    return `<${className(cls)}.${this._name_}: ${v}>`;
  }
  __str__(): string {
    const cls = this.constructor;
    if (this._name_ === null) return `${className(cls)}(${repr(this._value_)})`;
    return `${className(cls)}.${this._name_}`;
  }
  private _combine(o: unknown, op: (a: bigint, b: bigint) => bigint): unknown {
    const cls = this.constructor as new (v: unknown) => Flag;
    let ov: bigint;
    if (o instanceof cls) ov = (o as Flag)._value_ as bigint;
    else if (this instanceof IntFlag && (typeof o === "bigint" || typeof o === "boolean")) ov = toIndex(o);
    else return NotImplementedValue();
    return enumCall(cls, [op(this._value_ as bigint, ov)]);
  }
  __or__(o: unknown): unknown {
    return this._combine(o, (a, b) => a | b);
  }
  __and__(o: unknown): unknown {
    return this._combine(o, (a, b) => a & b);
  }
  __xor__(o: unknown): unknown {
    return this._combine(o, (a, b) => a ^ b);
  }
  __ror__(o: unknown): unknown {
    return this.__or__(o);
  }
  __rand__(o: unknown): unknown {
    return this.__and__(o);
  }
  __rxor__(o: unknown): unknown {
    return this.__xor__(o);
  }
  __invert__(): unknown {
    const cls = this.constructor;
    const v = this._value_ as bigint;
    const boundary = boundaryOf(cls);
    return enumCall(cls, [boundary === EJECT || boundary === KEEP ? ~v : singlesMask(members(cls)) & ~v]);
  }
  /** The bits of every member (`_flag_mask_`), of the single-bit ones (`_singles_mask_`), and all up to the highest (`_all_bits_`). */
  static get _flag_mask_(): bigint {
    return members(this as unknown as Function).flagMask;
  }
  static get _singles_mask_(): bigint {
    return singlesMask(members(this as unknown as Function));
  }
  static get _all_bits_(): bigint {
    return allBits(members(this as unknown as Function));
  }
  __contains__(o: unknown): boolean {
    if (!(o instanceof this.constructor)) {
      throw new TypeError(`unsupported operand type(s) for 'in': '${typeName(o)}' and '${typeName(this)}'`);
    }
    const ov = (o as Flag)._value_ as bigint;
    return ((this._value_ as bigint) & ov) === ov;
  }
  __iter__(): Iterator<Enum> {
    return flagBits(members(this.constructor), this._value_ as bigint)[Symbol.iterator]();
  }
  [Symbol.iterator](): Iterator<Enum> {
    return this.__iter__();
  }
  __len__(): bigint {
    return BigInt(flagBits(members(this.constructor), this._value_ as bigint).length);
  }
  __bool__(): boolean {
    return (this._value_ as bigint) !== 0n;
  }
}
Object.defineProperty(Flag, "__module__", { value: "enum" });

export class IntFlag extends Flag {
  __str__(): string {
    return str(this._value_);
  }
  __format__(spec: string): string {
    return format(this._value_, spec);
  }
}
intMixin(IntFlag.prototype as unknown as Record<string, unknown>);
Object.defineProperty(IntFlag.prototype, Symbol.for("tsyncio.valueType"), { value: "int" });
// the Flag operators win over the int ones
for (const n of ["__or__", "__and__", "__xor__", "__ror__", "__rand__", "__rxor__", "__invert__", "__bool__"]) {
  (IntFlag.prototype as unknown as Record<string, unknown>)[n] = (Flag.prototype as unknown as Record<string, unknown>)[n];
}
Object.defineProperty(IntFlag, "__module__", { value: "enum" });

import { NotImplemented } from "../builtins/ops.js";
function NotImplementedValue(): unknown {
  return NotImplemented;
}

// ───────────── decorators and helpers ─────────────

/** `@unique`: no aliases allowed. */
export function unique<C extends Function>(cls: C): C {
  const st = members(cls);
  const dups: string[] = [];
  for (const [name, m] of st.byName) if (m._name_ !== name) dups.push(`${name} -> ${m._name_}`);
  if (dups.length) throw new ValueError(`duplicate values found in ${repr(cls)}: ${dups.join(", ")}`);
  return cls;
}

/** `enum.member(x)` / `enum.nonmember(x)` are accepted and unwrapped where possible. */
export function member<T>(x: T): T {
  return x;
}
export function nonmember<T>(x: T): T {
  return x;
}

export const EnumType = Enum;
// (a class made at run time or an alias of one: its instances, for annotations that name it)
export type EnumType = InstanceType<typeof EnumType>;
export const EnumMeta = Enum;
// (a class made at run time or an alias of one: its instances, for annotations that name it)
export type EnumMeta = InstanceType<typeof EnumMeta>;

// the class's kind decides arithmetic; keep KwArgs referenced for callers that pass keywords
void KwArgs;

/**
 * @internal A runtime module's enum made through the functional API (`IntEnum("Signals", pairs,
 * module="signal")`), as CPython's signal, socket and ssl make theirs.
 */
export function _module_enum(cls: typeof IntEnum | typeof IntFlag, module: string, name: string, pairs: [string, number | bigint][]): any {
  return call(cls, name, PyList.fromArray(pairs.map(([n, v]) => PyTuple.fromArray([n, BigInt(v)]))), new KwArgs({ module }));
}

// ───────────── FlagBoundary, EnumCheck, verify ─────────────

/** How a Flag treats a value with bits no member has (STRICT, CONFORM, EJECT, KEEP). */
export const FlagBoundary: any = _module_str_enum("FlagBoundary", [
  ["STRICT", "strict"],
  ["CONFORM", "conform"],
  ["EJECT", "eject"],
  ["KEEP", "keep"],
]);
export const STRICT: any = FlagBoundary.STRICT;
export const CONFORM: any = FlagBoundary.CONFORM;
export const EJECT: any = FlagBoundary.EJECT;
export const KEEP: any = FlagBoundary.KEEP;
Object.defineProperty(Flag, "_boundary_", { value: STRICT, writable: true, configurable: true });
Object.defineProperty(IntFlag, "_boundary_", { value: KEEP, writable: true, configurable: true });

/** What `@verify(...)` checks. */
export const EnumCheck: any = _module_str_enum("EnumCheck", [
  ["CONTINUOUS", "no skipped integer values"],
  ["NAMED_FLAGS", "multi-flag aliases may not contain unnamed flags"],
  ["UNIQUE", "one name per value"],
]);
export const CONTINUOUS: any = EnumCheck.CONTINUOUS;
export const NAMED_FLAGS: any = EnumCheck.NAMED_FLAGS;
export const UNIQUE: any = EnumCheck.UNIQUE;

function _module_str_enum(name: string, pairs: [string, string][]): Function {
  return call(StrEnum, name, PyList.fromArray(pairs.map(([n, v]) => PyTuple.fromArray([n, v]))), new KwArgs({ module: "enum" })) as Function;
}

/**
 * `@verify(UNIQUE, CONTINUOUS, NAMED_FLAGS)`: the class decorated, or CPython's ValueError for the
 * first check it fails (aliases; values skipped between the lowest and highest member, powers of
 * two for a Flag; a Flag alias with bits no member names).
 */
export function verify(...given: unknown[]): (enumeration: unknown) => unknown {
  const checks = PyTuple.fromArray(given);
  const decorate = (enumeration: unknown): unknown => {
    const cls = enumeration as Function;
    const isFlag = typeof cls === "function" && (cls.prototype instanceof Flag || cls === Flag);
    if (!isFlag && !(typeof cls === "function" && (cls.prototype instanceof Enum || cls === Enum)))
      throw new TypeError("the 'verify' decorator only works with Enum and Flag");
    const st = members(cls);
    const name = className(cls);
    for (const check of checks) {
      if (check === UNIQUE) {
        const dups: string[] = [];
        for (const [n, m] of st.byName) if (m._name_ !== n) dups.push(`${n} -> ${m._name_}`);
        if (dups.length) throw new ValueError(`aliases found in ${enumClassRepr(cls)}: ${dups.join(", ")}`);
      } else if (check === CONTINUOUS) {
        const values = st.list.map((m) => m._value_ as bigint);
        if (new globalThis.Set(values).size < 2) continue;
        let low = values[0];
        let high = values[0];
        for (const v of values) {
          if (v < low) low = v;
          if (v > high) high = v;
        }
        const missing: bigint[] = [];
        const has = (x: bigint) => values.some((v) => v === x);
        if (isFlag) {
          for (let i = highBit(low) + 1; i < highBit(high); i++) if (!has(1n << BigInt(i))) missing.push(1n << BigInt(i));
        } else for (let i = low + 1n; i < high; i++) if (!has(i)) missing.push(i);
        if (missing.length) throw new ValueError(`invalid ${isFlag ? "flag" : "enum"} '${name}': missing values ${missing.join(", ")}`.slice(0, 256));
      } else if (check === NAMED_FLAGS) {
        const canonical = new globalThis.Set(st.list.map((m) => m._value_ as bigint));
        const missingNames: string[] = [];
        let missingValue = 0n;
        for (const [n, m] of st.byName) {
          if (m._name_ === n && st.list.includes(m)) continue;
          const v = m._value_ as bigint;
          if (v < 0n) continue;
          for (let bit = 1n; bit <= v; bit <<= 1n) {
            if ((v & bit) !== 0n && !canonical.has(bit)) {
              if (!missingNames.includes(n)) missingNames.push(n);
              missingValue |= bit;
            }
          }
        }
        if (missingNames.length) {
          const alias =
            missingNames.length === 1
              ? `alias ${missingNames[0]} is missing`
              : `aliases ${missingNames.slice(0, -1).join(", ")} and ${missingNames[missingNames.length - 1]} are missing`;
          const value = isPow2(missingValue) ? `value 0x${missingValue.toString(16)}` : `combined values of 0x${missingValue.toString(16)}`;
          throw new ValueError(`invalid Flag '${name}': ${alias} ${value} [use enum.show_flag_values(value) for details]`);
        }
      }
    }
    return cls;
  };
  Object.defineProperty(decorate, "checks", { value: checks, writable: true, configurable: true });
  return decorate;
}
