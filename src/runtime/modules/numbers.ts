// numbers: the numeric tower's abstract base classes. isinstance() answers for the builtin numbers
// as CPython's registrations do (int and bool are Integral, float Real, complex Complex, Fraction
// Rational, Decimal only a Number); register() adds a virtual subclass; a program's subclass must
// define the abstract methods, and inherits the methods the tower derives from them.
// CPython: Lib/numbers.py (documented behaviour).
import { PyTuple } from "../builtins/collections.js";
import { ABSTRACT_NAMES as ABSTRACT } from "../builtins/abstract-refusal.js";
import { ABC } from "./abc.js";
import { add, floordiv, mod, neg, pos, truediv } from "../builtins/ops.js";
import { ne } from "../builtins/protocol.js";
import { bool, complex, float, int } from "../builtins/functions.js";
import { Fraction } from "./fractions.js";
import { Decimal } from "./decimal.js";

/** The tower's level of a builtin value: 4 Integral, 3 Rational, 2 Real, 1 Complex, 0 Number, -1 none. */
function builtinLevel(x: unknown): number {
  if (typeof x === "bigint" || typeof x === "boolean") return 4;
  if (typeof x === "number") return 2;
  if (x instanceof Fraction) return 3;
  if (x instanceof Decimal) return 0;
  // (complex values: the runtime has none)
  return -1;
}

function builtinClassLevel(c: unknown): number {
  if (c === int || c === bool) return 4;
  if (c === float) return 2;
  if (c === complex) return 1;
  if (c === Fraction || (typeof c === "function" && c.prototype instanceof Fraction)) return 3;
  if (c === Decimal || (typeof c === "function" && c.prototype instanceof Decimal)) return 0;
  return -1;
}

const LEVEL = Symbol("numbers level");

function registryOf(cls: Function): Set<Function> | null {
  return Object.prototype.hasOwnProperty.call(cls, "_abc_registry") ? (cls as unknown as { _abc_registry: Set<Function> })._abc_registry : null;
}

/** Whether class c is a subclass of the tower's cls: by inheritance, a registration, or a builtin's level. */
function isTowerSubclass(c: unknown, cls: Function): boolean {
  if (typeof c !== "function") return false;
  if (c === cls || c.prototype instanceof cls) return true;
  const level = (cls as unknown as { [LEVEL]: number })[LEVEL];
  if (builtinClassLevel(c) >= level) return true;
  // (a class registered with this ABC or with one below it in the tower)
  for (const t of TOWER) {
    if ((t as unknown as { [LEVEL]: number })[LEVEL] < level) continue;
    for (const r of registryOf(t) ?? []) if (c === r || c.prototype instanceof r) return true;
  }
  return false;
}

export class Number extends ABC {
  static __instancecheck__(this: Function, x: unknown): boolean {
    if (x !== null && (typeof x === "object" || typeof x === "function") && x instanceof this) return true;
    const level = builtinLevel(x);
    if (level >= 0) return level >= (this as unknown as { [LEVEL]: number })[LEVEL];
    return x !== null && x !== undefined && isTowerSubclass((x as object).constructor, this);
  }
  static __subclasscheck__(this: Function, c: unknown): boolean {
    return isTowerSubclass(c, this);
  }
}

export class Complex extends Number {
  __sub__(other: unknown): unknown {
    return add(this, neg(other));
  }
  __rsub__(other: unknown): unknown {
    return add(neg(this), other);
  }
  __bool__(): boolean {
    return ne(this, 0n);
  }
}

export class Real extends Complex {
  __complex__(): unknown {
    return complex(float(this));
  }
  get real(): unknown {
    return pos(this);
  }
  get imag(): unknown {
    return 0n;
  }
  conjugate(): unknown {
    return pos(this);
  }
  __divmod__(other: unknown): PyTuple<unknown> {
    return PyTuple.of<unknown>(floordiv(this, other), mod(this, other));
  }
  __rdivmod__(other: unknown): PyTuple<unknown> {
    return PyTuple.of<unknown>(floordiv(other, this), mod(other, this));
  }
}

export class Rational extends Real {
  __float__(): unknown {
    const self = this as unknown as { numerator: unknown; denominator: unknown };
    return truediv(int(self.numerator), int(self.denominator));
  }
}

export class Integral extends Rational {
  __index__(): unknown {
    return int(this);
  }
  __float__(): unknown {
    return float(int(this));
  }
  get numerator(): unknown {
    return pos(this);
  }
  get denominator(): unknown {
    return 1n;
  }
}

const TOWER: Function[] = [Number, Complex, Real, Rational, Integral];

const COMPLEX_ABSTRACT = `__abs__ __add__ __complex__ __eq__ __mul__ __neg__ __pos__ __pow__ __radd__ __rmul__ __rpow__ __rtruediv__
  __truediv__ conjugate imag real`;
const REAL_ABSTRACT = `__abs__ __add__ __ceil__ __eq__ __float__ __floor__ __floordiv__ __le__ __lt__ __mod__ __mul__ __neg__ __pos__
  __pow__ __radd__ __rfloordiv__ __rmod__ __rmul__ __round__ __rpow__ __rtruediv__ __truediv__ __trunc__`;
const RATIONAL_ABSTRACT = `${REAL_ABSTRACT.replace("__float__ ", "")} denominator numerator`;
const INTEGRAL_ABSTRACT = `${RATIONAL_ABSTRACT.replace(" denominator numerator", "")} __and__ __int__ __invert__ __lshift__ __or__ __rand__
  __rlshift__ __ror__ __rrshift__ __rshift__ __rxor__ __xor__`;

[
  [Number, 0, ""],
  [Complex, 1, COMPLEX_ABSTRACT],
  [Real, 2, REAL_ABSTRACT],
  [Rational, 3, RATIONAL_ABSTRACT],
  [Integral, 4, INTEGRAL_ABSTRACT],
].forEach(([cls, level, names]) => {
  Object.defineProperty(cls, LEVEL, { value: level });
  Object.defineProperty(cls, ABSTRACT, { value: new Set((names as string).split(/\s+/).filter(Boolean)), configurable: true });
  Object.defineProperty(cls, "__module__", { value: "numbers" });
  // (a Number is unhashable unless its class says how: CPython's __hash__ = None)
  if (cls === Number) Object.defineProperty((cls as Function).prototype, "__hash__", { value: null, writable: true, configurable: true });
});
