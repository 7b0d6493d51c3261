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
 * - a form feed on an otherwise blank line becomes a space (lezer's blank-line detection only
 *   knows spaces and tabs);
 * - in a raw f-string, a backslash before "{" (lezer's tokenizer skips the brace as if escaped,
 *   CPython does not) becomes a space; the literal text is still decoded from the source.
 */
export function lezerInput(source: string): string {
  let input = rawFStringBraces(formFeeds(source));
  // (each rewrite only where a plain test finds what it needs: the Unicode classes with a
  // look-behind cost ~1 ms to set up in a fresh process, and a pass over the text each)
  if (input.includes("yield")) input = input.replace(/\byield(?=[ \t]*(?:[)\]};#\r\n]|$))/g, "yiel_");
  if (/[\d_]\.(?![\d_.])/.test(input)) input = input.replace(/(?<![\p{L}\p{N}_.])(\d[\d_]*)\.(?![\d_.])/gu, "$10");
  if (/print[ \t]/.test(input)) input = input.replace(/(?<![\p{L}\p{N}_.])print(?=[ \t]+[^ \t(.\r\n#=])/gu, "prinT");
  return input;
}

function formFeeds(source: string): string {
  if (!source.includes("\f")) return source;
  // CPython's tokenizer starts counting a line's indentation again at a form feed; lezer counts
  // the blanks before the first one. A code line's blanks after its last form feed go first (the
  // same length, so positions stay).
  return source
    .replace(/^[ \t\f]*\f[ \t\f]*(?=[#\r\n]|$)/gm, (m) => m.replace(/\f/g, " "))
    .replace(/^([ \t\f]*)\f([ \t]*)(?=[^ \t\f\r\n#])/gm, (_m, before: string, after: string) => after + "\f" + before);
}

const isIdent = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}_]/u.test(c);

/**
 * Second pass, used when the first parse failed: in `with` headers, `as` becomes `or`, so that
 * `with a as (b, c):` and `with (a as b, c as d):` parse as expressions; the builder splits
 * `x or y` back into a withitem when the original text of the operator is "as".
 * In `case` headers, an empty `()`, `[]` or `{}` becomes `_1`, a capture pattern the builder
 * turns back into the empty class/sequence/mapping pattern. `match` headers: see below.
 */
export function repairHeaders(source: string, input: string): string {
  const out = input.split("");
  const stmt = /^[ \t]*(?:async[ \t]+)?(with|case|match)\b/gm;
  for (let m; (m = stmt.exec(source));) {
    const start = m.index + m[0].length;
    if (m[1] === "match") {
      // `match a, b:` (a tuple subject without parentheses): "," → "|" and a trailing "," → " ";
      // the builder splits an `|` spelled "," back into tuple items. Only for a real header
      // (`match` followed by an operand, a ":" ending the line).
      if (!/^[ \t]+(?![=:;,)\]}]|\.(?!\.\.)|[-+*/%@&|^<>!]=)/.test(source.slice(start, start + 6))) continue;
      // Likewise `:=` (the grammar's subject is no named expression) → "| ", back to NamedExpr.
      const commas: number[] = [];
      const end = { at: start };
      if (
        scanHeader(
          source,
          start,
          () => {},
          () => {},
          (i) => commas.push(i),
          end,
        )
      ) {
        for (const i of commas) out[i] = /^[ \t]*:/.test(source.slice(i + 1, i + 40)) ? " " : "|";
        const header = source.slice(start, end.at);
        for (let k = header.indexOf(":="); k >= 0; k = header.indexOf(":=", k + 2))
          if (topLevel(header, k)) {
            out[start + k] = "|";
            out[start + k + 1] = " ";
          }
      }
      continue;
    }
    const isWith = m[1] === "with";
    const end = { at: start };
    scanHeader(
      source,
      start,
      (i, word) => {
        if (isWith && word === "as") {
          out[i] = "o";
          out[i + 1] = "r";
        }
      },
      (i) => {
        if (!isWith) {
          // `case():` — right after the keyword, " _" (a `_1` would join the keyword).
          const glued = i === start;
          out[i] = glued ? " " : "_";
          out[i + 1] = glued ? "_" : "1";
        }
      },
      undefined,
      end,
    );
    if (!isWith) {
      // A dotted mapping key (`case {K.A: x}`; the grammar's keys are names and literals):
      // the dots become "_", one name the builder splits again.
      const header = source.slice(start, end.at);
      for (const k of header.matchAll(/(?<=[{,][ \t]*)[\p{L}_][\p{L}\p{N}_]*(?:\.[\p{L}_][\p{L}\p{N}_]*)+(?=[ \t]*:)/gu))
        for (let d = k[0].indexOf("."); d >= 0; d = k[0].indexOf(".", d + 1)) out[start + k.index! + d] = "_";
    }
  }
  repairExpressions(source, out);
  // A line continuation before a blank line (`x = "a" \` + blank line): CPython ends the statement
  // at the blank line, lezer skips the blank line and joins the next one: the "\" → " ".
  for (const m of source.matchAll(/\\(?=\r?\n[ \t\f]*(?:\r?\n|$))/g)) out[m.index!] = " ";
  return out.join("");
}

/**
 * `f"{x:=10}"`: in a replacement field, a top-level ":" starts the format spec even before "="
 * (lezer reads a walrus): the "=" becomes ">" for lezer; the builder reads the spec's text from
 * the source. Walks the f-string whose quote is at `i`; returns the index after it.
 */
function walkFString(src: string, i: number, out: string[]): number {
  const q = src.startsWith(src[i].repeat(3), i) ? src[i].repeat(3) : src[i];
  i += q.length;
  while (i < src.length && !src.startsWith(q, i)) {
    const c = src[i];
    if (q.length === 1 && (c === "\n" || c === "\r")) return i;
    if (c === "\\")
      i += src[i + 1] === "{" || src[i + 1] === "}" ? 1 : 2; // (`\{` still opens a field)
    else if (c === "{" && src[i + 1] === "{") i += 2;
    else if (c === "{") {
      // The replacement field: brackets and strings to its "}".
      let depth = 0;
      let spec = false;
      for (; i < src.length; i++) {
        const d = src[i];
        if ((d === "'" || d === '"') && (!spec || depth > 1)) {
          i = skipString(src, i) - 1;
          continue;
        }
        if (d === "(" || d === "[" || d === "{") depth++;
        else if (d === ")" || d === "]" || d === "}") {
          if (--depth === 0) break;
        } else if (d === ":" && depth === 1 && !spec) {
          spec = true;
          if (src[i + 1] === "=") out[i + 1] = ">";
        }
      }
      i++;
    } else i++;
  }
  return i + q.length;
}

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}_]/u.test(c);

/**
 * More second-pass edits, found in one walk over the code (strings and comments skipped):
 * - a star expression in a subscript (`tuple[*Ts]`, `x[a, *b]`), in a `for` target
 *   (`[x for a, *b in c]`) or in an annotation (`*args: *Ts`): `*` → `-`; the builder turns a
 *   unary `-` spelled `*` into Starred;
 * - the positional-only marker of a lambda (`lambda a, /, b: 0`; the grammar only has it in
 *   `def`): `/` → `_`, a parameter the builder reads as the marker; a trailing comma in a
 *   lambda's parameters (`lambda a,: 0`) → " ";
 * - decorators that are not a dotted name with an optional call (`@x[0]`, `@a or b`,
 *   `@lambda f: f`, `@d := g`): every decorator of that group becomes `_` and spaces, an
 *   expression statement; the builder sees the "@" in the source, parses the expression on its
 *   own (exprDecorator) and attaches it to the definition.
 */
function repairExpressions(src: string, out: string[]): void {
  type Open = { ch: string; subscript: boolean; forTarget: boolean; forIter?: boolean; lambda: number };
  const stack: Open[] = [{ ch: "", subscript: false, forTarget: false, lambda: 0 }];
  let lastComma = -1;
  let fPrefix = false; // the string starting here is an f-string
  let prev = ""; // the previous significant token: a word, or one punctuation character
  let prevWords: string[] = []; // the last two words
  let lineStart = true;
  const decorators: { at: number; end: number; simple: boolean; group: number }[] = [];
  let group = 0;
  let lastDecoratorLineEnd = -1;
  const n = src.length;
  for (let i = 0; i < n;) {
    const c = src[i];
    const top = stack[stack.length - 1];
    if (c === "\n" || c === "\r") {
      if (stack.length === 1 && src[i - 1] !== "\\") {
        lineStart = true;
        top.forTarget = false;
        top.forIter = false;
        top.lambda = 0;
      }
      i++;
      continue;
    }
    if (c === " " || c === "\t" || c === "\f") {
      i++;
      continue;
    }
    if (c === "#") {
      while (i < n && src[i] !== "\n" && src[i] !== "\r") i++;
      continue;
    }
    const atLineStart = lineStart && stack.length === 1;
    lineStart = false;
    if (c === "'" || c === '"') {
      i = fPrefix ? walkFString(src, i, out) : skipString(src, i);
      fPrefix = false;
      prev = '"';
      continue;
    }
    if (isWordChar(c)) {
      let j = i;
      while (isWordChar(src[j])) j++;
      const word = src.slice(i, j);
      if (src[j] === "'" || src[j] === '"') {
        fPrefix = /^[rRbBuU]?[fF][rRbBuU]?$/.test(word);
        i = j; // a string prefix
        continue;
      }
      if (word === "lambda") top.lambda++;
      else if (word === "for") top.forTarget = true;
      else if (word === "in") {
        // `for x in *a, *b:` (a statement's iterable may hold star expressions).
        top.forIter = top.forTarget && stack.length === 1;
        top.forTarget = false;
      }
      prev = word;
      prevWords = [prevWords[1], word];
      i = j;
      continue;
    }
    if (c === "@" && atLineStart) {
      // A decorator: its expression runs to the end of the logical line.
      const j = decoratorEnd(src, i);
      const text = src
        .slice(i + 1, j)
        .replace(/#[^\r\n]*$/, "")
        .trim();
      const simple = isSimpleDecorator(text);
      const between = src.slice(lastDecoratorLineEnd, i);
      if (lastDecoratorLineEnd < 0 || !/^[ \t\f]*(?:(?:#[^\r\n]*)?(?:\r\n|\r|\n)[ \t\f]*)*$/.test(between)) group++;
      decorators.push({ at: i, end: j, simple, group });
      lastDecoratorLineEnd = j;
      prev = "@";
      i++;
      continue;
    }
    if (c === "(" || c === "[" || c === "{") {
      const afterName = isWordChar(prev[0]) && !KEYWORDS.has(prev);
      const subscript =
        c === "[" &&
        (afterName || prev === ")" || prev === "]" || prev === '"') &&
        !(prevWords[0] === "def" || prevWords[0] === "class" || prevWords[0] === "type");
      stack.push({ ch: c, subscript, forTarget: false, lambda: 0 });
      prev = c;
      i++;
      continue;
    }
    if (c === ")" || c === "]" || c === "}") {
      if (stack.length > 1) stack.pop();
      prev = c;
      i++;
      continue;
    }
    if (c === ":" && top.lambda > 0 && src[i + 1] !== "=") {
      // The end of a lambda's parameters: `lambda a,: 0` (a trailing comma the grammar lacks).
      top.lambda--;
      if (prev === ",") out[lastComma] = " ";
    } else if (c === ",") lastComma = i;
    if (c === "*" && src[i + 1] !== "*" && src[i + 1] !== "=" && src[i - 1] !== "*") {
      // (`*args: *Ts`: a starred annotation.)
      if (
        (top.subscript && (prev === "[" || prev === ",")) ||
        (top.forTarget && (prev === "for" || prev === ",")) ||
        (top.forIter && (prev === "in" || prev === ",")) ||
        prev === ":"
      )
        out[i] = "-";
    } else if (c === "/" && src[i + 1] !== "/" && src[i - 1] !== "/" && prev === "," && /^[ \t]*[,:]/.test(src.slice(i + 1, i + 40))) {
      out[i] = "_";
    }
    prev = c;
    i++;
  }
  const complex = new Set(decorators.filter((d) => !d.simple).map((d) => d.group));
  for (const d of decorators) {
    if (!complex.has(d.group)) continue;
    out[d.at] = "_";
    for (let k = d.at + 1; k < d.end; k++) if (src[k] !== "\n" && src[k] !== "\r") out[k] = " ";
  }
}

/** End of the decorator whose "@" is at `at`: the end of its logical line (before the line break). */
export function decoratorEnd(src: string, at: number): number {
  const n = src.length;
  let j = at + 1;
  let depth = 0;
  while (j < n) {
    const d = src[j];
    if (d === "'" || d === '"') {
      j = skipString(src, j);
      continue;
    }
    if (d === "#") {
      while (j < n && src[j] !== "\n" && src[j] !== "\r") j++;
      continue;
    }
    if (d === "(" || d === "[" || d === "{") depth++;
    else if (d === ")" || d === "]" || d === "}") depth--;
    else if ((d === "\n" || d === "\r") && depth <= 0 && src[j - 1] !== "\\") break;
    j++;
  }
  return j;
}

/** `a.b.c` or `a.b.c(args)`: what the grammar's Decorator node accepts. */
function isSimpleDecorator(text: string): boolean {
  const m = /^[\p{L}\p{N}_]+(?:[ \t]*\.[ \t]*[\p{L}\p{N}_]+)*[ \t]*/u.exec(text);
  if (!m) return false;
  let i = m[0].length;
  if (i === text.length) return true;
  if (text[i] !== "(") return false;
  let depth = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === "'" || c === '"') {
      i = skipString(text, i);
      continue;
    }
    if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") {
      depth--;
      if (depth === 0) return i === text.length - 1;
    }
    i++;
  }
  return false;
}

const KEYWORDS = new Set([
  "and",
  "or",
  "not",
  "in",
  "is",
  "if",
  "else",
  "elif",
  "for",
  "while",
  "return",
  "yield",
  "await",
  "lambda",
  "import",
  "from",
  "as",
  "with",
  "assert",
  "del",
  "raise",
  "print",
  "exec",
  "case",
  "match",
]);

/**
 * Walks a compound statement header from `i` to its ":" at bracket depth 0, skipping strings
 * and comments; reports identifier-like words and empty bracket pairs. Stops at an `if` at depth
 * 0 (a case guard) for the empty-bracket callback.
 */
function scanHeader(
  src: string,
  i: number,
  onWord: (at: number, word: string) => void,
  onEmpty: (at: number) => void,
  onComma?: (at: number) => void,
  end?: { at: number },
): boolean {
  let depth = 0;
  let guard = false;
  while (i < src.length) {
    const c = src[i];
    if (c === "#") {
      while (i < src.length && src[i] !== "\n" && src[i] !== "\r") i++;
      continue;
    }
    if ((c === "\n" || c === "\r") && depth === 0 && src[i - 1] !== "\\") return false;
    if (c === "'" || c === '"') {
      i = skipString(src, i);
      continue;
    }
    if (c === "(" || c === "[" || c === "{") {
      const close = c === "(" ? ")" : c === "[" ? "]" : "}";
      if (src[i + 1] === close && !guard) onEmpty(i);
      depth++;
    } else if (c === ")" || c === "]" || c === "}") depth--;
    else if (c === ":" && depth === 0 && src[i + 1] !== "=") {
      if (end) end.at = i;
      return true;
    } else if (c === "," && depth === 0) onComma?.(i);
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
  return false;
}

/** Whether offset `k` of a header is outside brackets and strings. */
function topLevel(text: string, k: number): boolean {
  let depth = 0;
  for (let i = 0; i < k;) {
    const c = text[i];
    if (c === "'" || c === '"') {
      i = skipString(text, i);
      if (i > k) return false;
      continue;
    }
    if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") depth--;
    i++;
  }
  return depth === 0;
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
  // (a quote right after the prefix, as `start` needs: "from" and "for" alone do not send every module through it)
  if (!/(?:[rR][fF]|[fF][rR])['"]/.test(source)) return source;
  const start = /(?<![\p{L}\p{N}_])(?:[rR][fF]|[fF][rR])('''|"""|'|")/gu;
  let out: string[] | null = null;
  for (let m; (m = start.exec(source));) {
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
