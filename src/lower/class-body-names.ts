// A class body's names are visible to its later class-level statements (an attribute's value, a
// nested class's bases and decorators, a method's defaults), never to its methods' bodies. The class
// does not exist yet while its body runs, so such a value is kept in a const the later reads name.
//
//   class Outer:                  | const _nested = define_class(class Base ..., "Outer.Base", {});
//       class Base: ...           | const _nested1 = define_class(class Child extends _nested ..., ...);
//       class Child(Base): ...    |
//       x = 1                     | const _attr = 1n;
//       y = x + 1                 | const _attr1 = add(_attr, 1n);

import type * as py from "../ast/nodes.js";
import { forEachChild } from "../ast/walk.js";

type Node = Parameters<typeof forEachChild>[0];

/** Fields evaluated where the node stands, for nodes whose other fields run in a scope of their own. */
const EVALUATED_HERE: Record<string, readonly string[]> = {
  // (a function's body and type parameters are its own scope; its defaults, decorators and annotations are not)
  FunctionDef: ["decorator_list", "args", "returns"],
  AsyncFunctionDef: ["decorator_list", "args", "returns"],
  ClassDef: ["bases", "keywords", "decorator_list"],
  Lambda: ["args"],
};

const COMPREHENSIONS = new Set(["ListComp", "SetComp", "DictComp", "GeneratorExp"]);

/** The names `item` (a statement of a class body) reads where the class body runs. */
export function classLevelReads(item: py.Stmt): py.Name[] {
  const out: py.Name[] = [];
  const visit = (n: Node) => {
    if (n._type === "Name" && (n as py.Name).ctx._type === "Load") out.push(n as py.Name);
    // A comprehension runs in its own scope but for its first iterable.
    if (COMPREHENSIONS.has(n._type)) {
      const first = (n as py.ListComp).generators[0];
      if (first) visit(first.iter as Node);
      return;
    }
    const here = EVALUATED_HERE[n._type];
    forEachChild(n, (child, field) => {
      if (!here || here.includes(field)) visit(child);
    });
  };
  visit(item as Node);
  return out;
}

/** The names of `body` bound by a statement and read at class level by a later one. */
export function namesReadLater(body: py.Stmt[], bound: (s: py.Stmt) => string | null): Set<string> {
  const seen = new Set<string>();
  const needed = new Set<string>();
  for (const item of body) {
    for (const n of classLevelReads(item)) if (seen.has(n.id)) needed.add(n.id);
    const b = bound(item);
    if (b) seen.add(b);
  }
  return needed;
}
