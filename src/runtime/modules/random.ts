// random: CPython's Mersenne Twister (MT19937) and the Random methods built on it.
import { IndexError, TypeError, ValueError, NotImplementedError } from "../builtins/exceptions.js";
import { PyList, PyTuple, PySetBase, PyDict } from "../builtins/collections.js";
import { popKw, PyObject, KwArgs } from "../builtins/object.js";
import { getitem, index as toIndex, typeName, toIterable, call, truthy, setitem } from "../builtins/ops.js";
import { len as pylen, hash as pyhash } from "../builtins/functions.js";
import { host } from "../host.js";
import { sha512 } from "./_digests.js";
import { PyBytes, bytesData } from "../builtins/bytes.js";
import * as libm from "../builtins/libm.js";

const N = 624;
const M = 397;

const TWOPI = 2.0 * Math.PI;
const LOG4 = libm.log(4.0);
const SG_MAGICCONST = 1.0 + libm.log(4.5);
const NV_MAGICCONST = (4 * libm.exp(-0.5)) / Math.sqrt(2.0);

function bitLength(n: bigint): number {
  return n === 0n ? 0 : n.toString(2).length;
}

export class Random extends PyObject {
  declare mt: Uint32Array;
  declare mti: number;
  declare gauss_next: number | null;

  __init__(x: unknown = null): void {
    this.mt = new Uint32Array(N);
    this.mti = N + 1;
    this.gauss_next = null;
    this.seed(x);
  }

  private init_genrand(s: number): void {
    const mt = this.mt;
    mt[0] = s >>> 0;
    for (let i = 1; i < N; i++) {
      const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = (Math.imul(1812433253, prev) + i) >>> 0;
    }
    this.mti = N;
  }

  private init_by_array(key: number[]): void {
    this.init_genrand(19650218);
    const mt = this.mt;
    let i = 1;
    let j = 0;
    const klen = key.length;
    for (let k = N > klen ? N : klen; k > 0; k--) {
      const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = ((mt[i] ^ Math.imul(prev, 1664525)) + key[j] + j) >>> 0;
      i++;
      j++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
      if (j >= klen) j = 0;
    }
    for (let k = N - 1; k > 0; k--) {
      const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = ((mt[i] ^ Math.imul(prev, 1566083941)) - i) >>> 0;
      i++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
    }
    mt[0] = 0x80000000;
  }

  /** next 32-bit output */
  genrand_uint32(): number {
    const mt = this.mt;
    let y: number;
    if (this.mti >= N) {
      if (this.mti === N + 1) this.init_genrand(5489);
      let kk = 0;
      for (; kk < N - M; kk++) {
        y = (mt[kk] & 0x80000000) | (mt[kk + 1] & 0x7fffffff);
        mt[kk] = mt[kk + M] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
      }
      for (; kk < N - 1; kk++) {
        y = (mt[kk] & 0x80000000) | (mt[kk + 1] & 0x7fffffff);
        mt[kk] = mt[kk + (M - N)] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
      }
      y = (mt[N - 1] & 0x80000000) | (mt[0] & 0x7fffffff);
      mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
      this.mti = 0;
    }
    y = mt[this.mti++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  seed(a: unknown = null, version: unknown = 2n): null {
    if (a instanceof KwArgs) a = a.kw.a ?? null;
    if (version instanceof KwArgs) version = version.kw.version ?? 2n;
    let n: bigint;
    if (a === null || a === undefined) {
      const b = new Uint8Array(2496);
      (host.randomBytes ?? ((x: Uint8Array) => x.forEach((_, i) => (x[i] = Math.floor(Math.random() * 256)))))(b);
      const key: number[] = [];
      for (let i = 0; i < b.length; i += 4) key.push((b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0);
      this.init_by_array(key);
      this.gauss_next = null;
      return null;
    }
    if (typeof a === "bigint") n = a;
    else if (typeof a === "boolean") n = a ? 1n : 0n;
    else if (typeof a === "number") n = pyhash(a);
    else if (typeof a === "string" || bytesData(a) !== null) {
      const bytes = typeof a === "string" ? new TextEncoder().encode(a) : bytesData(a)!;
      if (version === 2n || version === 2) {
        const all = new Uint8Array(bytes.length + 64);
        all.set(bytes);
        all.set(sha512(bytes), bytes.length);
        n = 0n;
        for (const x of all) n = (n << 8n) | BigInt(x);
      } else {
        n = BigInt(pyhash(a));
      }
    } else {
      throw new TypeError("The only supported seed types are: None,\nint, float, str, bytes, and bytearray.");
    }
    if (n < 0n) n = -n;
    const key: number[] = [];
    while (n > 0n) {
      key.push(Number(n & 0xffffffffn));
      n >>= 32n;
    }
    if (key.length === 0) key.push(0);
    this.init_by_array(key);
    this.gauss_next = null;
    return null;
  }

  random(): number {
    const a = this.genrand_uint32() >>> 5;
    const b = this.genrand_uint32() >>> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
  }

  getrandbits(k: unknown): bigint {
    const kk = Number(toIndex(k));
    if (kk < 0) throw new ValueError("number of bits must be non-negative");
    if (kk === 0) return 0n;
    if (kk <= 32) return BigInt(this.genrand_uint32() >>> (32 - kk));
    let r = 0n;
    let shift = 0n;
    for (let left = kk; left > 0; left -= 32) {
      let w = this.genrand_uint32();
      if (left < 32) w >>>= 32 - left;
      r |= BigInt(w) << shift;
      shift += 32n;
    }
    return r;
  }

  _randbelow(n: bigint): bigint {
    if (n <= 0n) return 0n;
    const k = bitLength(n);
    if (k <= 32) {
      const nn = Number(n);
      let r = this.genrand_uint32() >>> (32 - k);
      while (r >= nn) r = this.genrand_uint32() >>> (32 - k);
      return BigInt(r);
    }
    let r = this.getrandbits(BigInt(k));
    while (r >= n) r = this.getrandbits(BigInt(k));
    return r;
  }

  randrange(start: unknown, stop: unknown = null, step: unknown = 1n): bigint {
    const istart = toIndex(start);
    if (stop === null || stop === undefined) {
      if (step !== 1n && step !== null) throw new TypeError("Missing a non-None stop argument");
      if (istart > 0n) return this._randbelow(istart);
      throw new ValueError("empty range for randrange()");
    }
    const istop = toIndex(stop);
    const width = istop - istart;
    const istep = toIndex(step);
    if (istep === 1n) {
      if (width > 0n) return istart + this._randbelow(width);
      throw new ValueError(`empty range in randrange(${istart}, ${istop})`);
    }
    let n: bigint;
    if (istep > 0n) n = (width + istep - 1n) / istep;
    else if (istep < 0n) n = (width + istep + 1n) / istep;
    else throw new ValueError("zero step for randrange()");
    // Python floor division semantics (both operands' signs matter)
    const num = istep > 0n ? width + istep - 1n : width + istep + 1n;
    n = num / istep;
    if (num % istep !== 0n && num < 0n !== istep < 0n) n -= 1n;
    if (n <= 0n) throw new ValueError("empty range for randrange()");
    return istart + istep * this._randbelow(n);
  }

  randint(a: unknown, b: unknown): bigint {
    return this.randrange(a, toIndex(b) + 1n);
  }

  choice<T>(seq: ArrayLike<T> | unknown): T {
    const n = pylen(seq);
    if (n === 0n) throw new IndexError("Cannot choose from an empty sequence");
    return getitem(seq, this._randbelow(n)) as T;
  }

  shuffle(x: unknown): null {
    const n = Number(pylen(x));
    if (x instanceof Array) {
      for (let i = n - 1; i > 0; i--) {
        const j = Number(this._randbelow(BigInt(i + 1)));
        const t = x[i];
        x[i] = x[j];
        x[j] = t;
      }
      return null;
    }
    for (let i = n - 1; i > 0; i--) {
      const j = this._randbelow(BigInt(i + 1));
      const a = getitem(x, BigInt(i));
      const b = getitem(x, j);
      setitem(x, BigInt(i), b);
      setitem(x, j, a);
    }
    return null;
  }

  sample(population: unknown, ...rest: unknown[]): PyList<unknown> {
    const kw = popKw(rest);
    let k: unknown = rest.length > 0 ? rest[0] : kw?.k;
    const counts = kw?.counts ?? null;
    if (population instanceof PySetBase || population instanceof PyDict || typeof population === "function") {
      throw new TypeError("Population must be a sequence.  For dicts or sets, use sorted(d).");
    }
    if (k === undefined) throw new TypeError("Random.sample() missing 1 required positional argument: 'k'");
    const n = Number(pylen(population));
    if (counts !== null) {
      const cum: bigint[] = [];
      let tot = 0n;
      for (const c of toIterable(counts)) {
        tot += toIndex(c);
        cum.push(tot);
      }
      if (cum.length !== n) throw new ValueError("The number of counts does not match the population");
      const selections = this.sample(PyRangeLike(tot), k);
      return PyList.fromArray(
        selections.map((s) => {
          const sv = s as bigint;
          let lo = 0;
          let hi = cum.length;
          while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (sv < cum[mid]) hi = mid;
            else lo = mid + 1;
          }
          return getitem(population, BigInt(lo));
        }),
      );
    }
    const kk = Number(toIndex(k));
    if (kk < 0 || kk > n) throw new ValueError("Sample larger than population or is negative");
    const result = new PyList<unknown>();
    let setsize = 21;
    if (kk > 5) setsize += 4 ** Math.ceil(libm.log(kk * 3) / libm.log(4));
    if (n <= setsize) {
      const pool = population instanceof Array ? population.slice() : Array.from(toIterable(population));
      for (let i = 0; i < kk; i++) {
        const j = Number(this._randbelow(BigInt(n - i)));
        result.push(pool[j]);
        pool[j] = pool[n - i - 1];
      }
    } else {
      const selected = new Set<number>();
      for (let i = 0; i < kk; i++) {
        let j = Number(this._randbelow(BigInt(n)));
        while (selected.has(j)) j = Number(this._randbelow(BigInt(n)));
        selected.add(j);
        result.push(getitem(population, BigInt(j)));
      }
    }
    return result;
  }

  choices(population: unknown, ...rest: unknown[]): PyList<unknown> {
    const kw = popKw(rest);
    let weights: unknown = rest.length > 0 ? rest[0] : (kw?.weights ?? null);
    let cum: unknown = kw?.cum_weights ?? null;
    const k = Number(toIndex(kw?.k ?? (rest.length > 1 ? rest[1] : 1n)));
    const n = Number(pylen(population));
    const out = new PyList<unknown>();
    if (cum === null) {
      if (weights === null) {
        for (let i = 0; i < k; i++) out.push(getitem(population, BigInt(Math.floor(this.random() * n))));
        return out;
      }
      const c: number[] = [];
      let t: any = 0;
      for (const w of toIterable(weights)) {
        t = typeof t === "bigint" && typeof w === "bigint" ? t + w : Number(t) + Number(w);
        c.push(Number(t));
      }
      cum = c;
    } else if (weights !== null) {
      throw new TypeError("Cannot specify both weights and cumulative weights");
    }
    const cw = Array.from(toIterable(cum), (x) => Number(x));
    if (cw.length !== n) throw new ValueError("The number of weights does not match the population");
    const total = cw[cw.length - 1] + 0.0;
    if (total <= 0.0) throw new ValueError("Total of weights must be greater than zero");
    if (!Number.isFinite(total)) throw new ValueError("Total of weights must be finite");
    const hi = n - 1;
    for (let i = 0; i < k; i++) {
      const x = this.random() * total;
      let lo = 0;
      let h = hi;
      while (lo < h) {
        const mid = (lo + h) >> 1;
        if (x < cw[mid]) h = mid;
        else lo = mid + 1;
      }
      out.push(getitem(population, BigInt(lo)));
    }
    return out;
  }

  uniform(a: unknown, b: unknown): number {
    const x = Number(a);
    const y = Number(b);
    return x + (y - x) * this.random();
  }

  triangular(low: unknown = 0.0, high: unknown = 1.0, mode: unknown = null): number {
    let lo = Number(low);
    let hi = Number(high);
    const u0 = this.random();
    let u = u0;
    let c: number;
    try {
      c = mode === null || mode === undefined ? 0.5 : (Number(mode) - lo) / (hi - lo);
    } catch {
      return lo;
    }
    if (hi === lo) return lo;
    if (u > c) {
      u = 1.0 - u;
      c = 1.0 - c;
      [lo, hi] = [hi, lo];
    }
    return lo + (hi - lo) * Math.sqrt(u * c);
  }

  gauss(mu: unknown = 0.0, sigma: unknown = 1.0): number {
    let z = this.gauss_next;
    this.gauss_next = null;
    if (z === null) {
      const x2pi = this.random() * TWOPI;
      const g2rad = Math.sqrt(-2.0 * libm.log(1.0 - this.random()));
      z = libm.cos(x2pi) * g2rad;
      this.gauss_next = libm.sin(x2pi) * g2rad;
    }
    return Number(mu) + z * Number(sigma);
  }

  normalvariate(mu: unknown = 0.0, sigma: unknown = 1.0): number {
    let z: number;
    for (;;) {
      const u1 = this.random();
      const u2 = 1.0 - this.random();
      z = (NV_MAGICCONST * (u1 - 0.5)) / u2;
      const zz = (z * z) / 4.0;
      if (zz <= -libm.log(u2)) break;
    }
    return Number(mu) + z * Number(sigma);
  }

  lognormvariate(mu: unknown, sigma: unknown): number {
    return libm.exp(this.normalvariate(mu, sigma));
  }

  expovariate(lambd: unknown = 1.0): number {
    return -libm.log(1.0 - this.random()) / Number(lambd);
  }

  gammavariate(alpha: unknown, beta: unknown): number {
    const a = Number(alpha);
    const b = Number(beta);
    if (a <= 0.0 || b <= 0.0) throw new ValueError("gammavariate: alpha and beta must be > 0.0");
    if (a > 1.0) {
      const ainv = Math.sqrt(2.0 * a - 1.0);
      const bbb = a - LOG4;
      const ccc = a + ainv;
      for (;;) {
        const u1 = this.random();
        if (!(1e-7 < u1 && u1 < 0.9999999)) continue;
        const u2 = 1.0 - this.random();
        const v = libm.log(u1 / (1.0 - u1)) / ainv;
        const x = a * libm.exp(v);
        const z = u1 * u1 * u2;
        const r = bbb + ccc * v - x;
        if (r + SG_MAGICCONST - 4.5 * z >= 0.0 || r >= libm.log(z)) return x * b;
      }
    }
    if (a === 1.0) return -libm.log(1.0 - this.random()) * b;
    let x: number;
    for (;;) {
      const u = this.random();
      const bb = (Math.E + a) / Math.E;
      const p = bb * u;
      if (p <= 1.0) x = libm.pow(p, 1.0 / a);
      else x = -libm.log((bb - p) / a);
      const u1 = this.random();
      if (p > 1.0) {
        if (u1 <= libm.pow(x, a - 1.0)) break;
      } else if (u1 <= libm.exp(-x)) break;
    }
    return x * b;
  }

  betavariate(alpha: unknown, beta: unknown): number {
    const y = this.gammavariate(alpha, 1.0);
    if (y) return y / (y + this.gammavariate(beta, 1.0));
    return 0.0;
  }

  paretovariate(alpha: unknown): number {
    const u = 1.0 - this.random();
    return libm.pow(u, -1.0 / Number(alpha));
  }

  weibullvariate(alpha: unknown, beta: unknown): number {
    const u = 1.0 - this.random();
    return Number(alpha) * libm.pow(-libm.log(u), 1.0 / Number(beta));
  }

  randbytes(n: unknown): PyBytes {
    const k = Number(toIndex(n));
    const v = this.getrandbits(BigInt(k * 8));
    const out = new PyBytes(k);
    for (let i = 0; i < k; i++) out[i] = Number((v >> BigInt(8 * i)) & 0xffn);
    return out;
  }

  getstate(): PyTuple<unknown> {
    const st = PyTuple.fromArray<unknown>([...Array.from(this.mt, (x) => BigInt(x)), BigInt(this.mti)]);
    return PyTuple.of<unknown>(3n, st, this.gauss_next);
  }

  setstate(state: unknown): null {
    const s = state as unknown[];
    const st = s[1] as bigint[];
    for (let i = 0; i < N; i++) this.mt[i] = Number(st[i]);
    this.mti = Number(st[N]);
    this.gauss_next = (s[2] as number | null) ?? null;
    return null;
  }
  static __module__ = "random";
}

function PyRangeLike(n: bigint): ArrayLike<bigint> & { length: number } {
  return new Proxy([] as bigint[], {
    get(t, p) {
      if (p === "length") return Number(n);
      if (typeof p === "string" && /^\d+$/.test(p)) return BigInt(p);
      return (t as unknown as Record<string | symbol, unknown>)[p];
    },
  });
}

// The module's shared instance, made (and seeded from the OS) on first use: seeding costs a few
// milliseconds of start-up that programs not using `random` should not pay.
let _shared: Random | null = null;
/** Random numbers from the host's entropy source (os.urandom), not the Mersenne Twister: unseedable. */
export class SystemRandom extends Random {
  static __module__ = "random";
  private bytes(n: number): Uint8Array {
    const b = new Uint8Array(n);
    if (host.randomBytes) host.randomBytes(b);
    else for (let i = 0; i < n; i++) b[i] = Math.floor(Math.random() * 256);
    return b;
  }
  random(): number {
    const b = this.bytes(7);
    let x = 0;
    for (let i = 0; i < 7; i++) x = x * 256 + b[i];
    return Math.floor(x / 8) / 9007199254740992.0;
  }
  getrandbits(k: unknown): bigint {
    const kk = Number(toIndex(k));
    if (kk < 0) throw new ValueError("number of bits must be non-negative");
    let r = 0n;
    for (const b of this.bytes(Math.ceil(kk / 8))) r = (r << 8n) | BigInt(b);
    return r >> BigInt(Math.ceil(kk / 8) * 8 - kk);
  }
  seed(): null {
    return null;
  }
  getstate(): never {
    throw new NotImplementedError("System entropy source does not have state.");
  }
}

const _inst_get = (): Random => (_shared ??= new Random());

export const seed = (a: unknown = null, version: unknown = 2n) => _inst_get().seed(a, version);
export const random = () => _inst_get().random();
export const uniform = (a: unknown, b: unknown) => _inst_get().uniform(a, b);
export const randint = (a: unknown, b: unknown) => _inst_get().randint(a, b);
export const randrange = (a: unknown, b: unknown = null, c: unknown = 1n) => _inst_get().randrange(a, b, c);
export const choice = <T>(s: unknown): T => _inst_get().choice<T>(s);
export const choices = (p: unknown, ...r: unknown[]) => _inst_get().choices(p, ...r);
export const shuffle = (x: unknown) => _inst_get().shuffle(x);
export const sample = (p: unknown, ...r: unknown[]) => _inst_get().sample(p, ...r);
export const getrandbits = (k: unknown) => _inst_get().getrandbits(k);
export const randbytes = (n: unknown) => _inst_get().randbytes(n);
export const gauss = (mu: unknown = 0.0, sigma: unknown = 1.0) => _inst_get().gauss(mu, sigma);
export const normalvariate = (mu: unknown = 0.0, sigma: unknown = 1.0) => _inst_get().normalvariate(mu, sigma);
export const lognormvariate = (mu: unknown, sigma: unknown) => _inst_get().lognormvariate(mu, sigma);
export const expovariate = (l: unknown = 1.0) => _inst_get().expovariate(l);
export const gammavariate = (a: unknown, b: unknown) => _inst_get().gammavariate(a, b);
export const betavariate = (a: unknown, b: unknown) => _inst_get().betavariate(a, b);
export const paretovariate = (a: unknown) => _inst_get().paretovariate(a);
export const weibullvariate = (a: unknown, b: unknown) => _inst_get().weibullvariate(a, b);
export const triangular = (a: unknown = 0.0, b: unknown = 1.0, m: unknown = null) => _inst_get().triangular(a, b, m);
export const getstate = () => _inst_get().getstate();
export const setstate = (s: unknown) => _inst_get().setstate(s);
export { sha512 as _sha512 };
void [typeName, call, truthy];
