// decimal's arithmetic on coefficients: powers of ten, digit counts, rounding off low digits with
// one of the eight rounding modes, integer square roots. Pure functions on bigints; the numbers,
// contexts and signals are in decimal.ts and _decimal_signals.ts.

export const ROUND_DOWN = "ROUND_DOWN";
export const ROUND_HALF_UP = "ROUND_HALF_UP";
export const ROUND_HALF_EVEN = "ROUND_HALF_EVEN";
export const ROUND_CEILING = "ROUND_CEILING";
export const ROUND_FLOOR = "ROUND_FLOOR";
export const ROUND_UP = "ROUND_UP";
export const ROUND_HALF_DOWN = "ROUND_HALF_DOWN";
export const ROUND_05UP = "ROUND_05UP";

/** The modes in the order CPython's error message lists them. */
export const ROUNDING_MODES = [ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_DOWN, ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN, ROUND_05UP];

const POW10: bigint[] = [1n];
/** 10**n as a bigint (n >= 0). */
export function pow10(n: number): bigint {
  if (n < 64) {
    while (POW10.length <= n) POW10.push(POW10[POW10.length - 1] * 10n);
    return POW10[n];
  }
  return 10n ** BigInt(n);
}

/** How many decimal digits a coefficient has (0 has one). */
export function digitCount(c: bigint): number {
  if (c < 0x20000000000000n) {
    // (below 2**53 the Number is exact: compare it with the powers of ten)
    const n = Number(c);
    let d = 1;
    while (d < 16 && n >= NUMBER_POW10[d]) d++;
    return d;
  }
  return c.toString().length;
}
const NUMBER_POW10 = Array.from({ length: 16 }, (_, i) => 10 ** i);

/**
 * Whether dropping a remainder `r` (out of a unit `unit`, 0 <= r < unit) from a quotient `q`
 * rounds `q` up in magnitude under `mode`, for a number of sign `sign` (1: negative).
 */
function roundsUp(q: bigint, r: bigint, unit: bigint, mode: string, sign: number): boolean {
  if (r === 0n) return false;
  switch (mode) {
    case ROUND_DOWN:
      return false;
    case ROUND_UP:
      return true;
    case ROUND_CEILING:
      return sign === 0;
    case ROUND_FLOOR:
      return sign === 1;
    case ROUND_05UP: {
      const last = q % 10n;
      return last === 0n || last === 5n;
    }
  }
  const twice = r * 2n;
  if (twice !== unit) return twice > unit;
  if (mode === ROUND_HALF_UP) return true;
  if (mode === ROUND_HALF_DOWN) return false;
  return (q & 1n) === 1n; // ROUND_HALF_EVEN
}

/** The coefficient with its `drop` lowest digits rounded off, and whether a nonzero part was lost. */
export function roundOff(c: bigint, drop: number, mode: string, sign: number): [bigint, boolean] {
  if (drop <= 0) return [c, false];
  // Dropping more digits than there are: the remainder is below a tenth of the unit, like 1 of 100.
  if (drop > digitCount(c) + 1) return roundOff(c === 0n ? 0n : 1n, 2, mode, sign);
  const unit = pow10(drop);
  const q = c / unit;
  const r = c % unit;
  return [roundsUp(q, r, unit, mode, sign) ? q + 1n : q, r !== 0n];
}

/** floor(sqrt(n)) for n >= 0 (Newton's iteration from above). */
export function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = 1n << BigInt(Math.ceil(n.toString(2).length / 2));
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

/** The number of trailing zero digits of a nonzero coefficient, up to `max`. */
export function trailingZeros(c: bigint, max: number): number {
  let n = 0;
  while (n < max && c % 10n === 0n) {
    c /= 10n;
    n++;
  }
  return n;
}
