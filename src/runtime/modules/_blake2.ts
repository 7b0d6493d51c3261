// BLAKE2b and BLAKE2s (RFC 7693) with hashlib's digest_size, key, salt and person parameters and
// the tree-hashing ones (fanout, depth, leaf_size, node_offset, node_depth, inner_size, last_node).
// BLAKE2s works on 32-bit words; BLAKE2b's 64-bit words use BigInt (simple; fast enough for the
// short inputs programs give it).
import type { Digest } from "./_digests.js";

const SIGMA = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15],
  [14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3],
  [11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4],
  [7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8],
  [9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13],
  [2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9],
  [12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11],
  [13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10],
  [6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5],
  [10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0],
];
const IV32 = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
const IV64 = [
  "6a09e667f3bcc908",
  "bb67ae8584caa73b",
  "3c6ef372fe94f82b",
  "a54ff53a5f1d36f1",
  "510e527fade682d1",
  "9b05688c2b3e6c1f",
  "1f83d9abfb41bd6b",
  "5be0cd19137e2179",
].map((h) => BigInt("0x" + h));
const M64 = (1n << 64n) - 1n;

export interface Blake2Params {
  digestSize: number;
  key: Uint8Array;
  salt: Uint8Array;
  person: Uint8Array;
  fanout: number;
  depth: number;
  leafSize: number;
  nodeOffset: bigint;
  nodeDepth: number;
  innerSize: number;
  lastNode: boolean;
}

/**
 * The parameter block's tree fields (bytes 2..17 of BLAKE2b's, 2..15 of BLAKE2s's, whose node
 * offset is 6 bytes long); the caller sets lengths, salt and personalization.
 */
function treeParams(p: Uint8Array, params: Blake2Params, offsetBytes: 6 | 8): void {
  p[2] = params.fanout;
  p[3] = params.depth;
  for (let k = 0; k < 4; k++) p[4 + k] = (params.leafSize >>> (8 * k)) & 0xff;
  for (let k = 0; k < offsetBytes; k++) p[8 + k] = Number((params.nodeOffset >> BigInt(8 * k)) & 0xffn);
  p[8 + offsetBytes] = params.nodeDepth;
  p[9 + offsetBytes] = params.innerSize;
}

/** BLAKE2's framing: the last block is held back until digest() so it can be flagged final. */
abstract class Blake2 implements Digest {
  abstract readonly name: string;
  readonly digestSize: number;
  protected buf: Uint8Array;
  protected bufLen = 0;
  protected counter = 0;
  constructor(
    readonly blockSize: number,
    protected readonly params: Blake2Params,
  ) {
    this.digestSize = params.digestSize;
    this.buf = new Uint8Array(blockSize);
  }
  protected abstract compress(block: Uint8Array, final: boolean): void;
  protected abstract output(): Uint8Array;
  abstract copy(): Digest;

  protected start(): void {
    if (this.params.key.length > 0) {
      const block = new Uint8Array(this.blockSize);
      block.set(this.params.key);
      this.update(block);
    }
  }
  update(data: Uint8Array): void {
    for (let i = 0; i < data.length;) {
      if (this.bufLen === this.blockSize) {
        this.counter += this.blockSize;
        this.compress(this.buf, false);
        this.bufLen = 0;
      }
      const take = Math.min(this.blockSize - this.bufLen, data.length - i);
      this.buf.set(data.subarray(i, i + take), this.bufLen);
      this.bufLen += take;
      i += take;
    }
  }
  digest(): Uint8Array {
    const c = this.copy() as Blake2;
    c.counter += c.bufLen;
    c.buf.fill(0, c.bufLen);
    c.compress(c.buf, true);
    return c.output().slice(0, this.digestSize);
  }
  protected copyState(d: Blake2): void {
    d.buf.set(this.buf);
    d.bufLen = this.bufLen;
    d.counter = this.counter;
  }
}

const le32 = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24);

export class Blake2s extends Blake2 {
  readonly name = "blake2s";
  private h = new Int32Array(8);
  private v = new Int32Array(16);
  private m = new Int32Array(16);
  constructor(params: Blake2Params, fresh = true) {
    super(64, params);
    if (!fresh) return;
    const p = new Uint8Array(32);
    p[0] = params.digestSize;
    p[1] = params.key.length;
    treeParams(p, params, 6);
    p.set(params.salt, 16);
    p.set(params.person, 24);
    for (let i = 0; i < 8; i++) this.h[i] = IV32[i] ^ le32(p, i * 4);
    this.start();
  }
  protected compress(block: Uint8Array, final: boolean): void {
    const { v, m, h } = this;
    for (let i = 0; i < 16; i++) m[i] = le32(block, i * 4);
    for (let i = 0; i < 8; i++) ((v[i] = h[i]), (v[i + 8] = IV32[i]));
    v[12] ^= this.counter >>> 0;
    v[13] ^= Math.floor(this.counter / 2 ** 32);
    if (final) v[14] = ~v[14];
    if (final && this.params.lastNode) v[15] = ~v[15];
    const g = (a: number, b: number, c: number, d: number, x: number, y: number) => {
      v[a] = v[a] + v[b] + x;
      let t = v[d] ^ v[a];
      v[d] = (t >>> 16) | (t << 16);
      v[c] = v[c] + v[d];
      t = v[b] ^ v[c];
      v[b] = (t >>> 12) | (t << 20);
      v[a] = v[a] + v[b] + y;
      t = v[d] ^ v[a];
      v[d] = (t >>> 8) | (t << 24);
      v[c] = v[c] + v[d];
      t = v[b] ^ v[c];
      v[b] = (t >>> 7) | (t << 25);
    };
    for (let r = 0; r < 10; r++) {
      const s = SIGMA[r];
      g(0, 4, 8, 12, m[s[0]], m[s[1]]);
      g(1, 5, 9, 13, m[s[2]], m[s[3]]);
      g(2, 6, 10, 14, m[s[4]], m[s[5]]);
      g(3, 7, 11, 15, m[s[6]], m[s[7]]);
      g(0, 5, 10, 15, m[s[8]], m[s[9]]);
      g(1, 6, 11, 12, m[s[10]], m[s[11]]);
      g(2, 7, 8, 13, m[s[12]], m[s[13]]);
      g(3, 4, 9, 14, m[s[14]], m[s[15]]);
    }
    for (let i = 0; i < 8; i++) h[i] ^= v[i] ^ v[i + 8];
  }
  protected output(): Uint8Array {
    const out = new Uint8Array(32);
    for (let i = 0; i < 32; i++) out[i] = (this.h[i >> 2] >>> (8 * (i & 3))) & 0xff;
    return out;
  }
  copy(): Blake2s {
    const d = new Blake2s(this.params, false);
    d.h.set(this.h);
    this.copyState(d);
    return d;
  }
}

const le64 = (b: Uint8Array, i: number) => BigInt(le32(b, i) >>> 0) | (BigInt(le32(b, i + 4) >>> 0) << 32n);
const rotr64 = (x: bigint, n: bigint) => ((x >> n) | (x << (64n - n))) & M64;

export class Blake2b extends Blake2 {
  readonly name = "blake2b";
  private h: bigint[] = new Array(8).fill(0n);
  constructor(params: Blake2Params, fresh = true) {
    super(128, params);
    if (!fresh) return;
    const p = new Uint8Array(64);
    p[0] = params.digestSize;
    p[1] = params.key.length;
    treeParams(p, params, 8);
    p.set(params.salt, 32);
    p.set(params.person, 48);
    for (let i = 0; i < 8; i++) this.h[i] = IV64[i] ^ le64(p, i * 8);
    this.start();
  }
  protected compress(block: Uint8Array, final: boolean): void {
    const m = Array.from({ length: 16 }, (_, i) => le64(block, i * 8));
    const v = [...this.h, ...IV64];
    v[12] ^= BigInt(this.counter) & M64;
    v[13] ^= BigInt(this.counter) >> 64n;
    if (final) v[14] ^= M64;
    if (final && this.params.lastNode) v[15] ^= M64;
    const g = (a: number, b: number, c: number, d: number, x: bigint, y: bigint) => {
      v[a] = (v[a] + v[b] + x) & M64;
      v[d] = rotr64(v[d] ^ v[a], 32n);
      v[c] = (v[c] + v[d]) & M64;
      v[b] = rotr64(v[b] ^ v[c], 24n);
      v[a] = (v[a] + v[b] + y) & M64;
      v[d] = rotr64(v[d] ^ v[a], 16n);
      v[c] = (v[c] + v[d]) & M64;
      v[b] = rotr64(v[b] ^ v[c], 63n);
    };
    for (let r = 0; r < 12; r++) {
      const s = SIGMA[r % 10];
      g(0, 4, 8, 12, m[s[0]], m[s[1]]);
      g(1, 5, 9, 13, m[s[2]], m[s[3]]);
      g(2, 6, 10, 14, m[s[4]], m[s[5]]);
      g(3, 7, 11, 15, m[s[6]], m[s[7]]);
      g(0, 5, 10, 15, m[s[8]], m[s[9]]);
      g(1, 6, 11, 12, m[s[10]], m[s[11]]);
      g(2, 7, 8, 13, m[s[12]], m[s[13]]);
      g(3, 4, 9, 14, m[s[14]], m[s[15]]);
    }
    for (let i = 0; i < 8; i++) this.h[i] ^= v[i] ^ v[i + 8];
  }
  protected output(): Uint8Array {
    const out = new Uint8Array(64);
    for (let i = 0; i < 64; i++) out[i] = Number((this.h[i >> 3] >> BigInt(8 * (i & 7))) & 0xffn);
    return out;
  }
  copy(): Blake2b {
    const d = new Blake2b(this.params, false);
    d.h = [...this.h];
    this.copyState(d);
    return d;
  }
}
