// decimal's exp, ln and log10 (and so non-integral powers) as fixed-point bigint approximations
// with a bound on their error: a value v at scale W stands for v / 10**W, and the true value lies
// within `err` units of it. decimal.ts widens W until both ends of that interval round to the same
// result (correct rounding, as CPython's decimal gives for these functions).
import { digitCount, pow10 } from "./_decimal_digits.js";

/** An approximation v / 10**W of a real number, off by at most `err` units of 10**-W. */
export interface Approx {
  v: bigint;
  err: bigint;
}

const abs = (x: bigint) => (x < 0n ? -x : x);

/** 10**W * atanh(1/q), summed until the terms vanish: each term truncates at most 2 units. */
function atanhOfInverse(q: bigint, W: number): Approx {
  const scale = pow10(W);
  const q2 = q * q;
  let power = scale / q;
  let sum = 0n;
  let terms = 0n;
  for (let k = 1n; power !== 0n; k += 2n) {
    sum += power / k;
    power /= q2;
    terms += 1n;
  }
  return { v: sum, err: 2n * terms + 1n };
}

const constants = new Map<string, { W: number; value: Approx }>();

/** A constant at scale W, from the widest computation so far (narrowing adds one unit of error). */
function constant(name: string, W: number, compute: (W: number) => Approx): Approx {
  const known = constants.get(name);
  if (known !== undefined && known.W >= W) {
    const drop = pow10(known.W - W);
    return { v: known.value.v / drop, err: known.value.err / drop + 2n };
  }
  const value = compute(W);
  constants.set(name, { W, value });
  return value;
}

/** ln 2 = 2 atanh(1/3). */
export function ln2(W: number): Approx {
  return constant("ln2", W, (w) => {
    const a = atanhOfInverse(3n, w);
    return { v: 2n * a.v, err: 2n * a.err };
  });
}

/** ln 10 = 3 ln 2 + ln 1.25, and ln 1.25 = 2 atanh(1/9). */
export function ln10(W: number): Approx {
  return constant("ln10", W, (w) => {
    const two = ln2(w);
    const a = atanhOfInverse(9n, w);
    return { v: 3n * two.v + 2n * a.v, err: 3n * two.err + 2n * a.err };
  });
}

/**
 * ln(c * 10**e) for c > 0: c * 10**e = m * 10**k with m in [0.1, 1), m doubled j times into
 * [0.7, 1.4), and ln m' = 2 atanh((m' - 1) / (m' + 1)), whose series gains 1.5 digits a term.
 */
export function lnApprox(c: bigint, e: number, W: number): Approx {
  const scale = pow10(W);
  const n = digitCount(c);
  const k = BigInt(e + n);
  let m = W >= n ? c * pow10(W - n) : c / pow10(n - W);
  let err = W >= n ? 0n : 1n;
  let j = 0n;
  const low = (7n * scale) / 10n;
  while (m < low) {
    m *= 2n;
    err *= 2n;
    j += 1n;
  }
  const t = ((m - scale) * scale) / (m + scale);
  err += 1n;
  const t2 = (t * t) / scale;
  let power = t;
  let sum = 0n;
  let terms = 0n;
  for (let i = 1n; power !== 0n; i += 2n) {
    sum += power / i;
    power = (power * t2) / scale;
    terms += 1n;
  }
  const two = ln2(W);
  const ten = ln10(W);
  return {
    v: 2n * sum - j * two.v + k * ten.v,
    err: 2n * (err + 3n * terms + 2n) + j * two.err + abs(k) * ten.err + 2n,
  };
}

/** e**z for z = Z / 10**W (off by errZ units): a coefficient and a power of ten, and the coefficient's error bound. */
export function expApprox(Z: bigint, errZ: bigint, W: number): { coef: bigint; exp: number; err: bigint } {
  const scale = pow10(W);
  const ten = ln10(W);
  // z = k ln 10 + r with |r| <= about 1.2: e**z = 10**k e**r.
  const zEstimate = Number(Z / pow10(Math.max(0, W - 15))) / 10 ** Math.min(W, 15);
  const k = BigInt(Math.round(zEstimate / Math.LN10));
  const r = Z - k * ten.v;
  const errR = errZ + abs(k) * ten.err + 1n;
  // e**r = (e**(r / 2**s))**(2**s), the series on a small argument.
  const s = 11n;
  const small = r >> s;
  let term = scale;
  let sum = scale;
  let terms = 0n;
  for (let i = 1n; term !== 0n; i++) {
    term = (term * small) / (scale * i);
    sum += term;
    terms += 1n;
  }
  for (let i = 0n; i < s; i++) sum = (sum * sum) / scale;
  const err = 4n * ((1n << s) * (2n * terms + 4n) + errR) + 4n;
  return { coef: sum, exp: Number(k) - W, err };
}
