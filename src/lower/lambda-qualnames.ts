// `__qualname__` of a lambda: `outer.<locals>.<lambda>` inside a function, `K.<lambda>` in a class
// body (a JS arrow function has none of its own). The script's qualname table (set_qualnames)
// keys a lambda by its negated line, apart from the defs' lines; a lambda at module level, or on a
// line whose lambdas have different qualnames, keeps the runtime's `<lambda>`.
//
//   def outer():                  | set_qualnames(script_path("x.py"), { "-2": "outer.<locals>.<lambda>" });
//       return lambda: 1          |

import type * as py from "../ast/nodes.js";
import type { Node } from "../ast/nodes.js";
import { forEachChildWith } from "../ast/walk.js";
import { nodeIndex } from "../ast/node-index.js";

/** Adds the lambdas of `module` to `table` (line → qualname, as nestedQualnames gives the defs). */
export function addLambdaQualnames(module: py.Module, table: Record<string, string>): void {
  // (most modules have no lambda: the index, built before the lowering, says so without a walk)
  if (nodeIndex(module).ofType("Lambda").length === 0) return;
  const found = new Map<number, string | null>();
  for (const s of module.body) visit(s, "", found);
  for (const [line, q] of found) if (q !== null) table[String(-line)] = q;
}

function visit(n: Node, prefix: string, found: Map<number, string | null>): void {
  switch (n._type) {
    case "FunctionDef":
    case "AsyncFunctionDef":
      // (decorators, defaults and annotations run in the enclosing scope)
      for (const d of n.decorator_list) visit(d, prefix, found);
      visit(n.args, prefix, found);
      if (n.returns) visit(n.returns, prefix, found);
      for (const s of n.body) visit(s, `${prefix}${n.name}.<locals>.`, found);
      return;
    case "ClassDef":
      for (const d of n.decorator_list) visit(d, prefix, found);
      for (const b of n.bases) visit(b, prefix, found);
      for (const k of n.keywords) visit(k, prefix, found);
      for (const s of n.body) visit(s, `${prefix}${n.name}.`, found);
      return;
    case "Lambda": {
      if (prefix !== "") {
        const q = `${prefix}<lambda>`;
        const known = found.get(n.lineno);
        found.set(n.lineno, known === undefined || known === q ? q : null);
      }
      visit(n.args, prefix, found);
      visit(n.body, `${prefix}<lambda>.<locals>.`, found);
      return;
    }
    case "GeneratorExp": {
      // A generator expression is a function of its own but for its first iterable (list, set
      // and dict comprehensions are inlined since 3.12).
      const inner = `${prefix}<genexpr>.<locals>.`;
      n.generators.forEach((g, i) => {
        visit(g.iter, i === 0 ? prefix : inner, found);
        for (const c of g.ifs) visit(c, inner, found);
      });
      visit(n.elt, inner, found);
      return;
    }
  }
  forEachChildWith(n, visit, prefix, found);
}
