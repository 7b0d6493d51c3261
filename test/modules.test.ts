// Programs of several files: the module-resolution unit (src/lower/modules.ts), translateProgram
// over an in-memory program, and the single-source path (the web page, transpile()) that cannot
// see other files and says so.

import { describe, expect, it } from "vitest";
import { absoluteName, moduleIdentity, specifierBetween } from "../src/lower/modules.js";
import { transpile, translateProgram, compileToJs } from "../src/index.js";

describe("module names", () => {
  it("identity of a file: the script, a module, a package", () => {
    expect(moduleIdentity("main.py", true)).toEqual({ name: "__main__", path: "main.py", isPackage: false, package: null });
    expect(moduleIdentity("helpers.py", false)).toMatchObject({ name: "helpers", package: "" });
    expect(moduleIdentity("pkg/sub/mod.py", false)).toMatchObject({ name: "pkg.sub.mod", package: "pkg.sub", isPackage: false });
    expect(moduleIdentity("pkg/__init__.py", false)).toMatchObject({ name: "pkg", package: "pkg", isPackage: true });
  });

  it("relative imports resolve as CPython resolves them, with its error messages", () => {
    const mod = moduleIdentity("pkg/sub/mod.py", false);
    expect(absoluteName(mod, 1, null)).toEqual({ name: "pkg.sub" });
    expect(absoluteName(mod, 1, "util")).toEqual({ name: "pkg.sub.util" });
    expect(absoluteName(mod, 2, "core.x")).toEqual({ name: "pkg.core.x" });
    expect(absoluteName(mod, 3, "y")).toEqual({ error: "attempted relative import beyond top-level package" });
    expect(absoluteName(moduleIdentity("pkg/__init__.py", false), 1, "a")).toEqual({ name: "pkg.a" });
    expect(absoluteName(moduleIdentity("main.py", true), 1, "a")).toEqual({ error: "attempted relative import with no known parent package" });
    expect(absoluteName(moduleIdentity("top.py", false), 1, "a")).toEqual({ error: "attempted relative import with no known parent package" });
  });

  it("TS import specifiers between the program's files", () => {
    expect(specifierBetween("main.py", "helpers.py")).toBe("./helpers.js");
    expect(specifierBetween("main.py", "pkg/__init__.py")).toBe("./pkg/__init__.js");
    expect(specifierBetween("pkg/mod.py", "pkg/util.py")).toBe("./util.js");
    expect(specifierBetween("pkg/sub/mod.py", "helpers.py")).toBe("../../helpers.js");
    expect(specifierBetween("pkg/sub/mod.py", "pkg/other/x.py")).toBe("../other/x.js");
  });
});

describe("translateProgram", () => {
  const files: Record<string, string> = {
    "main.py": "import pkg.mod\nfrom pkg import mod\nprint(mod.f())\n",
    "pkg/__init__.py": "",
    "pkg/mod.py": "from .util import g\n\ndef f():\n    return g()\n",
    "pkg/util.py": "def g():\n    return 1\n",
    "unused.py": "print('never translated')\n",
  };
  const host = { exists: (p: string) => p in files, read: (p: string) => files[p] ?? null };

  it("the script, then each local module it imports (transitively), once each", async () => {
    const units = await translateProgram([{ path: "main.py", main: true }], host, (source, options) => compileToJs(source, options));
    expect(units.map((u) => [u.path, u.module.name])).toEqual([
      ["main.py", "__main__"],
      ["pkg/__init__.py", "pkg"],
      ["pkg/mod.py", "pkg.mod"],
      ["pkg/util.py", "pkg.util"],
    ]);
    expect(units.every((u) => u.result!.diagnostics.length === 0)).toBe(true);
  });

  it("a relative import in the script is CPython's error, as a diagnostic", async () => {
    const r = await transpile("from . import x\n", { module: moduleIdentity("main.py", true), modules: { find: () => null } });
    expect(r.diagnostics[0]).toMatchObject({ code: "TSY3003", lineno: 1, col: 1 });
    expect(r.diagnostics[0].message).toContain("attempted relative import with no known parent package");
  });
});

describe("a single source (the web page, transpile())", () => {
  it("an import of another file is a diagnostic naming the module", async () => {
    const r = await transpile("import asyncio\nimport helpers\n");
    expect(r.code).toBe("");
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ code: "TSY3002", lineno: 2, col: 1 });
    expect(r.diagnostics[0].message).toContain("'helpers'");
  });

  it("inside try, a missing module raises ModuleNotFoundError when the line runs", async () => {
    const r = await transpile("try:\n    import ujson as json\nexcept ImportError:\n    import json\n");
    expect(r.diagnostics).toEqual([]);
    expect(r.code).toContain('module_not_found("ujson")');
  });
});
