// The encodings text files need: UTF-8 (and utf-8-sig), ASCII and Latin-1, with CPython's error
// handlers and UnicodeError messages. Decoding is incremental (a chunk may end inside a UTF-8
// sequence). Other encodings are NotImplementedError, unknown names LookupError.
import { LookupError, NotImplementedError, TypeError, UnicodeDecodeError, UnicodeEncodeError } from "./exceptions.js";
import { makeBytes } from "./hostfs.js";
import { nameEscape } from "./codecs.js";

export type Codec = "utf-8" | "utf-8-sig" | "ascii" | "latin-1";

const ALIASES: Record<string, Codec> = {
  "utf-8": "utf-8",
  utf8: "utf-8",
  u8: "utf-8",
  utf: "utf-8",
  cp65001: "utf-8",
  "utf-8-sig": "utf-8-sig",
  "utf8-sig": "utf-8-sig",
  ascii: "ascii",
  "us-ascii": "ascii",
  "646": "ascii",
  "ansi-x3.4-1968": "ascii",
  "latin-1": "latin-1",
  latin1: "latin-1",
  "iso-8859-1": "latin-1",
  "iso8859-1": "latin-1",
  l1: "latin-1",
  "8859": "latin-1",
  cp819: "latin-1",
  latin: "latin-1",
};
/** Encodings CPython has that tsyncio's files do not (yet). */
const KNOWN_ELSEWHERE =
  /^(utf-?16|utf-?32|cp\d+|windows-\d+|iso-?8859-\d+|koi8|mac|euc|shift|gb|big5|latin-?\d|idna|punycode|rot|hex|base64|zlib|bz2|quopri|uu|charmap|raw-unicode|unicode-escape)/;

export function lookupCodec(encoding: string): Codec {
  const key = encoding.toLowerCase().replace(/_/g, "-").replace(/\s+/g, "-");
  const c = ALIASES[key];
  if (c) return c;
  if (KNOWN_ELSEWHERE.test(key)) throw new NotImplementedError(`the ${encoding} encoding is not supported by tsyncio's files yet (utf-8, ascii, latin-1)`);
  throw new LookupError(`unknown encoding: ${encoding}`);
}

const DECODE_HANDLERS = new Set(["strict", "ignore", "replace", "backslashreplace", "surrogateescape"]);
const ENCODE_HANDLERS = new Set(["strict", "ignore", "replace", "backslashreplace", "surrogateescape", "xmlcharrefreplace", "namereplace"]);

export function checkErrors(errors: string, forDecode: boolean): void {
  if (!(forDecode ? DECODE_HANDLERS : ENCODE_HANDLERS).has(errors)) {
    if (errors === "surrogatepass") throw new NotImplementedError(`the '${errors}' error handler is not supported by tsyncio yet`);
    if (!DECODE_HANDLERS.has(errors) && !ENCODE_HANDLERS.has(errors)) throw new LookupError(`unknown error handler name '${errors}'`);
  }
}

const pythonName = (c: Codec) => (c === "latin-1" ? "latin-1" : c === "utf-8-sig" ? "utf-8" : c);

/** Replacement text for undecodable bytes [s, e). */
function decodeError(codec: Codec, errors: string, data: Uint8Array, s: number, e: number, reason: string): string {
  switch (errors) {
    case "ignore":
      return "";
    case "replace":
      return "\ufffd";
    case "backslashreplace":
      return Array.from(data.subarray(s, e), (b) => "\\x" + b.toString(16).padStart(2, "0")).join("");
    case "surrogateescape": {
      let out = "";
      for (const b of data.subarray(s, e)) {
        if (b < 128) throw new UnicodeDecodeError(pythonName(codec), makeBytes(data), BigInt(s), BigInt(e), reason);
        out += String.fromCharCode(0xdc00 + b);
      }
      return out;
    }
    case "xmlcharrefreplace":
    case "namereplace":
      // encode-only handlers, as CPython reports them when a decode error reaches one
      throw new TypeError("don't know how to handle UnicodeDecodeError in error callback");
    default:
      throw new UnicodeDecodeError(pythonName(codec), makeBytes(data), BigInt(s), BigInt(e), reason);
  }
}

/**
 * Decodes `data`; with `final` false, an incomplete UTF-8 sequence at the end is left over
 * (`consumed` says how many bytes were used).
 */
export function decode(codec: Codec, data: Uint8Array, errors: string, final: boolean): { text: string; consumed: number } {
  const n = data.length;
  const out: string[] = [];
  let run = 0;
  const flush = (i: number) => {
    if (i > run) out.push(latin1(data.subarray(run, i)));
  };
  if (codec === "latin-1") return { text: latin1(data), consumed: n };
  let i = 0;
  if (codec === "ascii") {
    for (; i < n; i++) {
      if (data[i] >= 0x80) {
        flush(i);
        out.push(decodeError(codec, errors, data, i, i + 1, "ordinal not in range(128)"));
        run = i + 1;
      }
    }
    flush(n);
    return { text: out.join(""), consumed: n };
  }
  while (i < n) {
    const b = data[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    flush(i);
    let need = 0;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    }
    if (need === 0) {
      out.push(decodeError(codec, errors, data, i, i + 1, "invalid start byte"));
      run = ++i;
      continue;
    }
    let cp = b & (0x3f >> need);
    let j = 1;
    let bad: string | null = null;
    for (; j <= need; j++) {
      if (i + j >= n) {
        bad = "unexpected end of data";
        break;
      }
      const c = data[i + j];
      if (c < (j === 1 ? lo : 0x80) || c > (j === 1 ? hi : 0xbf)) {
        bad = "invalid continuation byte";
        break;
      }
      cp = (cp << 6) | (c & 0x3f);
    }
    if (bad === "unexpected end of data" && !final) {
      run = i;
      const text = out.join("");
      return { text, consumed: i };
    }
    if (bad !== null) {
      out.push(decodeError(codec, errors, data, i, i + j, bad));
      i += j;
      run = i;
      continue;
    }
    out.push(String.fromCodePoint(cp));
    i += need + 1;
    run = i;
  }
  flush(n);
  let text = out.join("");
  return { text, consumed: n };
}

function latin1(data: Uint8Array): string {
  let s = "";
  for (let i = 0; i < data.length; i += 8192) s += String.fromCharCode(...data.subarray(i, i + 8192));
  return s;
}

const utf8 = new TextEncoder();

/** Encodes `text`; characters the codec cannot hold go to the error handler (runs reported together). */
export function encode(codec: Codec, text: string, errors: string): Uint8Array {
  const limit = codec === "ascii" ? 0x80 : codec === "latin-1" ? 0x100 : 0x110000;
  // Fast path: nothing to refuse.
  if (codec === "utf-8" || codec === "utf-8-sig") {
    if (!/[\ud800-\udfff]/.test(text)) return utf8.encode(text);
  } else if (!/[^\x00-\x7f]/.test(text) || (codec === "latin-1" && !/[^\x00-\xff]/.test(text))) {
    return Uint8Array.from(text, (c) => c.charCodeAt(0));
  }
  const cps = Array.from(text, (c) => c.codePointAt(0)!);
  const bad = (cp: number) => cp >= limit || (cp >= 0xd800 && cp <= 0xdfff);
  const bytes: number[] = [];
  const push = (s: string) => {
    for (const b of codec === "utf-8" || codec === "utf-8-sig" ? utf8.encode(s) : Uint8Array.from(s, (c) => c.charCodeAt(0))) bytes.push(b);
  };
  for (let i = 0; i < cps.length;) {
    if (!bad(cps[i])) {
      push(String.fromCodePoint(cps[i]));
      i++;
      continue;
    }
    let e = i + 1;
    while (e < cps.length && bad(cps[e])) e++;
    const reason = codec === "ascii" ? "ordinal not in range(128)" : codec === "latin-1" ? "ordinal not in range(256)" : "surrogates not allowed";
    const fail = () => {
      throw new UnicodeEncodeError(pythonName(codec), text, BigInt(i), BigInt(e), reason);
    };
    for (let k = i; k < e; k++) {
      const cp = cps[k];
      switch (errors) {
        case "ignore":
          break;
        case "replace":
          push("?");
          break;
        case "xmlcharrefreplace":
          push(`&#${cp};`);
          break;
        case "namereplace":
          push(nameEscape(cp));
          break;
        case "backslashreplace":
          push(
            cp <= 0xff
              ? "\\x" + cp.toString(16).padStart(2, "0")
              : cp <= 0xffff
                ? "\\u" + cp.toString(16).padStart(4, "0")
                : "\\U" + cp.toString(16).padStart(8, "0"),
          );
          break;
        case "surrogateescape":
          if (cp >= 0xdc80 && cp <= 0xdcff) bytes.push(cp - 0xdc00);
          else fail();
          break;
        default:
          fail();
      }
    }
    i = e;
  }
  return Uint8Array.from(bytes);
}

/** How many bytes `text` takes in the codec (for a text file's tell()). */
export function encodedLength(codec: Codec, text: string, errors: string): number {
  if (codec === "ascii" || codec === "latin-1") return text.length;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else if (c >= 0xdc80 && c <= 0xdcff && errors === "surrogateescape") n += 1;
    else n += 3;
  }
  return n;
}
