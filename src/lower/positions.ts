// Python source ranges on the IR of expressions that can raise, for the markers CPython draws under
// the failing expression of a traceback frame (`^^^^` under a call, `~~^~~` under `a / b`).
//
//   x = obj.method(arg) + d["k"]     the call and the subscript each get their own range; the
//                                     printer turns them into spans of the output (src/emit/print.ts)
//
// CPython's frame positions are those of the instruction that raised: a call, an attribute read,
// a subscript, a binary operation or comparison, an await, a raise statement.

import type * as py from "../ast/nodes.js";
import type * as ir from "../ir/nodes.js";
import { ANCHOR_BINOP, ANCHOR_NONE, ANCHOR_SUBSCRIPT, CALLEE_ATTRIBUTE, INLINED_BODY, INLINED_CALL, setPyRange, type PyRange } from "../ir/positions.js";
import type { LowerContext } from "./context.js";

type LowerExpr = (cx: LowerContext, e: py.ExprNode) => ir.Expr;

// The attribute of a method call: CPython's call instruction has the whole call's range, and the
// JS frame of the call points inside the callee's member expression, so it must not have its own.
// Likewise the operand of an await: a frame delegating to it (`yield* f(x)`) points at the call.
const unmarked = new WeakSet<py.ExprNode>();

/** `lower` that also records the Python range of the expressions whose instructions can raise. */
export function withPositions(lower: LowerExpr): LowerExpr {
  return (cx, e) => {
    switch (e._type) {
      case "Call": {
        if (e.func._type !== "Attribute") return unmarked.has(e) ? lower(cx, e) : mark(lower(cx, e), rangeOf(e));
        unmarked.add(e.func);
        const r = lower(cx, e);
        // A native method call: the frame points at the method's name, inside `obj.m`.
        if (r.k === "call" && r.callee.k === "member") setPyRange(r.callee, rangeOf(e.func, CALLEE_ATTRIBUTE));
        return unmarked.has(e) ? r : mark(r, rangeOf(e));
      }
      case "Attribute":
        return unmarked.has(e) ? lower(cx, e) : mark(lower(cx, e), rangeOf(e));
      case "BinOp":
        return mark(lower(cx, e), rangeOf(e, ANCHOR_BINOP, e.left.end_col_offset, e.right.col_offset));
      case "Subscript":
        return mark(lower(cx, e), rangeOf(e, ANCHOR_SUBSCRIPT, e.value.end_col_offset, e.slice.end_col_offset));
      case "Await":
      case "YieldFrom":
        unmarked.add(e.value);
        return mark(lower(cx, e), rangeOf(e));
      case "Compare":
      case "UnaryOp":
        return mark(lower(cx, e), rangeOf(e));
      case "GeneratorExp": {
        // Its function's frame (`<genexpr>`) is at the generator expression while it iterates.
        const r = lower(cx, e);
        const fn = r.k === "call" ? [r.callee, ...r.args].find((x) => x.k === "function") : undefined;
        if (fn) setPyRange(fn, rangeOf(e));
        return r;
      }
      case "ListComp":
      case "SetComp":
      case "DictComp": {
        // `((_iter) => { ... })(iterable)`: the arrow's frame is the Python frame, its call's is none.
        const r = lower(cx, e);
        if (r.k === "call" && r.callee.k === "arrow") {
          const n = rangeOf(e);
          setPyRange(r, [n[0], n[1], n[2], n[3], INLINED_CALL, 0, 0]);
          setPyRange(r.callee, [n[0], n[1], n[2], n[3], INLINED_BODY, 0, 0]);
        }
        return r;
      }
      default:
        return lower(cx, e);
    }
  };
}

/**
 * The read, write or deletion of an assignment's (or `del`'s) target `obj[key]` or `obj.attr`:
 * CPython's frame is at the target's range.
 */
export function markTarget(node: ir.Expr, target: py.Subscript | py.Attribute): ir.Expr {
  if (target._type === "Attribute") return mark(node, rangeOf(target));
  return mark(node, rangeOf(target, ANCHOR_SUBSCRIPT, target.value.end_col_offset, target.slice.end_col_offset));
}

/** The exception a `raise` statement throws: the frame is at the statement (a whole-line range draws no markers). */
export function markRaise(value: ir.Expr, s: py.Raise): void {
  setPyRange(value, rangeOf(s));
}

function rangeOf(n: py.Position, anchor = ANCHOR_NONE, a = 0, b = 0): PyRange {
  // An anchored expression spread over several lines is marked like any other (to its first line's end).
  if (n.end_lineno !== n.lineno && (anchor === ANCHOR_BINOP || anchor === ANCHOR_SUBSCRIPT)) anchor = ANCHOR_NONE;
  return [n.lineno, n.col_offset, n.end_lineno, n.end_col_offset, anchor, a - n.col_offset, b - n.col_offset];
}

function mark(node: ir.Expr, range: PyRange): ir.Expr {
  setPyRange(node, range);
  return node;
}
