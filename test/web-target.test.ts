// `tsyncio check --target web` (TSY3006): uses of what the web page cannot run are reported, and
// each API the table names does raise NotImplementedError when the runtime has no Host.io (as in
// the page's worker).
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { WEB_UNSUPPORTED_LOOP_METHODS, WEB_UNSUPPORTED_NAMES } from "../src/lower/web-target.js";

const bin = join(resolve(import.meta.dirname, ".."), "bin/tsyncio.js");

describe("check --target web", () => {
  it("reports sockets, subprocesses and loop I/O methods; plain scheduling passes", () => {
    const dir = mkdtempSync(join(tmpdir(), "tsyncio-web-"));
    try {
      writeFileSync(
        join(dir, "io.py"),
        `import asyncio, subprocess
from socket import socketpair
async def main():
    loop = asyncio.get_running_loop()
    reader, writer = await asyncio.open_connection("127.0.0.1", 80)
    await loop.create_datagram_endpoint(asyncio.DatagramProtocol, local_addr=("127.0.0.1", 0))
    try:
        subprocess.run(["ls"])
    except NotImplementedError:
        pass
    a, b = socketpair()
asyncio.run(main())
`,
      );
      writeFileSync(join(dir, "plain.py"), "import asyncio\nasync def main():\n    await asyncio.sleep(0)\nasyncio.run(main())\n");
      const web = spawnSync(process.execPath, [bin, "check", "--target", "web", "--json", "io.py"], { cwd: dir, encoding: "utf8" });
      expect(web.status).toBe(1);
      const found = web.stdout.trim().split("\n").map((l) => JSON.parse(l) as { line: number; code: string; message: string });
      expect(found.map((d) => [d.line, d.code, d.message.split("'")[1]])).toEqual([
        [5, "TSY3006", "asyncio.open_connection"],
        [6, "TSY3006", "loop.create_datagram_endpoint()"],
        [11, "TSY3006", "socket.socketpair"],
      ]);
      expect(spawnSync(process.execPath, [bin, "check", "io.py"], { cwd: dir }).status).toBe(0);
      expect(spawnSync(process.execPath, [bin, "check", "--target", "web", "plain.py"], { cwd: dir }).status).toBe(0);
      const bad = spawnSync(process.execPath, [bin, "check", "--target", "moon", "plain.py"], { cwd: dir, encoding: "utf8" });
      expect(bad.status).toBe(2);
      expect(bad.stderr).toContain("--target must be 'node' or 'web'");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("every API it names raises NotImplementedError without Host.io", async () => {
    const { host } = await import("../src/runtime/host.js");
    expect(host.io).toBeUndefined();
    const { modules } = await import("../src/runtime/registry.js");
    const asyncio = modules["tsyncio/runtime/asyncio"] as any;
    const { NotImplementedError } = await import("../src/runtime/builtins/exceptions.js");
    const raises = (f: () => unknown): string => {
      try {
        f();
      } catch (e) {
        if (e instanceof NotImplementedError) return String((e as Error).message);
        return `${(e as Error).constructor.name}: ${(e as Error).message}`;
      }
      return "returned";
    };
    const { call } = await import("../src/runtime/builtins/ops.js");
    const { PyList, PyTuple } = await import("../src/runtime/builtins/collections.js");
    const addr = () => PyTuple.fromArray(["127.0.0.1", 1n]);
    const cb = () => null;
    // How each name is used: the first use that needs the host.
    const probes: Record<string, (f: any) => unknown> = {
      "asyncio.open_connection": (f) => asyncio.run(f("127.0.0.1", 1n)),
      "asyncio.start_server": (f) => asyncio.run(f(cb, "127.0.0.1", 0n)),
      "asyncio.open_unix_connection": (f) => asyncio.run(f("/nonexistent/x.sock")),
      "asyncio.start_unix_server": (f) => asyncio.run(f(cb, "/nonexistent/x.sock")),
      "asyncio.create_subprocess_exec": (f) => asyncio.run(f("ls")),
      "asyncio.create_subprocess_shell": (f) => asyncio.run(f("ls")),
      "socket.socket": (f) => call(f).connect(addr()),
      "socket.create_connection": (f) => f(addr()),
      "socket.create_server": (f) => f(addr()),
    };
    for (const dotted of WEB_UNSUPPORTED_NAMES.keys()) {
      const [m, name] = dotted.split(".");
      const f = (modules as Record<string, any>)[m === "asyncio" ? "tsyncio/runtime/asyncio" : `tsyncio/runtime/${m}`][name];
      const probe = probes[dotted] ?? ((g: any) => (m === "subprocess" ? call(g, PyList.fromArray(["ls"])) : call(g)));
      expect(raises(() => probe(f)), dotted).toMatch(/browser|web page/);
    }
    const loop = asyncio.new_event_loop();
    try {
      for (const method of WEB_UNSUPPORTED_LOOP_METHODS.keys()) {
        const message = raises(() => {
          const r = loop[method]("x", "127.0.0.1", 1n);
          if (r && typeof r.send === "function") asyncio.run(r);
        });
        // Bad arguments may stop a method before it reaches the host; it never succeeds.
        expect(message, method).not.toBe("returned");
        if (!/^(TypeError|ValueError)/.test(message)) expect(message, method).toMatch(/browser|not supported/);
      }
    } finally {
      loop.close();
    }
  });
});
