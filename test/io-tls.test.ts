// TLS with peers that are not tsyncio: a translated client talking to a Node tls server, a
// translated server answering a Node tls client, and verification failures against the Node server,
// all with the self-signed localhost certificate in test/tls (valid 2020–2126). Loopback only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, connect, type Server, type TLSSocket } from "node:tls";
import type { AddressInfo } from "node:net";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { runPython } from "./helpers/run-python.js";

const certs = resolve(import.meta.dirname, "tls");
const cert = readFileSync(join(certs, "localhost.crt"));
const key = readFileSync(join(certs, "localhost.key"));
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "tsyncio-tls-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("a tsyncio TLS client and a Node tls server", () => {
  let server: Server;
  let port: number;
  const seen: string[] = [];
  beforeAll(async () => {
    // Upper-cases each line; at "bye" says goodbye and ends.
    server = createServer({ cert, key }, (sock) => {
      let buf = "";
      sock.on("data", (d) => {
        buf += d.toString();
        for (let nl = buf.indexOf("\n"); nl >= 0; nl = buf.indexOf("\n")) {
          const line = buf.slice(0, nl);
          buf = buf.slice(nl + 1);
          seen.push(line);
          if (line === "bye") sock.end("goodbye\n");
          else sock.write(line.toUpperCase() + "\n");
        }
      });
      sock.on("error", () => {});
    });
    server.on("tlsClientError", () => {});
    await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => server.close());

  it("verifies the server against the loaded CA, exchanges lines and reports the connection", async () => {
    const r = await runPython(
      dir,
      `import asyncio, ssl, sys
async def main():
    ctx = ssl.create_default_context(cafile=sys.argv[2])
    reader, writer = await asyncio.open_connection("localhost", int(sys.argv[1]), ssl=ctx)
    tls = writer.get_extra_info("ssl_object")
    print(tls.version(), tls.server_hostname, writer.get_extra_info("peercert")["subject"])
    print(writer.get_extra_info("cipher")[1], writer.can_write_eof())
    for word in ["alpha", "beta"]:
        writer.write(word.encode() + b"\\n")
        await writer.drain()
        print(await reader.readline())
    writer.write(b"bye\\n")
    print(await reader.read())
    writer.close()
    await writer.wait_closed()
asyncio.run(main())
`,
      [String(port), join(certs, "localhost.crt")],
    );
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(
      "TLSv1.3 localhost ((('commonName', 'localhost'),),)\nTLSv1.3 False\nb'ALPHA\\n'\nb'BETA\\n'\nb'goodbye\\n'\n",
    );
    expect(seen.slice(-3)).toEqual(["alpha", "beta", "bye"]);
  });

  it("fails as CPython does: no trusted CA, a wrong name, a protocol version the server refuses", async () => {
    const r = await runPython(
      dir,
      `import asyncio, ssl, sys
async def main():
    port = int(sys.argv[1])
    trusted = ssl.create_default_context(cafile=sys.argv[2])
    for ctx, name in [(ssl.create_default_context(), None), (trusted, "example.com")]:
        try:
            await asyncio.open_connection("127.0.0.1", port, ssl=ctx, server_hostname=name)
        except ssl.SSLCertVerificationError as e:
            print(repr(e))
            print(e.verify_code, e.verify_message)
    # 1.2 at most on our side, 1.3 at least on the server's: a handshake failure (SSLError).
    old = ssl.create_default_context(cafile=sys.argv[2])
    old.maximum_version = ssl.TLSVersion.TLSv1_2
    try:
        await asyncio.open_connection("127.0.0.1", int(sys.argv[3]), ssl=old)
    except ssl.SSLError as e:
        print(repr(e), e.library, e.reason)
asyncio.run(main())
`,
      [String(port), join(certs, "localhost.crt"), String(strictPort)],
    );
    expect(r.stderr).toBe("");
    // CPython 3.12.1's output against the same Node servers and certificate.
    expect(r.stdout).toBe(
      "SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self-signed certificate (_ssl.c:1000)')\n" +
        "18 self-signed certificate\n" +
        `SSLCertVerificationError(1, "[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: Hostname mismatch, certificate is not valid for 'example.com'. (_ssl.c:1000)")\n` +
        "62 Hostname mismatch, certificate is not valid for 'example.com'.\n" +
        "SSLError(1, '[SSL: TLSV1_ALERT_PROTOCOL_VERSION] tlsv1 alert protocol version (_ssl.c:1000)') SSL TLSV1_ALERT_PROTOCOL_VERSION\n",
    );
  });
});

let strictPort = 0;
let strict: Server;
beforeAll(async () => {
  strict = createServer({ cert, key, minVersion: "TLSv1.3" }, (sock) => sock.end());
  strict.on("tlsClientError", () => {});
  await new Promise<void>((ok) => strict.listen(0, "127.0.0.1", ok));
  strictPort = (strict.address() as AddressInfo).port;
});
afterAll(() => strict.close());

describe("a tsyncio TLS server and a Node tls client", () => {
  it("serves a verifying Node client over start_server(ssl=...)", async () => {
    let portSeen: (p: number) => void;
    const portPromise = new Promise<number>((ok) => (portSeen = ok));
    const program = runPython(
      dir,
      `import asyncio, ssl, sys
async def handle(reader, writer):
    line = await reader.readline()
    tls = writer.get_extra_info("ssl_object")
    print("server got", line, tls.server_side, writer.get_extra_info("peercert"), flush=True)
    writer.write(b"echo: " + line)
    await writer.drain()
    writer.close()
    await writer.wait_closed()
    done.set()

async def main():
    global done
    done = asyncio.Event()
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(sys.argv[1], sys.argv[2])
    server = await asyncio.start_server(handle, "127.0.0.1", 0, ssl=ctx)
    print(server.sockets[0].getsockname()[1], flush=True)
    async with server:
        await done.wait()
asyncio.run(main())
`,
      [join(certs, "localhost.crt"), join(certs, "localhost.key")],
      { onStdout: (text) => /^\d+\n/.test(text) && portSeen(Number(text.split("\n")[0])) },
    );
    const port = await portPromise;
    const { reply, authorized, protocol } = await new Promise<{ reply: string; authorized: boolean; protocol: string | null }>((ok, fail) => {
      const sock: TLSSocket = connect({ port, host: "127.0.0.1", ca: cert, servername: "localhost" }, () => sock.write("hello\n"));
      let data = "";
      sock.on("data", (d) => (data += d));
      sock.on("end", () => ok({ reply: data, authorized: sock.authorized, protocol: sock.getProtocol() }));
      sock.on("error", fail);
    });
    expect(authorized).toBe(true);
    expect(protocol).toBe("TLSv1.3");
    expect(reply).toBe("echo: hello\n");
    const r = await program;
    expect(r.stderr).toBe("");
    expect(r.stdout.split("\n").slice(1)).toEqual(["server got b'hello\\n' True None", ""]);
  });
});
