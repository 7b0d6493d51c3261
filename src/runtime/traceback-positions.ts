// The markers CPython 3.11+ draws under the failing expression of a traceback frame:
//
//     x = a / b            result = obj.method(arg) + 1          v = d["k"]
//         ~~^~~                     ^^^^^^^^^^^^^^^                  ~^^^^^
//
// The compiler records, for each expression that can raise, its Python range and where its text
// is in the output (spans); a JS stack frame's column falls inside some of them, and the innermost
// is the frame's Python range. The rule for drawing (as observed of CPython 3.12):
// - the range's columns (UTF-8 bytes in the AST) become characters of the source line; a range
//   over several lines is marked to the end of its first line's text;
// - a one-line binary operation marks its operands `~` and its operator `^`, a subscript its value
//   `~` and its `[...]` `^`; anything else is all `^`;
// - nothing is drawn when the range covers the whole (stripped) line and has no such anchors;
// - widths are display widths: East Asian wide and fullwidth characters take two columns.
// Two printers differ slightly: the interpreter's own (an uncaught exception at the top) strips
// only the leading whitespace of the line, so trailing blanks count in its length; the traceback
// module (traceback.print_exc(), logging.exception, ...) strips both sides, and offsets its
// markers by the blanks it stripped at the end beyond the newline.

/** A range as the compiler records it: [line, col, endLine, endCol, anchor, a, b] (see src/ir/positions.ts). */
export type PyRange = readonly number[];

/** Where an expression's text is in a translated file: 1-based lines, 0-based columns, end exclusive. */
export interface CodeSpan {
  line: number;
  col: number;
  endLine: number;
  endCol: number;
  range: PyRange;
}

const ANCHOR_BINOP = 1;
const ANCHOR_SUBSCRIPT = 2;
/** The call of an inlined comprehension's function: its JS frame is no Python frame. */
export const INLINED_CALL = 3;
/**
 * An inlined comprehension's function: a frame of the function around it, at the comprehension
 * (where its iteration fails: CPython 3.12 marks the whole comprehension).
 */
export const INLINED_BODY = 4;
/** The attribute of a method call (`obj.m` of `obj.m(x)`): the range of an AttributeError's own frame. */
const CALLEE_ATTRIBUTE = 5;

/**
 * What a JS frame at a span is for a traceback: "none" when it is no Python frame (the call of an
 * inlined comprehension), else the frame's range (undefined: unknown, no markers).
 */
export function frameRange(range: PyRange | null): PyRange | undefined | "none" {
  if (!range) return undefined;
  if (range[4] === INLINED_CALL) return "none";
  if (range[4] === INLINED_BODY) return [range[0], range[1], range[2], range[3], 0, 0, 0];
  if (range[4] === CALLEE_ATTRIBUTE) return [range[0], range[1], range[2], range[3], 0, 0, 0];
  return range;
}
// Spans longer than this many lines are searched one by one rather than indexed by line.
const INDEXED_LINES = 40;

/** The spans of one translated file, by line: the innermost span around a position. */
export class SpanIndex {
  private byLine = new Map<number, CodeSpan[]>();
  private long: CodeSpan[] = [];
  constructor(spans: readonly CodeSpan[]) {
    for (const s of spans) {
      if (s.endLine - s.line > INDEXED_LINES) {
        this.long.push(s);
        continue;
      }
      for (let l = s.line; l <= s.endLine; l++) {
        const list = this.byLine.get(l);
        if (list) list.push(s);
        else this.byLine.set(l, [s]);
      }
    }
  }

  /**
   * The Python range of the innermost span containing (line, col): col 0-based. `attribute`: the
   * frame where an AttributeError arose, whose range is the method call's attribute alone.
   */
  find(line: number, col: number, attribute = false): PyRange | null {
    let best: CodeSpan | null = null;
    const consider = (s: CodeSpan) => {
      if (s.range[4] === CALLEE_ATTRIBUTE && !attribute) return;
      const after = s.line < line || (s.line === line && s.col <= col);
      const before = s.endLine > line || (s.endLine === line && col < s.endCol);
      if (!after || !before) return;
      if (!best || s.line > best.line || (s.line === best.line && s.col > best.col) || (s.line === best.line && s.col === best.col && isShorter(s, best)))
        best = s;
    };
    for (const s of this.byLine.get(line) ?? []) consider(s);
    for (const s of this.long) consider(s);
    return best ? (best as CodeSpan).range : null;
  }
}

function isShorter(a: CodeSpan, b: CodeSpan): boolean {
  return a.endLine < b.endLine || (a.endLine === b.endLine && a.endCol < b.endCol);
}

/**
 * The source line as a frame shows it, and the marker line under it (null: none), for a frame at
 * `range` in `line` (the whole source line, without its line break). `interpreter`: the format of
 * the interpreter's own printer (an uncaught exception), else the traceback module's.
 */
export function frameSourceLines(line: string, range: PyRange | undefined, interpreter: boolean): { shown: string; markers: string | null } {
  const lead = line.length - line.trimStart().length;
  const shown = interpreter ? line.slice(lead) : line.trim();
  if (!range || !shown) return { shown, markers: null };
  const chars = Array.from(line);
  const leadChars = Array.from(line.slice(0, lead)).length;
  const shownLength = Array.from(shown).length;
  const [startLine, col, endLine, endCol, anchor, a, b] = range;
  if (anchor > ANCHOR_SUBSCRIPT) return { shown, markers: null };
  const start = charOffset(chars, 0, col);
  let end: number;
  let anchors: [number, number] | null = null;
  if (startLine === endLine) {
    end = charOffset(chars, 0, endCol);
    if (anchor) anchors = anchorsOf(chars.slice(start, end), col, anchor, a, b, interpreter);
  } else {
    end = Array.from(line.trimEnd()).length;
  }
  const secondary = anchors !== null && anchors[1] - anchors[0] > 0;
  if (end - start >= shownLength && !secondary) return { shown, markers: null };
  if (end < start) return { shown, markers: null };
  const dpStart = displayWidth(chars, 0, start);
  const dpEnd = displayWidth(chars, 0, end);
  // (the traceback module counts the line break and any trailing blanks as stripped characters)
  const stripped = interpreter ? leadChars : chars.length + 1 - shownLength;
  let markers = " ".repeat(Math.max(0, dpStart + 1 - stripped - (interpreter ? 1 : 0)));
  if (anchors) {
    const left = displayWidth(chars, start, start + anchors[0]);
    const right = displayWidth(chars, start, start + anchors[1]);
    markers += "~".repeat(left) + "^".repeat(Math.max(0, right - left)) + "~".repeat(Math.max(0, dpEnd - dpStart - right));
  } else {
    markers += "^".repeat(dpEnd - dpStart);
  }
  return { shown, markers };
}

/**
 * The anchors of a one-line binary operation or subscript, as character offsets in its text
 * `seg`; `col` is the range's start (bytes), `a` and `b` byte offsets from it.
 */
function anchorsOf(seg: string[], col: number, anchor: number, a: number, b: number, interpreter: boolean): [number, number] | null {
  const at = (bytes: number) => charOffset(seg, 0, bytes);
  const blank = (ch: string | undefined) => ch !== undefined && /\s/.test(ch);
  void col;
  if (anchor === ANCHOR_BINOP) {
    const leftEnd = at(a);
    const rightStart = at(b);
    if (interpreter) {
      // The first character after the left operand that is no blank and no `)`; two wide when
      // the next character (still before the right operand) is no blank.
      for (let i = leftEnd; i < rightStart; i++) {
        if (blank(seg[i])) continue;
        let right = i + 1;
        if (i + 1 < rightStart && !blank(seg[i + 1])) right++;
        if (seg[i] === ")" && i + 1 < rightStart) continue;
        return [i, right];
      }
      return null;
    }
    // The traceback module: the operator's width is judged at the first non-blank character after
    // the left operand (a `)` there makes `)+` two wide), then both anchors move past blanks,
    // `)` and `#`.
    let offset = 0;
    while (leftEnd + offset < rightStart && blank(seg[leftEnd + offset])) offset++;
    let left = leftEnd + offset;
    let right = left + 1;
    if (left + 1 < rightStart && !blank(seg[left + 1])) right++;
    while (left < seg.length && (blank(seg[left]) || seg[left] === ")" || seg[left] === "#")) {
      left++;
      right++;
    }
    return [left, right];
  }
  if (anchor === ANCHOR_SUBSCRIPT) {
    let left = at(a);
    let right = at(b) + 1;
    while (left < seg.length && seg[left] !== "[") left++;
    while (right < seg.length && seg[right] !== "]") right++;
    if (right < seg.length) right++;
    return [left, right];
  }
  return null;
}

/** The character offset of a UTF-8 byte offset, from chars[from] on (a partial character counts as one). */
function charOffset(chars: string[], from: number, bytes: number): number {
  let i = from;
  let n = 0;
  while (i < chars.length && n < bytes) {
    const cp = chars[i].codePointAt(0)!;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    i++;
  }
  return i - from;
}

/** The display width of chars[from..to): two columns for East Asian wide and fullwidth characters. */
function displayWidth(chars: string[], from: number, to: number): number {
  let w = 0;
  for (let i = from; i < to && i < chars.length; i++) w += isWide(chars[i].codePointAt(0)!) ? 2 : 1;
  return w + Math.max(0, to - Math.max(from, chars.length));
}

// East Asian Width W and F (Unicode 15.0, CPython 3.12's unicodedata): start and length - 1, in hex.
const WIDE_TEXT =
  "1100,5f,231a,1,2329,1,23e9,3,23f0,0,23f3,0,25fd,1,2614,1,2648,b,267f,0,2693,0,26a1,0,26aa,1,26bd," +
  "1,26c4,1,26ce,0,26d4,0,26ea,0,26f2,1,26f5,0,26fa,0,26fd,0,2705,0,270a,1,2728,0,274c,0,274e,0,2753," +
  "2,2757,0,2795,2,27b0,0,27bf,0,2b1b,1,2b50,0,2b55,0,2e80,19,2e9b,58,2f00,d5,2ff0,b,3000,3e,3041,55," +
  "3099,66,3105,2a,3131,5d,3190,53,31f0,2e,3220,27,3250,1b6f,4e00,568c,a490,36,a960,1c,ac00,2ba3,f900," +
  "1ff,fe10,9,fe30,22,fe54,12,fe68,3,ff01,5f,ffe0,6,16fe0,4,16ff0,1,17000,17f7,18800,4d5,18d00,8," +
  "1aff0,3,1aff5,6,1affd,1,1b000,122,1b132,0,1b150,2,1b155,0,1b164,3,1b170,18b,1f004,0,1f0cf,0,1f18e," +
  "0,1f191,9,1f200,2,1f210,2b,1f240,8,1f250,1,1f260,5,1f300,20,1f32d,8,1f337,45,1f37e,15,1f3a0,2a," +
  "1f3cf,4,1f3e0,10,1f3f4,0,1f3f8,46,1f440,0,1f442,ba,1f4ff,3e,1f54b,3,1f550,17,1f57a,0,1f595,1,1f5a4," +
  "0,1f5fb,54,1f680,45,1f6cc,0,1f6d0,2,1f6d5,2,1f6dc,3,1f6eb,1,1f6f4,8,1f7e0,b,1f7f0,0,1f90c,2e,1f93c," +
  "9,1f947,b8,1fa70,c,1fa80,8,1fa90,2d,1fabf,6,1face,d,1fae0,8,1faf0,8,20000,fffd,30000,fffd";
let wide: number[] | null = null;

function isWide(cp: number): boolean {
  if (cp < 0x1100) return false;
  wide ??= WIDE_TEXT.split(",").map((h) => parseInt(h, 16));
  for (let i = 0; i < wide.length; i += 2) {
    if (cp < wide[i]) return false;
    if (cp <= wide[i] + wide[i + 1]) return true;
  }
  return false;
}
