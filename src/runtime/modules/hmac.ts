// hmac (RFC 2104) over hashlib's digests: new, HMAC, digest, compare_digest.
import { TypeError } from "../builtins/exceptions.js";
import { popKw } from "../builtins/object.js";
import { typeName } from "../builtins/ops.js";
import { PyBytes, bytesData, wrapBytes } from "../builtins/bytes.js";
import type { Digest } from "./_digests.js";
import { HASH, _constructor_by_name, _hash_input, _hmac_states, _to_hex } from "./hashlib.js";

/** digestmod as a fresh-digest factory: a name, a hashlib constructor, or a module with new(). */
function digestFactory(digestmod: unknown): () => Digest {
  if (digestmod === undefined || digestmod === null) throw new TypeError("Missing required parameter 'digestmod'.");
  if (typeof digestmod === "string") {
    const ctor = _constructor_by_name(digestmod);
    return () => ctor().impl;
  }
  const f = typeof digestmod === "function" ? digestmod : (digestmod as { new?: unknown }).new;
  if (typeof f !== "function") throw new TypeError(`object of type '${typeName(digestmod)}' is not callable`);
  return () => {
    let h: unknown;
    try {
      h = (f as () => unknown)();
    } catch {
      h = new (f as new () => unknown)();
    }
    if (!(h instanceof HASH)) throw new TypeError("digestmod must produce a hashlib hash object");
    return h.impl;
  };
}

export class HMAC {
  static __module__ = "hmac";
  private inner: Digest;
  private outer: Digest;
  readonly digest_size: bigint;
  readonly block_size: bigint;
  readonly name: string;

  constructor(key: unknown, ...args: unknown[]) {
    const kw = popKw(args) ?? {};
    const msg = "msg" in kw ? kw.msg : args[0];
    const digestmod = "digestmod" in kw ? kw.digestmod : args[1];
    const k = bytesData(key);
    if (k === null) throw new TypeError(`key: expected bytes or bytearray, but got '${typeName(key)}'`);
    const fresh = digestFactory(digestmod);
    [this.inner, this.outer] = _hmac_states(fresh, k);
    this.digest_size = BigInt(this.inner.digestSize);
    this.block_size = BigInt(this.inner.blockSize);
    this.name = `hmac-${this.inner.name}`;
    if (msg !== undefined && msg !== null) this.update(msg);
  }
  update(msg: unknown): null {
    this.inner.update(_hash_input(msg));
    return null;
  }
  digest(): PyBytes {
    const o = this.outer.copy();
    o.update(this.inner.digest());
    return wrapBytes(o.digest());
  }
  hexdigest(): string {
    return _to_hex(this.digest());
  }
  copy(): HMAC {
    const c = Object.create(HMAC.prototype) as HMAC;
    Object.assign(c, this, { inner: this.inner.copy(), outer: this.outer.copy() });
    return c;
  }
}

function new_(key: unknown, ...args: unknown[]): HMAC {
  return new HMAC(key, ...args);
}
export { new_ as new };

export function digest(key: unknown, msg: unknown, digest: unknown): PyBytes {
  return new HMAC(key, msg, digest).digest();
}

/** Constant-time comparison of two str (ASCII) or two bytes-like objects. */
export function compare_digest(a: unknown, b: unknown): boolean {
  if (typeof a === "string" && typeof b === "string") {
    if (/[^\x00-\x7f]/.test(a + b)) throw new TypeError("comparing strings with non-ASCII characters is not supported");
    let diff = a.length ^ b.length;
    for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a.charCodeAt(i % (a.length || 1)) || 0) ^ (b.charCodeAt(i % (b.length || 1)) || 0);
    return diff === 0 && a === b;
  }
  const x = bytesData(a);
  const y = bytesData(b);
  if (x === null || y === null) throw new TypeError(`unsupported operand types(s) or combination of types: '${typeName(a)}' and '${typeName(b)}'`);
  let diff = x.length ^ y.length;
  for (let i = 0; i < x.length && i < y.length; i++) diff |= x[i] ^ y[i];
  return diff === 0;
}
