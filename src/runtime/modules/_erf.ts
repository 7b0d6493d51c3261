// math.erf and math.erfc to the last bit: CPython calls the C library's, which is within an ulp and
// almost always the correctly rounded value. These compute each in double-double arithmetic
// (a value as an unevaluated sum hi + lo, about 106 bits) and round once at the end.
//   |x| < 3: erf from its Taylor series (alternating; at most ~10 bits lost to cancellation),
//            erfc = 1 - erf.
//   |x| >= 3: erfc from its continued fraction times exp(-x²) (both in double-double),
//             erf = 1 - erfc.

type DD = [number, number];

const SPLITTER = 134217729; // 2^27 + 1

function twoSum(a: number, b: number): DD {
  const s = a + b;
  const bb = s - a;
  return [s, a - (s - bb) + (b - bb)];
}

function twoProd(a: number, b: number): DD {
  const p = a * b;
  const ta = SPLITTER * a;
  const ah = ta - (ta - a);
  const al = a - ah;
  const tb = SPLITTER * b;
  const bh = tb - (tb - b);
  const bl = b - bh;
  return [p, ah * bh - p + ah * bl + al * bh + al * bl];
}

function add(a: DD, b: DD): DD {
  const [s, e] = twoSum(a[0], b[0]);
  const [t, f] = twoSum(a[1], b[1]);
  const [s2, e2] = twoSum(s, e + t);
  return twoSum(s2, e2 + f);
}

function mul(a: DD, b: DD): DD {
  const [p, e] = twoProd(a[0], b[0]);
  return twoSum(p, e + (a[0] * b[1] + a[1] * b[0]));
}

function div(a: DD, b: DD): DD {
  const q1 = a[0] / b[0];
  const r = add(a, neg(mul(b, [q1, 0])));
  const q2 = r[0] / b[0];
  const r2 = add(r, neg(mul(b, [q2, 0])));
  const q3 = r2[0] / b[0];
  return add(twoSum(q1, q2), [q3, 0]);
}

const neg = (a: DD): DD => [-a[0], -a[1]];
const TWO_OVER_SQRT_PI: DD = [1.1283791670955126, 1.533545961316588e-17];
const ONE_OVER_SQRT_PI: DD = [0.5641895835477563, 7.66772980658294e-18];
const LN2: DD = [0.6931471805599453, 2.3190468138462996e-17];

/** exp(a) for a double-double a (a[0] between -800 and 0 here), scaled by 2^-shift to stay normal. */
function expDD(a: DD, shift: number): DD {
  const k = Math.round(a[0] / LN2[0]);
  // r = a - k ln2, |r| <= ln2 / 2, then halved 10 times for the series
  let r = add(a, neg(mul([k, 0], LN2)));
  r = [r[0] / 1024, r[1] / 1024];
  let term: DD = [1, 0];
  let sum: DD = [1, 0];
  for (let n = 1; n < 30; n++) {
    term = mul(term, r);
    term = [term[0] / n, term[1] / n];
    sum = add(sum, term);
    if (Math.abs(term[0]) < 1e-36) break;
  }
  for (let i = 0; i < 10; i++) sum = mul(sum, sum);
  const scale = Math.pow(2, k + shift);
  return [sum[0] * scale, sum[1] * scale];
}

/** erf(x) for 0 <= x < 3, as a double-double. */
function erfSeries(x: number): DD {
  const x2 = twoProd(x, x);
  let power: DD = [x, 0]; // x^(2n+1) / n!
  let sum: DD = [x, 0];
  for (let n = 1; n < 200; n++) {
    power = mul(power, x2);
    power = div(power, [n, 0]);
    const t = div(power, [2 * n + 1, 0]);
    sum = add(sum, n % 2 === 1 ? neg(t) : t);
    if (Math.abs(t[0]) < 1e-34 * Math.abs(sum[0])) break;
  }
  return mul(TWO_OVER_SQRT_PI, sum);
}

/** erfc(x) for x >= 3 as a double-double times 2^shift (shift keeps tiny results normal). */
function erfcFraction(x: number, shift: number): DD {
  // erfc(x) = exp(-x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + ...))))
  const terms = Math.ceil(30 + 2000 / (x * x));
  let cf: DD = [0, 0];
  for (let n = terms; n >= 1; n--) cf = div([n / 2, 0], add([x, 0], cf));
  const e = expDD(neg(twoProd(x, x)), shift);
  return div(mul(e, ONE_OVER_SQRT_PI), add([x, 0], cf));
}

/** erfc(x) rounded: 2^-SHIFT back out after rounding only when the result would be subnormal. */
function erfcPositive(x: number): number {
  if (x < 3) {
    const r = add([1, 0], neg(erfSeries(x)));
    return r[0] + r[1];
  }
  if (x > 27.3) return 0;
  // (below 2^-1022 the result is scaled up first, then down: one more rounding, as in C)
  const small = x > 26;
  const r = erfcFraction(x, small ? 200 : 0);
  const v = r[0] + r[1];
  return small ? v * Math.pow(2, -200) : v;
}

export function erfValue(x: number): number {
  if (x !== x) return x;
  const a = Math.abs(x);
  if (a === 0) return x;
  let v: number;
  if (a < 3) {
    const r = erfSeries(a);
    v = r[0] + r[1];
  } else if (a >= 6) v = 1;
  else {
    const r = add([1, 0], neg(erfcFraction(a, 0)));
    v = r[0] + r[1];
  }
  return x < 0 ? -v : v;
}

export function erfcValue(x: number): number {
  if (x !== x) return x;
  if (x === Infinity) return 0;
  if (x === -Infinity) return 2;
  if (x >= 0) return erfcPositive(x);
  // erfc(-a) = 2 - erfc(a) = 1 + erf(a)
  const a = -x;
  if (a < 3) {
    const r = add([1, 0], erfSeries(a));
    return r[0] + r[1];
  }
  if (a >= 6) return 2;
  const r = add([2, 0], neg(erfcFraction(a, 0)));
  return r[0] + r[1];
}
