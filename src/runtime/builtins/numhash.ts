// CPython's hash() of numbers and tuples (Objects/longobject.c, floatobject.c, tupleobject.c, as
// documented under "Hashing of numeric types"): ints and floats reduced modulo the Mersenne prime
// 2**61 - 1, so equal numbers hash equal (hash(1) == hash(1.0)); a tuple combines its items'
// hashes with xxHash's lane step. The set/dict ordering (collections.ts) and hash() (functions.ts)
// both use these, so their values cannot drift apart.

const MODULUS = (1n << 61n) - 1n;
const M64 = (1n << 64n) - 1n;

/** hash(n) for an int. */
export function hashInt(n: bigint): bigint {
  const neg = n < 0n;
  let h = (neg ? -n : n) % MODULUS;
  if (neg) h = -h;
  return h === -1n ? -2n : h;
}

/** hash(x) for a float: its exact value m / 2**e reduced like an int. */
export function hashFloat(x: number): bigint {
  if (x !== x) return 0n;
  if (x === Infinity) return 314159n;
  if (x === -Infinity) return -314159n;
  if (Number.isInteger(x)) return hashInt(BigInt(x));
  let m = Math.abs(x);
  let e = 0;
  while (!Number.isInteger(m)) {
    m *= 2;
    e++;
  }
  // 2**61 == 1 (mod the modulus): dividing by 2**e is a rotation within 61 bits.
  let h = BigInt(m) % MODULUS;
  const sh = BigInt((61 - (e % 61)) % 61);
  h = ((h << sh) | (h >> (61n - sh))) & MODULUS;
  h %= MODULUS;
  if (x < 0) h = -h;
  return h === -1n ? -2n : h;
}

/** hash(t) for a tuple, from its items' hashes. */
export function hashTuple(items: ArrayLike<unknown>, itemHash: (item: unknown) => bigint): bigint {
  const P1 = 11400714785074694791n;
  const P2 = 14029467366897019727n;
  const P5 = 2870177450012600261n;
  let acc = P5;
  for (let i = 0; i < items.length; i++) {
    const lane = BigInt.asUintN(64, itemHash(items[i]));
    acc = (acc + lane * P2) & M64;
    acc = ((acc << 31n) | (acc >> 33n)) & M64;
    acc = (acc * P1) & M64;
  }
  acc = (acc + (BigInt(items.length) ^ (P5 ^ 3527539n))) & M64;
  const r = BigInt.asIntN(64, acc);
  return r === -1n ? 1546275796n : r;
}
