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
import { nodeIndex } from "../ast/node-index.js";

export function defsReadEarly(module: py.Module): Set<string> {
  const body = module.body;
  const defAt = new Map<string, number>();
  const defs = new Map<string, py.FunctionDef | py.AsyncFunctionDef>();
  for (let i = 0; i < body.length; i++) {
    const s = body[i];
    if ((s._type === "FunctionDef" || s._type === "AsyncFunctionDef") && !defAt.has(s.name)) {
      defAt.set(s.name, i);
      defs.set(s.name, s);
    }
  }
  const early = new Set<string>();
  if (defAt.size === 0) return early;
  // A module-level statement's Names are a run of the node index's Names (in walk order, see
  // statementNameStarts): the loads of a statement and of a def's body are read there, not walked.
  const index = nodeIndex(module);
  // (each def's body read once, when some statement first reaches it)
  const st: EarlyReads = { defAt, defs, names: index.ofType("Name"), starts: index.statementNameStarts, bodyReads: new Map() };
  const starts = st.starts;
  for (let i = 0; i < body.length; i++) {
    const s = body[i];
    const reached = new Set<string>();
    // (a def or class statement runs only some of its parts: those are walked)
    const whole = s._type !== "FunctionDef" && s._type !== "AsyncFunctionDef" && s._type !== "ClassDef";
    const pending = [...(whole ? defsLoaded(st, starts[i], starts[i + 1]) : defsRead(runsNow(s), defAt))];
    while (pending.length) {
      const name = pending.pop()!;
      if (reached.has(name)) continue;
      reached.add(name);
      // (a def read before its own statement ran is not called: its body does not run then)
      if (defAt.get(name)! >= i) continue;
      for (const n of readsOfBody(st, name)) if (!reached.has(n)) pending.push(n);
    }
    for (const name of reached) if (defAt.get(name)! > i) early.add(name);
  }
  return early;
}

/**
 * What defsReadEarly reads its module's Names with (module-level functions over it, not closures
 * made per module: their optimized code outlives a lowering, see bench/NOTES.md round 18).
 */
interface EarlyReads {
  defAt: Map<string, number>;
  defs: Map<string, py.FunctionDef | py.AsyncFunctionDef>;
  names: readonly py.Name[];
  starts: readonly number[];
  bodyReads: Map<string, Set<string>>;
}

/** The module's defs loaded by the index's Names from..to. */
function defsLoaded(st: EarlyReads, from: number, to: number): Set<string> {
  const out = new Set<string>();
  const { names, defAt } = st;
  for (let k = from; k < to; k++) {
    const n = names[k];
    if (n.ctx._type === "Load" && defAt.has(n.id)) out.add(n.id);
  }
  return out;
}

/** The module's defs loaded in def `name`'s body (read once). */
function readsOfBody(st: EarlyReads, name: string): Set<string> {
  let reads = st.bodyReads.get(name);
  if (!reads) {
    const i = st.defAt.get(name)!;
    const d = st.defs.get(name)!;
    // (a def's Names come in this order: its parameters', its body's, its decorators', its return annotation's, its type parameters')
    const from = st.starts[i] + namesIn(d.args);
    const to = st.starts[i + 1] - namesIn(d.decorator_list) - namesIn(d.returns) - namesIn(d.type_params);
    st.bodyReads.set(name, (reads = defsLoaded(st, from, to)));
  }
  return reads;
}

/** The parts of a module-level statement that run when it runs (a def's body does not). */
function runsNow(s: py.Stmt): py.Node[] {
  if (s._type === "FunctionDef" || s._type === "AsyncFunctionDef") return [...s.decorator_list, ...defaults(s.args)];
  if (s._type === "ClassDef") {
    // (a loop, not flatMap with an arrow made per call: see bench/NOTES.md round 18)
    const body: py.Node[] = [];
    for (const b of s.body) {
      if (b._type === "FunctionDef" || b._type === "AsyncFunctionDef") body.push(...runsNow(b));
      else body.push(b);
    }
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

/** How many Name nodes (of any context) these nodes hold. */
function namesIn(nodes: py.Node | readonly py.Node[] | null): number {
  const count = { names: 0 };
  if (Array.isArray(nodes)) for (const n of nodes) countNames(n, count, null);
  else if (nodes) countNames(nodes as py.Node, count, null);
  return count.names;
}

function countNames(n: py.Node, count: { names: number }, _: null): void {
  if (n._type === "Name") count.names++;
  else forEachChildWith(n, countNames, count, _);
}

/** Adds the keys of `defs` loaded in `n` to `out` (one visitor for every node, its state passed along). */
function walkNames(n: py.Node, out: Set<string>, defs: ReadonlyMap<string, number>): void {
  if (n._type === "Name") {
    if (n.ctx._type === "Load" && defs.has(n.id)) out.add(n.id);
    return;
  }
  forEachChildWith(n, walkNames, out, defs);
}
