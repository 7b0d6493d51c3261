// The Unicode name table (src/parse/unicode-names.ts) read in both directions: `\N{NAME}` escapes
// (the compiler) and unicodedata.name-like names of code points (the runtime's 'namereplace'
// error handler, through the host). The whole reverse table is checked against CPython 3.12's
// unicodedata by a digest recorded from it: sha256 of "hex name\n" for every named code point.
import { describe, expect, it, afterEach } from "vitest";
import { createHash } from "node:crypto";
import { unicodeName, unicodeNameOf } from "../src/parse/unicode-names.js";
import { encodeString } from "../src/runtime/builtins/index.js";
import { setHost, createDefaultHost } from "../src/runtime/host.js";

// CPython 3.12.1: for cp in range(0x110000): name = unicodedata.name(chr(cp), None) → "%x %s\n"
const CPYTHON_NAMES_SHA256 = "98f5ade9ef95227474c865f274e0b725ea85b6c2be2d55e736fa63307ebc1c04";
const CPYTHON_NAMED_COUNT = 143041;

describe("unicode names", () => {
  afterEach(() => {
    setHost(createDefaultHost());
  });

  it("names every code point as CPython's unicodedata.name does (aliases excluded)", () => {
    const h = createHash("sha256");
    let count = 0;
    for (let cp = 0; cp < 0x110000; cp++) {
      const name = unicodeNameOf(cp);
      if (name === undefined) throw new Error("no name table");
      if (name !== null) {
        h.update(`${cp.toString(16)} ${name}\n`);
        count++;
      }
    }
    expect(count).toBe(CPYTHON_NAMED_COUNT);
    expect(h.digest("hex")).toBe(CPYTHON_NAMES_SHA256);
  });

  it("the two directions agree", () => {
    for (const cp of [0xe9, 0x20ac, 0x1f600, 0xac00, 0xd7a3, 0x4e00, 0xf900, 0x1b170, 0x2603]) {
      expect(unicodeName(unicodeNameOf(cp)!)).toBe(String.fromCodePoint(cp));
    }
    expect(unicodeNameOf(0x378)).toBeNull();
    expect(unicodeNameOf(0xe000)).toBeNull();
  });

  it("namereplace needs the host's table: a clear NotImplementedError without one", () => {
    setHost({ write: () => {}, unicodeName: unicodeNameOf });
    expect(new TextDecoder().decode(encodeString("a\u00e9\u0378", "ascii", "namereplace"))).toBe("a\\N{LATIN SMALL LETTER E WITH ACUTE}\\u0378");
    setHost({ write: () => {} });
    expect(() => encodeString("\u00e9", "ascii", "namereplace")).toThrow(/namereplace.*Unicode name table/);
    expect(new TextDecoder().decode(encodeString("abc", "ascii", "namereplace"))).toBe("abc");
  });
});
