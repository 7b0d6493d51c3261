// math: CPython's math module on doubles and ints (ints stay exact where Python keeps them exact).
import { OverflowError, TypeError, ValueError } from "../builtins/exceptions.js";
import { erfValue, erfcValue } from "./_erf.js";
import { index as toIndex, typeName, toIterable, mul, truthy } from "../builtins/ops.js";
import { popKw } from "../builtins/object.js";
import { builtin } from "../builtins/functions.js";
import { giveBuiltinArity } from "../builtins/arity.js";
import { mathArityProblem } from "../builtins/builtin-arity.js";
import { isClass } from "../builtins/repr.js";
import * as mathModule from "./math.js";
import { SPREAD_LIMIT, takes_packed, unpacked } from "../builtins/star-call.js";

export const pi = Math.PI;
export const e = Math.E;
export const tau = 2 * Math.PI;
export const inf = Infinity;
export const nan = NaN;

function f(x: unknown): number {
  switch (typeof x) {
    case "number":
      return x;
    case "bigint": {
      const v = Number(x);
      if (!Number.isFinite(v)) throw new OverflowError("int too large to convert to float");
      return v;
    }
    case "boolean":
      return x ? 1 : 0;
  }
  if (x !== null && typeof x === "object") {
    const m = (x as { __float__?: () => number }).__float__;
    if (typeof m === "function") return m.call(x);
    const i = (x as { __index__?: () => bigint }).__index__;
    if (typeof i === "function") return Number(i.call(x));
  }
  throw new TypeError(`must be real number, not ${typeName(x)}`);
}

function domain(): ValueError {
  return new ValueError("math domain error");
}
function range_(): OverflowError {
  return new OverflowError("math range error");
}
function checked(r: number, ...args: number[]): number {
  if (r !== r && !args.some((a) => a !== a)) throw domain();
  if (!Number.isFinite(r) && args.every((a) => Number.isFinite(a))) throw range_();
  return r;
}

function toIntegral(x: unknown, op: (v: number) => number, dunder: string): bigint {
  if (typeof x === "bigint") return x;
  if (typeof x === "boolean") return x ? 1n : 0n;
  if (x !== null && typeof x === "object") {
    const m = (x as Record<string, unknown>)[dunder];
    if (typeof m === "function") return m.call(x) as bigint;
  }
  const v = f(x);
  if (v !== v) throw new ValueError("cannot convert float NaN to integer");
  if (!Number.isFinite(v)) throw new OverflowError("cannot convert float infinity to integer");
  return BigInt(op(v));
}

export const floor = (x: unknown): bigint => toIntegral(x, Math.floor, "__floor__");
export const ceil = (x: unknown): bigint => toIntegral(x, Math.ceil, "__ceil__");
export const trunc = (x: unknown): bigint => toIntegral(x, Math.trunc, "__trunc__");

export function sqrt(x: unknown): number {
  const v = f(x);
  if (v < 0) throw domain();
  return Math.sqrt(v);
}
export function isqrt(n: unknown): bigint {
  const v = toIndex(n);
  if (v < 0n) throw new ValueError("isqrt() argument must be nonnegative");
  if (v < 2n) return v;
  let x = BigInt(Math.floor(Math.sqrt(Number(v))));
  // Newton refinement for exactness
  for (;;) {
    const y = (x + v / x) >> 1n;
    if (y >= x) {
      if (x * x > v) x -= 1n;
      while ((x + 1n) * (x + 1n) <= v) x += 1n;
      return x;
    }
    x = y;
  }
}
export function cbrt(x: unknown): number {
  return Math.cbrt(f(x));
}
export function exp(x: unknown): number {
  const v = f(x);
  return checked(Math.exp(v), v);
}
export function exp2(x: unknown): number {
  const v = f(x);
  return checked(2 ** v, v);
}
export function expm1(x: unknown): number {
  const v = f(x);
  return checked(Math.expm1(v), v);
}

function logAny(x: unknown): number {
  if (typeof x === "bigint") {
    if (x <= 0n) throw domain();
    const v = Number(x);
    if (Number.isFinite(v)) return Math.log(v);
    const bits = x.toString(2).length;
    const shift = bits - 60;
    return Math.log(Number(x >> BigInt(shift))) + shift * Math.LN2;
  }
  const v = f(x);
  if (v <= 0) throw domain();
  return Math.log(v);
}
export function log(x: unknown, base?: unknown): number {
  const n = logAny(x);
  if (base === undefined || base === null) return n;
  const d = logAny(base);
  if (d === 0) throw new ZeroDivisionError_("float division by zero");
  return n / d;
}
import { ZeroDivisionError as ZeroDivisionError_ } from "../builtins/exceptions.js";
export function log2(x: unknown): number {
  if (typeof x === "bigint" && x > 0n) {
    const v = Number(x);
    if (!Number.isFinite(v)) return logAny(x) / Math.LN2;
  }
  const v = f(x);
  if (v <= 0) throw domain();
  return Math.log2(v);
}
export function log10(x: unknown): number {
  if (typeof x === "bigint" && x > 0n && !Number.isFinite(Number(x))) return logAny(x) / Math.LN10;
  const v = f(x);
  if (v <= 0) throw domain();
  return Math.log10(v);
}
export function log1p(x: unknown): number {
  const v = f(x);
  if (v <= -1) throw domain();
  return Math.log1p(v);
}
export function pow(x: unknown, y: unknown): number {
  const a = f(x);
  const b = f(y);
  if (a === 0 && b < 0) throw domain();
  if (a < 0 && !Number.isInteger(b) && Number.isFinite(b)) throw domain();
  if (a === 1 || b === 0) return 1.0;
  return checked(Math.pow(a, b), a, b);
}
const trig =
  (fn: (v: number) => number, lo = -Infinity, hi = Infinity, infDomain = false) =>
  (x: unknown): number => {
    const v = f(x);
    if (v < lo || v > hi) throw domain();
    if (infDomain && !Number.isFinite(v) && v === v) throw domain();
    return checked(fn(v), v);
  };
export const sin = trig(Math.sin, -Infinity, Infinity, true);
export const cos = trig(Math.cos, -Infinity, Infinity, true);
export const tan = trig(Math.tan, -Infinity, Infinity, true);
export const asin = trig(Math.asin, -1, 1);
export const acos = trig(Math.acos, -1, 1);
export const atan = trig(Math.atan);
export const sinh = trig(Math.sinh);
export const cosh = trig(Math.cosh);
export const tanh = trig(Math.tanh);
export const asinh = trig(Math.asinh);
export const acosh = trig(Math.acosh, 1);
export const atanh = (x: unknown): number => {
  const v = f(x);
  if (v <= -1 || v >= 1) throw domain();
  return Math.atanh(v);
};
export function atan2(y: unknown, x: unknown): number {
  return Math.atan2(f(y), f(x));
}
export function hypot(...xs: unknown[]): number {
  const vals = unpacked(xs).map((x) => Math.abs(f(x)));
  if (vals.length <= SPREAD_LIMIT) return Math.hypot(...vals);
  // Past what a call can spread: the largest value scales the sum, as Math.hypot does.
  let scale = 0;
  for (const v of vals) if (v > scale || Number.isNaN(v)) scale = v;
  if (scale === Infinity || vals.includes(Infinity)) return Infinity;
  if (Number.isNaN(scale) || scale === 0) return scale;
  let sum = 0;
  for (const v of vals) sum += (v / scale) ** 2;
  return scale * Math.sqrt(sum);
}
export function dist(p: unknown, q: unknown): number {
  const a = Array.from(toIterable(p), f);
  const b = Array.from(toIterable(q), f);
  if (a.length !== b.length) throw new ValueError("both points must have the same number of dimensions");
  return Math.hypot(...a.map((v, i) => v - b[i]));
}
export function degrees(x: unknown): number {
  return f(x) * (180.0 / Math.PI);
}
export function radians(x: unknown): number {
  return f(x) * (Math.PI / 180.0);
}
export function fabs(x: unknown): number {
  return Math.abs(f(x));
}
export function copysign(x: unknown, y: unknown): number {
  const a = Math.abs(f(x));
  const b = f(y);
  return b < 0 || Object.is(b, -0) || (b !== b && false) ? -a : a;
}
export function fmod(x: unknown, y: unknown): number {
  const a = f(x);
  const b = f(y);
  if (b === 0 || !Number.isFinite(a)) {
    if (a === a && b === b) throw domain();
  }
  return a % b;
}
export function remainder(x: unknown, y: unknown): number {
  const a = f(x);
  const b = f(y);
  if (b === 0 || !Number.isFinite(a)) {
    if (a === a && b === b) throw domain();
  }
  const n = a / b;
  let r = Math.round(n);
  if (Math.abs(n - Math.trunc(n)) === 0.5) r = 2 * Math.round(n / 2);
  return a - r * b;
}
export function modf(x: unknown): [number, number] & unknown {
  const v = f(x);
  const i = Math.trunc(v);
  const fr = Number.isFinite(v) ? v - i : 0 * Math.sign(v);
  return tup(Object.is(fr, 0) && (v < 0 || Object.is(v, -0)) ? -0 : fr, i) as never;
}
export function frexp(x: unknown): unknown {
  let v = f(x);
  if (v === 0 || !Number.isFinite(v)) return tup(v, 0n);
  let e2 = 0;
  const neg = v < 0;
  v = Math.abs(v);
  while (v >= 1) {
    v /= 2;
    e2++;
  }
  while (v < 0.5) {
    v *= 2;
    e2--;
  }
  return tup(neg ? -v : v, BigInt(e2));
}
export function ldexp(x: unknown, i: unknown): number {
  let v = f(x);
  let n = Number(toIndex(i));
  while (n > 1000) {
    v *= 2 ** 1000;
    n -= 1000;
  }
  while (n < -1000) {
    v *= 2 ** -1000;
    n += 1000;
  }
  const r = v * 2 ** n;
  if (!Number.isFinite(r) && Number.isFinite(v)) throw range_();
  return r;
}
export function isfinite(x: unknown): boolean {
  return Number.isFinite(f(x));
}
export function isinf(x: unknown): boolean {
  const v = f(x);
  return v === Infinity || v === -Infinity;
}
export function isnan(x: unknown): boolean {
  const v = f(x);
  return v !== v;
}
export function isclose(a: unknown, b: unknown, ...rest: unknown[]): boolean {
  const k = popKw(rest) ?? {};
  const rel = k.rel_tol !== undefined ? f(k.rel_tol) : 1e-9;
  const abs_ = k.abs_tol !== undefined ? f(k.abs_tol) : 0.0;
  if (rel < 0 || abs_ < 0) throw new ValueError("tolerances must be non-negative");
  const x = f(a);
  const y = f(b);
  if (x === y) return true;
  if (!Number.isFinite(x) || !Number.isFinite(y)) return false;
  const diff = Math.abs(y - x);
  return diff <= Math.abs(rel * y) || diff <= Math.abs(rel * x) || diff <= abs_;
}
export function gcd(...xs: unknown[]): bigint {
  let g = 0n;
  for (const x of unpacked(xs)) {
    let a = toIndex(x);
    if (a < 0n) a = -a;
    let b = g;
    while (a) [a, b] = [b % a, a];
    g = b;
  }
  return g;
}
export function lcm(...xs: unknown[]): bigint {
  let l = 1n;
  for (const x of unpacked(xs)) {
    let a = toIndex(x);
    if (a < 0n) a = -a;
    if (a === 0n) return 0n;
    l = (l / gcd(l, a)) * a;
  }
  return l;
}
export function factorial(n: unknown): bigint {
  if (typeof n === "number") throw new TypeError("'float' object cannot be interpreted as an integer");
  const v = toIndex(n);
  if (v < 0n) throw new ValueError("factorial() not defined for negative values");
  let r = 1n;
  for (let i = 2n; i <= v; i++) r *= i;
  return r;
}
export function comb(n: unknown, k: unknown): bigint {
  const a = toIndex(n);
  let b = toIndex(k);
  if (a < 0n) throw new ValueError("n must be a non-negative integer");
  if (b < 0n) throw new ValueError("k must be a non-negative integer");
  if (b > a) return 0n;
  if (b > a - b) b = a - b;
  let r = 1n;
  for (let i = 1n; i <= b; i++) r = (r * (a - b + i)) / i;
  return r;
}
export function perm(n: unknown, k: unknown = null): bigint {
  const a = toIndex(n);
  const b = k === null || k === undefined ? a : toIndex(k);
  if (a < 0n) throw new ValueError("n must be a non-negative integer");
  if (b < 0n) throw new ValueError("k must be a non-negative integer");
  if (b > a) return 0n;
  let r = 1n;
  for (let i = a - b + 1n; i <= a; i++) r *= i;
  return r;
}
export function prod(it: unknown, ...rest: unknown[]): unknown {
  const k = popKw(rest);
  let acc: unknown = k?.start ?? 1n;
  for (const x of toIterable(it)) acc = mul(acc, x);
  return acc;
}
/** Exact float summation (Shewchuk), like CPython's fsum. */
export function fsum(it: unknown): number {
  const partials: number[] = [];
  let special = 0;
  let inf_ = 0;
  for (const item of toIterable(it)) {
    let x = f(item);
    if (!Number.isFinite(x)) {
      if (x !== x) special = NaN;
      else inf_ += x;
      special = special || 1;
      continue;
    }
    let i = 0;
    for (let j = 0; j < partials.length; j++) {
      let y = partials[j];
      if (Math.abs(x) < Math.abs(y)) [x, y] = [y, x];
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo) partials[i++] = lo;
      x = hi;
    }
    partials.length = i;
    partials.push(x);
  }
  if (special) {
    if (special !== special || inf_ !== inf_) throw new ValueError("-inf + inf in fsum");
    return inf_;
  }
  let n = partials.length;
  let hi = 0;
  if (n > 0) {
    hi = partials[--n];
    let lo = 0;
    while (n > 0) {
      const x = hi;
      const y = partials[--n];
      hi = x + y;
      const yr = hi - x;
      lo = y - yr;
      if (lo) break;
    }
    if (n > 0 && ((lo < 0 && partials[n - 1] < 0) || (lo > 0 && partials[n - 1] > 0))) {
      const y = lo * 2;
      const x = hi + y;
      const yr = x - hi;
      if (y === yr) hi = x;
    }
  }
  return hi;
}
export function erf(x: unknown): number {
  return erfValue(f(x));
}
export function erfc(x: unknown): number {
  return erfcValue(f(x));
}
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61503916999185, 12.507343278686905, -0.13857109526572012,
  9.9843695780195716e-6, 1.5056327351493116e-7,
];
export function gamma(x: unknown): number {
  const v = f(x);
  if (Number.isInteger(v) && v <= 0) throw domain();
  if (Number.isInteger(v) && v > 0 && v < 171) {
    let r = 1;
    for (let i = 2; i < v; i++) r *= i;
    return r;
  }
  if (v < 0.5) return Math.PI / (Math.sin(Math.PI * v) * gamma(1 - v));
  const z = v - 1;
  let a = LANCZOS[0];
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i] / (z + i);
  return checked(Math.sqrt(2 * Math.PI) * Math.pow(t, z + 0.5) * Math.exp(-t) * a, v);
}
export function lgamma(x: unknown): number {
  const v = f(x);
  if (Number.isInteger(v) && v <= 0) throw domain();
  if (v < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * v))) - lgamma(1 - v);
  const z = v - 1;
  let a = LANCZOS[0];
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i] / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}
export function nextafter(x: unknown, y: unknown): number {
  const a = f(x);
  const b = f(y);
  if (a !== a || b !== b) return NaN;
  if (a === b) return b;
  if (a === 0) return b > 0 ? 5e-324 : -5e-324;
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, a);
  let bits = buf.getBigUint64(0);
  bits += b > a === a > 0 ? 1n : -1n;
  buf.setBigUint64(0, bits);
  return buf.getFloat64(0);
}
export function ulp(x: unknown): number {
  const v = Math.abs(f(x));
  if (v !== v) return v;
  if (v === Infinity) return v;
  if (v === Number.MAX_VALUE) return v - nextafter(v, 0);
  return nextafter(v, Infinity) - v;
}
export function sumprod(p: unknown, q: unknown): unknown {
  const a = Array.from(toIterable(p));
  const b = Array.from(toIterable(q));
  if (a.length !== b.length) throw new ValueError("Inputs are not the same length");
  let acc: unknown = 0n;
  for (let i = 0; i < a.length; i++) acc = addImport(acc, mul(a[i], b[i]));
  return acc;
}
import { add as addImport } from "../builtins/ops.js";
import { PyTuple } from "../builtins/collections.js";
function tup(...xs: unknown[]): PyTuple<unknown> {
  return PyTuple.fromArray(xs);
}
void truthy;

for (const f of [hypot, gcd, lcm]) takes_packed(f);

// Every function of math is written in C in CPython: `<built-in function floor>`, and a class
// attribute holding one is not bound to the instances (`A.f = math.floor; A().f(2.5)`).
// Each takes a fixed number of arguments, and says so in its own words when called through a
// variable or with `*args` (the compiler checks direct calls).
for (const [name, f] of Object.entries(mathModule)) {
  if (typeof f !== "function" || isClass(f)) continue;
  if (!Object.prototype.hasOwnProperty.call(f, "__builtin__")) builtin(f as (...a: never[]) => unknown, name);
  giveBuiltinArity(f, (n) => mathArityProblem(name, n));
}
