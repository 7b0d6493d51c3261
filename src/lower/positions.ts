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
import { CALLEE_ATTRIBUTE, INLINED_BODY, INLINED_CALL, setPyMark } from "../ir/positions.js";
import type { LowerContext } from "./context.js";

type LowerExpr = (cx: LowerContext, e: py.ExprNode) => ir.Expr;

// The attribute of a method call: CPython's call instruction has the whole call's range, and the
// JS frame of the call points inside the callee's member expression, so it must not have its own.
// Likewise the operand of an await: a frame delegating to it (`yield* f(x)`) points at the call.
// (the nodes of the calls and awaits being lowered: a short list, searched from its end)
const unmarked: py.ExprNode[] = [];

function isUnmarked(e: py.ExprNode): boolean {
  for (let i = unmarked.length - 1; i >= 0; i--) if (unmarked[i] === e) return true;
  return false;
}

/** Lowers `e` while `part` of it is not to be marked. */
function lowerWithout(lower: LowerExpr, cx: LowerContext, e: py.ExprNode, part: py.ExprNode): ir.Expr {
  unmarked.push(part);
  try {
    return lower(cx, e);
  } finally {
    unmarked.pop();
  }
}

/**
 * `lower` that also records the Python range of the expressions whose instructions can raise.
 * `direct` tells whether an awaited expression is delegated to as it is (`yield* f(x)`).
 */
export function withPositions(lower: LowerExpr, direct: (cx: LowerContext, e: py.ExprNode) => boolean): LowerExpr {
  // (the same function for the same two: one made per lowering lost its optimized code at every
  // full garbage collection between lowerings, see bench/NOTES.md round 18)
  if (lastWrapped !== undefined && lastLower === lower && lastDirect === direct) return lastWrapped;
  lastLower = lower;
  lastDirect = direct;
  return (lastWrapped = (cx, e) => {
    switch (e._type) {
      case "Call": {
        if (e.func._type !== "Attribute") return isUnmarked(e) ? lower(cx, e) : mark(lower(cx, e), e);
        const r = lowerWithout(lower, cx, e, e.func);
        // A native method call: the frame points at the method's name, inside `obj.m`.
        if (r.k === "call" && r.callee.k === "member") setPyMark(r.callee, { at: e.func, kind: CALLEE_ATTRIBUTE });
        return isUnmarked(e) ? r : mark(r, e);
      }
      case "Attribute":
        return isUnmarked(e) ? lower(cx, e) : mark(lower(cx, e), e);
      case "Await":
        // `yield* awaitable(f())`: a call that fails before anything is awaited is at the call's
        // own range (CPython's CALL instruction), not the await's.
        if (!direct(cx, e.value)) return mark(lower(cx, e), e);
        return mark(lowerWithout(lower, cx, e, e.value), e);
      case "YieldFrom":
        return mark(lowerWithout(lower, cx, e, e.value), e);
      case "Name":
      // (a name the compiler could not prove bound, or a NameError: a call raises there)
      case "BinOp":
      case "Subscript":
      case "Compare":
      case "UnaryOp":
        return mark(lower(cx, e), e);
      case "GeneratorExp": {
        // Its function's frame (`<genexpr>`) is at the generator expression while it iterates.
        const r = lower(cx, e);
        const fn = r.k === "call" ? [r.callee, ...r.args].find((x) => x.k === "function") : undefined;
        if (fn) setPyMark(fn, e);
        return r;
      }
      case "ListComp":
      case "SetComp":
      case "DictComp": {
        // `((_iter) => { ... })(iterable)`: the arrow's frame is the Python frame, its call's is none.
        // With awaits inside, `yield* call_bound(function* (_iter) { ... }, self, iterable)`: likewise.
        const r = lower(cx, e);
        if (r.k === "call" && r.callee.k === "arrow") {
          setPyMark(r, { at: e, kind: INLINED_CALL });
          setPyMark(r.callee, { at: e, kind: INLINED_BODY });
        } else if (r.k === "yield" && r.delegate && r.arg?.k === "call" && r.arg.args[0]?.k === "function") {
          setPyMark(r.arg, { at: e, kind: INLINED_CALL });
          setPyMark(r.arg.args[0], { at: e, kind: INLINED_BODY });
        }
        return r;
      }
      default:
        return lower(cx, e);
    }
  });
}

let lastLower: LowerExpr | undefined;
let lastDirect: ((cx: LowerContext, e: py.ExprNode) => boolean) | undefined;
let lastWrapped: LowerExpr | undefined;

/**
 * The read, write or deletion of an assignment's (or `del`'s) target `obj[key]` or `obj.attr`:
 * CPython's frame is at the target's range.
 */
export function markTarget(node: ir.Expr, target: py.Subscript | py.Attribute): ir.Expr {
  return mark(node, target);
}

/** The unpacking of a value into a tuple or list target (`a, b = v`): a wrong length is at the target's range. */
export function markUnpack(node: ir.Expr, target: py.Tuple | py.List): ir.Expr {
  return mark(node, target);
}

/** The exception a `raise` statement throws: the frame is at the statement (a whole-line range draws no markers). */
export function markRaise(value: ir.Expr, s: py.Raise): void {
  setPyMark(value, s);
}

function mark(node: ir.Expr, at: py.ExprNode): ir.Expr {
  // (a native JS operator on proven operands, a name or a constant raises nothing: no span to print)
  const k = node.k;
  if (k !== "binary" && k !== "unary" && k !== "id" && k !== "lit" && k !== "this") setPyMark(node, at);
  return node;
}
