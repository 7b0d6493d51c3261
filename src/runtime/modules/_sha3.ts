// SHA-3 and SHAKE (FIPS 202): the Keccak-f[1600] permutation over 64-bit lanes (BigInt), the
// sponge absorbing at the rate and squeezing as many bytes as asked. Written from the standard;
// the round constants and rotation offsets are generated as FIPS 202 defines them.
import type { Digest } from "./_digests.js";

const MASK = (1n << 64n) - 1n;
const rotl = (v: bigint, n: number): bigint => (n === 0 ? v : ((v << BigInt(n)) | (v >> BigInt(64 - n))) & MASK);

/** Rotation offset of each lane (index x + 5y), from the walk (x, y) -> (y, 2x + 3y). */
const ROTATIONS: number[] = (() => {
  const r = new Array<number>(25).fill(0);
  let [x, y] = [1, 0];
  for (let t = 0; t < 24; t++) {
    r[x + 5 * y] = (((t + 1) * (t + 2)) / 2) % 64;
    [x, y] = [y, (2 * x + 3 * y) % 5];
  }
  return r;
})();

/** The 24 round constants, from the degree-8 LFSR rc(t). */
const ROUND_CONSTANTS: bigint[] = (() => {
  const rc = (t: number): number => {
    let r = 1;
    for (let i = 0; i < t % 255; i++) {
      r <<= 1;
      if (r & 0x100) r ^= 0x171;
    }
    return r & 1;
  };
  const out: bigint[] = [];
  for (let round = 0; round < 24; round++) {
    let c = 0n;
    for (let j = 0; j < 7; j++) if (rc(j + 7 * round)) c |= 1n << BigInt((1 << j) - 1);
    out.push(c);
  }
  return out;
})();

function keccakF(a: bigint[]): void {
  const c = new Array<bigint>(5);
  const b = new Array<bigint>(25);
  for (const rcon of ROUND_CONSTANTS) {
    for (let x = 0; x < 5; x++) c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
    for (let x = 0; x < 5; x++) {
      const d = c[(x + 4) % 5] ^ rotl(c[(x + 1) % 5], 1);
      for (let y = 0; y < 25; y += 5) a[x + y] ^= d;
    }
    for (let x = 0; x < 5; x++) for (let y = 0; y < 5; y++) b[y + 5 * ((2 * x + 3 * y) % 5)] = rotl(a[x + 5 * y], ROTATIONS[x + 5 * y]);
    for (let y = 0; y < 25; y += 5) for (let x = 0; x < 5; x++) a[x + y] = b[x + y] ^ (~b[((x + 1) % 5) + y] & MASK & b[((x + 2) % 5) + y]);
    a[0] ^= rcon;
  }
}

/** The sponge over everything given: `outLength` bytes squeezed out. */
function sponge(data: Uint8Array, rate: number, domain: number, outLength: number): Uint8Array {
  const padded = new Uint8Array(Math.floor(data.length / rate + 1) * rate);
  padded.set(data);
  padded[data.length] ^= domain;
  padded[padded.length - 1] ^= 0x80;
  const state = new Array<bigint>(25).fill(0n);
  const lane = (bytes: Uint8Array, at: number) => {
    let v = 0n;
    for (let i = 7; i >= 0; i--) v = (v << 8n) | BigInt(bytes[at + i]);
    return v;
  };
  for (let off = 0; off < padded.length; off += rate) {
    for (let i = 0; i < rate / 8; i++) state[i] ^= lane(padded, off + 8 * i);
    keccakF(state);
  }
  const out = new Uint8Array(outLength);
  for (let done = 0; ;) {
    for (let i = 0; i < rate && done < outLength; i++, done++) out[done] = Number((state[i >> 3] >> BigInt(8 * (i & 7))) & 0xffn);
    if (done >= outLength) return out;
    keccakF(state);
  }
}

/** sha3_224/256/384/512 (digestSize in bytes), or shake_128/256 (digestSize 0: the length is asked for). */
export class Sha3 implements Digest {
  private chunks: Uint8Array[] = [];
  readonly blockSize: number;
  constructor(
    readonly name: string,
    readonly digestSize: number,
    private readonly security: number,
  ) {
    this.blockSize = 200 - 2 * security;
  }
  update(data: Uint8Array): void {
    this.chunks.push(data.slice());
  }
  private all(): Uint8Array {
    const total = new Uint8Array(this.chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const c of this.chunks) {
      total.set(c, at);
      at += c.length;
    }
    return total;
  }
  digest(): Uint8Array {
    return sponge(this.all(), this.blockSize, 0x06, this.digestSize);
  }
  /** SHAKE's output of `length` bytes. */
  squeeze(length: number): Uint8Array {
    return sponge(this.all(), this.blockSize, 0x1f, length);
  }
  copy(): Sha3 {
    const c = new Sha3(this.name, this.digestSize, this.security);
    c.chunks = [...this.chunks];
    return c;
  }
}
