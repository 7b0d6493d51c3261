// IR → source text. One printer, two modes: TypeScript (types kept, for people and for `tsc`)
// and JavaScript (types dropped, for running without a TypeScript compiler in the loop).
// It also records, for every output line, the Python line it came from (the line map that
// tracebacks and the web page's diagnostics use).
//
// Parentheses come from a precedence table, so the lowering never has to think about them.
//
// A statement block inside an expression (a function expression's body) is printed by a nested
// printer into lines of its own; the expression's text holds a reference to them, \u0001N\u0002
// alone on its line, which the printer that writes the statement expands (no text copied per level).
//
// An expression with a Python range (src/ir/positions.ts) is printed between two markers,
// \u0004ID\u0005 ... \u0006, which the outermost printer removes as it writes each line, noting
// where the expression's text starts and ends: the spans that tracebacks map a JS column through.

import type { ClassMember, Expr, FunctionLike, Param, Stmt } from "../ir/nodes.js";
import { tempsDeclaration, type JsFastPaths, type Temps } from "./js-fast-paths.js";
import { pyMarkOf, rangeOfMark, type PyMark, type PyRange } from "../ir/positions.js";

export interface PrintOptions {
  /** "ts" keeps type annotations; "js" drops them. */
  mode: "ts" | "js";
  /** In JS mode, how a runtime import is written (the runner supplies modules itself). */
  jsImport?: (from: string, spec: { namespace?: string; named?: { name: string; alias?: string }[]; default?: string; localModule?: string }) => string;
  /** In JS mode, the inline fast paths the runner's code gets (js-fast-paths.ts). */
  fastPaths?: JsFastPaths | null;
}

export interface Printed {
  text: string;
  /** lineMap[i] is the Python line of output line i + 1 (0 when unknown). */
  lineMap: number[];
  /** nameMap[i] is the Python function (co_name) that output line i + 1 belongs to. */
  nameMap: string[];
  /** Where the expressions with a Python range are in the text, innermost after outer. */
  spans: OutputSpan[];
}

/** An expression's text in the output: from (line, col) to (endLine, endCol), 1-based lines, 0-based columns. */
export interface OutputSpan {
  line: number;
  col: number;
  endLine: number;
  endCol: number;
  range: PyRange;
}

// JS operator precedence (higher binds tighter).
const PREC: Record<string, number> = {
  ",": 1,
  "=": 2,
  "+=": 2,
  "-=": 2,
  "??=": 2,
  "?": 3,
  "??": 4,
  "||": 4,
  "&&": 5,
  "|": 6,
  "^": 7,
  "&": 8,
  "==": 9,
  "!=": 9,
  "===": 9,
  "!==": 9,
  "<": 10,
  "<=": 10,
  ">": 10,
  ">=": 10,
  instanceof: 10,
  in: 10,
  "<<": 11,
  ">>": 11,
  "+": 12,
  "-": 12,
  "*": 13,
  "/": 13,
  "%": 13,
  "**": 14,
};
const UNARY = 15;
const POSTFIX = 17;
const PRIMARY = 20;

const IDENT = /^[A-Za-z_$][\w$]*$/;

export function printProgram(body: Stmt[], options: PrintOptions): Printed {
  const p = new Printer(options, { ranges: [], blocks: [] }, false);
  const fast = p.fast;
  if (fast) {
    p.temps = { next: 0, max: 0 };
    body = fast.topLevel(body);
  }
  for (const s of body) p.stmt(s);
  if (p.temps?.max) p.insertLine(0, 0, tempsDeclaration(p.temps));
  return { text: p.lines.join("\n") + "\n", lineMap: p.lineMap, nameMap: p.nameMap, spans: p.spans };
}

export function printExpression(e: Expr, options: PrintOptions): string {
  const shared: Shared = { ranges: [], blocks: [] };
  const text = new Printer(options, shared, true).expr(e, 0);
  const expand = (t: string): string => t.replace(BLOCK_REFERENCE, (_, n: string) => shared.blocks[Number(n)]!.lines.map(expand).join("\n"));
  return expand(text).replace(/\u0004\d+\u0005|\u0006/g, "");
}

/** Lines a nested printer made, with the Python line and function of each. */
interface Block {
  lines: string[];
  lineMap: number[];
  nameMap: string[];
}

/** What the printers of one program share: the span markers' ranges and the nested blocks' lines. */
interface Shared {
  ranges: PyMark[];
  blocks: (Block | null)[];
}

const BLOCK_REFERENCE = /\u0001(\d+)\u0002/g;

// The printer's own markers are control characters (\u0001-\u0006): text from the program (an
// f-string's pieces, a string statement printed as a comment) writes every control character as
// an escape, so none can be taken for a marker.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const escapeControl = (c: string): string => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0");

const SPAN_START = "\u0004";
const SPAN_END = "\u0006";

/** The text without the span markers at its start (what the printer tests the text's start on). */
function bare(text: string): string {
  let i = 0;
  while (text.charCodeAt(i) === 4) i = text.indexOf("\u0005", i) + 1;
  return i ? text.slice(i) : text;
}

/** Whether the text (span markers aside) starts like a declaration or a block: `function`, `class`, `{`, `let [`. */
function startsLikeDeclaration(text: string): boolean {
  let i = 0;
  while (text.charCodeAt(i) === 4) i = text.indexOf("\u0005", i) + 1;
  // (most statements start otherwise: the first character decides without a slice or a regex)
  const c = text.charCodeAt(i);
  if (c !== 0x66 && c !== 0x63 && c !== 0x7b && c !== 0x6c) return false;
  return /^(function\b|class\b|\{|let\s*\[)/.test(i ? text.slice(i) : text);
}

class Printer {
  lines: string[] = [];
  lineMap: number[] = [];
  nameMap: string[] = [];
  spans: OutputSpan[] = [];
  private indent = 0;
  private pyLine = 0;
  private pyName = "<module>";
  /** Spans begun on an earlier line and not ended yet. */
  private open: { id: number; line: number; col: number }[] = [];
  /** JS mode's fast paths, and the temporaries of the function being printed (null: none allowed). */
  readonly fast: JsFastPaths | null;
  temps: Temps | null = null;
  /** Printing the body of a generator function (JS mode's range loops, js-fast-paths.ts). */
  private inGenerator = false;
  /**
   * `shared.ranges`: the Python range of each span marker (one table for the nested printers), and
   * `shared.blocks` the lines of the nested blocks;
   * `nested`: a printer for a block inside an expression leaves its markers to the outermost one.
   */
  constructor(
    private readonly options: PrintOptions,
    private readonly shared: Shared,
    private readonly nested: boolean,
  ) {
    this.fast = options.mode === "js" ? (options.fastPaths ?? null) : null;
  }

  /**
   * Appends an output line, `pad` + `line`; the outermost printer removes the span markers and
   * records the spans. (The markers are looked for in `line` before the indentation is prepended:
   * the search flattens the text it is given, and `line` is flat already or flattened once here.)
   */
  private push(pad: string, line: string, pyLine: number, pyName: string): void {
    if (!this.nested && (this.open.length || line.indexOf(SPAN_START) >= 0)) line = this.takeSpans(line, pad.length);
    this.lines.push(pad + line);
    this.lineMap.push(pyLine);
    this.nameMap.push(pyName);
  }

  /** `line` without its span markers, the spans recorded at columns moved right by `indent`. */
  private takeSpans(line: string, indent: number): string {
    const lineNo = this.lines.length + 1;
    let out = "";
    let from = 0;
    let start = line.indexOf(SPAN_START);
    let end = line.indexOf(SPAN_END);
    while (start >= 0 || end >= 0) {
      if (start >= 0 && (end < 0 || start < end)) {
        // (the id's digits read in place: no slice and no number parse per span)
        let id = 0;
        let close = start + 1;
        for (let c = line.charCodeAt(close); c !== 5; c = line.charCodeAt(++close)) id = id * 10 + c - 48;
        out += line.slice(from, start);
        this.open.push({ id, line: lineNo, col: indent + out.length });
        from = close + 1;
        start = line.indexOf(SPAN_START, from);
      } else {
        out += line.slice(from, end);
        from = end + 1;
        const begun = this.open.pop();
        if (begun)
          this.spans.push({ line: begun.line, col: begun.col, endLine: lineNo, endCol: indent + out.length, range: rangeOfMark(this.shared.ranges[begun.id]) });
        end = line.indexOf(SPAN_END, from);
      }
    }
    return out + line.slice(from);
  }

  /** A line added at `at` once its block is printed (the declaration of a body's temporaries). */
  insertLine(at: number, depth: number, text: string): void {
    this.lines.splice(at, 0, indentation(depth) + text);
    this.lineMap.splice(at, 0, this.lineMap[at] ?? this.pyLine);
    this.nameMap.splice(at, 0, this.nameMap[at] ?? this.pyName);
    // The spans on the lines below move down with them (spans are recorded in the order they end).
    for (let i = this.spans.length - 1; i >= 0 && this.spans[i].endLine > at; i--) {
      const span = this.spans[i];
      span.endLine++;
      if (span.line > at) span.line++;
    }
    for (const begun of this.open) if (begun.line > at) begun.line++;
  }

  /** Runs `print` with temporaries of a new function scope (or none), then restores the enclosing ones. */
  private withTemps<T>(temps: Temps | null, print: () => T): T {
    const saved = this.temps;
    this.temps = temps;
    try {
      return print();
    } finally {
      this.temps = saved;
    }
  }

  private get ts(): boolean {
    return this.options.mode === "ts";
  }

  private out(text: string): void {
    const pad = indentation(this.indent);
    // Most output is one line without a nested block: no split.
    if (text.indexOf("\n") < 0 && text.charCodeAt(0) !== 1) {
      this.push(pad, text, this.pyLine, this.pyName);
      return;
    }
    for (const piece of text.split("\n")) {
      // A nested block's lines (see inlineBlock), indented already, each with its own Python line.
      // (what follows the reference on its line, a class expression's closing text, ends its last line)
      const end = piece.charCodeAt(0) === 1 ? piece.indexOf("\u0002") : -1;
      if (end > 0) {
        const id = Number(piece.slice(1, end));
        const block = this.shared.blocks[id]!;
        this.shared.blocks[id] = null;
        const last = block.lines.length - 1;
        for (let i = 0; i < last; i++) this.push("", block.lines[i], block.lineMap[i], block.nameMap[i]);
        this.push("", end === piece.length - 1 ? block.lines[last] : block.lines[last] + piece.slice(end + 1), block.lineMap[last], block.nameMap[last]);
      } else this.push(pad, piece, this.pyLine, this.pyName);
    }
  }

  private block(body: Stmt[]): void {
    this.indent++;
    for (const s of body) this.stmt(s);
    this.indent--;
  }

  /** A function's body, its lines attributed to the Python function it came from. */
  private functionBlock(fn: FunctionLike): void {
    const saved = this.pyName;
    if (fn.pyName) this.pyName = fn.pyName;
    const at = this.lines.length;
    const temps = this.fast && { next: 0, max: 0 };
    const savedGenerator = this.inGenerator;
    this.inGenerator = fn.generator === true;
    this.withTemps(temps, () => this.block(fn.body));
    this.inGenerator = savedGenerator;
    if (temps?.max) this.insertLine(at, this.indent + 1, tempsDeclaration(temps));
    this.pyName = saved;
  }

  private type(t: string | undefined): string {
    return this.ts && t ? `: ${t}` : "";
  }

  stmt(s: Stmt): void {
    if ("line" in s && s.line) this.pyLine = s.line;
    // (a statement's expressions are printed before its nested statements: its temporaries are free again)
    if (this.temps) this.temps.next = 0;
    switch (s.k) {
      case "var":
        this.out(`${s.decl} ${s.name}${this.type(s.type)}${s.init ? ` = ${this.expr(s.init, 2)}` : ""};`);
        return;
      case "vars":
        this.out(`let ${s.names.map((n) => n.name + this.type(n.type)).join(", ")};`);
        return;
      case "expr": {
        const text = this.expr(s.expr, 0);
        // An expression statement must not start like a declaration or a block.
        this.out(startsLikeDeclaration(text) ? `(${text});` : `${text};`);
        return;
      }
      case "if": {
        this.out(`if (${this.expr(s.test, 0)}) {`);
        this.block(s.then);
        let rest = s.else;
        // `else if` chains print flat, the way `elif` reads.
        while (rest && rest.length === 1 && rest[0].k === "if") {
          const elif: Extract<Stmt, { k: "if" }> = rest[0];
          if (elif.line) this.pyLine = elif.line;
          this.out(`} else if (${this.expr(elif.test, 0)}) {`);
          this.block(elif.then);
          rest = elif.else;
        }
        if (rest && rest.length) {
          this.out("} else {");
          this.block(rest);
        }
        this.out("}");
        return;
      }
      case "while":
        this.out(`${s.label ? s.label + ": " : ""}while (${this.expr(s.test, 0)}) {`);
        this.block(s.body);
        this.out("}");
        return;
      case "for_of": {
        const range = this.fast && this.inGenerator ? this.fast.rangeLoopHead(this, s) : null;
        if (range) {
          this.out(`${s.label ? s.label + ": " : ""}${range.head}`);
          this.indent++;
          this.out(range.first);
          this.indent--;
          this.block(s.body);
          this.out("}");
          return;
        }
        this.out(`${s.label ? s.label + ": " : ""}for (${s.decl ? s.decl + " " : ""}${this.expr(s.target, 2)} of ${this.expr(s.iter, 2)}) {`);
        this.block(s.body);
        this.out("}");
        return;
      }
      case "break":
        this.out(s.label ? `break ${s.label};` : "break;");
        return;
      case "continue":
        this.out(s.label ? `continue ${s.label};` : "continue;");
        return;
      case "return":
        if (s.value?.k === "yield" && s.value.delegate && pyMarkOf(s.value)) {
          // V8 places a generator frame suspended in `return yield* x` at the `return` keyword: the
          // await's range covers the statement too, so that frame still finds it.
          this.out(`${this.withMark(s.value, `return ${this.expr(s.value, 0)}`)};`);
        } else this.out(s.value ? `return ${this.expr(s.value, 0)};` : "return;");
        return;
      case "throw":
        this.out(`throw ${this.expr(s.value, 0)};`);
        return;
      case "try":
        this.out("try {");
        this.block(s.body);
        if (s.handler) {
          this.out(`} catch (${s.catchName ?? "e"}) {`);
          this.block(s.handler);
        }
        if (s.finalizer) {
          this.out("} finally {");
          this.block(s.finalizer);
        }
        this.out("}");
        return;
      case "function":
        this.out(`${this.fnHead("function", s.fn)} {`);
        this.functionBlock(s.fn);
        this.out("}");
        return;
      case "class":
        this.out(
          `class ${s.name}${this.typeParams(s.typeParams)}${s.base ? ` extends ${this.expr(s.base, POSTFIX)}${this.typeParams(s.baseTypeArgs)}` : ""} {`,
        );
        this.indent++;
        for (const m of s.members) this.member(m);
        this.indent--;
        this.out("}");
        return;
      case "ts_decl":
        if (this.ts) for (const line of s.text.split("\n")) this.out(line);
        return;
      case "import":
        this.import(s);
        return;
      case "export_default":
        this.out(`${this.ts ? "export default" : "return"} ${this.expr(s.expr, 2)};`);
        return;
      case "block":
        this.out(s.label ? `${s.label}: {` : "{");
        this.block(s.body);
        this.out("}");
        return;
      case "comment":
        for (const line of s.text.split("\n")) this.out(`//${line ? " " + line.replace(CONTROL_CHARACTERS, escapeControl) : ""}`);
        return;
      case "blank":
        this.out("");
        return;
    }
  }

  private import(s: Extract<Stmt, { k: "import" }>): void {
    if (!this.ts) {
      if (s.typeOnly) return;
      if (this.options.jsImport) {
        this.out(this.options.jsImport(s.from, s));
        return;
      }
    }
    const kw = s.typeOnly ? "import type" : "import";
    if (s.default) this.out(`${kw} ${s.default} from ${JSON.stringify(s.from)};`);
    if (s.namespace) this.out(`${kw} * as ${s.namespace} from ${JSON.stringify(s.from)};`);
    if (s.named && s.named.length) {
      const names = s.named.map((n) => (n.alias && n.alias !== n.name ? `${n.name} as ${n.alias}` : n.name));
      this.out(`${kw} { ${names.join(", ")} } from ${JSON.stringify(s.from)};`);
    }
  }

  private member(m: ClassMember): void {
    if (m.line) this.pyLine = m.line;
    if (m.k === "field") {
      if (m.declare && !this.ts) return;
      const mods = `${m.declare ? "declare " : ""}${m.static ? "static " : ""}`;
      // (a field's initializer runs inside whatever expression makes the instance: no temporaries)
      const init = m.init ? this.withTemps(null, () => ` = ${this.expr(m.init!, 2)}`) : "";
      this.out(`${mods}${m.name}${this.type(m.type)}${init};`);
      return;
    }
    const mods = `${m.static ? "static " : ""}${m.accessor ? m.accessor + " " : ""}`;
    this.out(`${mods}${this.fnHead("", m.fn)} {`);
    this.functionBlock(m.fn);
    this.out("}");
  }

  private fnHead(keyword: string, fn: FunctionLike): string {
    const star = fn.generator ? "*" : "";
    const name = fn.name ?? "";
    const head = keyword ? `${keyword}${star} ${name}` : `${star}${name}`;
    return `${head.trimEnd()}${this.typeParams(fn.typeParams)}(${this.params(fn.params)})${this.type(fn.returnType)}`;
  }

  private typeParams(params: string[] | undefined): string {
    return this.ts && params?.length ? `<${params.join(", ")}>` : "";
  }

  private params(params: Param[]): string {
    // A default is evaluated before the body's declarations exist: no temporaries.
    if (this.temps) return this.withTemps(null, () => this.params(params));
    return params
      .map((p) => `${p.rest ? "..." : ""}${p.name}${p.optional && this.ts ? "?" : ""}${this.type(p.type)}${p.init ? ` = ${this.expr(p.init, 2)}` : ""}`)
      .join(", ");
  }

  /** Prints `e`, parenthesised when its precedence is below `min`. */
  expr(e: Expr, min: number): string {
    const text = this.exprText(e);
    return this.withMark(e, this.prec < min ? `(${text})` : text);
  }

  /** `text`, the printed `e`, between span markers when `e` has a Python range. */
  private withMark(e: Expr, text: string): string {
    const mark = pyMarkOf(e);
    return mark ? `${SPAN_START}${this.shared.ranges.push(mark) - 1}\u0005${text}${SPAN_END}` : text;
  }

  /** The precedence of the expression exprText() printed last (no [text, prec] pair per node). */
  private prec = 0;
  private r(text: string, prec: number): string {
    this.prec = prec;
    return text;
  }

  private exprText(e: Expr): string {
    switch (e.k) {
      case "id":
        return this.r(e.name, PRIMARY);
      case "this":
        return this.r("this", PRIMARY);
      case "super":
        return this.r("super", PRIMARY);
      case "lit":
        return this.r(literal(e.value), typeof e.value === "number" && (e.value < 0 || Object.is(e.value, -0)) ? UNARY : PRIMARY);
      case "template": {
        let text = "`";
        e.quasis.forEach((q, i) => {
          // Line breaks are escaped: the printer indents every output line, and must not indent inside a string.
          text += q
            .replace(/[`\\]|\$\{/g, (m) => "\\" + m)
            .replace(/[\n\r\u2028\u2029]/g, (m) => ({ "\n": "\\n", "\r": "\\r", "\u2028": "\\u2028", "\u2029": "\\u2029" })[m]!)
            .replace(CONTROL_CHARACTERS, escapeControl);
          if (i < e.exprs.length) text += "${" + this.expr(e.exprs[i], 0) + "}";
        });
        return this.r(text + "`", PRIMARY);
      }
      case "member":
        if (e.jsOnly && this.options.mode === "ts") return this.exprText(e.object);
        if (e.jsOnly && this.fast) {
          const body = this.fast.bodyOf(e);
          if (body) return this.r(body, PRIMARY);
        }
        return this.r(`${this.expr(e.object, e.object.k === "lit" ? PRIMARY + 1 : POSTFIX)}.${e.prop}`, POSTFIX);
      case "index":
        return this.r(`${this.expr(e.object, POSTFIX)}[${this.expr(e.index, 0)}]`, POSTFIX);
      case "call":
        if (this.fast) {
          const fast = this.fast.call(this, e);
          if (fast) return "text" in fast ? this.r(fast.text, 3) : this.withMark(fast.instead, this.exprText(fast.instead));
        }
        return this.r(`${this.expr(e.callee, POSTFIX)}${this.typeArgs(e.typeArgs)}(${this.args(e.args)})`, POSTFIX);
      case "new":
        return this.r(
          `new ${e.callee.k === "call" ? `(${this.expr(e.callee, 0)})` : this.expr(e.callee, POSTFIX)}${this.typeArgs(e.typeArgs)}(${this.args(e.args)})`,
          POSTFIX,
        );
      case "binary": {
        const p = PREC[e.op];
        // `**` is right-associative and refuses a unary left operand; `??` refuses to mix with && and ||.
        const right = e.op === "**";
        const l = mixesNullish(e.op, e.left) ? `(${this.expr(e.left, 0)})` : this.expr(e.left, right ? p + 2 : p);
        const r = mixesNullish(e.op, e.right) ? `(${this.expr(e.right, 0)})` : this.expr(e.right, right ? p : p + 1);
        return this.r(`${l} ${e.op} ${r}`, p);
      }
      case "unary": {
        const arg = this.expr(e.arg, UNARY);
        const first = bare(arg);
        const sep = /^[a-z]/.test(e.op) || (e.op === "-" && first.startsWith("-")) || (e.op === "+" && first.startsWith("+")) ? " " : "";
        return this.r(`${e.op}${sep}${arg}`, UNARY);
      }
      case "cond":
        return this.r(`${this.expr(e.test, 4)} ? ${this.expr(e.then, 2)} : ${this.expr(e.else, 2)}`, 3);
      case "assign":
        return this.r(`${this.expr(e.target, POSTFIX)} ${e.op} ${this.expr(e.value, 2)}`, 2);
      case "array":
        return this.r(`[${this.args(e.elements)}]`, PRIMARY);
      case "object":
        if (!e.props.length) return this.r("{}", PRIMARY);
        return this.r(`{ ${e.props.map((p) => (IDENT.test(p.key) ? p.key : JSON.stringify(p.key)) + ": " + this.expr(p.value, 2)).join(", ")} }`, PRIMARY);
      case "arrow": {
        const head = `(${this.params(e.params)})${this.type(e.returnType)} =>`;
        if (Array.isArray(e.body)) return this.r(`${head} ${this.inlineBlock(e.body, e.pyName, false)}`, 2);
        const temps = this.fast && { next: 0, max: 0 };
        const body = this.withTemps(temps, () => this.expr(e.body as Expr, 2));
        // Temporaries need a declaration: the body becomes a block.
        if (temps?.max) return this.r(`${head} ${this.inlineBlock([{ k: "return", value: e.body }], e.pyName, false)}`, 2);
        return this.r(`${head} ${bare(body).startsWith("{") ? `(${body})` : body}`, 2);
      }
      case "function":
        return this.r(`${this.fnHead("function", e.fn)} ${this.inlineBlock(e.fn.body, e.fn.pyName, e.fn.generator === true)}`, PRIMARY);
      case "class": {
        // A class expression (a decorated class): printed like the statement, spliced in.
        const inner = new Printer(this.options, this.shared, true);
        inner.indent = this.indent;
        inner.pyLine = this.pyLine;
        inner.pyName = this.pyName;
        // (its base is evaluated inside the enclosing expression: no temporaries; methods have their own)
        inner.temps = null;
        inner.stmt({ k: "class", name: e.name, base: e.base, members: e.members, typeParams: e.typeParams, baseTypeArgs: e.baseTypeArgs });
        const first = inner.lines[0].trimStart();
        if (inner.lines.length === 1) return this.r(first, PRIMARY);
        return this.r(`${first}\n${this.blockReference(inner, 1)}`, PRIMARY);
      }
      case "yield":
        return this.r(`yield${e.delegate ? "*" : ""}${e.arg ? " " + this.expr(e.arg, 2) : ""}`, 2);
      case "spread":
        return this.r(`...${this.expr(e.arg, 2)}`, 2);
      case "as":
        return this.ts ? this.r(`${this.expr(e.expr, 11)} as ${e.type}`, 10) : this.exprText(e.expr);
      case "seq":
        return this.r(e.exprs.map((x) => this.expr(x, 2)).join(", "), 1);
    }
  }

  private typeArgs(types: string[] | undefined): string {
    return this.ts && types && types.length ? `<${types.join(", ")}>` : "";
  }

  private args(args: Expr[]): string {
    // (concatenated, not joined: a join copies its pieces into a flat string at every level of a
    // nested call, concatenation makes one rope that the line's final flattening copies once)
    if (!args.length) return "";
    let text = this.expr(args[0], 2);
    for (let i = 1; i < args.length; i++) text += ", " + this.expr(args[i], 2);
    return text;
  }

  /** A statement block inside an expression (arrow or function body), printed on its own lines. */
  private inlineBlock(body: Stmt[], pyName: string | undefined, generator: boolean): string {
    const inner = new Printer(this.options, this.shared, true);
    inner.inGenerator = generator;
    inner.indent = this.indent + 1;
    inner.pyLine = this.pyLine;
    inner.pyName = pyName ?? this.pyName;
    if (this.fast) inner.temps = { next: 0, max: 0 };
    for (const s of body) inner.stmt(s);
    if (inner.temps?.max) inner.insertLine(0, inner.indent, tempsDeclaration(inner.temps));
    // (an empty body: one empty line, as a join of no lines gave)
    return `{\n${inner.lines.length ? this.blockReference(inner, 0) : ""}\n${indentation(this.indent)}}`;
  }

  /** A reference to a nested printer's lines from `from` on, for out() to expand (see Shared). */
  private blockReference(inner: Printer, from: number): string {
    const block: Block = from ? { lines: inner.lines.slice(from), lineMap: inner.lineMap.slice(from), nameMap: inner.nameMap.slice(from) } : inner;
    return `\u0001${this.shared.blocks.push(block) - 1}\u0002`;
  }
}

/** Whether operand `x` of a binary `op` mixes `??` with `&&` or `||` (which JS refuses unparenthesised). */
function mixesNullish(op: string, x: Expr): boolean {
  return x.k === "binary" && (op === "??") !== (x.op === "??") && (x.op === "&&" || x.op === "||" || x.op === "??");
}

const PADS: string[] = [];
/** Two spaces per level, made once per depth. */
function indentation(depth: number): string {
  return (PADS[depth] ??= "  ".repeat(depth));
}

const LINE_SEPARATORS = /[\u2028\u2029]/;

function literal(value: string | number | bigint | boolean | null | undefined): string {
  switch (typeof value) {
    case "string": {
      const text = JSON.stringify(value);
      // (most strings have neither separator: no replace over them)
      return LINE_SEPARATORS.test(text) ? text.replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029") : text;
    }
    case "bigint":
      return `${value}n`;
    case "number":
      if (Number.isNaN(value)) return "NaN";
      if (value === Infinity) return "Infinity";
      if (value === -Infinity) return "-Infinity";
      if (Object.is(value, -0)) return "-0";
      return String(value);
    case "boolean":
      return String(value);
    case "undefined":
      return "undefined";
    default:
      return "null";
  }
}
