// Names a module imports from more than one module (`if sys.version_info >= (3, 14): from inspect
// import x` / `else: from asyncio import x`): such a name is a variable each import assigns, not a
// JS import (imports.ts lowers it; bindings.ts declares it with the other locals).
import type * as py from "../ast/nodes.js";
import type { LowerContext } from "./context.js";
import { localChain } from "./modules.js";
import { STDLIB } from "./stdlib.js";

/** `from M import N as local` binds `local` from more than one module that exists (`if
 *  sys.version_info >= (3, 14): from inspect import x` / `else: from asyncio import x`); an import
 *  of a missing module binds nothing (it raises). */
export function importedFromSeveral(cx: LowerContext, local: string): boolean {
  const sources = new Set<string>();
  const exists = (st: py.ImportFrom) => !!st.level || STDLIB[st.module ?? ""] !== undefined || localChain(cx.options.modules, st.module ?? "") !== null;
  const visit = (st: py.Stmt): void => {
    if (st._type === "ImportFrom") {
      for (const a of st.names) if ((a.asname ?? a.name) === local && exists(st)) sources.add(`${st.level ?? 0}:${st.module ?? ""}:${a.name}`);
      return;
    }
    if (st._type === "FunctionDef" || st._type === "AsyncFunctionDef" || st._type === "ClassDef") return;
    for (const key of ["body", "orelse", "finalbody"] as const) ((st as unknown as Record<string, py.Stmt[] | undefined>)[key] ?? []).forEach(visit);
    if (st._type === "Try" || st._type === "TryStar") st.handlers.forEach((h) => h.body.forEach(visit));
    if (st._type === "Match") st.cases.forEach((c) => c.body.forEach(visit));
  };
  cx.module.body.forEach(visit);
  return sources.size > 1;
}
