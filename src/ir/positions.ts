// The Python source range of an IR expression that can raise (a call, a subscript, an attribute
// read, a binary operation, an await, a raise), for the `^^^^` / `~~^~~` markers CPython 3.11+
// draws under the failing expression of each traceback frame.
//
// Kept in a side table rather than in the IR nodes: the lowering marks the node it returns for a
// Python expression, and the printer asks for the mark of each node it prints.

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

const ranges = new WeakMap<object, PyRange>();

export function setPyRange(node: object, range: PyRange): void {
  ranges.set(node, range);
}

export function pyRangeOf(node: object): PyRange | undefined {
  return ranges.get(node);
}

export function clearPyRange(node: object): void {
  ranges.delete(node);
}
