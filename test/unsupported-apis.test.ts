// TSY3005: what the runtime has only to raise NotImplementedError for is reported by the
// translator and by `check`, where it is used; not inside a try that expects NotImplementedError.
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { compileToJs, transpile } from "../src/index.js";
import { RUNTIME_UNSUPPORTED } from "../src/lower/runtime-unsupported.js";

const root = resolve(import.meta.dirname, "..");
const tsy3005 = (source: string) =>
  compileToJs(source, { filename: "prog.py" })
    .diagnostics.filter((d) => d.code === "TSY3005")
    .map((d) => `${d.lineno}:${d.col} ${d.message.slice(0, d.message.indexOf(" is not"))}`);

describe("TSY3005: APIs the runtime does not provide", () => {
  it("threads, executors and sockets, through every way of importing them (those the runtime still lacks)", () => {
    const source = [
      "import asyncio, threading",
      "import asyncio as aio",
      "from asyncio import to_thread as tt",
      "from threading import Thread",
      "async def main():",
      "    loop = asyncio.get_running_loop()",
      "    await loop.run_in_executor(None, print)",
      "    threading.Thread(target=print).start()",
      "    Thread(target=print)",
      "    await tt(print)",
      "    await aio.open_connection('localhost', 80)",
      "    await asyncio.get_event_loop().create_server(None)",
      "    print(globals)",
      "asyncio.run(main())",
    ].join("\n");
    // What each line uses, as the runtime's table names it: a line is reported while the runtime lacks it.
    const uses: [string, string, string, string][] = [
      ["7:11", "'loop.run_in_executor()'", "tsyncio/runtime/asyncio", "loop.run_in_executor"],
      ["8:5", "'threading.Thread'", "tsyncio/runtime/threading", "Thread"],
      ["9:5", "'threading.Thread'", "tsyncio/runtime/threading", "Thread"],
      ["10:11", "'asyncio.to_thread'", "tsyncio/runtime/asyncio", "to_thread"],
      ["11:11", "'asyncio.open_connection'", "tsyncio/runtime/asyncio", "open_connection"],
      ["12:11", "'loop.create_server()'", "tsyncio/runtime/asyncio", "loop.create_server"],
      ["13:11", "'globals'", "tsyncio/runtime", "globals"],
    ];
    const expected = uses.filter(([, , spec, name]) => RUNTIME_UNSUPPORTED[spec]?.[name] !== undefined).map(([at, shown]) => `${at} ${shown}`);
    expect(expected).toContain("13:11 'globals'");
    expect(tsy3005(source)).toEqual(expected);
  });

  it("stops the translation like any error, with the same diagnostic in transpile() and compileToJs()", async () => {
    const source = "import asyncio\nasyncio.run(asyncio.sleep(0, globals))\n";
    const ts = await transpile(source, { filename: "prog.py" });
    expect(ts.code).toBe("");
    expect(ts.diagnostics).toEqual(compileToJs(source, { filename: "prog.py" }).diagnostics);
    expect(ts.diagnostics[0]).toMatchObject({ code: "TSY3005", severity: "error", lineno: 2, col: 30 }); // `globals` is the 30th character
  });

  it("not inside a try that catches NotImplementedError, nor for the program's own names", () => {
    const guarded = "try:\n    print(globals)\nexcept NotImplementedError:\n    print('no globals')\n";
    expect(tsy3005(guarded)).toEqual([]);
    const broad = "try:\n    print(globals)\nexcept (ValueError, RuntimeError):\n    pass\n";
    expect(tsy3005(broad)).toEqual([]);
    const other = "try:\n    print(globals)\nexcept ValueError:\n    pass\n";
    expect(tsy3005(other)).toEqual(["2:11 'globals'"]);
    const own = "class Pool:\n    def run_in_executor(self, f):\n        return f()\nprint(Pool().run_in_executor(lambda: 1))\n";
    expect(tsy3005(own)).toEqual([]);
    // (a call of the builtin itself is lowered to the module's names: src/lower/globals-call.ts)
    expect(tsy3005("print(sorted(globals()))\n")).toEqual([]);
    const rebound = "def globals():\n    return {}\nprint(globals())\n";
    expect(tsy3005(rebound)).toEqual([]);
  });

  it("check says so (it said ok, then the program failed when run)", () => {
    const dir = mkdtempSync(join(tmpdir(), "tsyncio-tsy3005-"));
    try {
      writeFileSync(join(dir, "threads.py"), "import asyncio\n\nasync def main():\n    loop = asyncio.get_running_loop()\n    print(await loop.getnameinfo(('127.0.0.1', 80)))\n\nprint(globals)\nasyncio.run(main())\n");
      const r = spawnSync(process.execPath, [join(root, "bin/tsyncio.js"), "check", "threads.py"], { cwd: dir, encoding: "utf8" });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain("threads.py:5:17: error TSY3005: 'loop.getnameinfo()' is not supported by tsyncio's runtime");
      expect(r.stderr).toContain("threads.py:7:7: error TSY3005: 'globals' is not supported by tsyncio's runtime (no access to the module's namespace)");
      expect(r.stderr.trimEnd().split("\n").pop()).toBe("Found 2 errors in threads.py.");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
