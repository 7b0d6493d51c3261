// The Python source range of an IR expression that can raise (a call, a subscript, an attribute
// read, a binary operation, an await, a raise), for the `^^^^` / `~~^~~` markers CPython 3.11+
// draws under the failing expression of each traceback frame.
//
// Set on the IR nodes, out of the IR's types: the lowering marks the node it returns for a Python
// expression, and the printer asks for the mark of each node it prints (a PyMark, below).

/**
 * [line, col, endLine, endCol, anchor, a, b], columns in UTF-8 bytes as in the Python AST.
 * `anchor`: 0 none; 1 a binary operation (a: its left operand's end, b: its right operand's start);
 * 2 a subscript (a: its value's end, b: its index's end): CPython marks the operator or the
 * brackets apart from the rest; 3 the call of a list, set or dict comprehension's function, and 4
 * that function: CPython 3.12 runs such comprehensions inline, in the frame around them, so the
 * JS frame of the call is no Python frame of its own (the function's frame stands for it); 5
 * below.
 */
export type PyRange = readonly [number, number, number, number, number, number, number];

export const ANCHOR_NONE = 0;
export const ANCHOR_BINOP = 1;
export const ANCHOR_SUBSCRIPT = 2;
export const INLINED_CALL = 3;
export const INLINED_BODY = 4;
/**
 * 5: the attribute of a native method call (`obj.m` of `obj.m(x)`): CPython marks it alone when
 * the attribute read fails (an AttributeError), the whole call otherwise.
 */
export const CALLEE_ATTRIBUTE = 5;

/**
 * What the lowering puts on an IR node: the Python node (its kind says the anchor: a BinOp, a
 * Subscript, else none), or for the special kinds the node and the kind. Made into a PyRange only
 * when the printer writes the node (the lowering allocates nothing more per expression).
 */
export type PyMark = Located | { at: Located; kind: number };

/** A Python AST node with a position (src/ast/nodes.ts). */
interface Located {
  _type: string;
  lineno: number;
  col_offset: number;
  end_lineno: number;
  end_col_offset: number;
}

// (a property of the node: a side table's lookups cost more than the printing they serve)
interface Marked {
  pyMark?: PyMark;
}

export function setPyMark(node: object, mark: PyMark): void {
  (node as Marked).pyMark = mark;
}

export function pyMarkOf(node: object): PyMark | undefined {
  return (node as Marked).pyMark;
}

/** The range a mark stands for. */
export function rangeOfMark(mark: PyMark): PyRange {
  if ("at" in mark) return rangeOfNode(mark.at, mark.kind);
  if (mark._type === "BinOp") return rangeOfNode(mark, ANCHOR_BINOP);
  if (mark._type === "Subscript") return rangeOfNode(mark, ANCHOR_SUBSCRIPT);
  return rangeOfNode(mark, ANCHOR_NONE);
}

function rangeOfNode(n: Located, anchor: number): PyRange {
  const endLine = n.end_lineno;
  const endCol = n.end_col_offset;
  let a = 0;
  let b = 0;
  // An anchored expression spread over several lines is marked like any other (to its first line's end).
  if ((anchor === ANCHOR_BINOP || anchor === ANCHOR_SUBSCRIPT) && endLine !== n.lineno) anchor = ANCHOR_NONE;
  if (anchor === ANCHOR_BINOP) {
    const op = n as unknown as { left: Located; right: Located };
    a = op.left.end_col_offset - n.col_offset;
    b = op.right.col_offset - n.col_offset;
  } else if (anchor === ANCHOR_SUBSCRIPT) {
    const sub = n as unknown as { value: Located; slice: Located };
    a = sub.value.end_col_offset - n.col_offset;
    b = sub.slice.end_col_offset - n.col_offset;
  }
  return [n.lineno, n.col_offset, endLine, endCol, anchor, a, b];
}
