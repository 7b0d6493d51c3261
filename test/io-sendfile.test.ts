// socket.sendfile() and os.sendfile() send a file's bytes on one of the program's sockets, as
// CPython's do: to a plain Node net server that checks every byte. Loopback only, on ports these
// tests open; the files live in a temporary folder the test removes.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, type AddressInfo } from "node:net";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runPython } from "./helpers/run-python.js";

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "tsyncio-sendfile-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A server that keeps what each connection sent. */
async function collector() {
  const got: Buffer[] = [];
  const server = createServer((sock) => {
    const parts: Buffer[] = [];
    sock.on("data", (d) => parts.push(d));
    sock.on("end", () => got.push(Buffer.concat(parts)));
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  return { server, got, port: (server.address() as AddressInfo).port };
}

describe("sendfile", () => {
  it("socket.sendfile (whole, offset and count) and an os.sendfile loop reach a Node server byte-exact", async () => {
    const data = Buffer.alloc(100_000, 0);
    for (let i = 0; i < data.length; i++) data[i] = (i * 31 + 7) % 251;
    const path = join(dir, "data.bin");
    writeFileSync(path, data);
    const { server, got, port } = await collector();
    try {
      const r = await runPython(
        dir,
        `import os, socket, sys
port, path = int(sys.argv[1]), sys.argv[2]
with open(path, "rb") as f:
    s = socket.create_connection(("127.0.0.1", port))
    print(s.sendfile(f), f.tell())
    s.close()
    s = socket.create_connection(("127.0.0.1", port))
    print(s.sendfile(f, 1000, 5000), f.tell())
    s.close()
    s = socket.create_connection(("127.0.0.1", port))
    offset = 0
    while (n := os.sendfile(s.fileno(), f.fileno(), offset, 65536)):
        offset += n
    print(offset, f.tell())
    s.close()
    try:
        s.sendfile(open(path))
    except ValueError as e:
        print("ValueError", e)
`,
        [String(port), path],
      );
      expect(r.stderr).toBe("");
      // CPython 3.12 prints the same (os.sendfile leaves the file's position alone).
      expect(r.stdout).toBe("100000 100000\n5000 6000\n100000 6000\nValueError file should be opened in binary mode\n");
      for (let i = 0; i < 50 && got.length < 3; i++) await new Promise((ok) => setTimeout(ok, 20));
      expect(got.map((b) => b.length)).toEqual([100_000, 5000, 100_000]);
      expect(got[0].equals(data)).toBe(true);
      expect(got[1].equals(data.subarray(1000, 6000))).toBe(true);
      expect(got[2].equals(data)).toBe(true);
    } finally {
      server.close();
    }
  }, 40_000);
});
