// What the modules ssl and socket give the rest of the runtime when they load. asyncio's SSL
// contexts show their numbers as ssl's enums (verify_mode, protocol, minimum_version...) and have
// SSLContext.wrap_socket / wrap_bio (modules/ssl.ts); a transport's socket shows its family and
// type as socket's enums (modules/socket.ts). The bundled CLI loads both modules on a program's
// first import of them only (their enums and the enum machinery cost ~2 ms of every run's
// start-up): until then these stand in, and load the module when first used, so that what asyncio
// made shows the same as after `import ssl` / `import socket`.

import { call } from "./builtins/ops.js";
import { SSLContext, set_ssl_enums } from "./asyncio/ssl_context.js";
import { socketEnums } from "./asyncio/io_transports.js";

type Method = (this: SSLContext, ...args: unknown[]) => unknown;
type Module = Record<string, unknown>;

/** Installs the stand-ins; each `load` loads its module (which replaces them) and returns it. */
export function lazyModuleHooks(load: { ssl: () => Module; socket: () => Module }): void {
  set_ssl_enums((kind, n) => call(load.ssl()[kind], BigInt(n)));
  const proto = SSLContext.prototype as unknown as Record<string, Method>;
  for (const name of ["wrap_socket", "wrap_bio"]) {
    const standIn: Method = {
      [name](this: SSLContext, ...args: unknown[]): unknown {
        load.ssl();
        const method = proto[name];
        if (method === standIn) throw new Error(`the module ssl did not define SSLContext.${name}`);
        return method.apply(this, args);
      },
    }[name];
    Object.defineProperty(proto, name, { value: standIn, writable: true, configurable: true });
  }
  socketEnums.family = (n) => call(load.socket().AddressFamily, BigInt(n));
  socketEnums.kind = (n) => call(load.socket().SocketKind, BigInt(n));
}
