// Metaclasses beyond what the fixtures (lang-metaclass-*, lang-init-subclass-keywords,
// lang-dunder-new-singleton) compare with CPython: what tsyncio refuses, and how (and a
// __getattribute__ override it once refused).
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const bin = resolve(import.meta.dirname, "../bin/tsyncio.js");

function run(source: string) {
  const dir = mkdtempSync(join(tmpdir(), "tsyncio-metaclass-"));
  try {
    writeFileSync(join(dir, "prog.py"), source);
    const r = spawnSync(process.execPath, [bin, "run", join(dir, "prog.py")], { encoding: "utf8" });
    const err = r.stderr.trimEnd().split("\n");
    return { code: r.status, stdout: r.stdout, stderr: r.stderr, lastErr: err[err.length - 1] };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("metaclasses tsyncio does not support", () => {
  it("refuses __prepare__ with NotImplementedError when the class statement runs", () => {
    const r = run(
      "class M(type):\n    @classmethod\n    def __prepare__(mcs, name, bases):\n        return {}\n\nprint('before')\nclass A(metaclass=M):\n    x = 1\n",
    );
    expect(r.stdout).toBe("before\n");
    expect(r.lastErr).toBe("NotImplementedError: class A: a metaclass __prepare__ is not supported by tsyncio");
    expect(r.code).toBe(1);
  });

  it("refuses a metaclass __new__ returning something other than the class", () => {
    const r = run("class M(type):\n    def __new__(mcs, name, bases, ns):\n        return 42\n\nclass A(metaclass=M):\n    pass\n");
    expect(r.lastErr).toBe("NotImplementedError: class A: a metaclass __new__ that does not return the class super().__new__ made is not supported by tsyncio");
  });

  it("runs a __getattribute__ override for instance reads and method calls (no longer TSY1013)", () => {
    const r = run(
      "class A:\n    def __init__(self):\n        self.y = 2\n    def __getattribute__(self, name):\n        return 1 if name == 'x' else object.__getattribute__(self, name)\n    def m(self):\n        return self.x + self.y\n\nprint(A().x, A().m())\n",
    );
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("1 3\n");
  });

  it("merges ** class keywords and refuses a metaclass given through them at run time", () => {
    const r = run(
      "class B:\n    def __init_subclass__(cls, **kw):\n        print(cls.__name__, kw)\n\nopts = {'flag': 1}\nclass A(B, size=2, **opts):\n    pass\n\nclass C(B, **{'metaclass': type}):\n    pass\n",
    );
    expect(r.stdout).toBe("A {'size': 2, 'flag': 1}\n");
    expect(r.stderr).toContain("NotImplementedError: a metaclass given through ** in a class statement is not supported by tsyncio");
  });

  it("runs a metaclass __call__ for calls that reach the runtime's call() (a class held in a variable)", () => {
    const r = run(
      "class Count(type):\n    n = 0\n    def __call__(cls, *a, **k):\n        Count.n += 1\n        return super().__call__(*a, **k)\n\nclass A(metaclass=Count):\n    def __init__(self, x=0):\n        self.x = x\n\nfactories = [A, A]\nobjs = [f(x=i) for i, f in enumerate(factories)]\nprint(Count.n, [o.x for o in objs])\n",
    );
    expect(r.stdout).toBe("2 [0, 1]\n");
  });
});
