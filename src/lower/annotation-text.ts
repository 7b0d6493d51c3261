// An annotation's source form as text, for `__annotations__` strings of class bodies and for
// signatures under `from __future__ import annotations`.

import type * as py from "../ast/nodes.js";

/** An annotation's source form (`int`, `list[str]`, `ClassVar[int]`), as `__annotations__` strings. */
export function annotationText(e: py.ExprNode): string {
  switch (e._type) {
    case "Name":
      return e.id;
    case "Attribute":
      return `${annotationText(e.value)}.${e.attr}`;
    case "Subscript":
      return `${annotationText(e.value)}[${annotationText(e.slice)}]`;
    case "Tuple":
      return e.elts.map(annotationText).join(", ");
    case "Constant":
      // (None, True, False as Python writes them)
      return typeof e.value === "string" ? e.value : e.value === null ? "None" : typeof e.value === "boolean" ? (e.value ? "True" : "False") : String(e.value);
    case "BinOp":
      return `${annotationText(e.left)} | ${annotationText(e.right)}`;
    case "List":
      return `[${e.elts.map(annotationText).join(", ")}]`;
    default:
      return "object";
  }
}
