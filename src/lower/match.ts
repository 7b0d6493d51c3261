// match ⇒ an if/else chain: each pattern becomes a boolean expression over the subject that binds
// its captures as it goes (CPython, too, may leave captures of a failed case bound).
//
//   match p:                | _subject = p;
//       case (x, 0): A      | if ((_items = match_sequence(_subject, 2n, null)) !== null && (x = _items[0], true) && eq(_items[1], 0n)) { A }
//       case _: B           | else { B }

import type * as py from "../ast/nodes.js";
import type * as ir from "../ir/nodes.js";
import { array, assign, assignStmt, binop, id, ifStmt, index, lit } from "../ir/nodes.js";
import { type LowerContext, safeName } from "./context.js";
import { ensureDeclared } from "./bindings.js";
import type { PyType } from "./types.js";
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
    let test = pattern(cx, c.pattern, id(subject), cx.typeOfExpr(s.subject));
    if (c.guard) test = binop("&&", test, cx.cond(c.guard));
    const body = cx.stmts(c.body);
    chain = isTrue(test) ? body : [ifStmt(test, body, chain, c.pattern.lineno)];
  }
  return [assignStmt(id(subject), cx.expr(s.subject), s.lineno), ...(chain ?? [])];
}

/** A pattern as a boolean expression over `subject` (an expression that is cheap and pure to repeat). */
export function pattern(cx: LowerContext, p: py.Pattern, subject: ir.Expr, subjectType?: PyType): ir.Expr {
  const and = (...parts: ir.Expr[]): ir.Expr => {
    const useful = parts.filter((x) => !isTrue(x));
    return useful.length ? useful.reduce((l, r) => binop("&&", l, r)) : lit(true);
  };
  const capture = (name: string, value: ir.Expr): ir.Expr => {
    ensureDeclared(cx, name);
    return { k: "seq", exprs: [assign(id(safeName(name)), value), lit(true)] };
  };
  switch (p._type) {
    case "MatchValue":
      // A subject proven an int, float or str against a value of the same type: JS equality is Python's.
      if ((subjectType === "int" || subjectType === "float" || subjectType === "str") && cx.typeOfExpr(p.value) === subjectType)
        return binop("===", subject, cx.expr(p.value));
      return cx.rt("eq", subject, cx.expr(p.value));
    case "MatchSingleton":
      return binop(p.value === null ? "==" : "===", subject, lit(p.value as boolean | null));
    case "MatchAs": {
      const inner = p.pattern ? pattern(cx, p.pattern, subject, subjectType) : lit(true);
      return p.name ? and(inner, capture(p.name, subject)) : inner;
    }
    case "MatchOr":
      return p.patterns.map((q) => pattern(cx, q, subject, subjectType)).reduce((l, r) => binop("||", l, r));
    case "MatchSequence": {
      const items = cx.temp("_items");
      const star = p.patterns.findIndex((q) => q._type === "MatchStar");
      const parts: ir.Expr[] = [
        binop("!==", assign(id(items), cx.rt("match_sequence", subject, lit(BigInt(p.patterns.length)), lit(star < 0 ? null : BigInt(star)))), lit(null)),
      ];
      p.patterns.forEach((q, i) => {
        const item: ir.Expr = index(id(items), lit(i));
        if (q._type === "MatchStar") parts.push(q.name ? capture(q.name, item) : lit(true));
        else parts.push(pattern(cx, q, item));
      });
      return and(...parts);
    }
    case "MatchMapping": {
      const values = cx.temp("_values");
      const keys: ir.Expr = array(p.keys.map((k) => cx.expr(k)));
      const parts: ir.Expr[] = [binop("!==", assign(id(values), cx.rt("match_mapping", subject, keys)), lit(null))];
      p.patterns.forEach((q, i) => parts.push(pattern(cx, q, index(id(values), lit(i)))));
      if (p.rest) parts.push(capture(p.rest, cx.rt("mapping_rest", subject, keys)));
      return and(...parts);
    }
    case "MatchClass": {
      const values = cx.temp("_fields");
      const kwd: ir.Expr = array(p.kwd_attrs.map((a) => lit(a)));
      const parts: ir.Expr[] = [
        binop("!==", assign(id(values), cx.rt("match_class", subject, cx.expr(p.cls), lit(BigInt(p.patterns.length)), kwd)), lit(null)),
      ];
      [...p.patterns, ...p.kwd_patterns].forEach((q, i) => parts.push(pattern(cx, q, index(id(values), lit(i)))));
      return and(...parts);
    }
    case "MatchStar":
      return cx.diags.error(p, "TSY1040");
  }
}
