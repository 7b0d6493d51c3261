// Python expressions ⇒ IR expressions: names, literals, operators (native JS where the operand
// types are known to agree, runtime helpers otherwise), comparisons, attributes, subscripts, `await`.
// Calls and comprehensions have files of their own.
//
//   a + b          | add(a, b)                  1 + 2  | 1n + 2n   (both int)
//   a < b() < c    | lt(a, (_t = b())) && lt(_t, c)
//   await f(1)     | yield* f(1n)   (JS: yield* f.__body__(1n) for a module-level `async def f`)

import type * as py from "../ast/nodes.js";
import type * as ir from "../ir/nodes.js";
import { array, assign, binop, call, id, lit, member, not, spread, yieldStar, yieldValue } from "../ir/nodes.js";
import { moduleNamespace } from "./imports.js";
import { ASYNCIO, type Helper, type LowerContext, PROGRAM, jsMemberName, needsArgumentArray, safeName, safeProp } from "./context.js";
import { asksForSignatures, signatureRecord } from "./signatures.js";
import { absentInCPython } from "./platform-absent.js";
import { attributeNamedInModule } from "./outside-attributes.js";
import { nodeIndex } from "../ast/node-index.js";
import { resolveName } from "./scopes.js";
import { isBuiltinName } from "./analysis.js";
import { BUILTIN_EXCEPTIONS, BUILTIN_FUNCTIONS, RUNTIME, STDLIB } from "./stdlib.js";
import { type PyType, staticType } from "./types.js";
import { ensureDeclared } from "./bindings.js";
import { functionExpression } from "./functions.js";
import { callExpr, isVarargsTuple, nestedClassStatement, surelyIterable } from "./calls.js";
import { comprehension } from "./comprehensions.js";
import { isSimple } from "./syntax.js";
import { dictReceiver, provenDict } from "./dict-access.js";
import { classAttributeRead, classNameRead, ownClassNameRead } from "./class-attributes.js";
import { directRead, enumMemberRead, getattributeInModule, linearBases, runtimeAttributeRead, selfAttributePresent } from "./plain-access.js";
import { COROUTINE_METHODS, runtimeSubmodule } from "./known-results.js";
import { stdlibModuleFile } from "../runtime/builtins/module-files.js";
import { isFoldedConstant } from "./constant-folding.js";
import { truthNarrowingNull } from "./narrowing.js";
import { callGivesCoroutine, decoratedFunction } from "./decorated.js";
import { percentOfTupleDisplay } from "./percent-tuple.js";
import { sliceThenBytesLiteral } from "./slice-concat.js";
import { nameSuggestion } from "./name-suggestions.js";

/** An expression used as a condition: a JS boolean. */
export function cond(cx: LowerContext, e: py.ExprNode): ir.Expr {
  switch (e._type) {
    case "Compare":
      return compare(cx, e);
    case "BoolOp":
      return joinChain(
        e.values.map((v) => cx.cond(v)),
        (l, r) => binop(e.op._type === "And" ? "&&" : "||", l, r),
      );
    case "UnaryOp":
      if (e.op._type === "Not") return not(cx.cond(e.operand));
      break;
    case "Constant":
      if (typeof e.value === "boolean") return lit(e.value);
      break;
    case "Call":
      if (
        e.func._type === "Name" &&
        ["isinstance", "hasattr", "callable", "issubclass", "all", "any"].includes(e.func.id) &&
        resolveName(cx.fn.scope, e.func.id, cx.scopes).where === "builtin"
      )
        return cx.expr(e);
  }
  // A value proven to be a bool is a JS boolean already; proven numbers, strs and sequences are
  // true unless zero or empty (NaN is true in both languages).
  const t = cx.typeOfExpr(e);
  if (t === "bool") return cx.expr(e);
  // A constant's truth is known (`not "a"`: false; TS refuses to compare two literals).
  if (e._type === "Constant" && (typeof e.value === "bigint" || typeof e.value === "number" || typeof e.value === "string"))
    return lit(e.value !== 0n && e.value !== 0 && e.value !== "");
  if (t === "int") return binop("!==", cx.expr(e), lit(0n));
  if (t === "float") return binop("!==", cx.expr(e), lit(0));
  if (t === "str") return binop("!==", cx.expr(e), lit(""));
  if (t === "bytes" || t === "list") return binop("!==", member(cx.expr(e), "length"), lit(0));
  if (provenDict(cx, e)) return binop("!==", member(cx.expr(e), "size"), lit(0));
  return truthNarrowingNull(cx, e);
}

export function expr(cx: LowerContext, e: py.ExprNode): ir.Expr {
  switch (e._type) {
    case "Constant":
      return constant(cx, e);
    case "Name":
      return name(cx, e);
    case "JoinedStr":
      return fstring(cx, e);
    case "FormattedValue":
      return formatted(cx, e);
    case "BinOp":
      return (
        percentOfTupleDisplay(cx, e) ??
        repeatedLiteral(cx, e) ??
        sliceThenBytesLiteral(cx, e) ??
        binary(cx, BINOPS[e.op._type], cx.expr(e.left), cx.expr(e.right), cx.typeOfExpr(e.left), cx.typeOfExpr(e.right), false)
      );
    case "UnaryOp":
      return unary(cx, e);
    case "BoolOp":
      return boolOp(cx, e);
    case "Compare":
      return compare(cx, e);
    case "Call":
      return callExpr(cx, e);
    case "Attribute":
      return attribute(cx, e);
    case "Subscript":
      return subscript(cx, e);
    case "List":
      return sequence(cx, e.elts, "list");
    case "Tuple":
      return sequence(cx, e.elts, "tuple");
    case "Set":
      // CPython builds a display of 3+ constants from a frozenset constant: its table (so its order) differs.
      if (e.elts.length >= 3 && e.elts.every(isFoldedConstant)) return call(member(cx.helper("PySet"), "fromConstants"), array(e.elts.map((x) => cx.expr(x))));
      return typedHelper(
        cx,
        "set_of",
        e.elts.map((x) => (x._type === "Starred" ? spread(starredItem(cx, x.value, true)) : cx.expr(x))),
        ["any"],
      );
    case "Dict":
      return dict(cx, e);
    case "Await":
      return awaitExpr(cx, e.value, e);
    case "YieldFrom":
      if (cx.fn.isCoroutine) return awaitExpr(cx, e.value, e);
      return yieldStar(call(cx.helper("yield_from"), cx.expr(e.value)));
    case "Yield":
      if (cx.fn.isCoroutine && !isAsyncGenerator(cx)) {
        // (only a legacy coroutine: an `async def` with `yield` is an async generator)
        // A bare `yield` in it gives the loop a turn, like sleep(0); a value goes to whoever
        // drives it: send() by hand, or a Task, which fails with CPython's "Task got bad yield".
        return yieldValue(e.value ? cx.expr(e.value) : lit(null));
      }
      if (cx.fn.isCoroutine) return yieldValue(call(cx.helperFrom("agen_yield", ASYNCIO), e.value ? cx.expr(e.value) : lit(null)));
      return yieldValue(e.value ? cx.expr(e.value) : lit(null));
    case "IfExp":
      return { k: "cond", test: cx.cond(e.test), then: cx.expr(e.body), else: cx.expr(e.orelse) };
    case "Lambda": {
      // Defaults are evaluated when the lambda expression is: passed in through an immediately called arrow.
      const lowered = functionExpression(cx, e, false, "<lambda>");
      const hoisted = lowered.hoisted;
      // (what inspect.signature() reads, when the program asks for it)
      const value = asksForSignatures(cx.module)
        ? call(cx.helperFrom("set_signature", PROGRAM), lowered.value, signatureRecord(cx, e, lowered.params))
        : lowered.value;
      if (!hoisted.length) return value;
      const defs = hoisted as Extract<ir.Stmt, { k: "var" }>[];
      return call({ k: "arrow", params: defs.map((d) => ({ name: d.name, type: "any" })), body: value }, ...defs.map((d) => d.init!));
    }
    case "ListComp":
    case "SetComp":
    case "DictComp":
    case "GeneratorExp":
      return comprehension(cx, e);
    case "NamedExpr": {
      if (e.target._type !== "Name") return cx.diags.error(e, "TSY1003", { target: e.target._type });
      ensureDeclared(cx, e.target.id);
      return assign(id(safeName(e.target.id)), cx.expr(e.value));
    }
    case "Starred":
      return spread(cx.expr(e.value));
    case "Slice":
      return cx.rt("slice", cx.optExpr(e.lower), cx.optExpr(e.upper), cx.optExpr(e.step));
    default:
      // Every kind of ExprNode is handled above (the type checker says so): a new one is a compiler bug.
      throw new Error(`lowering: no case for expression '${(e satisfies never as py.ExprNode)._type}'`);
  }
}

export function isAsyncGenerator(cx: LowerContext): boolean {
  const node = cx.fn.scope.node;
  return cx.fn.scope.isGenerator && node._type === "AsyncFunctionDef" && !cx.legacy.has(node);
}

export function constant(cx: LowerContext, e: py.Constant): ir.Expr {
  const v = e.value;
  if (typeof v === "string" && joinsEscapedSurrogates(e)) return cx.diags.error(e, "TSY1022");
  if (v === null || typeof v !== "object") return lit(v as string | number | bigint | boolean | null);
  if ("ellipsis" in v) return cx.helper("Ellipsis");
  if ("bytes" in v) return cx.rt("bytes_literal", lit(v.bytes));
  return cx.diags.error(e, "TSY1021");
}

/**
 * Whether a str literal spells a high and a low surrogate next to each other with escapes
 * (`"\ud83d\ude00"`): two code points in Python, but one character in a JS string, which has no
 * way to keep them apart. (The parser lists where escapes made surrogates: loneSurrogates.)
 */
export function joinsEscapedSurrogates(e: py.Constant): boolean {
  const at = (e as { loneSurrogates?: number[] }).loneSurrogates;
  const v = e.value;
  if (!at || typeof v !== "string") return false;
  return at.some((k) => {
    const hi = v.charCodeAt(k);
    const lo = v.charCodeAt(k + 1);
    return hi >= 0xd800 && hi <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff;
  });
}

export function name(cx: LowerContext, e: py.Name): ir.Expr {
  const n = e.id;
  if (cx.fn.selfName && n === cx.fn.selfName) {
    if (cx.fn.selfAlias) {
      if (cx.fn.selfBox) cx.fn.selfBox.used = true;
      return id(cx.fn.selfAlias);
    }
    return { k: "this" };
  }
  const typeParam = cx.typeParamOverride?.get(n);
  if (typeParam) return id(typeParam);
  const classBodyValue = cx.classBodyReads.get(e);
  if (classBodyValue) return classBodyValue;
  // (a class body's read of a name it binds only later: the module's, or a builtin)
  const r = resolveName(cx.classLevelGlobals.has(e) ? cx.scopes.get(cx.module)! : cx.fn.scope, n, cx.scopes);
  if (r.where === "builtin") return builtinName(cx, e);
  // A type parameter (PEP 695): the const declared for it.
  if (r.scope.kind === "annotation") return id(cx.typeParamNames.get(r.scope)?.get(n) ?? safeName(n));
  const value = r.where === "global" && cx.fn.scope.kind !== "module" ? cx.moduleVariable(n, cx.fn.scope) : id(safeName(n));
  if (cx.fn.unbound?.reads.has(e)) {
    // Definite-assignment analysis could not prove the name bound here.
    // A builtin's name the module binds later (`class ValueError(ValueError)`, `len = ...`) is the builtin until then.
    // (imported under another name: the module's own binding has this one)
    if (r.scope.kind === "module" && isBuiltinName(n)) {
      const builtin = BUILTIN_FUNCTIONS.has(n) || BUILTIN_EXCEPTIONS.has(n) ? id(cx.imports.helper(n, RUNTIME)) : builtinName(cx, e);
      return { k: "cond", test: binop("!==", value, cx.unboundMarker()), then: value, else: builtin };
    }
    // A module name (read at module level or by a class body there) is a NameError when unbound.
    return cx.rt(r.scope.kind === "module" ? "assigned_global" : "assigned", value, lit(n));
  }
  return value;
}

export function builtinName(cx: LowerContext, e: py.Name): ir.Expr {
  const n = e.id;
  switch (n) {
    case "None":
      return lit(null);
    case "True":
      return lit(true);
    case "False":
      return lit(false);
    case "__name__":
      cx.usesName = true;
      return id("__name__");
    case "__file__":
      return cx.fileExpr();
  }
  if (n === "anext" || n === "aiter") return id(cx.imports.use(n, n, PROGRAM));
  if (n === "super") return cx.diags.error(e, "TSY1030");
  if (n === "eval" || n === "exec" || n === "compile") return cx.diags.error(e, "TSY3007", { name: `${n}()`, why: "it has no Python compiler at run time" });
  if (BUILTIN_FUNCTIONS.has(n) || BUILTIN_EXCEPTIONS.has(n) || n === "NotImplemented" || n === "Ellipsis") return id(cx.imports.use(n, n, RUNTIME));
  // Python raises NameError only when the line runs; so does the translation.
  return nameError(cx, n);
}

/** `name_error("pritn", "print")`: the NameError with what CPython's report suggests (name-suggestions.ts). */
function nameError(cx: LowerContext, n: string): ir.Expr {
  const hint = nameSuggestion(n, cx.fn.scope, cx.scopes.get(cx.module)!);
  const args: ir.Expr[] = [lit(n), lit(hint.interpreter), lit(hint.traceback), lit(hint.stdlibModule)];
  if (hint.selfParameter)
    args.push(name(cx, { _type: "Name", id: "self", ctx: { _type: "Load" }, lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as py.Name));
  // (the arguments that only repeat the defaults are left out)
  else if (!hint.stdlibModule) {
    args.pop();
    if (hint.traceback === hint.interpreter) args.pop();
    if (hint.interpreter === null && args.length === 2) args.pop();
  }
  return cx.rt("name_error", ...args);
}

/** `[*x]`: an x that may be no iterable (or a coroutine, which a JS spread would walk) is refused as CPython does. */
function starredItem(cx: LowerContext, value: py.ExprNode, inSet = false): ir.Expr {
  if (surelyIterable(cx, value) || isVarargsTuple(cx, value)) return cx.expr(value);
  // (a set display's message is iter()'s: "'int' object is not iterable")
  if (inSet && value._type !== "Call") return cx.rt("for_iterable", cx.expr(value));
  return cx.rt("star_iterable", cx.expr(value), lit(null));
}

export function sequence(cx: LowerContext, elts: py.ExprNode[], kind: "list" | "tuple"): ir.Expr {
  const items = elts.map((x) => (x._type === "Starred" ? spread(starredItem(cx, x.value)) : cx.expr(x)));
  return kind === "list" ? cx.list(items) : cx.tuple(items);
}

export function dict(cx: LowerContext, e: py.Dict): ir.Expr {
  const entries: ir.Expr[] = e.keys.map((k, i) => (k === null ? spread(cx.rt("dict_items", cx.expr(e.values[i]))) : array([cx.expr(k), cx.expr(e.values[i])])));
  return typedHelper(cx, "dict_of", entries, ["any", "any"]);
}

/** `set_of<any>(...)`; plain callv(set_of, [...]) when cx.rt passes the items as one array. */
function typedHelper(cx: LowerContext, name: "set_of" | "dict_of", args: ir.Expr[], typeArgs: string[]): ir.Expr {
  const c = cx.rt(name, ...args);
  return needsArgumentArray(args) ? c : { ...(c as Extract<ir.Expr, { k: "call" }>), typeArgs };
}

export function fstring(cx: LowerContext, e: py.JoinedStr): ir.Expr {
  const quasis: string[] = [""];
  const exprs: ir.Expr[] = [];
  for (const v of e.values) {
    if (v._type === "Constant" && joinsEscapedSurrogates(v)) return cx.diags.error(v, "TSY1022");
    if (v._type === "Constant" && typeof v.value === "string") quasis[quasis.length - 1] += v.value;
    else {
      exprs.push(cx.expr(v));
      quasis.push("");
    }
  }
  if (!exprs.length) return lit(quasis[0]);
  if (cx.joinsStrsAtRunTime) return cx.rt("str_parts", ...quasis.flatMap((q, i) => [...(q === "" ? [] : [lit(q)]), ...(i < exprs.length ? [exprs[i]] : [])]));
  return { k: "template", quasis, exprs };
}

export function formatted(cx: LowerContext, v: py.FormattedValue): ir.Expr {
  let value = cx.expr(v.value);
  const conv = v.conversion;
  if (conv === 114) value = cx.rt("repr", value);
  else if (conv === 97) value = cx.rt("ascii", value);
  else if (conv === 115) value = cx.rt("str", value);
  if (v.format_spec) {
    const spec = fstring(cx, v.format_spec as py.JoinedStr);
    return cx.rt("format", value, spec);
  }
  if (conv === 114 || conv === 97 || conv === 115) return value;
  if (staticType(v.value, cx.typeEnv()) === "str") return value;
  return cx.rt("str", value);
}

export function unary(cx: LowerContext, e: py.UnaryOp): ir.Expr {
  const operand = cx.expr(e.operand);
  switch (e.op._type) {
    case "Not":
      return not(cx.cond(e.operand));
    case "USub": {
      if (e.operand._type === "Constant" && (typeof e.operand.value === "bigint" || typeof e.operand.value === "number"))
        return { k: "unary", op: "-", arg: operand };
      const t = cx.typeOfExpr(e.operand);
      if (t === "int" || t === "float") return { k: "unary", op: "-", arg: operand };
      return cx.rt("neg", operand);
    }
    case "UAdd":
      return cx.rt("pos", operand);
    case "Invert":
      return cx.rt("invert", operand);
  }
}

/** Binary arithmetic: native JS operators where both types are known to agree, runtime helpers otherwise. */
/** Longest `"-" * 40` of two literals written as JS's String#repeat (a longer one keeps mul's memory check). */
const MAX_LITERAL_REPEAT = 1 << 16;

/** `"=" * 50` (or `50 * "="`): the str literal's repeat(), a count below 1 giving "" as in Python. */
function repeatedLiteral(cx: LowerContext, e: py.BinOp): ir.Expr | undefined {
  // (a module that can make lone surrogates joins its strs through the runtime: lone-surrogates.ts)
  if (e.op._type !== "Mult" || cx.joinsStrsAtRunTime) return undefined;
  const [s, n] = e.left._type === "Constant" && typeof e.left.value === "string" ? [e.left, e.right] : [e.right, e.left];
  if (s._type !== "Constant" || typeof s.value !== "string" || n._type !== "Constant" || typeof n.value !== "bigint") return undefined;
  const count = n.value < 0n ? 0 : Number(n.value);
  if (count * s.value.length > MAX_LITERAL_REPEAT) return undefined;
  return call(member(lit(s.value), "repeat"), lit(count));
}

export function binary(cx: LowerContext, op: string, left: ir.Expr, right: ir.Expr, lt: PyType | undefined, rt: PyType | undefined, inplace: boolean): ir.Expr {
  const same = lt && lt === rt;
  if (same && (lt === "int" || lt === "float") && ["+", "-", "*"].includes(op)) return binop(op as ir.BinaryOp, left, right);
  if (same && lt === "str" && op === "+") return cx.joinsStrsAtRunTime ? cx.rt("add", left, right) : binop("+", left, right);
  // A proven float with an int literal (`elapsed * 2`): Python converts the int to a float first,
  // exactly for a literal JS numbers hold exactly.
  if (["+", "-", "*"].includes(op)) {
    if (lt === "float" && exactIntLiteral(right)) return binop(op as ir.BinaryOp, left, lit(Number((right as { value: bigint }).value)));
    if (rt === "float" && exactIntLiteral(left)) return binop(op as ir.BinaryOp, lit(Number((left as { value: bigint }).value)), right);
  }
  const helper = BINOP_HELPERS[op];
  return cx.rt(inplace ? INPLACE_HELPERS[op] : helper, left, right);
}

/** An int literal a JS number holds exactly. */
function exactIntLiteral(e: ir.Expr): boolean {
  return e.k === "lit" && typeof e.value === "bigint" && e.value <= 2n ** 53n && e.value >= -(2n ** 53n);
}

export function boolOp(cx: LowerContext, e: py.BoolOp): ir.Expr {
  // a or b → (truthy(_t = a) ? _t : b); a and b → (truthy(_t = a) ? b : _t), evaluated left to right once.
  const values = e.values.map((v) => cx.expr(v));
  // (an operand proven a bool is a JS boolean: `||` and `&&` give what or/and give)
  const bools = new Set(values.filter((_, i) => cx.typeOfExpr(e.values[i]) === "bool"));
  const join = (first: ir.Expr, rest: ir.Expr): ir.Expr => {
    if (bools.has(first)) return binop(e.op._type === "Or" ? "||" : "&&", first, rest);
    const t = cx.temp();
    const test = cx.rt("truthy", assign(id(t), first));
    return e.op._type === "Or" ? { k: "cond", test, then: id(t), else: rest } : { k: "cond", test, then: rest, else: id(t) };
  };
  if (values.length > LONG_CHAIN) return joinChain(values, join);
  let result = values[values.length - 1];
  for (let i = values.length - 2; i >= 0; i--) result = join(values[i], result);
  return result;
}

/**
 * A chain of thousands of operands (`a or b or ...`, `a < b < ...`) joined two by two nests the JS
 * as deep as the chain is long, deeper than the printer's recursion (and V8's parser) take. and,
 * or and && are associative, value and order of evaluation included: a long chain is joined as a
 * balanced tree instead, log2(n) deep. A short one keeps the plain left-to-right shape.
 */
const LONG_CHAIN = 64;

function joinChain(items: ir.Expr[], join: (a: ir.Expr, b: ir.Expr) => ir.Expr): ir.Expr {
  if (items.length <= LONG_CHAIN) return items.reduce((a, b) => join(a, b));
  const mid = items.length >> 1;
  return join(joinChain(items.slice(0, mid), join), joinChain(items.slice(mid), join));
}

export function compare(cx: LowerContext, e: py.Compare): ir.Expr {
  const parts: ir.Expr[] = [];
  let left = cx.expr(e.left);
  let leftNode: py.ExprNode = e.left;
  e.ops.forEach((op, i) => {
    const rightNode = e.comparators[i];
    let right = cx.expr(rightNode);
    const last = i === e.ops.length - 1;
    if (!last && !isSimple(rightNode)) {
      // The middle operand of a chain is evaluated once.
      const t = cx.temp();
      right = assign(id(t), right);
      parts.push(compareOne(cx, op, left, right, leftNode, rightNode));
      left = id(t);
    } else {
      parts.push(compareOne(cx, op, left, right, leftNode, rightNode));
      left = right;
    }
    leftNode = rightNode;
  });
  return joinChain(parts, (a, b) => binop("&&", a, b));
}

export function compareOne(cx: LowerContext, op: py.CmpopNode, left: ir.Expr, right: ir.Expr, ln: py.ExprNode, rn: py.ExprNode): ir.Expr {
  const isNone = (n: py.ExprNode) => n._type === "Constant" && n.value === null;
  switch (op._type) {
    case "Is":
      if (isNone(rn)) return binop("==", left, lit(null));
      return cx.rt("is_", left, right);
    case "IsNot":
      if (isNone(rn)) return binop("!=", left, lit(null));
      return not(cx.rt("is_", left, right));
    case "In":
      return provenDict(cx, rn) ? call(member(right, "__contains__"), left) : cx.rt("contains", right, left);
    case "NotIn":
      return not(provenDict(cx, rn) ? call(member(right, "__contains__"), left) : cx.rt("contains", right, left));
  }
  const lt = cx.typeOfExpr(ln);
  const rt = cx.typeOfExpr(rn);
  const jsOp = CMPOPS[op._type];
  if (lt && lt === rt && (lt === "int" || lt === "str" || lt === "float")) {
    if (jsOp === "==") return binop("===", left, right);
    if (jsOp === "!=") return binop("!==", left, right);
    // JS orders strings by UTF-16 code units, Python by code points: they differ past U+FFFF.
    if (lt !== "str") return binop(jsOp as ir.BinaryOp, left, right);
  }
  // An int ordered against a float: JS compares a bigint with a number by their exact values, as Python does.
  if ((lt === "int" && rt === "float") || (lt === "float" && rt === "int"))
    if (jsOp === "<" || jsOp === ">" || jsOp === "<=" || jsOp === ">=") return binop(jsOp, left, right);
  return cx.rt(CMP_HELPERS[op._type], left, right);
}

export function attribute(cx: LowerContext, e: py.Attribute): ir.Expr {
  const v = e.value;
  // `self.__class__`, `obj.__class__`: no JS member (nor a TS one) of any object; getattr answers.
  if (e.attr === "__class__" && e.ctx._type === "Load" && !isSuperCall(v)) return getattr(cx, cx.expr(v), e.attr);
  // `super().name` read (a property of a base, a class attribute, a method as a value): the next
  // class's in the MRO; `super(Class, obj).name` likewise.
  if (v._type === "Call" && v.func._type === "Name" && v.func.id === "super" && !v.keywords.length && e.ctx._type === "Load") {
    if (v.args.length === 2) return cx.rt("super_method", cx.expr(v.args[1]), cx.expr(v.args[0]), lit(e.attr));
    if (!v.args.length && cx.fn.className) {
      const self = cx.fn.selfName ? cx.expr({ _type: "Name", id: cx.fn.selfName, ctx: { _type: "Load" } } as py.Name) : { k: "this" as const };
      return cx.rt("super_method", self, id(safeName(cx.fn.className)), lit(e.attr));
    }
  }
  if (v._type === "Name") {
    const known = cx.lookupKnown(v.id);
    if (known?.kind === "module") {
      // `import concurrent.futures` binds `concurrent` to the submodule's namespace: `concurrent.futures` is it.
      if (known.name === `${v.id}.${e.attr}`) return cx.expr(v);
      const info = STDLIB[known.name];
      // `logging.config` after `import logging.config`: a runtime submodule the package's own
      // namespace does not carry (it would import the package back) is its own namespace.
      const sub = STDLIB[`${known.name}.${e.attr}`];
      if (info && !info.names.has(e.attr) && sub) return id(moduleNamespace(cx, `${known.name}.${e.attr}`, sub.from));
      // A runtime module's namespace object has no attributes of its own: its name is known here.
      if (info && e.attr === "__name__" && !info.names.has(e.attr) && e.ctx._type === "Load") return lit(known.name === "os.path" ? "posixpath" : known.name);
      // ...and its file, as CPython's (none for a module built in or frozen: AttributeError when read).
      if (info && e.attr === "__file__" && !info.names.has(e.attr) && e.ctx._type === "Load") {
        const file = stdlibModuleFile(known.name === "os.path" ? "posixpath" : known.name);
        return file !== null ? lit(file) : call(cx.helperFrom("absent_module_attribute", PROGRAM), lit(known.name), lit(e.attr));
      }
      if (info && !info.names.has(e.attr)) {
        // A name CPython on Linux lacks too: its AttributeError when the line runs.
        // (the module object too: a program may have set it, `asyncio.QueueShutDown = ...` as a back-port)
        if (absentInCPython(known.name, e.attr)) return call(cx.helperFrom("absent_module_attribute", PROGRAM), lit(known.name), lit(e.attr), cx.expr(v));
        return cx.diags.error(e, "TSY3004", { name: e.attr, module: known.name });
      }
      return member(cx.expr(v), e.attr);
    }
    // `self.method` as a value (a callback, a predicate) must be bound: getattr makes the bound method.
    if (cx.fn.selfName === v.id && !cx.methodNames().has(e.attr) && !jsMemberName(e.attr)) return selfAttribute(cx, v, e.attr);
    // A proven instance of a plain class, and an attribute it surely has.
    if (
      directRead(cx, v, e.attr) ||
      enumMemberRead(cx, v, e.attr) ||
      runtimeAttributeRead(cx, v, e.attr) ||
      classAttributeRead(cx, v, e.attr) ||
      ownClassNameRead(cx, v, e.attr)
    )
      return member(cx.expr(v), e.attr);
  }
  // `Outer.Inner.__name__` of a class statement of a plain class's body.
  if (v._type === "Attribute" && classNameRead(cx, nestedClassStatement(cx, v.value, v.attr), e.attr)) return member(cx.expr(v), e.attr);
  // `asyncio.subprocess.PIPE`, `os.path.sep`: a name of a runtime submodule reached as an attribute.
  const sub = runtimeSubmodule(cx, v) ?? submoduleViaPackage(cx, v);
  if (sub && STDLIB[sub].names.has(e.attr)) return member(cx.expr(v), e.attr);
  // ...and a name it lacks is checked as `from email.utils import x` is (dunders are the module
  // object's own: `email.utils.__name__`).
  if (sub && e.ctx._type === "Load" && !e.attr.startsWith("__")) {
    if (!absentInCPython(sub, e.attr)) return cx.diags.error(e, "TSY3004", { name: e.attr, module: sub });
    return call(cx.helperFrom("absent_module_attribute", PROGRAM), lit(sub), lit(e.attr), cx.expr(v));
  }
  return getattr(cx, cx.expr(v), e.attr);
}

/** `concurrent.futures` after `import concurrent.futures` (which binds `concurrent` to the submodule). */
export function submoduleViaPackage(cx: LowerContext, v: py.ExprNode): string | undefined {
  if (v._type !== "Attribute" || v.value._type !== "Name") return undefined;
  const known = cx.lookupKnown(v.value.id);
  return known?.kind === "module" && known.name === `${v.value.id}.${v.attr}` && STDLIB[known.name] ? known.name : undefined;
}

/** `super()` / `super(C, obj)`. */
function isSuperCall(v: py.ExprNode): boolean {
  return v._type === "Call" && v.func._type === "Name" && v.func.id === "super";
}

/**
 * `self.attr`: `this.attr` when the attribute is surely there, else `this.attr ?? getattr(this, "attr")`
 * (a missing attribute raises AttributeError, or reaches __getattr__; a None one is read again).
 */
export function selfAttribute(cx: LowerContext, self: py.Name, attr: string): ir.Expr {
  // (`self.__dict__` is never an own property: the runtime makes it on each read)
  if (getattributeInModule(cx) || attr === "__dict__") return getattr(cx, cx.expr(self), attr);
  if (readsUndeclaredAttribute(cx, self, attr)) return getattr(cx, cx.expr(self), attr);
  const read = member(cx.expr(self), safeProp(attr));
  if (selfAttributePresent(cx, self, attr)) return read;
  return binop("??", read, getattr(cx, cx.expr(self), attr));
}

/**
 * `self.x` of a class built from the program's own classes alone (no decorator, metaclass or runtime
 * base that could give it members) where nothing in the module names `x` as an attribute: no class
 * declares it for TS (it comes through setattr() or object.__setattr__), so getattr reads it.
 */
function readsUndeclaredAttribute(cx: LowerContext, self: py.Name, attr: string): boolean {
  if (attributeNamedInModule(cx.module, attr)) return false;
  // (the class whose method this is: `this` in the TS is of its type)
  const cls =
    cx.analysis.types.selfClassOf(cx.typeOfExpr(self)) ??
    (cx.fn.className
      ? nodeIndex(cx.module)
          .ofType("ClassDef")
          .find((c) => c.name === cx.fn.className)
      : undefined);
  if (!cls) return false;
  const mro = linearBases(cx, cls);
  const names = new Set(mro.map((c) => c.name));
  return mro.every((c) => !c.decorator_list.length && !c.keywords.length && c.bases.every((b) => b._type === "Name" && (b.id === "object" || names.has(b.id))));
}

export function getattr(cx: LowerContext, obj: ir.Expr, attr: string): ir.Expr {
  return cx.rt("getattr", obj, lit(attr));
}

export function subscript(cx: LowerContext, e: py.Subscript): ir.Expr {
  const obj = cx.expr(e.value);
  if (e.slice._type === "Slice") {
    const s = e.slice;
    return cx.rt("getslice", obj, cx.optExpr(s.lower), cx.optExpr(s.upper), cx.optExpr(s.step));
  }
  if (provenDict(cx, e.value)) return call(member(dictReceiver(cx, e.value, obj), "__getitem__"), cx.expr(e.slice));
  return cx.rt("getitem", obj, cx.expr(e.slice));
}

export function awaitExpr(cx: LowerContext, value: py.ExprNode, node: py.ExprNode): ir.Expr {
  if (!cx.fn.isCoroutine) return cx.diags.error(node, "TSY2001");
  const v = cx.expr(value);
  if (isDirectlyAwaitable(cx, value)) return yieldStar(awaitedBody(cx, value, v));
  // A legacy coroutine's `yield from` (turned into await) also delegates to plain generators.
  if (cx.legacy.has(cx.fn.scope.node as py.AsyncFunctionDef)) return yieldStar(call(cx.helperFrom("legacy_yield_from", ASYNCIO), v));
  return yieldStar(call(cx.helperFrom("awaitable", ASYNCIO), v));
}

/**
 * `await f(a, b)` of a module-level `async def f` that nothing rebinds, called with the right
 * arguments: in the JavaScript, `yield* f.__body__(a, b)` delegates to the generator itself,
 * without making the Coroutine object (nothing else could see that object: it would be handed
 * out at once and never reported as un-awaited). The TypeScript keeps the readable `f(a, b)`.
 */
export function awaitedBody(cx: LowerContext, value: py.ExprNode, v: ir.Expr): ir.Expr {
  if (value._type !== "Call" || value.func._type !== "Name" || v.k !== "call") return v;
  // Only a plain call of the function itself (not through call()/callkw()/bad_call()).
  if (v.callee.k !== "id" || v.callee.name !== safeName(value.func.id)) return v;
  if (v.args.some((a) => a.k === "spread")) return v;
  const r = resolveName(cx.fn.scope, value.func.id, cx.scopes);
  const known = cx.lookupKnown(value.func.id);
  if (known?.kind !== "def" || !known.coroutine || r.scope.kind !== "module") return v;
  // Not an async generator (not awaitable at all), and defined unconditionally at the top of the module.
  if (cx.scopes.get(known.node)?.isGenerator || !(r.scope.node as py.Module).body.includes(known.node)) return v;
  return { ...v, callee: { k: "member", object: v.callee, prop: "__body__", jsOnly: true } };
}

/** A call the lowering knows returns a Coroutine or Future: `yield*` can take it as it is. */
export function isDirectlyAwaitable(cx: LowerContext, e: py.ExprNode): boolean {
  // A Task the program made: a Future, which `yield*` awaits as it is.
  if (e._type === "Name") return cx.typeOfExpr(e) === "rt:asyncio.Task" || cx.typeOfExpr(e) === "rt:asyncio.Future";
  if (e._type !== "Call") return false;
  // A coroutine method of an asyncio object the program made (`await queue.get()`, `await self.queue.get()`).
  if (e.func._type === "Attribute") {
    const t = cx.typeOfExpr(e.func.value);
    // (unless the program assigns an attribute of that name somewhere: it may replace the method)
    if (t?.startsWith("rt:") && COROUTINE_METHODS[t]?.includes(e.func.attr) && !cx.analysis.classes.writtenFreely(e.func.attr)) return true;
    // A coroutine method of the program's own class, which no subclass overrides.
    const def = cx.analysis.types.methodFor(t, e.func.attr);
    if (def?._type === "AsyncFunctionDef" && !cx.scopes.get(def)?.isGenerator) return true;
  }
  // A Task or Future the call surely makes (`asyncio.create_task(...)`, `loop.create_future()`).
  const made = cx.typeOfExpr(e);
  if (made === "rt:asyncio.Task" || made === "rt:asyncio.Future") return true;
  const f = e.func;
  if (f._type === "Name") {
    const k = cx.lookupKnown(f.id);
    if (k?.kind === "def") return k.coroutine;
    if (k?.kind === "runtime-name") return STDLIB[k.module]?.awaitables.has(k.name) ?? false;
    // A def the program decorated, whose calls run an `async def` wrapper (decorated.ts).
    return callGivesCoroutine(cx.scopes, decoratedFunction(cx.scopes, cx.known, cx.fn.scope, f.id));
  }
  if (f._type === "Attribute" && f.value._type === "Name") {
    const k = cx.lookupKnown(f.value.id);
    if (k?.kind === "module") return STDLIB[k.name]?.awaitables.has(f.attr) ?? false;
  }
  return false;
}

export const BINOPS: Record<py.OperatorNode["_type"], string> = {
  Add: "+",
  Sub: "-",
  Mult: "*",
  MatMult: "@",
  Div: "/",
  Mod: "%",
  Pow: "**",
  LShift: "<<",
  RShift: ">>",
  BitOr: "|",
  BitXor: "^",
  BitAnd: "&",
  FloorDiv: "//",
};

export const BINOP_HELPERS: Record<string, Helper> = {
  "+": "add",
  "-": "sub",
  "*": "mul",
  "@": "matmul",
  "/": "truediv",
  "%": "mod",
  "**": "pow",
  "<<": "lshift",
  ">>": "rshift",
  "|": "bitor",
  "^": "bitxor",
  "&": "bitand",
  "//": "floordiv",
};

/** In-place forms (`x += y` extends a list in place, calls `__iadd__`). */
export const INPLACE_HELPERS: Record<string, Helper> = {
  "+": "iadd",
  "-": "isub",
  "*": "imul",
  "@": "imatmul",
  "/": "itruediv",
  "%": "imod",
  "**": "ipow",
  "<<": "ilshift",
  ">>": "irshift",
  "|": "ior",
  "^": "ixor",
  "&": "iand",
  "//": "ifloordiv",
};

export const CMPOPS: Record<string, string> = { Eq: "==", NotEq: "!=", Lt: "<", LtE: "<=", Gt: ">", GtE: ">=" };

export const CMP_HELPERS: Record<string, Helper> = { Eq: "eq", NotEq: "ne", Lt: "lt", LtE: "le", Gt: "gt", GtE: "ge" };
