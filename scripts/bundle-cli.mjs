#!/usr/bin/env node
// After `tsc`: bundles the CLI into two CommonJS files, then runs it once on a small program so
// that bin/load-cli.js leaves a V8 code cache beside each (start-up: Node then neither resolves ~130
// files nor compiles 1 MB of JavaScript on every run; see bench/NOTES.md):
// - dist/cli/tsyncio.bundle.cjs, the runtime half: dist/cli/entry.js (`tsyncio run`, the Node host,
//   the runtime, the translation cache);
// - dist/cli/tsyncio-compiler.bundle.cjs, the compiler half: main.js (every other command) and
//   translate-run.js (`tsyncio run`'s translation), loaded only when needed, so that a run whose
//   translation is cached neither reads nor deserializes the compiler.
// Each half reaches the other through `__tsyncio.load(PART)` (bin/load-cli.js passes `__tsyncio`),
// so the runtime exists once. Both files' first line is `// tsyncio bundle ID` (ID: a hash of both
// contents), and dist/cli/bundle-stamp.js is rewritten to name the same ID; bin/load-cli.js uses
// the bundle only while they agree, so a plain `tsc -p tsconfig.json` afterwards (which re-emits the
// stamp with null) is never shadowed by a stale bundle, and no file time is consulted (an install or
// a copy changes them all). Without esbuild this step is skipped and the CLI runs from dist/ as
// compiled.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { STAMP, buildInputsHash } from "./lib/build-inputs.mjs";
import { restoreClassNames } from "./lib/class-names.mjs";
import { dropRedundantFunctionNames } from "./lib/function-names.mjs";
import { lezerTables } from "./lib/lezer-tables.mjs";
import { LAZY_MODULES_HERE, lazyOnlyInputs, nestLazyModules } from "./lib/lazy-stdlib.mjs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
let esbuild;
try {
  esbuild = await import("esbuild");
} catch {
  process.stderr.write("bundle-cli: esbuild is not installed; the CLI runs unbundled from dist/\n");
  process.exit(0);
}
const cliDir = resolve(root, "dist/cli");
const PARTS = {
  cli: { outfile: resolve(cliDir, "tsyncio.bundle.cjs"), entry: resolve(cliDir, "entry.js") },
  compiler: {
    outfile: resolve(cliDir, "tsyncio-compiler.bundle.cjs"),
    stdin: 'export { main } from "./main.js";\nexport { translateForRun } from "./translate-run.js";\n',
  },
};
/** The other half's modules: dist/cli/FILE imported from dist/cli, by the part that does not hold it. */
const OTHER_HALF = {
  cli: { part: "compiler", files: ["main.js", "translate-run.js"] },
  compiler: { part: "cli", files: ["entry.js", "run.js", "runner.js", "node-host.js"] },
};

// Start-up: the runtime's module table (dist/runtime/registry.js) imports every standard-library
// module, so every run would execute all their top levels (and deserialize their code) before the
// program's first line. In the bundle, the modules a program can only reach by importing them are
// loaded on first access instead: the table's entry is a getter that `require`s the module (esbuild
// runs its top level then, synchronously) and replaces itself with it. Modules with import-time
// effects the runtime relies on without an import (contextvars' context copying, logging's and
// warnings' routing of asyncio's messages, threading and atexit read at exit) and the modules
// asyncio itself loads stay eager. ssl and socket are lazy too: what they add to asyncio's objects
// (enums, SSLContext.wrap_socket) loads them when first used (src/runtime/lazy-module-hooks.ts).
// Every module object is also tagged as a module (the unbundled ES module namespaces are), so
// `type(m)` is `module`.
const EAGER_MODULES = new Set(["index", "asyncio/index", "program", "contextvars", "logging", "warnings", "threading", "atexit", "sys", "traceback"]);
/** Modules loaded together: unittest registers unittest.mock's classes when mock loads. */
// (typing's aliases of collections' and collections.abc's classes use them: those modules hand them
// over when they load, and collections loads collections.abc)
const LOAD_WITH = { unittest: ["unittest_mock"], typing: ["collections"] };
const lazyRegistry = {
  name: "lazy-registry",
  setup(build) {
    build.onLoad({ filter: /[\\/]dist[\\/]runtime[\\/]registry\.js$/ }, (args) => {
      const source = readFileSync(args.path, "utf8");
      const imports = new Map(); // local name -> relative path
      for (const m of source.matchAll(/^import \* as (\w+) from "(\.\/[^"]+)";$/gm)) imports.set(m[1], m[2]);
      const body = /export const modules = \{([^}]*)\};/.exec(source);
      if (!body) throw new Error("lazy-registry: the module table of registry.js was not found");
      const entries = [...body[1].matchAll(/^\s*"([^"]+)": (\w+),$/gm)].map((m) => [m[1], m[2]]);
      if (entries.length !== imports.size) throw new Error(`lazy-registry: ${imports.size} imports but ${entries.length} table entries`);
      const key = (path) => path.replace(/^\.\/(modules\/)?/, "").replace(/\.js$/, "");
      const byKey = new Map([...imports].map(([name, path]) => [key(path), path]));
      const lines = [];
      const table = [];
      const lazyTable = []; // key: the module's require (scripts/lib/lazy-stdlib.mjs nests their code here)
      for (const [spec, name] of entries) {
        const path = imports.get(name);
        if (!path) throw new Error(`lazy-registry: no import for ${name}`);
        if (EAGER_MODULES.has(key(path))) {
          lines.push(`import * as ${name} from ${JSON.stringify(path)};`);
          table.push(`  eager(${JSON.stringify(spec)}, namespace(${name}));`);
        } else {
          const also = (LOAD_WITH[key(path)] ?? [])
            .map((k) => {
              if (!byKey.has(k)) throw new Error(`lazy-registry: LOAD_WITH names ${k}, which registry.js does not import`);
              return `require(${JSON.stringify(byKey.get(k))}); `;
            })
            .join("");
          lazyTable.push(`  ${JSON.stringify(key(path))}: () => { ${also}return require(${JSON.stringify(path)}); },`);
          table.push(`  lazy(${JSON.stringify(spec)}, () => __tsyncioStdlib(${JSON.stringify(key(path))}));`);
        }
      }
      const missing = [...EAGER_MODULES].filter((m) => !byKey.has(m));
      if (missing.length) throw new Error(`lazy-registry: EAGER_MODULES names ${missing.join(", ")}, which registry.js does not import`);
      for (const m of ["ssl", "socket"])
        if (!entries.some(([spec]) => spec === `tsyncio/runtime/${m}`)) throw new Error(`lazy-registry: no tsyncio/runtime/${m} in registry.js`);
      const contents = `${lines.join("\n")}
import { lazyModuleHooks } from "./lazy-module-hooks.js";
import { moduleNamespaceName, noteModuleNamespace } from "./builtins/module-files.js";
// A module object as the program sees it: the same live bindings (getters) on a new object,
// without the "__esModule" of require()'s CommonJS view, tagged as a module. Built from a root
// shape of its own: esbuild's export objects all start from {} with different getters for the same
// names (a module and its re-exports), which makes V8 keep them as dictionaries, and a program
// reads \`asyncio.sleep\` & co. in its loops. An export can be assigned, as a Python module's
// attribute can (\`random.uniform = fake\`): the first assignment turns it into a plain property,
// so reads of the others keep their getter.
const namespace = (m) => {
  const ns = Object.setPrototypeOf(new (function Module() {})(), Object.prototype);
  for (const k of Object.getOwnPropertyNames(m)) {
    if (k === "__esModule") continue;
    const d = Object.getOwnPropertyDescriptor(m, k);
    if (d.get && !d.set) {
      d.configurable = true;
      d.set = (value) => Object.defineProperty(ns, k, { value, writable: true, enumerable: true, configurable: true });
    }
    Object.defineProperty(ns, k, d);
  }
  // (a module that noted its own Python name, a submodule like logging.handlers: the copy is it too)
  const name = moduleNamespaceName(m);
  if (name !== undefined) noteModuleNamespace(ns, name);
  return Object.defineProperty(ns, Symbol.toStringTag, { value: "Module" });
};
export const modules = {};
const eager = (spec, m) => Object.defineProperty(modules, spec, { value: m, writable: true, enumerable: true, configurable: true });
const lazy = (spec, load) =>
  Object.defineProperty(modules, spec, {
    get() {
      const m = namespace(load());
      eager(spec, m);
      return m;
    },
    enumerable: true,
    configurable: true,
  });
// The modules loaded on first access, by key: their code is nested in this function after the
// build (scripts/lib/lazy-stdlib.mjs), so that a run that imports none of them neither runs nor
// deserializes any of it.
const __tsyncioLazyModules = () => {
  ${LAZY_MODULES_HERE}
  return {
${lazyTable.join("\n")}
  };
};
let lazyModules;
const __tsyncioStdlib = (key) => (lazyModules ??= __tsyncioLazyModules())[key]();
// bin/load-cli.js calls this before it writes a code cache, so that a cache written by a run that
// imported none of these modules still holds the nest compiled (compiling it at a later first
// import costs ~15 ms). It runs the nest's declarations only: no module's code.
globalThis[Symbol.for("tsyncio.beforeCodeCache")] = () => {
  lazyModules ??= __tsyncioLazyModules();
};
${table.join("\n")}
lazyModuleHooks({ ssl: () => modules["tsyncio/runtime/ssl"], socket: () => modules["tsyncio/runtime/socket"] });
`;
      return { contents, loader: "js", resolveDir: dirname(args.path) };
    });
  },
};

/** Imports of the other half's modules become `__tsyncio.load(PART)`: what that half's entry exports. */
const otherHalf = (name) => ({
  name: "other-half",
  setup(build) {
    const { part, files } = OTHER_HALF[name];
    const filter = new RegExp(`^\\./(${files.map((f) => f.replace(/[.]/g, "\\.")).join("|")})$`);
    build.onResolve({ filter }, (args) => (resolve(args.resolveDir) === cliDir ? { path: part, namespace: "tsyncio-part" } : undefined));
    build.onLoad({ filter: /.*/, namespace: "tsyncio-part" }, (args) => ({
      contents: `module.exports = __tsyncio.load(${JSON.stringify(args.path)});`,
      loader: "js",
    }));
  },
});
/** Inside the bundle, dist/cli/bundle-stamp.js names the id bin/load-cli.js checked (null when loaded otherwise). */
const buildId = {
  name: "build-id",
  setup(build) {
    build.onLoad({ filter: /[\\/]dist[\\/]cli[\\/]bundle-stamp\.js$/ }, () => ({
      contents: 'export const BUNDLE_ID = typeof __tsyncio === "object" && __tsyncio ? __tsyncio.id : null;\n',
      loader: "js",
    }));
  },
};

// A lazily loaded module's `require()` is esbuild's CommonJS view of it, whose properties are
// getters of one shared function (`() => from[key]`) that V8 cannot inline: a program's
// `struct.pack` in a loop cost a call and a keyed load each time (~7 % of a struct loop). The lazy
// table hands namespace() the module's export object instead, whose getters are one small
// function per name (`() => pack`), as the eagerly loaded modules' are.
const LAZY_REQUIRE = /return (init_\w+)\(\),__toCommonJS\((\w+_exports)\)\}/g;
const LAZY_ENTRY = /lazy\("[^"]+",\(\)=>__tsyncioStdlib\(/g;
function lazyModulesAsExports(code) {
  const expected = code.match(LAZY_ENTRY)?.length ?? 0;
  let count = 0;
  const out = code.replace(LAZY_REQUIRE, (_, init, exports) => {
    count++;
    return `return ${init}(),${exports}}`;
  });
  if (count !== expected) throw new Error(`bundle-cli: ${count} of ${expected} lazily loaded modules were returned as export objects`);
  return out;
}

const buildPart = (name) =>
  esbuild.build({
    plugins: [lazyRegistry, otherHalf(name), buildId, lezerTables],
    ...(PARTS[name].entry
      ? { entryPoints: [PARTS[name].entry] }
      : { stdin: { contents: PARTS[name].stdin, resolveDir: cliDir, sourcefile: "compiler-part.js" } }),
    outfile: PARTS[name].outfile,
    metafile: true,
    bundle: true,
    platform: "node",
    // CommonJS, because only a classic script can be given a V8 code cache (vm.Script's cachedData).
    format: "cjs",
    target: "node20",
    // The few import.meta.url uses find files next to the module: the bundle's own URL stands in.
    define: { "import.meta.url": "__bundleUrl" },
    // Strict mode first: the sources are ES modules (strict), a CommonJS file is not unless it says so
    // (in sloppy mode assigning to a getter-only property is silently ignored, for one).
    banner: { js: '"use strict";\nvar __bundleUrl = require("node:url").pathToFileURL(__filename).href;' },
    // Prettier is loaded only to format TypeScript output (never on `tsyncio run`): left outside, and
    // its import() becomes require() (prettier ships CommonJS builds), since a script compiled from a
    // code cache has lost the callback that Node 20 needs for import().
    external: ["prettier", "prettier/*"],
    supported: { "dynamic-import": false },
    // Class and function names are observable (type names, reprs, tracebacks): no renaming.
    keepNames: true,
    // Start-up: no comments or indentation (the file is read and handed to V8 on every run: 2.3 MB
    // before, and a comment's non-ASCII character made the whole source a two-byte string), and
    // ASCII escapes for what is left.
    // (the runtime half's after scripts/lib/lazy-stdlib.mjs, which reads esbuild's `// path` lines)
    minifyWhitespace: name !== "cli",
    charset: "ascii",
    logLevel: "warning",
  });
// keepNames gives every class a static block `__name(this, "Name")`, and redefining a class's
// `name` puts the constructor in dictionary mode: V8 then never finishes optimizing code that
// constructs a subclass of it (each attempt is aborted on a map dependency), so `new PyBytes(...)`
// took ~300 ns instead of ~30, and `instanceof` against it is slower too. So no class may be
// renamed: the helper skips a name that is already right (`X = class extends ...` names the class
// X), and the classes esbuild gives an inner name (`X = class _X`, when the body refers to the
// class itself) get their own name back (scripts/lib/class-names.mjs; the build fails when that
// cannot be done safely). test/bundle-class-names.test.ts checks that every class keeps fast
// properties.
const NAME_HELPER = /var __name=\((\w+),(\w+)\)=>__defProp\(\1,"name",\{value:?\2?,configurable:true\}\);/;
/** A part's code after the build: class names restored, the __name helper made to skip right names. */
function finish(outfile) {
  const bundled = dropRedundantFunctionNames(restoreClassNames(readFileSync(outfile, "utf8")).source).source;
  if (!NAME_HELPER.test(bundled)) throw new Error("bundle-cli: esbuild's __name helper has changed; update NAME_HELPER");
  return bundled.replace(NAME_HELPER, (_, t, v) => `var __name=(${t},${v})=>${t}.name===${v}?${t}:__defProp(${t},"name",{value:${v},configurable:true});`);
}

// The split is the point: the runtime half must not hold the compiler (a cached run would load it
// anyway), and the compiler half must not hold a second runtime (its classes would not be the
// program's).
const inputs = {};
for (const name of Object.keys(PARTS)) {
  const { metafile } = await buildPart(name);
  inputs[name] = Object.keys(metafile.inputs).map((f) => relative(root, resolve(root, f)));
  if (name === "cli") {
    const keyOf = (file) => Object.keys(metafile.inputs).find((k) => resolve(root, k) === resolve(root, file));
    const lazy = lazyOnlyInputs(metafile, keyOf("dist/cli/entry.js"), keyOf("dist/runtime/registry.js"));
    const nested = nestLazyModules(readFileSync(PARTS.cli.outfile, "utf8"), metafile, lazy);
    if (nested.modules < 20) throw new Error(`bundle-cli: only ${nested.modules} lazily loaded modules were found to nest`);
    const minified = await esbuild.transform(nested.code, { minifyWhitespace: true, charset: "ascii", logLevel: "warning" });
    writeFileSync(PARTS.cli.outfile, lazyModulesAsExports(minified.code));
  }
}
const strays = [
  // (node-host.ts gives the runtime \\N{...} names from the parser's table, which is data)
  ...inputs.cli.filter((f) => /^dist[\\/](parse|lower|emit|ast|ir)[\\/]/.test(f) && !/unicode-names\.js$/.test(f)).map((f) => `the runtime half holds ${f}`),
  ...inputs.compiler
    .filter((f) => /^dist[\\/]runtime[\\/](run|registry|program)\.js$|^dist[\\/]cli[\\/]node-host\.js$/.test(f))
    .map((f) => `the compiler half holds ${f}`),
];
if (strays.length) throw new Error(`bundle-cli: ${strays.join("; ")}`);

// The stamp: an id of both halves' contents on their first line and in dist/cli/bundle-stamp.js.
const code = Object.fromEntries(Object.entries(PARTS).map(([name, part]) => [name, finish(part.outfile)]));
// bin/load-cli.js reads the halves as latin1: they must stay ASCII (esbuild's charset: "ascii").
for (const [name, text] of Object.entries(code)) {
  const at = text.search(/[^\x00-\x7f]/);
  if (at >= 0) throw new Error(`bundle-cli: the ${name} half is not ASCII at ${at}: ${JSON.stringify(text.slice(Math.max(0, at - 40), at + 10))}`);
}
const id = createHash("sha1").update(code.cli).update("\0").update(code.compiler).digest("hex").slice(0, 20);
for (const [name, part] of Object.entries(PARTS)) {
  writeFileSync(part.outfile, `// tsyncio bundle ${id}\n${code[name]}`);
  rmSync(`${part.outfile}.cache`, { force: true });
}
writeFileSync(
  resolve(root, "dist/cli/bundle-stamp.js"),
  `// Written by scripts/bundle-cli.mjs: the id on the first line of tsyncio.bundle.cjs and tsyncio-compiler.bundle.cjs.\nexport const BUNDLE_ID = "${id}";\n`,
);

// The ESM bundle of earlier builds, if any, would only confuse whoever reads dist/.
rmSync(resolve(root, "dist/cli/tsyncio.bundle.js"), { force: true });

// Warm-up: compiles the functions a typical run needs, and the loader writes both code caches. The
// translation cache goes to a folder of its own (removed after), so the run translates (the
// compiler half is loaded and warmed) and leaves nothing in the user's cache.
const warmCache = mkdtempSync(join(tmpdir(), "tsyncio-warm-up-"));
try {
  execFileSync(process.execPath, [resolve(root, "bin/tsyncio.js"), "run", "--virtual-time", resolve(root, "scripts/warm-up.py")], {
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, TSYNCIO_CACHE_DIR: warmCache, TSYNCIO_NO_CACHE: "" },
  });
} catch (e) {
  // Not fatal: the first real run writes the cache instead.
  process.stderr.write(`bundle-cli: the warm-up run failed, no code cache yet: ${e.stderr?.toString().trim() || e.message}\n`);
} finally {
  rmSync(warmCache, { recursive: true, force: true });
}

// The record of what this build was made from (scripts/build-if-stale.mjs reads it).
writeFileSync(resolve(root, STAMP), buildInputsHash(root) + "\n");
