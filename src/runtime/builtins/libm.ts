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
// Double-double results are returned as their high part; the low part is left in REG[0] (read
// right after the call): no array or object per operation.

/**
 * The registers results come back in: [0] the low part of the double-double value the last dd*
 * function returned; [1..4] sinCosDD's sin and cos (high and low parts). A Float64Array and not
 * module variables: V8 boxes a double stored in a module variable, an allocation per store.
 */
const REG = new Float64Array(5);

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
  REG[0] = e - (r - h);
  h = r;
  return h;
}

/** (ah + al) * (bh + bl) */
function ddMul(ah: number, al: number, bh: number, bl: number): number {
  const p = ah * bh;
  const e = productError(ah, bh, p) + (ah * bl + al * bh);
  const h = p + e;
  REG[0] = e - (h - p);
  return h;
}

/** (ah + al) / (bh + bl) */
function ddDiv(ah: number, al: number, bh: number, bl: number): number {
  const q1 = ah / bh;
  // remainder r = a - q1 * b, exactly enough for a second quotient digit
  const ph = ddMul(bh, bl, q1, 0);
  const pl = REG[0];
  const rh = ddAdd(ah, al, -ph, -pl);
  const rl = REG[0];
  const q2 = (rh + rl) / bh;
  const h = q1 + q2;
  REG[0] = q2 - (h - q1);
  return h;
}

/** sqrt(ah + al) */
function ddSqrt(ah: number, al: number): number {
  if (ah <= 0) {
    REG[0] = 0;
    return Math.sqrt(ah);
  }
  const s = Math.sqrt(ah);
  const sq = s * s;
  const c = (ah - sq - productError(s, s, sq) + al) / (2 * s);
  const h = s + c;
  REG[0] = c - (h - s);
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
  let rl = REG[0];
  rh = ddAdd(rh, rl, -k * LN2_LO, 0);
  rl = REG[0];
  const sh = rh / 256;
  const sl = rl / 256;
  // expm1(s) = s + s^2/2 + s^3/6 + ...: the terms past s^2 only need double precision
  // (|s| < 0.0014: s^3/6 is under 2^-31 of the sum).
  const s = sh;
  const tail = s * s * s * (1 / 6 + s * (1 / 24 + s * (1 / 120 + s * (1 / 720 + s * (1 / 5040 + s * (1 / 40320 + s / 362880))))));
  let qh = ddMul(sh, sl, sh, sl);
  let ql = REG[0];
  let eh = ddAdd(sh, sl, qh / 2, ql / 2);
  let el = REG[0];
  eh = ddAdd(eh, el, tail, 0);
  el = REG[0];
  // expm1(2s) = 2 expm1(s) + expm1(s)^2, eight times: expm1(r)
  for (let i = 0; i < 8; i++) {
    qh = ddMul(eh, el, eh, el);
    ql = REG[0];
    eh = ddAdd(2 * eh, 2 * el, qh, ql);
    el = REG[0];
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
  const el = REG[0];
  const es = pow2(expScale);
  let th = ddMul(m, ml, eh * es, el * es);
  let tl = REG[0];
  th = ddAdd(th, tl, -1, 0);
  tl = REG[0];
  // log(1 + t) = t - t^2/2 (t is ~2^-52: t^3 is far below the precision kept)
  let yh = ddAdd(y0, 0, th, tl - (th * th) / 2);
  let yl = REG[0];
  if (j !== 0) {
    const p = j * LN2_HI;
    yh = ddAdd(yh, yl, p, productError(j, LN2_HI, p) + j * LN2_LO);
    yl = REG[0];
  }
  REG[0] = yl;
  return yh;
}

/** sin and cos of a reduced argument |r| <= pi/4 (double-double): Taylor series in r^2. */
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
      fl = REG[0];
    }
    INV_FACT_HI.push(ddDiv(1, 0, fh, fl));
    INV_FACT_LO.push(REG[0]);
  }
}

/** The sin and cos series past their first terms, in plain doubles (the fast path's tails). */
// their coefficients, signed: 1/9!, -1/11!, ... and 1/8!, -1/10!, ...
const SIN_TAIL = Float64Array.from({ length: 9 }, (_, i) => (i % 2 === 0 ? 1 : -1) * INV_FACT_HI[9 + 2 * i]);
const COS_TAIL = Float64Array.from({ length: 9 }, (_, i) => (i % 2 === 0 ? 1 : -1) * INV_FACT_HI[8 + 2 * i]);
function sinTail(z: number): number {
  let t = 0;
  for (let i = SIN_TAIL.length - 1; i >= 0; i--) t = SIN_TAIL[i] + z * t;
  return t;
}
function cosTail(z: number): number {
  let t = 0;
  for (let i = COS_TAIL.length - 1; i >= 0; i--) t = COS_TAIL[i] + z * t;
  return t;
}

/**
 * sin and cos of |r| <= pi/4 to ~75 bits: the series' terms past r^7 (sin) and r^6 (cos), under
 * 2^-18 of the sum, in plain doubles; the first four in double-double.
 */
function sinCosReducedFast(rh: number, rl: number, need: number): number {
  const zh = ddMul(rh, rl, rh, rl);
  const zl = REG[0];
  if (need & NEED_COS) cosReducedFast(zh, zl);
  if (!(need & NEED_SIN)) return 0;
  // sin = r (1 - z/3! + z^2/5! - z^3/7! + z^4 tail)
  let sh = ddMul(zh, zl, sinTail(zh), 0);
  let sl = REG[0];
  for (let n = 7; n >= 1; n -= 2) {
    const sign = ((n - 1) / 2) % 2 === 0 ? 1 : -1;
    if (n < 7) {
      sh = ddMul(sh, sl, zh, zl);
      sl = REG[0];
    }
    sh = ddAdd(sh, sl, sign * INV_FACT_HI[n], sign * INV_FACT_LO[n]);
    sl = REG[0];
  }
  return ddMul(sh, sl, rh, rl);
}

/** cos of the reduced argument from z = r^2 (fast series): into REG[3], REG[4]. */
function cosReducedFast(zh: number, zl: number): void {
  let ch = ddMul(zh, zl, cosTail(zh), 0);
  let cl = REG[0];
  for (let n = 6; n >= 0; n -= 2) {
    const sign = (n / 2) % 2 === 0 ? 1 : -1;
    if (n < 6) {
      ch = ddMul(ch, cl, zh, zl);
      cl = REG[0];
    }
    ch = ddAdd(ch, cl, sign * INV_FACT_HI[n], sign * INV_FACT_LO[n]);
    cl = REG[0];
  }
  REG[3] = ch;
  REG[4] = cl;
}

const NEED_SIN = 1;
const NEED_COS = 2;

function sinCosReduced(rh: number, rl: number, need: number): number {
  if (!precise) return sinCosReducedFast(rh, rl, need);
  const zh = ddMul(rh, rl, rh, rl);
  const zl = REG[0];
  // sin: r * (1 - z/3! + z^2/5! - ...), cos: 1 - z/2! + z^2/4! - ...
  let sh = 0;
  let sl = 0;
  for (let i = SIN_TERMS - 1; i >= 0; i--) {
    const n = 2 * i + 1;
    const sign = i % 2 === 0 ? 1 : -1;
    sh = ddMul(sh, sl, zh, zl);
    sl = REG[0];
    sh = ddAdd(sh, sl, sign * INV_FACT_HI[n], sign * INV_FACT_LO[n]);
    sl = REG[0];
  }
  let ch = 0;
  let cl = 0;
  for (let i = COS_TERMS - 1; i >= 0; i--) {
    const n = 2 * i;
    const sign = i % 2 === 0 ? 1 : -1;
    ch = ddMul(ch, cl, zh, zl);
    cl = REG[0];
    ch = ddAdd(ch, cl, sign * INV_FACT_HI[n], sign * INV_FACT_LO[n]);
    cl = REG[0];
  }
  REG[3] = ch;
  REG[4] = cl;
  return ddMul(sh, sl, rh, rl);
}

/** Arguments past this are reduced by Math's own functions (exact reduction needs more of pi's bits). */
const REDUCTION_LIMIT = 1048576 * PIO2_1;

/**
 * sin and cos of a double-double argument: sinHi/sinLo and cosHi/cosLo. Returns false when |x| is
 * past REDUCTION_LIMIT (the caller falls back to Math).
 */
function sinCosDD(xh: number, xl: number, want = NEED_SIN | NEED_COS): boolean {
  if (!(Math.abs(xh) <= REDUCTION_LIMIT)) return false;
  const k = Math.round(xh / PIO2_1);
  let rh = xh;
  let rl = xl;
  if (k !== 0) {
    // r = x - k pi/2, with k * part exact for the two leading parts
    let p = k * PIO2_1;
    rh = ddAdd(rh, rl, -p, -productError(k, PIO2_1, p));
    rl = REG[0];
    p = k * PIO2_2;
    rh = ddAdd(rh, rl, -p, -productError(k, PIO2_2, p));
    rl = REG[0];
    rh = ddAdd(rh, rl, -k * PIO2_3, 0);
    rl = REG[0];
  }
  // sin x and cos x are sin r or cos r by the quadrant: compute only what `want` needs
  const need = want === (NEED_SIN | NEED_COS) || (k & 1) === 0 ? want : NEED_SIN + NEED_COS - want;
  const s = sinCosReduced(rh, rl, need);
  const sl = REG[0];
  const c = REG[3];
  const cl = REG[4];
  switch (((k % 4) + 4) % 4) {
    case 0:
      REG[1] = s;
      REG[2] = sl;
      REG[3] = c;
      REG[4] = cl;
      break;
    case 1:
      REG[1] = c;
      REG[2] = cl;
      REG[3] = -s;
      REG[4] = -sl;
      break;
    case 2:
      REG[1] = -s;
      REG[2] = -sl;
      REG[3] = -c;
      REG[4] = -cl;
      break;
    default:
      REG[1] = -c;
      REG[2] = -cl;
      REG[3] = s;
      REG[4] = sl;
  }
  return true;
}

/** The double nearest to hi + lo (a normalized double-double's hi already is, but for ties). */
function rounded(h: number, l: number): number {
  return h + l;
}

// ---- fast paths ----------------------------------------------------------------------------
// The ~100-bit paths above are exact enough for any argument, but cost 10-40 times Math's. The
// fast paths carry ~75 bits (exp and log table-driven, sin and cos with short double-double
// series); their result is taken when hi + lo is clearly on one side of a rounding boundary
// (more than 2^-9 ulp from a midpoint, far beyond their error), else the precise path decides.

/** sinCosDD's series: the ~100-bit one (true) or the fast one. */
let precise = false;

/** hi + lo rounded, or NaN when hi + lo is within 2^-9 ulp of a midpoint between two doubles. */
function surelyRounded(h: number, l: number): number {
  const r = h + l;
  const a = Math.abs(r);
  if (!(a >= 2 ** -1000) || a === Infinity) return NaN;
  const resid = h - r + l;
  // the power of two at or below a: a's bits with the mantissa cleared
  BITS_F64[0] = a;
  BITS_U32[0] = 0;
  BITS_U32[1] &= 0xfff00000;
  const halfUlp = BITS_F64[0] * 2 ** -53;
  return Math.abs(Math.abs(resid) - halfUlp) <= halfUlp * 2 ** -8 ? NaN : r;
}
const BITS_F64 = new Float64Array(1);
const BITS_U32 = new Uint32Array(BITS_F64.buffer); // little-endian: [1] holds sign and exponent

// exp: x = (64 m + j) ln2/64 + r, e^x = 2^m 2^(j/64) e^r, |r| <= ln2/128
const LN2_64_HI = Math.round((LN2_HI / 64) * 2 ** 43) / 2 ** 43; // 36 bits: k * it is exact
const LN2_64_LO = LN2_HI / 64 - LN2_64_HI + LN2_LO / 64;
let expTableHi: Float64Array | null = null;
const expTableLo = new Float64Array(64);

function buildExpTable(): Float64Array {
  const t = new Float64Array(64);
  for (let j = 0; j < 64; j++) {
    const ph = ddMul(j / 64, 0, LN2_HI, LN2_LO);
    const h = expDD(ph, REG[0]);
    const sc = pow2(expScale);
    t[j] = h * sc;
    expTableLo[j] = REG[0] * sc;
  }
  return t;
}

/** e^(xh + xl) to ~75 bits as (h + lo) * 2^expScale (|xh| < 745). */
function expFast(xh: number, xl: number): number {
  const table = (expTableHi ??= buildExpTable());
  const k = Math.round(xh * (64 / LN2_HI));
  const j = k & 63;
  // r = x - k ln2/64 (the first difference is exact), normalized: its low part is ~3e-9 here
  const r0 = xh - k * LN2_64_HI;
  const r1 = xl - k * LN2_64_LO;
  const s = r0 + r1;
  const v = s - r0;
  const sl = r0 - (s - v) + (r1 - v);
  const q = s * s;
  const tail = s * s * s * (1 / 6 + s * (1 / 24 + s * (1 / 120 + s * (1 / 720 + s * (1 / 5040 + s / 40320)))));
  // e^r - 1 = r + r^2/2 + tail
  const eh = ddAdd(s, sl, q / 2, productError(s, s, q) / 2 + s * sl + tail);
  const el = REG[0];
  const th = table[j];
  const tl = expTableLo[j];
  const ph = ddMul(th, tl, eh, el);
  const h = ddAdd(th, tl, ph, REG[0]);
  expScale = (k - j) / 64;
  return h;
}

// log: x = 2^e m with m in [3/4, 3/2), m = c (1 + u) for the table's nearest c = 3/4 + i/128
let logTableHi: Float64Array | null = null;
const logTableLo = new Float64Array(97);

function buildLogTable(): Float64Array {
  const t = new Float64Array(97);
  for (let i = 0; i < 97; i++) {
    const c = 0.75 + i / 128;
    t[i] = c === 1 ? 0 : logDD(c, 0);
    logTableLo[i] = c === 1 ? 0 : REG[0];
  }
  return t;
}

/** log(x) to ~75 bits (x positive and finite). */
function logFast(x: number): number {
  const table = (logTableHi ??= buildLogTable());
  let e = Math.floor(Math.log2(x / 0.75));
  let m = scale(x, -e);
  if (m >= 1.5) {
    m /= 2;
    e++;
  } else if (m < 0.75) {
    m *= 2;
    e--;
  }
  const i = Math.round((m - 0.75) * 128);
  const c = 0.75 + i / 128;
  const d = m - c;
  const uh = d / c;
  const p = uh * c;
  const ul = (d - p - productError(uh, c, p)) / c;
  // log(1 + u) = u - u^2/2 + tail, |u| < 1/190
  const q = uh * uh;
  const u = uh;
  const tail = u * u * u * (1 / 3 - u * (1 / 4 - u * (1 / 5 - u * (1 / 6 - u * (1 / 7 - u * (1 / 8 - u / 9))))));
  let h = ddAdd(uh, ul, -q / 2, -(productError(uh, uh, q) / 2 + uh * ul) + tail);
  h = ddAdd(table[i], logTableLo[i], h, REG[0]);
  if (e !== 0) {
    const l = REG[0];
    const pe = e * LN2_HI;
    h = ddAdd(h, l, pe, productError(e, LN2_HI, pe) + e * LN2_LO);
  }
  return h;
}

// ---- the functions -------------------------------------------------------------------------

export function exp(x: number): number {
  if (!Number.isFinite(x)) return Math.exp(x);
  if (x > 709.8) return Infinity;
  if (x < -745.2) return 0;
  if (Math.abs(x) < 2 ** -54) return 1 + x;
  if (x > -708) {
    const r = surelyRounded(expFast(x, 0), REG[0]);
    if (r === r) return scale(r, expScale);
  }
  const h = expDD(x, 0);
  return scaleDD(h, REG[0], expScale);
}

export function log(x: number): number {
  if (!(x > 0) || x === Infinity) return Math.log(x);
  if (x === 1) return 0;
  const r = surelyRounded(logFast(x), REG[0]);
  if (r === r) return r;
  const h = logDD(x, 0);
  return rounded(h, REG[0]);
}

export function log2(x: number): number {
  if (!(x > 0) || x === Infinity) return Math.log2(x);
  const f = logFast(x);
  const r = surelyRounded(ddMul(f, REG[0], INV_LN2_HI, INV_LN2_LO), REG[0]);
  if (r === r) return r;
  const h = logDD(x, 0);
  const p = ddMul(h, REG[0], INV_LN2_HI, INV_LN2_LO);
  return rounded(p, REG[0]);
}

/** e^(y log x) for x > 0, both finite; the caller has the special cases. */
function powPositive(x: number, y: number): number {
  {
    const lh = logFast(x);
    const ph = ddMul(lh, REG[0], y, 0);
    const pl = REG[0];
    if (ph > 709.8) return Infinity;
    if (ph > -708) {
      const r = surelyRounded(expFast(ph, pl), REG[0]);
      if (r === r) return scale(r, expScale);
    }
  }
  const lh = logDD(x, 0);
  const ph = ddMul(lh, REG[0], y, 0);
  const pl = REG[0];
  if (ph > 709.8) return Infinity;
  if (ph < -745.2) return 0;
  const h = expDD(ph, pl);
  return scaleDD(h, REG[0], expScale);
}

/** x ** y for doubles, as C's pow (CPython's float `**` and math.pow check errors around it). */
export function pow(x: number, y: number): number {
  if (y === 0 || x === 1) return 1;
  if (!Number.isFinite(x) || !Number.isFinite(y) || x === 0 || y === 1 || y === 2 || y === -1 || y === 0.5) {
    if (y === 2) return x * x;
    if (y === 0.5 && x > 0 && Number.isFinite(x)) return Math.sqrt(x);
    if (x === -1 && (y === Infinity || y === -Infinity)) return 1;
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
  const pl = REG[0];
  if (x > -1020) {
    const r = surelyRounded(expFast(ph, pl), REG[0]);
    if (r === r) return scale(r, expScale);
  }
  const h = expDD(ph, pl);
  return scaleDD(h, REG[0], expScale);
}

// Below these magnitudes the correctly rounded sin, tan, atan... of x is x itself (the next term
// of the series, x^3/6 or x^3/3, is under a quarter of x's ulp), and cos x is 1.

/**
 * fn's value by the fast series, or when that is too near a rounding boundary, by the precise
 * one (fn reads `precise` through sinCosDD and returns hi, leaving lo).
 */
function fastThenPrecise(fn: (x: number) => number, x: number): number {
  precise = false;
  const r = surelyRounded(fn(x), REG[0]);
  if (r === r) return r;
  precise = true;
  const h = fn(x);
  const l = REG[0];
  precise = false;
  return rounded(h, l);
}

function sinHiOf(x: number): number {
  sinCosDD(x, 0, NEED_SIN);
  REG[0] = REG[2];
  return REG[1];
}
function cosHiOf(x: number): number {
  sinCosDD(x, 0, NEED_COS);
  REG[0] = REG[4];
  return REG[3];
}
function tanHiOf(x: number): number {
  sinCosDD(x, 0);
  return ddDiv(REG[1], REG[2], REG[3], REG[4]);
}

export function sin(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  if (Math.abs(x) < 2 ** -26) return x;
  if (!(Math.abs(x) <= REDUCTION_LIMIT)) return Math.sin(x);
  return fastThenPrecise(sinHiOf, x);
}

export function cos(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  if (Math.abs(x) < 2 ** -27) return 1;
  if (!(Math.abs(x) <= REDUCTION_LIMIT)) return Math.cos(x);
  return fastThenPrecise(cosHiOf, x);
}

export function tan(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  if (Math.abs(x) < 2 ** -27) return x;
  if (!(Math.abs(x) <= REDUCTION_LIMIT)) return Math.tan(x);
  return fastThenPrecise(tanHiOf, x);
}

/** atan(ah + al): Math.atan's estimate a0, then a0 + atan((x cos a0 - sin a0) / (cos a0 + x sin a0)). */
function atanDD(ah: number, al: number): number {
  const a0 = Math.atan(ah + al);
  sinCosDD(a0, 0);
  const s = REG[1];
  const sl = REG[2];
  const c = REG[3];
  const cl = REG[4];
  let nh = ddMul(ah, al, c, cl);
  let nl = REG[0];
  nh = ddAdd(nh, nl, -s, -sl);
  nl = REG[0];
  const dh = ddMul(ah, al, s, sl);
  const d = dh + REG[0] + (c + cl);
  const corr = (nh + nl) / d;
  return ddAdd(a0, 0, corr, 0);
}

function atanHiOf(x: number): number {
  return atanDD(x, 0);
}

export function atan(x: number): number {
  if (x !== x || x === 0 || Math.abs(x) < 2 ** -27) return x;
  if (Math.abs(x) > 2 ** 60) return x > 0 ? PIO2_1 : -PIO2_1;
  return fastThenPrecise(atanHiOf, x);
}

export function atan2(y: number, x: number): number {
  // Zeros, infinities and NaNs: C's (and Math's) table of special cases.
  if (y === 0 || x === 0 || !Number.isFinite(x) || !Number.isFinite(y)) return Math.atan2(y, x);
  precise = false;
  const r = surelyRounded(atan2HiOf(y, x), REG[0]);
  if (r === r) return r;
  precise = true;
  const h = atan2HiOf(y, x);
  const l = REG[0];
  precise = false;
  return rounded(h, l);
}

function atan2HiOf(y: number, x: number): number {
  const q = y / x;
  let h: number;
  let l: number;
  if (Math.abs(q) > 2 ** 60) {
    // y/x huge: atan = ±pi/2 - x/y
    h = ddAdd(q > 0 ? PIO2_1 : -PIO2_1, q > 0 ? PIO2_2 : -PIO2_2, -x / y, 0);
    l = REG[0];
  } else if (Math.abs(q) < 2 ** -600) {
    h = q;
    l = 0;
  } else {
    const qh = ddDiv(y, 0, x, 0);
    h = atanDD(qh, REG[0]);
    l = REG[0];
  }
  if (x < 0) {
    // the other half-plane: ±pi added, with y's sign
    h = y >= 0 ? ddAdd(h, l, PI_HI, PI_LO) : ddAdd(h, l, -PI_HI, -PI_LO);
    l = REG[0];
  }
  REG[0] = l;
  return h;
}

/** asin x: Math.asin's estimate a0, then Newton on sin: a0 + (x - sin a0) / cos a0. */
function asinHiOf(x: number): number {
  const a0 = Math.asin(x);
  sinCosDD(a0, 0);
  const nh = ddAdd(x, 0, -REG[1], -REG[2]);
  const corr = (nh + REG[0]) / (REG[3] + REG[4]);
  return ddAdd(a0, 0, corr, 0);
}

/** acos x: Math.acos's estimate b0, then Newton on cos: b0 + (cos b0 - x) / sin b0. */
function acosHiOf(x: number): number {
  const b0 = Math.acos(x);
  sinCosDD(b0, 0);
  const nh = ddAdd(REG[3], REG[4], -x, 0);
  const corr = (nh + REG[0]) / (REG[1] + REG[2]);
  return ddAdd(b0, 0, corr, 0);
}

export function asin(x: number): number {
  if (Math.abs(x) < 2 ** -26) return x;
  if (!(Math.abs(x) < 1)) return Math.asin(x);
  return fastThenPrecise(asinHiOf, x);
}

export function acos(x: number): number {
  if (!(Math.abs(x) < 1)) return Math.acos(x);
  return fastThenPrecise(acosHiOf, x);
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
    sl = REG[0];
  }
  const r = ddSqrt(sh, sl);
  return rounded(r, REG[0]) / sc;
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
    // (a zero is never kept: the sum of zeros is 0.0, as CPython's fsum gives)
    if (x !== 0) partials.push(x);
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
