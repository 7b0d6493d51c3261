// Python AST → TS IR: the one place where the two vocabularies meet. This file wires the stage
// together; each concern has its own file.
//
//   analysis.ts         scopes, known bindings, definite assignment, types      (passes, run first)
//   context.ts          the shared state `cx` every lowering function takes
//   statements.ts       statement dispatch, assignment, del, with
//   bindings.ts         declarations (const/let/hoisted), assignment targets, unbinding
//   loops.ts            while, for, async for, for/while ... else
//   exceptions.ts       raise, try/except/else/finally, except*
//   match.ts            match/case patterns
//   imports.ts          import and from-import (runtime modules, the program's own modules)
//   functions.ts        def, async def, lambda: parameters, defaults, decorators, coroutine wrapper
//   classes.ts          class bodies and the class model (define_class)
//   expressions.ts      names, literals, operators, comparisons, attributes, subscripts, await
//   calls.ts            call binding and specialisation
//   comprehensions.ts   list/set/dict comprehensions and generator expressions
//   module-form.ts      the module around the body: runtime imports, python_module(...) wrapper
//
// Python semantics that JS operators do not share (int division, truthiness, `+` on mixed types,
// negative indices, ...) go through runtime helpers, unless the operand types are known (see
// types.ts), in which case the native operator is both faster and easier to read.
// A construct the lowering cannot translate faithfully is reported as a diagnostic, never guessed.

import type * as py from "../ast/nodes.js";
import { analyzeModule, type LowerOptions } from "./analysis.js";
import { LowerContext, type Diagnostics } from "./context.js";
import { cond, expr, isDirectlyAwaitable } from "./expressions.js";
import type { LegacyCoroutines } from "./legacy-coroutines.js";
import { run, type LowerResult } from "./module-form.js";
import { stmt } from "./statements.js";
import { withPositions } from "./positions.js";

export type { LowerOptions } from "./analysis.js";

export type { LowerResult } from "./module-form.js";

export function toIr(module: py.Module, legacy: LegacyCoroutines, diagnostics: Diagnostics, options: LowerOptions): LowerResult {
  const analysis = analyzeModule(module, options);
  const cx = new LowerContext(module, legacy, diagnostics, options, analysis, { expr: withPositions(expr, isDirectlyAwaitable), cond, stmt });
  return run(cx);
}
