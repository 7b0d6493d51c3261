// What a program's `class Count(int)`, `class Name(str)` or `class Ratio(float)` extends.
//
//   class Count(int): ...   →   class Count extends IntSubclassRoot { ... }   (lowering: classes.ts)
//
// Python's ints, strs and floats are JS primitives here, which cannot carry a class or attributes.
// An instance of such a subclass is an object holding its value (under `_value_`, the slot
// IntEnum/StrEnum members use, so dicts, sets, isinstance and json already treat it as the
// value), with the base type's operations: arithmetic and comparisons act on the value and give
// plain ints/strs/floats, as CPython's int.__add__ & co. do; the type's other methods (bit_length,
// upper, ...) are the value's. `int.__new__(cls, x)` (what `super().__new__(cls, x)` reaches) makes
// one; a class of the program may override any of these methods.

import { PyObject, KwArgs, CONSTRUCT, raw_instance, className, keywordBinding } from "./object.js";
import { stands_for } from "./mro.js";
import { TypeError } from "./exceptions.js";
import { repr } from "./repr.js";
import { format } from "./format.js";
import { hash as pyHash, len, round, str as strType, int as intType, float as floatType, tuple as tupleType } from "./functions.js";
import { PyTuple } from "./collections.js";
import { applyArgs } from "./keywords.js";
import { checkInitArguments } from "./arity.js";
import { isProgramFunction } from "./program-functions.js";
import { eq, lt, le, gt, ge, truthy, iter, toIterable } from "./protocol.js";
import {
  add,
  sub,
  mul,
  truediv,
  floordiv,
  mod,
  pow,
  lshift,
  rshift,
  bitand,
  bitor,
  bitxor,
  divmod,
  neg,
  pos,
  invert,
  getattr,
  getitem,
  contains,
  NotImplemented,
  sequenceGetitem,
} from "./ops.js";

const VALUE_TYPE = Symbol.for("tsyncio.valueType");

type Holder = { _value_: unknown };
// eslint-disable-next-line prefer-const -- filled once the roots exist (below)
let ROOT_NEW: Set<unknown>;
type AnyRecord = Record<string, unknown>;

/** The primitive inside an instance of one of these roots (or the argument itself). */
export function value_of(x: unknown): unknown {
  return x instanceof ValueSubclassRoot ? x._value_ : x;
}

/**
 * `__init__(*args)` on what `__new__` made: the program's own binds keywords by name and checks
 * its arguments (CPython's TypeError); a runtime one takes them as they are.
 */
function runInit(init: Function, made: object, args: unknown[]): void {
  const n = args.length;
  if (n !== 0 && args[n - 1] instanceof KwArgs && keywordBinding.init !== null && isProgramFunction(init)) return keywordBinding.init(made, args);
  checkInitArguments(init, made, args);
  applyArgs(init, made, args);
}

/**
 * The common root: construction as `type.__call__` does it (`cls.__new__(cls, *args)`, then
 * `__init__(*args)` on what it returned if that is an instance of cls).
 */
abstract class ValueSubclassRoot extends PyObject {
  declare _value_: unknown;
  static [CONSTRUCT](C: Function, args: unknown[]): unknown {
    const own = (C.prototype as AnyRecord).__new__ as Function;
    // A translated `def __new__(cls, ...)` takes cls as `this` (the roots' take it first, as super().__new__(cls) passes it).
    const made = ROOT_NEW.has(own) ? applyArgs(own, C, [C, ...args]) : applyArgs(own, C, args);
    if (made instanceof C) {
      const init = (made as AnyRecord).__init__;
      if (init !== ValueSubclassRoot.prototype.__init__ && typeof init === "function") runInit(init as Function, made, args);
    }
    return made;
  }
  /** object.__init__ accepts the arguments __new__ took. */
  __init__(..._args: unknown[]): void {}
  __repr__(): string {
    return repr(this._value_);
  }
  __hash__(): bigint {
    return pyHash(this._value_);
  }
  __eq__(o: unknown): unknown {
    return this === o || eq(this._value_, value_of(o));
  }
  __ne__(o: unknown): unknown {
    return !(this === o || eq(this._value_, value_of(o)));
  }
  __lt__(o: unknown): unknown {
    return lt(this._value_, value_of(o));
  }
  __le__(o: unknown): unknown {
    return le(this._value_, value_of(o));
  }
  __gt__(o: unknown): unknown {
    return gt(this._value_, value_of(o));
  }
  __ge__(o: unknown): unknown {
    return ge(this._value_, value_of(o));
  }
  __bool__(): boolean {
    return truthy(this._value_);
  }
  /** The base type's other attributes (bit_length, upper, real, ...) are the value's. */
  __getattr__(name: string): unknown {
    return getattr(this._value_, name);
  }
}

/** Makes an instance of cls (a subclass of a root) holding the value. */
function holding(cls: unknown, value: unknown, root: Function, typeName: string): object {
  if (typeof cls !== "function" || !(cls.prototype instanceof root)) {
    throw new TypeError(
      `${typeName}.__new__(${typeof cls === "function" ? className(cls) : repr(cls)}): ${typeof cls === "function" ? `${className(cls)} is not a subtype of ${typeName}` : "X is not a type object"}`,
    );
  }
  const inst = raw_instance(cls) as Holder;
  Object.defineProperty(inst, "_value_", { value, writable: true, configurable: true, enumerable: false });
  return inst;
}

const binary: Record<string, (a: unknown, b: unknown) => unknown> = {
  add,
  sub,
  mul,
  truediv,
  floordiv,
  mod,
  pow,
  divmod,
  lshift,
  rshift,
  and: bitand,
  or: bitor,
  xor: bitxor,
};

/**
 * The operators of int/float on a held `_value_` (an int subclass, an IntEnum member): `Count(3) * 2`
 * is the int 6. `operand` unwraps the other side; a forward operator the prototype already has is
 * kept (IntFlag's own `&`, `|`, `^`).
 */
export function valueOperators(proto: AnyRecord, names: string[], operand: (o: unknown) => unknown): void {
  for (const n of names) {
    const f = binary[n];
    if (!(`__${n}__` in proto)) {
      proto[`__${n}__`] = function (this: Holder, o: unknown) {
        return f(this._value_, operand(o));
      };
    }
    proto[`__r${n}__`] = function (this: Holder, o: unknown) {
      return f(operand(o), this._value_);
    };
  }
  proto.__neg__ = function (this: Holder) {
    return neg(this._value_);
  };
  proto.__pos__ = function (this: Holder) {
    return pos(this._value_);
  };
  proto.__abs__ = function (this: Holder) {
    const v = this._value_ as bigint | number;
    return v < 0 ? neg(v) : pos(v);
  };
}

/** The numeric methods of int/float subclasses: the operators, float(), round() and format(). */
function numericMethods(proto: AnyRecord, names: string[]): void {
  valueOperators(proto, names, value_of);
  proto.__float__ = function (this: Holder) {
    return Number(this._value_);
  };
  proto.__round__ = function (this: Holder, ...nd: unknown[]) {
    return applyArgs(round, null, [this._value_, ...nd]);
  };
  /** int.__format__/float.__format__: an empty spec is str(self), which a subclass may override. */
  proto.__format__ = function (this: Holder & { __str__(): string }, spec: string) {
    return spec === "" ? this.__str__() : format(this._value_, spec);
  };
}

export abstract class IntSubclassRoot extends ValueSubclassRoot {
  /** `int.__new__(cls, x=0, base=10)`. */
  __new__(cls: unknown, ...args: unknown[]): any {
    // (int() itself takes two parameters: what a call through the class gives beyond them it would not see)
    const given = args.length - (args[args.length - 1] instanceof KwArgs ? 1 : 0);
    if (given > 2) throw new TypeError(`int() takes at most 2 arguments (${given} given)`);
    return holding(cls, applyArgs(intType, null, args), IntSubclassRoot, "int");
  }
  __int__(): bigint {
    return this._value_ as bigint;
  }
  __index__(): bigint {
    return this._value_ as bigint;
  }
  __invert__(): unknown {
    return invert(this._value_);
  }
  __trunc__(): bigint {
    return this._value_ as bigint;
  }
}
numericMethods(IntSubclassRoot.prototype as unknown as AnyRecord, [
  "add",
  "sub",
  "mul",
  "truediv",
  "floordiv",
  "mod",
  "pow",
  "divmod",
  "lshift",
  "rshift",
  "and",
  "or",
  "xor",
]);

export abstract class FloatSubclassRoot extends ValueSubclassRoot {
  /** `float.__new__(cls, x=0.0)`. */
  __new__(cls: unknown, ...args: unknown[]): any {
    return holding(cls, applyArgs(floatType, null, args), FloatSubclassRoot, "float");
  }
  __int__(): bigint {
    return intType(this._value_);
  }
  __trunc__(): bigint {
    return intType(this._value_);
  }
}
numericMethods(FloatSubclassRoot.prototype as unknown as AnyRecord, ["add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "divmod"]);

export abstract class StrSubclassRoot extends ValueSubclassRoot {
  /** `str.__new__(cls, object='')` (and `str(bytes, encoding, errors)`). */
  __new__(cls: unknown, ...args: unknown[]): any {
    return holding(cls, applyArgs(strType, null, args), StrSubclassRoot, "str");
  }
  /** str(x) of a str subclass is the plain string (str.__str__). */
  __str__(): string {
    return this._value_ as string;
  }
  __format__(spec: string): string {
    return format(this._value_, spec);
  }
  __len__(): bigint {
    return len(this._value_);
  }
  __iter__(): unknown {
    return iter(this._value_);
  }
  __getitem__(key: unknown): unknown {
    return getitem(this._value_, key);
  }
  __contains__(item: unknown): boolean {
    return contains(this._value_, value_of(item));
  }
  __add__(o: unknown): unknown {
    const v = value_of(o);
    return typeof v === "string" ? (this._value_ as string) + v : NotImplemented;
  }
  __radd__(o: unknown): unknown {
    const v = value_of(o);
    return typeof v === "string" ? v + (this._value_ as string) : NotImplemented;
  }
  __mul__(o: unknown): unknown {
    return mul(this._value_, value_of(o));
  }
  __rmul__(o: unknown): unknown {
    return mul(value_of(o), this._value_);
  }
  __mod__(o: unknown): unknown {
    return mod(this._value_, o);
  }
}

ROOT_NEW = new Set<unknown>([IntSubclassRoot.prototype.__new__, FloatSubclassRoot.prototype.__new__, StrSubclassRoot.prototype.__new__]);

// isinstance(x, int) / isinstance(x, str) (functions.ts reads this key); for Python these roots
// are int, float and str themselves (`__mro__`, `__bases__`, super()).
Object.defineProperty(IntSubclassRoot.prototype, VALUE_TYPE, { value: "int" });
Object.defineProperty(StrSubclassRoot.prototype, VALUE_TYPE, { value: "str" });
Object.defineProperty(FloatSubclassRoot.prototype, VALUE_TYPE, { value: "float" });
stands_for(IntSubclassRoot, intType);
stands_for(FloatSubclassRoot, floatType);
stands_for(StrSubclassRoot, strType);

/** `int.__new__(cls, x)` called on the type itself (`int.__new__(Count, 3)`, `super(C, cls).__new__`). */
for (const [type, root] of [
  [intType, IntSubclassRoot],
  [floatType, FloatSubclassRoot],
  [strType, StrSubclassRoot],
] as const) {
  Object.defineProperty(type, "__new__", {
    value: function __new__(cls: unknown, ...args: unknown[]): unknown {
      if (cls === type)
        return applyArgs(
          type,
          null,
          args.filter((a) => !(a instanceof KwArgs) || Object.keys(a.kw).length),
        );
      return (root.prototype as unknown as AnyRecord & { __new__: Function }).__new__(cls, ...args);
    },
    writable: true,
    configurable: true,
  });
}

// ---------------------------------------------------------------------------------------------
// class Pair(tuple)

/** Set while `tuple.__new__(cls, ...)` makes the empty instance it then fills. */
let rawTuple = false;

/** Makes an instance of cls (a subclass of TupleSubclassRoot) holding the iterable's items. */
function tupleOf(cls: Function, items: unknown): TupleSubclassRoot {
  rawTuple = true;
  let t: TupleSubclassRoot;
  try {
    t = Reflect.construct(cls, []) as TupleSubclassRoot;
  } finally {
    rawTuple = false;
  }
  if (items !== undefined) for (const x of toIterable(items)) t.push(x);
  return t;
}

/**
 * What `class Pair(tuple)` extends: a tuple (PyTuple) that, unlike the builtin's, is not frozen,
 * so that it takes attributes. Made as type.__call__ makes it: the class's `__new__` (by default
 * tuple.__new__(cls, iterable=())), then `__init__(*args)` on it.
 */
export class TupleSubclassRoot<T = unknown> extends PyTuple<T> {
  constructor(...args: unknown[]) {
    super();
    if (rawTuple) return;
    const C = new.target as Function;
    const own = (C.prototype as AnyRecord).__new__ as Function;
    const made = own === TupleSubclassRoot.prototype.__new__ ? own.call(C, C, ...args) : applyArgs(own, C, args);
    if (made instanceof C) {
      const init = (made as AnyRecord).__init__;
      if (init !== TupleSubclassRoot.prototype.__init__ && typeof init === "function") runInit(init as Function, made, args);
    }
    return made as TupleSubclassRoot<T>;
  }
  /** `tuple.__new__(cls, iterable=())`. */
  __new__(cls: unknown, ...args: unknown[]): any {
    const given = args.filter((a) => !(a instanceof KwArgs));
    if (given.length > 1) throw new TypeError(`tuple expected at most 1 argument, got ${given.length}`);
    if (typeof cls !== "function" || !(cls.prototype instanceof TupleSubclassRoot)) return tupleType(...given);
    return tupleOf(cls, given[0]);
  }
  /** object.__init__ accepts the arguments __new__ took. */
  __init__(..._args: unknown[]): void {}
  /** tuple's own, which a subclass's `super().__getitem__(i)` reaches (see ListSubclassRoot's). */
  __getitem__(key: unknown): unknown {
    return sequenceGetitem(this, key);
  }
}
stands_for(TupleSubclassRoot, tupleType);
Object.defineProperty(tupleType, "__new__", {
  value: function __new__(cls: unknown, ...args: unknown[]): unknown {
    return TupleSubclassRoot.prototype.__new__(cls, ...args);
  },
  writable: true,
  configurable: true,
});
