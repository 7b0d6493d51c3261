// Lezer's ⚠ nodes → the SyntaxError CPython would report for the same source. Lezer recovers
// differently from CPython's PEG parser, so the report is chosen in two steps:
// 1. a light scan of the source for what CPython's tokenizer rejects (indentation, unterminated
//    strings, unbalanced brackets); such an error wins when it comes no later than lezer's;
// 2. otherwise lezer's first ⚠, with a message from its surroundings (`expected ':'`,
//    `invalid syntax`).

import { type SyntaxNode, Tree } from "@lezer/common";
import { SyntaxErrorAt } from "./errors.js";
import { forgotComma } from "./forgot-comma.js";
import { typeParamListError } from "./type-param-errors.js";
import type { LineMap } from "./positions.js";

/** The first problem in the tree, or null when lezer parsed everything. */
export function findSyntaxError(src: string, tree: Tree, lines: LineMap): SyntaxErrorAt | null {
  let first: SyntaxNode | null = null;
  if (hasErrorNode(tree))
    tree.iterate({
      enter(n) {
        if (first) return false;
        if (n.type.isError) {
          first = n.node;
          return false;
        }
        return undefined;
      },
    });
  const scan = scanSource(src);
  if (!first) return scan.error ?? null;
  const err: SyntaxNode = first;
  const generic = describe(src, err, lines);
  // CPython's tokenizer errors win over a parser error: earlier ones because the tokenizer meets
  // them first, later ones because CPython re-tokenizes the file after a generic "invalid syntax".
  if (scan.error && !scan.error.message.endsWith("was never closed")) {
    // (Block indentation is the parser's business in CPython: no later re-tokenizing finds it.)
    // (Nor does it find indentation mismatches, which its tokenizer reports without an exception.)
    const tokenizerLevel =
      !/^(expected an indented block|unexpected indent|unindent does not match)/.test(scan.error.message) && scan.error.kind !== "TabError";
    if (tokenizerLevel || lines.lineIndex(scan.error.from) <= lines.lineIndex(err.from)) return scan.error;
  }
  // A bracket never closed: CPython names the bracket when its parser ran into the end of the
  // file, or when, after a parser error, it tokenizes to the end and the bracket was opened on a
  // line before the furthest token its parser had read (lezer's error node, or the reported spot).
  if (scan.error) {
    const furthest = Math.max(lines.lineIndex(err.from), lines.lineIndex(generic.from));
    if (atEnd(src, err.from) || lines.lineIndex(scan.error.from) < furthest) return scan.error;
  }
  return generic;
}

/** Whether only blanks and comments follow `at`: the parser met the end of the file there. */
function atEnd(src: string, at: number): boolean {
  return /^(?:\s|#[^\n]*)*$/.test(src.slice(at));
}

/** Whether the tree holds a ⚠ node anywhere (a scan of lezer's node buffers: no cursor, no callbacks). */
function hasErrorNode(tree: Tree): boolean {
  // With a stack of its own: a chain of operators nests as deep as it is long (deep-tree.ts).
  const todo: Tree[] = [tree];
  while (todo.length) {
    const t = todo.pop()!;
    if (t.type.isError) return true;
    for (const child of t.children) {
      if (child instanceof Tree) {
        todo.push(child);
        continue;
      }
      // A TreeBuffer: groups of four (type id, from, to, end index).
      const { buffer, set } = child;
      const types = set.types;
      for (let j = 0; j < buffer.length; j += 4) if (types[buffer[j]].isError) return true;
    }
  }
  return false;
}

const HEADER = /^[ \t]*(?:async[ \t]+)?(if|elif|else|while|for|def|class|with|try|except|finally|match|case)\b/;

/** `class`/`def` before anything but a name, or another header keyword before an assignment or a dot. */
const KEYWORD_AS_NAME = /^([ \t]*(?:(class|def)[ \t]*(?=[^\p{L}\p{N}_ \t])|(if|while|for|with|try)[ \t]*(?=(?:[-+*/%&|^@]|\/\/|\*\*|>>|<<)?=(?!=)|\.)))/u;

function describe(src: string, err: SyntaxNode, lines: LineMap): SyntaxErrorAt {
  const line = lines.lineIndex(err.from);
  const lineStart = lines.starts[line];
  const text = lines.lineText(line + 1);
  const code = text.replace(/#.*$/, "").trimEnd();
  // A block keyword used as a name (`class = 1`, `for.x`): CPython's parser fails at the token
  // after the keyword, which cannot start the header; `try` expects its colon right there.
  const misused = KEYWORD_AS_NAME.exec(code);
  if (misused) {
    const at = lineStart + misused[1].length;
    return misused[3] === "try" ? new SyntaxErrorAt("expected ':'", at, at + 1) : new SyntaxErrorAt("invalid syntax", at, at + 1);
  }
  if (HEADER.test(code) && !code.endsWith(":") && !code.endsWith("\\") && !hasTopLevelColon(code)) {
    const at = lineStart + code.length;
    return new SyntaxErrorAt("expected ':'", at, at + 1);
  }
  // `print "x"`: lezer saw the name `print` (see repair.ts) followed by an operand.
  const print = /^([ \t]*)(print|exec)\b(?![ \t]*[(.=)\],:;]|[ \t]*$)/.exec(text);
  if (print) {
    const at = lineStart + print[1].length;
    const f = print[2];
    return new SyntaxErrorAt(`Missing parentheses in call to '${f}'. Did you mean ${f}(...)?`, at, lineStart + code.length);
  }
  const typeParams = typeParamListError(code, lineStart, err.from);
  if (typeParams) return typeParams;
  const def = /^([ \t]*(?:async[ \t]+)?def[ \t]+[\p{L}\p{N}_]+(?![\p{L}\p{N}_])[ \t]*)(?![ \t(\[])/u.exec(code);
  if (def) return new SyntaxErrorAt("expected '('", lineStart + def[1].length, lineStart + def[1].length + 1);
  const importFrom = /^([ \t]*)import[ \t]+[\p{L}\p{N}_.]+[ \t]+from\b/u.exec(code);
  if (importFrom) return new SyntaxErrorAt("Did you mean to use 'from ... import ...' instead?", lineStart + importFrom[1].length, lineStart + code.length);

  const before = prevSibling(err);
  const errText = src.slice(err.from, err.to);
  // `x = 1 if y` with no `else`.
  if (err.parent?.name === "ConditionalExpression" && err.from === err.to && !kids(err.parent).some((c) => c.name === "else")) {
    const body = err.parent.firstChild!;
    return new SyntaxErrorAt("expected 'else' after 'if' expression", body.from, before?.to ?? err.from);
  }
  // `[x, y for x, y in z]`: an unparenthesized tuple before a comprehension's `for`.
  if (
    /^\s*(?:async\s+)?for\b/.test(src.slice(err.from, err.from + 40)) &&
    (err.parent?.name === "ArrayExpression" || err.parent?.name === "SetExpression") &&
    before
  ) {
    const first = kids(err.parent)[1];
    if (first && kids(err.parent).some((c) => c.name === "," && c.from < err.from))
      return new SyntaxErrorAt("did you forget parentheses around the comprehension target?", first.from, before.to);
  }
  if (err.parent?.name === "FormatReplacement") {
    if (src[err.from] === "}" && before?.name === "{") return new SyntaxErrorAt("f-string: valid expression required before '}'", err.from, err.from + 1);
    if (src[err.from] === "!" && !/[sra]/.test(src[err.from + 1]))
      return new SyntaxErrorAt(`f-string: invalid conversion character '${src[err.from + 1]}': expected 's', 'r', or 'a'`, err.from + 1, err.from + 2);
    // (Lezer may have read the line break into the replacement: point at the line's last character.)
    let at = err.from;
    if (/[\r\n]/.test(src[at - 1] ?? "")) {
      while (at > 0 && /[\r\n]/.test(src[at - 1])) at--;
      at = Math.max(0, at - 1);
    }
    return new SyntaxErrorAt("f-string: expecting '}'", at, at + 1);
  }
  // `{1: }`
  if (before?.name === ":" && /^\s*}/.test(src.slice(err.from)) && before.parent?.name.startsWith("Dictionary"))
    return new SyntaxErrorAt("expression expected after dictionary key and ':'", before.from, before.to);
  if (before && EXPRESSION.has(before.name)) {
    // `if x = 1:`: CPython suggests "==" (or ":=" after a name).
    if (errText === "=" && src[err.to] !== "=" && !/[\r\n]/.test(src.slice(before.to, err.from))) {
      if (before.name === "VariableName") return new SyntaxErrorAt("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", before.from, err.to);
      const what =
        before.name === "MemberExpression"
          ? src[before.lastChild!.from] === "]"
            ? "subscript"
            : "attribute"
          : before.name === "CallExpression"
            ? "function call"
            : before.name === "Number" || before.name === "String"
              ? "literal"
              : null;
      if (what) return new SyntaxErrorAt(`cannot assign to ${what} here. Maybe you meant '==' instead of '='?`, before.from, before.to);
    }
    // `f(a b)`, `[1 2]`: two expressions side by side inside brackets.
    const next = err.from === err.to ? nextSibling(err) : (err.firstChild ?? err);
    const nextText = next ? src.slice(next.from, next.to) : "";
    const startsExpr = /^(?:[\p{L}\p{N}_"'([{]|\.\d)/u.test(nextText) && !KEYWORD.test(nextText);
    const nameThenString = before.name === "VariableName" && /^[\p{L}\p{N}_]*["']/u.test(nextText);
    if (next && startsExpr && !nameThenString && scanSource(src, err.from).open)
      return new SyntaxErrorAt("invalid syntax. Perhaps you forgot a comma?", before.from, next.to);
  }
  const pair = forgotComma(src, scanSource(src, err.from).open);
  if (pair && pair.from <= err.from) return pair;
  return new SyntaxErrorAt("invalid syntax", err.from, Math.max(err.to, err.from + 1));
}

const EXPRESSION = new Set([
  "VariableName",
  "Number",
  "String",
  "FormatString",
  "ContinuedString",
  "CallExpression",
  "MemberExpression",
  "ParenthesizedExpression",
  "TupleExpression",
  "ArrayExpression",
  "DictionaryExpression",
  "SetExpression",
  "BinaryExpression",
  "UnaryExpression",
  "Boolean",
  "None",
  "Ellipsis",
]);
const KEYWORD = /^(?:and|or|not|in|is|if|else|for|async|await|lambda|from|as|import|yield|return|pass|None|True|False)(?![\p{L}\p{N}_])/u;

function kids(n: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = n.firstChild; c; c = c.nextSibling) if (c.name !== "Comment") out.push(c);
  return out;
}

function prevSibling(n: SyntaxNode): SyntaxNode | null {
  let p = n.prevSibling;
  while (p && p.name === "Comment") p = p.prevSibling;
  return p;
}

function nextSibling(n: SyntaxNode): SyntaxNode | null {
  let p = n.nextSibling;
  while (p && p.name === "Comment") p = p.nextSibling;
  return p;
}

/** Whether a line of code has a ":" outside brackets and strings (a header's colon). */
function hasTopLevelColon(code: string): boolean {
  let depth = 0;
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (c === "'" || c === '"') {
      const q = c;
      for (i++; i < code.length && code[i] !== q; i++) if (code[i] === "\\") i++;
    } else if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") depth--;
    else if (c === ":" && depth === 0 && code[i + 1] !== "=") return true;
  }
  return false;
}

function isNameChar(c: string | undefined): boolean {
  if (c === undefined) return false;
  const k = c.charCodeAt(0);
  if (k < 0x80) return (k >= 97 && k <= 122) || (k >= 65 && k <= 90) || (k >= 48 && k <= 57) || k === 95;
  return /[\p{L}\p{N}\p{Mn}\p{Mc}\p{Pc}]/u.test(c);
}

const CLOSE: Record<string, string> = { ")": "(", "]": "[", "}": "{" };

/**
 * What CPython's tokenizer would reject, found by walking the source once: indentation
 * (unexpected indent, expected an indented block, unindent mismatch), unterminated strings and
 * unbalanced brackets. Returns the first such error, or null.
 */
export function scanSource(src: string, stopAt = Infinity): { error: SyntaxErrorAt | null; open: { ch: string; at: number } | null } {
  // (Runs over every character of every file: char codes, no per-line strings.)
  const error = (e: SyntaxErrorAt) => ({ error: e, open: null });
  const indents = [0];
  const brackets: { ch: string; at: number; line: number }[] = [];
  let lineNo = 0;
  let expectIndent: { kw: string; line: number } | null = null;
  let pending: SyntaxErrorAt | null = null;
  let continued = false; // previous physical line ended with a backslash
  let startsLogical = true; // this physical line starts a logical line
  let logical = { kw: "", line: 0 }; // first keyword and line of the current logical line
  let i = 0;
  const n = src.length;
  while (i < n) {
    // At the start of a physical line.
    lineNo++;
    let width = 0;
    for (let c = src.charCodeAt(i); c === 32 || c === 9 || c === 12; c = src.charCodeAt(++i))
      width = c === 9 ? width + 8 - (width % 8) : c === 12 ? 0 : width + 1;
    const first = src.charCodeAt(i);
    const blank = i >= n || first === 10 || first === 13 || first === 35;
    if (!blank && !brackets.length && !continued) {
      const top = indents[indents.length - 1];
      // The parser's indentation errors come after a tokenizer error in the line's first token.
      if (expectIndent) {
        if (width < top && !indents.includes(width)) {
          // The tokenizer's dedent check comes before the parser misses the block.
          return error(new SyntaxErrorAt("unindent does not match any outer indentation level", lineEnd(src, i), lineEnd(src, i), "IndentationError"));
        }
        if (width <= top)
          pending = new SyntaxErrorAt(
            `expected an indented block after ${headerName(expectIndent.kw)} on line ${expectIndent.line}`,
            i,
            i + 1,
            "IndentationError",
          );
        else indents.push(width);
        expectIndent = null;
      } else if (width > top) pending = new SyntaxErrorAt("unexpected indent", i - 1, i - 1, "IndentationError");
      else if (width < top) {
        while (indents[indents.length - 1] > width) indents.pop();
        if (indents[indents.length - 1] !== width)
          return error(new SyntaxErrorAt("unindent does not match any outer indentation level", lineEnd(src, i), lineEnd(src, i), "IndentationError"));
      }
    }
    // The rest of the logical line's tokens on this physical line.
    continued = false;
    const codeStart = i;
    let commentAt = -1;
    while (i < n) {
      const c = src.charCodeAt(i);
      if (c === 10 || c === 13) break;
      if (pending && i > codeStart) return error(pending);
      if (i >= stopAt) return { error: null, open: brackets[brackets.length - 1] ?? null };
      // An ASCII name: none of its characters needs a check below (a digit inside it starts no
      // number), so the run is skipped at once (up to stopAt, which the check above must see).
      if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95) {
        const limit = stopAt < n ? stopAt : n;
        for (i++; i < limit; i++) {
          const d = src.charCodeAt(i);
          if (!((d >= 97 && d <= 122) || (d >= 65 && d <= 90) || (d >= 48 && d <= 57) || d === 95)) break;
        }
        continue;
      }
      if (c === 35) {
        // "#"
        commentAt = i;
        i = lineEnd(src, i);
        break;
      }
      if (c === 39 || c === 34) {
        const r = skipString(src, i);
        if (r.error) return error(r.error);
        // A long string may span lines: count them.
        for (let k = i; k < r.end; k++) {
          const d = src.charCodeAt(k);
          if (d === 10 || (d === 13 && src.charCodeAt(k + 1) !== 10)) lineNo++;
        }
        i = r.end;
        continue;
      }
      if (c >= 48 && c <= 57 && !nameCharBefore(src, i) && src.charCodeAt(i - 1) !== 46) {
        const r = scanNumber(src, i);
        if (r.error) return error(r.error);
        i = r.end;
        continue;
      }
      if (c >= 0x80) {
        // Outside strings and comments, only identifiers may hold non-ASCII characters.
        const cp = src.codePointAt(i)!;
        const ch = String.fromCodePoint(cp);
        if (!isNameChar(ch) && !/[\p{XID_Continue}]/u.test(ch.normalize("NFKC"))) {
          const u = cp.toString(16).toUpperCase().padStart(4, "0");
          const msg = /[\p{C}\p{Z}]/u.test(ch) ? `invalid non-printable character U+${u}` : `invalid character '${ch}' (U+${u})`;
          return error(new SyntaxErrorAt(msg, i, i + ch.length));
        }
        i += ch.length;
        continue;
      }
      if (c === 92) {
        // "\\": only a line continuation may follow.
        const d = src.charCodeAt(i + 1);
        if (!(d === 10 || d === 13 || i + 1 === n)) return error(new SyntaxErrorAt("unexpected character after line continuation character", i + 1, i + 1));
        continued = true;
      } else if (c === 40 || c === 91 || c === 123) {
        if (brackets.length >= 200) return error(new SyntaxErrorAt("too many nested parentheses", i, i + 1));
        brackets.push({ ch: src[i], at: i, line: lineNo });
      } else if (c === 41 || c === 93 || c === 125) {
        const close = src[i];
        const open = brackets.pop();
        if (!open) return error(new SyntaxErrorAt(`unmatched '${close}'`, i, i + 1));
        if (open.ch !== CLOSE[close])
          return error(
            new SyntaxErrorAt(
              `closing parenthesis '${close}' does not match opening parenthesis '${open.ch}'${open.line !== lineNo ? ` on line ${open.line}` : ""}`,
              i,
              i + 1,
            ),
          );
      }
      i++;
    }
    if (pending) return error(pending);
    if (startsLogical && !blank) {
      // (The line ends at a line break: matching in the whole source finds what matching the line would.)
      LOGICAL_KEYWORD.lastIndex = codeStart;
      const m = LOGICAL_KEYWORD.exec(src);
      logical = { kw: m ? m[1] : "", line: lineNo };
    }
    if (!blank && !brackets.length && !continued) {
      // A logical line ending in ":" opens a block on the next lines (not `if x: pass`).
      expectIndent = endsWithColon(src, codeStart, commentAt >= 0 ? commentAt : i) ? logical : null;
    }
    startsLogical = !brackets.length && !continued;
    if (src.charCodeAt(i) === 13 && src.charCodeAt(i + 1) === 10) i++;
    i++;
  }
  // A block header and then only blank lines and comments: CPython places the error at the last
  // line break (the end when there is none) and shows no caret.
  if (expectIndent && stopAt === Infinity) {
    const at = src.charCodeAt(n - 1) === 10 ? n - 1 : n;
    const message = `expected an indented block after ${headerName(expectIndent.kw)} on line ${expectIndent.line}`;
    return error(new SyntaxErrorAt(message, at, at, "IndentationError", false));
  }
  const open = brackets[brackets.length - 1] ?? null;
  if (open && stopAt === Infinity) return { error: new SyntaxErrorAt(`'${open.ch}' was never closed`, open.at, open.at + 1), open };
  return { error: null, open };
}

const LOGICAL_KEYWORD = /(?:async[ \t]+)?([a-z]+)\b/y;

/** Index of the line break (or the end) at or after `i`. */
function lineEnd(src: string, i: number): number {
  for (let c = src.charCodeAt(i); i < src.length && c !== 10 && c !== 13; c = src.charCodeAt(++i));
  return i;
}

/** Whether src[from, to), without trailing white space, ends with ":". */
function endsWithColon(src: string, from: number, to: number): boolean {
  let end = to;
  while (end > from) {
    const c = src.charCodeAt(end - 1);
    if (c === 32 || (c >= 9 && c <= 13) || (c >= 0x80 && /\s/.test(src[end - 1]))) end--;
    else return c === 58;
  }
  return false;
}

/** Whether the character before the digit at `i` is a name character (then the digit is part of a name). */
function nameCharBefore(src: string, i: number): boolean {
  const k = src.charCodeAt(i - 1);
  if (k < 0x80) return (k >= 97 && k <= 122) || (k >= 65 && k <= 90) || (k >= 48 && k <= 57) || k === 95;
  if (i === 0) return false;
  return isNameChar(src[i - 1] >= "\udc00" && src[i - 1] <= "\udfff" ? src.slice(i - 2, i) : src[i - 1]);
}

/** Keywords CPython 3.12 lets follow a number directly (`1if x else y`, with a warning). */
const AFTER_NUMBER = /^(?:and|else|for|if|in|is|not|or)(?![\p{L}\p{N}_])/u;
const RADIX: Record<string, { name: string; digit: RegExp; bad?: RegExp }> = {
  x: { name: "hexadecimal", digit: /[0-9a-fA-F]/ },
  o: { name: "octal", digit: /[0-7]/, bad: /[89]/ },
  b: { name: "binary", digit: /[01]/, bad: /[2-9]/ },
};

const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";

function numberError(msg: string, at: number): { end: number; error: SyntaxErrorAt } {
  return { end: at, error: new SyntaxErrorAt(msg, at, at + 1) };
}

/** Index after the digits (with single underscores between them) at `j`, or -1 - the index of a bad "_". */
function decimalDigits(src: string, j: number): number {
  for (;;) {
    while (isDigit(src[j])) j++;
    if (src[j] !== "_") return j;
    if (!isDigit(src[j + 1])) return -1 - j;
    j++;
  }
}

/**
 * The number token starting with the digit at `i`, checked as CPython's tokenizer checks it
 * (underscores only between digits, no leading zeros, no name characters right after it).
 */
function scanNumber(src: string, i: number): { end: number; error?: SyntaxErrorAt } {
  let j = i + 1;
  // The common case: a short decimal integer.
  if (src.charCodeAt(i) !== 48) {
    let c = src.charCodeAt(j);
    while (c >= 48 && c <= 57) c = src.charCodeAt(++j);
    // Not followed by "_", ".", "e", "E", "j", "J" or another name character.
    if (c < 0x80 || j >= src.length ? !((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 46) : !isNameChar(src[j])) return { end: j };
  }
  const radix = src[i] === "0" ? RADIX[(src[i + 1] ?? "").toLowerCase()] : undefined;
  if (radix) {
    j = i + 2;
    let digits = 0;
    for (;;) {
      if (src[j] === "_") j++;
      if (!radix.digit.test(src[j] ?? "")) {
        if (src[j - 1] === "_" || !digits) {
          if (radix.bad?.test(src[j] ?? "")) return numberError(`invalid digit '${src[j]}' in ${radix.name} literal`, j);
          return numberError(`invalid ${radix.name} literal`, src[j - 1] === "_" && digits ? j - 1 : i + 1);
        }
        break;
      }
      while (radix.digit.test(src[j] ?? "")) (j++, digits++);
    }
    if (radix.bad?.test(src[j] ?? "")) return numberError(`invalid digit '${src[j]}' in ${radix.name} literal`, j);
    if (isNameChar(src[j]) && !AFTER_NUMBER.test(src.slice(j, j + 5))) return numberError(`invalid ${radix.name} literal`, j - 1);
    return { end: j };
  }
  // Decimal: digits ["." digits] [e [+-] digits] [j].
  const bad = (k: number) => numberError("invalid decimal literal", -1 - k);
  j = decimalDigits(src, i);
  if (j < 0) return bad(j);
  const intEnd = j;
  let isFloat = false;
  if (src[j] === "." && src[j + 1] !== ".") {
    isFloat = true;
    j++;
    if (isDigit(src[j])) {
      j = decimalDigits(src, j);
      if (j < 0) return bad(j);
    }
  }
  if ((src[j] === "e" || src[j] === "E") && (isDigit(src[j + 1]) || ((src[j + 1] === "+" || src[j + 1] === "-") && isDigit(src[j + 2])))) {
    isFloat = true;
    j = decimalDigits(src, j + (isDigit(src[j + 1]) ? 1 : 2));
    if (j < 0) return bad(j);
  }
  if (src[j] === "j" || src[j] === "J") {
    isFloat = true;
    j++;
  }
  if (!isFloat && src[i] === "0" && /[1-9]/.test(src.slice(i, intEnd)))
    return numberError("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", i);
  if (isNameChar(src[j]) && !AFTER_NUMBER.test(src.slice(j, j + 5))) return numberError("invalid decimal literal", j - 1);
  return { end: j };
}

function headerName(kw: string): string {
  if (kw === "def") return "function definition";
  if (!kw) return "statement";
  if (kw === "class") return "class definition";
  return `'${kw}' statement`;
}

/** Index after the f-string replacement field whose "{" is at `k`, or -1 when it does not close. */
function skipReplacement(src: string, k: number): number {
  let depth = 0;
  for (let j = k; j < src.length;) {
    const c = src.charCodeAt(j);
    if (c === 39 || c === 34) {
      const r = skipString(src, j);
      if (r.error) return -1;
      j = r.end;
      continue;
    }
    if (c === 40 || c === 91 || c === 123) depth++;
    else if (c === 41 || c === 93 || c === 125) {
      depth--;
      if (depth === 0) return j + 1;
    }
    j++;
  }
  return -1;
}

/** Skips the string literal whose quote is at `i` (its prefix letters are already behind). */
function skipString(src: string, i: number): { end: number; error?: SyntaxErrorAt } {
  let p = i;
  let fstring = false;
  for (;;) {
    const c = p > 0 ? src.charCodeAt(p - 1) : 0;
    // r R b B u U, or f F
    if (c === 114 || c === 82 || c === 98 || c === 66 || c === 117 || c === 85) p--;
    else if (c === 102 || c === 70) {
      fstring = true;
      p--;
    } else break;
  }
  const q = src.charCodeAt(i);
  const triple = src.charCodeAt(i + 1) === q && src.charCodeAt(i + 2) === q;
  const closeLength = triple ? 3 : 1;
  let k = i + closeLength;
  while (k < src.length) {
    const c = src.charCodeAt(k);
    if (c === 92) {
      const d = src.charCodeAt(k + 1);
      k += fstring && (d === 123 || d === 125) ? 1 : d === 13 && src.charCodeAt(k + 2) === 10 ? 3 : 2;
      continue;
    }
    if (c === q && (!triple || (src.charCodeAt(k + 1) === q && src.charCodeAt(k + 2) === q))) return { end: k + closeLength };
    if (!triple && (c === 10 || c === 13)) break;
    if (fstring && c === 123) {
      // A 3.12 replacement field may span lines and hold strings with the same quotes.
      if (src.charCodeAt(k + 1) === 123) {
        k += 2;
        continue;
      }
      const end = skipReplacement(src, k);
      if (end > 0) {
        k = end;
        continue;
      }
    }
    k++;
  }
  const upTo = src.slice(0, Math.min(k, src.length));
  const detected = upTo.split(/\r\n|\r|\n/).length - (/[\r\n]$/.test(upTo) ? 1 : 0);
  const what = triple ? "unterminated triple-quoted string literal" : "unterminated string literal";
  return { end: k, error: new SyntaxErrorAt(`${what} (detected at line ${detected})`, p, p + 1) };
}
