// The printer's spans (where each expression that can raise is, src/emit/print.ts) carried
// through prettier: prettier changes only blanks, line breaks, parentheses, commas, semicolons and
// the quotes of strings, so the other tokens of the two texts pair up one to one, in order.
//
//   printer:   return getitem(d, "k");          tokens: return getitem d "k"
//   prettier:  return getitem(
//                d, 'k');                         tokens: return getitem d 'k'
//
// A span goes from its first token to its last; when the two texts' tokens do not pair up
// (a count differs), no span is carried (tracebacks then draw no markers).

import type { OutputSpan } from "./print.js";

/** The spans of `before` as spans of `after`, the same program formatted; null when the tokens do not pair up. */
export function carrySpans(before: string, spans: readonly OutputSpan[], after: string): OutputSpan[] | null {
  if (!spans.length) return [];
  const from = tokens(before);
  const to = tokens(after);
  if (from.starts.length !== to.starts.length) return null;
  const beforeLines = lineStarts(before);
  const afterLines = lineStarts(after);
  const out: OutputSpan[] = [];
  for (const s of spans) {
    const start = beforeLines[s.line - 1] + s.col;
    const end = beforeLines[s.endLine - 1] + s.endCol;
    const first = lowerBound(from.starts, start);
    const last = lowerBound(from.ends, end + 1) - 1;
    if (first > last || first >= from.starts.length || last < 0) continue;
    const [line, col] = position(afterLines, to.starts[first]);
    const [endLine, endCol] = position(afterLines, to.ends[last]);
    out.push({ line, col, endLine, endCol, range: s.range });
  }
  return out;
}

/**
 * The tokens that prettier keeps: words, numbers, strings, template text and operators, not
 * `( ) , ;` (which it adds and removes), not `|` (a leading one in a broken union type), not
 * comments. Offsets: starts and (exclusive) ends, ascending.
 */
function tokens(text: string): { starts: number[]; ends: number[] } {
  const starts: number[] = [];
  const ends: number[] = [];
  // For templates: the brace depth at which each open `${` continues its template.
  const templates: number[] = [];
  let depth = 0;
  const n = text.length;
  let i = 0;
  const add = (s: number, e: number) => {
    starts.push(s);
    ends.push(e);
  };
  // A template's text from i (just after a backtick or a `}`) to its end or its next `${`.
  const templateText = (begin: number) => {
    let j = i;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === 92) j += 2;
      else if (c === 96) {
        add(begin, j + 1);
        i = j + 1;
        return;
      } else if (c === 36 && text.charCodeAt(j + 1) === 123) {
        add(begin, j + 2);
        templates.push(depth);
        depth++;
        i = j + 2;
        return;
      } else j++;
    }
    add(begin, n);
    i = n;
  };
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 9 || c === 13) {
      i++;
    } else if (c === 47 && text.charCodeAt(i + 1) === 47) {
      const nl = text.indexOf("\n", i);
      i = nl < 0 ? n : nl;
    } else if (c === 47 && text.charCodeAt(i + 1) === 42) {
      const close = text.indexOf("*/", i + 2);
      i = close < 0 ? n : close + 2;
    } else if (c === 34 || c === 39) {
      const begin = i;
      i++;
      while (i < n && text.charCodeAt(i) !== c) i += text.charCodeAt(i) === 92 ? 2 : 1;
      add(begin, ++i);
    } else if (c === 96) {
      const begin = i;
      i++;
      templateText(begin);
    } else if (isWordChar(c)) {
      const begin = i;
      while (i < n && isWordChar(text.charCodeAt(i))) i++;
      // (a number's exponent sign and fraction: `1e+16`, `1.5`)
      while (i < n && isDigit(text.charCodeAt(begin)) && (text[i] === "." || ((text[i] === "+" || text[i] === "-") && /[eE]/.test(text[i - 1])))) {
        i++;
        while (i < n && isWordChar(text.charCodeAt(i))) i++;
      }
      add(begin, i);
    } else if (c === 40 || c === 41 || c === 44 || c === 59 || c === 124) {
      i++;
    } else if (c === 123) {
      depth++;
      add(i, ++i);
    } else if (c === 125) {
      if (templates.length && templates[templates.length - 1] === depth - 1) {
        templates.pop();
        depth--;
        const begin = i;
        i++;
        templateText(begin);
      } else {
        depth--;
        add(i, ++i);
      }
    } else {
      add(i, ++i);
    }
  }
  return { starts, ends };
}

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36 || c > 127;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

/** The first index whose value is >= x. */
function lowerBound(values: number[], x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** An offset as a 1-based line and 0-based column. */
function position(lines: number[], offset: number): [number, number] {
  const i = lowerBound(lines, offset + 1) - 1;
  return [i + 1, offset - lines[i]];
}
