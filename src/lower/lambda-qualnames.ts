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
      // The body's own lambdas (`m = wrap(lambda self, y: y)`) are JS text the class statement's
      // line starts: their qualname is kept there too (unless the line has lambdas of other qualnames).
      let headerLambda = false;
      for (const e of [...n.bases, ...n.keywords]) bodyLambdas(e, () => (headerLambda = true));
      if (!headerLambda) for (const s of n.body) bodyLambdas(s, () => note(found, n.lineno, `${prefix}${n.name}.<lambda>`));
      return;
    case "Lambda": {
      if (prefix !== "") note(found, n.lineno, `${prefix}<lambda>`);
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

function note(found: Map<number, string | null>, line: number, q: string): void {
  const known = found.get(line);
  found.set(line, known === undefined || known === q ? q : null);
}

/** The lambdas a class-body statement evaluates in the body's own scope (not in its defs, classes or other lambdas). */
function bodyLambdas(n: Node, each: (l: py.Lambda) => void): void {
  if (n._type === "FunctionDef" || n._type === "AsyncFunctionDef" || n._type === "ClassDef") return;
  if (n._type === "Lambda") {
    each(n);
    return;
  }
  // (a comprehension's lambdas but its first iterable's are the comprehension's own)
  if (n._type === "GeneratorExp" || n._type === "ListComp" || n._type === "SetComp" || n._type === "DictComp") {
    if (n.generators.length) bodyLambdas(n.generators[0].iter, each);
    return;
  }
  forEachChildWith(n, (c: Node) => bodyLambdas(c, each), undefined as never, undefined as never);
}
