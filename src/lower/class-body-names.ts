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
import type { Node } from "../ast/nodes.js";
import { forEachChildWith } from "../ast/walk.js";

const COMPREHENSIONS = new Set(["ListComp", "SetComp", "DictComp", "GeneratorExp"]);

/** The names `item` (a statement of a class body) reads where the class body runs. */
export function classLevelReads(item: py.Stmt): py.Name[] {
  const out: py.Name[] = [];
  visitClassLevel(item, out, undefined);
  return out;
}

// (a shared visitor with the list passed along: no closure per node)
function visitClassLevel(n: Node, out: py.Name[], _: unknown): void {
  if (n._type === "Name" && n.ctx._type === "Load") out.push(n);
  // A comprehension runs in its own scope but for its first iterable.
  if (COMPREHENSIONS.has(n._type)) {
    const first = (n as py.ListComp).generators[0];
    if (first) visitClassLevel(first.iter, out, _);
    return;
  }
  // A function's body and type parameters are its own scope (its defaults, decorators and
  // annotations are not), a class's body and type parameters too: the rest, in field order.
  switch (n._type) {
    case "FunctionDef":
    case "AsyncFunctionDef":
      visitClassLevel(n.args, out, _);
      for (const d of n.decorator_list) visitClassLevel(d, out, _);
      if (n.returns) visitClassLevel(n.returns, out, _);
      return;
    case "ClassDef":
      for (const b of n.bases) visitClassLevel(b, out, _);
      for (const k of n.keywords) visitClassLevel(k, out, _);
      for (const d of n.decorator_list) visitClassLevel(d, out, _);
      return;
    case "Lambda":
      visitClassLevel(n.args, out, _);
      return;
  }
  forEachChildWith(n, visitClassLevel, out, undefined);
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

// A method is made with the class, after its body ran: a later class-level read of its name
// (`x = property(getx)`, `greet = hello`) names the function the class gets, so such a class is
// made before the body's values (the JS class has no Python-visible effect until define_class).

/** Methods the class gets as they are written: a `def` without decorators, not implicitly a static or class method. */
const IMPLICITLY_WRAPPED = new Set(["__new__", "__init_subclass__", "__class_getitem__", "constructor", "__getattribute__"]);

/** The name of a plain method a class-level read may name (its function), or null. */
export function plainMethodName(item: py.Stmt): string | null {
  if (item._type !== "FunctionDef" || item.decorator_list.length || IMPLICITLY_WRAPPED.has(item.name)) return null;
  return item.name;
}

/** `name = other`: a bare alias (which the class body can take from the class once it exists). */
function bareAlias(item: py.Stmt): string | null {
  if (item._type !== "Assign" || item.targets.length !== 1 || item.targets[0]._type !== "Name") return null;
  return item.value._type === "Name" ? item.value.id : null;
}

/**
 * Whether a class-level statement reads an earlier plain method; a bare alias (`__radd__ = __add__`)
 * counts only with `aliases` (a class made as an expression, whose name its attributes cannot read).
 */
export function readsMethodsEarly(body: py.Stmt[], aliases: boolean): boolean {
  const methods = new Set<string>();
  for (const item of body) {
    const alias = bareAlias(item);
    if (aliases || alias === null || !methods.has(alias)) for (const n of classLevelReads(item)) if (methods.has(n.id)) return true;
    const method = plainMethodName(item);
    if (method) methods.add(method);
    else if (alias !== null && methods.has(alias)) methods.add(((item as py.Assign).targets[0] as py.Name).id);
  }
  return false;
}
