// Generic traversal of the Python AST, driven by FIELDS (so a new node kind needs no change here).

import { FIELDS, type Node } from "./nodes.js";

function isNode(v: unknown): v is Node {
  return typeof v === "object" && v !== null && typeof (v as { _type?: unknown })._type === "string";
}

/** Fields that hold Python constants, never child nodes (a constant may look like an object). */
const CONSTANT_FIELDS = new Set(["Constant.value", "MatchSingleton.value"]);

/** Child fields by node type, computed once per type (the walks run over every node of a module). */
const childFieldsByType = new Map<string, readonly string[]>();

function childFields(node: Node): readonly string[] {
  let fields = childFieldsByType.get(node._type);
  if (fields === undefined) {
    fields = (FIELDS[node._type] as readonly string[]).filter((f) => !CONSTANT_FIELDS.has(`${node._type}.${f}`));
    childFieldsByType.set(node._type, fields);
  }
  return fields;
}

/** Calls `fn` on each direct child node, in field order (list elements in order; None skipped). */
export function forEachChild(node: Node, fn: (child: Node, field: string, index: number | null) => void): void {
  const rec = node as unknown as Record<string, unknown>;
  const fields = childFields(node);
  // (indexed loops: for-of made an iterator result per field, ~25 MB of garbage per lowering of the generated benchmark)
  for (let f = 0; f < fields.length; f++) {
    const field = fields[f];
    const v = rec[field];
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) if (isNode(v[i])) fn(v[i], field, i);
    } else if (isNode(v)) fn(v, field, null);
  }
}

/** forEachChild for a visitor that takes two arguments more, passed along (the hot walks then make no closure per node). */
export function forEachChildWith<A, B>(node: Node, fn: (child: Node, a: A, b: B) => void, a: A, b: B): void {
  const rec = node as unknown as Record<string, unknown>;
  const fields = childFields(node);
  for (let f = 0; f < fields.length; f++) {
    const v = rec[fields[f]];
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) if (isNode(v[i])) fn(v[i], a, b);
    } else if (isNode(v)) fn(v, a, b);
  }
}

/** Visits `node` and all its descendants, parents first; `visit` returns false to skip a subtree. */
export function walk(node: Node, visit: (n: Node) => boolean | void): void {
  if (visit(node) === false) return;
  const rec = node as unknown as Record<string, unknown>;
  const fields = childFields(node);
  for (let f = 0; f < fields.length; f++) {
    const v = rec[fields[f]];
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) if (isNode(v[i])) walk(v[i], visit);
    } else if (isNode(v)) walk(v, visit);
  }
}

/**
 * Returns a copy of `node` whose direct children are replaced by `fn(child)`; the node itself is
 * returned unchanged (same object) when no child changed.
 */
export function mapChildren<T extends Node>(node: T, fn: (child: Node, field: string) => Node): T {
  const rec = node as unknown as Record<string, unknown>;
  let out: Record<string, unknown> | null = null;
  for (const field of childFields(node)) {
    const v = rec[field];
    let nv: unknown = v;
    if (Array.isArray(v)) {
      let changed = false;
      const arr = v.map((x) => {
        if (!isNode(x)) return x;
        const y = fn(x, field);
        if (y !== x) changed = true;
        return y;
      });
      if (changed) nv = arr;
    } else if (isNode(v)) nv = fn(v, field);
    if (nv !== v) {
      out ??= { ...rec };
      out[field] = nv;
    }
  }
  return (out ?? node) as T;
}
