// The runtime half of the CLI bundle (scripts/bundle-cli.mjs) with the standard-library modules that
// only a program's `import` reaches nested in one function, which runs on the first such import.
//
// The lazy registry already delays running those modules' code, but esbuild puts every module's
// declarations at the bundle's top level: each run still executed their part of the top level (an
// export object with a getter per export, a closure per function) and deserialized, from the V8
// code cache, a function record for each of their functions: ~40% of the runtime half (pako, re,
// datetime, unittest, dataclasses, random, ...) for a program that imports none of them. Inside a
// function that never runs, V8 keeps one record for the whole nest.
//
// How: the registry's lazy entries call `__tsyncioStdlib(key)`, which calls (once)
// `__tsyncioLazyModules()`, whose body is `LAZY_MODULES_HERE` followed by the table of `require`s
// that esbuild links to the modules' init functions. After the build (whitespace not yet minified,
// so that esbuild's `// path` line starts each module's code) the code of every module that nothing
// but that table reaches (esbuild's own import graph, the metafile) is moved in place of
// LAZY_MODULES_HERE. Only those modules' declarations move, and no other module imports them, so no
// code outside refers to their names.

import { createRequire } from "node:module";

/** The statement the registry's table function starts with, replaced by the modules' code. */
export const LAZY_MODULES_HERE = "__tsyncioLazyModulesHere();";

/**
 * The inputs (metafile keys) that only the registry's lazy table reaches: everything not reachable
 * from the entry point when the registry's `require()` calls (the table's only requires) are not
 * followed.
 */
export function lazyOnlyInputs(metafile, entryKey, registryKey) {
  const reached = new Set();
  const stack = [entryKey];
  while (stack.length) {
    const key = stack.pop();
    if (reached.has(key)) continue;
    reached.add(key);
    for (const edge of metafile.inputs[key]?.imports ?? []) {
      if (edge.external) continue;
      if (key === registryKey && edge.kind === "require-call") continue;
      stack.push(edge.path);
    }
  }
  if (!reached.has(registryKey)) throw new Error(`lazy-stdlib: ${registryKey} is not reached from ${entryKey}`);
  return new Set(Object.keys(metafile.inputs).filter((key) => !reached.has(key)));
}

/**
 * CODE (esbuild's output, whitespace not minified) with the sections of the LAZY inputs moved to
 * LAZY_MODULES_HERE. A section is the module's `// KEY` line and what follows up to the next such
 * line (any input's) or esbuild's closing annotation.
 */
export function nestLazyModules(code, metafile, lazy) {
  const headers = new Set(Object.keys(metafile.inputs).map((key) => `// ${key}`));
  const lines = code.split("\n");
  const kept = [];
  const moved = [];
  let moving = false;
  const found = new Set();
  for (const line of lines) {
    if (headers.has(line) || line.startsWith("// Annotate the CommonJS export names")) {
      const key = line.slice(3);
      moving = lazy.has(key);
      if (moving) {
        if (found.has(key)) throw new Error(`lazy-stdlib: two sections for ${key}`);
        found.add(key);
      }
    }
    (moving ? moved : kept).push(line);
  }
  declarationsOnly(moved.join("\n"));
  const out = kept.join("\n");
  const at = out.indexOf(LAZY_MODULES_HERE);
  if (at < 0 || out.indexOf(LAZY_MODULES_HERE, at + 1) >= 0) throw new Error("lazy-stdlib: expected one LAZY_MODULES_HERE in the bundle");
  return { code: out.slice(0, at) + moved.join("\n") + "\n" + out.slice(at + LAZY_MODULES_HERE.length), modules: found.size };
}

/**
 * Fails unless CODE's statements only declare: functions, variables set to nothing, an object
 * literal of methods, functions and literal values, or esbuild's module wrappers (`__esm`, `__commonJS`), and esbuild's `__export` and
 * `__name` calls. Then making the nest runs no module's code (that happens when the table's entry
 * is called), which bin/load-cli.js relies on when it makes the nest before writing a code cache.
 */
function declarationsOnly(code) {
  const ts = createRequire(import.meta.url)("ts-morph").ts;
  const file = ts.createSourceFile("nest.js", code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  // An object literal's member runs nothing when the literal is made: a method, an accessor, or a
  // function, a literal value or a nested such object.
  const inertValue = (v) =>
    ts.isFunctionExpression(v) ||
    ts.isArrowFunction(v) ||
    ts.isStringLiteral(v) ||
    ts.isNumericLiteral(v) ||
    ts.isNoSubstitutionTemplateLiteral(v) ||
    [ts.SyntaxKind.TrueKeyword, ts.SyntaxKind.FalseKeyword, ts.SyntaxKind.NullKeyword].includes(v.kind) ||
    (ts.isObjectLiteralExpression(v) && v.properties.every(inert));
  const inert = (p) =>
    ts.isMethodDeclaration(p) ||
    ts.isGetAccessor(p) ||
    ts.isSetAccessor(p) ||
    (ts.isPropertyAssignment(p) && !ts.isComputedPropertyName(p.name) && inertValue(p.initializer));
  const declares = (st) => {
    if (ts.isFunctionDeclaration(st)) return true;
    if (ts.isExpressionStatement(st)) return ts.isCallExpression(st.expression) && ["__export", "__name"].includes(st.expression.expression.getText());
    if (!ts.isVariableStatement(st)) return false;
    return st.declarationList.declarations.every(
      ({ initializer: init }) =>
        !init ||
        (ts.isObjectLiteralExpression(init) && init.properties.every(inert)) ||
        (ts.isCallExpression(init) && ["__esm", "__commonJS"].includes(init.expression.getText())),
    );
  };
  const other = file.statements.find((st) => !declares(st));
  if (other) throw new Error(`lazy-stdlib: a lazily loaded module runs code when the nest is made: ${other.getText().slice(0, 200)}`);
}
