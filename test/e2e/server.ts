// A tiny static file server for the built page, with the headers that make it cross-origin
// isolated (SharedArrayBuffer → Atomics.wait sleeps in the runner worker).

import { createServer, type Server } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";
import type { AddressInfo } from "node:net";

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".wasm": "application/wasm",
};

export interface StaticServer {
  url: string;
  /** Every path asked for, in order (the sandbox tests check that a probe never arrived). */
  requests: string[];
  close(): Promise<void>;
}

export async function serveStatic(dir: string, options: { isolated?: boolean } = {}): Promise<StaticServer> {
  const root = normalize(dir + sep);
  const requests: string[] = [];
  const server: Server = createServer(async (req, res) => {
    requests.push(req.url ?? "");
    try {
      const url = new URL(req.url ?? "/", "http://localhost");
      let file = normalize(join(root, decodeURIComponent(url.pathname)));
      if (!file.startsWith(root)) throw new Error("outside");
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, "index.html");
      const body = await readFile(file);
      const headers: Record<string, string> = {
        "Content-Type": types[extname(file)] ?? "application/octet-stream",
        "Cache-Control": "no-store",
      };
      if (options.isolated !== false) {
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Cross-Origin-Embedder-Policy"] = "require-corp";
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
      }
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404, { "Content-Type": "text/plain" });
      res.end("not found");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
