// Python ints made from JS numbers. `BigInt(n)` is a call into V8's C++ runtime (~15 ns), several
// times the cost of an array read, and len(), indexing and unpacking make one per call: the
// small non-negative values most of them return come from a table made once, as CPython keeps its
// small ints.
const SMALL_INT_COUNT = 1024;
const SMALL_INTS: bigint[] = [];
for (let i = 0; i < SMALL_INT_COUNT; i++) SMALL_INTS.push(BigInt(i));

/** The int with the value of `n`, an integral number (from the table when it is in 0..1023). */
export function intFromNumber(n: number): bigint {
  // true only for an integer in 0..1023: any other value changes under the mask
  return n === (n & (SMALL_INT_COUNT - 1)) ? SMALL_INTS[n] : BigInt(n);
}
