// Generic walks over the Python AST, driven by the field table in nodes.ts (CPython's field order).

import { FIELDS, type Node } from "./nodes.js";

function isNode(x: unknown): x is Node {
  return typeof x === "object" && x !== null && typeof (x as { _type?: unknown })._type === "string";
}

/** Calls `visit` on every direct child node, in CPython's field order. */
export function forEachChild(node: Node, visit: (child: Node) => void): void {
  const fields = FIELDS[node._type] as readonly string[];
  for (const f of fields) {
    const value = (node as unknown as Record<string, unknown>)[f];
    if (Array.isArray(value)) {
      for (const v of value) if (isNode(v)) visit(v);
    } else if (isNode(value)) visit(value);
  }
}

/** Visits `node` and all its descendants, parents first; `visit` returns false to skip a subtree. */
export function walk(node: Node, visit: (n: Node) => boolean | void): void {
  if (visit(node) === false) return;
  forEachChild(node, (c) => walk(c, visit));
}
