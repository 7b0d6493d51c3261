// src/runtime/lazy-module-hooks.ts: in the bundled CLI the modules ssl and socket load on first use;
// until then what asyncio made (an SSL context, a transport's socket) loads them when it shows one
// of their enums or is asked to wrap a socket, and then answers as the module does.
import { describe, expect, it } from "vitest";
import { SSLContext } from "../src/runtime/asyncio/ssl_context.js";
import { TransportSocket } from "../src/runtime/asyncio/io_transports.js";
import * as ssl from "../src/runtime/modules/ssl.js";
import * as socket from "../src/runtime/modules/socket.js";
import { lazyModuleHooks } from "../src/runtime/lazy-module-hooks.js";
import { call, repr } from "../src/runtime/index.js";

describe("hooks of the lazily loaded modules ssl and socket", () => {
  it("a context's enums, wrap_bio and a transport socket's family load the module, then answer as it does", () => {
    const proto = SSLContext.prototype as unknown as Record<string, unknown>;
    const real = { wrap_socket: proto.wrap_socket, wrap_bio: proto.wrap_bio };
    const loads = { ssl: 0, socket: 0 };
    // What loading ssl does in the bundle: the module's own methods replace the stand-ins.
    const loadSsl = () => {
      loads.ssl++;
      for (const [name, f] of Object.entries(real)) Object.defineProperty(proto, name, { value: f, writable: true, configurable: true });
      return ssl as unknown as Record<string, unknown>;
    };
    const loadSocket = () => {
      loads.socket++;
      return socket as unknown as Record<string, unknown>;
    };
    lazyModuleHooks({ ssl: loadSsl, socket: loadSocket });
    expect(proto.wrap_bio).not.toBe(real.wrap_bio);
    const ctx = call(SSLContext, ssl.PROTOCOL_TLS_CLIENT) as SSLContext & { verify_mode: unknown; wrap_bio(): unknown };
    expect(repr(ctx.verify_mode)).toBe("<VerifyMode.CERT_REQUIRED: 2>");
    expect(loads).toEqual({ ssl: 1, socket: 0 });
    expect(() => ctx.wrap_bio()).toThrow(/wrap_bio\(\) is not supported/);
    expect(proto.wrap_bio).toBe(real.wrap_bio);
    const sock = Object.assign(Object.create(TransportSocket.prototype), { _family: 2, _kind: 1 }) as { family: unknown; type: unknown };
    expect([repr(sock.family), repr(sock.type)]).toEqual(["<AddressFamily.AF_INET: 2>", "<SocketKind.SOCK_STREAM: 1>"]);
    expect(loads.socket).toBe(2);
  });
});
