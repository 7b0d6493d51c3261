// Module-level defs that code may read before their `def` statement ran. A JS function declaration
// is hoisted: the whole module sees it from the start, where CPython's name is not bound until the
// def statement runs (`main()` called above `def helper` that main calls: NameError). Such a def is
// emitted as a `let` bound to a function expression instead, so reading it early is JS's TDZ
// error, which the runtime reports as CPython's NameError. Every other def stays a declaration.
//
//   def main(): helper()      |  function main() { helper(); }
//   main()                    |  main();                       ← ReferenceError → NameError
//   def helper(): ...         |  let helper = function () {...};
//
// What may run before statement i: the code of statement i itself (a def's decorators and defaults,
// a class's body but its methods), and, through any name it reads that is a def of the module, that
// def's body, transitively. A def of the module read there and defined after i is read early. Names
// are followed, not calls: passing `helper` along counts as reading it.

import type * as py from "../ast/nodes.js";
import { forEachChildWith } from "../ast/walk.js";

export function defsReadEarly(module: py.Module): Set<string> {
  const body = module.body;
  const defAt = new Map<string, number>();
  const defs = new Map<string, py.FunctionDef | py.AsyncFunctionDef>();
  body.forEach((s, i) => {
    if ((s._type === "FunctionDef" || s._type === "AsyncFunctionDef") && !defAt.has(s.name)) {
      defAt.set(s.name, i);
      defs.set(s.name, s);
    }
  });
  const early = new Set<string>();
  if (defAt.size === 0) return early;
  // (each def's body read once, when some statement first reaches it)
  const bodyReads = new Map<string, Set<string>>();
  const readsOfBody = (name: string): Set<string> => {
    let reads = bodyReads.get(name);
    if (!reads) bodyReads.set(name, (reads = defsRead(defs.get(name)!.body, defAt)));
    return reads;
  };
  body.forEach((s, i) => {
    const reached = new Set<string>();
    const pending = [...defsRead(runsNow(s), defAt)];
    while (pending.length) {
      const name = pending.pop()!;
      if (reached.has(name)) continue;
      reached.add(name);
      // (a def read before its own statement ran is not called: its body does not run then)
      if (defAt.get(name)! >= i) continue;
      for (const n of readsOfBody(name)) if (!reached.has(n)) pending.push(n);
    }
    for (const name of reached) if (defAt.get(name)! > i) early.add(name);
  });
  return early;
}

/** The parts of a module-level statement that run when it runs (a def's body does not). */
function runsNow(s: py.Stmt): py.Node[] {
  if (s._type === "FunctionDef" || s._type === "AsyncFunctionDef") return [...s.decorator_list, ...defaults(s.args)];
  if (s._type === "ClassDef") {
    const body = s.body.flatMap((b) => (b._type === "FunctionDef" || b._type === "AsyncFunctionDef" ? runsNow(b) : [b]));
    return [...s.decorator_list, ...s.bases, ...s.keywords, ...body];
  }
  return [s];
}

function defaults(a: py.Arguments): py.Node[] {
  return [...a.defaults, ...a.kw_defaults.filter((d): d is py.ExprNode => d !== null)];
}

/**
 * The module's defs (keys of `defs`) loaded anywhere in these nodes (nested functions and lambdas
 * included), in the order first loaded. (Only the defs: the other names read are of no interest.)
 */
function defsRead(nodes: py.Node[], defs: ReadonlyMap<string, number>): Set<string> {
  const out = new Set<string>();
  for (const node of nodes) walkNames(node, out, defs);
  return out;
}

/** Adds the keys of `defs` loaded in `n` to `out` (one visitor for every node, its state passed along). */
function walkNames(n: py.Node, out: Set<string>, defs: ReadonlyMap<string, number>): void {
  if (n._type === "Name") {
    if (n.ctx._type === "Load" && defs.has(n.id)) out.add(n.id);
    return;
  }
  forEachChildWith(n, walkNames, out, defs);
}
