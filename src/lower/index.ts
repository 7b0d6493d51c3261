// The lowering stage on one screen: AST passes in order, then the crossing into the TS IR.
//
//   expandStarImports           from local_module import *  →  from local_module import a, b
//   manglePrivateNames          in a class: self.__x  →  self._Class__x (and every other private name)
//   splitClassChainedAssignments  class body: a = b = value  →  a = value; b = a
//   normaliseLegacyCoroutines   @asyncio.coroutine + yield from  →  async def + await
//   compileBlockingFunctions    in modules that use threads: defs that can block  →  generators (yield from helpers)
//   toIr                        scopes, declarations, operators, calls, coroutines  →  IR

import type * as py from "../ast/nodes.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Stmt } from "../ir/nodes.js";
import { Diagnostics } from "./context.js";
import { normaliseLegacyCoroutines } from "./legacy-coroutines.js";
import { toIr, type LowerOptions } from "./to-ir.js";
import { expandStarImports } from "./star-imports.js";
import { manglePrivateNames } from "./private-names.js";
import { compileBlockingFunctions } from "./blocking-functions.js";
import { splitClassChainedAssignments } from "./class-chained-assignments.js";

import type { LocalModule } from "./modules.js";

export type { LowerOptions } from "./to-ir.js";
export { publicNamesOf } from "./star-imports.js";
export { analyzeScopes } from "./scopes.js";
export { attributeHooksOf, moduleIdentity, type AttributeHooks, type LocalModule, type ModuleIdentity, type ProgramModules } from "./modules.js";

export function lower(module: py.Module, options: LowerOptions): { body: Stmt[]; diagnostics: Diagnostic[]; localModules: LocalModule[] } {
  const diagnostics = new Diagnostics(options.source);
  const { module: normalised, legacy } = normaliseLegacyCoroutines(
    splitClassChainedAssignments(manglePrivateNames(expandStarImports(module, options.module, options.modules))),
  );
  const { body, localModules } = toIr(compileBlockingFunctions(normalised), legacy, diagnostics, options);
  return { body, diagnostics: diagnostics.list, localModules };
}
