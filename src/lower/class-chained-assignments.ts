// `a = b = value` in a class body becomes one assignment per name, which the class lowering knows:
//   a = b = method_above   →  a = method_above; b = method_above   (a name: read once per target,
//                                                                      the same object each time)
//   a = b = expression     →  a = expression; b = a                (evaluated once, as CPython does)
// CPython assigns the targets left to right, so each later name reads the first one's value. Only
// chains of plain names are split (a chain with an attribute or a tuple target is left alone).

import type * as py from "../ast/nodes.js";

export function splitClassChainedAssignments(module: py.Module): py.Module {
  visitStatements(module.body, false);
  return module;
}

/** Walks the statements (not the expressions) that can hold a class statement. */
function visitStatements(body: py.Stmt[], inClass: boolean): py.Stmt[] {
  let out: py.Stmt[] | null = null;
  for (let i = 0; i < body.length; i++) {
    const s = body[i];
    visitNested(s);
    const split = inClass ? splitChain(s) : null;
    if (split) out ??= body.slice(0, i);
    if (out) out.push(...(split ?? [s]));
  }
  return out ?? body;
}

function visitNested(s: py.Stmt): void {
  switch (s._type) {
    case "ClassDef":
      s.body = visitStatements(s.body, true);
      return;
    case "FunctionDef":
    case "AsyncFunctionDef":
    case "While":
    case "For":
    case "AsyncFor":
    case "If":
    case "With":
    case "AsyncWith":
      s.body = visitStatements(s.body, false);
      if ("orelse" in s) s.orelse = visitStatements(s.orelse, false);
      return;
    case "Try":
    case "TryStar":
      s.body = visitStatements(s.body, false);
      for (const h of s.handlers) h.body = visitStatements(h.body, false);
      s.orelse = visitStatements(s.orelse, false);
      s.finalbody = visitStatements(s.finalbody, false);
      return;
    case "Match":
      for (const c of s.cases) c.body = visitStatements(c.body, false);
      return;
  }
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
