// Mixins: classes whose methods read from self what the classes they are mixed with define
// (`self.assertEqual` of a TestCase mixin). In Python the name is found through the final class's
// MRO; in TS `this` is the mixin's own class, which must declare the name (as `any`) for
// `tsc --strict` to accept `this.assertEqual(...)`.
//
//   class Checks:                       | class Checks extends PyObject {
//       def check(self): self.assertEqual(1, 1)  |   declare assertEqual: any;
//   class Base(Checks): ...             |   ...
//   class T(Base, unittest.TestCase): ...

import type * as py from "../ast/nodes.js";
import { nodeIndex } from "../ast/node-index.js";

interface Mixins {
  /** Names of the program's classes mixed into another: listed next to another base, or a base (through the program's classes) of one that is. */
  names: Set<string>;
  /** Class name → the program's classes that name it as their only base. */
  singleSubclasses: Map<string, py.ClassDef[]>;
}

const cache = new WeakMap<py.Module, Mixins>();

const baseName = (b: py.ExprNode): string | undefined =>
  b._type === "Name" ? b.id : b._type === "Subscript" && b.value._type === "Name" ? b.value.id : undefined;

function mixins(module: py.Module): Mixins {
  let found = cache.get(module);
  if (found) return found;
  const classes = nodeIndex(module).ofType("ClassDef");
  const byName = new Map<string, py.ClassDef[]>();
  for (const c of classes) byName.set(c.name, [...(byName.get(c.name) ?? []), c]);
  const names = new Set<string>();
  const add = (name: string, depth: number): void => {
    if (names.has(name) || !byName.has(name) || depth > 20) return;
    names.add(name);
    for (const c of byName.get(name)!) for (const b of c.bases) if (baseName(b)) add(baseName(b)!, depth + 1);
  };
  for (const c of classes) if (c.bases.length > 1) for (const b of c.bases) if (baseName(b)) add(baseName(b)!, 0);
  const singleSubclasses = new Map<string, py.ClassDef[]>();
  for (const c of classes) {
    const b = c.bases.length === 1 ? baseName(c.bases[0]) : undefined;
    if (b) singleSubclasses.set(b, [...(singleSubclasses.get(b) ?? []), c]);
  }
  found = { names, singleSubclasses };
  cache.set(module, found);
  return found;
}

/** Whether the program's class `name` is mixed into another class (directly or as a base of one that is). */
export function isMixin(module: py.Module, name: string): boolean {
  return mixins(module).names.has(name);
}

/**
 * The names the classes that extend class `name` in TS (its only base, transitively) define by a
 * def: a field of that name declared on the mixin would clash with their method (TS2425).
 */
export function defsOfSubclasses(module: py.Module, name: string): Set<string> {
  const { singleSubclasses } = mixins(module);
  const out = new Set<string>();
  const seen = new Set<string>();
  const visit = (n: string): void => {
    if (seen.has(n) || seen.size > 100) return;
    seen.add(n);
    for (const c of singleSubclasses.get(n) ?? []) {
      for (const item of c.body) if (item._type === "FunctionDef" || item._type === "AsyncFunctionDef") out.add(item.name);
      visit(c.name);
    }
  };
  visit(name);
  return out;
}
