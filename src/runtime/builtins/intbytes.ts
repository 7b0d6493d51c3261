// int.to_bytes / int.from_bytes: two's complement in a fixed number of bytes, either byte order.
import { OverflowError, TypeError, ValueError } from "./exceptions.js";
import { popKw } from "./object.js";
import { index as toIndex, truthy, toIterable, typeName } from "./protocol.js";
import { PyBytes, bytesData, bytesOfSource, newBytes } from "./bytes.js";

function byteOrder(x: unknown): "big" | "little" {
  if (x !== "big" && x !== "little") throw new ValueError("byteorder must be either 'little' or 'big'");
  return x;
}

/** (i).to_bytes(length=1, byteorder="big", *, signed=False) */
export function intToBytes(i: bigint, ...args: unknown[]): PyBytes {
  const kw = popKw(args) ?? {};
  const n = Number(toIndex("length" in kw ? kw.length : (args[0] ?? 1n)));
  const order = byteOrder("byteorder" in kw ? kw.byteorder : (args[1] ?? "big"));
  const signed = truthy(kw.signed ?? false);
  if (n < 0) throw new ValueError("length argument must be non-negative");
  if (!signed && i < 0n) throw new OverflowError("can't convert negative int to unsigned");
  const bits = BigInt(n * 8);
  const fits = signed ? i >= -(1n << (bits - 1n)) && i < 1n << (bits - 1n) : i < 1n << bits;
  if (n === 0 ? i !== 0n : !fits) throw new OverflowError("int too big to convert");
  const b = newBytes(n);
  let v = BigInt.asUintN(n * 8, i);
  for (let k = 0; k < n; k++) {
    b[order === "little" ? k : n - 1 - k] = Number(v & 0xffn);
    v >>= 8n;
  }
  return b;
}

/** int.from_bytes(bytes, byteorder="big", *, signed=False) */
export function intFromBytes(...args: unknown[]): bigint {
  const kw = popKw(args) ?? {};
  const src = "bytes" in kw ? kw.bytes : args[0];
  const order = byteOrder("byteorder" in kw ? kw.byteorder : (args[1] ?? "big"));
  const signed = truthy(kw.signed ?? false);
  // A str is no bytes here (bytes(s) needs an encoding); anything else goes through bytes(iterable).
  const iterable = src !== null && (typeof src === "object" || typeof src === "function") && Symbol.iterator in (src as object);
  if (typeof src === "string" || (bytesData(src) === null && !iterable)) throw new TypeError(`cannot convert '${typeName(src)}' object to bytes`);
  const d = bytesData(src) ?? bytesOfSource(Array.from(toIterable(src)), "bytes");
  let v = 0n;
  const n = d.length;
  for (let k = 0; k < n; k++) v = (v << 8n) | BigInt(d[order === "little" ? n - 1 - k : k]);
  return signed && n > 0 ? BigInt.asIntN(n * 8, v) : v;
}
