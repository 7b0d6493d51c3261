// Python ints made from JS numbers (lengths, sizes, counts). V8 compiles `BigInt(n)` inline when it
// knows n is a 32-bit integer, and calls its C++ runtime (~15 ns more) for any other number: a
// length read from an array or a typed array is not known to be one, so len() paid that per call.
// `n | 0` tells it, for the values where that is exact.

/** The int with the value of `n`, an integral number. */
export function intFromNumber(n: number): bigint {
  return n === (n | 0) ? BigInt(n | 0) : BigInt(n);
}
