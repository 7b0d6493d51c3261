// TSY3005: a use of something the runtime has only to raise NotImplementedError (threads,
// sockets, subprocesses...; the generated table runtime-unsupported.ts, read from the runtime's
// own marks). Reported by the translator and `check` alike, so that `check` does not say ok for
// a program that then fails when it runs. Not reported inside a `try` whose handlers catch
// NotImplementedError (the program expects it), as TSY3004 is not for guarded imports.
//
// Names are resolved through the module's imports (`import threading`, `from asyncio import
// to_thread`, `import asyncio as aio`); a name the program also binds otherwise is left alone.
// The event loop's methods (`loop.run_in_executor(...)`) are matched by name on any receiver,
// unless the program defines a function or method of that name itself.

import type * as py from "../ast/nodes.js";
import { forEachChild } from "../ast/walk.js";
import { nodeIndex, type NodeIndex } from "../ast/node-index.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { Diagnostics } from "./context.js";
import { RUNTIME_UNSUPPORTED } from "./runtime-unsupported.js";
import { STDLIB } from "./stdlib.js";

/** Builtins the runtime cannot give as values but the compiler lowers when called with no arguments. */
const LOWERED_CALLS = new Set(["globals"]);

const CATCHES_NOT_IMPLEMENTED = new Set(["NotImplementedError", "RuntimeError", "Exception", "BaseException"]);

let tables: { names: Map<string, string>; loopMethods: Map<string, string> } | undefined;

/** `threading.Thread` → reason, `builtins.globals` → reason; loop method name → reason. */
function unsupportedTables() {
  if (tables) return tables;
  const moduleOf = new Map(Object.entries(STDLIB).map(([name, info]) => [info.from, name]));
  moduleOf.set("tsyncio/runtime", "builtins");
  const names = new Map<string, string>();
  const loopMethods = new Map<string, string>();
  for (const [spec, entries] of Object.entries(RUNTIME_UNSUPPORTED)) {
    const module = moduleOf.get(spec);
    if (!module) continue;
    for (const [name, why] of Object.entries(entries)) {
      if (name.startsWith("loop.")) loopMethods.set(name.slice(5), why);
      else names.set(`${module}.${name}`, why);
    }
  }
  return (tables = { names, loopMethods });
}

/** `source`: the module's text, for columns in characters (see Diagnostics). */
export function unsupportedApis(module: py.Module, source?: string): Diagnostic[] {
  const { names, loopMethods } = unsupportedTables();
  const diags = new Diagnostics(source);
  findApiUses(module, names, loopMethods, (node, shown, why) => diags.report(node, "TSY3005", { name: shown, why }));
  return diags.list;
}

/**
 * Calls `report` for each use of a name in `names` (`module.name` → reason, through the module's
 * imports) or a call of a loop method in `loopMethods`, outside a `try` that catches
 * NotImplementedError. Shared with the page target's check (web-target.ts).
 */
export function findApiUses(
  module: py.Module,
  names: ReadonlyMap<string, string>,
  loopMethods: ReadonlyMap<string, string>,
  report: (node: py.Position, shown: string, why: string) => void,
): void {
  const imported = new Map<string, string>(); // local name → dotted origin
  const bound = new Set<string>(); // names bound other than by an import
  const defined = new Set<string>(); // every def's name (a user's own `run_in_executor`)
  const index = nodeIndex(module);
  // (each kind's own list, indexed loops: the kinds asked for are a third of the indexed nodes)
  for (const n of importsInOrder(index)) {
    if (n._type === "Import") {
      for (const a of n.names) {
        if (a.asname) imported.set(a.asname, a.name);
        else imported.set(a.name.split(".")[0]!, a.name.split(".")[0]!);
      }
    } else if (n.level === 0 && n.module) for (const a of n.names) if (a.name !== "*") imported.set(a.asname ?? a.name, `${n.module}.${a.name}`);
  }
  const nameNodes = index.ofType("Name");
  for (let i = 0; i < nameNodes.length; i++) if (nameNodes[i].ctx._type !== "Load") bound.add(nameNodes[i].id);
  for (const kind of ["FunctionDef", "AsyncFunctionDef"] as const) {
    const defs = index.ofType(kind);
    for (let i = 0; i < defs.length; i++) {
      defined.add(defs[i].name);
      bound.add(defs[i].name);
    }
  }
  for (const c of index.ofType("ClassDef")) bound.add(c.name);
  const args = index.ofType("arg");
  for (let i = 0; i < args.length; i++) bound.add(args[i].arg);
  for (const h of index.ofType("ExceptHandler")) if (h.name) bound.add(h.name);

  // (a name's dotted origin looked up once per distinct name: the checks below ask it of every Name)
  const st: ApiNames = { names, loopMethods, imported, bound, defined, ofName: new Map() };
  const dotted = (e: py.ExprNode): string | null => dottedName(st, e);
  const loopCall = (n: py.Call): string | undefined => loopCallWhy(st, n);
  // Most modules use none of them: then the walk that finds which uses a `try` guards is not needed.
  if (!anyUsed(st, index.ofType("Name")) && !anyUsed(st, index.ofType("Attribute")) && !anyLoopCall(st, index.ofType("Call"))) return;

  const visit = (n: py.Node, guarded: boolean): void => {
    if (n._type === "Try" || n._type === "TryStar") {
      const inner = guarded || n.handlers.some((h) => catchesNotImplemented(h.type));
      for (const s of n.body) visit(s, inner);
      for (const h of n.handlers) visit(h, guarded);
      for (const s of [...n.orelse, ...n.finalbody]) visit(s, guarded);
      return;
    }
    // `globals()` called as such is lowered by the compiler (globals-call.ts); the name alone is not.
    if (n._type === "Call" && n.func._type === "Name" && LOWERED_CALLS.has(n.func.id) && !n.args.length && !n.keywords.length) {
      if (dotted(n.func) === `builtins.${n.func.id}`) return;
    }
    if (!guarded && (n._type === "Name" || n._type === "Attribute") && n.ctx._type === "Load") {
      const name = dotted(n);
      const why = name === null ? undefined : names.get(name);
      if (name !== null && why !== undefined) return report(n, name.replace(/^builtins\./, ""), why);
    }
    if (!guarded && n._type === "Call" && n.func._type === "Attribute") {
      const why = loopCall(n);
      if (why !== undefined) report(n.func, `loop.${n.func.attr}()`, why);
    }
    forEachChild(n, (child) => visit(child, guarded));
  };
  visit(module, false);
}

/**
 * What findApiUses looks names up in (module-level functions over it, not closures made per
 * module: their optimized code outlives a lowering, see bench/NOTES.md round 18).
 */
interface ApiNames {
  names: ReadonlyMap<string, string>;
  loopMethods: ReadonlyMap<string, string>;
  imported: Map<string, string>;
  bound: Set<string>;
  defined: Set<string>;
  ofName: Map<string, string | null>;
}

function nameOrigin(st: ApiNames, id: string): string | null {
  let origin = st.ofName.get(id);
  if (origin === undefined) {
    origin = st.bound.has(id) ? null : (st.imported.get(id) ?? (st.names.has(`builtins.${id}`) ? `builtins.${id}` : null));
    st.ofName.set(id, origin);
  }
  return origin;
}

/** The dotted name an expression stands for, when it is an imported name or an attribute of one. */
function dottedName(st: ApiNames, e: py.ExprNode): string | null {
  if (e._type === "Name") return nameOrigin(st, e.id);
  if (e._type === "Attribute") {
    const base = dottedName(st, e.value);
    return base === null ? null : `${base}.${e.attr}`;
  }
  return null;
}

function loopCallWhy(st: ApiNames, n: py.Call): string | undefined {
  if (n.func._type !== "Attribute") return undefined;
  const why = st.loopMethods.get(n.func.attr);
  return why !== undefined && !st.defined.has(n.func.attr) && dottedName(st, n.func.value) === null ? why : undefined;
}

/** Whether some of these Names or Attributes, loaded, is one of the names checked. */
function anyUsed(st: ApiNames, nodes: readonly (py.Name | py.Attribute)[]): boolean {
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i];
    const name = n.ctx._type === "Load" ? dottedName(st, n) : null;
    if (name !== null && st.names.has(name)) return true;
  }
  return false;
}

function anyLoopCall(st: ApiNames, calls: readonly py.Call[]): boolean {
  for (let i = 0; i < calls.length; i++) if (loopCallWhy(st, calls[i]) !== undefined) return true;
  return false;
}

/** The module's imports in the order the walk meets them (a later import of a name replaces an earlier one there): the order of their positions. */
function importsInOrder(index: NodeIndex): readonly (py.Import | py.ImportFrom)[] {
  const plain = index.ofType("Import");
  const from = index.ofType("ImportFrom");
  if (!plain.length || !from.length) return plain.length ? plain : from;
  return [...plain, ...from].sort((a, b) => a.lineno - b.lineno || a.col_offset - b.col_offset);
}

function catchesNotImplemented(type: py.ExprNode | null): boolean {
  if (type === null) return true;
  if (type._type === "Name") return CATCHES_NOT_IMPLEMENTED.has(type.id);
  if (type._type === "Tuple") return type.elts.some((e) => catchesNotImplemented(e));
  return false;
}
