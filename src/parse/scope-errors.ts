// More SyntaxErrors CPython's compiler raises for a tree its parser accepted (compile-errors.ts has
// the others). Learnt from CPython 3.12's behaviour:
//
//   print(x); global x        (one scope)      name 'x' is used prior to global declaration
//   x = 1; global x                            name 'x' is assigned to before global declaration
//   def f(x): global x                         name 'x' is parameter and global
//   x: int; global x                           annotated name 'x' can't be global
//   (the same four with nonlocal)
//   [(yield) for i in xs]                      'yield' inside list comprehension (set, dict
//                                              comprehension, generator expression likewise)
//   async def f(): yield from xs               'yield from' inside async function
//
// The first three groups are the symbol table's (they come before any code generator's error);
// the last is the code generator's.

import type { ExprNode, Module, Node, Stmt } from "../ast/nodes.js";
import { forEachChild } from "../ast/walk.js";

type Positioned = { lineno: number; col_offset: number; end_lineno?: number | null; end_col_offset?: number | null };
type Scoped = Extract<Node, { _type: "FunctionDef" | "AsyncFunctionDef" | "ClassDef" | "Lambda" }>;

/** An error found and where it is (the caller makes the PySyntaxError). */
export interface ScopeError {
  node: Positioned;
  msg: string;
}

const COMPREHENSIONS: Record<string, string> = {
  ListComp: "list comprehension",
  SetComp: "set comprehension",
  DictComp: "dict comprehension",
  GeneratorExp: "generator expression",
};

/**
 * Modules the builder saw build without a `global`/`nonlocal`, a `yield from`, or both a yield and
 * a comprehension: none of these errors can be in them, and scopeErrors need not walk them.
 */
const withoutScopeErrors = new WeakSet<Module>();

/** Notes that `module` (fresh from the builder) holds nothing scopeErrors looks for. */
export function noteWithoutScopeErrors(module: Module): void {
  withoutScopeErrors.add(module);
}

/** The symbol table's first error and the code generator's first error of these kinds, in source order. */
export function scopeErrors(module: Module): { symtable: ScopeError | null; codegen: ScopeError | null } {
  if (withoutScopeErrors.has(module)) return { symtable: null, codegen: null };
  const symtable: ScopeError[] = [];
  const codegen: ScopeError[] = [];

  /** One scope's statements, in order: declarations after uses, then each nested scope on its own. */
  const scope = (body: readonly Node[], params: readonly string[], async: boolean): void => {
    const used = new Set<string>();
    const assigned = new Set<string>();
    const annotated = new Set<string>();
    const nested: Scoped[] = [];
    const declare = (s: Stmt & { _type: "Global" | "Nonlocal" }) => {
      const kind = s._type === "Global" ? "global" : "nonlocal";
      for (const name of s.names) {
        const msg = params.includes(name)
          ? `name '${name}' is parameter and ${kind}`
          : used.has(name)
            ? `name '${name}' is used prior to ${kind} declaration`
            : annotated.has(name)
              ? `annotated name '${name}' can't be ${kind}`
              : assigned.has(name)
                ? `name '${name}' is assigned to before ${kind} declaration`
                : null;
        if (msg !== null) symtable.push({ node: s, msg });
      }
    };
    // `inComprehension`: the kind of comprehension whose own code this is (its first iterable is not).
    const visit = (n: Node, inComprehension: string | null): void => {
      switch (n._type) {
        case "Global":
        case "Nonlocal":
          return declare(n);
        case "Name":
          // (a comprehension's own names are its own)
          if (inComprehension === null) (n.ctx._type === "Load" ? used : assigned).add(n.id);
          return;
        case "AnnAssign":
          if (n.target._type === "Name" && n.simple) annotated.add(n.target.id);
          break;
        case "FunctionDef":
        case "AsyncFunctionDef":
        case "ClassDef":
          // (decorators, defaults and bases are this scope's code; the body a scope of its own)
          for (const d of n.decorator_list) visit(d, inComprehension);
          if (n._type === "ClassDef") [...n.bases, ...n.keywords.map((k) => k.value)].forEach((b) => visit(b, inComprehension));
          else [...n.args.defaults, ...n.args.kw_defaults].forEach((d) => d && visit(d, inComprehension));
          assigned.add(n.name);
          nested.push(n);
          return;
        case "Lambda":
          [...n.args.defaults, ...n.args.kw_defaults].forEach((d) => d && visit(d, inComprehension));
          nested.push(n);
          return;
        case "Import":
        case "ImportFrom":
          for (const a of n.names) assigned.add(a.asname ?? a.name.split(".")[0]);
          return;
        case "ExceptHandler":
          if (n.name) assigned.add(n.name);
          break;
        case "Yield":
        case "YieldFrom":
          if (inComprehension !== null) symtable.push({ node: n, msg: `'yield' inside ${inComprehension}` });
          else if (n._type === "YieldFrom" && async) codegen.push({ node: n, msg: "'yield from' inside async function" });
          break;
        case "ListComp":
        case "SetComp":
        case "DictComp":
        case "GeneratorExp": {
          // The first iterable is evaluated here; the rest is the comprehension's own code.
          const [first, ...more] = n.generators;
          visit(first.iter, inComprehension);
          const kind = COMPREHENSIONS[n._type];
          visit(first.target, kind);
          first.ifs.forEach((x) => visit(x, kind));
          for (const g of more) visit(g, kind);
          if (n._type === "DictComp") {
            visit(n.key, kind);
            visit(n.value, kind);
          } else visit(n.elt, kind);
          return;
        }
      }
      forEachChild(n, (c) => visit(c, inComprehension));
    };
    for (const s of body) visit(s, null);
    for (const n of nested) {
      if (n._type === "ClassDef") scope(n.body, [], false);
      else {
        const a = n.args;
        const names = [...a.posonlyargs, ...a.args, ...a.kwonlyargs, a.vararg, a.kwarg].flatMap((p) => (p ? [p.arg] : []));
        scope(n._type === "Lambda" ? [n.body as ExprNode] : n.body, names, n._type === "AsyncFunctionDef");
      }
    }
  };
  scope(module.body, [], false);
  return { symtable: first(symtable), codegen: first(codegen) };
}

function first(errors: ScopeError[]): ScopeError | null {
  let best: ScopeError | null = null;
  for (const e of errors)
    if (best === null || e.node.lineno < best.node.lineno || (e.node.lineno === best.node.lineno && e.node.col_offset < best.node.col_offset)) best = e;
  return best;
}
