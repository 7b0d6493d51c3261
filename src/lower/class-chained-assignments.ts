// `a = b = value` in a class body becomes one assignment per name, which the class lowering knows:
//   a = b = method_above   →  a = method_above; b = method_above   (a name: read once per target,
//                                                                      the same object each time)
//   a = b = expression     →  a = expression; b = a                (evaluated once, as CPython does)
// CPython assigns the targets left to right, so each later name reads the first one's value. Only
// chains of plain names are split (a chain with an attribute or a tuple target is left alone).

import type * as py from "../ast/nodes.js";

export function splitClassChainedAssignments(module: py.Module): py.Module {
  const body = visitStatements(module.body, false);
  // (the tree is never changed in place: what changed is a copy, the rest is shared)
  return body === module.body ? module : { ...module, body };
}

/** Walks the statements (not the expressions) that can hold a class statement. */
function visitStatements(body: py.Stmt[], inClass: boolean): py.Stmt[] {
  let out: py.Stmt[] | null = null;
  for (let i = 0; i < body.length; i++) {
    const s = visitNested(body[i]);
    const split = inClass ? splitChain(s) : null;
    if ((split || s !== body[i]) && out === null) out = body.slice(0, i);
    if (out) out.push(...(split ?? [s]));
  }
  return out ?? body;
}

/** The statement with its nested statement lists walked: itself when nothing in them changed. */
function visitNested(s: py.Stmt): py.Stmt {
  switch (s._type) {
    case "ClassDef":
      return withBlocks(s, { body: visitStatements(s.body, true) });
    case "FunctionDef":
    case "AsyncFunctionDef":
    case "With":
    case "AsyncWith":
      return withBlocks(s, { body: visitStatements(s.body, false) });
    case "While":
    case "For":
    case "AsyncFor":
    case "If":
      return withBlocks(s, { body: visitStatements(s.body, false), orelse: visitStatements(s.orelse, false) });
    case "Try":
    case "TryStar": {
      const handlers = withBodiesVisited(s.handlers);
      const t = withBlocks(s, {
        body: visitStatements(s.body, false),
        orelse: visitStatements(s.orelse, false),
        finalbody: visitStatements(s.finalbody, false),
      });
      return handlers === s.handlers ? t : { ...t, handlers };
    }
    case "Match": {
      const cases = withBodiesVisited(s.cases);
      return cases === s.cases ? s : { ...s, cases };
    }
  }
  return s;
}

// (module-level, not closures per statement: a closure made per lowering loses its optimized code at every full GC)

/** `node` with the blocks of `fields` that differ from its own: itself when none does. */
function withBlocks<T extends py.Stmt>(node: T, fields: Partial<Record<string, py.Stmt[]>>): T {
  const own = node as unknown as Record<string, unknown>;
  let changed: Record<string, py.Stmt[] | undefined> | null = null;
  for (const k in fields) if (fields[k] !== own[k]) (changed ??= {})[k] = fields[k];
  return changed ? { ...node, ...changed } : node;
}

/** Handlers or cases with their bodies walked: the same list when none changed. */
function withBodiesVisited<T extends { body: py.Stmt[] }>(items: T[]): T[] {
  let out: T[] | null = null;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const b = visitStatements(item.body, false);
    if (b !== item.body && out === null) out = items.slice(0, i);
    if (out) out.push(b === item.body ? item : { ...item, body: b });
  }
  return out ?? items;
}

function splitChain(s: py.Stmt): py.Stmt[] | null {
  if (s._type !== "Assign" || s.targets.length < 2 || !s.targets.every((t) => t._type === "Name")) return null;
  const targets = s.targets as py.Name[];
  const first = targets[0];
  // (a name or a constant gives the same object each time it is read)
  const shared = s.value._type === "Name" || s.value._type === "Constant";
  return targets.map((target, i) => ({
    ...s,
    targets: [target],
    value: i === 0 ? s.value : shared ? { ...s.value } : { ...first, ctx: { _type: "Load" } },
  })) as py.Stmt[];
}
