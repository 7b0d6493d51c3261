// scripts/lib/lazy-stdlib.mjs: the runtime half's standard-library modules that only an import reaches
// are moved into the function that makes the registry's table of them. (That every one of them still
// loads, with its classes intact, is test/bundle-class-names.test.ts's.)
import { describe, expect, it } from "vitest";
import { LAZY_MODULES_HERE, lazyOnlyInputs, nestLazyModules } from "../scripts/lib/lazy-stdlib.mjs";

const edge = (path: string, kind = "import-statement") => ({ path, kind });
const metafile = {
  inputs: {
    "entry.js": { imports: [edge("registry.js"), edge("shared.js")] },
    "registry.js": { imports: [edge("shared.js"), edge("random.js", "require-call"), edge("time.js", "require-call")] },
    "shared.js": { imports: [edge("time.js")] },
    "random.js": { imports: [edge("shared.js"), edge("helper.js")] },
    "helper.js": { imports: [] },
    "time.js": { imports: [] },
  },
};

describe("lazy-stdlib", () => {
  it("takes the modules that nothing but the registry's requires reaches", () => {
    // time.js is required lazily too, but shared.js imports it: it stays at the top level.
    expect([...lazyOnlyInputs(metafile, "entry.js", "registry.js")].sort()).toEqual(["helper.js", "random.js"]);
  });

  const bundle = [
    '"use strict";',
    "// shared.js",
    "var shared = 1;",
    "// random.js",
    "var random_exports = {};",
    "__export(random_exports, { seed: () => seed });",
    "function seed() { return shared; }",
    "var init_random = __esm({ 'random.js'() {} });",
    "// registry.js",
    `var table = () => { ${LAZY_MODULES_HERE} return { random: () => (init_random(), random_exports) }; };`,
    "// Annotate the CommonJS export names for ESM import in node:",
  ].join("\n");

  it("moves their code in place of the marker, keeping everything else where it was", () => {
    const { code, modules } = nestLazyModules(bundle, metafile, new Set(["random.js", "helper.js"]));
    expect(modules).toBe(1); // helper.js has no code of its own here
    expect(code.indexOf("function seed()")).toBeGreaterThan(code.indexOf("var table = () => {"));
    expect(code).not.toContain(LAZY_MODULES_HERE);
    expect(code.startsWith('"use strict";\n// shared.js\nvar shared = 1;\n// registry.js\n')).toBe(true);
    // It still runs: the table made on demand, the module's names local to it.
    const run = new Function("__export", "__esm", `${code}\nreturn [typeof seed, table().random.length];`);
    expect(
      run(
        () => {},
        () => () => {},
      ),
    ).toEqual(["undefined", 0]);
  });

  it("refuses a module whose code would run when the nest is made, or a module in two places", () => {
    expect(() => nestLazyModules(bundle.replace("function seed()", "sideEffect();\nfunction seed()"), metafile, new Set(["random.js"]))).toThrow(
      /runs code when the nest is made/,
    );
    // an object literal whose value is a call runs that call when the literal is made
    expect(() =>
      nestLazyModules(bundle.replace("function seed()", "var table2 = { a: sideEffect() };\nfunction seed()"), metafile, new Set(["random.js"])),
    ).toThrow(/runs code when the nest is made/);
    expect(
      nestLazyModules(bundle.replace("function seed()", "var table3 = { a: 1, f() {}, g: () => 2 };\nfunction seed()"), metafile, new Set(["random.js"]))
        .modules,
    ).toBe(1);
    expect(() => nestLazyModules(`${bundle}\n// random.js\nvar again = 1;`, metafile, new Set(["random.js"]))).toThrow(/two sections/);
    expect(() => nestLazyModules(bundle.replace(LAZY_MODULES_HERE, ""), metafile, new Set(["random.js"]))).toThrow(/LAZY_MODULES_HERE/);
  });
});
