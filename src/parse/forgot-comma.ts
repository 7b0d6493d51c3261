// "invalid syntax. Perhaps you forgot a comma?": CPython 3.12 says so when, inside brackets, an
// expression is followed directly by another (`f(1 'a')`, `gather(*tasks return_exceptions=True)`),
// and points at the start of the first one (the whole `disjunction` before the second, so
// `round(t - began 1)` points at `t`). Lezer recovers elsewhere, so this is found on the text: the
// tokens from the innermost bracket open at the error, up to where it closes.

import { SyntaxErrorAt } from "./errors.js";

const TOKEN =
  /\s+|#[^\n]*|\\\r?\n|(?:[rRbBuUfF]{0,2})(?:'''|"""|'|")|[\p{L}_][\p{L}\p{N}_]*|\d[\d_]*(?:\.\d*)?(?:[eE][-+]?\d+)?[jJ]?|\.\d+|\*\*|\/\/|:=|==|!=|<=|>=|->|[-+*\/%&|^@<>]=?|[()[\]{}:,;.=~!]/uy;
const OPERATOR_WORDS = new Set([
  "and",
  "or",
  "not",
  "in",
  "is",
  "if",
  "else",
  "for",
  "async",
  "await",
  "lambda",
  "from",
  "as",
  "import",
  "yield",
  "return",
  "pass",
  "del",
  "while",
  "with",
  "def",
  "class",
  "try",
  "except",
  "finally",
  "raise",
  "global",
  "nonlocal",
  "assert",
  "break",
  "continue",
  "elif",
]);
/** Where the first expression of a pair can start: after one of these at the bracket's own level. */
const SEPARATORS = new Set([",", "=", ":", ":=", "*", "**", "if", "else", "for", "in", "lambda", ";"]);

/** The range to report, or null when the bracket around `errorAt` holds no two adjacent expressions. */
export function forgotComma(src: string, open: { at: number } | null): SyntaxErrorAt | null {
  if (!open) return null;
  // A def's parameters are not expressions: CPython gives its generic message there.
  if (/\bdef[ \t]+[\p{L}\p{N}_]+[ \t]*$/u.test(src.slice(Math.max(0, open.at - 200), open.at))) return null;
  let depth = 0;
  let start = -1; // where the current first expression starts
  let lastEnd: "atom" | "name" | "string" | null = null; // what the previous token at depth 0 ended
  let afterFor = false;
  for (let i = open.at + 1; i < src.length;) {
    TOKEN.lastIndex = i;
    const m = TOKEN.exec(src);
    if (!m) return null;
    const tok = m[0];
    const from = i;
    i += tok.length;
    if (/^\s|^#|^\\/.test(tok)) continue;
    if (/['"]$/.test(tok)) {
      const end = stringEnd(src, from + tok.length, tok.replace(/^[rRbBuUfF]+/, ""));
      if (end < 0) return null;
      i = end;
      if (depth === 0) {
        if (lastEnd === "atom") return new SyntaxErrorAt("invalid syntax. Perhaps you forgot a comma?", start, i);
        if (start < 0) start = from;
        lastEnd = "string";
      }
      continue;
    }
    if (tok === "(" || tok === "[" || tok === "{") {
      if (depth === 0) {
        // `f (x)`, `a [0]` are a call and a subscript; `x {` is not.
        if (tok === "{" && lastEnd !== null) return new SyntaxErrorAt("invalid syntax. Perhaps you forgot a comma?", start, i);
        if (start < 0) start = from;
      }
      depth++;
      continue;
    }
    if (tok === ")" || tok === "]" || tok === "}") {
      if (depth === 0) return null; // the bracket closes: no pair found
      depth--;
      if (depth === 0) lastEnd = "atom";
      continue;
    }
    if (depth > 0) continue;
    const word = /^[\p{L}_]/u.test(tok);
    const atom = (word && !OPERATOR_WORDS.has(tok)) || (/^[\d.]/.test(tok) && tok !== ".");
    if (atom) {
      // (A name before a string is a mistyped prefix in CPython's eyes, not a missing comma.)
      if (lastEnd === "atom" || lastEnd === "name" || lastEnd === "string") return new SyntaxErrorAt("invalid syntax. Perhaps you forgot a comma?", start, i);
      if (start < 0) start = from;
      lastEnd = word ? "name" : "atom";
      continue;
    }
    if (tok === "for") afterFor = true;
    if (SEPARATORS.has(tok) && (tok !== "in" || afterFor) && !(tok === "*" && lastEnd !== null) && !(tok === "**" && lastEnd !== null)) {
      if (tok === "in") afterFor = false;
      start = -1;
    } else if (start < 0) start = from;
    lastEnd = null;
  }
  return null;
}

/** The end of a string literal whose opening quote ends at `i`; -1 when it does not end. */
function stringEnd(src: string, i: number, quote: string): number {
  while (i < src.length) {
    const c = src[i];
    if (c === "\\") i += 2;
    else if (src.startsWith(quote, i)) return i + quote.length;
    else if (quote.length === 1 && c === "\n") return -1;
    else i++;
  }
  return -1;
}
