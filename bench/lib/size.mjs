// Bundle size of the runtime's asyncio part: esbuild (minified, ESM, bundled) then gzip -9.
// node bench/lib/size.mjs   → one JSON object (bytes)
import { build } from "esbuild";
import { gzipSync } from "node:zlib";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const runtime = resolve(root, "src/runtime");

async function bundle(contents, { externalBuiltins }) {
  const r = await build({
    stdin: { contents, resolveDir: runtime, sourcefile: "entry.ts", loader: "ts" },
    bundle: true, minify: true, format: "esm", write: false, treeShaking: true, logLevel: "silent",
    plugins: externalBuiltins ? [{
      name: "outside-asyncio",
      // Everything outside src/runtime/asyncio (builtins, host, program) is "the rest of the runtime".
      setup(b) {
        b.onResolve({ filter: /^\.\.?\// }, (a) => {
          const p = resolve(a.resolveDir, a.path);
          return a.importer && p.startsWith(runtime + "/asyncio/") || a.kind === "entry-point" || a.importer === "<stdin>" ? null : { path: p, external: true };
        });
      },
    }] : [],
  });
  const code = r.outputFiles[0].contents;
  return { min: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

const all = `export * from "./asyncio/index.ts";`;
const small = `import { run, sleep, gather } from "./asyncio/index.ts"; export { run, sleep, gather };`;
const result = {
  asyncioOnly: await bundle(all, { externalBuiltins: true }),
  asyncioWithDeps: await bundle(all, { externalBuiltins: false }),
  runSleepGatherOnly: await bundle(small, { externalBuiltins: true }),
  wholeRuntime: await bundle(`export * from "./registry.ts";`, { externalBuiltins: false }),
};
process.stdout.write(JSON.stringify(result) + "\n");
