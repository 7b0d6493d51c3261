// `from m import *` of one of the program's own modules becomes `from m import a, b, c`: the names
// m binds at its top level (its `__all__` when that is a literal list), read from m's source. After
// this pass, scope analysis sees every name the star binds, as CPython's does at run time.
// `from struct import *` of a runtime module binds the module's public names (those the runtime
// exports without a leading underscore).

import type * as py from "../ast/nodes.js";
import { absoluteName, localChain, type ModuleIdentity, type ProgramModules } from "./modules.js";
import { STDLIB } from "./stdlib.js";

export function expandStarImports(module: py.Module, identity: ModuleIdentity | undefined, modules: ProgramModules | undefined): py.Module {
  // (a module without `import *` is returned as it is: the analyses keep what they gather per tree)
  if (!module.body.some((s) => s._type === "ImportFrom" && s.names.length === 1 && s.names[0].name === "*")) return module;
  const expand = (stmts: py.Stmt[]): py.Stmt[] =>
    stmts.map((s) => {
      if (s._type !== "ImportFrom" || s.names.length !== 1 || s.names[0].name !== "*") return s;
      let names: string[] | null | undefined;
      if (!s.level && s.module && !localChain(modules, s.module) && Object.prototype.hasOwnProperty.call(STDLIB, s.module)) {
        names = [...STDLIB[s.module].names].filter((n) => !n.startsWith("_") && n !== "default").sort();
      } else {
        if (!modules?.publicNames || !identity) return s;
        const resolved = absoluteName(identity, s.level ?? 0, s.module);
        if (!("name" in resolved) || !localChain(modules, resolved.name)) return s;
        names = modules.publicNames(resolved.name);
      }
      if (!names) return s;
      const star = s.names[0];
      return { ...s, names: names.map((name) => ({ ...star, name, asname: null })) };
    });
  // Only module-level statements: CPython forbids `import *` inside functions.
  return { ...module, body: expand(module.body) };
}

/** The names `from m import *` binds, from m's AST: `__all__` if it is a literal list or tuple of strings, else the public top-level names. */
export function publicNamesOf(module: py.Module, bound: Iterable<string>): string[] {
  for (const s of module.body) {
    if (s._type === "Assign" && s.targets.length === 1 && s.targets[0]._type === "Name" && s.targets[0].id === "__all__") {
      const v = s.value;
      if ((v._type === "List" || v._type === "Tuple") && v.elts.every((e) => e._type === "Constant" && typeof e.value === "string"))
        return v.elts.map((e) => (e as py.Constant).value as string);
    }
  }
  return [...bound].filter((n) => !n.startsWith("_"));
}
