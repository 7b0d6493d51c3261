// hashlib's own digests (used where the host has none, as in the browser) against OpenSSL's, on
// every length around the block and padding boundaries, streamed in uneven pieces, and copied
// midway. The Node host computes md5/sha1/sha2 natively, so fixtures alone would not cover these.
import { createHash } from "node:crypto";
import { expect, test } from "vitest";
import { MD5, SHA1, SHA256, SHA512, type Digest } from "../../src/runtime/modules/_digests.js";

const hex = (d: Uint8Array) => Buffer.from(d).toString("hex");
const ours: Record<string, () => Digest> = {
  md5: () => new MD5(),
  sha1: () => new SHA1(),
  sha224: () => new SHA256(true),
  sha256: () => new SHA256(),
  sha384: () => new SHA512(true),
  sha512: () => new SHA512(),
};
const message = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 131 + 7) & 0xff);

test("every length from 0 to 300 bytes matches OpenSSL", () => {
  for (const [name, make] of Object.entries(ours)) {
    for (let n = 0; n <= 300; n++) {
      const m = message(n);
      const h = make();
      h.update(m);
      expect(hex(h.digest()), `${name} of ${n} bytes`).toBe(createHash(name).update(m).digest("hex"));
    }
  }
});

test("streamed pieces, digest() midway and copy() give the same results", () => {
  const m = message(100_003);
  for (const [name, make] of Object.entries(ours)) {
    const h = make();
    let off = 0;
    for (let step = 1; off < m.length; step = (step * 7 + 3) % 997) {
      h.update(m.subarray(off, off + step));
      off += step;
      if (off > 50_000 && off < 50_000 + 997) {
        const half = h.copy();
        expect(hex(half.digest())).toBe(createHash(name).update(m.subarray(0, off)).digest("hex"));
      }
    }
    expect(hex(h.digest()), name).toBe(createHash(name).update(m).digest("hex"));
    expect(hex(h.digest()), `${name} twice`).toBe(createHash(name).update(m).digest("hex"));
  }
});
