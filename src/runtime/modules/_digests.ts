// Message digests for hashlib and hmac, written from their specifications: MD5 (RFC 1321),
// SHA-1 and SHA-2 (FIPS 180-4). Each is a streaming object (update, digest, copy); 64-bit SHA-512
// arithmetic is done on pairs of 32-bit halves, which V8 runs much faster than BigInt.

export interface Digest {
  readonly name: string;
  readonly digestSize: number;
  readonly blockSize: number;
  update(data: Uint8Array): void;
  /** The digest of everything so far (the object stays usable). */
  digest(): Uint8Array;
  copy(): Digest;
}

/** Merkle–Damgård framing: buffering into blocks, then padding with the bit length at the end. */
abstract class BlockDigest implements Digest {
  abstract readonly name: string;
  abstract readonly digestSize: number;
  protected buf: Uint8Array;
  protected bufLen = 0;
  protected total = 0;
  constructor(
    readonly blockSize: number,
    private readonly lengthBytes: number,
    private readonly littleEndianLength: boolean,
  ) {
    this.buf = new Uint8Array(blockSize);
  }
  protected abstract compress(block: Uint8Array, off: number): void;
  protected abstract output(): Uint8Array;
  protected abstract clone(): BlockDigest;

  update(data: Uint8Array): void {
    const bs = this.blockSize;
    let i = 0;
    const n = data.length;
    this.total += n;
    if (this.bufLen > 0) {
      const take = Math.min(bs - this.bufLen, n);
      this.buf.set(data.subarray(0, take), this.bufLen);
      this.bufLen += take;
      i = take;
      if (this.bufLen < bs) return;
      this.compress(this.buf, 0);
      this.bufLen = 0;
    }
    for (; i + bs <= n; i += bs) this.compress(data, i);
    if (i < n) {
      this.buf.set(data.subarray(i), 0);
      this.bufLen = n - i;
    }
  }
  digest(): Uint8Array {
    const c = this.clone();
    const bs = c.blockSize;
    const bits = c.total * 8;
    const pad = new Uint8Array((((c.bufLen + 1 + c.lengthBytes + bs - 1) / bs) | 0) * bs - c.bufLen);
    pad[0] = 0x80;
    const hi = Math.floor(bits / 2 ** 32);
    const lo = bits >>> 0;
    const end = pad.length;
    if (c.littleEndianLength) {
      for (let k = 0; k < 4; k++) pad[end - c.lengthBytes + k] = (lo >>> (8 * k)) & 0xff;
      for (let k = 0; k < 4; k++) pad[end - c.lengthBytes + 4 + k] = (hi >>> (8 * k)) & 0xff;
    } else {
      for (let k = 0; k < 4; k++) pad[end - 1 - k] = (lo >>> (8 * k)) & 0xff;
      for (let k = 0; k < 4; k++) pad[end - 5 - k] = (hi >>> (8 * k)) & 0xff;
    }
    c.update(pad);
    return c.output().slice(0, this.digestSize);
  }
  copy(): Digest {
    return this.clone();
  }
  protected copyInto<T extends BlockDigest>(d: T): T {
    d.buf.set(this.buf);
    d.bufLen = this.bufLen;
    d.total = this.total;
    return d;
  }
}

function wordsOut(h: Int32Array | Uint32Array, bigEndian: boolean): Uint8Array {
  const out = new Uint8Array(h.length * 4);
  for (let i = 0; i < h.length; i++) {
    const w = h[i];
    for (let k = 0; k < 4; k++) out[i * 4 + (bigEndian ? 3 - k : k)] = (w >>> (8 * k)) & 0xff;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// MD5

const MD5_S = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];
const MD5_K = Int32Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) | 0);

export class MD5 extends BlockDigest {
  readonly name = "md5";
  readonly digestSize = 16;
  private h = Int32Array.of(0x67452301, 0xefcdab89 | 0, 0x98badcfe | 0, 0x10325476);
  private w = new Int32Array(16);
  constructor() {
    super(64, 8, true);
  }
  protected compress(b: Uint8Array, off: number): void {
    const w = this.w;
    for (let i = 0; i < 16; i++) w[i] = b[off + i * 4] | (b[off + i * 4 + 1] << 8) | (b[off + i * 4 + 2] << 16) | (b[off + i * 4 + 3] << 24);
    let a = this.h[0],
      bb = this.h[1],
      c = this.h[2],
      d = this.h[3];
    for (let i = 0; i < 64; i++) {
      let f: number;
      let g: number;
      if (i < 16) ((f = (bb & c) | (~bb & d)), (g = i));
      else if (i < 32) ((f = (d & bb) | (~d & c)), (g = (5 * i + 1) & 15));
      else if (i < 48) ((f = bb ^ c ^ d), (g = (3 * i + 5) & 15));
      else ((f = c ^ (bb | ~d)), (g = (7 * i) & 15));
      const s = MD5_S[(i >> 4) * 4 + (i & 3)];
      const t = (a + f + MD5_K[i] + w[g]) | 0;
      a = d;
      d = c;
      c = bb;
      bb = (bb + ((t << s) | (t >>> (32 - s)))) | 0;
    }
    this.h[0] += a;
    this.h[1] += bb;
    this.h[2] += c;
    this.h[3] += d;
  }
  protected output(): Uint8Array {
    return wordsOut(this.h, false);
  }
  protected clone(): MD5 {
    const d = this.copyInto(new MD5());
    d.h.set(this.h);
    return d;
  }
}

// ---------------------------------------------------------------------------------------------
// SHA-1

export class SHA1 extends BlockDigest {
  readonly name = "sha1";
  readonly digestSize = 20;
  private h = Int32Array.of(0x67452301, 0xefcdab89 | 0, 0x98badcfe | 0, 0x10325476, 0xc3d2e1f0 | 0);
  private w = new Int32Array(80);
  constructor() {
    super(64, 8, false);
  }
  protected compress(b: Uint8Array, off: number): void {
    const w = this.w;
    for (let i = 0; i < 16; i++) w[i] = (b[off + i * 4] << 24) | (b[off + i * 4 + 1] << 16) | (b[off + i * 4 + 2] << 8) | b[off + i * 4 + 3];
    for (let i = 16; i < 80; i++) {
      const x = w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16];
      w[i] = (x << 1) | (x >>> 31);
    }
    let a = this.h[0],
      bb = this.h[1],
      c = this.h[2],
      d = this.h[3],
      e = this.h[4];
    for (let i = 0; i < 80; i++) {
      let f: number;
      let k: number;
      if (i < 20) ((f = (bb & c) | (~bb & d)), (k = 0x5a827999));
      else if (i < 40) ((f = bb ^ c ^ d), (k = 0x6ed9eba1));
      else if (i < 60) ((f = (bb & c) | (bb & d) | (c & d)), (k = 0x8f1bbcdc | 0));
      else ((f = bb ^ c ^ d), (k = 0xca62c1d6 | 0));
      const t = (((a << 5) | (a >>> 27)) + f + e + k + w[i]) | 0;
      e = d;
      d = c;
      c = (bb << 30) | (bb >>> 2);
      bb = a;
      a = t;
    }
    this.h[0] += a;
    this.h[1] += bb;
    this.h[2] += c;
    this.h[3] += d;
    this.h[4] += e;
  }
  protected output(): Uint8Array {
    return wordsOut(this.h, true);
  }
  protected clone(): SHA1 {
    const d = this.copyInto(new SHA1());
    d.h.set(this.h);
    return d;
  }
}

// ---------------------------------------------------------------------------------------------
// SHA-256 / SHA-224

const K256 = Int32Array.from([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74,
  0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d,
  0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e,
  0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5,
  0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

export class SHA256 extends BlockDigest {
  readonly name: string;
  readonly digestSize: number;
  private h: Int32Array;
  private w = new Int32Array(64);
  constructor(is224 = false) {
    super(64, 8, false);
    this.name = is224 ? "sha224" : "sha256";
    this.digestSize = is224 ? 28 : 32;
    this.h = is224
      ? Int32Array.from([0xc1059ed8, 0x367cd507, 0x3070dd17, 0xf70e5939, 0xffc00b31, 0x68581511, 0x64f98fa7, 0xbefa4fa4])
      : Int32Array.from([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  }
  protected compress(b: Uint8Array, off: number): void {
    const w = this.w;
    for (let i = 0; i < 16; i++) w[i] = (b[off + i * 4] << 24) | (b[off + i * 4 + 1] << 16) | (b[off + i * 4 + 2] << 8) | b[off + i * 4 + 3];
    for (let i = 16; i < 64; i++) {
      const x = w[i - 15];
      const y = w[i - 2];
      const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
      const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
      w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0;
    }
    const h = this.h;
    let a = h[0],
      bb = h[1],
      c = h[2],
      d = h[3],
      e = h[4],
      f = h[5],
      g = h[6],
      hh = h[7];
    for (let i = 0; i < 64; i++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const ch = (e & f) ^ (~e & g);
      const t1 = (hh + S1 + ch + K256[i] + w[i]) | 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const maj = (a & bb) ^ (a & c) ^ (bb & c);
      const t2 = (S0 + maj) | 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = bb;
      bb = a;
      a = (t1 + t2) | 0;
    }
    h[0] += a;
    h[1] += bb;
    h[2] += c;
    h[3] += d;
    h[4] += e;
    h[5] += f;
    h[6] += g;
    h[7] += hh;
  }
  protected output(): Uint8Array {
    return wordsOut(this.h, true);
  }
  protected clone(): SHA256 {
    const d = this.copyInto(new SHA256(this.digestSize === 28));
    d.h.set(this.h);
    return d;
  }
}

// ---------------------------------------------------------------------------------------------
// SHA-512 / SHA-384 (64-bit words as hi/lo 32-bit pairs)

const K512 = Int32Array.from(
  [
    "428a2f98d728ae22",
    "7137449123ef65cd",
    "b5c0fbcfec4d3b2f",
    "e9b5dba58189dbbc",
    "3956c25bf348b538",
    "59f111f1b605d019",
    "923f82a4af194f9b",
    "ab1c5ed5da6d8118",
    "d807aa98a3030242",
    "12835b0145706fbe",
    "243185be4ee4b28c",
    "550c7dc3d5ffb4e2",
    "72be5d74f27b896f",
    "80deb1fe3b1696b1",
    "9bdc06a725c71235",
    "c19bf174cf692694",
    "e49b69c19ef14ad2",
    "efbe4786384f25e3",
    "0fc19dc68b8cd5b5",
    "240ca1cc77ac9c65",
    "2de92c6f592b0275",
    "4a7484aa6ea6e483",
    "5cb0a9dcbd41fbd4",
    "76f988da831153b5",
    "983e5152ee66dfab",
    "a831c66d2db43210",
    "b00327c898fb213f",
    "bf597fc7beef0ee4",
    "c6e00bf33da88fc2",
    "d5a79147930aa725",
    "06ca6351e003826f",
    "142929670a0e6e70",
    "27b70a8546d22ffc",
    "2e1b21385c26c926",
    "4d2c6dfc5ac42aed",
    "53380d139d95b3df",
    "650a73548baf63de",
    "766a0abb3c77b2a8",
    "81c2c92e47edaee6",
    "92722c851482353b",
    "a2bfe8a14cf10364",
    "a81a664bbc423001",
    "c24b8b70d0f89791",
    "c76c51a30654be30",
    "d192e819d6ef5218",
    "d69906245565a910",
    "f40e35855771202a",
    "106aa07032bbd1b8",
    "19a4c116b8d2d0c8",
    "1e376c085141ab53",
    "2748774cdf8eeb99",
    "34b0bcb5e19b48a8",
    "391c0cb3c5c95a63",
    "4ed8aa4ae3418acb",
    "5b9cca4f7763e373",
    "682e6ff3d6b2b8a3",
    "748f82ee5defb2fc",
    "78a5636f43172f60",
    "84c87814a1f0ab72",
    "8cc702081a6439ec",
    "90befffa23631e28",
    "a4506cebde82bde9",
    "bef9a3f7b2c67915",
    "c67178f2e372532b",
    "ca273eceea26619c",
    "d186b8c721c0c207",
    "eada7dd6cde0eb1e",
    "f57d4f7fee6ed178",
    "06f067aa72176fba",
    "0a637dc5a2c898a6",
    "113f9804bef90dae",
    "1b710b35131c471b",
    "28db77f523047d84",
    "32caab7b40c72493",
    "3c9ebe0a15c9bebc",
    "431d67c49c100d4c",
    "4cc5d4becb3e42b6",
    "597f299cfc657e2a",
    "5fcb6fab3ad6faec",
    "6c44198c4a475817",
  ].flatMap((h) => [parseInt(h.slice(0, 8), 16) | 0, parseInt(h.slice(8), 16) | 0]),
);

const IV512 = [
  "6a09e667f3bcc908",
  "bb67ae8584caa73b",
  "3c6ef372fe94f82b",
  "a54ff53a5f1d36f1",
  "510e527fade682d1",
  "9b05688c2b3e6c1f",
  "1f83d9abfb41bd6b",
  "5be0cd19137e2179",
];
const IV384 = [
  "cbbb9d5dc1059ed8",
  "629a292a367cd507",
  "9159015a3070dd17",
  "152fecd8f70e5939",
  "67332667ffc00b31",
  "8eb44a8768581511",
  "db0c2e0d64f98fa7",
  "47b5481dbefa4fa4",
];
const pairs = (hex: string[]) => Int32Array.from(hex.flatMap((h) => [parseInt(h.slice(0, 8), 16) | 0, parseInt(h.slice(8), 16) | 0]));

export class SHA512 extends BlockDigest {
  readonly name: string;
  readonly digestSize: number;
  private h: Int32Array;
  private w = new Int32Array(160);
  constructor(is384 = false) {
    super(128, 16, false);
    this.name = is384 ? "sha384" : "sha512";
    this.digestSize = is384 ? 48 : 64;
    this.h = pairs(is384 ? IV384 : IV512);
  }
  protected compress(b: Uint8Array, off: number): void {
    const w = this.w;
    for (let i = 0; i < 32; i++) w[i] = (b[off + i * 4] << 24) | (b[off + i * 4 + 1] << 16) | (b[off + i * 4 + 2] << 8) | b[off + i * 4 + 3];
    for (let i = 16; i < 80; i++) {
      // σ0 = rotr1 ^ rotr8 ^ shr7 ; σ1 = rotr19 ^ rotr61 ^ shr6
      const xh = w[(i - 15) * 2],
        xl = w[(i - 15) * 2 + 1];
      const s0h = ((xh >>> 1) | (xl << 31)) ^ ((xh >>> 8) | (xl << 24)) ^ (xh >>> 7);
      const s0l = ((xl >>> 1) | (xh << 31)) ^ ((xl >>> 8) | (xh << 24)) ^ ((xl >>> 7) | (xh << 25));
      const yh = w[(i - 2) * 2],
        yl = w[(i - 2) * 2 + 1];
      const s1h = ((yh >>> 19) | (yl << 13)) ^ ((yl >>> 29) | (yh << 3)) ^ (yh >>> 6);
      const s1l = ((yl >>> 19) | (yh << 13)) ^ ((yh >>> 29) | (yl << 3)) ^ ((yl >>> 6) | (yh << 26));
      let lo = (w[(i - 16) * 2 + 1] >>> 0) + (s0l >>> 0) + (w[(i - 7) * 2 + 1] >>> 0) + (s1l >>> 0);
      const hi = w[(i - 16) * 2] + s0h + w[(i - 7) * 2] + s1h + ((lo / 0x100000000) | 0);
      lo = lo >>> 0;
      w[i * 2] = hi | 0;
      w[i * 2 + 1] = lo | 0;
    }
    const H = this.h;
    let ah = H[0],
      al = H[1],
      bh = H[2],
      bl = H[3],
      ch = H[4],
      cl = H[5],
      dh = H[6],
      dl = H[7];
    let eh = H[8],
      el = H[9],
      fh = H[10],
      fl = H[11],
      gh = H[12],
      gl = H[13],
      hh = H[14],
      hl = H[15];
    for (let i = 0; i < 80; i++) {
      // Σ1(e) = rotr14 ^ rotr18 ^ rotr41
      const S1h = ((eh >>> 14) | (el << 18)) ^ ((eh >>> 18) | (el << 14)) ^ ((el >>> 9) | (eh << 23));
      const S1l = ((el >>> 14) | (eh << 18)) ^ ((el >>> 18) | (eh << 14)) ^ ((eh >>> 9) | (el << 23));
      const chh = (eh & fh) ^ (~eh & gh);
      const chl = (el & fl) ^ (~el & gl);
      let t1l = (hl >>> 0) + (S1l >>> 0) + (chl >>> 0) + (K512[i * 2 + 1] >>> 0) + (w[i * 2 + 1] >>> 0);
      let t1h = hh + S1h + chh + K512[i * 2] + w[i * 2] + ((t1l / 0x100000000) | 0);
      t1l >>>= 0;
      t1h |= 0;
      // Σ0(a) = rotr28 ^ rotr34 ^ rotr39
      const S0h = ((ah >>> 28) | (al << 4)) ^ ((al >>> 2) | (ah << 30)) ^ ((al >>> 7) | (ah << 25));
      const S0l = ((al >>> 28) | (ah << 4)) ^ ((ah >>> 2) | (al << 30)) ^ ((ah >>> 7) | (al << 25));
      const majh = (ah & bh) ^ (ah & ch) ^ (bh & ch);
      const majl = (al & bl) ^ (al & cl) ^ (bl & cl);
      const t2l = (S0l >>> 0) + (majl >>> 0);
      const t2h = S0h + majh + ((t2l / 0x100000000) | 0);
      hh = gh;
      hl = gl;
      gh = fh;
      gl = fl;
      fh = eh;
      fl = el;
      const el2 = (dl >>> 0) + t1l;
      eh = (dh + t1h + ((el2 / 0x100000000) | 0)) | 0;
      el = el2 | 0;
      dh = ch;
      dl = cl;
      ch = bh;
      cl = bl;
      bh = ah;
      bl = al;
      const al2 = t1l + (t2l >>> 0);
      ah = (t1h + t2h + ((al2 / 0x100000000) | 0)) | 0;
      al = al2 | 0;
    }
    const add = (k: number, h: number, l: number) => {
      const lo = (H[k + 1] >>> 0) + (l >>> 0);
      H[k] = (H[k] + h + ((lo / 0x100000000) | 0)) | 0;
      H[k + 1] = lo | 0;
    };
    add(0, ah, al);
    add(2, bh, bl);
    add(4, ch, cl);
    add(6, dh, dl);
    add(8, eh, el);
    add(10, fh, fl);
    add(12, gh, gl);
    add(14, hh, hl);
  }
  protected output(): Uint8Array {
    return wordsOut(this.h, true);
  }
  protected clone(): SHA512 {
    const d = this.copyInto(new SHA512(this.digestSize === 48));
    d.h.set(this.h);
    return d;
  }
}

/** One-shot SHA-512 (random.seed of str/bytes uses it). */
export function sha512(data: Uint8Array): Uint8Array {
  const h = new SHA512();
  h.update(data);
  return h.digest();
}
