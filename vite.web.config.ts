// Vite config for the converter page (src/web): `npm run web` serves it, `npm run web:build`
// writes the static site into dist-web/. Kept apart from vitest.config.ts.
//
// COOP/COEP make the page cross-origin isolated, so SharedArrayBuffer exists and the runner
// worker's sleeps block with Atomics.wait instead of spinning. Hosts that cannot send these headers
// still work: the worker busy-waits.

import { defineConfig } from "vite";
import { fileURLToPath } from "node:url";
import { readFileSync } from "node:fs";

const root = fileURLToPath(new URL(".", import.meta.url));
const { version } = JSON.parse(readFileSync(`${root}package.json`, "utf8")) as { version: string };
export const isolationHeaders = {
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Embedder-Policy": "require-corp",
  "Cross-Origin-Resource-Policy": "same-origin",
};

export default defineConfig({
  root: `${root}src/web`,
  base: "./",
  publicDir: false,
  // The version the page shows (its header, the documentation page).
  define: { __TSYNCIO_VERSION__: JSON.stringify(version) },
  clearScreen: false,
  build: {
    outDir: `${root}dist-web`,
    emptyOutDir: true,
    target: "es2022",
    sourcemap: false,
    reportCompressedSize: true,
    chunkSizeWarningLimit: 1500,
    // Every browser the page supports preloads modules itself: no polyfill chunk.
    modulePreload: { polyfill: false },
    // The playground, and the documentation page (the README) it links to.
    rolldownOptions: { input: { index: `${root}src/web/index.html`, docs: `${root}src/web/docs.html` } },
  },
  worker: {
    format: "es",
    // The runtime prints class and function names (`AttributeError: ...`, `<Task ... coro=<main()>>`):
    // the minifier must keep them.
    rolldownOptions: { output: { keepNames: true } },
  },
  server: { headers: isolationHeaders, fs: { allow: [root] } },
  preview: { headers: isolationHeaders },
});
