// Drops keepNames wrappers that JavaScript makes redundant, in the CLI bundle (scripts/bundle-cli.mjs).
//
// esbuild's keepNames wraps every function stored in a variable, nested ones included:
// `const test = __name((p) => ..., "test")`. The wrapper redefines the closure's `name` each time
// the closure is created, which on a hot path (a closure made per call of a str method, per
// dataclass construction) cost up to a quarter of a program's time. Where the variable has the
// wanted name itself, `const test = (p) => ...` gives the function that name by the language's own
// rule (an anonymous function assigned in a declaration is named after its binding), so the wrapper
// goes. Where esbuild renamed the variable (`const set5 = __name(..., "set")`), it stays. The same
// rule names a function that is a property's value (`{ read: __name((p) => ..., "read") }`), and a
// function declaration is named by its own name: the statement `__name(f, "f")` esbuild puts after
// `function f() {}` only calls the helper, which finds the name right (~3,000 such calls in the
// two halves' top levels, run on every start).
import { createRequire } from "node:module";

/** Returns SOURCE without the redundant `__name(fn, "N")` wrappers, and how many were dropped. */
export function dropRedundantFunctionNames(source) {
  const ts = createRequire(import.meta.url)("ts-morph").ts;
  const file = ts.createSourceFile("bundle.js", source, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const edits = []; // [start, end]: text to cut
  let dropped = 0;
  const bindings = declaredOnceAsFunction(ts, file);
  const visit = (node) => {
    const fn = redundantWrap(ts, node);
    // Two cuts around the function (`__name(` and `, "N")`), so wrappers nested inside it stay apart.
    if (fn) {
      edits.push([node.getStart(), fn.getStart()], [fn.getEnd(), node.getEnd()]);
      dropped++;
    } else if (redundantDeclarationName(ts, node, bindings)) {
      edits.push([node.getStart(), node.getEnd()]);
      dropped++;
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  let out = source;
  for (const [start, end] of edits.sort((a, b) => b[0] - a[0])) out = out.slice(0, start) + out.slice(end);
  return { source: out, dropped };
}

/** The function of `const N = __name(F, "N")` or `{ N: __name(F, "N") }` when F would be named N without the wrapper. */
function redundantWrap(ts, call) {
  if (!ts.isCallExpression(call) || !ts.isIdentifier(call.expression) || call.expression.text !== "__name") return undefined;
  const [fn, name] = call.arguments;
  if (call.arguments.length !== 2 || !ts.isStringLiteral(name)) return undefined;
  const holder = call.parent;
  if (ts.isVariableDeclaration(holder)) {
    if (holder.initializer !== call || !ts.isIdentifier(holder.name) || holder.name.text !== name.text) return undefined;
  } else if (ts.isPropertyAssignment(holder)) {
    // (`__proto__: value` sets the prototype instead of defining a property)
    const key = holder.name;
    if (holder.initializer !== call || !(ts.isIdentifier(key) || ts.isStringLiteral(key)) || key.text !== name.text || key.text === "__proto__")
      return undefined;
  } else return undefined;
  if (ts.isArrowFunction(fn)) return fn;
  if (ts.isFunctionExpression(fn) && (fn.name === undefined || fn.name.text === name.text)) return fn;
  return undefined;
}

/**
 * Whether `node` is the statement `__name(f, "f");` for an `f` that the file declares once, as a
 * function declaration (`function f() {}`), and never assigns: whatever scope the call is in, it
 * sees that function. (esbuild puts the call after the declaration, or, in a module it loads
 * lazily, in the module's init function while the declaration is hoisted out of it.)
 */
function redundantDeclarationName(ts, node, bindings) {
  // (a statement of a list: the lone statement of an `if` cannot just be cut)
  if (!ts.isExpressionStatement(node) || !node.parent.statements) return false;
  const call = node.expression;
  if (!ts.isCallExpression(call) || !ts.isIdentifier(call.expression) || call.expression.text !== "__name" || call.arguments.length !== 2) return false;
  const [fn, name] = call.arguments;
  return ts.isIdentifier(fn) && ts.isStringLiteral(name) && fn.text === name.text && bindings.onlyFunctionDeclarations.has(fn.text);
}

/** The names the file declares exactly once, by a function declaration, and never assigns. */
function declaredOnceAsFunction(ts, file) {
  const declarations = new Map(); // name → how many declarations of any kind
  const functions = new Set();
  const declare = (name) => {
    if (name && ts.isIdentifier(name)) declarations.set(name.text, (declarations.get(name.text) ?? 0) + 1);
    else if (name && (ts.isObjectBindingPattern(name) || ts.isArrayBindingPattern(name)))
      for (const e of name.elements) if (!ts.isOmittedExpression(e)) declare(e.name);
  };
  const visit = (node) => {
    if (ts.isFunctionDeclaration(node) && node.name) functions.add(node.name.text);
    if (
      ts.isFunctionDeclaration(node) ||
      ts.isFunctionExpression(node) ||
      ts.isClassDeclaration(node) ||
      ts.isClassExpression(node) ||
      ts.isVariableDeclaration(node) ||
      ts.isParameter(node) ||
      ts.isBindingElement(node) ||
      ts.isImportClause(node) ||
      ts.isNamespaceImport(node) ||
      ts.isImportSpecifier(node)
    )
      declare(node.name);
    ts.forEachChild(node, visit);
  };
  visit(file);
  const assigned = assignedNames(ts, file);
  return { onlyFunctionDeclarations: new Set([...functions].filter((f) => declarations.get(f) === 1 && !assigned.has(f))) };
}

/** Every name the file assigns to (`x = ...`, `x += ...`, `x++`, `[x] = ...`, `({ x } = ...)`), wherever. */
function assignedNames(ts, file) {
  const names = new Set();
  const targets = (t) => {
    if (ts.isIdentifier(t)) names.add(t.text);
    else if (ts.isParenthesizedExpression(t)) targets(t.expression);
    else if (ts.isArrayLiteralExpression(t)) t.elements.forEach(targets);
    else if (ts.isObjectLiteralExpression(t))
      for (const p of t.properties) {
        if (ts.isShorthandPropertyAssignment(p)) names.add(p.name.text);
        else if (ts.isPropertyAssignment(p)) targets(p.initializer);
        else if (ts.isSpreadAssignment(p)) targets(p.expression);
      }
    else if (ts.isSpreadElement(t)) targets(t.expression);
    else if (ts.isBinaryExpression(t) && t.operatorToken.kind === ts.SyntaxKind.EqualsToken) targets(t.left);
  };
  const visit = (node) => {
    if (ts.isBinaryExpression(node) && node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && node.operatorToken.kind <= ts.SyntaxKind.LastAssignment)
      targets(node.left);
    else if (
      (ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) &&
      (node.operator === ts.SyntaxKind.PlusPlusToken || node.operator === ts.SyntaxKind.MinusMinusToken)
    )
      targets(node.operand);
    else if ((ts.isForInStatement(node) || ts.isForOfStatement(node)) && !ts.isVariableDeclarationList(node.initializer)) targets(node.initializer);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return names;
}
