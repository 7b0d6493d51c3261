#!/usr/bin/env node
// Regenerates the parts of README.md that are a program's output, between their markers
// (<!-- generated: NAME --> ... <!-- end: NAME -->):
//   translated-source   examples/11_lazy_coroutine.py, the Python shown
//   translated-example  `tsyncio examples/11_lazy_coroutine.py`, its translation
//   hand-written        examples/hand-written.ts without its header comment
//   bundle-sizes        the web page's chunks as `vite build` makes them (kB minified / gzip -9)
// Run after `npm run build`:  node scripts/update-readme.mjs   (--check: exit 1 if README differs)
// test/readme.test.ts keeps the first two exact and the sizes within 10%.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** The web page's chunks: which files, what they hold and when they load. */
export const CHUNKS = [
  { files: [/^index\.html$/, /^index-.*\.css$/], name: "`index.html` + `index-*.css`", loads: "at once" },
  { files: [/^index-.*\.js$/], name: "`index-*.js`: the page, CodeMirror, Python highlighting", loads: "at once: the page is interactive" },
  { files: [/^ts-language-.*\.js$/], name: "`ts-language-*.js`: TypeScript highlighting", loads: "after the page" },
  { files: [/^compiler\.worker-.*\.js$/], name: "`compiler.worker-*.js`: parser, lowering, emitter", loads: "in the compiler worker, after the page" },
  { files: [/^(standalone|estree|typescript)-.*\.js$/], name: "`standalone-*.js`, `estree-*.js`, `typescript-*.js`: prettier", loads: "in the compiler worker, after the first translation" },
  { files: [/^unicode-names-data-.*$/], name: "`unicode-names-data-*`: Unicode character names", loads: "by the compiler worker, only for a `\\N{...}` escape" },
  { files: [/^runner\.worker-.*\.js$/], name: "`runner.worker-*.js`: the runtime", loads: "in each run's worker (one is preloaded)" },
  { files: [/^docs\.html$/, /^docs-.*\.(js|css)$/], name: "`docs.html` + `docs-*`: the documentation page (this README)", loads: "only when the Docs link is opened" },
];

/** Builds the page into a temporary folder; returns { row name → [kB, gzip kB] } and any file no row describes. */
export function measureBundles() {
  const out = mkdtempSync(join(tmpdir(), "tsyncio-web-size-"));
  try {
    const r = spawnSync(process.execPath, [join(root, "node_modules/vite/bin/vite.js"), "build", "--config", join(root, "vite.web.config.ts"), "--outDir", out, "--emptyOutDir", "--logLevel", "warn"], { cwd: root, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`vite build failed:\n${r.stdout}${r.stderr}`);
    const files = [...readdirSync(out).map((f) => ({ name: f, path: join(out, f) })), ...readdirSync(join(out, "assets")).map((f) => ({ name: f, path: join(out, "assets", f) }))].filter((f) => !f.name.endsWith(".map") && f.name !== "assets");
    const sizes = new Map(CHUNKS.map((c) => [c.name, [0, 0]]));
    const unknown = [];
    for (const f of files) {
      const chunk = CHUNKS.find((c) => c.files.some((re) => re.test(f.name)));
      if (!chunk) {
        unknown.push(f.name);
        continue;
      }
      const bytes = readFileSync(f.path);
      const s = sizes.get(chunk.name);
      s[0] += bytes.length / 1000;
      s[1] += gzipSync(bytes, { level: 9 }).length / 1000;
    }
    return { sizes, unknown };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const kB = (n) => (n < 10 ? n.toFixed(1) : String(Math.round(n)));

function bundleTable() {
  const { sizes, unknown } = measureBundles();
  if (unknown.length) process.stderr.write(`update-readme: no row describes ${unknown.join(", ")} (add it to CHUNKS)\n`);
  const rows = CHUNKS.map((c) => `| ${c.name} | ${c.loads} | ${kB(sizes.get(c.name)[0])} | ${kB(sizes.get(c.name)[1])} |`);
  return ["| chunk | loads | size | gzip |", "|---|---|---:|---:|", ...rows].join("\n");
}

export const EXAMPLE = "examples/11_lazy_coroutine.py";

function translatedExample() {
  const r = spawnSync(process.execPath, [join(root, "bin/tsyncio.js"), EXAMPLE], { cwd: root, encoding: "utf8" });
  if (r.status !== 0) throw new Error(r.stderr);
  return "```ts\n" + r.stdout + "```";
}

/** examples/hand-written.ts from its first import on (the header comment says how to run it). */
export function handWrittenBody() {
  const text = readFileSync(join(root, "examples/hand-written.ts"), "utf8");
  return text.slice(text.indexOf("import "));
}

export function replaceSection(readme, name, body) {
  const start = `<!-- generated: ${name} -->`;
  const end = `<!-- end: ${name} -->`;
  const a = readme.indexOf(start);
  const b = readme.indexOf(end);
  if (a < 0 || b < a) throw new Error(`README.md has no ${start} ... ${end} section`);
  return `${readme.slice(0, a + start.length)}\n${body}\n${readme.slice(b)}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = join(root, "README.md");
  const before = readFileSync(file, "utf8");
  let readme = replaceSection(before, "translated-source", "```python\n" + readFileSync(join(root, EXAMPLE), "utf8") + "```");
  readme = replaceSection(readme, "translated-example", translatedExample());
  readme = replaceSection(readme, "hand-written", "```ts\n" + handWrittenBody() + "```");
  readme = replaceSection(readme, "bundle-sizes", bundleTable());
  if (process.argv.includes("--check")) {
    console.log(readme === before ? "README.md is up to date" : "README.md differs from what scripts/update-readme.mjs generates");
    process.exit(readme === before ? 0 : 1);
  }
  writeFileSync(file, readme);
  console.log(readme === before ? "README.md unchanged" : "README.md updated");
}
