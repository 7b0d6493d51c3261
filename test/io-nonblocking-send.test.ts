// A non-blocking socket's send() takes what the operating system takes and raises BlockingIOError
// once the buffers are full, as in CPython: against a Node net server that does not read yet, and
// between two of the program's own sockets (whose reader holds only so much before the kernel
// stops reading for it). Loopback only, on ports these tests open; bounded loops and time limits.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, type AddressInfo, type Socket } from "node:net";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runPython } from "./helpers/run-python.js";

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "tsyncio-nbsend-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FILL = `import socket, sys
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
s.setblocking(False)
total = 0
for i in range(4000):
    try:
        n = s.send(b"x" * 65536)
    except BlockingIOError as e:
        print("full", e.errno, e.strerror, total > 0, flush=True)
        break
    assert 0 < n <= 65536
    total += n
else:
    print("never full")
s.setblocking(True)
s.sendall(b"END")
s.close()
print("total", total + 3)
`;

describe("a non-blocking send() fills the socket's buffer", () => {
  for (const virtual of [false, true]) {
    it(`against a Node server that does not read yet (${virtual ? "virtual" : "real"} clock)`, async () => {
      let peer: Socket | null = null;
      let received = 0;
      const ended = new Promise<void>((ok) => {
        const server = createServer((sock) => {
          peer = sock;
          sock.pause();
          sock.on("data", (d) => (received += d.length));
          sock.on("end", () => {
            server.close();
            ok();
          });
        });
        server.listen(0, "127.0.0.1", () => {
          const port = (server.address() as AddressInfo).port;
          void runPython(dir, FILL, [String(port)], {
            virtual,
            onStdout: (out) => {
              // The program's buffer is full: the server starts reading.
              if (out.includes("full")) (peer as Socket | null)?.resume();
            },
          }).then((r) => results.push(r));
        });
      });
      const results: { code: number | null; stdout: string; stderr: string }[] = [];
      await ended;
      while (results.length === 0) await new Promise((ok) => setTimeout(ok, 20));
      const r = results[0];
      expect(r.stderr).toBe("");
      const lines = r.stdout.trim().split("\n");
      expect(lines[0]).toBe("full 11 Resource temporarily unavailable True");
      // Every byte send() said it took arrived, and nothing else.
      expect(lines[1]).toBe(`total ${received}`);
    }, 40_000);
  }

  it("between two of the program's own sockets, then read to the end (virtual clock)", async () => {
    const r = await runPython(
      dir,
      `import socket
a, b = socket.socketpair()
a.setblocking(False)
total = 0
for i in range(4000):
    try:
        total += a.send(bytes([i % 251]) * 8192)
    except BlockingIOError:
        break
print("filled", 0 < total < 4000 * 8192)
got = bytearray()
while len(got) < total:
    got += b.recv(65536)
a.setblocking(True)
a.sendall(b"!")
a.shutdown(socket.SHUT_WR)
while chunk := b.recv(65536):
    got += chunk
expected = b"".join(bytes([i % 251]) * 8192 for i in range(total // 8192)) + bytes([(total // 8192) % 251]) * (total % 8192)
print(len(got) == total + 1, bytes(got[:-1]) == expected, bytes(got[-1:]))
a.close()
b.close()
`,
      [],
      { virtual: true },
    );
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("filled True\nTrue True b'!'\n");
  }, 40_000);
});
