// statistics: quantiles, covariance, correlation (linear and ranked), linear_regression and
// NormalDist (pdf, cdf, inv_cdf, zscore, quantiles, arithmetic with constants and other
// NormalDists). Float results are computed in CPython's order (fsum'd means, sumprod of the
// deviations) so the digits printed are CPython's. Documented and observed behaviour of CPython 3.12.
import * as libm from "../builtins/libm.js";
import { ValueError } from "../builtins/exceptions.js";
import { PyList, PyTuple } from "../builtins/collections.js";
import { sorted, float as pyFloat } from "../builtins/functions.js";
import { kw, popKw } from "../builtins/object.js";
import { add, call, mul, sub, truediv } from "../builtins/ops.js";
import { NotImplemented as NotImplementedValue } from "../builtins/protocol.js";
import { repr } from "../builtins/repr.js";
import { toIterable } from "../builtins/protocol.js";
import { fsum, sumprod, erfc } from "./math.js";
import { namedtuple } from "./collections.js";

/** Set by statistics.ts (which re-exports this file): its StatisticsError. */
let StatisticsError: new (msg: string) => Error = ValueError;
export function _set_statistics_error(cls: new (msg: string) => Error): void {
  StatisticsError = cls;
}

/** quantiles(data, *, n=4, method='exclusive'): the n-1 cut points dividing data into n equal parts. */
export function quantiles(data: unknown, ...rest: unknown[]): PyList<unknown> {
  const k = popKw(rest) ?? {};
  const n = Number(k.n ?? 4n);
  const method = k.method ?? "exclusive";
  if (n < 1) throw new StatisticsError("n must be at least 1");
  const xs = [...(sorted(data) as PyList<unknown>)];
  const ld = xs.length;
  if (ld < 2) throw new StatisticsError("must have at least two data points");
  const bn = BigInt(n);
  const point = (lo: unknown, hi: unknown, delta: bigint) => truediv(add(mul(lo, bn - delta), mul(hi, delta)), bn);
  const out: unknown[] = [];
  if (method === "inclusive") {
    const m = BigInt(ld - 1);
    for (let i = 1n; i < bn; i++) {
      const j = (i * m) / bn;
      out.push(point(xs[Number(j)], xs[Number(j) + 1], i * m - j * bn));
    }
  } else if (method === "exclusive") {
    const m = BigInt(ld + 1);
    for (let i = 1n; i < bn; i++) {
      let j = (i * m) / bn;
      j = j < 1n ? 1n : j > BigInt(ld - 1) ? BigInt(ld - 1) : j;
      out.push(point(xs[Number(j) - 1], xs[Number(j)], i * m - j * bn));
    }
  } else throw new ValueError(`Unknown method: ${repr(method)}`);
  return PyList.fromArray(out);
}

/** Both inputs as lists of the same length, at least two long. */
function pairs(x: unknown, y: unknown, what: string): [unknown[], unknown[]] {
  const xs = Array.from(toIterable(x));
  const ys = Array.from(toIterable(y));
  if (xs.length !== ys.length) throw new StatisticsError(`${what} requires that both inputs have same number of data points`);
  if (xs.length < 2) throw new StatisticsError(`${what} requires at least two data points`);
  return [xs, ys];
}

/** Each value less the (fsum'd) mean. */
function deviations(xs: unknown[]): [number[], number] {
  const mean = fsum(PyList.fromArray(xs)) / xs.length;
  return [xs.map((v) => Number(sub(v, mean))), mean];
}

const dot = (a: number[], b: number[]): number => Number(sumprod(PyList.fromArray(a), PyList.fromArray(b)));

export function covariance(x: unknown, y: unknown): number {
  const [xs, ys] = pairs(x, y, "covariance");
  const [dx] = deviations(xs);
  const [dy] = deviations(ys);
  return dot(dx, dy) / (xs.length - 1);
}

/** Ranks 1..n of the values, tied values sharing their average rank. */
function ranks(values: unknown[]): number[] {
  const order = values.map((v, i) => [v, i] as const);
  const byValue = [...(sorted(PyList.fromArray(order.map(([v, i]) => PyTuple.of<unknown>(v, BigInt(i))))) as PyList<PyTuple<unknown>>)];
  const out = new Array<number>(values.length);
  for (let start = 0; start < byValue.length;) {
    let end = start + 1;
    while (end < byValue.length && Number(sub(byValue[end][0], byValue[start][0])) === 0) end++;
    const rank = (start + 1 + end) / 2;
    for (let i = start; i < end; i++) out[Number(byValue[i][1])] = rank;
    start = end;
  }
  return out;
}

/** Pearson's correlation coefficient, or Spearman's (method='ranked'). */
export function correlation(x: unknown, y: unknown, ...rest: unknown[]): number {
  const method = (popKw(rest) ?? {}).method ?? "linear";
  let [xs, ys] = pairs(x, y, "correlation");
  if (method === "ranked") {
    xs = ranks(xs);
    ys = ranks(ys);
  } else if (method !== "linear") throw new ValueError(`Unknown method: ${repr(method)}`);
  const [dx] = deviations(xs);
  const [dy] = deviations(ys);
  const sxy = dot(dx, dy);
  const sxx = dot(dx, dx);
  const syy = dot(dy, dy);
  if (sxx === 0 || syy === 0) throw new StatisticsError("at least one of the inputs is constant");
  return sxy / Math.sqrt(sxx * syy);
}

export const LinearRegression = namedtuple("LinearRegression", "slope intercept", kw({ module: "statistics" }));

/** Least squares slope and intercept of y against x (proportional=True: through the origin). */
export function linear_regression(x: unknown, y: unknown, ...rest: unknown[]): unknown {
  const proportional = (popKw(rest) ?? {}).proportional === true;
  let [xs, ys] = pairs(x, y, "linear regression");
  let xbar = 0;
  let ybar = 0;
  if (!proportional) {
    [xs, xbar] = deviations(xs);
    [ys, ybar] = deviations(ys);
  }
  const fx = xs.map(Number);
  const sxy = dot(fx, ys.map(Number)) + 0.0;
  const sxx = dot(fx, fx);
  if (sxx === 0) throw new StatisticsError("x is constant");
  const slope = sxy / sxx;
  const intercept = proportional ? 0.0 : ybar - slope * xbar;
  return call(LinearRegression, slope, intercept);
}

// Wichura's algorithm AS 241 (Applied Statistics 37(3), 1988): the normal deviate for a lower
// tail area p, accurate to about 1 part in 10**16, as CPython's NormalDist.inv_cdf uses it.
// Each row: numerator then denominator coefficients, highest power first.
const AS241_CENTRAL = [
  [
    2509.0809287301226727, 33430.575583588128105, 67265.770927008700853, 45921.953931549871457, 13731.693765509461125, 1971.5909503065514427,
    133.14166789178437745, 3.387132872796366608,
  ],
  [
    5226.495278852854561, 28729.085735721942674, 39307.89580009271061, 21213.794301586595867, 5394.1960214247511077, 687.1870074920579083,
    42.313330701600911252, 1.0,
  ],
];
const AS241_MIDDLE = [
  [
    7.7454501427834140764e-4, 0.0227238449892691845833, 0.24178072517745061177, 1.27045825245236838258, 3.64784832476320460504, 5.7694972214606914055,
    4.6303378461565452959, 1.42343711074968357734,
  ],
  [
    1.05075007164441684324e-9, 5.475938084995344946e-4, 0.0151986665636164571966, 0.14810397642748007459, 0.68976733498510000455, 1.6763848301838038494,
    2.05319162663775882187, 1.0,
  ],
];
const AS241_TAIL = [
  [
    2.01033439929228813265e-7, 2.71155556874348757815e-5, 0.0012426609473880784386, 0.026532189526576123093, 0.29656057182850489123, 1.7848265399172913358,
    5.4637849111641143699, 6.6579046435011037772,
  ],
  [
    2.04426310338993978564e-15, 1.4215117583164458887e-7, 1.8463183175100546818e-5, 7.868691311456132591e-4, 0.0148753612908506148525, 0.13692988092273580531,
    0.59983220655588793769, 1.0,
  ],
];
const horner = (coeffs: number[], r: number) => coeffs.reduce((acc, c) => acc * r + c, 0);

function normalInvCdf(p: number, mu: number, sigma: number): number {
  const q = p - 0.5;
  let x: number;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    x = (horner(AS241_CENTRAL[0], r) * q) / horner(AS241_CENTRAL[1], r);
  } else {
    let r = Math.sqrt(-libm.log(q <= 0 ? p : 1.0 - p));
    const table = r <= 5.0 ? AS241_MIDDLE : AS241_TAIL;
    r -= r <= 5.0 ? 1.6 : 5.0;
    x = horner(table[0], r) / horner(table[1], r);
    if (q < 0.0) x = -x;
  }
  return mu + x * sigma;
}

const toFloat = (x: unknown): number => call(pyFloat, x) as number;

/** A normal distribution of mean mu and standard deviation sigma. */
export class NormalDist {
  static __module__ = "statistics";
  _mu: number;
  _sigma: number;
  constructor(...args: unknown[]) {
    const k = popKw(args) ?? {};
    const mu = args[0] ?? k.mu ?? 0.0;
    const sigma = args[1] ?? k.sigma ?? 1.0;
    const s = toFloat(sigma);
    if (s < 0) throw new StatisticsError("sigma must be non-negative");
    this._mu = toFloat(mu);
    this._sigma = s;
  }
  /** The distribution with the samples' mean and (sample) standard deviation. */
  static from_samples(this: Function, data: unknown): NormalDist {
    const xs = Array.from(toIterable(data)).map(toFloat);
    if (xs.length < 2) throw new StatisticsError("stdev requires at least two data points");
    const [dev, mean] = deviations(xs);
    return call(this, mean, Math.sqrt(dot(dev, dev) / (xs.length - 1)));
  }
  get mean(): number {
    return this._mu;
  }
  get median(): number {
    return this._mu;
  }
  get mode(): number {
    return this._mu;
  }
  get stdev(): number {
    return this._sigma;
  }
  get variance(): number {
    return this._sigma * this._sigma;
  }
  pdf(x: unknown): number {
    const variance = this._sigma * this._sigma;
    if (!variance) throw new StatisticsError("pdf() not defined when sigma is zero");
    const diff = toFloat(x) - this._mu;
    return libm.exp((diff * diff) / (-2.0 * variance)) / Math.sqrt(2 * Math.PI * variance);
  }
  cdf(x: unknown): number {
    if (!this._sigma) throw new StatisticsError("cdf() not defined when sigma is zero");
    return 0.5 * erfc((this._mu - toFloat(x)) / (this._sigma * Math.SQRT2));
  }
  inv_cdf(p: unknown): number {
    const q = toFloat(p);
    if (q <= 0.0 || q >= 1.0) throw new StatisticsError("p must be in the range 0.0 < p < 1.0");
    return normalInvCdf(q, this._mu, this._sigma);
  }
  quantiles(...args: unknown[]): PyList<number> {
    const n = Number((popKw(args) ?? {}).n ?? args[0] ?? 4n);
    const out: number[] = [];
    for (let i = 1; i < n; i++) out.push(this.inv_cdf(i / n));
    return PyList.fromArray(out);
  }
  zscore(x: unknown): number {
    if (!this._sigma) throw new StatisticsError("zscore() not defined when sigma is zero");
    return (toFloat(x) - this._mu) / this._sigma;
  }
  private make(mu: number, sigma: number): NormalDist {
    return call(this.constructor, mu, sigma);
  }
  __add__(o: unknown): NormalDist {
    if (o instanceof NormalDist) return this.make(this._mu + o._mu, libm.hypotOf([this._sigma, o._sigma]));
    return this.make(this._mu + toFloat(o), this._sigma);
  }
  __radd__(o: unknown): NormalDist {
    return this.__add__(o);
  }
  __sub__(o: unknown): NormalDist {
    if (o instanceof NormalDist) return this.make(this._mu - o._mu, libm.hypotOf([this._sigma, o._sigma]));
    return this.make(this._mu - toFloat(o), this._sigma);
  }
  __rsub__(o: unknown): NormalDist {
    return this.__sub__(o).__neg__();
  }
  __mul__(o: unknown): NormalDist {
    const c = toFloat(o);
    return this.make(this._mu * c, this._sigma * Math.abs(c));
  }
  __rmul__(o: unknown): NormalDist {
    return this.__mul__(o);
  }
  __truediv__(o: unknown): NormalDist {
    const c = toFloat(o);
    return this.make(this._mu / c, this._sigma / Math.abs(c));
  }
  __pos__(): NormalDist {
    return this.make(this._mu, this._sigma);
  }
  __neg__(): NormalDist {
    return this.make(-this._mu, this._sigma);
  }
  __eq__(o: unknown): unknown {
    return o instanceof NormalDist ? this._mu === o._mu && this._sigma === o._sigma : NotImplementedValue;
  }
  __repr__(): string {
    return `${(this.constructor as { __name__?: string }).__name__ ?? this.constructor.name}(mu=${repr(this._mu)}, sigma=${repr(this._sigma)})`;
  }
}
