// decimal: Decimal numbers (an exact bigint coefficient and a power-of-ten exponent), contexts
// (precision, rounding, exponent limits, flags and traps), and the module's functions. Behaviour as
// CPython 3.12's C decimal shows it: results rounded to the context's precision, the conditions an
// operation meets set as flags and raised when trapped, the context kept per thread and task (a
// context variable). The conditions and exception classes are in _decimal_signals.ts, coefficient
// rounding in _decimal_digits.ts, text in _decimal_text.ts.
import { KeyError, NotImplementedError, OverflowError, TypeError, ValueError } from "../builtins/exceptions.js";
import { NUMERIC_KEY, PyTuple } from "../builtins/collections.js";
import { kw as keywords, popKw } from "../builtins/object.js";
import { NotImplemented, typeName } from "../builtins/ops.js";
import { hashInt } from "../builtins/numhash.js";
import { addressOf } from "../builtins/names.js";
import { repr } from "../builtins/repr.js";
import { ContextVar } from "./contextvars.js";
import { namedtuple } from "./collections.js";
import {
  CLAMPED,
  CONVERSION_SYNTAX,
  DIVISION_BY_ZERO,
  DIVISION_IMPOSSIBLE,
  DIVISION_UNDEFINED,
  FLOAT_OPERATION,
  INEXACT,
  INVALID_OPERATION,
  OVERFLOW,
  ROUNDED,
  SIGNALS_BY_BIT,
  SUBNORMAL,
  UNDERFLOW,
  Clamped,
  DivisionByZero,
  FloatOperation,
  Inexact,
  InvalidOperation,
  Overflow,
  Rounded,
  Subnormal,
  Underflow,
  signalNames,
  signalOf,
  trapException,
} from "./_decimal_signals.js";
import {
  ROUNDING_MODES,
  ROUND_05UP,
  ROUND_CEILING,
  ROUND_DOWN,
  ROUND_FLOOR,
  ROUND_HALF_DOWN,
  ROUND_HALF_EVEN,
  ROUND_HALF_UP,
  ROUND_UP,
  digitCount,
  isqrt,
  pow10,
  roundOff,
  trailingZeros,
} from "./_decimal_digits.js";
import { FINITE, INFINITE, QNAN, SNAN, formatDecimal, parseDecimal, toEngString, toSciString } from "./_decimal_text.js";
import { expApprox, lnApprox, ln10 } from "./_decimal_transcendental.js";
import type { Kind, Parts } from "./_decimal_text.js";

export {
  DecimalException,
  Clamped,
  InvalidOperation,
  ConversionSyntax,
  DivisionImpossible,
  DivisionUndefined,
  InvalidContext,
  Inexact,
  Rounded,
  Subnormal,
  Overflow,
  Underflow,
  DivisionByZero,
  FloatOperation,
} from "./_decimal_signals.js";
export { ROUND_DOWN, ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_HALF_DOWN, ROUND_05UP };

export const MAX_PREC = 999999999999999999n;
export const MAX_EMAX = 999999999999999999n;
export const MIN_EMIN = -999999999999999999n;
export const MIN_ETINY = MIN_EMIN - (MAX_PREC - 1n);
export const HAVE_THREADS = true;
export const HAVE_CONTEXTVAR = true;
export const __version__ = "1.70";
export const __libmpdec_version__ = "2.5.1";

export const DecimalTuple = namedtuple("DecimalTuple", "sign digits exponent", keywords({ module: "decimal" }));

// ───────────── status of the operation in progress ─────────────

// The conditions an operation meets are gathered, then set as flags and raised together when it
// ends (CPython raises one exception listing every trapped condition of the operation).
let pending = 0;
function signal(bits: number): void {
  pending |= bits;
}
/** Runs `op` as one operation of `ctx`: its conditions become flags, the trapped ones raise. */
function operation<T>(ctx: Context, op: () => T): T {
  const outer = pending;
  pending = 0;
  try {
    const result = op();
    ctx._raiseStatus(pending);
    return result;
  } finally {
    pending = outer;
  }
}

// ───────────── Decimal ─────────────

const NAN_RESULT = (): Decimal => Decimal._make(0, 0n, 0, QNAN);

export class Decimal {
  static __module__ = "decimal";
  /** CPython's tp_name, which its error messages use. */
  static __tp_name__ = "decimal.Decimal";
  declare readonly _sign: 0 | 1;
  declare readonly _coef: bigint;
  declare readonly _exp: number;
  declare readonly _kind: Kind;

  constructor(...args: unknown[]) {
    // A program's subclass: its own __new__ makes the instance (through Decimal.__new__), then
    // its __init__ runs, as `type.__call__` does.
    const target = new.target as unknown as { prototype: { __new__?: Function } };
    if (target !== (Decimal as unknown)) {
      const custom = target.prototype.__new__;
      const made: unknown = custom !== Decimal.prototype.__new__ && typeof custom === "function" ? custom.call(target, ...args) : setValue(this, args);
      const init = (made as { __init__?: Function }).__init__;
      if (made instanceof (target as unknown as Function) && typeof init === "function") init.apply(made, args);
      return made as Decimal;
    }
    setValue(this, args);
  }

  /** `Decimal.__new__(cls, value="0", context=None)`: what a subclass's `super().__new__(cls, value)` reaches. */
  __new__(cls: unknown, ...args: unknown[]): Decimal {
    return setValue(Object.create((cls as { prototype: object }).prototype) as Decimal, args);
  }

  /** @internal A Decimal from its parts, without conversion. */
  static _make(sign: 0 | 1, coef: bigint, exp: number, kind: Kind = FINITE): Decimal {
    const d = Object.create(Decimal.prototype) as { _sign: 0 | 1; _coef: bigint; _exp: number; _kind: Kind };
    d._sign = sign;
    d._coef = coef;
    d._exp = exp;
    d._kind = kind;
    return d as unknown as Decimal;
  }

  /**
   * @internal statistics.stdev of Decimals: sqrt(n/d) at the current context, rounded to the
   * nearest (the square root of the rounded quotient, then one step up or down if the exact
   * value is nearer to the neighbour, as CPython's statistics does).
   */
  static _sqrt_of_ratio(n: bigint, d: bigint): Decimal {
    if (n === 0n) return Decimal._make(0, 0n, -1);
    const ctx = getcontext();
    const root = operation(ctx, () => squareRoot(divide(fromInt(n), fromInt(d), ctx), ctx));
    const unitExp = root._exp + digitCount(root._coef) - ctx._prec;
    const r = unitExp <= root._exp ? root._coef * pow10(root._exp - unitExp) : root._coef;
    // Is n/d beyond the midpoint (2r ± 1)/2 * 10**unitExp (squared)?
    const beyond = (mid: bigint) => {
      const left = unitExp < 0 ? 4n * n * pow10(-2 * unitExp) : 4n * n;
      const right = unitExp < 0 ? d * mid * mid : d * mid * mid * pow10(2 * unitExp);
      return left === right ? 0 : left > right ? 1 : -1;
    };
    if (beyond(2n * r + 1n) > 0) return operation(ctx, () => finish(ctx, 0, r + 1n, unitExp));
    if (beyond(2n * r - 1n) < 0) return operation(ctx, () => finish(ctx, 0, r - 1n, unitExp));
    return root;
  }

  static from_float(f: unknown): Decimal {
    if (typeof f === "bigint" || typeof f === "boolean") return fromInt(typeof f === "boolean" ? BigInt(f) : f);
    if (typeof f !== "number") throw new TypeError(`argument must be int or float`);
    return fromFloat(f);
  }

  private get parts(): Parts {
    return { sign: this._sign, coef: this._coef, exp: this._exp, kind: this._kind };
  }

  // ── text ──
  __str__(): string {
    return toSciString(this.parts, getcontext()._capitals === 1);
  }
  __repr__(): string {
    return `Decimal('${this.__str__()}')`;
  }
  to_eng_string(context: unknown = null): string {
    return toEngString(this.parts, contextOf(context)._capitals === 1);
  }
  __format__(spec: unknown): string {
    if (typeof spec !== "string") throw new TypeError(`format() argument 2 must be str, not ${typeName(spec)}`);
    const ctx = getcontext();
    return formatDecimal(this.parts, spec, ctx._rounding, ctx._capitals === 1);
  }

  // ── predicates ──
  is_nan(): boolean {
    return this._kind >= QNAN;
  }
  is_qnan(): boolean {
    return this._kind === QNAN;
  }
  is_snan(): boolean {
    return this._kind === SNAN;
  }
  is_infinite(): boolean {
    return this._kind === INFINITE;
  }
  is_finite(): boolean {
    return this._kind === FINITE;
  }
  is_zero(): boolean {
    return this._kind === FINITE && this._coef === 0n;
  }
  is_signed(): boolean {
    return this._sign === 1;
  }
  is_canonical(): boolean {
    return true;
  }
  is_normal(context: unknown = null): boolean {
    return this._kind === FINITE && this._coef !== 0n && this.adjusted() >= BigInt(contextOf(context)._Emin);
  }
  is_subnormal(context: unknown = null): boolean {
    return this._kind === FINITE && this._coef !== 0n && this.adjusted() < BigInt(contextOf(context)._Emin);
  }
  adjusted(): bigint {
    return this._kind === FINITE ? BigInt(this._exp + digitCount(this._coef) - 1) : 0n;
  }
  number_class(context: unknown = null): string {
    const s = this._sign ? "-" : "+";
    if (this._kind === SNAN) return "sNaN";
    if (this._kind === QNAN) return "NaN";
    if (this._kind === INFINITE) return s + "Infinity";
    if (this._coef === 0n) return s + "Zero";
    return s + (this.is_subnormal(context) ? "Subnormal" : "Normal");
  }
  radix(): Decimal {
    return Decimal._make(0, 10n, 0);
  }
  same_quantum(other: unknown, context: unknown = null): boolean {
    const o = operand(other, true)!;
    if (this._kind !== FINITE || o._kind !== FINITE) {
      return (this._kind >= QNAN && o._kind >= QNAN) || (this._kind === INFINITE && o._kind === INFINITE);
    }
    void context;
    return this._exp === o._exp;
  }

  // ── conversions ──
  as_tuple(): unknown {
    const digits = this._kind === INFINITE ? [0n] : this._kind !== FINITE && this._coef === 0n ? [] : [...this._coef.toString()].map((ch) => BigInt(ch));
    const exponent = this._kind === FINITE ? BigInt(this._exp) : ["", "F", "n", "N"][this._kind];
    return new (DecimalTuple as unknown as new (...a: unknown[]) => unknown)(BigInt(this._sign), PyTuple.fromArray(digits), exponent);
  }
  as_integer_ratio(): PyTuple<bigint> {
    if (this._kind === INFINITE) throw new OverflowError("cannot convert Infinity to integer ratio");
    if (this._kind !== FINITE) throw new ValueError("cannot convert NaN to integer ratio");
    let n = this._coef;
    let d = 1n;
    if (this._exp >= 0) n *= pow10(this._exp);
    else d = pow10(-this._exp);
    const g = gcd(n, d);
    return PyTuple.of(this._sign ? -n / g : n / g, d / g);
  }
  __int__(): bigint {
    if (this._kind === INFINITE) throw new OverflowError("cannot convert Infinity to integer");
    if (this._kind !== FINITE) throw new ValueError("cannot convert NaN to integer");
    // (a fraction whose digits all lie below the point is 0, without dividing by a huge power)
    const v = this._exp >= 0 ? this._coef * pow10(this._exp) : -this._exp > digitCount(this._coef) ? 0n : this._coef / pow10(-this._exp);
    return this._sign ? -v : v;
  }
  __trunc__(): bigint {
    return this.__int__();
  }
  __floor__(): bigint {
    return this.integral(ROUND_FLOOR);
  }
  __ceil__(): bigint {
    return this.integral(ROUND_CEILING);
  }
  private integral(mode: string): bigint {
    if (this._kind === INFINITE) throw new OverflowError("cannot convert Infinity to integer");
    if (this._kind !== FINITE) throw new ValueError("cannot convert NaN to integer");
    const [c] = this._exp >= 0 ? [this._coef * pow10(this._exp)] : roundOff(this._coef, -this._exp, mode, this._sign);
    return this._sign ? -c : c;
  }
  __float__(): number {
    if (this._kind === SNAN) throw new ValueError("cannot convert signaling NaN to float");
    if (this._kind === QNAN) return this._sign ? -NaN : NaN;
    return Number(toSciString({ ...this.parts, kind: this._kind }));
  }
  __bool__(): boolean {
    return this._kind !== FINITE || this._coef !== 0n;
  }
  __round__(...args: unknown[]): unknown {
    const n = args.length > 0 ? args[0] : null;
    if (n === null || n === undefined) {
      return this.integral(ROUND_HALF_EVEN);
    }
    if (typeof n !== "bigint" && typeof n !== "boolean") throw new TypeError("optional arg must be an integer");
    return this.quantize(Decimal._make(0, 1n, -Number(n)));
  }
  get real(): Decimal {
    return this;
  }
  get imag(): Decimal {
    return Decimal._make(0, 0n, 0);
  }
  conjugate(): Decimal {
    return this;
  }
  canonical(): Decimal {
    return this;
  }
  __reduce__(): PyTuple<unknown> {
    return PyTuple.of<unknown>(Decimal, PyTuple.of(this.__str__()));
  }
  __copy__(): Decimal {
    return this;
  }
  __deepcopy__(_memo: unknown): Decimal {
    return this;
  }

  // ── hashing and comparison ──
  /** The int or float this Decimal equals, for dict and set keys (a NaN or an inexact value: none). */
  [NUMERIC_KEY](): unknown {
    if (this._kind === INFINITE) return this._sign ? -Infinity : Infinity;
    if (this._kind !== FINITE) return undefined;
    if (this._exp >= 0 || this._coef % pow10(-this._exp) === 0n) return this.__int__();
    const f = this.__float__();
    return compareNumbers(fromFloat(f), this) === 0 ? f : undefined;
  }
  __hash__(): bigint {
    if (this._kind === SNAN) throw new TypeError("Cannot hash a signaling NaN value");
    if (this._kind === QNAN) return addressOf(this) >> 4n;
    if (this._kind === INFINITE) return this._sign ? -314159n : 314159n;
    const P = (1n << 61n) - 1n;
    const scale = this._exp >= 0 ? modPow(10n, BigInt(this._exp), P) : modPow(INV10, BigInt(-this._exp), P);
    const h = (this._coef * scale) % P;
    return hashInt(this._sign ? -h : h);
  }
  __eq__(other: unknown): unknown {
    return this.equality(other, true);
  }
  __ne__(other: unknown): unknown {
    const r = this.equality(other, false);
    return r === NotImplemented ? r : !r;
  }
  private equality(other: unknown, _eq: boolean): unknown {
    const o = comparand(other);
    if (o === null) return NotImplemented;
    const ctx = getcontext();
    return operation(ctx, () => {
      // (an equality with a float is recorded, never trapped)
      if (typeof other === "number") ctx._flags |= FLOAT_OPERATION;
      if (this._kind === SNAN || o._kind === SNAN) signal(INVALID_OPERATION);
      if (this._kind >= QNAN || o._kind >= QNAN) return false;
      return compareNumbers(this, o) === 0;
    });
  }
  private ordering(other: unknown, test: (c: number) => boolean): unknown {
    const o = comparand(other);
    if (o === null) return NotImplemented;
    const ctx = getcontext();
    return operation(ctx, () => {
      if (typeof other === "number") signal(FLOAT_OPERATION);
      if (this._kind >= QNAN || o._kind >= QNAN) {
        signal(INVALID_OPERATION);
        return false;
      }
      return test(compareNumbers(this, o));
    });
  }
  __lt__(other: unknown): unknown {
    return this.ordering(other, (c) => c < 0);
  }
  __le__(other: unknown): unknown {
    return this.ordering(other, (c) => c <= 0);
  }
  __gt__(other: unknown): unknown {
    return this.ordering(other, (c) => c > 0);
  }
  __ge__(other: unknown): unknown {
    return this.ordering(other, (c) => c >= 0);
  }
  compare(other: unknown, context: unknown = null): Decimal {
    const o = operand(other, true)!;
    const ctx = contextOf(context);
    return operation(ctx, () => {
      const nan = nanOperands(this, o);
      if (nan !== null) return nan;
      const c = compareNumbers(this, o);
      return Decimal._make(c < 0 ? 1 : 0, c === 0 ? 0n : 1n, 0);
    });
  }

  compare_signal(other: unknown, context: unknown = null): Decimal {
    const o = operand(other, true)!;
    const ctx = contextOf(context);
    return operation(ctx, () => {
      if (this._kind >= QNAN || o._kind >= QNAN) {
        signal(INVALID_OPERATION);
        return nanOperands(this, o) ?? NAN_RESULT();
      }
      const c = compareNumbers(this, o);
      return Decimal._make(c < 0 ? 1 : 0, c === 0 ? 0n : 1n, 0);
    });
  }
  compare_total(other: unknown, context: unknown = null): Decimal {
    void context;
    const c = totalOrder(this, operand(other, true)!);
    return Decimal._make(c < 0 ? 1 : 0, c === 0 ? 0n : 1n, 0);
  }
  compare_total_mag(other: unknown, context: unknown = null): Decimal {
    return this.copy_abs().compare_total(operand(other, true)!.copy_abs(), context);
  }
  next_plus(context: unknown = null): Decimal {
    return nextNumber(this, contextOf(context), 1);
  }
  next_minus(context: unknown = null): Decimal {
    return nextNumber(this, contextOf(context), -1);
  }
  next_toward(other: unknown, context: unknown = null): Decimal {
    const o = operand(other, true)!;
    const ctx = contextOf(context);
    if (this._kind >= QNAN || o._kind >= QNAN) return operation(ctx, () => nanOperands(this, o)!);
    const c = compareNumbers(this, o);
    if (c === 0) return Decimal._make(o._sign, this._coef, this._exp, this._kind);
    return nextNumber(this, ctx, c < 0 ? 1 : -1);
  }
  logical_and(other: unknown, context: unknown = null): Decimal {
    return logical(this, operand(other, true)!, contextOf(context), (x, y) => x & y);
  }
  logical_or(other: unknown, context: unknown = null): Decimal {
    return logical(this, operand(other, true)!, contextOf(context), (x, y) => x | y);
  }
  logical_xor(other: unknown, context: unknown = null): Decimal {
    return logical(this, operand(other, true)!, contextOf(context), (x, y) => x ^ y);
  }
  logical_invert(context: unknown = null): Decimal {
    const ctx = contextOf(context);
    return logical(this, Decimal._make(0, (pow10(ctx._prec) - 1n) / 9n, 0), ctx, (x, y) => x ^ y);
  }
  shift(other: unknown, context: unknown = null): Decimal {
    return shiftDigits(this, operand(other, true)!, contextOf(context), false);
  }
  rotate(other: unknown, context: unknown = null): Decimal {
    return shiftDigits(this, operand(other, true)!, contextOf(context), true);
  }

  // ── arithmetic ──
  __add__(other: unknown): unknown {
    return binary(this, other, false, (a, b, ctx) => add(a, b, 0, ctx));
  }
  __radd__(other: unknown): unknown {
    return binary(this, other, true, (a, b, ctx) => add(a, b, 0, ctx));
  }
  __sub__(other: unknown): unknown {
    return binary(this, other, false, (a, b, ctx) => add(a, b, 1, ctx));
  }
  __rsub__(other: unknown): unknown {
    return binary(this, other, true, (a, b, ctx) => add(a, b, 1, ctx));
  }
  __mul__(other: unknown): unknown {
    return binary(this, other, false, multiply);
  }
  __rmul__(other: unknown): unknown {
    return binary(this, other, true, multiply);
  }
  __truediv__(other: unknown): unknown {
    return binary(this, other, false, divide);
  }
  __rtruediv__(other: unknown): unknown {
    return binary(this, other, true, divide);
  }
  __floordiv__(other: unknown): unknown {
    return binary(this, other, false, (a, b, ctx) => divideInteger(a, b, ctx, "quotient")[0]);
  }
  __rfloordiv__(other: unknown): unknown {
    return binary(this, other, true, (a, b, ctx) => divideInteger(a, b, ctx, "quotient")[0]);
  }
  __mod__(other: unknown): unknown {
    return binary(this, other, false, (a, b, ctx) => divideInteger(a, b, ctx, "remainder")[1]);
  }
  __rmod__(other: unknown): unknown {
    return binary(this, other, true, (a, b, ctx) => divideInteger(a, b, ctx, "remainder")[1]);
  }
  __divmod__(other: unknown): unknown {
    return binary(this, other, false, (a, b, ctx) => PyTuple.fromArray(divideInteger(a, b, ctx, "both")));
  }
  __rdivmod__(other: unknown): unknown {
    return binary(this, other, true, (a, b, ctx) => PyTuple.fromArray(divideInteger(a, b, ctx, "both")));
  }
  __pow__(other: unknown, modulo: unknown = null): unknown {
    if (modulo !== null && modulo !== undefined) {
      const m = operand(modulo, false);
      if (m === null) return NotImplemented;
      return binary(this, other, false, (a, b, ctx) => powerModulo(a, b, m, ctx));
    }
    return binary(this, other, false, power);
  }
  __rpow__(other: unknown): unknown {
    return binary(this, other, true, power);
  }
  __neg__(): Decimal {
    const ctx = getcontext();
    return operation(ctx, () =>
      plus(this, ctx, this._kind === FINITE && this._coef === 0n ? (ctx._rounding === ROUND_FLOOR ? 1 : 0) : ((1 - this._sign) as 0 | 1)),
    );
  }
  __pos__(): Decimal {
    const ctx = getcontext();
    return operation(ctx, () => plus(this, ctx, this._kind === FINITE && this._coef === 0n ? (ctx._rounding === ROUND_FLOOR ? this._sign : 0) : this._sign));
  }
  __abs__(): Decimal {
    const ctx = getcontext();
    return operation(ctx, () => plus(this, ctx, 0));
  }
  copy_abs(): Decimal {
    return Decimal._make(0, this._coef, this._exp, this._kind);
  }
  copy_negate(): Decimal {
    return Decimal._make((1 - this._sign) as 0 | 1, this._coef, this._exp, this._kind);
  }
  copy_sign(other: unknown, context: unknown = null): Decimal {
    void context;
    const o = operand(other, true)!;
    return Decimal._make(o._sign, this._coef, this._exp, this._kind);
  }

  // ── methods with a context ──
  quantize(exp: unknown, ...rest: unknown[]): Decimal {
    const [rounding, context] = optionalArgs(rest, popKw(rest), ["rounding", "context"], "quantize");
    const e = operand(exp, true)!;
    const ctx = contextOf(context);
    const mode = rounding === null ? ctx._rounding : checkRounding(rounding);
    return operation(ctx, () => quantize(this, e, mode, ctx));
  }
  to_integral_value(...rest: unknown[]): Decimal {
    const [rounding, context] = optionalArgs(rest, popKw(rest), ["rounding", "context"], "to_integral_value");
    const ctx = contextOf(context);
    const mode = rounding === null ? ctx._rounding : checkRounding(rounding);
    return operation(ctx, () => toIntegral(this, mode, false));
  }
  to_integral(...rest: unknown[]): Decimal {
    return this.to_integral_value(...rest);
  }
  to_integral_exact(...rest: unknown[]): Decimal {
    const [rounding, context] = optionalArgs(rest, popKw(rest), ["rounding", "context"], "to_integral_exact");
    const ctx = contextOf(context);
    const mode = rounding === null ? ctx._rounding : checkRounding(rounding);
    return operation(ctx, () => toIntegral(this, mode, true));
  }
  normalize(context: unknown = null): Decimal {
    const ctx = contextOf(context);
    return operation(ctx, () => {
      const nan = nanOperands(this, null);
      if (nan !== null) return nan;
      const d = plus(this, ctx, this._sign);
      if (d._kind !== FINITE) return d;
      if (d._coef === 0n) return Decimal._make(d._sign, 0n, 0);
      const top = ctx._clamp ? ctx.Etop_() : ctx._Emax;
      const strip = Math.min(trailingZeros(d._coef, Infinity), top - d._exp);
      return strip > 0 ? Decimal._make(d._sign, d._coef / pow10(strip), d._exp + strip) : d;
    });
  }
  sqrt(context: unknown = null): Decimal {
    const ctx = contextOf(context);
    return operation(ctx, () => squareRoot(this, ctx));
  }
  max(other: unknown, context: unknown = null): Decimal {
    return this.extreme(other, context, 1, false);
  }
  min(other: unknown, context: unknown = null): Decimal {
    return this.extreme(other, context, -1, false);
  }
  max_mag(other: unknown, context: unknown = null): Decimal {
    return this.extreme(other, context, 1, true);
  }
  min_mag(other: unknown, context: unknown = null): Decimal {
    return this.extreme(other, context, -1, true);
  }
  private extreme(other: unknown, context: unknown, want: 1 | -1, magnitude: boolean): Decimal {
    const o = operand(other, true)!;
    const ctx = contextOf(context);
    return operation(ctx, () => {
      // A quiet NaN loses to a number; a signalling NaN is an invalid operation.
      if (this._kind === SNAN || o._kind === SNAN || (this._kind === QNAN && o._kind === QNAN)) return nanOperands(this, o)!;
      if (this._kind === QNAN) return plus(o, ctx, o._sign);
      if (o._kind === QNAN) return plus(this, ctx, this._sign);
      let c = magnitude ? compareNumbers(this.copy_abs(), o.copy_abs()) : 0;
      if (c === 0) c = compareNumbers(this, o);
      if (c === 0) c = compareTotal(this, o);
      const pick = c * want >= 0 ? this : o;
      return plus(pick, ctx, pick._sign);
    });
  }
  fma(other: unknown, third: unknown, context: unknown = null): Decimal {
    const b = operand(other, true)!;
    const c = operand(third, true)!;
    const ctx = contextOf(context);
    return operation(ctx, () => {
      const exact = workContext(MAX_CONTEXT_PREC);
      const product = multiply(this, b, exact);
      return add(product, c, 0, ctx);
    });
  }
  scaleb(other: unknown, context: unknown = null): Decimal {
    const o = operand(other, true)!;
    const ctx = contextOf(context);
    return operation(ctx, () => {
      const nan = nanOperands(this, o);
      if (nan !== null) return nan;
      if (o._kind !== FINITE || o._exp !== 0) {
        signal(INVALID_OPERATION);
        return NAN_RESULT();
      }
      if (this._kind === INFINITE) return this;
      const n = Number(o._sign ? -o._coef : o._coef);
      return finish(ctx, this._sign, this._coef, this._exp + n);
    });
  }
  remainder_near(other: unknown, context: unknown = null): Decimal {
    const o = operand(other, true)!;
    const ctx = contextOf(context);
    return operation(ctx, () => remainderNear(this, o, ctx));
  }
  exp(context: unknown = null): Decimal {
    const ctx = contextOf(context);
    return operation(ctx, () => halfEven(ctx, () => exponential(this, ctx)));
  }
  ln(context: unknown = null): Decimal {
    const ctx = contextOf(context);
    return operation(ctx, () => halfEven(ctx, () => logarithm(this, ctx, false)));
  }
  log10(context: unknown = null): Decimal {
    const ctx = contextOf(context);
    return operation(ctx, () => halfEven(ctx, () => logarithm(this, ctx, true)));
  }
  logb(context: unknown = null): Decimal {
    const ctx = contextOf(context);
    return operation(ctx, () => {
      const nan = nanOperands(this, null);
      if (nan !== null) return nan;
      if (this._kind === INFINITE) return Decimal._make(0, 0n, 0, INFINITE);
      if (this._coef === 0n) {
        signal(DIVISION_BY_ZERO);
        return Decimal._make(1, 0n, 0, INFINITE);
      }
      const a = this.adjusted();
      return finish(ctx, a < 0n ? 1 : 0, a < 0n ? -a : a, 0);
    });
  }
}

const INV10 = modPow(10n, (1n << 61n) - 3n, (1n << 61n) - 1n);

function modPow(b: bigint, e: bigint, m: bigint): bigint {
  let r = 1n;
  b %= m;
  while (e > 0n) {
    if (e & 1n) r = (r * b) % m;
    b = (b * b) % m;
    e >>= 1n;
  }
  return r;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

// ───────────── conversions ─────────────

function fromInt(n: bigint): Decimal {
  return n < 0n ? Decimal._make(1, -n, 0) : Decimal._make(0, n, 0);
}

/** The exact value of a float. */
function fromFloat(f: number): Decimal {
  const sign = f < 0 || Object.is(f, -0) ? 1 : 0;
  if (Number.isNaN(f)) return Decimal._make(0, 0n, 0, QNAN);
  if (!Number.isFinite(f)) return Decimal._make(sign, 0n, 0, INFINITE);
  let m = Math.abs(f);
  let twos = 0;
  while (!Number.isInteger(m)) {
    m *= 2;
    twos++;
  }
  // m / 2**twos == m * 5**twos / 10**twos
  return Decimal._make(sign, BigInt(m) * 5n ** BigInt(twos), -twos);
}

/** Gives a Decimal being made the value of `Decimal(value="0", context=None)`'s arguments. */
function setValue(target: Decimal, given: unknown[]): Decimal {
  const args = given.slice();
  const kw = popKw(args) ?? {};
  const value = args.length > 0 ? args[0] : "value" in kw ? kw.value : "0";
  const ctxArg = args.length > 1 ? args[1] : (kw.context ?? null);
  const ctx = ctxArg === null || ctxArg === undefined ? getcontext() : checkContext(ctxArg);
  const p = operation(ctx, () => convertValue(value, ctx));
  return Object.assign(target, { _sign: p.sign, _coef: p.coef, _exp: p.exp, _kind: p.kind });
}

function partsOf(d: Decimal): Parts {
  return { sign: d._sign, coef: d._coef, exp: d._exp, kind: d._kind };
}

function convertValue(value: unknown, ctx: Context): Parts {
  if (value instanceof Decimal) return partsOf(value);
  if (typeof value === "string") {
    const p = parseDecimal(value);
    if (p === null) {
      signal(CONVERSION_SYNTAX);
      return { sign: 0, coef: 0n, exp: 0, kind: QNAN };
    }
    if (p.kind >= QNAN && digitCount(p.coef) > ctx._prec - ctx._clamp && p.coef !== 0n) {
      signal(CONVERSION_SYNTAX);
      return { sign: 0, coef: 0n, exp: 0, kind: QNAN };
    }
    return p;
  }
  if (typeof value === "bigint") return partsOf(fromInt(value));
  if (typeof value === "boolean") return partsOf(fromInt(value ? 1n : 0n));
  if (typeof value === "number") {
    signal(FLOAT_OPERATION);
    return partsOf(fromFloat(value));
  }
  if (value instanceof PyTuple || Array.isArray(value)) return fromTuple(value);
  throw new TypeError(`conversion from ${typeName(value)} to Decimal is not supported`);
}

function fromTuple(t: ArrayLike<unknown>): Parts {
  if (t.length !== 3) throw new ValueError("argument must be a sequence of length 3");
  const [s, digits, exponent] = [t[0], t[1], t[2]];
  if ((typeof s !== "bigint" && typeof s !== "boolean") || (s !== 0n && s !== 1n && typeof s !== "boolean")) {
    throw new ValueError("sign must be an integer with the value 0 or 1");
  }
  const sign = s === 1n || s === true ? 1 : 0;
  let kind: Kind = FINITE;
  let exp = 0;
  if (exponent === "F") kind = INFINITE;
  else if (exponent === "n") kind = QNAN;
  else if (exponent === "N") kind = SNAN;
  else if (typeof exponent === "bigint") exp = Number(exponent);
  else throw new ValueError("exponent must be an integer");
  if (!(digits instanceof PyTuple || Array.isArray(digits))) throw new ValueError("coefficient must be a tuple of digits");
  let text = "";
  for (const d of digits as unknown[]) {
    if (typeof d !== "bigint" || d < 0n || d > 9n) throw new ValueError("coefficient must be a tuple of digits");
    text += d.toString();
  }
  if (kind === INFINITE) return { sign, coef: 0n, exp: 0, kind };
  return { sign, coef: BigInt(text || "0"), exp, kind };
}

/** An operand of arithmetic: a Decimal or an int (exact); null for anything else. */
function operand(x: unknown, raise: boolean): Decimal | null {
  if (x instanceof Decimal) return x;
  if (typeof x === "bigint") return fromInt(x);
  if (typeof x === "boolean") return fromInt(x ? 1n : 0n);
  if (!raise) return null;
  throw new TypeError(`conversion from ${typeName(x)} to Decimal is not supported`);
}

/** A comparison's other side: also a float, compared exactly. */
function comparand(x: unknown): Decimal | null {
  if (typeof x === "number") return fromFloat(x);
  return operand(x, false);
}

function binary(self: Decimal, other: unknown, reflected: boolean, op: (a: Decimal, b: Decimal, ctx: Context) => unknown): unknown {
  const o = operand(other, false);
  if (o === null) return NotImplemented;
  const ctx = getcontext();
  return operation(ctx, () => (reflected ? op(o, self, ctx) : op(self, o, ctx)));
}

// ───────────── arithmetic ─────────────

/** The result for NaN operands (a signalling one is an invalid operation), or null when there is none. */
function nanOperands(a: Decimal, b: Decimal | null): Decimal | null {
  const quiet = (d: Decimal) => Decimal._make(d._sign, d._coef, 0, QNAN);
  if (a._kind === SNAN || (b !== null && b._kind === SNAN)) {
    signal(INVALID_OPERATION);
    return quiet(a._kind === SNAN ? a : b!);
  }
  if (a._kind === QNAN) return a;
  if (b !== null && b._kind === QNAN) return b;
  return null;
}

/**
 * Rounds an exact result (times 10**exp) to the context: precision, exponent limits, the
 * conditions met. `inexact` says a nonzero part below the coefficient was already lost (then the
 * coefficient has more digits than the precision, so rounding happens here).
 */
function finish(ctx: Context, sign: 0 | 1, coef: bigint, exp: number, inexact = false): Decimal {
  if (inexact) {
    coef = coef * 10n + 1n;
    exp -= 1;
  }
  const prec = ctx._prec;
  const etiny = ctx._Emin - prec + 1;
  const etop = ctx._Emax - prec + 1;
  if (coef === 0n) {
    const top = ctx._clamp ? etop : ctx._Emax;
    let e = exp;
    if (e < etiny) e = etiny;
    else if (e > top) e = top;
    if (e !== exp) signal(CLAMPED);
    return Decimal._make(sign, 0n, e);
  }
  const digits = digitCount(coef);
  const adjusted = exp + digits - 1;
  const lowest = Math.max(adjusted - prec + 1, etiny);
  let top = adjusted;
  if (exp < lowest) {
    const [q, lost] = roundOff(coef, lowest - exp, ctx._rounding, sign);
    coef = q;
    exp = lowest;
    // (a carry past the precision leaves 10**prec: one zero too many)
    if (coef >= pow10(prec)) {
      coef /= 10n;
      exp += 1;
    }
    top = coef === 0n ? exp : exp + digitCount(coef) - 1;
    signal(ROUNDED);
    if (lost) signal(INEXACT);
    if (adjusted < ctx._Emin) {
      signal(SUBNORMAL);
      if (lost) signal(UNDERFLOW);
      if (coef === 0n) signal(CLAMPED);
    }
  } else if (adjusted < ctx._Emin) signal(SUBNORMAL);
  if (coef !== 0n && top > ctx._Emax) {
    signal(OVERFLOW | INEXACT | ROUNDED);
    const toInfinity =
      ctx._rounding === ROUND_HALF_EVEN ||
      ctx._rounding === ROUND_HALF_UP ||
      ctx._rounding === ROUND_HALF_DOWN ||
      ctx._rounding === ROUND_UP ||
      (ctx._rounding === ROUND_CEILING && sign === 0) ||
      (ctx._rounding === ROUND_FLOOR && sign === 1);
    return toInfinity ? Decimal._make(sign, 0n, 0, INFINITE) : Decimal._make(sign, pow10(prec) - 1n, etop);
  }
  if (ctx._clamp && exp > etop) {
    coef *= pow10(exp - etop);
    exp = etop;
    signal(CLAMPED);
  }
  return Decimal._make(sign, coef, exp);
}

/** +d (and -d, abs(d) with the sign given): the operand rounded to the context. */
function plus(d: Decimal, ctx: Context, sign: 0 | 1): Decimal {
  const nan = nanOperands(d, null);
  if (nan !== null) return nan;
  if (d._kind === INFINITE) return Decimal._make(sign, 0n, 0, INFINITE);
  return finish(ctx, sign, d._coef, d._exp);
}

function add(a: Decimal, b: Decimal, negateB: 0 | 1, ctx: Context): Decimal {
  const nan = nanOperands(a, b);
  if (nan !== null) return nan;
  const bSign = (b._sign ^ negateB) as 0 | 1;
  if (a._kind === INFINITE) {
    if (b._kind === INFINITE && a._sign !== bSign) {
      signal(INVALID_OPERATION);
      return NAN_RESULT();
    }
    return a;
  }
  if (b._kind === INFINITE) return Decimal._make(bSign, 0n, 0, INFINITE);
  let [ac, ae, bc, be] = [a._coef, a._exp, b._coef, b._exp];
  // An operand far below the other's last digit and the precision only decides the rounding:
  // a single digit just below both stands in for it (the sum would otherwise have millions of digits).
  if (ac !== 0n && bc !== 0n) {
    const aTop = ae + digitCount(ac) - 1;
    const bTop = be + digitCount(bc) - 1;
    const floorA = Math.min(ae, aTop - ctx._prec - 1);
    const floorB = Math.min(be, bTop - ctx._prec - 1);
    if (bTop + 1 < floorA - 2) [bc, be] = [1n, floorA - 2];
    else if (aTop + 1 < floorB - 2) [ac, ae] = [1n, floorB - 2];
  } else if (ac === 0n && bc !== 0n && be - ae > ctx._prec + 2) ae = be - ctx._prec - 2;
  else if (bc === 0n && ac !== 0n && ae - be > ctx._prec + 2) be = ae - ctx._prec - 2;
  // (a zero far below the other operand only adds zeros the precision drops again)
  const exp = Math.min(ae, be);
  const x = (a._sign ? -ac : ac) * pow10(ae - exp);
  const y = (bSign ? -bc : bc) * pow10(be - exp);
  const sum = x + y;
  let sign: 0 | 1;
  if (sum !== 0n) sign = sum < 0n ? 1 : 0;
  else if (a._sign === 1 && bSign === 1) sign = 1;
  else sign = ctx._rounding === ROUND_FLOOR && (a._sign === 1 || bSign === 1) ? 1 : 0;
  return finish(ctx, sign, sum < 0n ? -sum : sum, exp);
}

function multiply(a: Decimal, b: Decimal, ctx: Context): Decimal {
  const nan = nanOperands(a, b);
  if (nan !== null) return nan;
  const sign = (a._sign ^ b._sign) as 0 | 1;
  if (a._kind === INFINITE || b._kind === INFINITE) {
    if ((a._kind === FINITE && a._coef === 0n) || (b._kind === FINITE && b._coef === 0n)) {
      signal(INVALID_OPERATION);
      return NAN_RESULT();
    }
    return Decimal._make(sign, 0n, 0, INFINITE);
  }
  return finish(ctx, sign, a._coef * b._coef, a._exp + b._exp);
}

function divide(a: Decimal, b: Decimal, ctx: Context): Decimal {
  const nan = nanOperands(a, b);
  if (nan !== null) return nan;
  const sign = (a._sign ^ b._sign) as 0 | 1;
  if (a._kind === INFINITE) {
    if (b._kind === INFINITE) {
      signal(INVALID_OPERATION);
      return NAN_RESULT();
    }
    return Decimal._make(sign, 0n, 0, INFINITE);
  }
  if (b._kind === INFINITE) return finish(ctx, sign, 0n, ctx._Emin - ctx._prec + 1 - 1);
  if (b._coef === 0n) {
    if (a._coef === 0n) {
      signal(DIVISION_UNDEFINED);
      return NAN_RESULT();
    }
    signal(DIVISION_BY_ZERO);
    return Decimal._make(sign, 0n, 0, INFINITE);
  }
  const ideal = a._exp - b._exp;
  if (a._coef === 0n) return finish(ctx, sign, 0n, ideal);
  // Enough digits that the quotient has one more than the precision; the remainder says if it is exact.
  const shift = Math.max(0, ctx._prec + digitCount(b._coef) - digitCount(a._coef) + 1);
  const n = a._coef * pow10(shift);
  let q = n / b._coef;
  const r = n % b._coef;
  let exp = ideal - shift;
  if (r !== 0n) return finish(ctx, sign, q, exp, true);
  const strip = trailingZeros(q, ideal - exp);
  if (strip > 0) {
    q /= pow10(strip);
    exp += strip;
  }
  return finish(ctx, sign, q, exp);
}

/**
 * a // b (truncated toward zero) and a % b (the sign of a), as Decimal's divide-integer and
 * remainder. A nonzero number over zero is a division by zero for the quotient and an invalid
 * operation for the remainder; `wanted` says which of them the caller returns (divmod: both).
 */
function divideInteger(a: Decimal, b: Decimal, ctx: Context, wanted: "quotient" | "remainder" | "both"): [Decimal, Decimal] {
  const nan = nanOperands(a, b);
  if (nan !== null) return [nan, nan];
  const sign = (a._sign ^ b._sign) as 0 | 1;
  if (a._kind === INFINITE) {
    signal(INVALID_OPERATION);
    if (b._kind === INFINITE) return [NAN_RESULT(), NAN_RESULT()];
    return [Decimal._make(sign, 0n, 0, INFINITE), NAN_RESULT()];
  }
  if (b._kind === INFINITE) return [Decimal._make(sign, 0n, 0), finish(ctx, a._sign, a._coef, a._exp)];
  if (b._coef === 0n) {
    if (a._coef === 0n) {
      signal(DIVISION_UNDEFINED);
      return [NAN_RESULT(), NAN_RESULT()];
    }
    signal(wanted === "quotient" ? DIVISION_BY_ZERO : wanted === "remainder" ? INVALID_OPERATION : DIVISION_BY_ZERO | INVALID_OPERATION);
    return [Decimal._make(sign, 0n, 0, INFINITE), NAN_RESULT()];
  }
  // A quotient surely longer than the precision is not computed.
  if (a._coef !== 0n && a._exp + digitCount(a._coef) - (b._exp + digitCount(b._coef)) > ctx._prec + 1) {
    signal(DIVISION_IMPOSSIBLE);
    return [NAN_RESULT(), NAN_RESULT()];
  }
  const exp = Math.min(a._exp, b._exp);
  const x = a._coef * pow10(a._exp - exp);
  const y = b._coef * pow10(b._exp - exp);
  const q = x / y;
  const r = x - q * y;
  if (digitCount(q) > ctx._prec) {
    signal(DIVISION_IMPOSSIBLE);
    return [NAN_RESULT(), NAN_RESULT()];
  }
  return [Decimal._make(sign, q, 0), finish(ctx, a._sign, r, exp)];
}

function remainderNear(a: Decimal, b: Decimal, ctx: Context): Decimal {
  const nan = nanOperands(a, b);
  if (nan !== null) return nan;
  if (a._kind === INFINITE || (b._kind === FINITE && b._coef === 0n)) {
    signal(a._kind !== INFINITE && a._coef === 0n ? DIVISION_UNDEFINED : INVALID_OPERATION);
    return NAN_RESULT();
  }
  if (b._kind === INFINITE) return finish(ctx, a._sign, a._coef, a._exp);
  const exp = Math.min(a._exp, b._exp);
  const x = a._coef * pow10(a._exp - exp);
  const y = b._coef * pow10(b._exp - exp);
  let q = x / y;
  let r = x - q * y;
  if (r * 2n > y || (r * 2n === y && (q & 1n) === 1n)) {
    q += 1n;
    r = y - r;
    if (digitCount(q) > ctx._prec) {
      signal(DIVISION_IMPOSSIBLE);
      return NAN_RESULT();
    }
    return finish(ctx, (1 - a._sign) as 0 | 1, r, exp);
  }
  if (digitCount(q) > ctx._prec) {
    signal(DIVISION_IMPOSSIBLE);
    return NAN_RESULT();
  }
  return finish(ctx, a._sign, r, exp);
}

/** The integral value of an exponent operand, or null when it has a fractional part. */
function integralValue(d: Decimal): bigint | null {
  if (d._kind !== FINITE) return null;
  let v: bigint;
  if (d._exp >= 0) v = d._coef * pow10(Math.min(d._exp, 20));
  else {
    const unit = pow10(-d._exp);
    if (d._coef % unit !== 0n) return null;
    v = d._coef / unit;
  }
  return d._sign ? -v : v;
}

/** Largest exact power worth computing digit by digit before rounding. */
const EXACT_POWER_DIGITS = 20000;

function power(a: Decimal, b: Decimal, ctx: Context): Decimal {
  const nan = nanOperands(a, b);
  if (nan !== null) return nan;
  const n = integralValue(b);
  const aZero = a._kind === FINITE && a._coef === 0n;
  if (n === null && b._kind === FINITE) {
    if (a._sign === 1 && !aZero) {
      signal(INVALID_OPERATION);
      return NAN_RESULT();
    }
    if (!aZero && a._kind === FINITE) return nonIntegralPower(a, b, ctx);
  }
  // The sign of the result: negative only for a negative base and an odd integral exponent.
  const sign: 0 | 1 = a._sign === 1 && n !== null && (n & 1n) === 1n ? 1 : 0;
  if (b._kind === INFINITE) {
    if (a._sign === 1 && !aZero) {
      signal(INVALID_OPERATION);
      return NAN_RESULT();
    }
    const c = a._kind === INFINITE ? 1 : compareNumbers(a.copy_abs(), Decimal._make(0, 1n, 0));
    if (c === 0) return finish(ctx, 0, pow10(ctx._prec - 1), 1 - ctx._prec, true);
    const big = c > 0 === (b._sign === 0);
    return big ? Decimal._make(0, 0n, 0, INFINITE) : Decimal._make(0, 0n, 0);
  }
  if (aZero) {
    if (b._kind === FINITE && b._coef === 0n) {
      signal(INVALID_OPERATION);
      return NAN_RESULT();
    }
    return b._sign ? Decimal._make(sign, 0n, 0, INFINITE) : Decimal._make(sign, 0n, 0);
  }
  if (a._kind === INFINITE) {
    if (b._coef === 0n) return Decimal._make(0, 1n, 0);
    return b._sign ? Decimal._make(sign, 0n, 0) : Decimal._make(sign, 0n, 0, INFINITE);
  }
  const e = n!;
  if (e === 0n) return Decimal._make(0, 1n, 0);
  const magnitude = e < 0n ? -e : e;
  const digits = digitCount(a._coef);
  const resultExp = BigInt(a._exp) * magnitude;
  if (resultExp > 10n ** 15n || resultExp < -(10n ** 15n) || (a._coef !== 1n && BigInt(digits) * magnitude > BigInt(EXACT_POWER_DIGITS))) {
    return approximatePower(a, magnitude, e < 0n, sign, ctx);
  }
  const exact = Decimal._make(sign, a._coef ** magnitude, Number(resultExp));
  if (e > 0n) return finish(ctx, sign, exact._coef, exact._exp);
  return divide(Decimal._make(0, 1n, 0), exact, ctx);
}

/**
 * |a| ** n for an exact power too long to write out: repeated squaring at a working precision
 * well above the context's, then one rounding (Inexact and Rounded are signalled).
 */
function approximatePower(a: Decimal, n: bigint, reciprocal: boolean, sign: 0 | 1, ctx: Context): Decimal {
  const work = workContext(ctx._prec + 30);
  const saved = pending;
  let result = Decimal._make(0, 1n, 0);
  let base = Decimal._make(0, a._coef, a._exp);
  for (let k = n; k > 0n; k >>= 1n) {
    if (k & 1n) result = multiply(result, base, work);
    if (k > 1n) base = multiply(base, base, work);
  }
  if (reciprocal) result = divide(Decimal._make(0, 1n, 0), result, work);
  pending = saved;
  if (result._kind !== FINITE) return finish(ctx, sign, 1n, reciprocal ? -2 * ctx._Emax : 2 * ctx._Emax);
  return finish(ctx, sign, result._coef, result._exp, true);
}

// ───────────── exp, ln, log10, non-integral powers ─────────────

/** Runs `op` with the context's rounding set to ROUND_HALF_EVEN (these results are rounded so whatever the context says). */
function halfEven<T>(ctx: Context, op: () => T): T {
  const saved = ctx._rounding;
  ctx._rounding = ROUND_HALF_EVEN;
  try {
    return op();
  } finally {
    ctx._rounding = saved;
  }
}

/** A Decimal at scale W (value * 10**W), and the units its truncation lost (0 or 1). */
function fixedPoint(d: Decimal, W: number): { v: bigint; err: bigint } {
  const shift = d._exp + W;
  const v = shift >= 0 ? d._coef * pow10(shift) : d._coef / pow10(-shift);
  return { v: d._sign ? -v : v, err: shift >= 0 ? 0n : 1n };
}

/** The precision's rounding of (coef ± err) * 10**exp, when both ends round alike; else null (more digits needed). */
function surelyRounded(ctx: Context, sign: 0 | 1, coef: bigint, exp: number, err: bigint): Decimal | null {
  const low = coef - err;
  const high = coef + err;
  if (low <= 0n) return null;
  // Each end rounded to the precision, as an integer at the ends' own exponent (so a carry compares right).
  const rounded = (c: bigint) => {
    const drop = Math.max(0, digitCount(c) - ctx._prec);
    return roundOff(c, drop, ctx._rounding, sign)[0] * pow10(drop);
  };
  if (rounded(low) !== rounded(high)) return null;
  return finish(ctx, sign, coef, exp, true);
}

/** Working digits to try: from a little above the precision, doubling, up to a bound. */
function* workingDigits(ctx: Context, extra: number): Generator<number> {
  for (let W = ctx._prec + 12 + extra; W < 40 * (ctx._prec + 12 + extra); W *= 2) yield W;
}

function exponential(d: Decimal, ctx: Context): Decimal {
  const nan = nanOperands(d, null);
  if (nan !== null) return nan;
  if (d._kind === INFINITE) return d._sign ? Decimal._make(0, 0n, 0) : d;
  if (d._coef === 0n) return Decimal._make(0, 1n, 0);
  // Beyond 10**8 the result is past any exponent limit: an overflow, or an underflow to zero.
  if (d._exp + digitCount(d._coef) > 8) return finish(ctx, 0, 1n, d._sign ? -2 * (ctx._Emax + ctx._prec) : 2 * ctx._Emax, true);
  let last: { coef: bigint; exp: number } | null = null;
  for (const W of workingDigits(ctx, 0)) {
    const z = fixedPoint(d, W);
    const r = expApprox(z.v, z.err, W);
    const sure = surelyRounded(ctx, 0, r.coef, r.exp, r.err);
    if (sure !== null) return sure;
    last = r;
  }
  return finish(ctx, 0, last!.coef, last!.exp, true);
}

/** ln(d), or log10(d) when `base10`. */
function logarithm(d: Decimal, ctx: Context, base10: boolean): Decimal {
  const nan = nanOperands(d, null);
  if (nan !== null) return nan;
  if (d._kind === FINITE && d._coef === 0n) return Decimal._make(1, 0n, 0, INFINITE);
  if (d._sign) {
    signal(INVALID_OPERATION);
    return NAN_RESULT();
  }
  if (d._kind === INFINITE) return d;
  // Exact results: ln 1 = 0, log10 of a power of ten.
  const zeros = trailingZeros(d._coef, Infinity);
  if (d._coef / pow10(zeros) === 1n) {
    const k = d._exp + zeros;
    if (k === 0) return Decimal._make(0, 0n, 0);
    if (base10) return finish(ctx, k < 0 ? 1 : 0, BigInt(Math.abs(k)), 0);
  }
  // Near 1 the logarithm is small: as many more digits as it has leading zeros.
  const extra = Math.max(0, -closenessToOne(d));
  let last: { v: bigint; W: number } | null = null;
  for (const W of workingDigits(ctx, extra)) {
    const L = lnApprox(d._coef, d._exp, W);
    let v = L.v;
    let err = L.err;
    if (base10) {
      const ten = ln10(W);
      v = (L.v * pow10(W)) / ten.v;
      err = L.err + ((v < 0n ? -v : v) * ten.err) / pow10(W) + 2n;
    }
    const sign = v < 0n ? 1 : 0;
    const sure = surelyRounded(ctx, sign, v < 0n ? -v : v, -W, err);
    if (sure !== null) return sure;
    last = { v, W };
  }
  const v = last!.v;
  return finish(ctx, v < 0n ? 1 : 0, v < 0n ? -v : v, -last!.W, true);
}

/** The adjusted exponent of d - 1 (how many places d agrees with 1), for a positive d other than 1. */
function closenessToOne(d: Decimal): number {
  const e = Math.min(d._exp, 0);
  const diff = d._coef * pow10(d._exp - e) - pow10(-e);
  return e + digitCount(diff < 0n ? -diff : diff) - 1;
}

/** a ** b for a positive finite a and a non-integral b: e ** (b ln a) in the context's rounding, never exact (as CPython's). */
function nonIntegralPower(a: Decimal, b: Decimal, ctx: Context): Decimal {
  const bTop = b._exp + digitCount(b._coef);
  // (the error of ln a is multiplied by b)
  const extra = Math.max(0, bTop);
  let last: { coef: bigint; exp: number } | null = null;
  for (const W of workingDigits(ctx, extra)) {
    const L = lnApprox(a._coef, a._exp, W);
    // z = b ln a, at scale W.
    let z = L.v * b._coef;
    let errZ = L.err * b._coef;
    if (b._exp >= 0) {
      z *= pow10(b._exp);
      errZ *= pow10(b._exp);
    } else {
      z /= pow10(-b._exp);
      errZ = errZ / pow10(-b._exp) + 1n;
    }
    if (b._sign) z = -z;
    // A power past 10**(10**8) overflows or underflows whatever the exponent limits.
    if ((z < 0n ? -z : z) / pow10(W) > 100000000n) return finish(ctx, 0, 1n, z < 0n ? -2 * (ctx._Emax + ctx._prec) : 2 * ctx._Emax, true);
    const r = expApprox(z, errZ, W);
    const sure = surelyRounded(ctx, 0, r.coef, r.exp, r.err);
    if (sure !== null) return sure;
    last = r;
  }
  return finish(ctx, 0, last!.coef, last!.exp, true);
}

function powerModulo(a: Decimal, b: Decimal, m: Decimal, ctx: Context): Decimal {
  const nan = nanOperands(a, b) ?? nanOperands(m, null);
  if (nan !== null) return nan;
  const [x, y, z] = [integralValue(a), integralValue(b), integralValue(m)];
  if (x === null || y === null || z === null || y < 0n || z === 0n || digitCount(z < 0n ? -z : z) > ctx._prec) {
    signal(INVALID_OPERATION);
    return NAN_RESULT();
  }
  const mod = z < 0n ? -z : z;
  let r = modPow(((x % mod) + mod) % mod, y, mod);
  if (x < 0n && (y & 1n) === 1n && r !== 0n) r = mod - r;
  return Decimal._make(x < 0n && (y & 1n) === 1n ? 1 : 0, r, 0);
}

function squareRoot(d: Decimal, ctx: Context): Decimal {
  const nan = nanOperands(d, null);
  if (nan !== null) return nan;
  if (d._kind === INFINITE) {
    if (d._sign) {
      signal(INVALID_OPERATION);
      return NAN_RESULT();
    }
    return d;
  }
  const ideal = Math.floor(d._exp / 2);
  if (d._coef === 0n) return finish(ctx, d._sign, 0n, ideal);
  if (d._sign) {
    signal(INVALID_OPERATION);
    return NAN_RESULT();
  }
  let c = d._coef;
  let e = d._exp;
  if (e % 2 !== 0) {
    c *= 10n;
    e -= 1;
  }
  // Scale by an even power of ten so the root has at least one digit more than the precision.
  const k = Math.max(0, Math.ceil((2 * (ctx._prec + 1) - digitCount(c)) / 2));
  const n = c * pow10(2 * k);
  let root = isqrt(n);
  let exp = e / 2 - k;
  const saved = ctx._rounding;
  ctx._rounding = ROUND_HALF_EVEN;
  try {
    if (root * root !== n) return finish(ctx, 0, root, exp, true);
    const strip = trailingZeros(root, ideal - exp);
    if (strip > 0) {
      root /= pow10(strip);
      exp += strip;
    }
    return finish(ctx, 0, root, exp);
  } finally {
    ctx._rounding = saved;
  }
}

function quantize(d: Decimal, e: Decimal, mode: string, ctx: Context): Decimal {
  const nan = nanOperands(d, e);
  if (nan !== null) return nan;
  if (d._kind === INFINITE || e._kind === INFINITE) {
    if (d._kind === INFINITE && e._kind === INFINITE) return d;
    signal(INVALID_OPERATION);
    return NAN_RESULT();
  }
  const target = e._exp;
  if (target > ctx._Emax || target < ctx._Emin - ctx._prec + 1) {
    signal(INVALID_OPERATION);
    return NAN_RESULT();
  }
  let coef: bigint;
  if (d._coef === 0n) coef = 0n;
  else if (target >= d._exp) {
    const [q, lost] = roundOff(d._coef, target - d._exp, mode, d._sign);
    coef = q;
    if (target > d._exp) signal(ROUNDED);
    if (lost) signal(INEXACT);
  } else {
    if (digitCount(d._coef) + (d._exp - target) > ctx._prec) {
      signal(INVALID_OPERATION);
      return NAN_RESULT();
    }
    coef = d._coef * pow10(d._exp - target);
  }
  if (digitCount(coef) > ctx._prec) {
    signal(INVALID_OPERATION);
    return NAN_RESULT();
  }
  if (coef !== 0n && target + digitCount(coef) - 1 < ctx._Emin) signal(SUBNORMAL);
  return Decimal._make(d._sign, coef, target);
}

function toIntegral(d: Decimal, mode: string, exact: boolean): Decimal {
  const nan = nanOperands(d, null);
  if (nan !== null) return nan;
  if (d._kind === INFINITE || d._exp >= 0) return d;
  const [q, lost] = roundOff(d._coef, -d._exp, mode, d._sign);
  if (exact) {
    signal(ROUNDED);
    if (lost) signal(INEXACT);
  }
  return Decimal._make(d._sign, q, 0);
}

/** The total order of compare_total: -NaN < -sNaN < -Infinity < ... < -0 < 0 < ... < Infinity < sNaN < NaN. */
function totalOrder(a: Decimal, b: Decimal): number {
  if (a._sign !== b._sign) return a._sign ? -1 : 1;
  const flip = a._sign ? -1 : 1;
  const rank = (d: Decimal) => [1, 2, 4, 3][d._kind]; // finite, infinity, NaN, sNaN
  if (rank(a) !== rank(b)) return (rank(a) < rank(b) ? -1 : 1) * flip;
  if (a._kind >= QNAN) return (a._coef === b._coef ? 0 : a._coef < b._coef ? -1 : 1) * flip;
  if (a._kind === INFINITE) return 0;
  const c = compareNumbers(a, b);
  return c !== 0 ? c : compareTotal(a, b);
}

/** next_plus (direction 1) and next_minus (-1): the closest number of the context's precision beyond d. */
function nextNumber(d: Decimal, ctx: Context, direction: 1 | -1): Decimal {
  return operation(ctx, () => {
    const nan = nanOperands(d, null);
    if (nan !== null) return nan;
    const towardSign: 0 | 1 = direction > 0 ? 0 : 1;
    const largest = Decimal._make(0, pow10(ctx._prec) - 1n, ctx.Etop_());
    if (d._kind === INFINITE) return d._sign === towardSign ? d : Decimal._make(d._sign, largest._coef, largest._exp);
    const saved = [pending, ctx._rounding] as const;
    ctx._rounding = towardSign === 0 ? ROUND_CEILING : ROUND_FLOOR;
    try {
      const etiny = ctx._Emin - ctx._prec + 1;
      if (d._coef === 0n) return Decimal._make(towardSign, 1n, etiny);
      // Enough digits below the last one, then a little more (or less) rounded the way of the step.
      const pad = Math.max(ctx._prec + 2 - digitCount(d._coef), 2);
      const grows = d._sign === towardSign;
      const coef = d._coef * pow10(pad) - (grows ? 0n : 1n);
      return finish(ctx, d._sign, coef, d._exp - pad, true);
    } finally {
      [pending, ctx._rounding] = [saved[0], saved[1]];
    }
  });
}

/** logical_and/or/xor: digit-wise on operands made of the digits 0 and 1 only (non-negative, exponent 0). */
function logical(a: Decimal, b: Decimal, ctx: Context, op: (x: number, y: number) => number): Decimal {
  return operation(ctx, () => {
    const digitsOf = (d: Decimal) => (d._kind === FINITE && d._sign === 0 && d._exp === 0 && /^[01]+$/.test(d._coef.toString()) ? d._coef.toString() : null);
    const [x, y] = [digitsOf(a), digitsOf(b)];
    if (x === null || y === null || x.length > ctx._prec || y.length > ctx._prec) {
      signal(INVALID_OPERATION);
      return NAN_RESULT();
    }
    const n = Math.max(x.length, y.length);
    const [px, py] = [x.padStart(n, "0"), y.padStart(n, "0")];
    let out = "";
    for (let i = 0; i < n; i++) out += op(Number(px[i]), Number(py[i]));
    return Decimal._make(0, BigInt(out), 0);
  });
}

/** shift and rotate: the coefficient's digits (as prec digits) moved by an integral count. */
function shiftDigits(d: Decimal, by: Decimal, ctx: Context, rotate: boolean): Decimal {
  return operation(ctx, () => {
    const nan = nanOperands(d, by);
    if (nan !== null) return nan;
    const n = integralValue(by);
    if (n === null || by._kind !== FINITE || by._exp !== 0 || n > BigInt(ctx._prec) || n < -BigInt(ctx._prec)) {
      signal(INVALID_OPERATION);
      return NAN_RESULT();
    }
    if (d._kind === INFINITE) return d;
    const prec = ctx._prec;
    const digits = (d._coef % pow10(prec)).toString().padStart(prec, "0");
    const k = Number(n);
    let moved: string;
    if (rotate) {
      const r = ((k % prec) + prec) % prec;
      moved = digits.slice(r) + digits.slice(0, r);
    } else moved = k >= 0 ? (digits + "0".repeat(k)).slice(k) : ("0".repeat(-k) + digits).slice(0, prec);
    return Decimal._make(d._sign, BigInt(moved), d._exp);
  });
}

/** Numeric order of two non-NaN numbers: -1, 0 or 1. */
function compareNumbers(a: Decimal, b: Decimal): number {
  const weight = (d: Decimal) => (d._kind === INFINITE ? 2 : d._coef === 0n ? 0 : 1) * (d._sign ? -1 : 1);
  const wa = weight(a);
  const wb = weight(b);
  if (wa !== wb || Math.abs(wa) !== 1) return Math.sign(wa - wb);
  // Both finite, nonzero, of one sign: compare magnitudes, then orient by the sign.
  const aTop = a._exp + digitCount(a._coef);
  const bTop = b._exp + digitCount(b._coef);
  let c: number;
  if (aTop !== bTop) c = aTop > bTop ? 1 : -1;
  else {
    const exp = Math.min(a._exp, b._exp);
    const x = a._coef * pow10(a._exp - exp);
    const y = b._coef * pow10(b._exp - exp);
    c = x === y ? 0 : x > y ? 1 : -1;
  }
  return a._sign ? -c : c;
}

/** The total order's tie-break between numerically equal numbers: by exponent, against the sign. */
function compareTotal(a: Decimal, b: Decimal): number {
  if (a._sign !== b._sign) return a._sign ? -1 : 1;
  if (a._exp === b._exp) return 0;
  const c = a._exp < b._exp ? -1 : 1;
  return a._sign ? -c : c;
}

// ───────────── contexts ─────────────

const MAX_CONTEXT_PREC = 999999999;

function checkRounding(r: unknown): string {
  if (typeof r === "string" && ROUNDING_MODES.includes(r)) return r;
  throw new TypeError(
    "valid values for rounding are:\n  [ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_DOWN,\n   ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN,\n   ROUND_05UP]",
  );
}

function checkInt(v: unknown, lo: bigint, hi: bigint, what: string): number {
  if (typeof v !== "bigint" && typeof v !== "boolean") throw new TypeError("an integer is required");
  const n = typeof v === "boolean" ? BigInt(v) : v;
  if (n < lo || n > hi) throw new ValueError(`valid range for ${what}`);
  return Number(n);
}

function signalsMask(v: unknown): number {
  if (v instanceof SignalDict) return v._bits();
  let bits = 0;
  for (const cls of v as Iterable<unknown>) {
    const s = signalOf(cls);
    if (s === undefined) throw new KeyError(SIGNAL_KEY_MESSAGE);
    bits |= s.mask;
  }
  return bits;
}

const SIGNAL_KEY_MESSAGE =
  "valid values for signals are:\n  [InvalidOperation, FloatOperation, DivisionByZero,\n   Overflow, Underflow, Subnormal, Inexact, Rounded,\n   Clamped]";

/** The signals in the order a flags or traps dictionary lists them. */
const DICT_ORDER = [InvalidOperation, FloatOperation, DivisionByZero, Overflow, Underflow, Subnormal, Inexact, Rounded, Clamped].map((c) => signalOf(c)!);

/** A context's flags or traps as the mapping CPython shows: signal class → bool, writes go to the context. */
export class SignalDict {
  static __module__ = "decimal";
  constructor(
    private readonly ctx: Context,
    private readonly which: "_flags" | "_traps",
  ) {}
  /** @internal */
  _bits(): number {
    return this.ctx[this.which];
  }
  private signal(key: unknown) {
    const s = signalOf(key);
    if (s === undefined) throw new KeyError(SIGNAL_KEY_MESSAGE);
    return s;
  }
  __getitem__(key: unknown): boolean {
    return (this.ctx[this.which] & this.signal(key).mask) !== 0;
  }
  __setitem__(key: unknown, value: unknown): void {
    const s = this.signal(key);
    if (value) this.ctx[this.which] |= s.mask;
    else this.ctx[this.which] &= ~s.mask;
  }
  __contains__(key: unknown): boolean {
    return signalOf(key) !== undefined;
  }
  __len__(): bigint {
    return BigInt(DICT_ORDER.length);
  }
  __iter__(): Iterator<unknown> {
    return DICT_ORDER.map((s) => s.cls)[Symbol.iterator]();
  }
  keys(): unknown {
    return DICT_ORDER.map((s) => s.cls)[Symbol.iterator]();
  }
  values(): unknown {
    return DICT_ORDER.map((s) => this.__getitem__(s.cls))[Symbol.iterator]();
  }
  items(): unknown {
    return DICT_ORDER.map((s) => PyTuple.of<unknown>(s.cls, this.__getitem__(s.cls)))[Symbol.iterator]();
  }
  copy(): SignalDict {
    const c = new Context();
    c[this.which] = this.ctx[this.which];
    return new SignalDict(c, this.which);
  }
  __eq__(other: unknown): unknown {
    return other instanceof SignalDict ? this._bits() === other._bits() : NotImplemented;
  }
  __repr__(): string {
    return "{" + DICT_ORDER.map((s) => `${repr(s.cls)}:${this.__getitem__(s.cls) ? "True" : "False"}`).join(", ") + "}";
  }
}

const CONTEXT_FIELDS = ["prec", "rounding", "Emin", "Emax", "capitals", "clamp", "flags", "traps"];

export class Context {
  static __module__ = "decimal";
  /** @internal */ _prec = 28;
  /** @internal */ _rounding: string = ROUND_HALF_EVEN;
  /** @internal */ _Emin = -999999;
  /** @internal */ _Emax = 999999;
  /** @internal */ _capitals = 1;
  /** @internal */ _clamp = 0;
  /** @internal condition bits */ _flags = 0;
  /** @internal condition bits of the trapped signals */ _traps =
    INVALID_OPERATION | CONVERSION_SYNTAX | DIVISION_IMPOSSIBLE | DIVISION_UNDEFINED | DIVISION_BY_ZERO | OVERFLOW;

  constructor(...args: unknown[]) {
    const kw = popKw(args) ?? {};
    // Defaults are DefaultContext's (a fresh Context() copies the template's values).
    const template = defaultTemplate;
    if (template !== undefined) {
      this._prec = template._prec;
      this._rounding = template._rounding;
      this._Emin = template._Emin;
      this._Emax = template._Emax;
      this._capitals = template._capitals;
      this._clamp = template._clamp;
      this._traps = template._traps;
    }
    CONTEXT_FIELDS.forEach((name, i) => {
      const v = i < args.length ? args[i] : kw[name];
      if (v !== undefined && v !== null) (this as unknown as Record<string, unknown>)[name] = v;
    });
    for (const k of Object.keys(kw)) {
      if (!CONTEXT_FIELDS.includes(k)) throw new TypeError(`'${k}' is an invalid keyword argument for this function`);
    }
  }

  get prec(): bigint {
    return BigInt(this._prec);
  }
  set prec(v: unknown) {
    try {
      this._prec = checkInt(v, 1n, MAX_PREC, "prec");
    } catch (e) {
      throw e instanceof ValueError ? new ValueError("valid range for prec is [1, MAX_PREC]") : e;
    }
    if (this._prec > MAX_CONTEXT_PREC) throw new NotImplementedError("a precision above 999999999 is not supported by tsyncio");
  }
  get rounding(): string {
    return this._rounding;
  }
  set rounding(v: unknown) {
    this._rounding = checkRounding(v);
  }
  get Emin(): bigint {
    return BigInt(this._Emin);
  }
  set Emin(v: unknown) {
    try {
      this._Emin = checkInt(v, MIN_EMIN, 0n, "Emin");
    } catch (e) {
      throw e instanceof ValueError ? new ValueError("valid range for Emin is [MIN_EMIN, 0]") : e;
    }
  }
  get Emax(): bigint {
    return BigInt(this._Emax);
  }
  set Emax(v: unknown) {
    try {
      this._Emax = checkInt(v, 0n, MAX_EMAX, "Emax");
    } catch (e) {
      throw e instanceof ValueError ? new ValueError("valid range for Emax is [0, MAX_EMAX]") : e;
    }
  }
  get capitals(): bigint {
    return BigInt(this._capitals);
  }
  set capitals(v: unknown) {
    try {
      this._capitals = checkInt(v, 0n, 1n, "capitals");
    } catch (e) {
      throw e instanceof ValueError ? new ValueError("valid values for capitals are 0 or 1") : e;
    }
  }
  get clamp(): bigint {
    return BigInt(this._clamp);
  }
  set clamp(v: unknown) {
    try {
      this._clamp = checkInt(v, 0n, 1n, "clamp");
    } catch (e) {
      throw e instanceof ValueError ? new ValueError("valid values for clamp are 0 or 1") : e;
    }
  }
  get flags(): SignalDict {
    return new SignalDict(this, "_flags");
  }
  set flags(v: unknown) {
    this._flags = signalsMask(v);
  }
  get traps(): SignalDict {
    return new SignalDict(this, "_traps");
  }
  set traps(v: unknown) {
    this._traps = signalsMask(v);
  }

  /** @internal Sets the conditions as flags; raises when one is trapped. */
  _raiseStatus(bits: number): void {
    if (bits === 0) return;
    this._flags |= bits;
    const trapped = bits & this._traps;
    if (trapped) throw trapException(trapped);
  }
  /** @internal */
  Etop_(): number {
    return this._Emax - this._prec + 1;
  }

  Etiny(): bigint {
    return BigInt(this._Emin - this._prec + 1);
  }
  Etop(): bigint {
    return BigInt(this.Etop_());
  }
  clear_flags(): null {
    this._flags = 0;
    return null;
  }
  clear_traps(): null {
    this._traps = 0;
    return null;
  }
  copy(): Context {
    const c = Object.create(Context.prototype) as Context;
    Object.assign(c, this);
    return c;
  }
  __copy__(): Context {
    return this.copy();
  }
  __reduce__(): PyTuple<unknown> {
    return PyTuple.of<unknown>(
      Context,
      PyTuple.of<unknown>(this.prec, this._rounding, this.Emin, this.Emax, this.capitals, this.clamp, this.flagList(this._flags), this.flagList(this._traps)),
    );
  }
  private flagList(bits: number): unknown {
    return SIGNALS_BY_BIT.filter((s) => bits & s.mask).map((s) => s.cls);
  }
  __repr__(): string {
    const list = (bits: number) => "[" + signalNames(bits).join(", ") + "]";
    return (
      `Context(prec=${this._prec}, rounding=${this._rounding}, Emin=${this._Emin}, Emax=${this._Emax}, ` +
      `capitals=${this._capitals}, clamp=${this._clamp}, flags=${list(this._flags)}, traps=${list(this._traps)})`
    );
  }

  create_decimal(num: unknown = "0"): Decimal {
    return operation(this, () => {
      const p = convertValue(num, this);
      if (p.kind !== FINITE) return Decimal._make(p.sign, p.coef, p.exp, p.kind);
      return finish(this, p.sign, p.coef, p.exp);
    });
  }
  create_decimal_from_float(f: unknown): Decimal {
    const d = Decimal.from_float(f);
    return operation(this, () => plus(d, this, d._sign));
  }
  private run<T>(op: () => T): T {
    return operation(this, op);
  }
  abs(x: unknown): Decimal {
    const a = operand(x, true)!;
    return this.run(() => plus(a, this, 0));
  }
  plus(x: unknown): Decimal {
    const a = operand(x, true)!;
    return this.run(() => plus(a, this, a._sign));
  }
  minus(x: unknown): Decimal {
    const a = operand(x, true)!;
    return this.run(() => plus(a, this, (1 - a._sign) as 0 | 1));
  }
  add(x: unknown, y: unknown): Decimal {
    const [a, b] = [operand(x, true)!, operand(y, true)!];
    return this.run(() => add(a, b, 0, this));
  }
  subtract(x: unknown, y: unknown): Decimal {
    const [a, b] = [operand(x, true)!, operand(y, true)!];
    return this.run(() => add(a, b, 1, this));
  }
  multiply(x: unknown, y: unknown): Decimal {
    const [a, b] = [operand(x, true)!, operand(y, true)!];
    return this.run(() => multiply(a, b, this));
  }
  divide(x: unknown, y: unknown): Decimal {
    const [a, b] = [operand(x, true)!, operand(y, true)!];
    return this.run(() => divide(a, b, this));
  }
  divide_int(x: unknown, y: unknown): Decimal {
    const [a, b] = [operand(x, true)!, operand(y, true)!];
    return this.run(() => divideInteger(a, b, this, "quotient")[0]);
  }
  remainder(x: unknown, y: unknown): Decimal {
    const [a, b] = [operand(x, true)!, operand(y, true)!];
    return this.run(() => divideInteger(a, b, this, "remainder")[1]);
  }
  divmod(x: unknown, y: unknown): PyTuple<Decimal> {
    const [a, b] = [operand(x, true)!, operand(y, true)!];
    return this.run(() => PyTuple.fromArray(divideInteger(a, b, this, "both")));
  }
  power(x: unknown, y: unknown, modulo: unknown = null): Decimal {
    const [a, b] = [operand(x, true)!, operand(y, true)!];
    if (modulo !== null && modulo !== undefined) {
      const m = operand(modulo, true)!;
      return this.run(() => powerModulo(a, b, m, this));
    }
    return this.run(() => power(a, b, this));
  }
  sqrt(x: unknown): Decimal {
    return operand(x, true)!.sqrt(this);
  }
  exp(x: unknown): Decimal {
    return operand(x, true)!.exp(this);
  }
  ln(x: unknown): Decimal {
    return operand(x, true)!.ln(this);
  }
  log10(x: unknown): Decimal {
    return operand(x, true)!.log10(this);
  }
  quantize(x: unknown, y: unknown): Decimal {
    return operand(x, true)!.quantize(y, null, this);
  }
  normalize(x: unknown): Decimal {
    return operand(x, true)!.normalize(this);
  }
  to_integral_value(x: unknown): Decimal {
    return operand(x, true)!.to_integral_value(null, this);
  }
  to_integral(x: unknown): Decimal {
    return this.to_integral_value(x);
  }
  to_integral_exact(x: unknown): Decimal {
    return operand(x, true)!.to_integral_exact(null, this);
  }
  compare(x: unknown, y: unknown): Decimal {
    return operand(x, true)!.compare(y, this);
  }
  max(x: unknown, y: unknown): Decimal {
    return operand(x, true)!.max(y, this);
  }
  min(x: unknown, y: unknown): Decimal {
    return operand(x, true)!.min(y, this);
  }
  fma(x: unknown, y: unknown, z: unknown): Decimal {
    return operand(x, true)!.fma(y, z, this);
  }
  scaleb(x: unknown, y: unknown): Decimal {
    return operand(x, true)!.scaleb(y, this);
  }
  to_sci_string(x: unknown): string {
    const d = operand(x, true)!;
    return toSciString({ sign: d._sign, coef: d._coef, exp: d._exp, kind: d._kind }, this._capitals === 1);
  }
  to_eng_string(x: unknown): string {
    return operand(x, true)!.to_eng_string(this);
  }
  is_zero(x: unknown): boolean {
    return operand(x, true)!.is_zero();
  }
  is_signed(x: unknown): boolean {
    return operand(x, true)!.is_signed();
  }
  is_nan(x: unknown): boolean {
    return operand(x, true)!.is_nan();
  }
  is_finite(x: unknown): boolean {
    return operand(x, true)!.is_finite();
  }
  is_infinite(x: unknown): boolean {
    return operand(x, true)!.is_infinite();
  }
  copy_abs(x: unknown): Decimal {
    return operand(x, true)!.copy_abs();
  }
  copy_negate(x: unknown): Decimal {
    return operand(x, true)!.copy_negate();
  }
  copy_decimal(x: unknown): Decimal {
    return operand(x, true)!;
  }
  radix(): Decimal {
    return Decimal._make(0, 10n, 0);
  }
}

/** A context for intermediate results: the precision given, wide exponents, nothing trapped. */
function workContext(prec: number): Context {
  const c = new Context();
  c._prec = prec;
  c._Emin = -999999999999;
  c._Emax = 999999999999;
  c._rounding = ROUND_HALF_EVEN;
  c._traps = 0;
  return c;
}

// Context methods that are their first operand's Decimal method given this context.
for (const name of [
  "compare_signal",
  "compare_total",
  "compare_total_mag",
  "copy_sign",
  "logical_and",
  "logical_or",
  "logical_xor",
  "max_mag",
  "min_mag",
  "next_toward",
  "remainder_near",
  "rotate",
  "same_quantum",
  "shift",
]) {
  Object.defineProperty(Context.prototype, name, {
    value(this: Context, x: unknown, y: unknown) {
      return (operand(x, true) as unknown as Record<string, (o: unknown, c: Context) => unknown>)[name](y, this);
    },
    writable: true,
    configurable: true,
  });
}
for (const name of [
  "canonical",
  "is_canonical",
  "is_normal",
  "is_qnan",
  "is_snan",
  "is_subnormal",
  "logb",
  "logical_invert",
  "next_minus",
  "next_plus",
  "number_class",
]) {
  Object.defineProperty(Context.prototype, name, {
    value(this: Context, x: unknown) {
      return (operand(x, true) as unknown as Record<string, (c: Context) => unknown>)[name](this);
    },
    writable: true,
    configurable: true,
  });
}

function checkContext(x: unknown): Context {
  if (x instanceof Context) return x;
  throw new TypeError("argument must be a context");
}

function contextOf(x: unknown): Context {
  return x === null || x === undefined ? getcontext() : checkContext(x);
}

/**
 * Optional positional-or-keyword arguments of a method (`rounding=None, context=None`). The
 * method itself takes the keywords off with popKw, so that calls with keywords pass them as a
 * KwArgs (keywords.ts reads a runtime method's source for it) instead of binding by name.
 */
function optionalArgs(rest: unknown[], kw: Record<string, unknown> | null, names: string[], method: string): unknown[] {
  for (const k of Object.keys(kw ?? {})) {
    if (!names.includes(k)) throw new TypeError(`'${k}' is an invalid keyword argument for ${method}()`);
  }
  return names.map((n, i) => (i < rest.length ? rest[i] : kw?.[n]) ?? null);
}

let defaultTemplate: Context | undefined;
export const DefaultContext = new Context();
defaultTemplate = DefaultContext;
export const BasicContext = new Context(9n, ROUND_HALF_UP);
BasicContext._traps = SIGNALS_BY_BIT.filter((s) => [Clamped, InvalidOperation, DivisionByZero, Overflow, Underflow].includes(s.cls as never)).reduce(
  (m, s) => m | s.mask,
  0,
);
export const ExtendedContext = new Context(9n, ROUND_HALF_EVEN);
ExtendedContext._traps = 0;

// The current context: one per thread and per task, in a context variable (CPython 3.12's too).
const currentContext = new ContextVar<Context | null>("decimal_context");

export function getcontext(): Context {
  let ctx = currentContext.get(null);
  if (ctx === null) {
    ctx = DefaultContext.copy();
    ctx._flags = 0;
    currentContext.set(ctx);
  }
  return ctx;
}

export function setcontext(ctx: unknown): null {
  let c = checkContext(ctx);
  if (c === DefaultContext || c === BasicContext || c === ExtendedContext) {
    c = c.copy();
    c._flags = 0;
  }
  currentContext.set(c);
  return null;
}

/** What `with localcontext(...)` manages: a copy made current on entry, the context before restored on exit. */
export class _ContextManager {
  static __module__ = "decimal";
  private readonly saved: Context;
  private readonly local: Context;
  constructor(ctx: Context, changes: Record<string, unknown>) {
    this.saved = getcontext();
    this.local = ctx.copy();
    for (const [k, v] of Object.entries(changes)) {
      if (!["prec", "rounding", "Emin", "Emax", "capitals", "clamp", "flags", "traps"].includes(k)) {
        throw new TypeError(`'${k}' is an invalid keyword argument for this function`);
      }
      (this.local as unknown as Record<string, unknown>)[k] = v;
    }
  }
  __enter__(): Context {
    setcontext(this.local);
    return this.local;
  }
  __exit__(..._exc: unknown[]): null {
    setcontext(this.saved);
    return null;
  }
}

export function localcontext(...args: unknown[]): _ContextManager {
  const kw = popKw(args) ?? {};
  const ctx = args.length > 0 ? args[0] : "ctx" in kw ? kw.ctx : null;
  delete kw.ctx;
  return new _ContextManager(ctx === null || ctx === undefined ? getcontext() : checkContext(ctx), kw);
}
