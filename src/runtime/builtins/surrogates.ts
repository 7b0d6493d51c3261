// Lone surrogates joined at run time. A Python str is a sequence of code points, and U+D800–U+DFFF
// are code points like any other: `chr(0xd83d) + chr(0xde00)` has two. A JS string is UTF-16, where
// a high surrogate followed by a low one IS one character (U+1F600): joined, the two lone halves
// become a character the program never made, and nothing after can tell them apart. Keeping them
// apart would need a representation of its own for lone surrogates, which every string operation
// (slicing, search, regular expressions, the engine's own `+`) would have to decode: far too costly
// for the strings of every program, to serve programs that make lone high surrogates at all.
//
// What is cheap and exact instead: a join is checked at its seam (the last unit of the left side,
// the first of the right), and only once the program has made a lone high surrogate (chr() of one,
// a decoder that lets one through); such a join raises NotImplementedError rather than silently
// making the wrong string. The runtime's joins are checked (`+` through add(), `str * n`,
// `str.join`, f-strings through str_parts); the compiler sends a module's `+` of two strs and its
// f-strings there only when the module can make a lone high surrogate (lower/lone-surrogates.ts),
// and keeps JavaScript's own `+` and template literals everywhere else.

import { NotImplementedError } from "./exceptions.js";

/** True once the program has made a lone high surrogate (the checks below cost nothing before). */
export let loneHighMade = false;

/** Notes that `cp` (a code point the program made into a str) is a high surrogate, if it is. */
export function noteCodePoint(cp: number): void {
  if (cp >= 0xd800 && cp <= 0xdbff) loneHighMade = true;
}

/** Notes a decoded string that may hold lone surrogates (a scan: only for the decoders that let them through). */
export function noteDecoded(s: string): string {
  if (!loneHighMade && /[\ud800-\udbff](?![\udc00-\udfff])/.test(s)) loneHighMade = true;
  return s;
}

function isHigh(u: number): boolean {
  return u >= 0xd800 && u <= 0xdbff;
}
function isLow(u: number): boolean {
  return u >= 0xdc00 && u <= 0xdfff;
}

/** Raises when `left + right` would pair a lone high surrogate ending `left` with a lone low one starting `right`. */
export function checkSeam(left: string, right: string): void {
  if (right.length !== 0 && left.length !== 0 && isLow(right.charCodeAt(0)) && isHigh(left.charCodeAt(left.length - 1))) {
    const hi = left.charCodeAt(left.length - 1);
    const lo = right.charCodeAt(0);
    const hex = (u: number) => u.toString(16).toUpperCase();
    throw new NotImplementedError(
      `joining a lone surrogate U+${hex(hi)} with a lone surrogate U+${hex(lo)}: JavaScript strings make them one character ` +
        `(U+${hex((hi - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000)}) where Python keeps two; tsyncio cannot keep them apart`,
    );
  }
}

/** `left + right`, checked once a lone high surrogate exists. */
export function concatChecked(left: string, right: string): string {
  if (loneHighMade) checkSeam(left, right);
  return left + right;
}

/** `sep.join(parts)`, checked at every seam once a lone high surrogate exists. */
export function joinChecked(parts: string[], sep: string): string {
  if (loneHighMade) {
    let last = ""; // the text so far, as far as a seam can see (its last non-empty piece)
    for (let i = 0; i < parts.length; i++) {
      for (const piece of i === 0 || sep === "" ? [parts[i]] : [sep, parts[i]]) {
        if (piece === "") continue;
        checkSeam(last, piece);
        last = piece;
      }
    }
  }
  return parts.join(sep);
}

/** `s * n` (n > 1): its copies meet at seams of s's end and s's start. */
export function repeatChecked(s: string, n: number): string {
  if (loneHighMade && n > 1) checkSeam(s, s);
  return s.repeat(n);
}
