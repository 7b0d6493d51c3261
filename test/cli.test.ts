// The CLI's contract: exit codes (0 success, 1 a Python-level or translation error, 2 usage),
// -o / --outdir write only on success and atomically (temporary files + rename: on any failure
// nothing is written, the old output stays and no temporary file is left), and source files are
// decoded as CPython decodes them. Programs of several files: `run` imports the script's sibling
// modules and packages, `--outdir` translates a script with its modules or a whole folder.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const bin = join(root, "bin/tsyncio.js");
let dir: string;

function tsyncio(args: string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: dir, input, encoding: "utf8", timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, lastErr: r.stderr.trimEnd().split("\n").pop() ?? "" };
}

const write = (name: string, text: string | Buffer) => {
  writeFileSync(join(dir, name), text);
  return name;
};

const GOOD = `import asyncio\n\nasync def main():\n    await asyncio.sleep(0)\n    print("hello")\n\nasyncio.run(main())\n`;
const SYNTAX = `def f(:\n    pass\n`;
const UNSUPPORTED = `x = 1j\nprint(x)\n`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "tsyncio-cli-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("exit codes", () => {
  it("2 for usage errors", () => {
    expect(tsyncio([]).code).toBe(2);
    expect(tsyncio(["--no-such-option", "x.py"]).code).toBe(2);
    expect(tsyncio(["run"]).code).toBe(2);
    expect(tsyncio(["run", "--bogus", "x.py"]).code).toBe(2);
    expect(tsyncio(["check"]).code).toBe(2);
    expect(tsyncio(["missing-file.py"]).code).toBe(2);
    expect(tsyncio(["run", "missing-file.py"]).code).toBe(2);
    const g = write("g.py", GOOD);
    expect(tsyncio([g, "-o"]).code).toBe(2);
    expect(tsyncio([g, g]).code).toBe(2);
    const r = tsyncio([g, "-o", "a.ts", "--outdir", "d"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^tsyncio: /);
    expect(existsSync(join(dir, "a.ts"))).toBe(false);
  });

  it("0 for --help, --version, a translation, a clean check and a program that ends normally", () => {
    expect(tsyncio(["--help"]).code).toBe(0);
    expect(tsyncio(["--version"]).code).toBe(0);
    const g = write("good.py", GOOD);
    const t = tsyncio([g]);
    expect(t.code).toBe(0);
    expect(t.stdout).toContain("coroutine_function");
    expect(tsyncio(["-"], GOOD).code).toBe(0);
    expect(tsyncio(["check", g]).code).toBe(0);
    const r = tsyncio(["run", g]);
    expect([r.code, r.stdout]).toEqual([0, "hello\n"]);
  });

  it("1 for a syntax error, an unsupported construct or an uncaught Python exception", () => {
    const s = write("syntax.py", SYNTAX);
    for (const args of [[s], ["check", s], ["run", s]]) {
      const r = tsyncio(args);
      expect(r.code).toBe(1);
      // run: CPython's report; the translator and check: their diagnostic format and a count.
      if (args[0] === "run") expect(r.lastErr).toBe("SyntaxError: invalid syntax");
      else expect([r.stderr.split("\n")[0], r.lastErr]).toEqual(["syntax.py:1:7: error SyntaxError: invalid syntax", "Found 1 error in syntax.py."]);
      expect(r.stdout).toBe("");
    }
    const u = write("unsupported.py", UNSUPPORTED);
    for (const args of [[u], ["check", u], ["run", u]]) {
      const r = tsyncio(args);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/unsupported\.py:1:\d+: error: .*TSY1021|TSY1021/);
      expect(r.stdout).toBe("");
    }
    const e = write("raises.py", `print("before")\nraise ValueError("boom")\n`);
    const r = tsyncio(["run", e]);
    expect([r.code, r.stdout, r.lastErr]).toEqual([1, "before\n", "ValueError: boom"]);
  });

  it("the program's own exit status from sys.exit", () => {
    const f = write("exit3.py", `import sys\nprint("x")\nsys.exit(3)\n`);
    const r = tsyncio(["run", f]);
    expect([r.code, r.stdout]).toEqual([3, "x\n"]);
    const m = write("exitmsg.py", `import sys\nsys.exit("bye")\n`);
    const r2 = tsyncio(["run", m]);
    expect([r2.code, r2.lastErr]).toEqual([1, "bye"]);
  });
});

describe("-o and --outdir write atomically, only on success", () => {
  const noTemp = (d: string) => expect(readdirSync(d).filter((n) => n.includes(".tmp"))).toEqual([]);

  it("-o: a failed translation leaves the previous output untouched", () => {
    write("prog.py", GOOD);
    expect(tsyncio(["prog.py", "-o", "out/prog.ts"]).code).toBe(0);
    const first = readFileSync(join(dir, "out/prog.ts"), "utf8");
    expect(first).toContain("coroutine_function");
    write("prog.py", SYNTAX);
    const r = tsyncio(["prog.py", "-o", "out/prog.ts"]);
    expect(r.code).toBe(1);
    expect(readFileSync(join(dir, "out/prog.ts"), "utf8")).toBe(first);
    write("prog.py", UNSUPPORTED);
    expect(tsyncio(["prog.py", "-o", "out/prog.ts"]).code).toBe(1);
    expect(readFileSync(join(dir, "out/prog.ts"), "utf8")).toBe(first);
    noTemp(join(dir, "out"));
  });

  it("-o: a write that fails is reported (exit 1), leaves what was there and no temporary file", () => {
    write("w.py", GOOD);
    mkdirSync(join(dir, "taken.ts"), { recursive: true });
    writeFileSync(join(dir, "taken.ts", "keep"), "x");
    const r = tsyncio(["w.py", "-o", "taken.ts"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/can't write 'taken\.ts'/);
    expect(readFileSync(join(dir, "taken.ts", "keep"), "utf8")).toBe("x");
    noTemp(dir);
  });

  it("--outdir: one bad file and nothing is written (previous outputs stay), exit 1", () => {
    write("a.py", GOOD);
    write("b.py", GOOD);
    expect(tsyncio(["--outdir", "od", "a.py", "b.py"]).code).toBe(0);
    const a0 = readFileSync(join(dir, "od/a.ts"), "utf8");
    const b0 = readFileSync(join(dir, "od/b.ts"), "utf8");
    write("a.py", GOOD.replace("hello", "hello again"));
    write("b.py", SYNTAX);
    const r = tsyncio(["--outdir", "od", "a.py", "b.py"]);
    expect(r.code).toBe(1);
    expect(readFileSync(join(dir, "od/a.ts"), "utf8")).toBe(a0);
    expect(readFileSync(join(dir, "od/b.ts"), "utf8")).toBe(b0);
    noTemp(join(dir, "od"));
  });
});

describe("source decoding, as CPython", () => {
  it("invalid UTF-8 without a coding cookie: CPython's SyntaxError, exit 1", () => {
    write("bad8.py", Buffer.from([...Buffer.from('x = 1\nprint("a'), 0xc3, 0x28, ...Buffer.from('")\n')]));
    for (const args of [["run", "bad8.py"], ["bad8.py"], ["check", "bad8.py"]]) {
      const r = tsyncio(args);
      expect(r.code).toBe(1);
      expect(r.stderr.split("\n")[0]).toBe(
        `SyntaxError: Non-UTF-8 code starting with '\\xc3' in file ${join(dir, "bad8.py")} on line 2, but no encoding declared; see https://peps.python.org/pep-0263/ for details`,
      );
    }
  });

  it("a UTF-8 BOM is skipped; a latin-1 cookie decodes latin-1; an unknown encoding is an error", () => {
    write("bom.py", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('print("bom")\n')]));
    expect(tsyncio(["run", "bom.py"])).toMatchObject({ code: 0, stdout: "bom\n" });
    write("lat.py", Buffer.from([...Buffer.from('# -*- coding: latin-1 -*-\nprint("caf'), 0xe9, ...Buffer.from('")\n')]));
    expect(tsyncio(["run", "lat.py"])).toMatchObject({ code: 0, stdout: "café\n" });
    write("uft.py", "# coding: uft-8\nprint(1)\n");
    expect(tsyncio(["run", "uft.py"])).toMatchObject({ code: 1, lastErr: "SyntaxError: encoding problem: uft-8" });
  });

  it("utf-8's codec aliases decode utf-8; an ASCII cookie over other bytes is CPython's encoding problem", () => {
    write("u8.py", Buffer.from([...Buffer.from('# coding: u8\nprint("caf'), 0xc3, 0xa9, ...Buffer.from('")\n')]));
    expect(tsyncio(["run", "u8.py"])).toMatchObject({ code: 0, stdout: "café\n" });
    write("asc.py", Buffer.from([...Buffer.from("# coding: US-ASCII\n# caf"), 0xc3, 0xa9, ...Buffer.from("\nprint(1)\n")]));
    expect(tsyncio(["run", "asc.py"])).toMatchObject({ code: 1, stdout: "", lastErr: "SyntaxError: encoding problem: US-ASCII" });
  });
});

describe("programs of several files", () => {
  const program = (name: string, files: Record<string, string>) => {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(dir, name, path, ".."), { recursive: true });
      writeFileSync(join(dir, name, path), text);
    }
    return name;
  };
  const tree = (root: string, sub = ""): string[] =>
    readdirSync(join(root, sub), { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? tree(root, join(sub, e.name)) : [join(sub, e.name)]))
      .sort();
  const FILES = {
    "main.py": "import util\nfrom pkg.mod import twice as tw\nimport pkg.mod\n\nif __name__ == '__main__':\n    print(util.NAME, tw(21), pkg.mod.__name__)\n",
    "util.py": "NAME = __name__\n",
    "pkg/__init__.py": "",
    "pkg/mod.py": "from . import helper\n\ndef twice(x):\n    return helper.double(x)\n",
    "pkg/helper.py": "def double(x):\n    return x * 2\n",
  };

  it("run: the script imports its sibling modules and packages", () => {
    const p = program("prog1", FILES);
    expect(tsyncio(["run", `${p}/main.py`])).toMatchObject({ code: 0, stdout: "util 42 pkg.mod\n" });
  });

  it("run: a symlinked script imports from its real file's folder (sys.path[0], as CPython resolves it)", () => {
    const p = program("prog-link", { "real/main.py": "import helper\n", "real/helper.py": "print('real')\n", "link/helper.py": "print('link')\n" });
    symlinkSync(join(dir, p, "real/main.py"), join(dir, p, "link/main.py"));
    expect(tsyncio(["run", `${p}/link/main.py`])).toMatchObject({ code: 0, stdout: "real\n" });
  });

  it("--outdir DIR main.py: the script and the modules it imports, with the same folders", () => {
    const p = program("prog2", { ...FILES, "unused.py": "print('not imported')\n" });
    const r = tsyncio(["--outdir", "out2", `${p}/main.py`]);
    expect(r.code).toBe(0);
    expect(tree(join(dir, "out2"))).toEqual(["main.ts", "pkg/__init__.ts", "pkg/helper.ts", "pkg/mod.ts", "util.ts"]);
    expect(readFileSync(join(dir, "out2/main.ts"), "utf8")).toContain('import pkg_mod_module from "./pkg/mod.js";');
    expect(readFileSync(join(dir, "out2/pkg/mod.ts"), "utf8")).toContain('import pkg_helper_module from "./helper.js";');
  });

  it("--outdir DIR SRCDIR: every .py of the folder; a top-level file nobody imports is a script", () => {
    const p = program("prog3", { ...FILES, "tool.py": "print('tool')\n" });
    const r = tsyncio(["--outdir", "out3", p]);
    expect(r.code).toBe(0);
    expect(tree(join(dir, "out3"))).toEqual(["main.ts", "pkg/__init__.ts", "pkg/helper.ts", "pkg/mod.ts", "tool.ts", "util.ts"]);
    expect(readFileSync(join(dir, "out3/tool.ts"), "utf8")).not.toContain("python_module");
    expect(readFileSync(join(dir, "out3/util.ts"), "utf8")).toContain('export default python_module("util", "util.py"');
    // A package folder is translated as the package.
    expect(tsyncio(["--outdir", "out3b", `${p}/pkg`]).code).toBe(0);
    expect(tree(join(dir, "out3b"))).toEqual(["pkg/__init__.ts", "pkg/helper.ts", "pkg/mod.ts"]);
  });

  it("--outdir: an error in any module writes nothing (exit 1, the module's file:line:col, no temporary file)", () => {
    const p = program("prog4", { ...FILES, "pkg/helper.py": "def double(x):\n    return x * 2\nimport no_such_module_here\n" });
    const r = tsyncio(["--outdir", "out4", p]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${join(p, "pkg/helper.py")}:3:1: error TSY3002: no module named 'no_such_module_here'`);
    expect(existsSync(join(dir, "out4"))).toBe(false);
    const again = tsyncio(["--outdir", "out4", `${p}/main.py`]);
    expect(again.code).toBe(1);
    expect(existsSync(join(dir, "out4"))).toBe(false);
    expect(tsyncio(["run", `${p}/main.py`]).code).toBe(1);
  });

  it("a module neither local nor in the runtime: a diagnostic naming it; CPython's stdlib modules are 'not available'", () => {
    const m = write("missing.py", "import tkinter\nimport helpers_that_do_not_exist\n");
    const r = tsyncio(["check", m]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("missing.py:1:1: error TSY3001: module 'tkinter' is not available in tsyncio's runtime");
    expect(r.stderr).toContain("missing.py:2:1: error TSY3002: no module named 'helpers_that_do_not_exist'");
  });

  it("a stdlib module the runtime lacks is refused in a Linux branch and in try, not in a branch for another platform", () => {
    const m = write(
      "platform_branches.py",
      "import sys\nif sys.platform == 'win32':\n    import ctypes\nif sys.platform == 'linux':\n    import ctypes\ntry:\n    import ctypes\nexcept ImportError:\n    pass\n",
    );
    const r = tsyncio(["check", m]);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toContain("platform_branches.py:3:");
    expect(r.stderr).toContain("platform_branches.py:5:5: error TSY3001: module 'ctypes' is not available in tsyncio's runtime");
    expect(r.stderr).toContain("platform_branches.py:7:5: error TSY3001: module 'ctypes' is not available in tsyncio's runtime");
  });

  it("a name CPython's module has and the runtime's lacks: diagnostic TSY3004, not an undefined value at run time", () => {
    const m = write("missing_name.py", "from functools import reduce, get_cache_token\nimport os\nos.chroot('/nowhere')\n");
    const r = tsyncio(["check", m]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("missing_name.py:1:1: error TSY3004: 'get_cache_token' is not available in tsyncio's runtime module 'functools'");
    expect(r.stderr).toContain("missing_name.py:3:1: error TSY3004: 'chroot' is not available in tsyncio's runtime module 'os'");
  });

  it("a runtime submodule reached as an attribute (email.utils.x, urllib.parse.x): its missing names are TSY3004 too", () => {
    const m = write(
      "missing_dotted.py",
      "import email.utils\nimport urllib.parse\nprint(email.utils.make_msgid())\nf = email.utils.localtime\nurllib.parse.unwrap('<x>')\n",
    );
    const r = tsyncio(["check", m]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("missing_dotted.py:3:7: error TSY3004: 'make_msgid' is not available in tsyncio's runtime module 'email.utils'");
    expect(r.stderr).toContain("missing_dotted.py:4:5: error TSY3004: 'localtime' is not available in tsyncio's runtime module 'email.utils'");
    expect(r.stderr).toContain("missing_dotted.py:5:1: error TSY3004: 'unwrap' is not available in tsyncio's runtime module 'urllib.parse'");
  });

  it("a name CPython's module lacks too (a newer Python's, a typo): CPython's AttributeError and ImportError when the line runs", () => {
    const m = write(
      "absent_name.py",
      [
        "import asyncio",
        "print(asyncio.QueueShutDown if hasattr(asyncio, 'QueueShutDown') else 'no QueueShutDown')",
        "try:",
        "    asyncio.not_a_function()",
        "except AttributeError as e:",
        "    print(e)",
        "from functools import reduce, no_such_helper",
        "",
      ].join("\n"),
    );
    expect(tsyncio(["check", m]).code).toBe(0);
    const r = tsyncio(["run", m]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("no QueueShutDown\nmodule 'asyncio' has no attribute 'not_a_function'\n");
    expect(r.stderr.trimEnd().split("\n").pop()).toMatch(/^ImportError: cannot import name 'no_such_helper' from 'functools'/);
  });

  it("run: a module's syntax error is raised by its import (CPython 3.12's output)", () => {
    const p = program("prog6", {
      "main.py":
        'print("before the import")\ntry:\n    import broken\nexcept SyntaxError as e:\n    print("caught:", type(e).__name__, e.msg, e.lineno)\nimport broken_indent\nprint("never printed")\n',
      "broken.py": "x = 1\ndef f(:\n    pass\n",
      "broken_indent.py": "def g():\nreturn 1\n",
    });
    const r = tsyncio(["run", `${p}/main.py`]);
    expect(r.stdout).toBe("before the import\ncaught: SyntaxError invalid syntax 2\n");
    expect(r.lastErr).toBe("IndentationError: expected an indented block after function definition on line 1");
    expect(r.code).toBe(1);
    // Translating writes nothing: the module has no translation.
    expect(tsyncio(["--outdir", "out6", `${p}/main.py`]).code).toBe(1);
  });

  it("usage: a folder without --outdir, stdin with --outdir", () => {
    const p = program("prog5", FILES);
    expect(tsyncio([p]).code).toBe(2);
    expect(tsyncio(["--outdir", "out5", "-"], "print(1)\n").code).toBe(2);
  });
});
