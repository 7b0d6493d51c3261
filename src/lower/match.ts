// match ⇒ an if/else chain: each pattern becomes a boolean expression over the subject that binds
// its captures as it goes (CPython, too, may leave captures of a failed case bound).
//
//   match p:                | _subject = p;
//       case (x, 0): A      | if ((_items = match_sequence(_subject, 2n, null)) !== null && (x = _items[0], true) && eq(_items[1], 0n)) { A }
//       case _: B           | else { B }

import type * as py from "../ast/nodes.js";
import type * as ir from "../ir/nodes.js";
import { id, lit } from "../ir/nodes.js";
import { type LowerContext, safeName } from "./context.js";
import { ensureDeclared } from "./bindings.js";
import { isTrue } from "./syntax.js";

/**
 * match s: case P if g: A  case Q: B   →   _subject = s; if (P(_subject) && g) { A } else if (Q(_subject)) { B }
 * Each pattern becomes a boolean expression that binds its captures as it goes (CPython, too,
 * may leave captures of a failed case bound).
 */
export function matchStmt(cx: LowerContext, s: py.Match): ir.Stmt[] {
  const subject = cx.temp("_subject");
  let chain: ir.Stmt[] | undefined;
  for (const c of [...s.cases].reverse()) {
    let test = pattern(cx, c.pattern, id(subject));
    if (c.guard) test = { k: "binary", op: "&&", left: test, right: cx.cond(c.guard) };
    const body = cx.stmts(c.body);
    chain = isTrue(test) ? body : [{ k: "if", test, then: body, else: chain, line: c.pattern.lineno }];
  }
  return [{ k: "expr", expr: { k: "assign", op: "=", target: id(subject), value: cx.expr(s.subject) }, line: s.lineno }, ...(chain ?? [])];
}

/** A pattern as a boolean expression over `subject` (an expression that is cheap and pure to repeat). */
export function pattern(cx: LowerContext, p: py.Pattern, subject: ir.Expr): ir.Expr {
  const and = (...parts: ir.Expr[]): ir.Expr => {
    const useful = parts.filter((x) => !isTrue(x));
    return useful.length ? useful.reduce((l, r) => ({ k: "binary", op: "&&", left: l, right: r })) : lit(true);
  };
  const capture = (name: string, value: ir.Expr): ir.Expr => {
    ensureDeclared(cx, name);
    return { k: "seq", exprs: [{ k: "assign", op: "=", target: id(safeName(name)), value }, lit(true)] };
  };
  switch (p._type) {
    case "MatchValue":
      return cx.rt("eq", subject, cx.expr(p.value));
    case "MatchSingleton":
      return { k: "binary", op: p.value === null ? "==" : "===", left: subject, right: lit(p.value as boolean | null) };
    case "MatchAs": {
      const inner = p.pattern ? pattern(cx, p.pattern, subject) : lit(true);
      return p.name ? and(inner, capture(p.name, subject)) : inner;
    }
    case "MatchOr":
      return p.patterns.map((q) => pattern(cx, q, subject)).reduce((l, r) => ({ k: "binary", op: "||", left: l, right: r }));
    case "MatchSequence": {
      const items = cx.temp("_items");
      const star = p.patterns.findIndex((q) => q._type === "MatchStar");
      const parts: ir.Expr[] = [
        { k: "binary", op: "!==", left: { k: "assign", op: "=", target: id(items), value: cx.rt("match_sequence", subject, lit(BigInt(p.patterns.length)), lit(star < 0 ? null : BigInt(star))) }, right: lit(null) },
      ];
      p.patterns.forEach((q, i) => {
        const item: ir.Expr = { k: "index", object: id(items), index: lit(i) };
        if (q._type === "MatchStar") parts.push(q.name ? capture(q.name, item) : lit(true));
        else parts.push(pattern(cx, q, item));
      });
      return and(...parts);
    }
    case "MatchMapping": {
      const values = cx.temp("_values");
      const keys: ir.Expr = { k: "array", elements: p.keys.map((k) => cx.expr(k)) };
      const parts: ir.Expr[] = [{ k: "binary", op: "!==", left: { k: "assign", op: "=", target: id(values), value: cx.rt("match_mapping", subject, keys) }, right: lit(null) }];
      p.patterns.forEach((q, i) => parts.push(pattern(cx, q, { k: "index", object: id(values), index: lit(i) })));
      if (p.rest) parts.push(capture(p.rest, cx.rt("mapping_rest", subject, keys)));
      return and(...parts);
    }
    case "MatchClass": {
      const values = cx.temp("_fields");
      const kwd: ir.Expr = { k: "array", elements: p.kwd_attrs.map((a) => lit(a)) };
      const parts: ir.Expr[] = [
        { k: "binary", op: "!==", left: { k: "assign", op: "=", target: id(values), value: cx.rt("match_class", subject, cx.expr(p.cls), lit(BigInt(p.patterns.length)), kwd) }, right: lit(null) },
      ];
      [...p.patterns, ...p.kwd_patterns].forEach((q, i) => parts.push(pattern(cx, q, { k: "index", object: id(values), index: lit(i) })));
      return and(...parts);
    }
    case "MatchStar":
      return cx.diags.error(p, "TSY1040", "starred pattern outside a sequence pattern");
  }
}
