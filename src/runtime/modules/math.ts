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
import { takes_packed, unpacked } from "../builtins/star-call.js";
import * as libm from "../builtins/libm.js";

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
  return libm.cbrt(f(x));
}
export function exp(x: unknown): number {
  const v = f(x);
  return checked(libm.exp(v), v);
}
export function exp2(x: unknown): number {
  const v = f(x);
  return checked(libm.exp2(v), v);
}
export function expm1(x: unknown): number {
  const v = f(x);
  return checked(Math.expm1(v), v);
}

/**
 * log, log2 or log10 of a number, as CPython's math module takes them: an int too large for a
 * float is split as m * 2^e (m in [1/2, 1)) and its log is fn(m) + fn(2) * e.
 */
function logOf(x: unknown, fn: (v: number) => number): number {
  if (typeof x === "bigint") {
    if (x <= 0n) throw domain();
    const v = Number(x);
    if (Number.isFinite(v)) return fn(v);
    let bits = x.toString(2).length;
    // the top 55 bits with a sticky bit for the rest: Number() then rounds them half to even
    const shift = BigInt(bits - 55);
    const top = (x >> shift) | ((x & ((1n << shift) - 1n)) !== 0n ? 1n : 0n);
    let m = Number(top) / 2 ** 55;
    if (m === 1) {
      m = 0.5;
      bits++;
    }
    return fn(m) + fn(2.0) * bits;
  }
  const v = f(x);
  if (v <= 0) throw domain();
  return fn(v);
}
export function log(x: unknown, base?: unknown): number {
  const n = logOf(x, libm.log);
  if (base === undefined || base === null) return n;
  const d = logOf(base, libm.log);
  if (d === 0) throw new ZeroDivisionError_("float division by zero");
  return n / d;
}
import { ZeroDivisionError as ZeroDivisionError_ } from "../builtins/exceptions.js";
export function log2(x: unknown): number {
  return logOf(x, libm.log2);
}
export function log10(x: unknown): number {
  return logOf(x, libm.log10);
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
  if (a < 0 && a !== -Infinity && !Number.isInteger(b) && Number.isFinite(b)) throw domain();
  if (a === 1 || b === 0) return 1.0;
  return checked(libm.pow(a, b), a, b);
}
const trig =
  (fn: (v: number) => number, lo = -Infinity, hi = Infinity, infDomain = false) =>
  (x: unknown): number => {
    const v = f(x);
    if (v < lo || v > hi) throw domain();
    if (infDomain && !Number.isFinite(v) && v === v) throw domain();
    return checked(fn(v), v);
  };
export const sin = trig(libm.sin, -Infinity, Infinity, true);
export const cos = trig(libm.cos, -Infinity, Infinity, true);
export const tan = trig(libm.tan, -Infinity, Infinity, true);
export const asin = trig(libm.asin, -1, 1);
export const acos = trig(libm.acos, -1, 1);
export const atan = trig(libm.atan);
export const sinh = trig(libm.sinh);
export const cosh = trig(libm.cosh);
export const tanh = trig(Math.tanh);
export const asinh = trig(libm.asinh);
export const acosh = trig(libm.acosh, 1);
export const atanh = (x: unknown): number => {
  const v = f(x);
  if (v <= -1 || v >= 1) throw domain();
  return libm.atanh(v);
};
export function atan2(y: unknown, x: unknown): number {
  return libm.atan2(f(y), f(x));
}
export function hypot(...xs: unknown[]): number {
  return libm.hypotOf(unpacked(xs).map(f));
}
export function dist(p: unknown, q: unknown): number {
  const a = Array.from(toIterable(p), f);
  const b = Array.from(toIterable(q), f);
  if (a.length !== b.length) throw new ValueError("both points must have the same number of dimensions");
  return libm.hypotOf(a.map((v, i) => v - b[i]));
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
  if (a !== a || b !== b) return NaN;
  if (!Number.isFinite(a) || b === 0) throw domain();
  if (!Number.isFinite(b)) return a;
  // IEEE remainder, exact: fmod of the magnitudes, then the nearer of m and m - |y| (ties to even)
  const ax = Math.abs(a);
  const ay = Math.abs(b);
  const m = ax % ay;
  const c = ay - m;
  let r: number;
  if (m < c) r = m;
  else if (m > c) r = -c;
  else r = m - 2 * ((0.5 * (ax - m)) % ay); // a tie: m if the quotient is even, else -m
  return a < 0 || Object.is(a, -0) ? -r : r;
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
  if (typeof i !== "bigint" && typeof i !== "boolean") throw new TypeError("Expected an int as second argument to ldexp.");
  const v = f(x);
  const n = toIndex(i);
  if (v === 0 || !Number.isFinite(v)) return v;
  // past any double's exponent range: overflow, or a zero of x's sign
  if (n > 3000n) throw range_();
  if (n < -3000n) return v < 0 ? -0 : 0;
  const r = libm.ldexpExact(v, Number(n));
  if (!Number.isFinite(r)) throw range_();
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
/** Exact float summation (Shewchuk's partials: libm.exactSum), like CPython's fsum. */
export function fsum(it: unknown): number {
  const values: number[] = [];
  let nan_ = false;
  let infs = 0;
  let inf_ = 0;
  for (const item of toIterable(it)) {
    const x = f(item);
    if (x !== x) nan_ = true;
    else if (!Number.isFinite(x)) {
      inf_ += x;
      infs++;
    } else values.push(x);
  }
  // infinities of both signs are CPython's ValueError; else a nan gives nan
  if (infs && inf_ !== inf_) throw new ValueError("-inf + inf in fsum");
  if (nan_) return NaN;
  if (infs) return inf_;
  return libm.exactSum(values);
}
export function erf(x: unknown): number {
  return erfValue(f(x));
}
export function erfc(x: unknown): number {
  return erfcValue(f(x));
}
// gamma and lgamma: the method CPython uses (its own code, not the C library's), so its values to
// the last bit: the Lanczos approximation with N = 13 and g = 6.024680040776729583740234375 as a
// rational function (numerator and denominator coefficients below), evaluated in x for x < 5
// and in 1/x past it; the reflection formula for negative x; and a correction for the rounding
// of x + g - 1/2 (y below) that pow and exp would otherwise magnify.
const LANCZOS_G = 6.024680040776729583740234375;
const LANCZOS_G_MINUS_HALF = 5.524680040776729583740234375;
const LANCZOS_NUM = [
  23531376880.41075968857200767445163675473484680494, 42919803642.649098768957899047001988850926355848959, 35711959237.355668049440185451547166705960488635843,
  17921034426.03720969991975575445893111267140326539, 6039542586.3520280050642916443072979210699388420708, 1439720407.3117216736632230727949123939715485786772,
  248874557.86205415651146038641322942321632125127801, 31426415.58540019438061423162831820536287468498764, 2876370.6289353724412254090516208496135991145378768,
  186056.26539522349504029498971604569928220784236328, 8071.6720023658162106380029022722506138218516325024, 210.82427775157934587250973392071336271166969580291,
  2.5066282746310002701649081771338373386264310793408,
];
// x (x+1) ... (x+11) expanded
const LANCZOS_DEN = [0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0, 13339535.0, 2637558.0, 357423.0, 32670.0, 1925.0, 66.0, 1.0];
const LOG_PI = 1.144729885849400174143427351353058711647;
/** Gamma of 1..23 is exact as a double. */
const EXACT_GAMMA_UP_TO = 23;

function lanczosSum(x: number): number {
  let num = 0;
  let den = 0;
  if (x < 5) {
    for (let i = LANCZOS_NUM.length - 1; i >= 0; i--) {
      num = num * x + LANCZOS_NUM[i];
      den = den * x + LANCZOS_DEN[i];
    }
  } else {
    for (let i = 0; i < LANCZOS_NUM.length; i++) {
      num = num / x + LANCZOS_NUM[i];
      den = den / x + LANCZOS_DEN[i];
    }
  }
  return num / den;
}

/** sin(pi x), exact at integers and accurate near them (x finite). */
function sinPi(x: number): number {
  const y = Math.abs(x) % 2;
  let r: number;
  switch (Math.round(2 * y)) {
    case 0:
      r = libm.sin(Math.PI * y);
      break;
    case 1:
      r = libm.cos(Math.PI * (y - 0.5));
      break;
    case 2:
      // sin(pi (1 - y)), not -sin(pi (y - 1)): 0.0 rather than -0.0 at y = 1
      r = libm.sin(Math.PI * (1 - y));
      break;
    case 3:
      r = -libm.cos(Math.PI * (y - 1.5));
      break;
    default:
      r = libm.sin(Math.PI * (y - 2));
  }
  return x < 0 || Object.is(x, -0) ? -r : r;
}

export function gamma(x: unknown): number {
  const v = f(x);
  if (v !== v || v === Infinity) return v;
  if (v === -Infinity || v === 0 || (Number.isInteger(v) && v < 0)) throw domain();
  if (Number.isInteger(v) && v <= EXACT_GAMMA_UP_TO) return Number(factorial(BigInt(v) - 1n));
  const ax = Math.abs(v);
  if (ax < 1e-20) return checked(1 / v, v);
  if (ax > 200) {
    if (v > 0) throw range_();
    return 0.0 / sinPi(v);
  }
  const y = ax + LANCZOS_G_MINUS_HALF;
  // z: the rounding error of y (y's computed value minus x + g - 1/2), taken the way round that is exact
  const z = ((ax > LANCZOS_G_MINUS_HALF ? y - ax - LANCZOS_G_MINUS_HALF : y - LANCZOS_G_MINUS_HALF - ax) * LANCZOS_G) / y;
  let r: number;
  if (v < 0) {
    r = ((-Math.PI / sinPi(ax) / ax) * libm.exp(y)) / lanczosSum(ax);
    r -= z * r;
    if (ax < 140) r /= libm.pow(y, ax - 0.5);
    else {
      const half = libm.pow(y, ax / 2 - 0.25);
      r /= half;
      r /= half;
    }
  } else {
    r = lanczosSum(ax) / libm.exp(y);
    r += z * r;
    if (ax < 140) r *= libm.pow(y, ax - 0.5);
    else {
      const half = libm.pow(y, ax / 2 - 0.25);
      r *= half;
      r *= half;
    }
  }
  if (!Number.isFinite(r)) throw range_();
  return r;
}

export function lgamma(x: unknown): number {
  const v = f(x);
  if (v !== v) return v;
  if (!Number.isFinite(v)) return Infinity;
  if (Number.isInteger(v) && v <= 2) {
    if (v <= 0) throw domain();
    return 0.0;
  }
  const ax = Math.abs(v);
  if (ax < 1e-20) return -libm.log(ax);
  let r = libm.log(lanczosSum(ax)) - LANCZOS_G;
  r += (ax - 0.5) * (libm.log(ax + LANCZOS_G - 0.5) - 1);
  if (v < 0) r = LOG_PI - libm.log(Math.abs(sinPi(ax))) - libm.log(ax) - r;
  if (!Number.isFinite(r)) throw range_();
  return r;
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
/**
 * sumprod as CPython 3.12 computes it: a leading run of int * int pairs summed exactly as ints;
 * then a run of pairs of floats (or a float and an int a float holds exactly), whose products are
 * summed exactly and rounded once; then, from the first pair that fits neither run, plain `+` of
 * `*` for the rest (so an int pair after floats ends the exact float sum).
 */
export function sumprod(p: unknown, q: unknown): unknown {
  const a = Array.from(toIterable(p));
  const b = Array.from(toIterable(q));
  if (a.length !== b.length) throw new ValueError("Inputs are not the same length");
  const n = a.length;
  let i = 0;
  let ints = 0n;
  while (i < n && typeof a[i] === "bigint" && typeof b[i] === "bigint") {
    ints += (a[i] as bigint) * (b[i] as bigint);
    i++;
  }
  if (i === n) return ints;
  const exactFloat = (x: unknown): boolean => typeof x === "number" || (typeof x === "bigint" && x <= 2n ** 53n && x >= -(2n ** 53n));
  const start = i;
  const fp: number[] = [];
  const fq: number[] = [];
  while (i < n && exactFloat(a[i]) && exactFloat(b[i]) && !(typeof a[i] === "bigint" && typeof b[i] === "bigint")) {
    fp.push(Number(a[i]));
    fq.push(Number(b[i]));
    i++;
  }
  let acc: unknown = ints;
  if (i > start) {
    // the int run's sum joins the exact float sum when a float holds it exactly
    if (exactFloat(ints)) {
      fp.push(Number(ints));
      fq.push(1);
      acc = libm.sumOfProducts(fp, fq);
    } else acc = addImport(ints, libm.sumOfProducts(fp, fq));
  }
  for (; i < n; i++) acc = addImport(acc, mul(a[i], b[i]));
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
