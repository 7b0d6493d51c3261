// SyntaxErrors CPython's compiler raises for a tree its parser accepted: statements in the wrong
// place. Learnt from CPython 3.12's behaviour; its symbol table's errors come first (a module-level
// `nonlocal`, then a `nonlocal` that no enclosing function binds), then its code generator's, in
// source order:
//
//   return x            (module or class body)   'return' outside function
//   yield 1 / await x   (module or class body)   'yield' outside function / 'await' outside function
//   break / continue    (outside a loop's body)  'break' outside loop / 'continue' not properly in loop
//   nonlocal x          (module)                 nonlocal declaration not allowed at module level
//   nonlocal x          (no enclosing def binds x) no binding for nonlocal 'x' found
//   (and those of scope-errors.ts: a declaration after a use, a yield in a comprehension, ...)
//
// (an `await` in a plain def and async comprehensions are the lowering's TSY2001/TSY2007)

import type { Arguments, ExprNode, Module, Node, Stmt } from "../ast/nodes.js";
import { forEachChild } from "../ast/walk.js";
import type { PySyntaxError } from "./errors.js";
import type { LineMap } from "./positions.js";
import { scopeErrors } from "./scope-errors.js";

type Positioned = { lineno: number; col_offset: number; end_lineno?: number | null; end_col_offset?: number | null };
type Def = Extract<Stmt, { _type: "FunctionDef" | "AsyncFunctionDef" }>;

/** Where a statement stands: what kind of code object holds it, and whether a loop's body does. */
interface Place {
  code: "module" | "class" | "function";
  inLoop: boolean;
  /** The defs around it, innermost last (class bodies between them do not bind for `nonlocal`). */
  defs: Def[];
}

/** `place` inside a loop's body (the same place when it is in a loop already: no object per nested loop). */
const inLoop = (place: Place): Place => (place.inLoop ? place : { code: place.code, inLoop: true, defs: place.defs });

/**
 * Modules the builder saw build without a return, yield or await outside a def's body, a break or
 * continue outside a loop's body, or a nonlocal: none of this file's own errors can be in them.
 */
const withoutMisplaced = new WeakSet<Module>();

/** Notes that `module` (fresh from the builder) holds nothing compileError's own walk looks for. */
export function noteWithoutMisplaced(module: Module): void {
  withoutMisplaced.add(module);
}

/** The first of these SyntaxErrors in the module, as CPython reports it, or null. */
export function compileError(module: Module, lines: LineMap, filename: string): PySyntaxError | null {
  if (withoutMisplaced.has(module)) {
    const more = scopeErrors(module);
    const found = more.symtable ?? more.codegen;
    return found && errorAt(found.node, found.msg, lines, filename);
  }
  const nonlocals: { stmt: Stmt & { _type: "Nonlocal" }; defs: Def[] }[] = [];
  let codegenError: PySyntaxError | null = null;
  let symtableError: PySyntaxError | null = null;
  const at = (node: Positioned, msg: string): PySyntaxError => errorAt(node, msg, lines, filename);
  const codegen = (node: Positioned, message: string) => {
    codegenError ??= at(node, message);
  };

  // Expressions evaluated in a module or class body: a yield or an await there is refused. (A
  // lambda's body is a function's; comprehensions are left to the lowering.)
  const outsideFunction = (e: Node): void => {
    switch (e._type) {
      case "Yield":
      case "YieldFrom":
        return codegen(e as Positioned, "'yield' outside function");
      case "Await":
        return codegen(e as Positioned, "'await' outside function");
      case "Lambda":
      case "ListComp":
      case "SetComp":
      case "DictComp":
      case "GeneratorExp":
        return;
    }
    forEachChild(e, outsideFunction);
  };
  const expr = (e: Node | null | undefined, place: Place) => {
    if (e && place.code !== "function") outsideFunction(e);
  };
  const argumentsOf = (a: Arguments, place: Place) => {
    // (a def's defaults in a function body are that function's code: nothing to look at; no copy of the lists)
    if (place.code === "function") return;
    for (const d of a.defaults) expr(d, place);
    for (const d of a.kw_defaults) expr(d, place);
  };

  const body = (stmts: Stmt[], place: Place) => {
    for (const s of stmts) stmt(s, place);
  };
  const stmt = (s: Stmt, place: Place): void => {
    switch (s._type) {
      case "Return":
        if (place.code !== "function") codegen(s, "'return' outside function");
        expr(s.value, place);
        return;
      case "Break":
        if (!place.inLoop) codegen(s, "'break' outside loop");
        return;
      case "Continue":
        if (!place.inLoop) codegen(s, "'continue' not properly in loop");
        return;
      case "Nonlocal":
        if (place.code === "module") symtableError ??= at(s, "nonlocal declaration not allowed at module level");
        nonlocals.push({ stmt: s, defs: place.defs });
        return;
      case "FunctionDef":
      case "AsyncFunctionDef":
        for (const d of s.decorator_list) expr(d, place);
        argumentsOf(s.args, place);
        body(s.body, { code: "function", inLoop: false, defs: [...place.defs, s] });
        return;
      case "ClassDef":
        for (const d of s.decorator_list) expr(d, place);
        for (const b of s.bases) expr(b, place);
        for (const k of s.keywords) expr(k.value, place);
        body(s.body, { code: "class", inLoop: false, defs: place.defs });
        return;
      case "For":
      case "AsyncFor":
        expr(s.iter, place);
        body(s.body, inLoop(place));
        body(s.orelse, place);
        return;
      case "While":
        expr(s.test, place);
        body(s.body, inLoop(place));
        body(s.orelse, place);
        return;
      case "If":
        expr(s.test, place);
        body(s.body, place);
        body(s.orelse, place);
        return;
      case "With":
      case "AsyncWith":
        for (const w of s.items) expr(w.context_expr, place);
        body(s.body, place);
        return;
      case "Try":
      case "TryStar":
        body(s.body, place);
        for (const h of s.handlers) {
          expr(h.type, place);
          body(h.body, place);
        }
        body(s.orelse, place);
        body(s.finalbody, place);
        return;
      case "Match":
        expr(s.subject, place);
        for (const c of s.cases) {
          expr(c.guard, place);
          body(c.body, place);
        }
        return;
      default:
        expr(s, place);
    }
  };
  body(module.body, { code: "module", inLoop: false, defs: [] });

  const more = scopeErrors(module);
  const symtable = earlier(symtableError, more.symtable && at(more.symtable.node, more.symtable.msg));
  if (symtable) return symtable;
  for (const { stmt: s, defs } of nonlocals) {
    for (const name of s.names) if (!defs.slice(0, -1).some((d) => bindsLocally(d, name))) return at(s, `no binding for nonlocal '${name}' found`);
  }
  return earlier(codegenError, more.codegen && at(more.codegen.node, more.codegen.msg));
}

// (CPython's compiler gives these errors its UTF-8 byte columns as their offsets: on a line with
// other characters before the statement, its caret stands further right than the statement)
function errorAt(node: Positioned, msg: string, lines: LineMap, filename: string): PySyntaxError {
  return {
    kind: "SyntaxError",
    msg,
    filename,
    lineno: node.lineno,
    offset: node.col_offset + 1,
    end_lineno: node.end_lineno ?? node.lineno,
    end_offset: (node.end_col_offset ?? node.col_offset) + 1,
    text: lines.lineText(node.lineno),
  };
}

/** The error that stands first in the source. */
function earlier(a: PySyntaxError | null, b: PySyntaxError | null): PySyntaxError | null {
  if (a === null || b === null) return a ?? b;
  return b.lineno < a.lineno || (b.lineno === a.lineno && (b.offset ?? 0) < (a.offset ?? 0)) ? b : a;
}

/** Whether `name` is a local variable of the def: a parameter or a name it binds (not declared global or nonlocal). */
function bindsLocally(def: Def, name: string): boolean {
  const a = def.args;
  if ([...a.posonlyargs, ...a.args, ...a.kwonlyargs, a.vararg, a.kwarg].some((p) => p?.arg === name)) return true;
  let bound = false;
  let declared = false;
  const target = (t: ExprNode) => {
    if (t._type === "Name") bound ||= t.id === name;
    else if (t._type === "Tuple" || t._type === "List") t.elts.forEach(target);
    else if (t._type === "Starred") target(t.value);
  };
  const visit = (n: Node): void => {
    switch (n._type) {
      case "Global":
      case "Nonlocal":
        declared ||= n.names.includes(name);
        return;
      case "FunctionDef":
      case "AsyncFunctionDef":
      case "ClassDef":
        // (its name is bound here; its body is a scope of its own, its decorators and defaults are ours)
        bound ||= n.name === name;
        n.decorator_list.forEach(visit);
        if (n._type !== "ClassDef") [...n.args.defaults, ...n.args.kw_defaults].forEach((d) => d && visit(d));
        else n.bases.forEach(visit);
        return;
      case "Lambda":
        [...n.args.defaults, ...n.args.kw_defaults].forEach((d) => d && visit(d));
        return;
      case "Assign":
        n.targets.forEach(target);
        break;
      case "AugAssign":
      case "AnnAssign":
      case "For":
      case "AsyncFor":
        target(n.target);
        break;
      case "withitem":
        if (n.optional_vars) target(n.optional_vars);
        break;
      case "ExceptHandler":
        bound ||= n.name === name;
        break;
      case "Import":
      case "ImportFrom":
        bound ||= n.names.some((alias) => (alias.asname ?? alias.name.split(".")[0]) === name);
        return;
      case "Delete":
        n.targets.forEach(target);
        break;
      case "NamedExpr":
        target(n.target);
        break;
      case "MatchAs":
      case "MatchStar":
        bound ||= n.name === name;
        break;
      case "MatchMapping":
        bound ||= n.rest === name;
        break;
      case "comprehension":
        // (its targets are the comprehension's own; a walrus inside still binds here)
        visit(n.iter);
        n.ifs.forEach(visit);
        return;
    }
    forEachChild(n, visit);
  };
  def.body.forEach(visit);
  return bound && !declared;
}
