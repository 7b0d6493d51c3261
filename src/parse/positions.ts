// Offsets (UTF-16 indices into the source string, as lezer gives them) to CPython positions:
// 1-based lines and UTF-8 byte columns. CPython ends a line at "\n", "\r\n" or a lone "\r".

export interface LineCol {
  lineno: number;
  /** UTF-8 byte column, 0-based (CPython's col_offset). */
  col: number;
}

/** Number of UTF-8 bytes needed for `s` (no Buffer: the parser also runs in a browser). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

/** Number of characters (code points) in `s`, as CPython counts them for SyntaxError.offset. */
export function codePointLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

const NOT_ASCII_OR_CR = /[\r\u0080-\uffff]/;

export class LineMap {
  /** Offset where each line starts (index 0 is line 1). */
  readonly starts: number[] = [0];
  /** Per line: true when the line is pure ASCII (byte column = offset difference). */
  private readonly ascii: boolean[] = [];

  constructor(readonly src: string) {
    // An ASCII source with "\n" line ends only (most files): the line starts found by indexOf,
    // no loop over every character.
    if (!NOT_ASCII_OR_CR.test(src)) {
      for (let i = src.indexOf("\n"); i >= 0; i = src.indexOf("\n", i + 1)) {
        this.ascii.push(true);
        this.starts.push(i + 1);
      }
      this.ascii.push(true);
      return;
    }
    let ascii = true;
    for (let i = 0; i < src.length; i++) {
      const c = src.charCodeAt(i);
      if (c === 10 || c === 13) {
        if (c === 13 && src.charCodeAt(i + 1) === 10) i++;
        this.ascii.push(ascii);
        ascii = true;
        this.starts.push(i + 1);
      } else if (c >= 0x80) ascii = false;
    }
    this.ascii.push(ascii);
  }

  /** The line of the last lookup: the builder asks for nearby offsets, mostly in order. */
  private hint = 0;

  /** 0-based line index of an offset. */
  lineIndex(offset: number): number {
    const starts = this.starts;
    const last = starts.length - 1;
    // The hinted line or the next one first (no search for most lookups).
    let h = this.hint;
    if (starts[h] <= offset) {
      if (h === last || offset < starts[h + 1]) return h;
      h++;
      if (h === last || offset < starts[h + 1]) return (this.hint = h);
    }
    let lo = 0;
    let hi = last;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return (this.hint = lo);
  }

  /** UTF-8 byte column (0-based) of an offset on the 0-based line `i`. */
  column(i: number, offset: number): number {
    const start = this.starts[i];
    return this.ascii[i] ? offset - start : utf8Length(this.src.slice(start, offset));
  }

  /** The offset of a UTF-8 byte column on the 0-based line `i` (the inverse of column()). */
  offset(i: number, col: number): number {
    const start = this.starts[i];
    if (this.ascii[i]) return start + col;
    const src = this.src;
    let k = start;
    for (let n = 0; n < col && k < src.length; k++) {
      const c = src.charCodeAt(k);
      if (c < 0x80) n += 1;
      else if (c < 0x800) n += 2;
      else if (c >= 0xd800 && c <= 0xdbff && k + 1 < src.length && src.charCodeAt(k + 1) >= 0xdc00 && src.charCodeAt(k + 1) <= 0xdfff) {
        n += 4;
        k++;
      } else n += 3;
    }
    return k;
  }

  at(offset: number): LineCol {
    const i = this.lineIndex(offset);
    return { lineno: i + 1, col: this.column(i, offset) };
  }

  /** The text of a 1-based line, without its line break. */
  lineText(lineno: number): string {
    const start = this.starts[lineno - 1] ?? this.src.length;
    const next = this.starts[lineno];
    let end = next === undefined ? this.src.length : next;
    while (end > start && (this.src.charCodeAt(end - 1) === 10 || this.src.charCodeAt(end - 1) === 13)) end--;
    return this.src.slice(start, end);
  }

  /** 1-based character column of an offset (CPython's SyntaxError.offset). */
  charColumn(offset: number): number {
    const i = this.lineIndex(offset);
    return codePointLength(this.src.slice(this.starts[i], offset)) + 1;
  }
}
