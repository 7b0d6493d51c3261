// A model of what bytes_concat's kept chunks cost in V8 with each representation of a small bytes
// value (bench/NOTES.md, round 11): N values of an 8-byte chunk's tail plus "|" written into 8 KiB
// slabs, each kept in an array as KIND, then joined into one buffer. Time it as a whole process.
//   node bench/lib/bytes-keep-model.mjs KIND [N]
// KIND: view (a Uint8Array subclass over the slab, as PyBytes is), class (an instance holding
// slab, offset, length), literal (an object literal of the same), protoliteral (with __proto__),
// string (a one-byte JS string per value and no slab: the smallest heap value V8 has, one object
// with no wrapper; a Python str would then be indistinguishable, so this is a floor, not a design),
// none (a small integer per value: no object at all, the loop's own cost).
const kind = process.argv[2];
const N = Number(process.argv[3] ?? 4_000_000);
const KINDS = ["view", "class", "literal", "protoliteral", "string", "none"];
if (!KINDS.includes(kind)) {
  console.error(`usage: node bench/lib/bytes-keep-model.mjs ${KINDS.join("|")} [N]`);
  process.exit(2);
}
class View extends Uint8Array {}
class Small {
  constructor(s, o, n) {
    this.s = s;
    this.o = o;
    this.n = n;
  }
}
const proto = { kind: "bytes" };
const chunk = new Uint8Array([97, 98, 99, 100, 101, 102, 103, 104]);
let slab = new ArrayBuffer(8192);
let u8 = new Uint8Array(slab);
let used = 0;
const keep = [];
const text = "abcdefgh";
for (let i = 0; i < N; i++) {
  const a = i % 8;
  const n = 9 - a;
  if (used + n > 8192) {
    slab = new ArrayBuffer(8192);
    u8 = new Uint8Array(slab);
    used = 0;
  }
  for (let k = 0; k < n - 1; k++) u8[used + k] = chunk[a + k];
  u8[used + n - 1] = 124;
  let x;
  if (kind === "string") x = text.slice(a) + "|";
  else if (kind === "none") x = n;
  else if (kind === "view") x = new View(slab, used, n);
  else if (kind === "class") x = new Small(slab, used, n);
  else if (kind === "literal") x = { s: slab, o: used, n };
  else x = { __proto__: proto, s: slab, o: used, n };
  used += n;
  keep[keep.length] = x;
}
let total = 0;
for (let i = 0; i < keep.length; i++) total += kind === "none" ? keep[i] : (keep[i].length ?? keep[i].n);
if (kind === "string" || kind === "none") {
  const joined = kind === "string" ? keep.join("") : "";
  console.log(kind, keep.length, total, joined.length);
  process.exit(0);
}
const out = new Uint8Array(total);
let off = 0;
for (let i = 0; i < keep.length; i++) {
  const x = keep[i];
  const src = kind === "view" ? x : new Uint8Array(x.s, x.o, x.n);
  for (let j = 0; j < src.length; j++) out[off + j] = src[j];
  off += src.length;
}
console.log(kind, keep.length, total);
