// `x[a:b] + b"..."`: a slice without a step followed by the concatenation of a bytes literal. For
// two exact bytes objects the runtime's add_slice builds the result in one copy (the slice's own
// object was a third of the allocations of a loop making small chunks); for anything else it gives
// undefined without doing anything, and the slice and the `+` run as written, on the same values:
//   add_slice(_t = x, _t1 = a, _t2 = b, b"...") ?? add(getslice(_t, _t1, _t2, null), b"...")
// Only a literal on the right: reading it before the slice is taken cannot be observed. The two
// calls of the second half keep the ranges CPython's traceback marks (the subscript, the `+`).
import type * as py from "../ast/nodes.js";
import type * as ir from "../ir/nodes.js";
import { assign, binop, id, lit } from "../ir/nodes.js";
import { setPyMark } from "../ir/positions.js";
import type { LowerContext } from "./context.js";

/** The lowering of `e` when it is a step-less slice `+` a bytes literal, else null. */
export function sliceThenBytesLiteral(cx: LowerContext, e: py.BinOp): ir.Expr | null {
  const left = e.left;
  if (e.op._type !== "Add" || left._type !== "Subscript" || left.slice._type !== "Slice" || left.slice.step != null) return null;
  const right = e.right;
  if (right._type !== "Constant" || right.value === null || typeof right.value !== "object" || !("bytes" in right.value)) return null;
  // Each operand once, in Python's order; a constant (-1 too) is read again instead, and so is a
  // name when no operand runs code (a bound's call or walrus could rebind the name in between).
  const constant = (x: ir.Expr) => x.k === "lit" || (x.k === "unary" && x.op === "-" && x.arg.k === "lit");
  const operands = [cx.expr(left.value), cx.optExpr(left.slice.lower), cx.optExpr(left.slice.upper)];
  const namesStay = operands.every((x) => constant(x) || x.k === "id");
  const once = (x: ir.Expr): [ir.Expr, ir.Expr] => {
    if (constant(x) || (namesStay && x.k === "id")) return [x, x];
    const t = cx.temp();
    return [assign(id(t), x), id(t)];
  };
  const [[obj, objAgain], [lower, lowerAgain], [upper, upperAgain]] = operands.map(once);
  const slice = cx.rt("getslice", objAgain, lowerAgain, upperAgain, lit(null));
  setPyMark(slice, left);
  const add = cx.rt("add", slice, cx.expr(right));
  setPyMark(add, e);
  return binop("??", cx.rt("add_slice", obj, lower, upper, cx.expr(right)), add);
}
