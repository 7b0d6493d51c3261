// statistics: averages and spread. As CPython, sums are exact (ints and floats as fractions) and
// converted once at the end, so `mean([0.1, 0.2, 0.3])` is 0.2 and a mean of ints is an int when
// it is whole; stdev is the correctly rounded square root of the exact variance (3.12).
import * as libm from "../builtins/libm.js";
import { NotImplementedError, ValueError, TypeError } from "../builtins/exceptions.js";
import { PyDict, PyList } from "../builtins/collections.js";
import { add, lt, toIterable, truediv, truthy, typeName } from "../builtins/ops.js";
import { float, sorted } from "../builtins/functions.js";
import { fsum } from "./math.js";
import { popKw } from "../builtins/object.js";
import { _set_statistics_error } from "./_statistics_more.js";

export class StatisticsError extends ValueError {}
Object.defineProperty(StatisticsError, "__module__", { value: "statistics" });
_set_statistics_error(StatisticsError);
export { quantiles, covariance, correlation, linear_regression, LinearRegression, NormalDist } from "./_statistics_more.js";

/** n/d with d > 0. */
interface Ratio {
  n: bigint;
  d: bigint;
}

const FLOAT_VIEW = new DataView(new ArrayBuffer(8));

/** A float's exact value as a fraction (the denominator a power of two). */
function floatRatio(x: number): Ratio {
  if (!Number.isFinite(x)) throw new ValueError("cannot convert a non-finite float to a fraction");
  FLOAT_VIEW.setFloat64(0, x);
  const hi = FLOAT_VIEW.getUint32(0);
  const lo = FLOAT_VIEW.getUint32(4);
  const exp = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (exp) mant |= 1n << 52n;
  let e = (exp || 1) - 1075;
  if (hi >>> 31) mant = -mant;
  if (e >= 0) return { n: mant << BigInt(e), d: 1n };
  // reduce: strip common factors of two
  while (mant !== 0n && (mant & 1n) === 0n && e < 0) {
    mant >>= 1n;
    e++;
  }
  return { n: mant, d: 1n << BigInt(-e) };
}

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  while (b) [a, b] = [b, a % b];
  return a;
}

function make(n: bigint, d: bigint): Ratio {
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d) || 1n;
  return { n: n / g, d: d / g };
}

const plus = (a: Ratio, b: Ratio) => make(a.n * b.d + b.n * a.d, a.d * b.d);
const minus = (a: Ratio, b: Ratio) => make(a.n * b.d - b.n * a.d, a.d * b.d);
const times = (a: Ratio, b: Ratio) => make(a.n * b.n, a.d * b.d);
const over = (a: Ratio, k: bigint) => make(a.n, a.d * k);

const bitLength = (x: bigint) => (x === 0n ? 0 : x.toString(2).length);

/** x * 2**-k for a value Number() made exactly from an integer (two steps: 2**-k may underflow). */
function scale(x: number, k: number): number {
  const half = Math.trunc(k / 2);
  return x * 2 ** -half * 2 ** -(k - half);
}

/** n/d as the nearest float (ties to even), like float(Fraction(n, d)). */
function ratioToFloat({ n, d }: Ratio): number {
  if (n === 0n) return 0;
  const negative = n < 0n;
  if (negative) n = -n;
  const k = 55 - (bitLength(n) - bitLength(d));
  const [num, den] = k >= 0 ? [n << BigInt(k), d] : [n, d << BigInt(-k)];
  const q = num / den;
  const sticky = num % den !== 0n ? 1n : 0n;
  // Number() rounds the integer to 53 bits correctly; the sticky bit stands for the remainder.
  const x = scale(Number((q << 1n) | sticky), k + 1);
  return negative ? -x : x;
}

function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = 1n << BigInt(Math.ceil(bitLength(n) / 2));
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

/** sqrt(n/d) correctly rounded. */
function sqrtOfRatio({ n, d }: Ratio): number {
  if (n === 0n) return 0;
  let k = Math.max(0, Math.ceil((110 - (bitLength(n) - bitLength(d))) / 2));
  const num = n << BigInt(2 * k);
  const q = isqrt(num / d);
  const sticky = q * q * d !== num ? 1n : 0n;
  return scale(Number((q << 1n) | sticky), k + 1);
}

/** The type of the result: int, float, or another number class of the data (a Decimal: its class). */
type Kind = "int" | "float" | NumberClass;
/** A number class whose values give their exact ratio (Decimal); `_sqrt_of_ratio` gives its stdev. */
type NumberClass = (new (n: bigint) => unknown) & { _sqrt_of_ratio?: (n: bigint, d: bigint) => unknown; name: string };

/** The result type of data of two types, as CPython's statistics coerces them (int gives way). */
function coerce(kind: Kind, x: unknown): Kind {
  const other: Kind = typeof x === "number" ? "float" : typeof x === "object" && x !== null ? (x.constructor as NumberClass) : "int";
  if (kind === other || other === "int") return kind;
  if (kind === "int") return other;
  const name = (k: Kind) => (typeof k === "string" ? k : k.name);
  // (CPython names the float second, whichever came first)
  const [first, second] = kind === "float" ? [other, kind] : [kind, other];
  throw new TypeError(`don't know how to coerce ${name(first)} and ${name(second)}`);
}

function toRatios(data: unknown): { values: Ratio[]; kind: Kind; raw: unknown[] } {
  const raw = [...toIterable(data)];
  let kind: Kind = "int";
  const values = raw.map((x) => {
    if (typeof x === "bigint") return { n: x, d: 1n };
    if (typeof x === "boolean") return { n: x ? 1n : 0n, d: 1n };
    if (typeof x === "number") {
      kind = coerce(kind, x);
      return floatRatio(x);
    }
    const ratio = typeof x === "object" && x !== null ? (x as { as_integer_ratio?: () => ArrayLike<bigint> }).as_integer_ratio : undefined;
    if (typeof ratio === "function") {
      kind = coerce(kind, x);
      const [n, d] = Array.from(ratio.call(x));
      return { n, d };
    }
    throw new TypeError(`can't convert type '${typeName(x)}' to numerator/denominator`);
  });
  return { values, kind, raw };
}

function convert(r: Ratio, kind: Kind): unknown {
  if (typeof kind === "function") return truediv(new kind(r.n), r.d);
  return kind === "int" && r.d === 1n ? r.n : ratioToFloat(r);
}

/** stdev's square root: a float's correctly rounded, or the number class's own (Decimal's, to its context). */
function sqrtAs(r: Ratio, kind: Kind): unknown {
  if (typeof kind !== "function") return sqrtOfRatio(r);
  if (kind._sqrt_of_ratio === undefined) throw new NotImplementedError(`statistics: the square root of ${kind.name} values is not supported by tsyncio`);
  return kind._sqrt_of_ratio(r.n, r.d);
}

function exactMean(values: Ratio[]): Ratio {
  return over(values.reduce(plus, { n: 0n, d: 1n }), BigInt(values.length));
}

export function mean(data: unknown): unknown {
  const { values, kind } = toRatios(data);
  if (!values.length) throw new StatisticsError("mean requires at least one data point");
  return convert(exactMean(values), kind);
}

export function fmean(data: unknown, ...rest: unknown[]): number {
  const kw = popKw(rest);
  if ((kw?.weights ?? rest[0] ?? null) !== null) throw new TypeError("statistics.fmean(): weights are not supported by tsyncio");
  const { values } = toRatios(data);
  if (!values.length) throw new StatisticsError("fmean requires at least one data point");
  return ratioToFloat(values.reduce(plus, { n: 0n, d: 1n })) / values.length;
}

function sortedData(data: unknown, what: string): unknown[] {
  const s = [...(sorted(data) as PyList<unknown>)];
  if (!s.length) throw new StatisticsError(`no ${what} for empty data`);
  return s;
}

export function median(data: unknown): unknown {
  const s = sortedData(data, "median");
  const n = s.length;
  if (n % 2 === 1) return s[(n - 1) / 2];
  return truediv(add(s[n / 2 - 1], s[n / 2]), 2n);
}

export function median_low(data: unknown): unknown {
  const s = sortedData(data, "median");
  const n = s.length;
  return n % 2 === 1 ? s[(n - 1) / 2] : s[n / 2 - 1];
}

export function median_high(data: unknown): unknown {
  const s = sortedData(data, "median");
  return s[Math.floor(s.length / 2)];
}

/** Counts in first-seen order (as collections.Counter), keyed with Python's equality and hashing. */
function counts(data: unknown): { value: unknown; count: number }[] {
  const seen = new PyDict<unknown, number>();
  for (const x of toIterable(data)) seen.__setitem__(x, (seen.get(x, 0) as number) + 1);
  return [...seen.entries()].map(([value, count]) => ({ value, count }));
}

export function mode(data: unknown): unknown {
  const c = counts(data);
  if (!c.length) throw new StatisticsError("no mode for empty data");
  return c.reduce((best, e) => (e.count > best.count ? e : best)).value;
}

export function multimode(data: unknown): PyList<unknown> {
  const c = counts(data);
  const top = Math.max(0, ...c.map((e) => e.count));
  return PyList.fromArray(c.filter((e) => e.count === top).map((e) => e.value));
}

/** An optional second argument, given by position or keyword. */
function optional(rest: unknown[], name: string): unknown {
  const kw = popKw(rest);
  return kw && Object.prototype.hasOwnProperty.call(kw, name) ? kw[name] : (rest[0] ?? null);
}

/** Exact sum of squared deviations from the mean (or from xbar). */
function squares(data: unknown, xbar: unknown, what: string, min: number): { ss: Ratio; n: number; kind: Kind } {
  const { values, kind } = toRatios(data);
  if (values.length < min) throw new StatisticsError(`${what} requires at least ${min === 1 ? "one data point" : "two data points"}`);
  const c = xbar === null || xbar === undefined ? exactMean(values) : toRatios([xbar]).values[0];
  let ss: Ratio = { n: 0n, d: 1n };
  for (const v of values) {
    const dev = minus(v, c);
    ss = plus(ss, times(dev, dev));
  }
  return { ss, n: values.length, kind };
}

export function variance(data: unknown, ...rest: unknown[]): unknown {
  const { ss, n, kind } = squares(data, optional(rest, "xbar"), "variance", 2);
  return convert(over(ss, BigInt(n - 1)), kind);
}

export function pvariance(data: unknown, ...rest: unknown[]): unknown {
  const { ss, n, kind } = squares(data, optional(rest, "mu"), "pvariance", 1);
  return convert(over(ss, BigInt(n)), kind);
}

export function stdev(data: unknown, ...rest: unknown[]): unknown {
  const { ss, n, kind } = squares(data, optional(rest, "xbar"), "stdev", 2);
  return sqrtAs(over(ss, BigInt(n - 1)), kind);
}

export function pstdev(data: unknown, ...rest: unknown[]): unknown {
  const { ss, n, kind } = squares(data, optional(rest, "mu"), "pstdev", 1);
  return sqrtAs(over(ss, BigInt(n)), kind);
}

// ───────────── geometric_mean, harmonic_mean, median_grouped ─────────────

/** geometric_mean(data): exp of the mean of the logs, as a float. */
export function geometric_mean(data: unknown): number {
  const logs = [...toIterable(data)].map((x) => {
    const f = typeof x === "number" ? x : Number(float(x));
    if (!(f > 0)) throw new StatisticsError("geometric mean requires a non-empty dataset containing positive numbers");
    return libm.log(f);
  });
  if (!logs.length) throw new StatisticsError("geometric mean requires a non-empty dataset containing positive numbers");
  return libm.exp(fsum(PyList.fromArray(logs)) / logs.length);
}

const NEGATIVE_HARMONIC = "harmonic mean does not support negative values";

/** harmonic_mean(data, weights=None): exact sums of weight/value, 0 when a weighted value is 0. */
export function harmonic_mean(data: unknown, ...rest: unknown[]): unknown {
  const kw = popKw(rest) ?? {};
  const weightsArg = rest.length ? rest[0] : (kw.weights ?? null);
  const values = [...toIterable(data)];
  const n = values.length;
  if (n < 1) throw new StatisticsError("harmonic_mean requires at least one data point");
  if (n === 1 && weightsArg === null) {
    const x = values[0];
    if (
      typeof x !== "bigint" &&
      typeof x !== "number" &&
      typeof x !== "boolean" &&
      typeof (x as { as_integer_ratio?: unknown })?.as_integer_ratio !== "function"
    )
      throw new TypeError("unsupported type");
    if (lt(x, 0n)) throw new StatisticsError(NEGATIVE_HARMONIC);
    return x;
  }
  let weights: unknown[];
  let sumWeights: Ratio;
  if (weightsArg === null) {
    weights = values.map(() => 1n);
    sumWeights = { n: BigInt(n), d: 1n };
  } else {
    weights = [...toIterable(weightsArg)];
    if (weights.length !== n) throw new StatisticsError("Number of weights does not match data size");
    for (const w of weights) if (lt(w, 0n)) throw new StatisticsError(NEGATIVE_HARMONIC);
    sumWeights = toRatios(PyList.fromArray(weights)).values.reduce(plus, { n: 0n, d: 1n });
  }
  const terms: unknown[] = [];
  for (let i = 0; i < n; i++) {
    if (lt(values[i], 0n)) throw new StatisticsError(NEGATIVE_HARMONIC);
    if (!truthy(weights[i])) terms.push(0n);
    else if (!truthy(values[i]))
      return 0n; // (w / 0: CPython's ZeroDivisionError, answered with 0)
    else terms.push(truediv(weights[i], values[i]));
  }
  const { values: ratios, kind } = toRatios(PyList.fromArray(terms));
  const total = ratios.reduce(plus, { n: 0n, d: 1n });
  if (total.n <= 0n) throw new StatisticsError("Weighted sum must be positive");
  return convert(make(sumWeights.n * total.d, sumWeights.d * total.n), kind);
}

/** median_grouped(data, interval=1): the median of data grouped in classes of that width, as a float. */
export function median_grouped(data: unknown, ...rest: unknown[]): number {
  const kw = popKw(rest) ?? {};
  const s = sortedData(data, "median");
  const n = s.length;
  const x = s[Math.floor(n / 2)];
  let i = 0;
  while (i < n && lt(s[i], x)) i++;
  let j = i;
  while (j < n && !lt(x, s[j])) j++;
  let width: number, mid: number;
  try {
    width = Number(float(rest.length ? rest[0] : (kw.interval ?? 1n)));
    mid = Number(float(x));
  } catch (e) {
    if (e instanceof ValueError) throw new TypeError("Value cannot be converted to a float");
    throw e;
  }
  return mid - width / 2.0 + (width * (n / 2 - i)) / (j - i);
}
