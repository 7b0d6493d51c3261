// socket.inet_aton/inet_ntoa/inet_pton/inet_ntop: IP addresses between text and packed bytes.
// CPython: the socket module's wrappers of inet_aton(3), inet_pton(3), inet_ntop(3) (documented behaviour).
import { OSError, TypeError, ValueError } from "../builtins/exceptions.js";
import { bytesData } from "../builtins/bytes.js";
import { typeName } from "../builtins/ops.js";
import { toBytes } from "../asyncio/io_util.js";

const AF_INET = 2;
const AF_INET6 = 10;

/** inet_aton(3)'s forms: a, a.b, a.b.c, a.b.c.d, each part decimal, octal (0...) or hex (0x...). */
function atonParts(s: string): number[] | null {
  const parts = s.split(".");
  if (parts.length > 4) return null;
  const nums: number[] = [];
  for (const p of parts) {
    if (!/^(0[xX][0-9a-fA-F]*|0[0-7]*|[1-9][0-9]*)$/.test(p)) return null;
    nums.push(/^0[xX]/.test(p) ? parseInt(p.slice(2) || "0", 16) : p.length > 1 && p[0] === "0" ? parseInt(p, 8) : Number(p));
  }
  // The last part fills the bytes the others leave.
  const last = nums.pop()!;
  if (nums.some((n) => n > 255) || last >= 2 ** (8 * (4 - nums.length))) return null;
  const out = [...nums];
  for (let i = 3 - nums.length; i >= 0; i--) out.push(Math.floor(last / 2 ** (8 * i)) % 256);
  return out;
}

function text(s: unknown, fname: string): string {
  if (typeof s !== "string") throw new TypeError(`${fname}() argument 1 must be str, not ${typeName(s)}`);
  return s;
}

export function inet_aton(s: unknown): unknown {
  const parts = atonParts(text(s, "inet_aton"));
  if (parts === null) throw new OSError("illegal IP address string passed to inet_aton");
  return toBytes(Uint8Array.from(parts));
}

export function inet_ntoa(packed: unknown): string {
  const b = bytesData(packed);
  if (b === null) throw new TypeError(`a bytes-like object is required, not '${typeName(packed)}'`);
  if (b.length !== 4) throw new OSError("packed IP wrong length for inet_ntoa");
  return [...b].join(".");
}

function packV4(s: string): number[] | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (!m) return null;
  const nums = m.slice(1).map(Number);
  return nums.every((n, i) => n <= 255 && !(m[i + 1].length > 1 && m[i + 1][0] === "0")) ? nums : null;
}

function packV6(s: string): number[] | null {
  let head = s;
  let v4: number[] = [];
  const lastColon = s.lastIndexOf(":");
  if (s.includes(".")) {
    const tail = packV4(s.slice(lastColon + 1));
    if (tail === null) return null;
    v4 = tail;
    head = s.slice(0, lastColon + 1) + (s[lastColon - 1] === ":" ? "" : "0");
    if (head.endsWith(":0")) head = head.slice(0, -2);
  }
  const halves = head.split("::");
  if (halves.length > 2) return null;
  const groups = (h: string) => (h === "" ? [] : h.split(":"));
  const left = groups(halves[0]);
  const right = halves.length === 2 ? groups(halves[1]) : [];
  if ([...left, ...right].some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return null;
  const want = 8 - v4.length / 2;
  const fill = want - left.length - right.length;
  if ((halves.length === 2 && fill < 1) || (halves.length === 1 && fill !== 0)) return null;
  const words = [...left, ...Array(halves.length === 2 ? fill : 0).fill("0"), ...right].map((g) => parseInt(g, 16));
  return [...words.flatMap((w) => [w >> 8, w & 255]), ...v4];
}

export function inet_pton(family: unknown, s: unknown): unknown {
  const str = text(s, "inet_pton");
  const fam = Number(family);
  if (fam !== AF_INET && fam !== AF_INET6) throw new OSError(97n, "Address family not supported by protocol");
  const packed = fam === AF_INET ? packV4(str) : packV6(str);
  if (packed === null) throw new OSError("illegal IP address string passed to inet_pton");
  return toBytes(Uint8Array.from(packed));
}

export function inet_ntop(family: unknown, packed: unknown): string {
  const b = bytesData(packed);
  if (b === null) throw new TypeError(`a bytes-like object is required, not '${typeName(packed)}'`);
  const fam = Number(family);
  if (fam === AF_INET) {
    if (b.length !== 4) throw new ValueError("invalid length of packed IP address string");
    return [...b].join(".");
  }
  if (fam !== AF_INET6) throw new ValueError(`unknown address family ${fam}`);
  if (b.length !== 16) throw new ValueError("invalid length of packed IP address string");
  const words = Array.from({ length: 8 }, (_, i) => (b[2 * i] << 8) | b[2 * i + 1]);
  // ::ffff:a.b.c.d (IPv4-mapped), as glibc writes it
  if (words.slice(0, 5).every((w) => w === 0) && words[5] === 0xffff) return `::ffff:${[...b.slice(12)].join(".")}`;
  // The longest run of two or more zero words becomes "::" (the first of equal runs).
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8;) {
    let j = i;
    while (j < 8 && words[j] === 0) j++;
    if (j - i > bestLen) [best, bestLen] = [i, j - i];
    i = j === i ? i + 1 : j;
  }
  const hex = words.map((w) => w.toString(16));
  if (best < 0) return hex.join(":");
  return `${hex.slice(0, best).join(":")}::${hex.slice(best + bestLen).join(":")}`;
}
