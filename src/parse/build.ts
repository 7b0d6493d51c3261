// Lezer's concrete tree (@lezer/python) → CPython's AST (src/ast/nodes.ts).
//
// The lezer tree has no field names and flattens comma lists, comprehension clauses and
// parameter lists into their parent, so each builder below scans a node's children by name.
// One function per lezer node name; the switch in expr()/stmt() dispatches. Text (names,
// literals) always comes from the original source, positions from lezer's offsets.

import type { SyntaxNode } from "@lezer/common";
import type * as A from "../ast/nodes.js";
import { SyntaxErrorAt } from "./errors.js";
import { LineMap } from "./positions.js";
import { IntLimitError, LiteralError, numberValue } from "./literals.js";
import { buildStrings } from "./strings.js";
import { decoratorEnd, lezerInput } from "./repair.js";
import { kid, kids, kidsInside, lezerParse } from "./lezer.js";
import { yieldInTypeScope } from "./type-param-errors.js";

type N = SyntaxNode;
type Ctx = A.ExprContextNode;
type Span = { from: number; to: number };

const NOT_ASCII = /[^\x00-\x7f]/;

const LOAD: A.Load = { _type: "Load" };
const STORE: A.Store = { _type: "Store" };
const DEL: A.Del = { _type: "Del" };

/** Where a bare `yield` (a name for lezer, see repair.ts) may stand. */
const YIELD_PARENTS = new Set(["ExpressionStatement", "AssignStatement", "UpdateStatement", "ParenthesizedExpression", "FormatReplacement"]);

/** The statements decorators can precede. */
const DEFINITIONS = new Set(["FunctionDefinition", "ClassDefinition", "DecoratedStatement"]);

/** Nodes that hold an expression (lezer's `expression` group plus the `test`-level nodes). */
const EXPR = new Set([
  "BinaryExpression",
  "UnaryExpression",
  "AwaitExpression",
  "ParenthesizedExpression",
  "TupleExpression",
  "ComprehensionExpression",
  "ArrayExpression",
  "ArrayComprehensionExpression",
  "DictionaryExpression",
  "DictionaryComprehensionExpression",
  "SetExpression",
  "SetComprehensionExpression",
  "CallExpression",
  "MemberExpression",
  "VariableName",
  "Number",
  "String",
  "FormatString",
  "ContinuedString",
  "Ellipsis",
  "None",
  "Boolean",
  "ConditionalExpression",
  "LambdaExpression",
  "NamedExpression",
  "YieldExpression",
]);

// (Typed as string: nodes.ts declares both an operator `Mod` and the sum type `Mod`.)
/** Binding strength of the arithmetic/bitwise operators (higher binds tighter). */
const ARITH_PRECEDENCE: Record<string, number> = {
  "|": 1,
  "^": 2,
  "&": 3,
  "<<": 4,
  ">>": 4,
  "+": 5,
  "-": 5,
  "*": 6,
  "@": 6,
  "/": 6,
  "%": 6,
  "//": 6,
  "**": 7,
};
const BINOPS: Record<string, string> = {
  "+": "Add",
  "-": "Sub",
  "*": "Mult",
  "@": "MatMult",
  "/": "Div",
  "%": "Mod",
  "**": "Pow",
  "<<": "LShift",
  ">>": "RShift",
  "|": "BitOr",
  "^": "BitXor",
  "&": "BitAnd",
  "//": "FloorDiv",
};
const CMPOPS: Record<string, A.CmpopNode["_type"]> = {
  "==": "Eq",
  "!=": "NotEq",
  "<": "Lt",
  "<=": "LtE",
  ">": "Gt",
  ">=": "GtE",
  is: "Is",
  "is not": "IsNot",
  in: "In",
  "not in": "NotIn",
};

/** A link of a left-nested chain that expr() builds from the innermost out (not and/or). */
function isChainLink(n: N): boolean {
  if (n.name === "MemberExpression" || n.name === "CallExpression") return true;
  if (n.name !== "BinaryExpression") return false;
  const op = kid(n, 1)?.name;
  return op !== "and" && op !== "or";
}

/**
 * `f` of each of `xs`, in order, as a new array made by push. The AST's lists are made with this,
 * not `map`: V8's map builtin returns a packed array and TurboFan's inlined map a holey one, so once
 * a builder function ran optimized, the lowering's readers compiled against the packed lists were
 * thrown away at the first holey one ("wrong map"). Push gives the same packed array in both tiers.
 */
function mapList<T, U>(xs: readonly T[], f: (x: T, i: number) => U): U[] {
  const out: U[] = [];
  for (let i = 0; i < xs.length; i++) out.push(f(xs[i], i));
  return out;
}

/** Splits a flat child list at top-level "," nodes; `trailing` tells whether a comma ended it. */
function splitCommas(nodes: N[]): { items: N[][]; trailing: boolean } {
  const items: N[][] = [];
  // (each item sliced out at its size: one grown by push from empty reserves 17 slots)
  let start = 0;
  for (let i = 0; i < nodes.length; i++) {
    if (nodes[i].name === ",") {
      items.push(nodes.slice(start, i));
      start = i + 1;
    }
  }
  const trailing = start === nodes.length && items.length > 0;
  if (start < nodes.length) items.push(nodes.slice(start));
  return { items, trailing };
}

/** What CPython calls an expression in "cannot assign to ..." messages. */
export function exprName(e: A.ExprNode): string {
  switch (e._type) {
    case "Attribute":
      return "attribute";
    case "Subscript":
      return "subscript";
    case "Starred":
      return "starred";
    case "Name":
      return "name";
    case "List":
      return "list";
    case "Tuple":
      return "tuple";
    case "Lambda":
      return "lambda";
    case "Call":
      return "function call";
    case "BoolOp":
    case "BinOp":
    case "UnaryOp":
      return "expression";
    case "GeneratorExp":
      return "generator expression";
    case "Yield":
    case "YieldFrom":
      return "yield expression";
    case "Await":
      return "await expression";
    case "ListComp":
      return "list comprehension";
    case "SetComp":
      return "set comprehension";
    case "DictComp":
      return "dict comprehension";
    case "Dict":
      return "dict literal";
    case "Set":
      return "set display";
    case "JoinedStr":
    case "FormattedValue":
      return "f-string expression";
    case "Constant":
      if (e.value === null) return "None";
      if (e.value === true) return "True";
      if (e.value === false) return "False";
      if (typeof e.value === "object" && "ellipsis" in e.value) return "ellipsis";
      return "literal";
    case "Compare":
      return "comparison";
    case "IfExp":
      return "conditional expression";
    case "NamedExpr":
      return "named expression";
    case "Slice":
      return "slice";
  }
}

export class Builder {
  readonly lines: LineMap;
  /** Whether the source mentions `await` at all (skips the await re-grouping check otherwise). */
  private readonly mayAwait: boolean;
  /** Whether the source is all ASCII (every name is then its text: no check, no normalization). */
  private readonly asciiSource: boolean;

  constructor(
    readonly src: string,
    lines?: LineMap,
  ) {
    this.lines = lines ?? new LineMap(src);
    this.mayAwait = src.includes("await");
    this.asciiSource = !NOT_ASCII.test(src);
  }

  // ---- helpers -------------------------------------------------------------------------

  text(n: Span): string {
    return this.src.slice(n.from, n.to);
  }

  /**
   * Attaches CPython positions for the source range [from, to) to a node. Every node literal here
   * ends with the four position fields set to 0, which this overwrites: fields added to an object
   * after its literal go to a separate property array in V8 (two allocations more per node and
   * one indirection per read), fields of the literal stay inside the object. Same fields, same order.
   */
  at<T extends object>(node: T, from: number, to: number): T & A.Position {
    const lines = this.lines;
    const out = node as T & A.Position;
    const s = lines.lineIndex(from);
    out.lineno = s + 1;
    out.col_offset = lines.column(s, from);
    const e = lines.lineIndex(to);
    out.end_lineno = e + 1;
    out.end_col_offset = lines.column(e, to);
    return out;
  }

  /** Source offsets of a node built by at(), for spans computed from children (read back from its position). */
  span(node: object): Span {
    const p = node as Partial<A.Position>;
    if (p.lineno === undefined || p.end_lineno === undefined) throw new Error("internal: node without span");
    return { from: this.lines.offset(p.lineno - 1, p.col_offset!), to: this.lines.offset(p.end_lineno - 1, p.end_col_offset!) };
  }

  fail(msg: string, from: number, to: number = from): never {
    throw new SyntaxErrorAt(msg, from, to);
  }

  /** A Python identifier: CPython normalizes non-ASCII names to NFKC. */
  ident(n: Span): string {
    const t = this.text(n);
    if (this.asciiSource) return t;
    // (a loop, not a regular expression: this runs for every name)
    let ascii = true;
    for (let i = 0; i < t.length; i++)
      if (t.charCodeAt(i) > 0x7f) {
        ascii = false;
        break;
      }
    if (ascii) return t;
    // Lezer takes any non-ASCII character into a name; Python allows only XID characters.
    let at = n.from;
    for (const ch of t) {
      if (!/[\p{XID_Continue}]/u.test(ch) && !/[\p{XID_Start}]/u.test(ch.normalize("NFKC")))
        this.fail(`invalid character '${ch}' (U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")})`, at, at + ch.length);
      at += ch.length;
    }
    return t.normalize("NFKC");
  }

  name(n: N, ctx: Ctx = LOAD): A.Name {
    // (the offsets read once: each read of a lezer node's is a look into its tree)
    const from = n.from;
    const to = n.to;
    // A bare `yield` reaches lezer as a name (see lezerInput in index.ts).
    // (compared by length first: no second copy of every name's text)
    if (to - from === 5 && this.src.startsWith("yield", from)) {
      // Only where CPython's grammar takes a yield expression (`lambda: yield` is an error).
      if (!YIELD_PARENTS.has(n.parent?.name ?? "")) this.fail("invalid syntax", n.from, n.to);
      this.sawYield = true;
      if (!this.inFunction) this.mayBeMisplaced = true;
      return this.at({ _type: "Yield", value: null, lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.Yield, n.from, n.to) as unknown as A.Name;
    }
    const id = this.asciiSource ? this.src.slice(from, to) : this.ident(n);
    return this.at({ _type: "Name", id, ctx, lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.Name, from, to);
  }

  // ---- module and statements -----------------------------------------------------------

  module(top: N): A.Module {
    const body: A.Stmt[] = [];
    for (const c of kids(top)) this.stmtInto(c, body);
    if (this.pendingDecorators.length) this.fail("invalid syntax", top.to);
    return { _type: "Module", body, type_ignores: [] };
  }

  /** stmt(n)'s statements appended to `out` (a loop: a spread push is a call with an iterator). */
  stmtInto(n: N, out: A.Stmt[]): void {
    const got = this.stmt(n);
    for (let i = 0; i < got.length; i++) out.push(got[i]);
  }

  /** A statement node; StatementGroup (`a; b`) gives several. */
  stmt(n: N): A.Stmt[] {
    if (this.pendingDecorators.length && !DEFINITIONS.has(n.name) && !(n.name === "ExpressionStatement" && this.src[n.from] === "@"))
      this.fail("invalid syntax", n.from);
    switch (n.name) {
      case "StatementGroup":
        return kids(n)
          .filter((c) => c.name !== ";")
          .flatMap((c) => this.stmt(c));
      case "ExpressionStatement":
        if (this.src[n.from] === "@") {
          this.pendingDecorators.push(this.exprDecorator(n));
          return [];
        }
        return [this.ExpressionStatement(n)];
      case "AssignStatement":
        return [this.AssignStatement(n)];
      case "UpdateStatement":
        return [this.UpdateStatement(n)];
      case "DeleteStatement":
        return [this.DeleteStatement(n)];
      case "PassStatement":
        return [this.at({ _type: "Pass", lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.Pass, n.from, n.to)];
      case "BreakStatement":
        if (!this.inLoop) this.mayBeMisplaced = true;
        return [this.at({ _type: "Break", lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.Break, n.from, n.to)];
      case "ContinueStatement":
        if (!this.inLoop) this.mayBeMisplaced = true;
        return [this.at({ _type: "Continue", lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.Continue, n.from, n.to)];
      case "ReturnStatement":
        return [this.ReturnStatement(n)];
      case "YieldStatement":
        return [this.at({ _type: "Expr", value: this.yieldExpr(n), lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.Expr, n.from, n.to)];
      case "RaiseStatement":
        return [this.RaiseStatement(n)];
      case "ImportStatement":
        return [this.ImportStatement(n)];
      case "ScopeStatement":
        return [this.ScopeStatement(n)];
      case "AssertStatement":
        return [this.AssertStatement(n)];
      case "TypeDefinition":
        return [this.TypeDefinition(n)];
      case "IfStatement":
        return [this.IfStatement(n)];
      case "WhileStatement":
        return [this.WhileStatement(n)];
      case "ForStatement":
        return [this.ForStatement(n)];
      case "TryStatement":
        return [this.TryStatement(n)];
      case "WithStatement":
        return [this.WithStatement(n)];
      case "FunctionDefinition":
        return [this.FunctionDefinition(n, this.takeDecorators())];
      case "ClassDefinition":
        return [this.ClassDefinition(n, this.takeDecorators())];
      case "DecoratedStatement":
        return [this.DecoratedStatement(n)];
      case "MatchStatement":
        return [this.MatchStatement(n)];
      case "PrintStatement":
        return this.fail("Missing parentheses in call to 'print'. Did you mean print(...)?", n.from, n.to);
      default:
        return this.fail("invalid syntax", n.from, n.to);
    }
  }

  // What the tree holds that scope-errors.ts looks for (its walk is skipped without them).
  /** A `global` or `nonlocal` statement. */
  sawDeclaration = false;
  /** A yield expression (`yield` or `yield from`). */
  sawYield = false;
  /** A `yield from`. */
  sawYieldFrom = false;
  /** A comprehension or generator expression. */
  sawComprehension = false;

  // What compile-errors.ts looks for (its walk is skipped without any): a return, yield or await
  // outside a def's body, a break or continue outside a loop's body, a nonlocal. (Conservative: a
  // yield in a lambda or comprehension at module level counts too.)
  mayBeMisplaced = false;
  /** Building a def's body (not a class's inside it). */
  private inFunction = false;
  /** Building a loop's body (not its else, not a def's or class's inside it). */
  private inLoop = false;

  /** body() of a def (`inFunction`), a class or a loop (`inLoop`). (Not restored when a statement fails: the builder is dropped then.) */
  bodyIn(n: N, inFunction: boolean, inLoop: boolean): A.Stmt[] {
    const outerFunction = this.inFunction;
    const outerLoop = this.inLoop;
    this.inFunction = inFunction;
    this.inLoop = inLoop;
    const out = this.body(n);
    this.inFunction = outerFunction;
    this.inLoop = outerLoop;
    return out;
  }

  /** The most body() calls open at once so far (statement lists nested in one another: limits.ts checkStaticBlocks). */
  maxBodyNesting = 0;
  private bodyNesting = 0;

  /** The statements of a Body node (`: simple` or `: NEWLINE INDENT stmts DEDENT`). */
  body(n: N): A.Stmt[] {
    const out: A.Stmt[] = [];
    const cs = kids(n);
    // (not restored when a statement fails: a count left too high only makes the check run)
    if (++this.bodyNesting > this.maxBodyNesting) this.maxBodyNesting = this.bodyNesting;
    for (const c of cs) if (c.name !== ":") this.stmtInto(c, out);
    this.bodyNesting--;
    if (this.pendingDecorators.length) this.fail("invalid syntax", n.to);
    if (!out.length) this.fail("expected an indented block", n.to);
    // `a; b;` as a block's last line: CPython ends the enclosing statement after the final ";".
    const last = cs[cs.length - 1];
    const semi = last.name === "StatementGroup" ? kids(last).pop() : undefined;
    if (semi?.name === ";") this.blockEnds.set(out, semi.to);
    return out;
  }

  /** Block end offsets that differ from the last statement's end (see body()). */
  private readonly blockEnds = new WeakMap<A.Stmt[], number>();

  /** End offset of a block: its last statement's end (CPython ends compound statements there). */
  endOfBlock(stmts: A.Stmt[]): number {
    return this.blockEnds.get(stmts) ?? this.span(stmts[stmts.length - 1]).to;
  }

  /** `a, *b` at statement level: one expression, or a Tuple without parentheses. */
  exprList(nodes: N[]): A.ExprNode {
    // (one expression, most lists: no split)
    if (nodes.length === 1) {
      const name = nodes[0].name;
      if (name !== "," && name !== "*" && name !== "**") return this.expr(nodes[0]);
    }
    const { items, trailing } = splitCommas(nodes);
    if (items.length === 1 && !trailing) return this.listItem(items[0]);
    const elts = mapList(items, (it) => this.listItem(it));
    return this.at(
      { _type: "Tuple", elts, ctx: LOAD, lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.Tuple,
      nodes[0].from,
      nodes[nodes.length - 1].to,
    );
  }

  /** exprList([n]) without the list. */
  exprOne(n: N): A.ExprNode {
    return n.name !== "," && n.name !== "*" && n.name !== "**" ? this.expr(n) : this.exprList([n]);
  }

  /** One element of a display or target list: `e` or `*e`. */
  listItem(item: N[]): A.ExprNode {
    if (item[0].name === "*" || item[0].name === "**") {
      if (item[0].name === "**" || item.length !== 2) this.fail("invalid syntax", item[0].from);
      return this.at(
        { _type: "Starred", value: this.expr(item[1]), ctx: LOAD, lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.Starred,
        item[0].from,
        item[1].to,
      );
    }
    if (item.length !== 1) this.fail("invalid syntax", item[1].from);
    return this.expr(item[0]);
  }

  ExpressionStatement(n: N): A.Expr {
    const value = this.exprList(kids(n));
    return this.at({ _type: "Expr", value, lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.Expr, n.from, n.to);
  }

  AssignStatement(n: N): A.Stmt {
    const cs = kids(n);
    // `target = value`, most assignments: no groups to gather.
    if (cs.length === 3 && cs[1].name === "AssignOp" && cs[0].name !== "TypeDef" && cs[2].name !== "TypeDef") {
      const left = this.exprOne(cs[0]);
      const value = this.exprOne(cs[2]);
      return this.at(
        {
          _type: "Assign",
          targets: [this.target(left, STORE, "assign")],
          value,
          type_comment: null,
          lineno: 0,
          col_offset: 0,
          end_lineno: 0,
          end_col_offset: 0,
        } as A.Assign,
        n.from,
        n.to,
      );
    }
    const typeDef = cs.find((c) => c.name === "TypeDef");
    // Groups of expressions between the "=" signs.
    const groups: N[][] = [[]];
    for (const c of cs) {
      if (c.name === "AssignOp") groups.push([]);
      else if (c.name !== "TypeDef") groups[groups.length - 1].push(c);
    }
    if (typeDef) return this.annAssign(n, groups, typeDef);
    const exprs = mapList(groups, (g) => (g.length === 1 && g[0].name === "YieldExpression" ? this.expr(g[0]) : this.exprList(g)));
    const value = exprs.pop()!;
    const targets = mapList(exprs, (t, i) => this.target(t, STORE, i === 0 ? "assign" : "assign-later"));
    return this.at(
      { _type: "Assign", targets, value, type_comment: null, lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.Assign,
      n.from,
      n.to,
    );
  }

  annAssign(n: N, groups: N[][], typeDef: N): A.AnnAssign {
    const first = groups[0];
    if (splitCommas(first).items.length > 1 || first.some((c) => c.name === ","))
      this.fail("only single target (not tuple) can be annotated", first[0].from, first[first.length - 1].to);
    if (groups.length > 2) this.fail("invalid syntax", n.from);
    const raw = this.exprList(first);
    if (raw._type === "List" || raw._type === "Tuple")
      this.fail(`only single target (not ${raw._type === "List" ? "list" : "tuple"}) can be annotated`, first[0].from, first[0].to);
    if (raw._type !== "Name" && raw._type !== "Attribute" && raw._type !== "Subscript") this.fail(`illegal target for annotation`, first[0].from, first[0].to);
    const target = this.target(raw, STORE, "assign");
    const annotation = this.expr(this.typeDefExpr(typeDef));
    const vg = groups[1];
    const value = vg ? (vg.length === 1 && vg[0].name === "YieldExpression" ? this.expr(vg[0]) : this.exprList(vg)) : null;
    const simple = first.length === 1 && first[0].name === "VariableName" ? 1 : 0;
    return this.at(
      { _type: "AnnAssign", target, annotation, value, simple, lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.AnnAssign,
      n.from,
      n.to,
    );
  }

  /** The expression of a TypeDef node (`: T` or `-> T`). */
  typeDefExpr(n: N): N {
    const e = kids(n).find((c) => EXPR.has(c.name));
    if (!e) this.fail("invalid syntax", n.to);
    return e;
  }

  UpdateStatement(n: N): A.AugAssign {
    const cs = kids(n);
    const i = cs.findIndex((c) => c.name === "UpdateOp");
    const left = this.exprList(cs.slice(0, i));
    if (left._type !== "Name" && left._type !== "Attribute" && left._type !== "Subscript")
      this.fail(`'${exprName(left)}' is an illegal expression for augmented assignment`, cs[0].from, cs[i - 1].to);
    const target = this.target(left, STORE, "aug");
    const op = { _type: BINOPS[this.text(cs[i]).slice(0, -1)] } as A.OperatorNode;
    const rest = cs.slice(i + 1);
    const value = rest.length === 1 && rest[0].name === "YieldExpression" ? this.expr(rest[0]) : this.exprList(rest);
    return this.at({ _type: "AugAssign", target, op, value, lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.AugAssign, n.from, n.to);
  }

  DeleteStatement(n: N): A.Delete {
    const { items } = splitCommas(kidsInside(n, 1, 0));
    const targets = mapList(items, (it) => this.target(this.listItem(it), DEL, "del"));
    return this.at({ _type: "Delete", targets, lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.Delete, n.from, n.to);
  }

  ReturnStatement(n: N): A.Return {
    if (!this.inFunction) this.mayBeMisplaced = true;
    const rest = kidsInside(n, 1, 0);
    const value = rest.length ? this.exprList(rest) : null;
    return this.at({ _type: "Return", value, lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.Return, n.from, n.to);
  }

  RaiseStatement(n: N): A.Raise {
    const cs = kidsInside(n, 1, 0);
    if (cs.some((c) => c.name === ",")) this.fail("invalid syntax", cs.find((c) => c.name === ",")!.from);
    const exc = cs[0] ? this.expr(cs[0]) : null;
    const cause = cs[1]?.name === "from" ? this.expr(cs[2]) : null;
    return this.at({ _type: "Raise", exc, cause, lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.Raise, n.from, n.to);
  }

  ImportStatement(n: N): A.Import | A.ImportFrom {
    const cs = kids(n);
    if (cs[0].name === "import") {
      const names = mapList(splitCommas(cs.slice(1)).items, (it) => this.alias(it));
      return this.at({ _type: "Import", names, lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.Import, n.from, n.to);
    }
    let i = 1;
    let level = 0;
    for (; cs[i].name === "." || cs[i].name === "Ellipsis"; i++) level += cs[i].name === "." ? 1 : 3;
    const modParts: string[] = [];
    for (; cs[i].name !== "import"; i++) if (cs[i].name === "VariableName") modParts.push(this.ident(cs[i]));
    const rest = cs.slice(i + 1).filter((c) => c.name !== "(" && c.name !== ")");
    const { items, trailing } = splitCommas(rest);
    if (trailing && cs[i + 1].name !== "(") this.fail("trailing comma not allowed without surrounding parentheses", rest[rest.length - 1].to);
    for (const it of items) {
      // `from a import b.c`: only plain names are imported from a module.
      const dot = it.find((c) => c.name === ".");
      if (dot) this.fail("invalid syntax", dot.from);
    }
    const names = mapList(items, (it) => this.alias(it));
    const module = modParts.length ? modParts.join(".") : null;
    return this.at({ _type: "ImportFrom", module, names, level, lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.ImportFrom, n.from, n.to);
  }

  /** `a.b.c as d` or `*` in an import. */
  alias(item: N[]): A.Alias {
    const asIdx = item.findIndex((c) => c.name === "as");
    const nameNodes = asIdx < 0 ? item : item.slice(0, asIdx);
    const name = nameNodes
      .filter((c) => c.name === "VariableName" || c.name === "*")
      .map((c) => this.ident(c))
      .join(".");
    const asname = asIdx < 0 ? null : this.ident(item[asIdx + 1]);
    return this.at(
      { _type: "alias", name, asname, lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.Alias,
      item[0].from,
      item[item.length - 1].to,
    );
  }

  ScopeStatement(n: N): A.Global | A.Nonlocal {
    const cs = kids(n);
    const names = mapList(
      cs.filter((c) => c.name === "VariableName"),
      (c) => this.ident(c),
    );
    const _type = cs[0].name === "global" ? "Global" : "Nonlocal";
    this.sawDeclaration = true;
    if (_type === "Nonlocal") this.mayBeMisplaced = true;
    return this.at({ _type, names, lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.Global | A.Nonlocal, n.from, n.to);
  }

  AssertStatement(n: N): A.Assert {
    const { items } = splitCommas(kidsInside(n, 1, 0));
    if (items.length > 2) this.fail("invalid syntax", items[2][0].from);
    const test = this.expr(items[0][0]);
    const msg = items[1] ? this.expr(items[1][0]) : null;
    return this.at({ _type: "Assert", test, msg, lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.Assert, n.from, n.to);
  }

  TypeDefinition(n: N): A.TypeAlias {
    const cs = kids(n);
    const name = this.name(cs[1], STORE);
    const tpl = cs.find((c) => c.name === "TypeParamList");
    const type_params = tpl ? this.typeParams(tpl) : [];
    const value = this.expr(cs[cs.length - 1]);
    this.noYieldInTypeScope(value, "a type alias");
    return this.at({ _type: "TypeAlias", name, type_params, value, lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.TypeAlias, n.from, n.to);
  }

  typeParams(n: N): A.TypeParamNode[] {
    const seen = new Set<string>();
    return mapList(
      kids(n).filter((c) => c.name === "TypeParam"),
      (p) => {
        const cs = kids(p);
        const nameNode = cs.find((c) => c.name === "VariableName")!;
        const name = this.ident(nameNode);
        if (seen.has(name)) this.fail(`duplicate type parameter '${name}'`, p.from, p.to);
        seen.add(name);
        if (cs[0].name === "*")
          return this.at({ _type: "TypeVarTuple", name, lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.TypeVarTuple, p.from, p.to);
        if (cs[0].name === "**")
          return this.at({ _type: "ParamSpec", name, lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.ParamSpec, p.from, p.to);
        const td = cs.find((c) => c.name === "TypeDef");
        const bound = td ? this.expr(this.typeDefExpr(td)) : null;
        this.noYieldInTypeScope(bound, "a TypeVar bound");
        return this.at({ _type: "TypeVar", name, bound, lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.TypeVar, p.from, p.to);
      },
    );
  }

  /** CPython's symbol table refuses `yield` and `await` in a type parameter scope (PEP 695). */
  noYieldInTypeScope(e: Parameters<typeof yieldInTypeScope>[0], where: string): void {
    const found = yieldInTypeScope(e, where);
    if (found) {
      const { from, to } = this.span(found.node);
      this.fail(found.msg, from, to);
    }
  }

  IfStatement(n: N): A.If {
    // Clauses: [keyword, test?, Body]; elif chains become nested If nodes in orelse.
    const cs = kids(n);
    const clauses: { kw: N; test: N | null; body: N }[] = [];
    for (let i = 0; i < cs.length; i++) {
      const kw = cs[i];
      const test = cs[i + 1].name === "Body" ? null : cs[++i];
      clauses.push({ kw, test, body: cs[++i] });
    }
    let orelse: A.Stmt[] = [];
    let result: A.If | null = null;
    for (let k = clauses.length - 1; k >= 0; k--) {
      const c = clauses[k];
      const body = this.body(c.body);
      if (c.kw.name === "else") {
        orelse = body;
        continue;
      }
      if (!c.test) this.fail("invalid syntax", c.body.from);
      const test = this.expr(c.test);
      const end = orelse.length ? this.endOfBlock(orelse) : this.endOfBlock(body);
      result = this.at({ _type: "If", test, body, orelse, lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.If, c.kw.from, end);
      orelse = [result];
    }
    return result!;
  }

  /** `else: ...` at the end of a for/while statement, or []. */
  elseBlock(cs: N[]): A.Stmt[] {
    const i = cs.findIndex((c) => c.name === "else");
    return i < 0 ? [] : this.body(cs[i + 1]);
  }

  WhileStatement(n: N): A.While {
    const cs = kids(n);
    const test = this.expr(cs[1]);
    const body = this.bodyIn(cs[2], this.inFunction, true);
    const orelse = this.elseBlock(cs);
    const end = this.endOfBlock(orelse.length ? orelse : body);
    return this.at({ _type: "While", test, body, orelse, lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.While, n.from, end);
  }

  ForStatement(n: N): A.For | A.AsyncFor {
    const cs = kids(n);
    const isAsync = cs[0].name === "async";
    const forIdx = isAsync ? 1 : 0;
    const inIdx = cs.findIndex((c) => c.name === "in");
    const bodyIdx = cs.findIndex((c) => c.name === "Body");
    const target = this.target(this.exprList(cs.slice(forIdx + 1, inIdx)), STORE, "for");
    const iter = this.exprList(cs.slice(inIdx + 1, bodyIdx));
    const body = this.bodyIn(cs[bodyIdx], this.inFunction, true);
    const orelse = this.elseBlock(cs);
    const end = this.endOfBlock(orelse.length ? orelse : body);
    const _type = isAsync ? "AsyncFor" : "For";
    return this.at(
      { _type, target, iter, body, orelse, type_comment: null, lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.For | A.AsyncFor,
      n.from,
      end,
    );
  }

  TryStatement(n: N): A.Try | A.TryStar {
    const cs = kids(n);
    const body = this.body(cs[1]);
    const handlers: A.ExceptHandler[] = [];
    let orelse: A.Stmt[] = [];
    let finalbody: A.Stmt[] = [];
    let star: boolean | null = null;
    for (let i = 2; i < cs.length; i++) {
      const kw = cs[i];
      if (kw.name === "else") orelse = this.body(cs[++i]);
      else if (kw.name === "finally") finalbody = this.body(cs[++i]);
      else if (kw.name === "except") {
        const parts: N[] = [];
        while (cs[i + 1].name !== "Body") parts.push(cs[++i]);
        const bodyNode = cs[++i];
        const isStar = parts[0]?.name === "*";
        if (isStar) parts.shift();
        if (star !== null && star !== isStar) this.fail("cannot have both 'except' and 'except*' on the same 'try'", kw.from, bodyNode.from);
        star = isStar;
        if (isStar && !parts.length) this.fail("expected one or more exception types", bodyNode.from);
        if (parts[1]?.name === ",") this.fail("multiple exception types must be parenthesized", parts[0].from, parts[2]?.to ?? parts[1].to);
        const type = parts[0] ? this.expr(parts[0]) : null;
        const name = parts[1]?.name === "as" ? this.ident(parts[2]) : null;
        const hbody = this.body(bodyNode);
        handlers.push(
          this.at(
            { _type: "ExceptHandler", type, name, body: hbody, lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.ExceptHandler,
            kw.from,
            this.endOfBlock(hbody),
          ),
        );
      }
    }
    if (!handlers.length && !finalbody.length) this.fail("expected 'except' or 'finally' block", this.endOfBlock(body));
    const last = finalbody.length ? finalbody : orelse.length ? orelse : handlers.length ? handlers[handlers.length - 1].body : body;
    const _type = star ? "TryStar" : "Try";
    return this.at(
      { _type, body, handlers, orelse, finalbody, lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.Try,
      n.from,
      this.endOfBlock(last),
    );
  }

  WithStatement(n: N): A.With | A.AsyncWith {
    const cs = kids(n);
    const isAsync = cs[0].name === "async";
    const bodyIdx = cs.findIndex((c) => c.name === "Body");
    let { items } = splitCommas(cs.slice(isAsync ? 2 : 1, bodyIdx));
    // `with (a, b):` and `with (a as b, c):` are lists of items, not one tuple.
    const only = items.length === 1 && items[0].length === 1 ? items[0][0] : null;
    if (only && (only.name === "TupleExpression" || (only.name === "ParenthesizedExpression" && this.isWithAs(kids(only)[1]))))
      items = splitCommas(kidsInside(only, 1, 1)).items;
    const withItems = mapList(items, (it): A.WithItem => {
      if (it.length === 1 && this.isWithAs(it[0])) {
        const [left, , right] = kids(it[0]);
        return { _type: "withitem", context_expr: this.expr(left), optional_vars: this.target(this.expr(right), STORE, "with") };
      }
      return {
        _type: "withitem",
        context_expr: this.expr(it[0]),
        optional_vars: it[1]?.name === "as" ? this.target(this.expr(it[2]), STORE, "with") : null,
      };
    });
    const body = this.body(cs[bodyIdx]);
    const _type = isAsync ? "AsyncWith" : "With";
    return this.at(
      { _type, items: withItems, body, type_comment: null, lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.With,
      n.from,
      this.endOfBlock(body),
    );
  }

  /** `x or y` whose operator was `as` in the source (repair.ts rewrote a with header). */
  isWithAs(n: N | undefined): boolean {
    if (!n || n.name !== "BinaryExpression") return false;
    const op = kids(n)[1];
    return op.name === "or" && this.text(op) === "as";
  }

  /**
   * Decorators that repair.ts turned into expression statements (`@x[0]` → `_x[0]`), waiting for
   * the definition that follows them.
   */
  private pendingDecorators: A.ExprNode[] = [];

  takeDecorators(): A.ExprNode[] {
    const out = this.pendingDecorators;
    this.pendingDecorators = [];
    return out;
  }

  /**
   * See pendingDecorators: the expression after "@", parsed on its own as `(expression)` in a
   * text where it keeps its offsets (what comes before it is a comment line).
   */
  exprDecorator(n: N): A.ExprNode {
    const at = n.from;
    const end = decoratorEnd(this.src, at);
    const head = at >= 1 ? "#".padEnd(at - 1, " ").slice(0, at - 1) + "\n" : "";
    const text = lezerInput(head + "(" + this.src.slice(at + 1, end) + "\n)\n"); // (")" after any comment)
    const tree = lezerParse(text);
    let bad = -1;
    tree.iterate({
      enter: (x) => {
        if (x.type.isError && bad < 0) bad = x.from;
        return bad < 0;
      },
    });
    const stmt = tree.topNode.lastChild;
    const e = stmt?.name === "ExpressionStatement" ? kids(stmt) : [];
    if (bad >= 0 || e.length !== 1) this.fail("invalid syntax", Math.min(Math.max(bad, at + 1), end));
    // Our parentheses must not make a tuple or generator of `@a, b` or `@x for x in y`.
    if (e[0].from === at && e[0].name !== "ParenthesizedExpression") {
      const marker = kids(e[0]).find((c) => c.name === "," || c.name === "for" || c.name === "async");
      this.fail("invalid syntax", marker?.from ?? at + 1);
    }
    return e[0].from === at ? this.expr(kids(e[0])[1]) : this.expr(e[0]);
  }

  DecoratedStatement(n: N): A.Stmt {
    const cs = kids(n);
    const decorators = this.takeDecorators().slice();
    for (const c of cs) if (c.name === "Decorator") decorators.push(this.decorator(c));
    const def = cs[cs.length - 1];
    if (def.name === "ClassDefinition") return this.ClassDefinition(def, decorators);
    return this.FunctionDefinition(def, decorators);
  }

  /** `@a.b.c(args)`: lezer gives a flat dotted name and an optional ArgList. */
  decorator(n: N): A.ExprNode {
    const cs = kids(n).filter((c) => c.name !== "At");
    let e: A.ExprNode | null = null;
    let start = cs[0].from;
    for (const c of cs) {
      if (c.name === "VariableName") {
        e =
          e === null
            ? this.name(c)
            : this.at(
                { _type: "Attribute", value: e, attr: this.ident(c), ctx: LOAD, lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.Attribute,
                start,
                c.to,
              );
      } else if (c.name === "ArgList") {
        e = this.call(e!, c, start);
      }
    }
    return e!;
  }

  FunctionDefinition(n: N, decorator_list: A.ExprNode[]): A.FunctionDef | A.AsyncFunctionDef {
    const cs = kids(n);
    const isAsync = cs[0].name === "async";
    const nameNode = cs.find((c) => c.name === "VariableName")!;
    const tpl = cs.find((c) => c.name === "TypeParamList");
    const params = cs.find((c) => c.name === "ParamList")!;
    const ret = cs.find((c) => c.name === "TypeDef");
    const body = this.bodyIn(
      cs.find((c) => c.name === "Body")!,
      true,
      false,
    );
    const node = {
      _type: isAsync ? "AsyncFunctionDef" : "FunctionDef",
      name: this.ident(nameNode),
      args: this.params(params, true),
      body,
      decorator_list,
      returns: ret ? this.expr(this.typeDefExpr(ret)) : null,
      type_comment: null,
      type_params: tpl ? this.typeParams(tpl) : [],
      lineno: 0,
      col_offset: 0,
      end_lineno: 0,
      end_col_offset: 0,
    } as A.FunctionDef | A.AsyncFunctionDef;
    if (tpl) {
      const a = node.args;
      const annotations = [...a.posonlyargs, ...a.args, a.vararg, ...a.kwonlyargs, a.kwarg].map((x) => x?.annotation);
      this.noYieldInTypeScope([...annotations, node.returns], "the definition of a generic");
    }
    return this.at(node, n.from, this.endOfBlock(body));
  }

  ClassDefinition(n: N, decorator_list: A.ExprNode[]): A.ClassDef {
    const cs = kids(n);
    const nameNode = cs.find((c) => c.name === "VariableName")!;
    const tpl = cs.find((c) => c.name === "TypeParamList");
    const argList = cs.find((c) => c.name === "ArgList");
    const { args, keywords } = argList ? this.args(argList) : { args: [], keywords: [] };
    // `class C(x for x in y)`: a call's bare generator argument is no base list.
    if (argList && args[0]?._type === "GeneratorExp" && this.span(args[0]).from === argList.from)
      this.fail("invalid syntax", kids(argList).find((c) => c.name === "for" || c.name === "async")!.from);
    const body = this.bodyIn(
      cs.find((c) => c.name === "Body")!,
      false,
      false,
    );
    const node = {
      _type: "ClassDef",
      name: this.ident(nameNode),
      bases: args,
      keywords,
      body,
      decorator_list,
      type_params: tpl ? this.typeParams(tpl) : [],
      lineno: 0,
      col_offset: 0,
      end_lineno: 0,
      end_col_offset: 0,
    } as A.ClassDef;
    if (tpl) this.noYieldInTypeScope([args, keywords], "the definition of a generic");
    return this.at(node, n.from, this.endOfBlock(body));
  }

  /** A def's or lambda's parameters: `a, b: T = 1, /, *args, c, **kw`. */
  params(n: N, isDef: boolean): A.Arguments {
    const out: A.Arguments = {
      _type: "arguments",
      posonlyargs: [],
      args: [],
      vararg: null,
      kwonlyargs: [],
      kw_defaults: [],
      kwarg: null,
      defaults: [],
    };
    const { items, trailing } = splitCommas(this.withSlashes(n));
    let afterStar = false;
    let sawDefault = false;
    let sawSlash = false;
    for (let k = 0; k < items.length; k++) {
      const it = items[k];
      const head = it[0];
      if (head.name === "/") {
        if (sawSlash) this.fail("/ may appear only once", head.from);
        if (afterStar) this.fail("/ must be ahead of *", head.from);
        if (!out.args.length) this.fail("at least one argument must precede /", head.from);
        sawSlash = true;
        out.posonlyargs = out.args;
        out.args = [];
      } else if (head.name === "*") {
        if (afterStar) this.fail("* argument may appear only once", head.from);
        afterStar = true;
        if (it.length > 1) out.vararg = this.param(it.slice(1));
        else if (k === items.length - 1 || items[k + 1][0].name === "**") this.fail("named arguments must follow bare *", head.from);
      } else if (head.name === "**") {
        out.kwarg = this.param(it.slice(1));
        if (k !== items.length - 1) this.fail("arguments cannot follow var-keyword argument", items[k + 1][0].from);
      } else {
        const eq = it.findIndex((c) => c.name === "AssignOp");
        const a = this.param(eq < 0 ? it : it.slice(0, eq));
        const dflt = eq < 0 ? null : this.expr(it[eq + 1]);
        if (afterStar) {
          out.kwonlyargs.push(a);
          out.kw_defaults.push(dflt);
        } else {
          out.args.push(a);
          if (dflt) {
            sawDefault = true;
            out.defaults.push(dflt);
          } else if (sawDefault) this.fail("parameter without a default follows parameter with a default", head.from, it[it.length - 1].to);
        }
      }
    }
    if (trailing && !isDef && items.length) {
      // `lambda x,: 0` is fine in CPython too; nothing to check.
    }
    return out;
  }

  /**
   * A parameter list's children with the `/` markers put back: lezer keeps no node for the
   * anonymous "/" token, so it is found in the source between the nodes.
   */
  withSlashes(n: N): N[] {
    const cs = kids(n);
    // (no "/" anywhere in the list, most of them: only the brackets to leave out)
    // (a loop over the list's own text: indexOf would search on to the end of the source when the list has none)
    let slash = false;
    for (let i = n.from, end = n.to; i < end && !slash; i++) slash = this.src.charCodeAt(i) === 47;
    if (!slash) return cs.filter((c) => c.name !== "(" && c.name !== ")");
    const out: N[] = [];
    let pos = n.from;
    const gap = (to: number) => {
      const text = this.src.slice(pos, to).replace(/#[^\r\n]*/g, "");
      const i = text.indexOf("/");
      if (i >= 0) out.push({ name: "/", from: pos + i, to: pos + i + 1 } as unknown as N);
    };
    for (const c of n.firstChild ? cs : []) {
      gap(c.from);
      // A lambda's `/` reaches lezer as a parameter named `_` (see repair.ts).
      if (c.name === "VariableName" && this.src[c.from] === "/") out.push({ name: "/", from: c.from, to: c.to } as unknown as N);
      else if (c.name !== "(" && c.name !== ")") out.push(c);
      pos = c.to;
    }
    gap(n.to);
    return out;
  }

  /** `name` or `name: annotation` (the TypeDef node). */
  param(it: N[]): A.Arg {
    const nameNode = it[0];
    if (nameNode?.name !== "VariableName") this.fail("invalid syntax", nameNode?.from ?? 0);
    const td = it.find((c) => c.name === "TypeDef");
    const annotation = td ? this.expr(this.typeDefExpr(td)) : null;
    const end = td ? td.to : nameNode.to;
    return this.at(
      { _type: "arg", arg: this.ident(nameNode), annotation, type_comment: null, lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.Arg,
      nameNode.from,
      end,
    );
  }

  MatchStatement(n: N): A.Match {
    const cs = kids(n);
    const subjNodes = cs.slice(1, cs.length - 1);
    const matchBody = cs[cs.length - 1];
    const subject = this.matchSubject(subjNodes, matchBody.from);
    const cases: A.MatchCase[] = [];
    for (const c of kids(matchBody)) if (c.name === "MatchClause") cases.push(this.matchCase(c));
    const last = cases[cases.length - 1];
    return this.at(
      { _type: "Match", subject, cases, lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.Match,
      n.from,
      this.endOfBlock(last.body),
    );
  }

  /**
   * `match a, *b:` reaches lezer as `match a| *b:` (and `match a,:` as `match a :`, see
   * repair.ts): the `|` operators spelled "," separate the items of a tuple subject.
   */
  matchSubject(nodes: N[], bodyFrom: number): A.ExprNode {
    const items: N[][] = [];
    let star: N | null = null;
    const flatten = (x: N) => {
      const cs = kids(x);
      if (x.name === "BinaryExpression" && this.text(cs[1]) === ",") {
        flatten(cs[0]);
        flatten(cs[cs.length - 1]);
      } else if (star) {
        items.push([star, x]);
        star = null;
      } else items.push([x]);
    };
    for (const c of nodes) {
      if (c.name === "*") star = c;
      else flatten(c);
    }
    const trailing = /,/.test(this.src.slice(nodes[nodes.length - 1].to, bodyFrom).replace(/#[^\r\n]*/g, ""));
    if (items.length === 1 && !trailing) return this.exprList(items[0]);
    const elts = mapList(items, (it) => this.listItem(it));
    const end = trailing ? this.src.indexOf(",", nodes[nodes.length - 1].to) + 1 : nodes[nodes.length - 1].to;
    return this.at({ _type: "Tuple", elts, ctx: LOAD, lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.Tuple, nodes[0].from, end);
  }

  matchCase(n: N): A.MatchCase {
    const cs = kids(n);
    const bodyNode = cs[cs.length - 1];
    const guardNode = cs.find((c) => c.name === "Guard");
    const patNodes = cs.slice(1, guardNode ? cs.indexOf(guardNode) : cs.length - 1);
    const { items, trailing } = splitCommas(patNodes);
    const pattern =
      items.length === 1 && !trailing
        ? this.pattern(items[0][0])
        : this.at(
            {
              _type: "MatchSequence",
              patterns: mapList(items, (it) => this.pattern(it[0])),
              lineno: 0,
              col_offset: 0,
              end_lineno: 0,
              end_col_offset: 0,
            } as A.MatchSequence,
            patNodes[0].from,
            patNodes[patNodes.length - 1].to,
          );
    const guard = guardNode ? this.expr(kids(guardNode)[1]) : null;
    return { _type: "match_case", pattern, guard, body: this.body(bodyNode) };
  }

  pattern(n: N): A.Pattern {
    const cs = kids(n);
    switch (n.name) {
      case "CapturePattern": {
        const id = this.ident(cs[0]);
        if (/[)\]}]$/.test(id)) return this.emptyPattern(n, null);
        return this.at(
          { _type: "MatchAs", pattern: null, name: id === "_" ? null : id, lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.MatchAs,
          n.from,
          n.to,
        );
      }
      case "AsPattern": {
        const pattern = this.pattern(cs[0]);
        const name = this.ident(cs[cs.length - 1]);
        if (name === "_") this.fail("cannot use '_' as a target", cs[cs.length - 1].from);
        return this.at({ _type: "MatchAs", pattern, name, lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.MatchAs, n.from, n.to);
      }
      case "OrPattern": {
        // Lezer binds `as` tighter than `|`: `A | B as x` arrives as `A | (B as x)`.
        const alts = cs.filter((c) => c.name !== "LogicOp");
        const last = alts[alts.length - 1];
        const asName = last.name === "AsPattern" ? kids(last)[kids(last).length - 1] : null;
        const patterns: A.Pattern[] = [];
        for (const c of alts) {
          if (c !== last && c.name === "AsPattern") this.fail("invalid syntax", kids(c)[1].from);
          const p = c === last && asName ? this.pattern(kids(last)[0]) : this.pattern(c);
          if (p._type === "MatchOr" && (c.name === "OrPattern" || (c === last && kids(last)[0].name === "OrPattern"))) patterns.push(...p.patterns);
          else patterns.push(p);
        }
        const orEnd = asName ? kids(last)[0].to : n.to;
        const or = this.at({ _type: "MatchOr", patterns, lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.MatchOr, n.from, orEnd);
        if (!asName) return or;
        return this.at(
          { _type: "MatchAs", pattern: or, name: this.ident(asName), lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.MatchAs,
          n.from,
          n.to,
        );
      }
      case "LiteralPattern":
        return this.literalPattern(n);
      case "AttributePattern":
        if (this.text(n).endsWith("()")) return this.emptyPattern(n, this.dotted(cs));
        return this.at(
          { _type: "MatchValue", value: this.dotted(cs), lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.MatchValue,
          n.from,
          n.to,
        );
      case "StarPattern": {
        const inner = cs[1];
        const id = inner.name === "CapturePattern" ? this.ident(kids(inner)[0]) : null;
        if (inner.name !== "CapturePattern") this.fail("invalid syntax", inner.from);
        return this.at(
          { _type: "MatchStar", name: id === "_" ? null : id, lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.MatchStar,
          n.from,
          n.to,
        );
      }
      case "SequencePattern": {
        const { items, trailing } = splitCommas(cs.slice(1, -1));
        // `(p)` is a group, not a sequence.
        if (cs[0].name === "(" && items.length === 1 && !trailing) return this.pattern(items[0][0]);
        return this.at(
          {
            _type: "MatchSequence",
            patterns: mapList(items, (it) => this.pattern(it[0])),
            lineno: 0,
            col_offset: 0,
            end_lineno: 0,
            end_col_offset: 0,
          } as A.MatchSequence,
          n.from,
          n.to,
        );
      }
      case "MappingPattern":
        return this.mappingPattern(n);
      case "ClassPattern":
        return this.classPattern(n);
      default:
        return this.fail("invalid syntax", n.from, n.to);
    }
  }

  /**
   * `C()`, `()`, `[]`, `{}`: lezer wants at least one sub-pattern, so repair.ts turned the brackets
   * into `_1`. `cls` is the dotted class name when it was an AttributePattern.
   */
  emptyPattern(n: N, cls: A.ExprNode | null): A.Pattern {
    // (`case():` arrives as `case _:`, the name covering only the closing bracket.)
    if (/^[)\]}]$/.test(this.text(n))) n = { from: n.from - 1, to: n.to } as N;
    const t = this.text(n);
    const pats = (): A.Pattern[] => [];
    if (t === "{}")
      return this.at(
        {
          _type: "MatchMapping",
          keys: [] as A.ExprNode[],
          patterns: pats(),
          rest: null,
          lineno: 0,
          col_offset: 0,
          end_lineno: 0,
          end_col_offset: 0,
        } as A.MatchMapping,
        n.from,
        n.to,
      );
    if (t === "()" || t === "[]")
      return this.at({ _type: "MatchSequence", patterns: pats(), lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.MatchSequence, n.from, n.to);
    if (!cls) {
      const id = t.slice(0, -2);
      cls = this.at(
        {
          _type: "Name",
          id: /^[\x00-\x7f]*$/.test(id) ? id : id.normalize("NFKC"),
          ctx: LOAD,
          lineno: 0,
          col_offset: 0,
          end_lineno: 0,
          end_col_offset: 0,
        } as A.Name,
        n.from,
        n.to - 2,
      );
    } else {
      // The last PropertyName spans "C()": trim the brackets off the Attribute.
      const s = this.span(cls);
      const attr = (cls as A.Attribute).attr.slice(0, -2);
      cls = this.at({ ...cls, attr, lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.Attribute, s.from, s.to - 2);
    }
    return this.at(
      {
        _type: "MatchClass",
        cls,
        patterns: pats(),
        kwd_attrs: [] as string[],
        kwd_patterns: pats(),
        lineno: 0,
        col_offset: 0,
        end_lineno: 0,
        end_col_offset: 0,
      } as A.MatchClass,
      n.from,
      n.to,
    );
  }

  /** A dotted name (`a.b.c`) from VariableName/PropertyName children. */
  dotted(cs: N[]): A.ExprNode {
    let e: A.ExprNode = this.name(cs[0]);
    const start = cs[0].from;
    for (const c of cs.slice(1)) {
      if (c.name === "PropertyName")
        e = this.at(
          { _type: "Attribute", value: e, attr: this.ident(c), ctx: LOAD, lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.Attribute,
          start,
          c.to,
        );
    }
    return e;
  }

  literalPattern(n: N): A.Pattern {
    const cs = kids(n);
    if (cs[0].name === "None")
      return this.at({ _type: "MatchSingleton", value: null, lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.MatchSingleton, n.from, n.to);
    if (cs[0].name === "Boolean")
      return this.at(
        { _type: "MatchSingleton", value: this.text(cs[0]) === "True", lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.MatchSingleton,
        n.from,
        n.to,
      );
    return this.at(
      { _type: "MatchValue", value: this.literalPatternExpr(n), lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.MatchValue,
      n.from,
      n.to,
    );
  }

  /** The value of a number/string literal pattern: `-1`, `1+2j`, `-1-2j`, `"s"`. */
  literalPatternExpr(n: N): A.ExprNode {
    const cs = kids(n);
    if (cs[0].name !== "ArithOp" && cs[0].name !== "Number") return this.expr(cs[0]);
    let i = 0;
    let left: A.ExprNode;
    if (cs[0].name === "ArithOp") {
      const num = this.expr(cs[1]);
      left = this.at(
        { _type: "UnaryOp", op: { _type: "USub" }, operand: num, lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.UnaryOp,
        cs[0].from,
        cs[1].to,
      );
      i = 2;
    } else {
      left = this.expr(cs[0]);
      i = 1;
    }
    if (i < cs.length) {
      const right = this.expr(cs[i + 1]);
      const v = (right as A.Constant).value;
      if (!(typeof v === "object" && v !== null && "complex" in v)) this.fail("imaginary number required in complex literal", cs[i + 1].from, cs[i + 1].to);
      const op = { _type: this.text(cs[i]) === "+" ? "Add" : "Sub" } as A.OperatorNode;
      left = this.at({ _type: "BinOp", left, op, right, lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.BinOp, cs[0].from, cs[i + 1].to);
    }
    return left;
  }

  mappingPattern(n: N): A.MatchMapping {
    const { items } = splitCommas(kidsInside(n, 1, 1));
    const keys: A.ExprNode[] = [];
    const patterns: A.Pattern[] = [];
    let rest: string | null = null;
    for (const it of items) {
      if (it[0].name === "**") {
        const cap = it[1];
        const inner = kids(cap)[0];
        if (cap.name !== "CapturePattern") this.fail("invalid syntax", cap.from);
        rest = this.ident(inner);
        if (rest === "_") this.fail("invalid syntax", cap.from);
      } else {
        if (rest !== null) this.fail("invalid syntax", it[0].from);
        const k = it[0];
        const dotted = k.name === "VariableName" && this.text(k).includes(".");
        if (k.name === "VariableName" && !dotted) this.fail("invalid syntax", k.from);
        keys.push(dotted ? this.dottedText(k) : this.literalPatternKey(k));
        patterns.push(this.pattern(it[2]));
      }
    }
    return this.at({ _type: "MatchMapping", keys, patterns, rest, lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.MatchMapping, n.from, n.to);
  }

  /** `a.b.c` read by lezer as one name (see repair.ts: dotted mapping keys). */
  dottedText(n: N): A.ExprNode {
    let pos = n.from;
    let e: A.ExprNode | null = null;
    for (const part of this.text(n).split(".")) {
      const span = { from: pos, to: pos + part.length };
      e =
        e === null
          ? this.at(
              { _type: "Name", id: this.ident(span), ctx: LOAD, lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.Name,
              span.from,
              span.to,
            )
          : this.at(
              { _type: "Attribute", value: e, attr: this.ident(span), ctx: LOAD, lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.Attribute,
              n.from,
              span.to,
            );
      pos = span.to + 1;
    }
    return e!;
  }

  literalPatternKey(n: N): A.ExprNode {
    const cs = kids(n);
    if (cs[0].name === "None")
      return this.at({ _type: "Constant", value: null, kind: null, lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.Constant, n.from, n.to);
    if (cs[0].name === "Boolean")
      return this.at(
        { _type: "Constant", value: this.text(cs[0]) === "True", kind: null, lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.Constant,
        n.from,
        n.to,
      );
    if (n.name === "AttributePattern") return this.dotted(cs);
    return this.literalPatternExpr(n);
  }

  classPattern(n: N): A.MatchClass {
    const cs = kids(n);
    const clsNode = cs[0];
    const cls = clsNode.name === "VariableName" ? this.name(clsNode) : this.dotted(kids(clsNode));
    const { items } = splitCommas(kidsInside(cs[1], 1, 1));
    const patterns: A.Pattern[] = [];
    const kwd_attrs: string[] = [];
    const kwd_patterns: A.Pattern[] = [];
    for (const it of items) {
      const p = it[0];
      if (p.name === "KeywordPattern") {
        const kc = kids(p);
        kwd_attrs.push(this.ident(kc[0]));
        kwd_patterns.push(this.pattern(kc[kc.length - 1]));
      } else {
        if (kwd_attrs.length) this.fail("positional patterns follow keyword patterns", p.from, p.to);
        patterns.push(this.pattern(p));
      }
    }
    return this.at(
      { _type: "MatchClass", cls, patterns, kwd_attrs, kwd_patterns, lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.MatchClass,
      n.from,
      n.to,
    );
  }

  // ---- targets ------------------------------------------------------------------------

  /** Marks an expression as an assignment/deletion target, as CPython's parser does. */
  target(e: A.ExprNode, ctx: Ctx, why: "assign" | "assign-later" | "aug" | "del" | "for" | "with" | "comp"): A.ExprNode {
    switch (e._type) {
      case "Name":
      case "Attribute":
      case "Subscript":
        e.ctx = ctx;
        return e;
      case "Starred":
        if (why === "del") this.badTarget(e, why);
        e.ctx = ctx;
        this.target(e.value, ctx, why);
        return e;
      case "Tuple":
      case "List": {
        e.ctx = ctx;
        // CPython's "Maybe you meant '=='" hint only reaches the last item of an unparenthesized
        // first target (`x, f() = 1`), the part its parser tried as an expression.
        const bare = e._type === "Tuple" && e.elts.length > 0 && this.span(e).from === this.span(e.elts[0]).from;
        e.elts.forEach((x, i) => {
          const inner = why !== "assign" ? why : bare && i === e.elts.length - 1 ? "assign" : "assign-later";
          this.target(x, ctx, inner);
        });
        return e;
      }
      default:
        return this.badTarget(e, why);
    }
  }

  badTarget(e: A.ExprNode, why: string): never {
    const { from, to } = this.span(e);
    const what = exprName(e);
    if (why === "del") this.fail(`cannot delete ${what}`, from, to);
    const plain =
      ["True", "False", "None", "list", "tuple", "generator expression"].includes(what) ||
      ((e._type === "Yield" || e._type === "YieldFrom") && this.src[from] === "(");
    if (why === "assign" && !plain) this.fail(`cannot assign to ${what} here. Maybe you meant '==' instead of '='?`, from, to);
    this.fail(`cannot assign to ${what}`, from, to);
  }

  // ---- expressions --------------------------------------------------------------------

  /**
   * Lezer nests `a + b + c ...`, `a < b < c ...`, `a.b.c ...` and `f()()...` to the left, one level
   * per operand, so building them by recursion takes a few JS frames per operand and a long chain
   * overflows the stack (CPython builds them in a loop). A long chain's left operands are built
   * here from the innermost out instead, each kept for its parent's expr() call; the result is
   * what the recursion builds. (and/or chains are flattened by boolOps itself.)
   */
  private readonly builtAhead = new Map<string, A.ExprNode>();
  /** Set while building a chain whose text has no `await` (no re-grouping check needed). */
  private awaitFree = false;

  expr(n: N): A.ExprNode {
    // (the kind read once: each read of a lezer node's name is two getters into its tree)
    const name = n.name;
    if (name !== "BinaryExpression" && name !== "MemberExpression" && name !== "CallExpression") return this.exprNode(n, name);
    if (this.builtAhead.size) {
      const key = `${n.from}:${n.to}:${n.name}`;
      const ahead = this.builtAhead.get(key);
      if (ahead) {
        this.builtAhead.delete(key);
        return ahead;
      }
    }
    // (the spine's length is what decides; a short chain, most of them, is looked at only to 32 links.
    // Each link adds two tokens or more to its first child, so a text of 64 characters or fewer
    // holds fewer than 32 links: no look at all.)
    if (n.to - n.from <= 64) return this.exprNode(n, name);
    let links = 0;
    for (let x = kid(n, 0); x && links < 32 && isChainLink(x); x = kid(x, 0)) links++;
    if (links < 32 || this.src.slice(n.from, n.to).includes("await")) return this.exprNode(n);
    const spine: N[] = [];
    for (let x = kid(n, 0); x && isChainLink(x); x = kid(x, 0)) spine.push(x);
    const outer = this.awaitFree;
    this.awaitFree = true;
    try {
      for (let i = spine.length - 1; i >= 0; i--) this.builtAhead.set(`${spine[i].from}:${spine[i].to}:${spine[i].name}`, this.exprNode(spine[i]));
      return this.exprNode(n);
    } finally {
      this.awaitFree = outer;
    }
  }

  private exprNode(n: N, name: string = n.name): A.ExprNode {
    switch (name) {
      case "VariableName":
        return this.name(n);
      case "Number":
        return this.Number(n);
      case "String":
      case "FormatString":
      case "ContinuedString":
        return this.strings(n);
      case "Ellipsis":
        return this.at(
          { _type: "Constant", value: { ellipsis: true }, kind: null, lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.Constant,
          n.from,
          n.to,
        );
      case "None":
        return this.at({ _type: "Constant", value: null, kind: null, lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.Constant, n.from, n.to);
      case "Boolean":
        return this.at(
          { _type: "Constant", value: this.text(n) === "True", kind: null, lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.Constant,
          n.from,
          n.to,
        );
      case "ParenthesizedExpression":
        return this.ParenthesizedExpression(n);
      case "TupleExpression":
        return this.TupleExpression(n);
      case "ArrayExpression":
        return this.ArrayExpression(n);
      case "SetExpression":
        return this.SetExpression(n);
      case "DictionaryExpression":
        return this.DictionaryExpression(n);
      case "ComprehensionExpression":
      case "ArrayComprehensionExpression":
      case "SetComprehensionExpression":
      case "DictionaryComprehensionExpression":
        return this.comprehension(n);
      case "BinaryExpression":
        return this.BinaryExpression(n);
      case "UnaryExpression":
        return this.UnaryExpression(n);
      case "AwaitExpression":
        return this.AwaitExpression(n);
      case "CallExpression":
        // (the callee and the ArgList: a node's first and last children are never comments, which lezer puts around nodes)
        return this.call(this.expr(n.firstChild!), n.lastChild!, n.from);
      case "MemberExpression":
        return this.MemberExpression(n);
      case "ConditionalExpression": {
        const cs = kids(n);
        const body = this.expr(cs[0]);
        const test = this.expr(cs[2]);
        const orelse = this.expr(cs[4]);
        return this.at({ _type: "IfExp", test, body, orelse, lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.IfExp, n.from, n.to);
      }
      case "LambdaExpression": {
        const cs = kids(n);
        const pl = cs.find((c) => c.name === "ParamList");
        const args = pl ? this.params(pl, false) : this.params(n.firstChild!, false);
        return this.at(
          { _type: "Lambda", args, body: this.expr(cs[cs.length - 1]), lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.Lambda,
          n.from,
          n.to,
        );
      }
      case "NamedExpression": {
        const cs = kids(n);
        const t = this.expr(cs[0]);
        if (t._type !== "Name") this.fail(`cannot use assignment expressions with ${exprName(t)}`, cs[0].from, cs[0].to);
        t.ctx = STORE;
        return this.at(
          { _type: "NamedExpr", target: t, value: this.expr(cs[2]), lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.NamedExpr,
          n.from,
          n.to,
        );
      }
      case "YieldExpression":
        return this.yieldExpr(n);
      default:
        return this.fail("invalid syntax", n.from, n.to);
    }
  }

  Number(n: N): A.Constant {
    let value: A.ConstantValue;
    try {
      value = numberValue(this.text(n));
    } catch (e) {
      if (e instanceof LiteralError) this.fail(e.message, n.from + e.at, n.from + e.end);
      if (e instanceof IntLimitError) throw new SyntaxErrorAt(e.message, n.from, n.from, "SyntaxError", false);
      throw e;
    }
    return this.at({ _type: "Constant", value, kind: null, lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.Constant, n.from, n.to);
  }

  strings(n: N): A.ExprNode {
    const parts = n.name === "ContinuedString" ? kids(n) : [n];
    return buildStrings(this, parts, n);
  }

  /** `yield`, `yield a, b`, `yield from x` (YieldStatement and YieldExpression have the same children). */
  yieldExpr(n: N): A.Yield | A.YieldFrom {
    const cs = kids(n).filter((c) => c.name !== "(" && c.name !== ")");
    const start = cs[0].from;
    const end = cs[cs.length - 1].to;
    this.sawYield = true;
    if (!this.inFunction) this.mayBeMisplaced = true;
    if (cs[1]?.name === "from") {
      this.sawYieldFrom = true;
      return this.at({ _type: "YieldFrom", value: this.expr(cs[2]), lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.YieldFrom, start, end);
    }
    const value = cs.length > 1 ? this.exprList(cs.slice(1)) : null;
    return this.at({ _type: "Yield", value, lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.Yield, start, end);
  }

  ParenthesizedExpression(n: N): A.ExprNode {
    const inner = kidsInside(n, 1, 1);
    if (inner[0]?.name === "*") this.fail("cannot use starred expression here", inner[0].from, inner[inner.length - 1].to);
    return this.expr(inner[0]);
  }

  TupleExpression(n: N): A.Tuple {
    const { items } = splitCommas(kidsInside(n, 1, 1));
    return this.at(
      { _type: "Tuple", elts: mapList(items, (it) => this.listItem(it)), ctx: LOAD, lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.Tuple,
      n.from,
      n.to,
    );
  }

  ArrayExpression(n: N): A.List {
    const { items } = splitCommas(kidsInside(n, 1, 1));
    return this.at(
      { _type: "List", elts: mapList(items, (it) => this.listItem(it)), ctx: LOAD, lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.List,
      n.from,
      n.to,
    );
  }

  SetExpression(n: N): A.Set {
    const { items } = splitCommas(kidsInside(n, 1, 1));
    return this.at(
      { _type: "Set", elts: mapList(items, (it) => this.listItem(it)), lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.Set,
      n.from,
      n.to,
    );
  }

  DictionaryExpression(n: N): A.Dict {
    const { items } = splitCommas(kidsInside(n, 1, 1));
    const keys: (A.ExprNode | null)[] = [];
    const values: A.ExprNode[] = [];
    for (const it of items) {
      if (it[0].name === "**") {
        keys.push(null);
        values.push(this.expr(it[1]));
      } else {
        keys.push(this.expr(it[0]));
        values.push(this.expr(it[2]));
      }
    }
    // CPython's Dict.keys holds None for `**d` entries.
    return this.at({ _type: "Dict", keys: keys as A.ExprNode[], values, lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.Dict, n.from, n.to);
  }

  /** The four comprehension kinds: an element, then `[async] for ... in ... [if ...]` clauses. */
  comprehension(n: N): A.ExprNode {
    const cs = kidsInside(n, 1, 1);
    const firstFor = cs.findIndex((c) => c.name === "for" || c.name === "async");
    const elt = cs.slice(0, firstFor);
    const generators = this.compClauses(cs.slice(firstFor));
    if (n.name === "DictionaryComprehensionExpression") {
      if (elt[0].name === "**") this.fail("dict unpacking cannot be used in dict comprehension", elt[0].from, elt[elt.length - 1].to);
      const key = this.expr(elt[0]);
      const value = this.expr(elt[2]);
      return this.at({ _type: "DictComp", key, value, generators, lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.DictComp, n.from, n.to);
    }
    if (elt[0].name === "*") this.fail("iterable unpacking cannot be used in comprehension", elt[0].from, elt[elt.length - 1].to);
    const _type = n.name === "ArrayComprehensionExpression" ? "ListComp" : n.name === "SetComprehensionExpression" ? "SetComp" : "GeneratorExp";
    return this.at({ _type, elt: this.expr(elt[0]), generators, lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.ListComp, n.from, n.to);
  }

  compClauses(cs: N[]): A.Comprehension[] {
    this.sawComprehension = true;
    const out: A.Comprehension[] = [];
    let i = 0;
    while (i < cs.length) {
      const c = cs[i];
      if (c.name === "if") {
        out[out.length - 1].ifs.push(this.expr(cs[i + 1]));
        i += 2;
        continue;
      }
      const isAsync = c.name === "async";
      if (isAsync) i++;
      const inIdx = cs.findIndex((x, k) => k > i && x.name === "in");
      const target = this.target(this.exprList(cs.slice(i + 1, inIdx)), STORE, "comp");
      const iter = this.expr(cs[inIdx + 1]);
      out.push({ _type: "comprehension", target, iter, ifs: [], is_async: isAsync ? 1 : 0 });
      i = inIdx + 2;
    }
    return out;
  }

  BinaryExpression(n: N): A.ExprNode {
    const cs = kids(n);
    const opNodes = cs.slice(1, -1);
    const opText = opNodes.length === 1 ? this.text(opNodes[0]) : opNodes.map((c) => this.text(c)).join(" ");
    const left = cs[0];
    const right = cs[cs.length - 1];
    if (opText === "or" || opText === "and") return this.boolOps(n);
    if (opText === ",") this.fail("invalid syntax", opNodes[0].from); // a match subject's "," (repair.ts) anywhere else
    // (an operator of one or two characters has no blank inside: no replace)
    const cmp = CMPOPS[opText.length > 2 ? opText.replace(/\s+/g, " ") : opText] ?? (opNodes[0].name === "CompareOp" ? CMPOPS[opText] : undefined);
    if (opText === ":") {
      // A match subject's walrus, spelled "| " for lezer (repair.ts): only as the whole subject
      // or one of its items, where lezer's grouping is the same as Python's.
      const parentOk = n.parent?.name === "MatchStatement" || (n.parent?.name === "BinaryExpression" && this.text(kids(n.parent)[1]) === ",");
      const t = this.expr(left);
      if (!parentOk || t._type !== "Name") this.fail("invalid syntax", opNodes[0].from);
      t.ctx = STORE;
      return this.at(
        { _type: "NamedExpr", target: t, value: this.expr(right), lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.NamedExpr,
        n.from,
        n.to,
      );
    }
    if (cmp || opNodes[0].name === "CompareOp") {
      if (opText === "<>") this.fail("invalid syntax", opNodes[0].from, opNodes[0].to);
      const l = this.expr(left);
      const op = { _type: cmp } as A.CmpopNode;
      // `a < b < c` is one Compare; lezer nests it to the left. (The left one is this node's own:
      // extended in place, so a long chain takes linear time.)
      if (l._type === "Compare" && left.name === "BinaryExpression") {
        l.ops.push(op);
        l.comparators.push(this.expr(right));
        return this.at(l, n.from, n.to);
      }
      return this.at(
        { _type: "Compare", left: l, ops: [op], comparators: [this.expr(right)], lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.Compare,
        n.from,
        n.to,
      );
    }
    if (this.mayAwait && !this.awaitFree && this.chainHasAwait(n)) return this.arithChain(n);
    const op = { _type: BINOPS[opText] } as A.OperatorNode;
    return this.at(
      { _type: "BinOp", left: this.expr(left), op, right: this.expr(right), lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.BinOp,
      n.from,
      n.to,
    );
  }

  UnaryExpression(n: N): A.ExprNode {
    const cs = kids(n);
    const t = this.text(cs[0]);
    // A star expression lezer cannot read (`x[*a]`), edited to `-` by repair.ts.
    if (t === "*")
      return this.at(
        { _type: "Starred", value: this.expr(cs[1]), ctx: LOAD, lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.Starred,
        n.from,
        n.to,
      );
    const _type = t === "not" ? "Not" : t === "-" ? "USub" : t === "+" ? "UAdd" : "Invert";
    // Lezer reads `not a or b` as `not (a or b)`; Python's `not` binds tighter than and/or.
    if (_type === "Not" && this.isBoolTest(cs[1])) return this.boolOps(n);
    return this.at(
      { _type: "UnaryOp", op: { _type }, operand: this.expr(cs[1]), lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.UnaryOp,
      n.from,
      n.to,
    );
  }

  /** An unparenthesized `a and b` / `a or b` (or a `not` over one). */
  isBoolTest(n: N): boolean {
    const cs = kids(n);
    if (n.name === "BinaryExpression") return cs[1].name === "and" || cs[1].name === "or";
    if (n.name === "UnaryExpression") return cs[0].name === "not" && this.isBoolTest(cs[1]);
    return false;
  }

  /**
   * Rebuilds a chain of and/or/not from lezer's tree with Python's precedence (or < and < not,
   * and n-ary BoolOps): the chain is flattened to operands (each with its leading `not`s) and
   * operators, then grouped again.
   */
  boolOps(n: N): A.ExprNode {
    type Operand = { nots: N[]; node: N };
    const seq: (Operand | "and" | "or")[] = [];
    // Depth-first, left to right, with a stack of what is left to do (a chain of thousands of
    // operands is nested that deep).
    const todo: (Operand | "and" | "or")[] = [{ nots: [], node: n }];
    while (todo.length) {
      const item = todo.pop()!;
      if (typeof item === "string") {
        seq.push(item);
        continue;
      }
      const { node: x, nots } = item;
      const cs = kids(x);
      if (x.name === "BinaryExpression" && (cs[1].name === "and" || cs[1].name === "or")) {
        todo.push({ nots: [], node: cs[2] }, cs[1].name as "and" | "or", { nots, node: cs[0] });
      } else if (x.name === "UnaryExpression" && cs[0].name === "not" && this.isBoolTest(cs[1])) {
        todo.push({ nots: [...nots, cs[0]], node: cs[1] });
      } else seq.push(item);
    }
    const operand = (o: Operand): A.ExprNode => {
      let e = this.expr(o.node);
      for (let i = o.nots.length - 1; i >= 0; i--)
        e = this.at(
          { _type: "UnaryOp", op: { _type: "Not" }, operand: e, lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.UnaryOp,
          o.nots[i].from,
          o.node.to,
        );
      return e;
    };
    const group = (items: Operand[], op: "And" | "Or", parts: A.ExprNode[]): A.ExprNode => {
      if (parts.length === 1) return parts[0];
      const from = items[0].nots[0]?.from ?? items[0].node.from;
      return this.at(
        { _type: "BoolOp", op: { _type: op }, values: parts, lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.BoolOp,
        from,
        items[items.length - 1].node.to,
      );
    };
    // Split at "or", then each part at "and".
    const orParts: Operand[][] = [[]];
    for (const x of seq) {
      if (x === "or") orParts.push([]);
      else if (x !== "and") orParts[orParts.length - 1].push(x);
    }
    const ands = mapList(orParts, (items) => group(items, "And", mapList(items, operand)));
    return group(orParts.flat(), "Or", ands);
  }

  AwaitExpression(n: N): A.ExprNode {
    if (!this.inFunction) this.mayBeMisplaced = true;
    const operandNode = kids(n)[1];
    // Lezer reads `await x ** 2` as `await (x ** 2)`; Python's await binds tighter than any operator.
    if (this.isArith(operandNode)) return this.arithChain(n);
    return this.at({ _type: "Await", value: this.expr(operandNode), lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.Await, n.from, n.to);
  }

  /** Whether an operator chain holds an `await` that lezer let swallow the rest of the chain. */
  chainHasAwait(n: N): boolean {
    // (an operand chain without the word has no await: no walk of its operands at every link)
    if (!this.src.slice(n.from, n.to).includes("await")) return false;
    if (this.isArith(n)) return kids(n).some((c) => this.chainHasAwait(c));
    return n.name === "AwaitExpression" && this.isArith(kids(n)[1]);
  }

  /** An unparenthesized arithmetic/bitwise BinaryExpression (not a comparison or and/or). */
  isArith(n: N): boolean {
    if (n.name !== "BinaryExpression") return false;
    const op = kids(n)[1];
    return op.name === "ArithOp" || op.name === "BitOp";
  }

  /**
   * Rebuilds an operator chain that contains `await` with Python's precedence: the chain is
   * flattened to operands (each with its leading `await`s) and operators, then regrouped by
   * precedence climbing (`**` is right-associative, the others left).
   */
  arithChain(n: N): A.ExprNode {
    type Operand = { awaits: N[]; node: N };
    const operands: Operand[] = [];
    const ops: N[] = [];
    const flatten = (x: N, awaits: N[]) => {
      const cs = kids(x);
      if (this.isArith(x)) {
        flatten(cs[0], awaits);
        ops.push(cs[1]);
        flatten(cs[2], []);
      } else if (x.name === "AwaitExpression" && this.isArith(cs[1])) flatten(cs[1], [...awaits, cs[0]]);
      else operands.push({ awaits, node: x });
    };
    flatten(n, []);
    const built = mapList(operands, (o) => {
      let e = this.expr(o.node);
      if (o.awaits.length && !this.inFunction) this.mayBeMisplaced = true;
      for (let i = o.awaits.length - 1; i >= 0; i--)
        e = this.at({ _type: "Await", value: e, lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.Await, o.awaits[i].from, o.node.to);
      return { e, from: o.awaits[0]?.from ?? o.node.from, to: o.node.to };
    });
    const prec = (op: N) => ARITH_PRECEDENCE[this.text(op)];
    let pos = 0;
    const climb = (minPrec: number): { e: A.ExprNode; from: number; to: number } => {
      let left = built[pos];
      while (pos < ops.length && prec(ops[pos]) >= minPrec) {
        const op = ops[pos];
        const p = prec(op);
        pos++;
        const right = climb(this.text(op) === "**" ? p : p + 1);
        const e = this.at(
          {
            _type: "BinOp",
            left: left.e,
            op: { _type: BINOPS[this.text(op)] },
            right: right.e,
            lineno: 0,
            col_offset: 0,
            end_lineno: 0,
            end_col_offset: 0,
          } as A.BinOp,
          left.from,
          right.to,
        );
        left = { e, from: left.from, to: right.to };
      }
      return left;
    };
    // Operand k sits just before operator k, so one index walks both lists.
    return climb(0).e;
  }

  MemberExpression(n: N): A.ExprNode {
    // `a.b`: the value and the name are the first and last children (never comments); no list of them.
    const last = n.lastChild!;
    if (last.name !== "]") {
      const value = this.expr(n.firstChild!);
      return this.at(
        { _type: "Attribute", value, attr: this.ident(last), ctx: LOAD, lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.Attribute,
        n.from,
        n.to,
      );
    }
    const cs = kids(n);
    const value = this.expr(cs[0]);
    const inner = cs.slice(2, -1);
    const { items, trailing } = splitCommas(inner);
    if (!items.length) this.fail("invalid syntax", cs[1].from);
    const elts = mapList(items, (it) => this.sliceItem(it));
    // `x[*a]` is `x[(*a,)]`: the tuple spans the starred element.
    const slice =
      items.length === 1 && !trailing && elts[0]._type !== "Starred"
        ? elts[0]
        : this.at(
            { _type: "Tuple", elts, ctx: LOAD, lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.Tuple,
            inner[0].from,
            inner[inner.length - 1].to,
          );
    return this.at({ _type: "Subscript", value, slice, ctx: LOAD, lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.Subscript, n.from, n.to);
  }

  /** One subscript element: an expression, `*e`, or a slice `a:b:c` (any part optional). */
  sliceItem(it: N[]): A.ExprNode {
    if (!it.some((c) => c.name === ":")) return this.listItem(it);
    const parts: (N | null)[] = [null];
    for (const c of it) {
      if (c.name === ":") parts.push(null);
      else parts[parts.length - 1] = c;
    }
    const [lower, upper, step] = parts.map((p) => (p ? this.expr(p) : null));
    // A star expression (`x[*a:b]`, read through repair.ts) cannot be a slice bound.
    if (lower?._type === "Starred") this.fail("invalid syntax", it.find((c) => c.name === ":")!.from);
    for (const e of [upper, step]) if (e?._type === "Starred") this.fail("invalid syntax", this.span(e).from);
    return this.at(
      { _type: "Slice", lower, upper, step: step ?? null, lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.Slice,
      it[0].from,
      it[it.length - 1].to,
    );
  }

  /** A call's arguments: positional, `*a`, `k=v`, `**kw`, or one bare generator expression. */
  args(argList: N): { args: A.ExprNode[]; keywords: A.Keyword[] } {
    const cs = kidsInside(argList, 1, 1);
    const args: A.ExprNode[] = [];
    const keywords: A.Keyword[] = [];
    const forIdx = cs.findIndex((c) => c.name === "for" || c.name === "async");
    if (forIdx >= 0) {
      // `f(x for x in y)`: the generator expression takes the call's parentheses.
      const before = cs.slice(0, forIdx);
      const { items } = splitCommas(before);
      const eltItem = items[items.length - 1];
      const comma = cs.findIndex((c, k) => k > forIdx && c.name === "," && this.isTopComma(cs, k));
      if (items.length > 1 || eltItem.length !== 1 || comma >= 0) {
        // CPython underlines the generator expression itself.
        const end = comma >= 0 ? cs[comma - 1].to : cs[cs.length - 1].to;
        this.fail("Generator expression must be parenthesized", eltItem[0].from, end);
      }
      const generators = this.compClauses(cs.slice(forIdx));
      args.push(
        this.at(
          { _type: "GeneratorExp", elt: this.expr(eltItem[0]), generators, lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.GeneratorExp,
          argList.from,
          argList.to,
        ),
      );
      return { args, keywords };
    }
    let sawKeyword = false;
    let sawKwUnpack = false;
    // The items between the commas, cs[start] to cs[end - 1] (read in place: no list per item).
    for (let start = 0; start < cs.length;) {
      let end = start;
      while (end < cs.length && cs[end].name !== ",") end++;
      if (end === start) this.fail("invalid syntax", cs[start].from);
      const head = cs[start];
      const second = end - start > 1 ? cs[start + 1] : null;
      const third = end - start > 2 ? cs[start + 2] : null;
      if (head.name === "**") {
        sawKwUnpack = true;
        keywords.push(
          this.at(
            { _type: "keyword", arg: null, value: this.expr(second!), lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.Keyword,
            head.from,
            second!.to,
          ),
        );
      } else if (second?.name === "AssignOp" && this.text(second) === "=") {
        if (head.name !== "VariableName") this.fail('expression cannot contain assignment, perhaps you meant "=="?', head.from, third!.to);
        sawKeyword = true;
        keywords.push(
          this.at(
            { _type: "keyword", arg: this.ident(head), value: this.expr(third!), lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.Keyword,
            head.from,
            third!.to,
          ),
        );
      } else {
        let e: A.ExprNode;
        if (second?.name === "AssignOp") {
          // `f(x := 1)`
          const t = this.name(head, STORE);
          e = this.at(
            { _type: "NamedExpr", target: t, value: this.expr(third!), lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.NamedExpr,
            head.from,
            third!.to,
          );
        } else e = second === null && head.name !== "*" ? this.expr(head) : this.listItem(cs.slice(start, end));
        if (e._type === "Starred") {
          if (sawKwUnpack) this.fail("iterable argument unpacking follows keyword argument unpacking", head.from, cs[end - 1].to);
        } else if (sawKwUnpack) this.fail("positional argument follows keyword argument unpacking", argList.to - 1, argList.to);
        else if (sawKeyword) this.fail("positional argument follows keyword argument", argList.to - 1, argList.to); // (CPython points at the ")")
        args.push(e);
      }
      start = end + 1;
    }
    return { args, keywords };
  }

  /** Whether the comma at cs[i] separates arguments (it is not inside a `for` target list). */
  isTopComma(cs: N[], i: number): boolean {
    // Commas after the last `in` of the generator belong to the argument list.
    for (let k = i - 1; k >= 0; k--) {
      if (cs[k].name === "in") return true;
      if (cs[k].name === "for") return false;
    }
    return true;
  }

  call(func: A.ExprNode, argList: N, start: number): A.Call {
    const { args, keywords } = this.args(argList);
    return this.at({ _type: "Call", func, args, keywords, lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.Call, start, argList.to);
  }
}
