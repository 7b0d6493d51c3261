// `"literal" % (a, b, ...)`: printf-style formatting of a str literal with a tuple display calls the
// runtime's mod_tuple with the items, and the tuple itself is never built (it was a third of the
// cost of a short format). Only this exact shape: a str on the left always formats (str's `%` comes
// first, and a tuple is not a str subclass whose `__rmod__` would), and a tuple is never a mapping.
import type * as py from "../ast/nodes.js";
import type * as ir from "../ir/nodes.js";
import { array } from "../ir/nodes.js";
import type { LowerContext } from "./context.js";

/** The lowering of `e` when it is a str literal `%` a tuple display without starred items, else null. */
export function percentOfTupleDisplay(cx: LowerContext, e: py.BinOp): ir.Expr | null {
  if (e.op._type !== "Mod" || e.left._type !== "Constant" || typeof e.left.value !== "string") return null;
  const right = e.right;
  if (right._type !== "Tuple" || right.elts.some((x) => x._type === "Starred")) return null;
  // Left to right, as Python evaluates the template and then the tuple's items.
  const template = cx.expr(e.left);
  return cx.rt("mod_tuple", template, array(right.elts.map((x) => cx.expr(x))));
}
