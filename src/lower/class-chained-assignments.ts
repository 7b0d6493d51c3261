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
  const walk = <T extends py.Stmt>(node: T, fields: Partial<Record<string, py.Stmt[]>>): T => {
    const changed = Object.entries(fields).filter(([k, v]) => v !== (node as unknown as Record<string, unknown>)[k]);
    return changed.length ? { ...node, ...Object.fromEntries(changed) } : node;
  };
  switch (s._type) {
    case "ClassDef":
      return walk(s, { body: visitStatements(s.body, true) });
    case "FunctionDef":
    case "AsyncFunctionDef":
    case "With":
    case "AsyncWith":
      return walk(s, { body: visitStatements(s.body, false) });
    case "While":
    case "For":
    case "AsyncFor":
    case "If":
      return walk(s, { body: visitStatements(s.body, false), orelse: visitStatements(s.orelse, false) });
    case "Try":
    case "TryStar": {
      const handlers = s.handlers.map((h) => {
        const b = visitStatements(h.body, false);
        return b === h.body ? h : { ...h, body: b };
      });
      const t = walk(s, { body: visitStatements(s.body, false), orelse: visitStatements(s.orelse, false), finalbody: visitStatements(s.finalbody, false) });
      return handlers.every((h, i) => h === s.handlers[i]) ? t : { ...t, handlers };
    }
    case "Match": {
      const cases = s.cases.map((c) => {
        const b = visitStatements(c.body, false);
        return b === c.body ? c : { ...c, body: b };
      });
      return cases.every((c, i) => c === s.cases[i]) ? s : { ...s, cases };
    }
  }
  return s;
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
