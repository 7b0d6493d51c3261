// uuid: the UUID class (RFC 4122 fields, str/repr/hex/int/bytes/urn, ordering and hashing),
// uuid1/3/4/5 and the standard namespaces. uuid1's node is a random multicast address (no MAC
// address is readable here), as CPython uses when it finds none.
import { TypeError, ValueError } from "../builtins/exceptions.js";
import { PyTuple } from "../builtins/collections.js";
import { popKw } from "../builtins/object.js";
import { index as toIndex, NotImplemented, typeName } from "../builtins/ops.js";
import { PyBytes, bytesData, wrapBytes, plainView } from "../builtins/bytes.js";
import { encodeString } from "../builtins/codecs.js";
import { host } from "../host.js";
import { MD5, SHA1 } from "./_digests.js";

export const RESERVED_NCS = "reserved for NCS compatibility";
export const RFC_4122 = "specified in RFC 4122";
export const RESERVED_MICROSOFT = "reserved for Microsoft compatibility";
export const RESERVED_FUTURE = "reserved for future definition";

const M128 = (1n << 128n) - 1n;

function bytesToInt(d: Uint8Array): bigint {
  let n = 0n;
  for (let i = 0; i < d.length; i++) n = (n << 8n) | BigInt(d[i]);
  return n;
}

export class UUID {
  static __module__ = "uuid";
  readonly int: bigint;

  constructor(...args: unknown[]) {
    const kw = popKw(args) ?? {};
    const names = ["hex", "bytes", "bytes_le", "fields", "int", "version"];
    const a: Record<string, unknown> = {};
    names.forEach((n, i) => (a[n] = n in kw ? kw[n] : (args[i] ?? null)));
    const given = ["hex", "bytes", "bytes_le", "fields", "int"].filter((n) => a[n] !== null);
    if (given.length !== 1) throw new TypeError("one of the hex, bytes, bytes_le, fields, or int arguments must be given");
    let n: bigint;
    if (a.hex !== null) {
      if (typeof a.hex !== "string") throw new TypeError(`'${typeName(a.hex)}' object has no attribute 'replace'`);
      const h = a.hex
        .replace(/^urn:/, "")
        .replace(/^uuid:/, "")
        .replace(/^\{|\}$/g, "")
        .replace(/-/g, "");
      if (!/^[0-9a-fA-F]{32}$/.test(h)) throw new ValueError("badly formed hexadecimal UUID string");
      n = BigInt("0x" + h);
    } else if (a.bytes_le !== null || a.bytes !== null) {
      let d = bytesData(a.bytes_le ?? a.bytes);
      if (d === null || d.length !== 16) throw new ValueError(`${a.bytes_le !== null ? "bytes_le" : "bytes"} is not a 16-char string`);
      if (a.bytes_le !== null) d = Uint8Array.from([d[3], d[2], d[1], d[0], d[5], d[4], d[7], d[6], ...plainView(d).subarray(8)]);
      n = bytesToInt(d);
    } else if (a.fields !== null) {
      const f = Array.from(a.fields as ArrayLike<unknown>, (x) => toIndex(x));
      if (f.length !== 6) throw new ValueError("fields is not a 6-tuple");
      const limits: [string, bigint][] = [
        ["time_low", 32n],
        ["time_mid", 16n],
        ["time_hi_version", 16n],
        ["clock_seq_hi_variant", 8n],
        ["clock_seq_low", 8n],
        ["node", 48n],
      ];
      f.forEach((v, i) => {
        if (v < 0n || v >= 1n << limits[i][1]) throw new ValueError(`field ${i + 1} out of range (need a ${limits[i][1]}-bit value)`);
      });
      const clockSeq = (f[3] << 8n) | f[4];
      n = (f[0] << 96n) | (f[1] << 80n) | (f[2] << 64n) | (clockSeq << 48n) | f[5];
    } else {
      n = toIndex(a.int);
      if (n < 0n || n > M128) throw new ValueError("int is out of range (need a 128-bit value)");
    }
    if (a.version !== null) {
      const v = toIndex(a.version);
      if (v < 1n || v > 5n) throw new ValueError("illegal version number");
      n &= ~(0xc000n << 48n);
      n |= 0x8000n << 48n;
      n &= ~(0xf000n << 64n);
      n |= v << 76n;
    }
    this.int = n;
  }
  get hex(): string {
    return this.int.toString(16).padStart(32, "0");
  }
  get bytes(): PyBytes {
    const out = new PyBytes(16);
    for (let i = 0; i < 16; i++) out[i] = Number((this.int >> BigInt(8 * (15 - i))) & 0xffn);
    return out;
  }
  get bytes_le(): PyBytes {
    const b = plainView(this.bytes);
    return wrapBytes(Uint8Array.from([b[3], b[2], b[1], b[0], b[5], b[4], b[7], b[6], ...b.subarray(8)]));
  }
  get time_low(): bigint {
    return this.int >> 96n;
  }
  get time_mid(): bigint {
    return (this.int >> 80n) & 0xffffn;
  }
  get time_hi_version(): bigint {
    return (this.int >> 64n) & 0xffffn;
  }
  get clock_seq_hi_variant(): bigint {
    return (this.int >> 56n) & 0xffn;
  }
  get clock_seq_low(): bigint {
    return (this.int >> 48n) & 0xffn;
  }
  get node(): bigint {
    return this.int & 0xffffffffffffn;
  }
  get time(): bigint {
    return ((this.time_hi_version & 0x0fffn) << 48n) | (this.time_mid << 32n) | this.time_low;
  }
  get clock_seq(): bigint {
    return ((this.clock_seq_hi_variant & 0x3fn) << 8n) | this.clock_seq_low;
  }
  get fields(): PyTuple<bigint> {
    return PyTuple.fromArray([this.time_low, this.time_mid, this.time_hi_version, this.clock_seq_hi_variant, this.clock_seq_low, this.node]);
  }
  get urn(): string {
    return "urn:uuid:" + this.__str__();
  }
  get variant(): string {
    if (!(this.int & (0x8000n << 48n))) return RESERVED_NCS;
    if (!(this.int & (0x4000n << 48n))) return RFC_4122;
    if (!(this.int & (0x2000n << 48n))) return RESERVED_MICROSOFT;
    return RESERVED_FUTURE;
  }
  get version(): bigint | null {
    return this.variant === RFC_4122 ? (this.int >> 76n) & 0xfn : null;
  }
  __str__(): string {
    const h = this.hex;
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }
  __repr__(): string {
    return `UUID('${this.__str__()}')`;
  }
  __int__(): bigint {
    return this.int;
  }
  __hash__(): bigint {
    return this.int;
  }
  __eq__(o: unknown): unknown {
    return o instanceof UUID ? this.int === o.int : NotImplemented;
  }
  __lt__(o: unknown): unknown {
    return o instanceof UUID ? this.int < o.int : NotImplemented;
  }
  __le__(o: unknown): unknown {
    return o instanceof UUID ? this.int <= o.int : NotImplemented;
  }
  __gt__(o: unknown): unknown {
    return o instanceof UUID ? this.int > o.int : NotImplemented;
  }
  __ge__(o: unknown): unknown {
    return o instanceof UUID ? this.int >= o.int : NotImplemented;
  }
}

function randomBytes(n: number): Uint8Array {
  const b = new Uint8Array(n);
  if (host.randomBytes) host.randomBytes(b);
  else for (let i = 0; i < n; i++) b[i] = Math.floor(Math.random() * 256);
  return b;
}

const fromInt = (n: bigint, version?: bigint) => new UUID(null, null, null, null, n, version ?? null);

export function uuid4(): UUID {
  return fromInt(bytesToInt(randomBytes(16)), 4n);
}

function nameBytes(name: unknown): Uint8Array {
  if (typeof name === "string") return encodeString(name, "utf-8");
  const d = bytesData(name);
  if (d === null) throw new TypeError(`'${typeName(name)}' object has no attribute 'encode'`);
  return d;
}

function hashed(h: MD5 | SHA1, namespace: unknown, name: unknown, version: bigint): UUID {
  if (!(namespace instanceof UUID)) throw new TypeError(`'${typeName(namespace)}' object has no attribute 'bytes'`);
  h.update(namespace.bytes);
  h.update(nameBytes(name));
  return fromInt(bytesToInt(h.digest().subarray(0, 16)), version);
}

export function uuid3(namespace: unknown, name: unknown): UUID {
  return hashed(new MD5(), namespace, name, 3n);
}
export function uuid5(namespace: unknown, name: unknown): UUID {
  return hashed(new SHA1(), namespace, name, 5n);
}

let nodeCache: bigint | null = null;
/** A random 48-bit node with the multicast bit set (RFC 4122 §4.5), the same for the whole run. */
export function getnode(): bigint {
  return (nodeCache ??= bytesToInt(randomBytes(6)) | (1n << 40n));
}

let lastTimestamp = -1n;
export function uuid1(node: unknown = null, clock_seq: unknown = null): UUID {
  const ns = BigInt(Math.round(host.wallTime() * 1e9));
  let timestamp = ns / 100n + 0x01b21dd213814000n;
  if (timestamp <= lastTimestamp) timestamp = lastTimestamp + 1n;
  lastTimestamp = timestamp;
  const seq = clock_seq === null || clock_seq === undefined ? bytesToInt(randomBytes(2)) & 0x3fffn : toIndex(clock_seq);
  const nd = node === null || node === undefined ? getnode() : toIndex(node);
  const fields = [timestamp & 0xffffffffn, (timestamp >> 32n) & 0xffffn, (timestamp >> 48n) & 0x0fffn, (seq >> 8n) & 0x3fn, seq & 0xffn, nd];
  return new UUID(null, null, null, PyTuple.fromArray(fields), null, 1n);
}

export const NAMESPACE_DNS = new UUID("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
export const NAMESPACE_URL = new UUID("6ba7b811-9dad-11d1-80b4-00c04fd430c8");
export const NAMESPACE_OID = new UUID("6ba7b812-9dad-11d1-80b4-00c04fd430c8");
export const NAMESPACE_X500 = new UUID("6ba7b814-9dad-11d1-80b4-00c04fd430c8");
