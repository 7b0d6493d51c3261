// A transport whose protocol paused writing (the peer does not read) and whose connection is then
// reset: the protocol gets connection_lost(ConnectionResetError) while still paused, not a
// resume_writing() for the queued bytes the reset dropped (CPython's transport drops its buffer
// and reports the loss). The peer is a Node net server on a port this test opens; bounded loops.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, type AddressInfo, type Socket } from "node:net";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runPython } from "./helpers/run-python.js";

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "tsyncio-resetpaused-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PROGRAM = `import asyncio, sys

class Flood(asyncio.Protocol):
    def __init__(self, lost):
        self.lost, self.paused, self.resumed = lost, False, 0

    def connection_made(self, transport):
        transport.set_write_buffer_limits(high=65536)
        self.transport = transport
        asyncio.get_running_loop().call_soon(self.more)

    def more(self):
        for _ in range(200):
            if self.paused or self.transport.is_closing():
                return
            self.transport.write(b"x" * 65536)
        print("never paused", flush=True)

    def pause_writing(self):
        self.paused = True
        asyncio.get_running_loop().call_later(0.5, self.check)

    def check(self):
        # still paused half a second later: the peer's buffers are full too
        if self.paused and not self.transport.is_closing() and not getattr(self, "stuck", False):
            self.stuck = True
            print("stuck", flush=True)

    def resume_writing(self):
        self.paused = False
        self.resumed += 1
        asyncio.get_running_loop().call_soon(self.more)

    def connection_lost(self, exc):
        print("lost", type(exc).__name__, "paused", self.paused, "resumed", self.resumed, flush=True)
        self.lost.set_result(None)

async def main():
    loop = asyncio.get_running_loop()
    lost = loop.create_future()
    await loop.create_connection(lambda: Flood(lost), "127.0.0.1", int(sys.argv[1]))
    await asyncio.wait_for(lost, 20)

asyncio.run(main())
`;

describe("a reset while the protocol is paused", () => {
  for (const virtual of [false, true]) {
    it(`reports connection_lost without resume_writing (${virtual ? "virtual" : "real"} clock)`, async () => {
      let peer: Socket | null = null;
      const server = createServer((sock) => {
        peer = sock;
        sock.pause();
        sock.on("error", () => {});
      });
      await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
      const port = (server.address() as AddressInfo).port;
      try {
        const r = await runPython(dir, PROGRAM, [String(port)], {
          virtual,
          onStdout: (out) => {
            // The program's transport holds more than its high-water mark: reset the connection.
            if (out.includes("stuck")) (peer as Socket | null)?.resetAndDestroy();
          },
        });
        expect(r.stderr).toBe("");
        // (the kernel's buffers may take bytes between a first pause and the peer's full buffers:
        // a resume then is CPython's too; after the reset there is none)
        const lines = r.stdout.trim().split("\n");
        expect(lines[0]).toBe("stuck");
        expect(lines).toHaveLength(2);
        expect(lines[1]).toMatch(/^lost ConnectionResetError paused True resumed \d+$/);
      } finally {
        server.close();
      }
    }, 40_000);
  }
});
