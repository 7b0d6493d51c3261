// colorsys: conversions between RGB and the YIQ, HLS and HSV color spaces. The arithmetic is
// Python's (ints stay ints where CPython's module keeps them: rgb_to_hsv(255, 0, 0)'s v is 255).
// CPython: Lib/colorsys.py (documented formulas and behaviour).
import { PyTuple } from "../builtins/collections.js";
import { add, mod, mul, sub, truediv } from "../builtins/ops.js";
import { eq, le, lt, gt } from "../builtins/protocol.js";
import { int, max, min } from "../builtins/functions.js";

export const ONE_THIRD = 1.0 / 3.0;
export const ONE_SIXTH = 1.0 / 6.0;
export const TWO_THIRD = 2.0 / 3.0;

const tuple3 = (a: unknown, b: unknown, c: unknown) => PyTuple.of<unknown>(a, b, c);

export function rgb_to_yiq(r: unknown, g: unknown, b: unknown): PyTuple<unknown> {
  const y = add(add(mul(0.3, r), mul(0.59, g)), mul(0.11, b));
  const i = sub(mul(0.74, sub(r, y)), mul(0.27, sub(b, y)));
  const q = add(mul(0.48, sub(r, y)), mul(0.41, sub(b, y)));
  return tuple3(y, i, q);
}

/** A channel held to [0.0, 1.0]. */
const clamp = (x: unknown) => (lt(x, 0.0) ? 0.0 : gt(x, 1.0) ? 1.0 : x);

export function yiq_to_rgb(y: unknown, i: unknown, q: unknown): PyTuple<unknown> {
  const r = add(add(y, mul(0.9468822170900693, i)), mul(0.6235565819861433, q));
  const g = sub(sub(y, mul(0.27478764629897834, i)), mul(0.6356910791873801, q));
  const b = add(sub(y, mul(1.1085450346420322, i)), mul(1.7090069284064666, q));
  return tuple3(clamp(r), clamp(g), clamp(b));
}

/** The hue (0 to 1) of a color whose extremes differ. */
function hue(r: unknown, g: unknown, b: unknown, maxc: unknown, rangec: unknown): unknown {
  const rc = truediv(sub(maxc, r), rangec);
  const gc = truediv(sub(maxc, g), rangec);
  const bc = truediv(sub(maxc, b), rangec);
  let h: unknown;
  if (eq(r, maxc)) h = sub(bc, gc);
  else if (eq(g, maxc)) h = sub(add(2.0, rc), bc);
  else h = sub(add(4.0, gc), rc);
  return mod(truediv(h, 6.0), 1.0);
}

export function rgb_to_hls(r: unknown, g: unknown, b: unknown): PyTuple<unknown> {
  const maxc = max(r, g, b);
  const minc = min(r, g, b);
  const sumc = add(maxc, minc);
  const rangec = sub(maxc, minc);
  const l = truediv(sumc, 2.0);
  if (eq(minc, maxc)) return tuple3(0.0, l, 0.0);
  const s = le(l, 0.5) ? truediv(rangec, sumc) : truediv(rangec, sub(sub(2.0, maxc), minc));
  return tuple3(hue(r, g, b, maxc, rangec), l, s);
}

function channel(m1: unknown, m2: unknown, h: unknown): unknown {
  h = mod(h, 1.0);
  if (lt(h, ONE_SIXTH)) return add(m1, mul(mul(sub(m2, m1), h), 6.0));
  if (lt(h, 0.5)) return m2;
  if (lt(h, TWO_THIRD)) return add(m1, mul(mul(sub(m2, m1), sub(TWO_THIRD, h)), 6.0));
  return m1;
}

export function hls_to_rgb(h: unknown, l: unknown, s: unknown): PyTuple<unknown> {
  if (eq(s, 0.0)) return tuple3(l, l, l);
  const m2 = le(l, 0.5) ? mul(l, add(1.0, s)) : sub(add(l, s), mul(l, s));
  const m1 = sub(mul(2.0, l), m2);
  return tuple3(channel(m1, m2, add(h, ONE_THIRD)), channel(m1, m2, h), channel(m1, m2, sub(h, ONE_THIRD)));
}

export function rgb_to_hsv(r: unknown, g: unknown, b: unknown): PyTuple<unknown> {
  const maxc = max(r, g, b);
  const minc = min(r, g, b);
  const rangec = sub(maxc, minc);
  if (eq(minc, maxc)) return tuple3(0.0, 0.0, maxc);
  return tuple3(hue(r, g, b, maxc, rangec), truediv(rangec, maxc), maxc);
}

export function hsv_to_rgb(h: unknown, s: unknown, v: unknown): PyTuple<unknown> {
  if (eq(s, 0.0)) return tuple3(v, v, v);
  const sector = int(mul(h, 6.0)) as bigint;
  const f = sub(mul(h, 6.0), sector);
  const p = mul(v, sub(1.0, s));
  const q = mul(v, sub(1.0, mul(s, f)));
  const t = mul(v, sub(1.0, mul(s, sub(1.0, f))));
  switch (mod(sector, 6n) as bigint) {
    case 0n:
      return tuple3(v, t, p);
    case 1n:
      return tuple3(q, v, p);
    case 2n:
      return tuple3(p, v, t);
    case 3n:
      return tuple3(p, q, v);
    case 4n:
      return tuple3(t, p, v);
    default:
      return tuple3(v, p, q);
  }
}
