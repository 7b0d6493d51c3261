// CPython's limit on int <-> decimal string conversion (3.11+, a defence against quadratic-time
// conversions): more than sys.get_int_max_str_digits() digits (4300 by default, 0 for none) is
// ValueError, for str()/repr()/format() of an int and for int() of a string in a base that is not
// a power of two.

import { ValueError } from "./exceptions.js";

export const DEFAULT_MAX_STR_DIGITS = 4300;
/** The smallest limit that may be set (sys.int_info.str_digits_check_threshold). */
export const STR_DIGITS_CHECK_THRESHOLD = 640;

let maxDigits = DEFAULT_MAX_STR_DIGITS;
// 10 ** maxDigits: an int at least this large (in magnitude) has too many digits.
let tooLarge: bigint | null = null;

const HINT = "use sys.set_int_max_str_digits() to increase the limit";

export function get_max_str_digits(): number {
  return maxDigits;
}

export function set_max_str_digits(n: number): void {
  if (n !== 0 && n < STR_DIGITS_CHECK_THRESHOLD) throw new ValueError(`maxdigits must be 0 or larger than ${STR_DIGITS_CHECK_THRESHOLD}`);
  maxDigits = n;
  tooLarge = null;
}

/** An int's decimal digits (with its sign), or ValueError past the limit. */
export function intToDecimal(v: bigint): string {
  // A 64-bit int (19 digits at most, under any limit) is told by asIntN, which V8 compiles inline;
  // two BigInt comparisons cost ~40 ns per call (measured).
  if (maxDigits > 0 && BigInt.asIntN(64, v) !== v) {
    tooLarge ??= 10n ** BigInt(maxDigits);
    if (v >= tooLarge || v <= -tooLarge) {
      throw new ValueError(`Exceeds the limit (${maxDigits} digits) for integer string conversion; ${HINT}`);
    }
  }
  return v.toString();
}

/** Before int() converts `digits` digits in `base`: ValueError past the limit (power-of-two bases are exempt). */
export function checkDigitsToInt(digits: number, base: number): void {
  if (maxDigits > 0 && digits > maxDigits && (base & (base - 1)) !== 0) {
    throw new ValueError(`Exceeds the limit (${maxDigits} digits) for integer string conversion: value has ${digits} digits; ${HINT}`);
  }
}
