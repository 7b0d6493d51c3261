// Drops keepNames wrappers that JavaScript makes redundant, in the CLI bundle (scripts/bundle-cli.mjs).
//
// esbuild's keepNames wraps every function stored in a variable, nested ones included:
// `const test = __name((p) => ..., "test")`. The wrapper redefines the closure's `name` each time
// the closure is created, which on a hot path (a closure made per call of a str method, per
// dataclass construction) cost up to a quarter of a program's time. Where the variable has the
// wanted name itself, `const test = (p) => ...` gives the function that name by the language's own
// rule (an anonymous function assigned in a declaration is named after its binding), so the wrapper
// goes. Where esbuild renamed the variable (`const set5 = __name(..., "set")`), it stays.
import { createRequire } from "node:module";

/** Returns SOURCE without the redundant `__name(fn, "N")` wrappers, and how many were dropped. */
export function dropRedundantFunctionNames(source) {
  const ts = createRequire(import.meta.url)("ts-morph").ts;
  const file = ts.createSourceFile("bundle.js", source, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const edits = []; // [start, end]: text to cut
  const visit = (node) => {
    const fn = redundantWrap(ts, node);
    // Two cuts around the function (`__name(` and `, "N")`), so wrappers nested inside it stay apart.
    if (fn) edits.push([node.getStart(), fn.getStart()], [fn.getEnd(), node.getEnd()]);
    ts.forEachChild(node, visit);
  };
  visit(file);
  let out = source;
  for (const [start, end] of edits.sort((a, b) => b[0] - a[0])) out = out.slice(0, start) + out.slice(end);
  return { source: out, dropped: edits.length / 2 };
}

/** The function of `const N = __name(F, "N")` when F would be named N without the wrapper. */
function redundantWrap(ts, call) {
  if (!ts.isCallExpression(call) || !ts.isIdentifier(call.expression) || call.expression.text !== "__name") return undefined;
  const [fn, name] = call.arguments;
  if (call.arguments.length !== 2 || !ts.isStringLiteral(name)) return undefined;
  const decl = call.parent;
  if (!ts.isVariableDeclaration(decl) || decl.initializer !== call || !ts.isIdentifier(decl.name) || decl.name.text !== name.text) return undefined;
  if (ts.isArrowFunction(fn)) return fn;
  if (ts.isFunctionExpression(fn) && (fn.name === undefined || fn.name.text === name.text)) return fn;
  return undefined;
}
