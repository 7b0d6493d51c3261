// Gives back their own names to the classes esbuild renamed in the CLI bundle (scripts/bundle-cli.mjs).
//
// When bundling, esbuild turns a top-level `class X {...}` into `X = class {...}`; when the body
// refers to the class itself it keeps a separate inner binding for those references, named after
// the class but different (`X = class _X {...}`: the outer variable may be renamed or reassigned).
// With keepNames the class's static block then has to define `name` again (`_X` -> "X"), and any
// redefinition of a constructor's `name` puts it in V8's dictionary mode: `instanceof X` and
// constructing X's subclasses become several times slower. Here the inner binding and every
// reference to it inside the class are renamed to the wanted name, so the class is created with it.
//
// The rename is done on a syntax tree (TypeScript's parser, from ts-morph) and refused, with an
// error naming the class, when it could change what a name means: the class mentions the wanted
// name itself (a reference to another variable of that name would be captured by the new binding),
// or declares something named like the inner binding.
import { createRequire } from "node:module";

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * Returns SOURCE with each class `class INNER {static{__name(this,"NAME")} ...}` whose INNER is not
 * NAME renamed to NAME (the binding and its references inside the class), and the list of renames.
 * Throws when a class cannot be renamed safely.
 */
export function restoreClassNames(source) {
  const ts = loadTypeScript();
  const file = ts.createSourceFile("bundle.js", source, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const edits = []; // [start, end, text]
  const renamed = [];
  const problems = [];
  const visit = (node) => {
    const wanted = ts.isClassLike(node) ? keptName(ts, node) : undefined;
    const current = wanted === undefined ? undefined : (node.name?.text ?? inferredName(ts, node));
    if (wanted !== undefined && current !== wanted) {
      const problem = node.name ? renameClass(ts, node, wanted, edits) : nameClass(ts, node, wanted, edits);
      if (problem) problems.push(`${current} -> ${wanted}: ${problem}`);
      else renamed.push(`${current} -> ${wanted}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  if (problems.length > 0) {
    throw new Error(`cannot give these bundled classes their own names (they would be slow; see scripts/lib/class-names.mjs):\n  ${problems.join("\n  ")}`);
  }
  edits.sort((a, b) => b[0] - a[0]);
  let out = source;
  for (const [start, end, text] of edits) out = out.slice(0, start) + text + out.slice(end);
  return { source: out, renamed };
}

function loadTypeScript() {
  // ts-morph carries TypeScript's compiler API (the project's own `typescript` is the native one).
  return createRequire(import.meta.url)("ts-morph").ts;
}

/** The NAME of the class's keepNames block `static { __name(this, "NAME") }`, if it has one. */
function keptName(ts, cls) {
  for (const member of cls.members) {
    if (!ts.isClassStaticBlockDeclaration(member)) continue;
    const first = member.body.statements[0];
    if (!first || !ts.isExpressionStatement(first) || !ts.isCallExpression(first.expression)) continue;
    const { expression: callee, arguments: args } = first.expression;
    if (ts.isIdentifier(callee) && callee.text === "__name" && args.length === 2 && args[0].kind === ts.SyntaxKind.ThisKeyword && ts.isStringLiteral(args[1])) {
      return args[1].text;
    }
  }
  return undefined;
}

/** Queues the edits renaming CLS's inner binding to WANTED; returns why it cannot, if so. */
function renameClass(ts, cls, wanted, edits) {
  if (!IDENTIFIER.test(wanted) || !isBindable(wanted)) return `"${wanted}" cannot name a class binding`;
  const inner = cls.name.text;
  const references = [];
  let problem;
  const visit = (node) => {
    if (problem) return;
    if (ts.isIdentifier(node) && node !== cls.name && isVariableName(ts, node)) {
      if (node.text === wanted) problem = `the class mentions "${wanted}" (another variable would be captured)`;
      else if (node.text === inner) {
        if (isDeclarationName(ts, node)) problem = `the class declares its own "${inner}"`;
        else if (ts.isShorthandPropertyAssignment(node.parent)) problem = `shorthand property {${inner}}`;
        else references.push(node);
      }
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(cls, visit);
  if (problem) return problem;
  for (const node of references) edits.push([node.getStart(), node.getEnd(), wanted]);
  if (ts.isClassDeclaration(cls)) {
    // `class K2 {...}` also declares K2 where it stands, used outside: `let K2 = class K {...};`
    // (a class declaration's binding is a mutable one in its block, as `let`'s).
    if (cls.modifiers?.length) return "a class declaration with modifiers";
    const start = cls.getStart();
    if (cls.getSourceFile().text.slice(start, start + 5) !== "class") return "no class keyword where expected";
    edits.push([start, start, `let ${inner}=`]);
    edits.push([cls.name.getStart(), cls.name.getEnd(), wanted]);
    edits.push([cls.getEnd(), cls.getEnd(), ";"]);
  } else {
    edits.push([cls.name.getStart(), cls.name.getEnd(), wanted]);
  }
  return undefined;
}

/** The name an anonymous class expression gets from where it is assigned (`X = class {}`). */
function inferredName(ts, cls) {
  const parent = cls.parent;
  if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && parent.right === cls && ts.isIdentifier(parent.left)) return parent.left.text;
  if (ts.isVariableDeclaration(parent) && parent.initializer === cls && ts.isIdentifier(parent.name)) return parent.name.text;
  if (ts.isPropertyAssignment(parent) && parent.initializer === cls) {
    // `{ key: class {} }`, `{ "key": class {} }`, `{ ["key"]: class {} }`
    const key = ts.isComputedPropertyName(parent.name) ? parent.name.expression : parent.name;
    if (ts.isIdentifier(key) && !ts.isComputedPropertyName(parent.name)) return key.text;
    if (ts.isStringLiteral(key) || ts.isNoSubstitutionTemplateLiteral(key)) return key.text;
  }
  return undefined;
}

/**
 * Queues the edit naming the anonymous class CLS WANTED (esbuild renamed the variable it is
 * assigned to, `Future2 = class {...}`, which would name it "Future2"); returns why it cannot.
 */
function nameClass(ts, cls, wanted, edits) {
  if (!IDENTIFIER.test(wanted) || !isBindable(wanted)) return `"${wanted}" cannot name a class binding`;
  if (mentions(ts, cls, wanted)) return `the class mentions "${wanted}" (another variable would be captured)`;
  const start = cls.getStart();
  if (cls.getSourceFile().text.slice(start, start + 5) !== "class") return "no class keyword where expected";
  edits.push([start + 5, start + 5, ` ${wanted}`]);
  return undefined;
}

/** Whether a variable named NAME is used or declared anywhere inside NODE. */
function mentions(ts, node, name) {
  let found = false;
  const visit = (child) => {
    if (found) return;
    if (ts.isIdentifier(child) && child.text === name && isVariableName(ts, child)) found = true;
    else ts.forEachChild(child, visit);
  };
  ts.forEachChild(node, visit);
  return found;
}

/** Whether NAME may be the name of a class expression (not a reserved word, in strict code). */
function isBindable(name) {
  try {
    new Function(`"use strict"; (class ${name} {});`);
    return true;
  } catch {
    return false;
  }
}

/** Whether the identifier NODE names a variable (not a property, a member or a label). */
function isVariableName(ts, node) {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent)) return parent.expression === node;
  if (ts.isMetaProperty(parent)) return false;
  if (ts.isLabeledStatement(parent) || ts.isBreakOrContinueStatement(parent)) return false;
  if (ts.isPropertyAssignment(parent) || ts.isMethodDeclaration(parent) || ts.isPropertyDeclaration(parent) || ts.isGetAccessorDeclaration(parent) || ts.isSetAccessorDeclaration(parent)) {
    return parent.name !== node;
  }
  if (ts.isBindingElement(parent) && parent.propertyName === node) return false;
  return true;
}

/** Whether the identifier NODE is where a variable, parameter, function or class is declared. */
function isDeclarationName(ts, node) {
  const parent = node.parent;
  return (
    ((ts.isVariableDeclaration(parent) || ts.isParameter(parent) || ts.isBindingElement(parent) || ts.isFunctionDeclaration(parent) || ts.isFunctionExpression(parent) || ts.isClassDeclaration(parent) || ts.isClassExpression(parent)) && parent.name === node)
  );
}
