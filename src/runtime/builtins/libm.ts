// Elementary functions rounded as CPython's libm rounds them.
//
// CPython's float `**` and its math module call the C library (glibc on Linux), whose exp, log,
// pow, sin, cos... return the correctly rounded result in all but very rare cases. V8's Math.exp,
// Math.pow, Math.sin... are within an ulp but differ from it in the last bit for 3-10% of
// arguments (Math.cbrt for half), so `repr()` of a result would differ from CPython's. Each
// function here starts from Math's value and refines it in double-double arithmetic (a value
// held as an unevaluated sum hi + lo, ~106 bits), then rounds once: the correctly rounded result
// unless the exact value lies within ~2^-100 of a rounding boundary.
//
// Double-double results are returned as their high part; the low part is left in `lo` (a module
// register, read right after the call): no array or object per operation.

/** The low part of the double-double value the last dd* function returned. */
let lo = 0;

const SPLITTER = 134217729; // 2^27 + 1: splits a double into two 26-bit halves (Veltkamp)

/** a * b exactly: the product's rounding error (the product itself is a * b). */
function productError(a: number, b: number, p: number): number {
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return ah * bh - p + ah * bl + al * bh + al * bl;
}

/** (ah + al) + (bh + bl) */
function ddAdd(ah: number, al: number, bh: number, bl: number): number {
  const s = ah + bh;
  const v = s - ah;
  let e = ah - (s - v) + (bh - v);
  const t = al + bl;
  const w = t - al;
  const f = al - (t - w) + (bl - w);
  e += t;
  let h = s + e;
  e -= h - s;
  e += f;
  const r = h + e;
  lo = e - (r - h);
  h = r;
  return h;
}

/** (ah + al) * (bh + bl) */
function ddMul(ah: number, al: number, bh: number, bl: number): number {
  const p = ah * bh;
  const e = productError(ah, bh, p) + (ah * bl + al * bh);
  const h = p + e;
  lo = e - (h - p);
  return h;
}

/** (ah + al) / (bh + bl) */
function ddDiv(ah: number, al: number, bh: number, bl: number): number {
  const q1 = ah / bh;
  // remainder r = a - q1 * b, exactly enough for a second quotient digit
  const ph = ddMul(bh, bl, q1, 0);
  const pl = lo;
  const rh = ddAdd(ah, al, -ph, -pl);
  const rl = lo;
  const q2 = (rh + rl) / bh;
  const h = q1 + q2;
  lo = q2 - (h - q1);
  return h;
}

/** sqrt(ah + al) */
function ddSqrt(ah: number, al: number): number {
  if (ah <= 0) {
    lo = 0;
    return Math.sqrt(ah);
  }
  const s = Math.sqrt(ah);
  const sq = s * s;
  const c = (ah - sq - productError(s, s, sq) + al) / (2 * s);
  const h = s + c;
  lo = c - (h - s);
  return h;
}

// ln 2 and friends as double-double constants (hi, lo)
const LN2_HI = 0.6931471805599453;
const LN2_LO = 2.3190468138462996e-17;
const LOG2E = 1.4426950408889634;
const INV_LN2_HI = 1.4426950408889634;
const INV_LN2_LO = 2.0355273740931033e-17;
// pi/2 in three parts (each the rounding of what the earlier parts leave)
const PIO2_1 = 1.5707963267948966;
const PIO2_2 = 6.123233995736766e-17;
const PIO2_3 = -1.4973849048591698e-33;
const PI_HI = 3.141592653589793;
const PI_LO = 1.2246467991473532e-16;

/** 2^k for integer k in [-1074, 1023], exactly. */
function pow2(k: number): number {
  if (k >= -1022) return 2 ** k;
  return 2 ** (k + 100) * 2 ** -100;
}

/** x * 2^k with one rounding (x a normal double near 1; the result may be subnormal or overflow). */
function scale(x: number, k: number): number {
  if (k > 1023) return x * 2 ** 1023 * pow2(k - 1023);
  if (k >= -1022) return x * 2 ** k;
  // Into the subnormal range: bring x down while it stays normal, then one rounding multiply.
  return x * 2 ** -1000 * pow2(k + 1000);
}

/**
 * (h + l) * 2^k rounded once (h in [0.5, 2)). Into the subnormal range, where scaling the rounded
 * h would round twice, the last place is rounded by hand (half to even).
 */
function scaleDD(h: number, l: number, k: number): number {
  if (k >= -1021) return scale(h + l, k);
  if (k < -1076) return 0;
  // the result's last place (2^-1074) in h's scale
  const u = pow2(-1074 - k);
  const a = h / u;
  let n = Math.floor(a);
  const frac = a - n + l / u;
  if (frac > 0.5 || (frac === 0.5 && n % 2 === 1)) n++;
  else if (frac < -0.5 || (frac === -0.5 && n % 2 === 1)) n--;
  return n * 2 ** -1074;
}

/** The power of two `expDD` scales its result by (set with its result). */
let expScale = 0;

/**
 * e^(xh + xl) as (h + lo) * 2^expScale, h in [0.7, 1.5). The reduction x = k ln2 + r, then
 * r / 256 through a Taylor expansion of expm1, squared back up eight times.
 */
function expDD(xh: number, xl: number): number {
  const k = Math.round(xh * LOG2E);
  // r = x - k ln2, with k * LN2_HI exact as a double-double
  const p = k * LN2_HI;
  let rh = ddAdd(xh, xl, -p, -productError(k, LN2_HI, p));
  let rl = lo;
  rh = ddAdd(rh, rl, -k * LN2_LO, 0);
  rl = lo;
  const sh = rh / 256;
  const sl = rl / 256;
  // expm1(s) = s + s^2/2 + s^3/6 + ...: the terms past s^2 only need double precision
  // (|s| < 0.0014: s^3/6 is under 2^-31 of the sum).
  const s = sh;
  const tail = s * s * s * (1 / 6 + s * (1 / 24 + s * (1 / 120 + s * (1 / 720 + s * (1 / 5040 + s * (1 / 40320 + s / 362880))))));
  let qh = ddMul(sh, sl, sh, sl);
  let ql = lo;
  let eh = ddAdd(sh, sl, qh / 2, ql / 2);
  let el = lo;
  eh = ddAdd(eh, el, tail, 0);
  el = lo;
  // expm1(2s) = 2 expm1(s) + expm1(s)^2, eight times: expm1(r)
  for (let i = 0; i < 8; i++) {
    qh = ddMul(eh, el, eh, el);
    ql = lo;
    eh = ddAdd(2 * eh, 2 * el, qh, ql);
    el = lo;
  }
  expScale = k;
  return ddAdd(1, 0, eh, el);
}

/**
 * log(ah + al) for a positive finite double-double: Math.log's estimate y0, then one Newton
 * step y0 + (a e^-y0 - 1) - (a e^-y0 - 1)^2 / 2. The argument is first scaled by a power of two
 * into [sqrt(1/2), sqrt(2)) so that e^-y0 stays a normal double and log near 1 keeps its
 * relative precision.
 */
function logDD(ah: number, al: number): number {
  let j = Math.floor(Math.log2(ah));
  let m = scale(ah, -j);
  // Math.log2 can be off by one at a power of two's boundary
  if (m >= 2) {
    m /= 2;
    j++;
  } else if (m < 1) {
    m *= 2;
    j--;
  }
  if (m > Math.SQRT2) {
    m /= 2;
    j++;
  }
  const ml = scale(al, -j);
  const y0 = Math.log(m);
  const eh = expDD(-y0, 0);
  const el = lo;
  const es = pow2(expScale);
  let th = ddMul(m, ml, eh * es, el * es);
  let tl = lo;
  th = ddAdd(th, tl, -1, 0);
  tl = lo;
  // log(1 + t) = t - t^2/2 (t is ~2^-52: t^3 is far below the precision kept)
  let yh = ddAdd(y0, 0, th, tl - (th * th) / 2);
  let yl = lo;
  if (j !== 0) {
    const p = j * LN2_HI;
    yh = ddAdd(yh, yl, p, productError(j, LN2_HI, p) + j * LN2_LO);
    yl = lo;
  }
  lo = yl;
  return yh;
}

/** sin and cos of a reduced argument |r| <= pi/4 (double-double): Taylor series in r^2. */
let cosHi = 0;
let cosLo = 0;
const SIN_TERMS = 15;
const COS_TERMS = 15;
// 1/n! as double-doubles, n = 0..31
const INV_FACT_HI: number[] = [];
const INV_FACT_LO: number[] = [];
{
  let fh = 1;
  let fl = 0;
  for (let n = 0; n < 32; n++) {
    if (n > 0) {
      fh = ddMul(fh, fl, n, 0);
      fl = lo;
    }
    INV_FACT_HI.push(ddDiv(1, 0, fh, fl));
    INV_FACT_LO.push(lo);
  }
}

function sinCosReduced(rh: number, rl: number): number {
  const zh = ddMul(rh, rl, rh, rl);
  const zl = lo;
  // sin: r * (1 - z/3! + z^2/5! - ...), cos: 1 - z/2! + z^2/4! - ...
  let sh = 0;
  let sl = 0;
  for (let i = SIN_TERMS - 1; i >= 0; i--) {
    const n = 2 * i + 1;
    const sign = i % 2 === 0 ? 1 : -1;
    sh = ddMul(sh, sl, zh, zl);
    sl = lo;
    sh = ddAdd(sh, sl, sign * INV_FACT_HI[n], sign * INV_FACT_LO[n]);
    sl = lo;
  }
  let ch = 0;
  let cl = 0;
  for (let i = COS_TERMS - 1; i >= 0; i--) {
    const n = 2 * i;
    const sign = i % 2 === 0 ? 1 : -1;
    ch = ddMul(ch, cl, zh, zl);
    cl = lo;
    ch = ddAdd(ch, cl, sign * INV_FACT_HI[n], sign * INV_FACT_LO[n]);
    cl = lo;
  }
  cosHi = ch;
  cosLo = cl;
  return ddMul(sh, sl, rh, rl);
}

/** Arguments past this are reduced by Math's own functions (exact reduction needs more of pi's bits). */
const REDUCTION_LIMIT = 1048576 * PIO2_1;

let sinHi = 0;
let sinLo = 0;
/**
 * sin and cos of a double-double argument: sinHi/sinLo and cosHi/cosLo. Returns false when |x| is
 * past REDUCTION_LIMIT (the caller falls back to Math).
 */
function sinCosDD(xh: number, xl: number): boolean {
  if (!(Math.abs(xh) <= REDUCTION_LIMIT)) return false;
  const k = Math.round(xh / PIO2_1);
  let rh = xh;
  let rl = xl;
  if (k !== 0) {
    // r = x - k pi/2, with k * part exact for the two leading parts
    let p = k * PIO2_1;
    rh = ddAdd(rh, rl, -p, -productError(k, PIO2_1, p));
    rl = lo;
    p = k * PIO2_2;
    rh = ddAdd(rh, rl, -p, -productError(k, PIO2_2, p));
    rl = lo;
    rh = ddAdd(rh, rl, -k * PIO2_3, 0);
    rl = lo;
  }
  const s = sinCosReduced(rh, rl);
  const sl = lo;
  const c = cosHi;
  const cl = cosLo;
  switch (((k % 4) + 4) % 4) {
    case 0:
      sinHi = s;
      sinLo = sl;
      cosHi = c;
      cosLo = cl;
      break;
    case 1:
      sinHi = c;
      sinLo = cl;
      cosHi = -s;
      cosLo = -sl;
      break;
    case 2:
      sinHi = -s;
      sinLo = -sl;
      cosHi = -c;
      cosLo = -cl;
      break;
    default:
      sinHi = -c;
      sinLo = -cl;
      cosHi = s;
      cosLo = sl;
  }
  return true;
}

/** The double nearest to hi + lo (a normalized double-double's hi already is, but for ties). */
function rounded(h: number, l: number): number {
  return h + l;
}

// ---- the functions -------------------------------------------------------------------------

export function exp(x: number): number {
  if (!Number.isFinite(x)) return Math.exp(x);
  if (x > 709.8) return Infinity;
  if (x < -745.2) return 0;
  if (Math.abs(x) < 2 ** -54) return 1 + x;
  const h = expDD(x, 0);
  return scaleDD(h, lo, expScale);
}

export function log(x: number): number {
  if (!(x > 0) || x === Infinity) return Math.log(x);
  if (x === 1) return 0;
  const h = logDD(x, 0);
  return rounded(h, lo);
}

export function log2(x: number): number {
  if (!(x > 0) || x === Infinity) return Math.log2(x);
  const h = logDD(x, 0);
  const r = ddMul(h, lo, INV_LN2_HI, INV_LN2_LO);
  return rounded(r, lo);
}

/** e^(y log x) for x > 0, both finite; the caller has the special cases. */
function powPositive(x: number, y: number): number {
  const lh = logDD(x, 0);
  const ph = ddMul(lh, lo, y, 0);
  const pl = lo;
  if (ph > 709.8) return Infinity;
  if (ph < -745.2) return 0;
  const h = expDD(ph, pl);
  return scaleDD(h, lo, expScale);
}

/** x ** y for doubles, as C's pow (CPython's float `**` and math.pow check errors around it). */
export function pow(x: number, y: number): number {
  if (y === 0 || x === 1) return 1;
  if (!Number.isFinite(x) || !Number.isFinite(y) || x === 0 || y === 1 || y === 2 || y === -1 || y === 0.5) {
    if (y === 2) return x * x;
    if (y === 0.5 && x > 0 && Number.isFinite(x)) return Math.sqrt(x);
    if (x === -1 && !Number.isFinite(y)) return 1;
    return Math.pow(x, y);
  }
  if (x > 0) return powPositive(x, y);
  // x < 0: defined for integer y only (NaN otherwise, as C gives)
  if (!Number.isInteger(y)) return NaN;
  const r = powPositive(-x, y);
  return y % 2 === 0 ? r : -r;
}

export function exp2(x: number): number {
  if (!Number.isFinite(x)) return 2 ** x;
  if (Number.isInteger(x)) return x < -1074 ? 0 : x > 1023 ? Infinity : pow2(x);
  if (x > 1024) return Infinity;
  if (x < -1075) return 0;
  const ph = ddMul(x, 0, LN2_HI, LN2_LO);
  const h = expDD(ph, lo);
  return scaleDD(h, lo, expScale);
}

// Below these magnitudes the correctly rounded sin, tan, atan... of x is x itself (the next term
// of the series, x^3/6 or x^3/3, is under a quarter of x's ulp), and cos x is 1.

export function sin(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  if (Math.abs(x) < 2 ** -26) return x;
  if (!sinCosDD(x, 0)) return Math.sin(x);
  return rounded(sinHi, sinLo);
}

export function cos(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  if (Math.abs(x) < 2 ** -27) return 1;
  if (!sinCosDD(x, 0)) return Math.cos(x);
  return rounded(cosHi, cosLo);
}

export function tan(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  if (Math.abs(x) < 2 ** -27) return x;
  if (!sinCosDD(x, 0)) return Math.tan(x);
  const h = ddDiv(sinHi, sinLo, cosHi, cosLo);
  return rounded(h, lo);
}

/** atan(ah + al): Math.atan's estimate a0, then a0 + atan((x cos a0 - sin a0) / (cos a0 + x sin a0)). */
function atanDD(ah: number, al: number): number {
  const a0 = Math.atan(ah + al);
  sinCosDD(a0, 0);
  const s = sinHi;
  const sl = sinLo;
  const c = cosHi;
  const cl = cosLo;
  let nh = ddMul(ah, al, c, cl);
  let nl = lo;
  nh = ddAdd(nh, nl, -s, -sl);
  nl = lo;
  const dh = ddMul(ah, al, s, sl);
  const d = dh + lo + (c + cl);
  const corr = (nh + nl) / d;
  return ddAdd(a0, 0, corr, 0);
}

export function atan(x: number): number {
  if (x !== x || x === 0 || Math.abs(x) < 2 ** -27) return x;
  if (Math.abs(x) > 2 ** 60) return x > 0 ? PIO2_1 : -PIO2_1;
  const h = atanDD(x, 0);
  return rounded(h, lo);
}

export function atan2(y: number, x: number): number {
  // Zeros, infinities and NaNs: C's (and Math's) table of special cases.
  if (y === 0 || x === 0 || !Number.isFinite(x) || !Number.isFinite(y)) return Math.atan2(y, x);
  const q = y / x;
  let h: number;
  let l: number;
  if (Math.abs(q) > 2 ** 60) {
    // y/x huge: atan = ±pi/2 - x/y
    h = ddAdd(q > 0 ? PIO2_1 : -PIO2_1, q > 0 ? PIO2_2 : -PIO2_2, -x / y, 0);
    l = lo;
  } else if (Math.abs(q) < 2 ** -600) {
    h = q;
    l = 0;
  } else {
    const qh = ddDiv(y, 0, x, 0);
    h = atanDD(qh, lo);
    l = lo;
  }
  if (x < 0) {
    // the other half-plane: ±pi added, with y's sign
    h = y >= 0 ? ddAdd(h, l, PI_HI, PI_LO) : ddAdd(h, l, -PI_HI, -PI_LO);
    l = lo;
  }
  return rounded(h, l);
}

export function asin(x: number): number {
  if (Math.abs(x) < 2 ** -26) return x;
  if (!(Math.abs(x) < 1)) return Math.asin(x);
  const a0 = Math.asin(x);
  sinCosDD(a0, 0);
  // Newton on sin: a0 + (x - sin a0) / cos a0
  const nh = ddAdd(x, 0, -sinHi, -sinLo);
  const corr = (nh + lo) / (cosHi + cosLo);
  const h = ddAdd(a0, 0, corr, 0);
  return rounded(h, lo);
}

export function acos(x: number): number {
  if (!(Math.abs(x) < 1)) return Math.acos(x);
  const b0 = Math.acos(x);
  sinCosDD(b0, 0);
  // Newton on cos: b0 + (cos b0 - x) / sin b0
  const nh = ddAdd(cosHi, cosLo, -x, 0);
  const corr = (nh + lo) / (sinHi + sinLo);
  const h = ddAdd(b0, 0, corr, 0);
  return rounded(h, lo);
}

// sinh, cosh, asinh, acosh and log10 are not correctly rounded in the C library: it computes them
// from exp, expm1, log, log1p and sqrt by the classic formulas below (Math.expm1, Math.log1p and
// Math.sqrt agree with it bit for bit), so the same formulas over the functions above give
// CPython's values. (tanh, atanh, expm1 and log1p: Math's already do.)

// The formulas' branch points, where the C library puts them (it tests the high 32 bits of x).
const LN2 = 0.6931471805599453;
const EXP_LARGE = 709.7822265625; // e^x is used up to here, e^(x/2) squared past it
const COSH_SMALL = 0.3465735912322998; // just above ln(2) / 2
const JUST_ABOVE_2 = 2.000001907348633;
const ASINH_LARGE = 268435712; // just above 2^28

export function sinh(x: number): number {
  const h = x < 0 ? -0.5 : 0.5;
  const ax = Math.abs(x);
  if (!(ax < 22)) {
    if (ax !== ax) return x;
    if (ax < EXP_LARGE) return h * exp(ax);
    // e^(|x|/2) squared: the result is finite a little past where e^|x| is not
    const w = exp(0.5 * ax);
    return h * w * w; // (h * w) * w
  }
  if (ax < 2 ** -28) return x;
  const t = Math.expm1(ax);
  if (ax < 1) return h * (2 * t - (t * t) / (t + 1));
  return h * (t + t / (t + 1));
}

export function cosh(x: number): number {
  const ax = Math.abs(x);
  if (!(ax < 22)) {
    if (ax !== ax) return ax;
    if (ax < EXP_LARGE) return 0.5 * exp(ax);
    const w = exp(0.5 * ax);
    return 0.5 * w * w;
  }
  if (ax < COSH_SMALL) {
    if (ax < 2 ** -55) return 1;
    const t = Math.expm1(ax);
    const w = 1 + t;
    return 1 + (t * t) / (w + w);
  }
  const t = exp(ax);
  return 0.5 * t + 0.5 / t;
}

export function asinh(x: number): number {
  const ax = Math.abs(x);
  if (!(ax >= 2 ** -28) || ax === Infinity) return x;
  let w: number;
  if (ax >= ASINH_LARGE) w = log(ax) + LN2;
  else if (ax >= JUST_ABOVE_2) w = log(2 * ax + 1 / (Math.sqrt(ax * ax + 1) + ax));
  else {
    const t = ax * ax;
    w = Math.log1p(ax + t / (1 + Math.sqrt(1 + t)));
  }
  return x < 0 ? -w : w;
}

export function acosh(x: number): number {
  if (!(x > 1) || x === Infinity) return Math.acosh(x);
  if (x >= 2 ** 28) return log(x) + LN2;
  if (x >= JUST_ABOVE_2) return log(2 * x - 1 / (x + Math.sqrt(x * x - 1)));
  const t = x - 1;
  return Math.log1p(t + Math.sqrt(2 * t + t * t));
}

export function atanh(x: number): number {
  return Math.atanh(x);
}

// log10(2) in two parts, and 1/ln 10, as the C library's log10 uses them
const LOG10_2_HI = 0.30102999566361177;
const LOG10_2_LO = 3.694239077158931e-13;
const INV_LN10 = 0.4342944819032518;

export function log10(x: number): number {
  if (!(x > 0) || x === Infinity) return Math.log10(x);
  // x = m 2^k with m in [1, 2) for k >= 0 and in [1/2, 1) for k < 0
  let k = Math.floor(Math.log2(x));
  let m = scale(x, -k);
  if (m >= 2) {
    m /= 2;
    k++;
  } else if (m < 1) {
    m *= 2;
    k--;
  }
  if (k < 0) {
    m /= 2;
    k++;
  }
  return k * LOG10_2_LO + INV_LN10 * log(m) + k * LOG10_2_HI;
}

// cbrt: the C library's own method (so its values, which are not always correctly rounded:
// cbrt(27.0) is 3.0000000000000004 there): a polynomial first guess on the mantissa in [1/2, 1),
// one Halley step, then the exponent's third.
const CBRT_GUESS = [
  0.35489576504391984, 1.508191937815849, -2.114994941673713, 2.4469312256353444, -1.8346927748361308, 0.7849323449766392, -0.14526389938548637,
];
const CBRT_2 = 1.2599210498948732;
const CBRT_4 = 1.5874010519681996;
const CBRT_FACTOR = [1 / CBRT_4, 1 / CBRT_2, 1, CBRT_2, CBRT_4];

export function cbrt(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return x + x;
  const [xm, xe] = frexp(Math.abs(x));
  let u = CBRT_GUESS[6];
  for (let i = 5; i >= 0; i--) u = CBRT_GUESS[i] + u * xm;
  const t2 = u * u * u;
  // the exponent's remainder and quotient by 3 truncate toward zero, as C's % and /
  const ym = ((u * (t2 + 2 * xm)) / (2 * t2 + xm)) * CBRT_FACTOR[2 + (xe % 3)];
  return ldexpExact(x > 0 ? ym : -ym, Math.trunc(xe / 3));
}

/** [m, e] with x = m 2^e and m in [1/2, 1) (x finite, non-zero, positive). */
export function frexp(x: number): [number, number] {
  let e = Math.floor(Math.log2(x)) + 1;
  let m = scale(x, -e);
  if (m >= 1) {
    m /= 2;
    e++;
  } else if (m < 0.5) {
    m *= 2;
    e--;
  }
  return [m, e];
}

/** x * 2^n rounded once, as C's ldexp. */
export function ldexpExact(x: number, n: number): number {
  if (x === 0 || !Number.isFinite(x) || n === 0) return x;
  const [m, e] = frexp(Math.abs(x));
  const k = e + n;
  let r: number;
  if (k > 1024) r = Infinity;
  else if (k >= -1021) r = scale(m, k);
  else if (k < -1075) r = 0;
  else r = m * pow2(k); // one rounding into the subnormal range (2^k itself is representable)
  return x < 0 ? -r : r;
}

/**
 * sqrt(sum of squares) rounded once: CPython's math.hypot and math.dist (which compute it to
 * within rounding, scaling first so nothing overflows).
 */
export function hypotOf(values: number[]): number {
  let max = 0;
  let nan = false;
  for (const v of values) {
    const a = Math.abs(v);
    if (a === Infinity) return Infinity;
    if (a !== a) nan = true;
    else if (a > max) max = a;
  }
  if (nan) return NaN;
  if (max === 0 || values.length === 1) return max;
  // scale by a power of two near 1/max: exact, and the squares neither overflow nor underflow
  const e = Math.floor(Math.log2(max));
  const sc = pow2(Math.max(-1022, Math.min(1023, -e)));
  let sh = 0;
  let sl = 0;
  for (const v of values) {
    const a = Math.abs(v) * sc;
    const q = a * a;
    sh = ddAdd(sh, sl, q, productError(a, a, q));
    sl = lo;
  }
  const r = ddSqrt(sh, sl);
  return rounded(r, lo) / sc;
}

/** The sum of products p[i] * q[i] rounded once (CPython 3.12's sumprod of floats). */
export function sumOfProducts(p: number[], q: number[]): number {
  const parts: number[] = [];
  for (let i = 0; i < p.length; i++) {
    const m = p[i] * q[i];
    parts.push(m);
    if (Number.isFinite(m)) parts.push(productError(p[i], q[i], m));
  }
  return exactSum(parts);
}

/** The correctly rounded sum of doubles (Shewchuk's partials, as math.fsum). */
export function exactSum(values: number[]): number {
  const partials: number[] = [];
  let special = 0;
  for (let x of values) {
    if (!Number.isFinite(x)) {
      special += x;
      continue;
    }
    let i = 0;
    for (let j = 0; j < partials.length; j++) {
      let y = partials[j];
      if (Math.abs(x) < Math.abs(y)) [x, y] = [y, x];
      const hi = x + y;
      const low = y - (hi - x);
      if (low) partials[i++] = low;
      x = hi;
    }
    partials.length = i;
    partials.push(x);
  }
  if (special !== 0 || special !== special) return special;
  let n = partials.length;
  if (n === 0) return 0;
  let hi = partials[--n];
  let low = 0;
  while (n > 0) {
    const x = hi;
    const y = partials[--n];
    hi = x + y;
    low = y - (hi - x);
    if (low) break;
  }
  if (n > 0 && ((low < 0 && partials[n - 1] < 0) || (low > 0 && partials[n - 1] > 0))) {
    const y = low * 2;
    const x = hi + y;
    if (y === x - hi) hi = x;
  }
  return hi;
}
