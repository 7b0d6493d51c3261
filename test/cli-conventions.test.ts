// CLI conventions users of tsc/esbuild/swc expect: one diagnostic format for syntax errors and TSY
// errors (paths relative to the working folder), an error count at the end, --json diagnostics,
// colour only on a terminal (NO_COLOR, FORCE_COLOR), `check DIR`, and --watch.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const bin = join(root, "bin/tsyncio.js");
let dir: string;

function tsyncio(args: string[], env: Record<string, string | undefined> = {}, cwd = dir) {
  const base = { ...process.env };
  delete base.NO_COLOR;
  delete base.FORCE_COLOR;
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: "utf8", timeout: 60_000, env: { ...base, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "tsyncio-conventions-"));
  mkdirSync(join(dir, "proj/pkg"), { recursive: true });
  writeFileSync(join(dir, "proj/ok.py"), "import asyncio\nasyncio.run(asyncio.sleep(0))\n");
  writeFileSync(join(dir, "proj/paren.py"), "x = (1,\ny = 2\n");
  writeFileSync(join(dir, "proj/pkg/__init__.py"), "");
  writeFileSync(join(dir, "proj/pkg/meta.py"), "from abc import ABCMeta\nclass A(object, metaclass=ABCMeta):\n    pass\n");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("diagnostics", () => {
  it("syntax errors and TSY errors share one format, relative to the working folder, then a count", () => {
    const r = tsyncio(["check", "proj/paren.py", "proj/pkg/meta.py"]);
    expect(r.code).toBe(1);
    const lines = r.stderr.split("\n");
    expect(lines).toContain("proj/paren.py:1:5: error SyntaxError: '(' was never closed");
    expect(lines).toContain(
      "proj/pkg/meta.py:2:1: error TSY1010: metaclass=ABCMeta beside bases is not supported yet",
    );
    expect(r.stderr.trimEnd().split("\n").pop()).toBe("Found 2 errors in 2 files.");
    // From inside the folder the same paths read relative to it.
    const inner = tsyncio(["check", "paren.py"], {}, join(dir, "proj"));
    expect(inner.stderr.split("\n")[0]).toBe("paren.py:1:5: error SyntaxError: '(' was never closed");
    expect(inner.stderr).not.toContain(dir);
  });

  it("--json: one object per diagnostic on stdout, nothing else there", () => {
    const r = tsyncio(["check", "--json", "proj/paren.py", "proj/pkg/meta.py"]);
    expect(r.code).toBe(1);
    const objects = r.stdout
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(objects).toEqual([
      { file: "proj/paren.py", line: 1, column: 5, endLine: 1, endColumn: 6, severity: "error", code: "SyntaxError", message: "'(' was never closed" },
      {
        file: "proj/pkg/meta.py",
        line: 2,
        column: 1,
        endLine: 3,
        endColumn: 9,
        severity: "error",
        code: "TSY1010",
        message: "metaclass=ABCMeta beside bases is not supported yet",
      },
    ]);
    expect(tsyncio(["--json", "-o", "out.ts", "proj/pkg/meta.py"]).stdout).toContain('"code":"TSY1010"');
    expect(tsyncio(["--json", "proj/ok.py"]).code).toBe(2); // stdout would mix code and diagnostics
    expect(tsyncio(["check", "--json", "proj/ok.py"])).toMatchObject({ code: 0, stdout: "" });
  });

  it("a missing file: CPython's message with errno and text, exit 2, for run, translate and check", () => {
    for (const args of [["run", "proj/none.py"], ["proj/none.py"], ["check", "proj/none.py"]]) {
      const r = tsyncio(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("can't open file 'proj/none.py': [Errno 2] No such file or directory");
    }
  });

  it("colour only when asked for or on a terminal: FORCE_COLOR=1 colours, NO_COLOR and a pipe do not", () => {
    const forced = tsyncio(["check", "proj/paren.py"], { FORCE_COLOR: "1" });
    expect(forced.stderr).toContain("\x1b[1;31merror\x1b[0m");
    expect(tsyncio(["check", "proj/paren.py"]).stderr).not.toContain("\x1b[");
    expect(tsyncio(["check", "proj/paren.py"], { NO_COLOR: "1" }).stderr).not.toContain("\x1b[");
    expect(tsyncio(["check", "--json", "proj/paren.py"], { FORCE_COLOR: "1" }).stdout).not.toContain("\x1b[");
  });
});

// `script` (util-linux) gives the program a pseudo-terminal (stdin too); without it the case is skipped.
const hasScript = spawnSync("script", ["--version"]).status === 0;
describe("terminals", () => {
  it.skipIf(!hasScript)("isatty() and the terminal's size are the terminal's, on a pseudo-terminal and through a pipe", () => {
    const prog = join(dir, "tty.py");
    writeFileSync(
      prog,
      "import os, shutil, sys\nprint(sys.stdout.isatty(), sys.stdin.isatty(), os.isatty(1), os.isatty(99))\nprint(os.get_terminal_size().columns >= 0, shutil.get_terminal_size().columns > 0)\n",
    );
    const cmd = `${JSON.stringify(process.execPath)} ${JSON.stringify(bin)} run ${JSON.stringify(prog)}`;
    const tty = spawnSync("script", ["-qc", cmd, "/dev/null"], { encoding: "utf8", timeout: 60_000, stdio: ["ignore", "pipe", "pipe"] });
    expect(tty.stdout.replace(/\r/g, "")).toBe("True True True False\nTrue True\n");
    const piped = tsyncio(["run", prog]);
    expect(piped.stdout).toBe("False False False False\n");
    expect(piped.stderr).toContain("OSError: [Errno 25] Inappropriate ioctl for device");
  });
});

describe("check DIR", () => {
  it("checks every .py under the folder", () => {
    const r = tsyncio(["check", "proj"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("proj/paren.py:1:5: error SyntaxError");
    expect(r.stderr).toContain("proj/pkg/meta.py:2:1: error TSY1010");
    expect(r.stderr.trimEnd().split("\n").pop()).toBe("Found 2 errors in 2 files.");
    rmSync(join(dir, "clean"), { recursive: true, force: true });
    mkdirSync(join(dir, "clean"));
    writeFileSync(join(dir, "clean/a.py"), "print(1)\n");
    writeFileSync(join(dir, "clean/b.py"), "import a\n");
    expect(tsyncio(["check", "clean"])).toMatchObject({ code: 0, stderr: "2 files: ok\n" });
  });
});

describe("--watch", () => {
  it("runs again when a .py file changes, and stops on SIGTERM", async () => {
    const folder = join(dir, "watched");
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, "w.py"), "print(1)\n");
    const child = spawn(process.execPath, [bin, "check", "--watch", "w.py"], { cwd: folder, env: { ...process.env, NO_COLOR: "1" } });
    let err = "";
    child.stderr.on("data", (b) => (err += b));
    const waitFor = async (text: string, count = 1) => {
      for (let i = 0; i < 300 && err.split(text).length - 1 < count; i++) await new Promise((r) => setTimeout(r, 50));
      expect(err.split(text).length - 1, err).toBeGreaterThanOrEqual(count);
    };
    try {
      await waitFor("watching");
      writeFileSync(join(folder, "w.py"), "print((1)\n");
      await waitFor("w.py:1:6: error SyntaxError: '(' was never closed");
      await waitFor("watching", 2);
      writeFileSync(join(folder, "w.py"), "print(2)\n");
      await waitFor("w.py: ok", 2);
      expect(err).toContain("w.py changed: running again");
    } finally {
      child.kill("SIGTERM");
    }
    const code = await new Promise((r) => child.on("exit", (c, s) => r(c ?? s)));
    expect(code).toBe(143);
  }, 30_000);
});
