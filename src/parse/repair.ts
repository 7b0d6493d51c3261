// Same-length edits of the text lezer parses, for Python that @lezer/python's grammar cannot read
// (grammar-tests/README.md lists them). Offsets stay valid and the builder reads every name and
// literal from the original source, so an edit only changes how lezer groups the tokens; the
// builder recognises the edited spots by their original text.

/**
 * Edits that are always safe (inside strings and comments they change nothing the builder reads):
 * - a bare `yield` (the grammar wants an operand) → `yiel_`, a name whose original text is "yield";
 * - a float ending in "." (`1.`, `1.e5`): the "." becomes "0", keeping one Number token;
 * - `print` followed by an operand (`print >> f, x`, `print -1`): lezer's Python 2 print statement
 *   would take it; `prinT` is a plain name (the builder reads "print");
 * - in a raw f-string, a backslash before "{" (lezer's tokenizer skips the brace as if escaped,
 *   CPython does not) becomes a space; the literal text is still decoded from the source.
 */
export function lezerInput(source: string): string {
  return rawFStringBraces(source)
    .replace(/\byield(?=[ \t]*(?:[)\]};#\r\n]|$))/g, "yiel_")
    .replace(/(?<![\p{L}\p{N}_.])(\d[\d_]*)\.(?![\d_.])/gu, "$10")
    .replace(/(?<![\p{L}\p{N}_.])print(?=[ \t]+[^ \t(.\r\n#=])/gu, "prinT");
}

const isIdent = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}_]/u.test(c);

/**
 * Second pass, used when the first parse failed: in `with` headers, `as` becomes `or`, so that
 * `with a as (b, c):` and `with (a as b, c as d):` parse as expressions; the builder splits
 * `x or y` back into a withitem when the original text of the operator is "as".
 * In `case` headers, an empty `()`, `[]` or `{}` becomes `_1`, a capture pattern the builder
 * turns back into the empty class/sequence/mapping pattern.
 */
export function repairHeaders(source: string, input: string): string {
  const out = input.split("");
  const stmt = /^[ \t]*(?:async[ \t]+)?(with|case)\b/gm;
  for (let m; (m = stmt.exec(source)); ) {
    const start = m.index + m[0].length;
    const isWith = m[1] === "with";
    scanHeader(source, start, (i, word) => {
      if (isWith && word === "as") {
        out[i] = "o";
        out[i + 1] = "r";
      }
    }, (i) => {
      if (!isWith) {
        out[i] = "_";
        out[i + 1] = "1";
      }
    });
  }
  return out.join("");
}

/**
 * Walks a compound statement header from `i` to its ":" at bracket depth 0, skipping strings
 * and comments; reports identifier-like words and empty bracket pairs. Stops at an `if` at depth
 * 0 (a case guard) for the empty-bracket callback.
 */
function scanHeader(src: string, i: number, onWord: (at: number, word: string) => void, onEmpty: (at: number) => void): void {
  let depth = 0;
  let guard = false;
  while (i < src.length) {
    const c = src[i];
    if (c === "#") {
      while (i < src.length && src[i] !== "\n" && src[i] !== "\r") i++;
      continue;
    }
    if ((c === "\n" || c === "\r") && depth === 0 && src[i - 1] !== "\\") return;
    if (c === "'" || c === '"') {
      i = skipString(src, i);
      continue;
    }
    if (c === "(" || c === "[" || c === "{") {
      const close = c === "(" ? ")" : c === "[" ? "]" : "}";
      if (src[i + 1] === close && !guard) onEmpty(i);
      depth++;
    } else if (c === ")" || c === "]" || c === "}") depth--;
    else if (c === ":" && depth === 0 && src[i + 1] !== "=") return;
    else if (isIdent(c) && !isIdent(src[i - 1])) {
      let j = i;
      while (isIdent(src[j])) j++;
      const word = src.slice(i, j);
      if (src[j] === "'" || src[j] === '"') {
        i = j; // a string prefix
        continue;
      }
      if (word === "if" && depth === 0) guard = true;
      onWord(i, word);
      i = j;
      continue;
    }
    i++;
  }
}

/** Index just after the string literal whose opening quote is at `i`. */
function skipString(src: string, i: number): number {
  const q = src[i];
  const triple = src.startsWith(q + q + q, i);
  const end = triple ? q + q + q : q;
  i += end.length;
  while (i < src.length) {
    if (src[i] === "\\") i += 2;
    else if (src.startsWith(end, i)) return i + end.length;
    else if (!triple && (src[i] === "\n" || src[i] === "\r")) return i;
    else i++;
  }
  return i;
}

/** See lezerInput: `rf"\{x}"` → `rf" {x}"` for lezer. */
function rawFStringBraces(source: string): string {
  if (!/[rR][fF]|[fF][rR]/.test(source)) return source;
  const start = /(?<![\p{L}\p{N}_])(?:[rR][fF]|[fF][rR])('''|"""|'|")/gu;
  let out: string[] | null = null;
  for (let m; (m = start.exec(source)); ) {
    const q = m[1];
    let i = m.index + m[0].length;
    while (i < source.length && !source.startsWith(q, i)) {
      if (q.length === 1 && (source[i] === "\n" || source[i] === "\r")) break;
      if (source[i] === "\\") {
        if (source[i + 1] === "{") (out ??= source.split(""))[i] = " ";
        i += 2;
      } else i++;
    }
    start.lastIndex = i + q.length;
  }
  return out ? out.join("") : source;
}
