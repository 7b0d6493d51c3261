// import statements ⇒ runtime namespace imports, runtime names, or the program's own modules.
//
//   import asyncio          | import * as asyncio from "tsyncio/runtime/asyncio";   (module level)
//   from .util import f     | const f = import_from(import_module(pkg_module, pkg_util_module), "f");
//   import missing_mod      | a diagnostic (TSY3002), or module_not_found() inside `try`

import type * as py from "../ast/nodes.js";
import type * as ir from "../ir/nodes.js";
import { call, exprStmt, id, lit } from "../ir/nodes.js";
import { type LowerContext, PROGRAM, safeName } from "./context.js";
import { absentInCPython, windowsOnlyImport } from "./platform-absent.js";
import { STDLIB } from "./stdlib.js";
import { absoluteName, CPYTHON_STDLIB, localChain, type LocalModule } from "./modules.js";
import { assignName } from "./bindings.js";
import { nodeIndex } from "../ast/node-index.js";
import { boundOtherwise } from "./syntax.js";
import { importedFromSeveral } from "./conditional-imports.js";

/** The identifier a local module's spec is imported as (Python names never contain `$`). */
export function localModuleRef(cx: LowerContext, m: LocalModule): ir.Expr {
  let entry = cx.localImports.get(m.name);
  if (!entry) {
    // `pkg.mod` and `pkg_mod` would both be `pkg_mod_module`: the second one gets a number.
    const base = `${m.name.replace(/\./g, "_")}_module`;
    const taken = new Set([...cx.localImports.values()].map((e) => e.local));
    let local = cx.userNames.has(base) ? `$${base}` : base;
    for (let n = 2; taken.has(local); n++) local = `$${base}${n}`;
    entry = { local, path: m.path };
    cx.localImports.set(m.name, entry);
  }
  return id(entry.local);
}

export function importStmt(cx: LowerContext, s: py.Import): ir.Stmt[] {
  const out: ir.Stmt[] = [];
  for (const a of s.names) {
    const top = a.name.split(".")[0];
    const chain = localChain(cx.options.modules, a.name);
    if (chain) {
      // `import a.b` binds `a` (the whole chain imported); `import a.b as m` binds `a.b`.
      const helper = !a.asname && chain.length > 1 ? "import_top_module" : "import_module";
      out.push(assignName(cx, a.asname ?? top, call(cx.helperFrom(helper, PROGRAM), ...chain.map((m) => localModuleRef(cx, m))), s.lineno));
      continue;
    }
    if (!STDLIB[a.name]) return [...out, ...missingModule(cx, s, a.name)];
    // `import os.path` binds `os` (its `path` attribute is the submodule); `import os.path as p` binds os.path.
    const boundName = a.asname ? a.name : STDLIB[top] ? top : a.name;
    const info = STDLIB[boundName]!;
    cx.knownIn(cx.fn.scope).set(a.asname ?? top, { kind: "module", name: boundName });
    let namespace: string;
    if (cx.fn.scope.kind === "module") cx.imports.namespace((namespace = safeName(a.asname ?? top)), info.from);
    else out.push(assignName(cx, a.asname ?? top, id((namespace = moduleNamespace(cx, boundName, info.from))), s.lineno));
    // A program that looks in sys.modules finds the module there once its import ran; one that
    // holds the module as a value (`print(json)`, `m = asyncio`) reads its name and repr there.
    if (readsSysModules(cx) || usedAsValue(cx, a.asname ?? top))
      out.push(exprStmt(call(cx.helperFrom("note_module", PROGRAM), lit(boundName), id(namespace)), s.lineno));
  }
  return out;
}

const sysModulesReaders = new WeakMap<py.Module, boolean>();

// (a module-level predicate, not an arrow made per call: its optimized code outlives a lowering, see bench/NOTES.md round 18)
function isSysModules(n: py.Attribute): boolean {
  return n.attr === "modules" && n.value._type === "Name" && n.value.id === "sys";
}

/** Whether the file reads `sys.modules` (or imports it from sys). */
function readsSysModules(cx: LowerContext): boolean {
  let reads = sysModulesReaders.get(cx.module);
  if (reads === undefined) {
    const index = nodeIndex(cx.module);
    reads =
      index.ofType("Attribute").some(isSysModules) || index.ofType("ImportFrom").some((n) => n.module === "sys" && n.names.some((a) => a.name === "modules"));
    sysModulesReaders.set(cx.module, reads);
  }
  return reads;
}

const valueReads = new WeakMap<py.Module, Set<string>>();

/** Whether the file reads `name` other than as the object of an attribute (`json.dumps`). */
function usedAsValue(cx: LowerContext, name: string): boolean {
  let names = valueReads.get(cx.module);
  if (names === undefined) {
    const index = nodeIndex(cx.module);
    const attributeObjects = new Set<py.ExprNode>(index.ofType("Attribute").map((a) => a.value));
    // (`time.sleep(1)` that the blocking pass made `_tsy_bcallm(time, "sleep", 1)` is still a method call)
    for (const c of index.ofType("Call")) if (c.func._type === "Name" && c.func.id === "_tsy_bcallm" && c.args.length) attributeObjects.add(c.args[0]);
    names = new Set(
      index
        .ofType("Name")
        .filter((n) => n.ctx._type === "Load" && !attributeObjects.has(n))
        .map((n) => n.id),
    );
    valueReads.set(cx.module, names);
  }
  return names.has(name);
}

/** An import inside a function: the module's namespace imported at the top under a name of its own. */
export function moduleNamespace(cx: LowerContext, name: string, from: string): string {
  const alias = `_${name.replace(/\./g, "_")}_module`;
  cx.imports.namespace(alias, from);
  return alias;
}

export function importFrom(cx: LowerContext, s: py.ImportFrom): ir.Stmt[] {
  const modName = s.module ?? "";
  if (modName === "__future__") return [];
  const resolved = absoluteName(cx.identity(), s.level ?? 0, s.module);
  if ("error" in resolved) {
    // Inside `try`, CPython's ImportError is what the program's fallback catches (`except ImportError`).
    if (cx.guardedImports.has(s)) return [exprStmt(call(cx.helperFrom("import_error", PROGRAM), lit(resolved.error)), s.lineno)];
    return cx.diags.error(s, "TSY3003", { reason: resolved.error });
  }
  const chain = localChain(cx.options.modules, resolved.name);
  if (chain) {
    const out: ir.Stmt[] = [];
    for (const a of s.names) {
      if (a.name === "*") return cx.diags.error(s, "TSY1007");
      // `from pkg import mod`: the package's attribute, or else its submodule of that name.
      const sub = localChain(cx.options.modules, `${resolved.name}.${a.name}`);
      const args: ir.Expr[] = [call(cx.helperFrom("import_module", PROGRAM), ...chain.map((m) => localModuleRef(cx, m))), lit(a.name)];
      if (sub) args.push(localModuleRef(cx, sub[sub.length - 1]));
      out.push(assignName(cx, a.asname ?? a.name, call(cx.helperFrom("import_from", PROGRAM), ...args), s.lineno));
    }
    return out;
  }
  // `from concurrent import futures`, `from unittest import mock`: a runtime submodule, bound as
  // the module it is (so `futures.ThreadPoolExecutor()` is known to be a class).
  const submodules = s.level ? [] : s.names.filter((a) => STDLIB[`${modName}.${a.name}`] !== undefined);
  if (submodules.length > 0) {
    const out: ir.Stmt[] = [];
    for (const a of submodules) {
      const full = `${modName}.${a.name}`;
      const local = a.asname ?? a.name;
      cx.knownIn(cx.fn.scope).set(local, { kind: "module", name: full });
      if (cx.fn.scope.kind === "module") cx.imports.namespace(safeName(local), STDLIB[full]!.from);
      else out.push(assignName(cx, local, id(moduleNamespace(cx, full, STDLIB[full]!.from)), s.lineno));
    }
    const rest = s.names.filter((a) => !submodules.includes(a));
    return rest.length > 0 ? [...out, ...importFrom(cx, { ...s, names: rest })] : out;
  }
  // `from asyncio import windows_events`: importing the Windows-only submodule fails when the line runs
  const windowsSubmodule = s.level ? undefined : s.names.find((a) => windowsOnlyImport(`${modName}.${a.name}`));
  if (windowsSubmodule) return missingModule(cx, s, `${modName}.${windowsSubmodule.name}`);
  const info = STDLIB[modName];
  if (!info || s.level) return missingModule(cx, s, resolved.name);
  if (cx.fn.scope.kind !== "module") {
    // Inside a function: local names bound from the module's namespace (imported at the top).
    const out: ir.Stmt[] = [];
    for (const a of s.names) {
      if (a.name === "*") return cx.diags.error(s, "TSY1007");
      // A name the runtime lacks: ImportError when the line runs inside `try`, else reported now.
      if (!info.names.has(a.name) && !cx.guardedImports.has(s) && !absentInCPython(modName, a.name))
        return cx.diags.error(s, "TSY3004", { name: a.name, module: modName });
      const ns = moduleNamespace(cx, modName, info.from);
      out.push(assignName(cx, a.asname ?? a.name, call(cx.helperFrom("import_runtime_name", PROGRAM), id(ns), lit(modName), lit(a.name)), s.lineno));
      cx.knownIn(cx.fn.scope).set(a.asname ?? a.name, { kind: "runtime-name", module: modName, name: a.name });
    }
    return out;
  }
  const out: ir.Stmt[] = [];
  for (const a of s.names) {
    if (a.name === "*") return cx.diags.error(s, "TSY1007");
    if (!info.names.has(a.name)) {
      if (!cx.guardedImports.has(s) && !absentInCPython(modName, a.name)) return cx.diags.error(s, "TSY3004", { name: a.name, module: modName });
      // (inside `try`, or a name CPython lacks too: its ImportError when the line runs, as in a function)
      const ns = moduleNamespace(cx, modName, info.from);
      out.push(assignName(cx, a.asname ?? a.name, call(cx.helperFrom("import_runtime_name", PROGRAM), id(ns), lit(modName), lit(a.name)), s.lineno));
      continue;
    }
    // A name the module binds again (`class OrderedDict(OrderedDict)`, or another module's name in
    // the other branch of `if sys.version_info >= ...`): a variable the import assigns.
    const local0 = a.asname ?? a.name;
    if ((cx.fn.scope.bindCount.get(local0) ?? 0) > 1 && (boundOtherwise(cx.module.body, local0) || importedFromSeveral(cx, local0))) {
      const ns = moduleNamespace(cx, modName, info.from);
      out.push(assignName(cx, a.asname ?? a.name, call(cx.helperFrom("import_runtime_name", PROGRAM), id(ns), lit(modName), lit(a.name)), s.lineno));
      continue;
    }
    const local = safeName(a.asname ?? a.name);
    cx.imports.use(a.name, local, info.from);
    cx.knownIn(cx.fn.scope).set(a.asname ?? a.name, { kind: "runtime-name", module: modName, name: a.name });
  }
  return out;
}

/**
 * A module that is neither the program's own nor the runtime's. CPython's own stdlib modules are
 * "not available"; any other name is missing in CPython too: inside a `try` it raises
 * ModuleNotFoundError when the line runs (so `except ImportError:` fallbacks work), elsewhere it is
 * reported now.
 */
/**
 * An import that raises when its line runs (a module of another platform), binding the names the
 * import binds from the raising call (it never returns): code after it reads them, and TS must
 * know them.
 */
function raisingImport(cx: LowerContext, s: py.Import | py.ImportFrom, raise: ir.Expr): ir.Stmt[] {
  const names = s._type === "Import" ? s.names.map((a) => a.asname ?? a.name.split(".")[0]) : s.names.map((a) => a.asname ?? a.name);
  if (names.length === 0 || names.includes("*")) return [exprStmt(raise, s.lineno)];
  return [assignName(cx, names[0], raise, s.lineno), ...names.slice(1).map((n) => assignName(cx, n, lit(null), s.lineno))];
}

export function missingModule(cx: LowerContext, s: py.Import | py.ImportFrom, fullName: string): ir.Stmt[] {
  const top = fullName.split(".")[0];
  // CPython names the first module of the chain that it cannot find.
  const parts = fullName.split(".");
  let found = 0;
  while (found < parts.length && localChain(cx.options.modules, parts.slice(0, found + 1).join("."))) found++;
  const name = parts.slice(0, found + 1).join(".");
  const windowsOnly = windowsOnlyImport(fullName);
  if (windowsOnly?.raise === "import_error") return raisingImport(cx, s, call(cx.helperFrom("import_error", PROGRAM), lit(windowsOnly.message)));
  if (windowsOnly) return raisingImport(cx, s, call(cx.helperFrom("module_not_found", PROGRAM), lit(windowsOnly.name)));
  if (CPYTHON_STDLIB.has(top) || STDLIB[top]) {
    // In a branch for another platform (never taken on Linux): the import cannot run, so the
    // program is not refused for it; were it reached, it would say what is missing.
    if (cx.otherPlatformImports?.has(s))
      return raisingImport(cx, s, call(cx.helperFrom("import_error", PROGRAM), lit(`module '${name}' is not available in tsyncio's runtime`)));
    return cx.diags.error(s, "TSY3001", { module: name, supported: Object.keys(STDLIB).join(", ") });
  }
  if (cx.guardedImports.has(s)) return [exprStmt(call(cx.helperFrom("module_not_found", PROGRAM), lit(name)), s.lineno)];
  const where = cx.options.modules
    ? "no such .py file or package next to the main script"
    : "a single source cannot import other files; translate the program's folder (tsyncio run / --outdir)";
  return cx.diags.error(s, "TSY3002", { module: name, where });
}
