// fractions: Fraction, an exact rational number kept in lowest terms (a bigint numerator and a
// positive bigint denominator). Behaviour as CPython 3.12 shows it: arithmetic with ints and
// Fractions stays exact, with a float it gives a float; comparisons and hashes agree with the ints
// and floats a Fraction equals (hash(Fraction(2, 1)) == hash(2), hash(Fraction(1, 2)) == hash(0.5));
// str() is `3/4`, repr() `Fraction(3, 4)`; format() takes the float presentation types (e, f, g, %).
import { OverflowError, TypeError, ValueError, ZeroDivisionError } from "../builtins/exceptions.js";
import { NUMERIC_KEY, PyTuple } from "../builtins/collections.js";
import { popKw } from "../builtins/object.js";
import { NotImplemented, typeName } from "../builtins/protocol.js";
import { divmod as pyDivmod, floordiv as pyFloordiv, mod as pyMod, pow as pyPow, truediv } from "../builtins/ops.js";
import { hashInt } from "../builtins/numhash.js";
import { repr } from "../builtins/repr.js";
import { finishNumber, parseFloatSpec } from "../builtins/format.js";
import { Decimal } from "./decimal.js";

const MODULUS = (1n << 61n) - 1n;
/** hash() of an infinite value: a Fraction whose denominator has no inverse modulo the hash modulus. */
const HASH_INF = 314159n;

const absInt = (n: bigint): bigint => (n < 0n ? -n : n);
function gcdInt(a: bigint, b: bigint): bigint {
  a = absInt(a);
  b = absInt(b);
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}
/** Python's `//` on ints (rounds toward minus infinity). */
function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}
function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

/** An int (or bool) as a bigint, else undefined. */
function asInt(x: unknown): bigint | undefined {
  if (typeof x === "bigint") return x;
  if (typeof x === "boolean") return x ? 1n : 0n;
  return undefined;
}

/** Numerator and denominator of a Rational operand (a Fraction, an int or a bool), else undefined. */
function ratio(x: unknown): [bigint, bigint] | undefined {
  if (x instanceof Fraction) return [x._n, x._d];
  const i = asInt(x);
  return i === undefined ? undefined : [i, 1n];
}

/** The exact ratio of a finite float (CPython's float.as_integer_ratio errors for the others). */
function floatRatio(f: number): [bigint, bigint] {
  if (f !== f) throw new ValueError("cannot convert NaN to integer ratio");
  if (!Number.isFinite(f)) throw new OverflowError("cannot convert Infinity to integer ratio");
  let m = f;
  let e = 0n;
  while (!Number.isInteger(m)) {
    m *= 2;
    e++;
  }
  return [BigInt(m), 1n << e];
}

// `[sign] digits [/ digits | .digits] [e exponent]`, with `_` between digits and spaces around.
const LITERAL = /^\s*([-+]?)(?=\d|\.\d)(\d*|\d+(?:_\d+)*)(?:(?:\s*\/\s*(\d+(?:_\d+)*))|(?:\.(\d*|\d+(?:_\d+)*))?(?:[eE]([-+]?\d+(?:_\d+)*))?)\s*$/;

function parseLiteral(text: string): [bigint, bigint] {
  const m = LITERAL.exec(text);
  if (!m) throw new ValueError(`Invalid literal for Fraction: ${repr(text)}`);
  const [, sign, numText, denText, decimals, exponent] = m;
  const digits = (s: string) => BigInt(s.replace(/_/g, "") || "0");
  let n = digits(numText);
  let d = 1n;
  if (denText !== undefined) d = digits(denText);
  else {
    if (decimals !== undefined) {
      const plain = decimals.replace(/_/g, "");
      d = pow10(plain.length);
      n = n * d + digits(plain);
    }
    if (exponent !== undefined) {
      const e = Number(digits(exponent.replace(/^[-+]/, ""))) * (exponent.startsWith("-") ? -1 : 1);
      if (e >= 0) n *= pow10(e);
      else d *= pow10(-e);
    }
  }
  return [sign === "-" ? -n : n, d];
}

/** A Fraction from the constructor's arguments, in lowest terms with a positive denominator. */
function fromArguments(args: unknown[]): [bigint, bigint] {
  const kw = popKw(args);
  let numerator: unknown = args.length > 0 ? args[0] : 0n;
  let denominator: unknown = args.length > 1 ? args[1] : null;
  if (args.length > 2) throw new TypeError(`Fraction.__new__() takes from 1 to 3 positional arguments but ${args.length + 1} were given`);
  if (kw) {
    for (const [k, v] of Object.entries(kw)) {
      if (k === "numerator" && args.length < 1) numerator = v;
      else if (k === "denominator" && args.length < 2) denominator = v;
      else if (k === "numerator" || k === "denominator") throw new TypeError(`Fraction.__new__() got multiple values for argument '${k}'`);
      else throw new TypeError(`Fraction.__new__() got an unexpected keyword argument '${k}'`);
    }
  }
  let n: bigint;
  let d: bigint;
  if (denominator === null || denominator === undefined) {
    const r = ratio(numerator);
    if (r !== undefined) {
      if (numerator instanceof Fraction) return r;
      [n, d] = r;
    } else if (typeof numerator === "number") [n, d] = floatRatio(numerator);
    else if (numerator instanceof Decimal) {
      const t = numerator.as_integer_ratio();
      [n, d] = [t[0], t[1]];
    } else if (typeof numerator === "string") [n, d] = parseLiteral(numerator);
    else throw new TypeError("argument should be a string or a Rational instance");
  } else {
    const a = ratio(numerator);
    const b = ratio(denominator);
    if (a === undefined || b === undefined) throw new TypeError("both arguments should be Rational instances");
    [n, d] = [a[0] * b[1], b[0] * a[1]];
  }
  return normalized(n, d);
}

function normalized(n: bigint, d: bigint): [bigint, bigint] {
  if (d === 0n) throw new ZeroDivisionError(`Fraction(${n}, 0)`);
  let g = gcdInt(n, d);
  if (d < 0n) g = -g;
  return [n / g, d / g];
}

/** A Fraction from a ratio already checked (not yet reduced). */
function make(n: bigint, d: bigint): Fraction {
  const [a, b] = normalized(n, d);
  return exact(a, b);
}
function exact(n: bigint, d: bigint): Fraction {
  const f = Object.create(Fraction.prototype) as Fraction;
  f._n = n;
  f._d = d;
  return f;
}

type Exact = (an: bigint, ad: bigint, bn: bigint, bd: bigint) => unknown;
type Inexact = (a: number, b: number) => unknown;

export class Fraction {
  static __module__ = "fractions";
  /** @internal */ declare _n: bigint;
  /** @internal */ declare _d: bigint;

  constructor(...args: unknown[]) {
    [this._n, this._d] = fromArguments(args);
  }

  static from_float(f: unknown): Fraction {
    const i = asInt(f);
    if (i !== undefined) return exact(i, 1n);
    if (typeof f !== "number") throw new TypeError(`Fraction.from_float() only takes floats, not ${repr(f)} (${typeName(f)})`);
    return make(...floatRatio(f));
  }
  static from_decimal(dec: unknown): Fraction {
    const i = asInt(dec);
    if (i !== undefined) return exact(i, 1n);
    if (!(dec instanceof Decimal)) throw new TypeError(`Fraction.from_decimal() only takes Decimals, not ${repr(dec)} (${typeName(dec)})`);
    const t = dec.as_integer_ratio();
    return make(t[0], t[1]);
  }

  get numerator(): bigint {
    return this._n;
  }
  get denominator(): bigint {
    return this._d;
  }
  get real(): Fraction {
    return this;
  }
  get imag(): bigint {
    return 0n;
  }
  conjugate(): Fraction {
    return this;
  }
  as_integer_ratio(): PyTuple<bigint> {
    return PyTuple.fromArray([this._n, this._d]);
  }
  is_integer(): boolean {
    return this._d === 1n;
  }

  /** The closest Fraction whose denominator is at most `max_denominator` (continued fractions). */
  limit_denominator(max_denominator: unknown = 1000000n): Fraction {
    const limit = asInt(max_denominator);
    if (limit === undefined) throw new TypeError(`'<' not supported between instances of '${typeName(max_denominator)}' and 'int'`);
    if (limit < 1n) throw new ValueError("max_denominator should be at least 1");
    if (this._d <= limit) return exact(this._n, this._d);
    // The convergents p/q of the continued fraction, until the next one's denominator is too big.
    let [p0, q0, p1, q1] = [0n, 1n, 1n, 0n];
    let [n, d] = [this._n, this._d];
    for (;;) {
      const a = floorDiv(n, d);
      const q2 = q0 + a * q1;
      if (q2 > limit) break;
      [p0, q0, p1, q1] = [p1, q1, p0 + a * p1, q2];
      [n, d] = [d, n - a * d];
    }
    // The best semiconvergent below the limit, or the last convergent, whichever is nearer.
    const k = floorDiv(limit - q0, q1);
    const semi = make(p0 + k * p1, q0 + k * q1);
    const last = make(p1, q1);
    return compareRatios(distance(last, this), distance(semi, this)) <= 0 ? last : semi;
  }

  // ── text ──
  __repr__(): string {
    const cls = this.constructor as { __name__?: string; name: string };
    return `${cls.__name__ ?? cls.name}(${this._n}, ${this._d})`;
  }
  __str__(): string {
    return this._d === 1n ? `${this._n}` : `${this._n}/${this._d}`;
  }
  __format__(spec: unknown): string {
    if (typeof spec !== "string") throw new TypeError(`format() argument 2 must be str, not ${typeName(spec)}`);
    if (spec === "") return this.__str__();
    return formatFraction(this, spec);
  }

  // ── conversions ──
  __float__(): number {
    return truediv(this._n, this._d) as number;
  }
  __int__(): bigint {
    return this._n / this._d;
  }
  __trunc__(): bigint {
    return this._n / this._d;
  }
  __floor__(): bigint {
    return floorDiv(this._n, this._d);
  }
  __ceil__(): bigint {
    return -floorDiv(-this._n, this._d);
  }
  __round__(ndigits: unknown = null): unknown {
    if (ndigits === null || ndigits === undefined) return roundHalfEven(this._n, this._d);
    const places = asInt(ndigits);
    if (places === undefined) throw new TypeError(`'${typeName(ndigits)}' object cannot be interpreted as an integer`);
    const shift = 10n ** absInt(places);
    // round(x, 2) = round(x * 100) / 100; round(x, -2) = round(x / 100) * 100
    if (places > 0n) return make(roundHalfEven(this._n * shift, this._d), shift);
    return make(roundHalfEven(this._n, this._d * shift) * shift, 1n);
  }
  __bool__(): boolean {
    return this._n !== 0n;
  }
  __neg__(): Fraction {
    return exact(-this._n, this._d);
  }
  __pos__(): Fraction {
    return exact(this._n, this._d);
  }
  __abs__(): Fraction {
    return exact(absInt(this._n), this._d);
  }
  __copy__(): Fraction {
    return this;
  }
  __deepcopy__(_memo: unknown): Fraction {
    return this;
  }

  // ── hashing and comparison ──
  /** The int or float this Fraction equals, for dict and set keys. */
  [NUMERIC_KEY](): unknown {
    if (this._d === 1n) return this._n;
    const f = this.__float__();
    const [fn, fd] = floatRatio(f);
    return fn === this._n && fd === this._d ? f : undefined;
  }
  __hash__(): bigint {
    // The hash of n/d is n * d**-1 modulo the hash modulus (as ints' and floats' hashes are).
    const inverse = modInverse(this._d % MODULUS, MODULUS);
    const h = inverse === null ? HASH_INF : hashInt(hashInt(absInt(this._n)) * inverse);
    const signed = this._n >= 0n ? h : -h;
    return signed === -1n ? -2n : signed;
  }
  __eq__(other: unknown): unknown {
    const r = ratio(other);
    if (r !== undefined) return this._n === r[0] && this._d === r[1];
    if (typeof other === "number") {
      if (!Number.isFinite(other)) return false;
      const [n, d] = floatRatio(other);
      return this._n * d === n * this._d;
    }
    return NotImplemented;
  }
  __ne__(other: unknown): unknown {
    const r = this.__eq__(other);
    return r === NotImplemented ? r : !r;
  }
  private compared(other: unknown, test: (c: number) => boolean): unknown {
    const r = ratio(other);
    if (r !== undefined) return test(compareRatios([this._n, this._d], r));
    if (typeof other === "number") {
      // An infinity or a NaN compares as any finite number does: as 0.0 would.
      if (!Number.isFinite(other)) return other !== other ? false : test(other > 0 ? -1 : 1);
      return test(compareRatios([this._n, this._d], floatRatio(other)));
    }
    return NotImplemented;
  }
  __lt__(other: unknown): unknown {
    return this.compared(other, (c) => c < 0);
  }
  __le__(other: unknown): unknown {
    return this.compared(other, (c) => c <= 0);
  }
  __gt__(other: unknown): unknown {
    return this.compared(other, (c) => c > 0);
  }
  __ge__(other: unknown): unknown {
    return this.compared(other, (c) => c >= 0);
  }

  // ── arithmetic: exact with ints and Fractions, in floats with a float ──
  private forward(other: unknown, exactOp: Exact, floatOp: Inexact): unknown {
    const r = ratio(other);
    if (r !== undefined) return exactOp(this._n, this._d, r[0], r[1]);
    if (typeof other === "number") return floatOp(this.__float__(), other);
    return NotImplemented;
  }
  private reverse(other: unknown, exactOp: Exact, floatOp: Inexact): unknown {
    const r = ratio(other);
    if (r !== undefined) return exactOp(r[0], r[1], this._n, this._d);
    if (typeof other === "number") return floatOp(other, this.__float__());
    return NotImplemented;
  }
  __add__(o: unknown): unknown {
    return this.forward(o, addExact, (a, b) => a + b);
  }
  __radd__(o: unknown): unknown {
    return this.reverse(o, addExact, (a, b) => a + b);
  }
  __sub__(o: unknown): unknown {
    return this.forward(o, subExact, (a, b) => a - b);
  }
  __rsub__(o: unknown): unknown {
    return this.reverse(o, subExact, (a, b) => a - b);
  }
  __mul__(o: unknown): unknown {
    return this.forward(o, mulExact, (a, b) => a * b);
  }
  __rmul__(o: unknown): unknown {
    return this.reverse(o, mulExact, (a, b) => a * b);
  }
  __truediv__(o: unknown): unknown {
    return this.forward(o, divExact, floatDiv);
  }
  __rtruediv__(o: unknown): unknown {
    return this.reverse(o, divExact, floatDiv);
  }
  __floordiv__(o: unknown): unknown {
    return this.forward(o, floordivExact, floatFloorDiv);
  }
  __rfloordiv__(o: unknown): unknown {
    return this.reverse(o, floordivExact, floatFloorDiv);
  }
  __mod__(o: unknown): unknown {
    return this.forward(o, modExact, floatMod);
  }
  __rmod__(o: unknown): unknown {
    return this.reverse(o, modExact, floatMod);
  }
  __divmod__(o: unknown): unknown {
    return this.forward(o, divmodExact, floatDivmod);
  }
  __rdivmod__(o: unknown): unknown {
    return this.reverse(o, divmodExact, floatDivmod);
  }
  __pow__(o: unknown, modulo: unknown = null): unknown {
    if (modulo !== null && modulo !== undefined) return NotImplemented;
    const r = ratio(o);
    if (r !== undefined && r[1] === 1n) return powInt(this._n, this._d, r[0]);
    if (r !== undefined) return pyPow(this.__float__(), truediv(r[0], r[1]));
    if (typeof o === "number") return pyPow(this.__float__(), o);
    return NotImplemented;
  }
  __rpow__(o: unknown, modulo: unknown = null): unknown {
    if (modulo !== null && modulo !== undefined) return NotImplemented;
    // int ** Fraction: an int for a whole non-negative exponent, else exact when the exponent is whole.
    if (this._d === 1n && this._n >= 0n && asInt(o) !== undefined) return pyPow(asInt(o), this._n);
    const r = ratio(o);
    if (r !== undefined) return exact(r[0], r[1]).__pow__(this);
    if (typeof o === "number") return pyPow(o, this._d === 1n ? this._n : this.__float__());
    return NotImplemented;
  }
}
Object.defineProperty(Fraction, "__name__", { value: "Fraction" });
Object.defineProperty(Fraction, "__qualname__", { value: "Fraction" });

function compareRatios(a: [bigint, bigint], b: [bigint, bigint]): number {
  const l = a[0] * b[1];
  const r = b[0] * a[1];
  return l < r ? -1 : l > r ? 1 : 0;
}
function distance(a: Fraction, b: Fraction): [bigint, bigint] {
  const [n, d] = normalized(a._n * b._d - b._n * a._d, a._d * b._d);
  return [absInt(n), d];
}
/** round(n/d) to an int, halves to even. */
function roundHalfEven(n: bigint, d: bigint): bigint {
  const q = floorDiv(n, d);
  const twice = 2n * (n - q * d);
  if (twice < d) return q;
  if (twice > d) return q + 1n;
  return q % 2n === 0n ? q : q + 1n;
}
/** x**-1 modulo m, or null when x shares a factor with m. */
function modInverse(x: bigint, m: bigint): bigint | null {
  let [r0, r1] = [m, x];
  let [t0, t1] = [0n, 1n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [t0, t1] = [t1, t0 - q * t1];
  }
  if (r0 !== 1n) return null;
  return t0 < 0n ? t0 + m : t0;
}

const addExact: Exact = (an, ad, bn, bd) => make(an * bd + bn * ad, ad * bd);
const subExact: Exact = (an, ad, bn, bd) => make(an * bd - bn * ad, ad * bd);
const mulExact: Exact = (an, ad, bn, bd) => make(an * bn, ad * bd);
const divExact: Exact = (an, ad, bn, bd) => {
  if (bn === 0n) throw new ZeroDivisionError(`Fraction(${bd}, 0)`);
  return make(an * bd, ad * bn);
};
const floordivExact: Exact = (an, ad, bn, bd) => {
  if (bn === 0n) throw new ZeroDivisionError("integer division or modulo by zero");
  return floorDiv(an * bd, ad * bn);
};
const modExact: Exact = (an, ad, bn, bd) => {
  if (bn === 0n) throw new ZeroDivisionError("integer modulo by zero");
  const [x, y] = [an * bd, bn * ad];
  return make(x - floorDiv(x, y) * y, ad * bd);
};
const divmodExact: Exact = (an, ad, bn, bd) => {
  if (bn === 0n) throw new ZeroDivisionError("integer division or modulo by zero");
  const [x, y] = [an * bd, bn * ad];
  const q = floorDiv(x, y);
  return PyTuple.fromArray([q, make(x - q * y, ad * bd)]);
};
const floatDiv: Inexact = (a, b) => truediv(a, b);
// (the float forms go through the runtime's own float operators: their errors and signed zeros)
const floatFloorDiv: Inexact = (a, b) => pyFloordiv(a, b);
const floatMod: Inexact = (a, b) => pyMod(a, b);
const floatDivmod: Inexact = (a, b) => pyDivmod(a, b);

function powInt(n: bigint, d: bigint, p: bigint): Fraction {
  if (p >= 0n) return exact(n ** p, d ** p);
  const q = -p;
  if (n === 0n) throw new ZeroDivisionError(`Fraction(${d ** q}, 0)`);
  return n > 0n ? exact(d ** q, n ** q) : exact((-d) ** q, (-n) ** q);
}

// ── format(): the float presentation types on the exact value ──
const FORMAT_SPEC = /^(?:[\s\S]?[<>=^])?[-+ ]?z?#?0?\d*[,_]?(?:\.\d+)?[eEfFgG%]$/u;

/** Digits of n/d (n >= 0) with `places` digits after the point, rounded half to even. */
function fixedText(n: bigint, d: bigint, places: number): string {
  const scaled = roundHalfEven(n * pow10(places), d).toString();
  if (places === 0) return scaled;
  const padded = scaled.padStart(places + 1, "0");
  return `${padded.slice(0, -places)}.${padded.slice(-places)}`;
}
/** n/d (n > 0) as `digits` significant digits and the power of ten of the first one. */
function significant(n: bigint, d: bigint, digits: number): [bigint, number] {
  let e = n.toString().length - d.toString().length;
  // 10**e <= n/d < 10**(e+1)
  if (e >= 0 ? n < d * pow10(e) : n * pow10(-e) < d) e--;
  const shift = digits - 1 - e;
  let m = shift >= 0 ? roundHalfEven(n * pow10(shift), d) : roundHalfEven(n, d * pow10(-shift));
  if (m === pow10(digits)) {
    m /= 10n;
    e++;
  }
  return [m, e];
}
function sciText(n: bigint, d: bigint, places: number, alt: boolean): string {
  const [m, e] = n === 0n ? [0n, 0] : significant(n, d, places + 1);
  const text = m.toString().padStart(places + 1, "0");
  const mantissa = places > 0 ? `${text[0]}.${text.slice(1)}` : alt ? `${text}.` : text;
  return `${mantissa}e${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
}
function generalText(n: bigint, d: bigint, precision: number, alt: boolean): string {
  const p = precision === 0 ? 1 : precision;
  const e = n === 0n ? 0 : significant(n, d, p)[1];
  let text = -4 <= e && e < p ? fixedText(n, d, p - 1 - e) : sciText(n, d, p - 1, alt);
  if (!alt) {
    const [mantissa, exponent] = text.split("e");
    text = (mantissa.includes(".") ? mantissa.replace(/\.?0+$/, "") : mantissa) + (exponent !== undefined ? `e${exponent}` : "");
  } else if (!text.includes(".")) {
    const [mantissa, exponent] = text.split("e");
    text = `${mantissa}.` + (exponent !== undefined ? `e${exponent}` : "");
  }
  return text;
}

function formatFraction(x: Fraction, spec: string): string {
  if (!FORMAT_SPEC.test(spec)) throw new ValueError(`Invalid format specifier '${spec}' for object of type '${typeName(x)}'`);
  const sp = parseFloatSpec(spec);
  const n = absInt(x._n);
  const d = x._d;
  const precision = sp.precision < 0 ? 6 : sp.precision;
  let body: string;
  let suffix = "";
  switch (sp.type) {
    case "f":
    case "F":
      body = fixedText(n, d, precision);
      if (sp.alt && precision === 0) body += ".";
      break;
    case "%":
      body = fixedText(n * 100n, d, precision);
      if (sp.alt && precision === 0) body += ".";
      suffix = "%";
      break;
    case "e":
    case "E":
      body = sciText(n, d, precision, sp.alt);
      break;
    default:
      body = generalText(n, d, precision, sp.alt);
  }
  if (sp.type === "E" || sp.type === "G") body = body.toUpperCase();
  // `z`: a value that rounds to zero loses its minus sign.
  const neg = x._n < 0n && !(sp.z && !/[1-9]/.test(body.replace(/e.*$/i, "")));
  let whole = 0;
  while (whole < body.length && body[whole] >= "0" && body[whole] <= "9") whole++;
  return finishNumber(sp, neg, "", body.slice(0, whole), body.slice(whole) + suffix, 3);
}
