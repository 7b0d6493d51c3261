// hashlib: md5, sha1, sha224, sha256, sha384, sha512, blake2b, blake2s, new(), pbkdf2_hmac and
// file_digest, over the digests of _digests.ts and _blake2.ts (no OpenSSL, no node:crypto: the
// runtime also runs in a browser worker).
import { TypeError, ValueError, OverflowError } from "../builtins/exceptions.js";
import { PyFrozenSet } from "../builtins/collections.js";
import { popKw, hexAddress } from "../builtins/object.js";
import { typeName, index as toIndex, callm, truthy } from "../builtins/ops.js";
import { PyBytes, bytesData, wrapBytes } from "../builtins/bytes.js";
import { MD5, SHA1, SHA256, SHA512, type Digest } from "./_digests.js";
import { Blake2b, Blake2s } from "./_blake2.js";
import { Sha3 } from "./_sha3.js";
import { host, type HostDigest } from "../host.js";

/** The bytes to hash: a bytes-like object (str must be encoded first, as in CPython). */
export function _hash_input(x: unknown): Uint8Array {
  const d = bytesData(x);
  if (d !== null) return d;
  if (typeof x === "string") throw new TypeError("Strings must be encoded before hashing");
  throw new TypeError(`object supporting the buffer API required`);
}

const HEX = "0123456789abcdef";
export function _to_hex(d: Uint8Array): string {
  let s = "";
  for (let i = 0; i < d.length; i++) s += HEX[d[i] >> 4] + HEX[d[i] & 15];
  return s;
}

/** A hash object (CPython's _hashlib.HASH, or _blake2.blake2b/blake2s). */
export class HASH {
  static __name__ = "HASH";
  static __qualname__ = "HASH";
  static __module__ = "_hashlib";
  constructor(readonly impl: Digest) {}
  get name(): string {
    return this.impl.name;
  }
  get digest_size(): bigint {
    return BigInt(this.impl.digestSize);
  }
  get block_size(): bigint {
    return BigInt(this.impl.blockSize);
  }
  update(data: unknown): null {
    this.impl.update(_hash_input(data));
    return null;
  }
  // (typed to take SHAKE's length too, since hashlib.new() may give either; a HASH takes none)
  digest(...args: unknown[]): PyBytes {
    noArguments("digest", args);
    return wrapBytes(this.impl.digest());
  }
  hexdigest(...args: unknown[]): string {
    noArguments("hexdigest", args);
    return _to_hex(this.impl.digest());
  }
  copy(): HASH {
    return new (this.constructor as typeof HASH)(this.impl.copy());
  }
  __repr__(): string {
    const cls = this.constructor as unknown as { __module__: string; __name__: string };
    return `<${this.impl.name} ${cls.__module__}.${cls.__name__} object @ ${hexAddress(this)}>`;
  }
}

function noArguments(method: string, args: unknown[]): void {
  if (args.length) throw new TypeError(`HASH.${method}() takes no arguments (${args.length} given)`);
}

/** The data argument of a constructor: positional, or `data=` / `string=` (CPython accepts both). */
function dataArg(args: unknown[]): unknown {
  const kw = popKw(args) ?? {};
  if ("data" in kw) return kw.data;
  if ("string" in kw) return kw.string;
  return args[0];
}

function make(impl: Digest, args: unknown[]): HASH {
  const h = new HASH(impl);
  const data = dataArg(args);
  if (data !== undefined && data !== null) h.update(data);
  return h;
}

/** A digest the host computes natively (Node's OpenSSL), seen through the Digest interface. */
class HostBacked implements Digest {
  constructor(
    private readonly h: HostDigest,
    readonly name: string,
    readonly digestSize: number,
    readonly blockSize: number,
  ) {}
  update(data: Uint8Array): void {
    this.h.update(data);
  }
  digest(): Uint8Array {
    return this.h.digest();
  }
  copy(): Digest {
    return new HostBacked(this.h.copy(), this.name, this.digestSize, this.blockSize);
  }
}

/** The host's native digest when it has one, else ours (written from the specifications). */
function digestOf(own: Digest): Digest {
  const h = host.digest?.(own.name) ?? null;
  return h === null ? own : new HostBacked(h, own.name, own.digestSize, own.blockSize);
}

export const md5 = (...args: unknown[]) => make(digestOf(new MD5()), args);
export const sha1 = (...args: unknown[]) => make(digestOf(new SHA1()), args);
export const sha224 = (...args: unknown[]) => make(digestOf(new SHA256(true)), args);
export const sha256 = (...args: unknown[]) => make(digestOf(new SHA256()), args);
export const sha384 = (...args: unknown[]) => make(digestOf(new SHA512(true)), args);
export const sha512 = (...args: unknown[]) => make(digestOf(new SHA512()), args);

export const sha3_224 = (...args: unknown[]) => make(new Sha3("sha3_224", 28, 28), args);
export const sha3_256 = (...args: unknown[]) => make(new Sha3("sha3_256", 32, 32), args);
export const sha3_384 = (...args: unknown[]) => make(new Sha3("sha3_384", 48, 48), args);
export const sha3_512 = (...args: unknown[]) => make(new Sha3("sha3_512", 64, 64), args);

/** SHAKE: digest(length) and hexdigest(length) give as many bytes as asked for. */
export class SHAKE extends HASH {
  static __name__ = "HASH";
  static __qualname__ = "HASH";
  digest(length: unknown): PyBytes {
    return wrapBytes((this.impl as Sha3).squeeze(Number(toIndex(length))));
  }
  hexdigest(length: unknown): string {
    return _to_hex((this.impl as Sha3).squeeze(Number(toIndex(length))));
  }
}
const makeShake = (impl: Sha3, args: unknown[]): SHAKE => {
  const h = new SHAKE(impl);
  const data = dataArg(args);
  if (data !== undefined && data !== null) h.update(data);
  return h;
};
export const shake_128 = (...args: unknown[]) => makeShake(new Sha3("shake_128", 0, 16), args);
export const shake_256 = (...args: unknown[]) => makeShake(new Sha3("shake_256", 0, 32), args);

function blake2Params(kw: Record<string, unknown>, maxDigest: number, maxSalt: number, which: string) {
  const digestSize = Number(toIndex(kw.digest_size ?? BigInt(maxDigest)));
  if (digestSize < 1 || digestSize > maxDigest) throw new ValueError(`digest_size must be between 1 and ${maxDigest} bytes`);
  const key = kw.key == null ? new Uint8Array(0) : _hash_input(kw.key);
  if (key.length > maxDigest) throw new ValueError(`maximum key length is ${maxDigest} bytes`);
  const salt = kw.salt == null ? new Uint8Array(0) : _hash_input(kw.salt);
  if (salt.length > maxSalt) throw new ValueError(`maximum salt length is ${maxSalt} bytes`);
  const person = kw.person == null ? new Uint8Array(0) : _hash_input(kw.person);
  if (person.length > maxSalt) throw new ValueError(`maximum person length is ${maxSalt} bytes`);
  for (const k of Object.keys(kw)) {
    if (!BLAKE2_KEYWORDS.includes(k)) throw new TypeError(`'${k}' is an invalid keyword argument for ${which}()`);
  }
  // The tree parameters, checked in CPython's order with its messages.
  const int = (v: unknown, dflt: bigint) => (v === undefined ? dflt : toIndex(v));
  const byteParam = (name: string, v: bigint, lo: bigint) => {
    if (v < lo || v > 255n) throw new ValueError(`${name} must be between ${lo} and 255`);
    return Number(v);
  };
  const fanout = byteParam("fanout", int(kw.fanout, 1n), 0n);
  const depth = byteParam("depth", int(kw.depth, 1n), 1n);
  const unsigned = (v: bigint) => {
    if (v < 0n) throw new ValueError("value must be positive");
    if (v >= 1n << 64n) throw new OverflowError("int too big to convert");
    return v;
  };
  const leaf = unsigned(int(kw.leaf_size, 0n));
  if (leaf > 0xffffffffn) throw new OverflowError("leaf_size is too large");
  const nodeOffset = unsigned(int(kw.node_offset, 0n));
  if (maxDigest === 32 && nodeOffset > 0xffffffffffffn) throw new OverflowError("node_offset is too large");
  const nodeDepth = byteParam("node_depth", int(kw.node_depth, 0n), 0n);
  const inner = int(kw.inner_size, 0n);
  if (inner < 0n || inner > BigInt(maxDigest)) throw new ValueError(`inner_size must be between 0 and is ${maxDigest}`);
  return {
    digestSize,
    key,
    salt,
    person,
    fanout,
    depth,
    leafSize: Number(leaf),
    nodeOffset,
    nodeDepth,
    innerSize: Number(inner),
    lastNode: kw.last_node === undefined ? false : truthy(kw.last_node),
  };
}

const BLAKE2_KEYWORDS = [
  "digest_size",
  "key",
  "salt",
  "person",
  "data",
  "string",
  "usedforsecurity",
  "fanout",
  "depth",
  "leaf_size",
  "node_offset",
  "node_depth",
  "inner_size",
  "last_node",
];

export class blake2b extends HASH {
  static __name__ = "blake2b";
  static __qualname__ = "blake2b";
  static __module__ = "_blake2";
  static MAX_DIGEST_SIZE = 64n;
  static MAX_KEY_SIZE = 64n;
  static SALT_SIZE = 16n;
  static PERSON_SIZE = 16n;
  constructor(...args: unknown[]) {
    if (args.length === 1 && args[0] instanceof Blake2b) {
      super(args[0]);
      return;
    }
    const kw = popKw(args) ?? {};
    super(new Blake2b(blake2Params(kw, 64, 16, "blake2b")));
    const data = "data" in kw ? kw.data : args[0];
    if (data != null) this.update(data);
  }
}

export class blake2s extends HASH {
  static __name__ = "blake2s";
  static __qualname__ = "blake2s";
  static __module__ = "_blake2";
  static MAX_DIGEST_SIZE = 32n;
  static MAX_KEY_SIZE = 32n;
  static SALT_SIZE = 8n;
  static PERSON_SIZE = 8n;
  constructor(...args: unknown[]) {
    if (args.length === 1 && args[0] instanceof Blake2s) {
      super(args[0]);
      return;
    }
    const kw = popKw(args) ?? {};
    super(new Blake2s(blake2Params(kw, 32, 8, "blake2s")));
    const data = "data" in kw ? kw.data : args[0];
    if (data != null) this.update(data);
  }
}

const CONSTRUCTORS: Record<string, (...a: unknown[]) => HASH> = {
  md5,
  sha1,
  sha224,
  sha256,
  sha384,
  sha512,
  sha3_224,
  sha3_256,
  sha3_384,
  sha3_512,
  shake_128,
  shake_256,
  blake2b: (...a) => new blake2b(...a),
  blake2s: (...a) => new blake2s(...a),
};

export const algorithms_guaranteed = new PyFrozenSet<string>(Object.keys(CONSTRUCTORS));
export const algorithms_available = algorithms_guaranteed;

/** A digest constructor by name (hashlib.new, hmac's digestmod="sha256"). */
export function _constructor_by_name(name: unknown): (...a: unknown[]) => HASH {
  if (typeof name !== "string") throw new TypeError(`new() argument 'name' must be str, not ${typeName(name)}`);
  const f = CONSTRUCTORS[name.toLowerCase().replace(/-/g, "")] ?? CONSTRUCTORS[name.toLowerCase()];
  if (f === undefined) {
    if (["sm3", "ripemd160"].includes(name.toLowerCase())) {
      throw new ValueError(`unsupported hash type ${name} (tsyncio has no ${name})`);
    }
    throw new ValueError(`unsupported hash type ${name}`);
  }
  return f;
}

function new_(name: unknown, ...args: unknown[]): HASH {
  return _constructor_by_name(name)(...args);
}
export { new_ as new };

/** pbkdf2_hmac(hash_name, password, salt, iterations, dklen=None) (RFC 8018). */
export function pbkdf2_hmac(hashName: unknown, password: unknown, salt: unknown, iterations: unknown, dklen: unknown = null): PyBytes {
  const ctor = _constructor_by_name(hashName);
  const pw = _hash_input(password);
  const s = _hash_input(salt);
  const iters = Number(toIndex(iterations));
  if (iters < 1) throw new ValueError("iteration value must be greater than 0.");
  const proto = ctor().impl;
  const len = dklen == null ? proto.digestSize : Number(toIndex(dklen));
  if (len < 1) throw new ValueError("key length must be greater than 0.");
  if (len > 2 ** 31) throw new OverflowError("key length is too great.");
  const mac = _hmac_factory(() => ctor().impl, pw);
  const out = new Uint8Array(len);
  for (let block = 1, off = 0; off < len; block++) {
    const first = new Uint8Array(s.length + 4);
    first.set(s);
    new DataView(first.buffer).setUint32(s.length, block);
    let u = mac(first);
    const t = u.slice();
    for (let i = 1; i < iters; i++) {
      u = mac(u);
      for (let k = 0; k < t.length; k++) t[k] ^= u[k];
    }
    out.set(t.subarray(0, Math.min(t.length, len - off)), off);
    off += t.length;
  }
  return wrapBytes(out);
}

/** One-shot HMAC with a fixed key: the padded inner and outer states are computed once. */
export function _hmac_factory(fresh: () => Digest, key: Uint8Array): (msg: Uint8Array) => Uint8Array {
  const [inner, outer] = _hmac_states(fresh, key);
  return (msg) => {
    const i = inner.copy();
    i.update(msg);
    const o = outer.copy();
    o.update(i.digest());
    return o.digest();
  };
}

/** The inner and outer digests of HMAC after absorbing key ⊕ ipad and key ⊕ opad (RFC 2104). */
export function _hmac_states(fresh: () => Digest, key: Uint8Array): [Digest, Digest] {
  const inner = fresh();
  const outer = fresh();
  const bs = inner.blockSize;
  let k = key;
  if (k.length > bs) {
    const h = fresh();
    h.update(k);
    k = h.digest();
  }
  const padded = new Uint8Array(bs);
  padded.set(k);
  inner.update(padded.map((b) => b ^ 0x36));
  outer.update(padded.map((b) => b ^ 0x5c));
  return [inner, outer];
}

/** file_digest(fileobj, digest): reads a binary file object to its end. */
export function file_digest(fileobj: unknown, digest: unknown): HASH {
  const h = typeof digest === "string" ? _constructor_by_name(digest)() : (digest as () => HASH)();
  for (;;) {
    const chunk = callm(fileobj, "read", 1n << 18n);
    const d = _hash_input(chunk);
    if (d.length === 0) break;
    h.impl.update(d);
  }
  return h;
}
