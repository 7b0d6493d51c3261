// scripts/bundle-cli.mjs: esbuild's keepNames gives every class a static block that sets its name
// again, which puts the constructor in V8's dictionary mode and makes constructing its subclasses
// several times slower (V8 keeps aborting the optimization of such code), `instanceof` too. The
// bundle's helper skips a name that is already right, and scripts/lib/class-names.mjs creates the
// classes esbuild renamed with their own name; the runtime must not redefine a class's `name`
// either (a class made at run time is created with its name).
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { restoreClassNames } from "../scripts/lib/class-names.mjs";
import { dropRedundantFunctionNames } from "../scripts/lib/function-names.mjs";

const bundle = resolve(__dirname, "../dist/cli/tsyncio.bundle.cjs");
// The CLI's other half (scripts/bundle-cli.mjs): the compiler, loaded when a run needs to translate.
const compilerBundle = resolve(__dirname, "../dist/cli/tsyncio-compiler.bundle.cjs");
const built = existsSync(bundle) && existsSync(compilerBundle);

describe("class names in the CLI bundle", () => {
  it("the CLI bundle is built (npm test builds it first)", () => expect(built).toBe(true));
  const source = built ? readFileSync(bundle, "utf8") : "";
  const helper = /var __name=\(\w+,\w+\)=>[^;]*;/.exec(source)?.[0] ?? "";

  it("the __name helper leaves a right name alone, so the constructor keeps fast properties", () => {
    expect(helper).not.toBe("");
    const probe = [
      "'use strict';",
      "var __defProp = Object.defineProperty;",
      helper,
      'var Named; Named = class extends Array { static { __name(this, "Named"); } static extra = 1; };',
      'var Renamed = class _Renamed extends Array { static { __name(this, "Renamed"); } };',
      "console.log(Named.name, %HasFastProperties(Named), Renamed.name);",
    ].join("\n");
    const out = execFileSync(process.execPath, ["--allow-natives-syntax", "-e", probe], { encoding: "utf8" }).trim();
    expect(out).toBe("Named true Renamed");
  });

  /** Loads one half of the bundle with every module initialized; what V8 says of its classes. */
  function classReport(file: string) {
    // Runs the bundle with a __name that records each class, initializes every lazily loaded
    // module, then asks V8 about each class (%HasFastProperties needs --allow-natives-syntax).
    const probe = [
      'const { readFileSync } = require("node:fs"), vm = require("node:vm"), { dirname } = require("node:path");',
      'const { createRequire } = require("node:module");',
      "const bundle = process.env.TSYNCIO_BUNDLE;",
      "const isClass = (f) => typeof f === 'function' && /^class\\b/.test(Function.prototype.toString.call(f));",
      // A class the runtime renames (a factory's `class C` named after its argument) is slow too.
      "const renamedAtRunTime = [];",
      "const defineProperty = Object.defineProperty;",
      "Object.defineProperty = function (o, k, d) { if (k === 'name' && isClass(o)) renamedAtRunTime.push(`${o.name} -> ${d.value}`); return defineProperty(o, k, d); };",
      'let src = readFileSync(bundle, "utf8");',
      "const helper = /var __name=\\(\\w+,\\w+\\)=>[^;]*;/.exec(src)[0];",
      "src = src.replace(helper, `${helper}var __named=[];{const __name0=__name;__name=(t,v)=>{__named.push([t,v]);return __name0(t,v)}}`);",
      "const inits = [...src.matchAll(/\\bvar (init_[\\w$]+)=__esm\\(/g)].map((m) => m[1]);",
      // The modules that only an import reaches are nested in one function (scripts/lib/lazy-stdlib.mjs):
      // their init functions are not in the top scope, and that function's table loads them.
      "const topLevel = inits.map((i) => `typeof ${i} === 'function' ? ${i} : null`);",
      'src += `\\n;for(const init of [${topLevel.join(",")}])init?.();const __lazyLoads=typeof __tsyncioLazyModules==="function"?Object.values(__tsyncioLazyModules()):[];for(const load of __lazyLoads)load();module.exports.__named=__named;module.exports.__lazy=__lazyLoads.length;`;',
      "const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${src}\\n})`, { filename: bundle });",
      "const mod = { exports: {} };",
      "script.runInThisContext()(mod.exports, createRequire(bundle), mod, bundle, dirname(bundle));",
      "const classes = mod.exports.__named.filter(([t]) => isClass(t));",
      "const bad = classes.filter(([t, v]) => !%HasFastProperties(t) || t.name !== v).map(([t, v]) => t.name === v ? v : `${v} (named ${t.name})`);",
      "console.log(JSON.stringify({ classes: classes.length, modules: inits.length, lazy: mod.exports.__lazy, bad, renamedAtRunTime }));",
    ].join("\n");
    const out = execFileSync(process.execPath, ["--allow-natives-syntax", "-e", probe], {
      encoding: "utf8",
      env: { ...process.env, TSYNCIO_BUNDLE: file },
    });
    return JSON.parse(out.trim().split("\n").at(-1)!);
  }

  it("every class in the bundle has its own name and fast properties, all modules loaded", () => {
    const report = classReport(bundle);
    expect(report.modules).toBeGreaterThan(100);
    expect(report.lazy).toBeGreaterThan(40); // the standard-library modules loaded on first import
    expect(report.classes).toBeGreaterThan(400);
    expect(report.bad).toEqual([]);
    expect(report.renamedAtRunTime).toEqual([]);
  });

  it("so does every class of the compiler half", () => {
    const report = classReport(compilerBundle);
    expect(report.classes).toBeGreaterThan(30);
    expect(report.bad).toEqual([]);
    expect(report.renamedAtRunTime).toEqual([]);
  });

  it("classes whose body refers to themselves are created with their own name", () => {
    // esbuild emits `X = class _X` for these; scripts/lib/class-names.mjs gives the name back.
    expect(source).toMatch(/PyList=class PyList extends Array\{static\{__name\(this,"PyList"\)\}/);
    expect(source).toMatch(/OSError=class OSError extends Exception\{static\{__name\(this,"OSError"\)\}/);
    expect(source).toMatch(/PyBytes=class extends Uint8Array\{static\{__name\(this,"PyBytes"\)\}/);
  });
});

describe("restoreClassNames (scripts/lib/class-names.mjs)", () => {
  const NAME = 'var __name = (t, v) => Object.defineProperty(t, "name", { value: v, configurable: true });';
  const run = (code: string): string => {
    const fixed = restoreClassNames(`${NAME}\n${code}`).source;
    return execFileSync(process.execPath, ["-e", `"use strict";\n${fixed}`], { encoding: "utf8" }).trim();
  };

  it("renames a class expression's inner binding and its references inside the class", () => {
    const code =
      'var X = class _X { static { __name(this, "X"); } static make() { return new _X(); } static self = _X; }; console.log(X.name, X.make() instanceof X, X.self === X);';
    expect(restoreClassNames(`${NAME}\n${code}`).source).toContain("class X {");
    expect(run(code)).toBe("X true true");
  });

  it("keeps a renamed class declaration's outer binding (let K2 = class K)", () => {
    const code = [
      'function f() { class K2 { static { __name(this, "K"); } me() { return K2; } }',
      'Object.defineProperty(K2, "h", { value: 1 }); return K2; }',
      "const K = f(); console.log(K.name, K.h, new K().me() === K);",
    ].join("\n");
    expect(run(code)).toBe("K 1 true");
  });

  it("names an anonymous class assigned to a renamed variable", () => {
    expect(run('var F2 = class { static { __name(this, "F"); } }; console.log(F2.name);')).toBe("F");
  });

  it("leaves alone a class whose name is already right (a string key included)", () => {
    const code = 'var o = { ["a.b"]: class { static { __name(this, "a.b"); } } }; var Y = class extends Array { static { __name(this, "Y"); } };';
    expect(restoreClassNames(code).renamed).toEqual([]);
  });

  it("refuses a rename that would capture another variable of the wanted name", () => {
    const code = 'var P = 1; var P2 = class { static { __name(this, "P"); } m() { return P; } };';
    expect(() => restoreClassNames(code)).toThrow(/P2 -> P: the class mentions "P"/);
  });
});

// scripts/lib/function-names.mjs: a nested `const f = __name(() => ..., "f")` renamed its closure
// each time it was made; the language names it "f" already, so the wrapper goes (not where esbuild
// renamed the variable, nor around a function expression of another name).
describe("redundant function-name wrappers in the CLI bundle", () => {
  const helper = 'var __name = (t, v) => t.name === v ? t : Object.defineProperty(t, "name", { value: v, configurable: true });';
  const names = (code: string) => {
    const out = dropRedundantFunctionNames(code).source;
    return { out, printed: execFileSync(process.execPath, ["-e", helper + out], { encoding: "utf8" }).trim() };
  };

  it("drops the wrapper where the binding gives the same name, nested ones included", () => {
    const { out, printed } = names(
      'function g() { const test = __name((p) => { const inner = __name(function () {}, "inner"); return inner; }, "test"); return [test, test()]; } const [a, b] = g(); console.log(a.name, b.name);',
    );
    expect(out).not.toContain("__name(");
    expect(printed).toBe("test inner");
  });

  it("keeps it where esbuild renamed the variable or the function has a name of its own", () => {
    const { out, printed } = names('const set5 = __name(() => 1, "set"); const h = __name(function other() {}, "h"); console.log(set5.name, h.name);');
    expect(out.match(/__name\(/g)?.length).toBe(2);
    expect(printed).toBe("set h");
  });

  it("drops a property's wrapper where the key gives the same name, not `__proto__`'s", () => {
    const { out, printed } = names(
      'const o = { read: __name((p) => p, "read"), "wr": __name(function () {}, "wr"), other: __name(() => 1, "x"), __proto__: __name(function () {}, "__proto__") }; console.log(o.read.name, o.wr.name, o.other.name, Object.getPrototypeOf(o).name);',
    );
    expect(out.match(/__name\(/g)?.length).toBe(2);
    expect(printed).toBe("read wr x __proto__");
  });

  it('drops `__name(f, "f")` for a function declared once and never assigned, wherever the call is', () => {
    const { out, printed } = names(
      'function f() {} __name(f, "f"); var init = () => { __name(g, "g"); }; function g() {} init(); console.log(f.name, g.name);',
    );
    expect(out).not.toContain("__name(");
    expect(printed).toBe("f g");
  });

  it('keeps `__name(f, "f")` where f is assigned, declared twice, or the call is a statement\'s only body', () => {
    const { out, printed } = names(
      [
        'function h() {} h = function () {}; __name(h, "h");',
        'function b() {} function w() { const b = function () {}; __name(b, "b"); return b; }',
        'function c() {} try { throw () => 0; } catch (c) { __name(c, "c"); }',
        'function k() {} if (k) __name(k, "k");',
        "console.log(h.name, b.name, w().name, k.name);",
      ].join(" "),
    );
    expect(out.match(/__name\(/g)?.length).toBe(4);
    expect(printed).toBe("h b b k");
  });

  it("leaves a bundled hot-path closure unwrapped (str.startswith's tuple test)", () => {
    const source = built ? readFileSync(bundle, "utf8") : "";
    expect(source).toMatch(/const test=p=>\{/);
  });
});
