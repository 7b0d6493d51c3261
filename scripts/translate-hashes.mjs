// Hashes of everything the compiler emits (JS, line map, name map, the spans tracebacks mark failing
// expressions with, unformatted TS and its line map, diagnostics, syntax errors) for every fixture program (input.py and the modules it imports), the
// examples/ (the seed examples and larger ones) and the generated benchmark program. For speed work: the output must not change.
//   node scripts/translate-hashes.mjs --write FILE    record (after `npx tsc -p tsconfig.json`)
//   node scripts/translate-hashes.mjs --check FILE    compare; lists what differs, exit 1 if any
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { compileToJs, transpile, translateProgram } from "../dist/index.js";
import { generateLarge } from "../bench/lib/gen-large.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const mode = args[0];
const file = args[1];
if ((mode !== "--write" && mode !== "--check") || !file) {
  console.error("usage: node scripts/translate-hashes.mjs --write|--check FILE");
  process.exit(2);
}

const hash = (value) =>
  createHash("sha256")
    .update(typeof value === "string" ? value : JSON.stringify(value))
    .digest("hex")
    .slice(0, 16);

function folderHost(folder, main) {
  return {
    read: (path) => (main && path === main.path ? main.source : existsSync(join(folder, path)) ? readFileSync(join(folder, path), "utf8") : null),
    exists: (path) => (main && path === main.path) || existsSync(join(folder, path)),
  };
}

/** Every file the program `mainPath` in `folder` compiles (as `tsyncio run` and `tsyncio FILE.py` do). */
async function programHashes(label, folder, mainPath, source) {
  const out = {};
  const host = folderHost(folder, source === undefined ? null : { path: mainPath, source });
  const js = await translateProgram([{ path: mainPath, main: true }], host, (src, o) => compileToJs(src, o));
  for (const u of js) {
    const r = u.result;
    out[`${label}/${u.path} js`] = r ? hash([r.js, r.lineMap, r.nameMap, r.diagnostics, r.syntaxError, r.localModules]) : "unreadable";
    if (r?.spans) out[`${label}/${u.path} spans`] = hash(r.spans);
  }
  const ts = await translateProgram([{ path: mainPath, main: true }], host, (src, o) => transpile(src, { ...o, format: false }));
  for (const u of ts) {
    const r = u.result;
    out[`${label}/${u.path} ts`] = r ? hash([r.code, r.map, r.diagnostics, r.syntaxError, r.localModules]) : "unreadable";
  }
  return out;
}

const all = {};
const fixtures = join(root, "fixtures");
for (const name of readdirSync(fixtures).sort()) {
  // errors-*: diagnostics only, compared exactly by test/diagnostics.test.ts.
  if (!existsSync(join(fixtures, name, "input.py")) || name.startsWith("errors-")) continue;
  Object.assign(all, await programHashes(`fixtures/${name}`, join(fixtures, name), "input.py"));
}
const examples = join(root, "examples");
for (const name of readdirSync(examples)
  .filter((f) => f.endsWith(".py"))
  .sort()) {
  Object.assign(all, await programHashes("examples", examples, name));
}
Object.assign(all, await programHashes("generated", root, "large.py", generateLarge(200)));

if (mode === "--write") {
  writeFileSync(file, JSON.stringify(all, null, 1) + "\n");
  console.log(`${Object.keys(all).length} hashes written to ${file}`);
} else {
  const before = JSON.parse(readFileSync(file, "utf8"));
  const keys = new Set([...Object.keys(before), ...Object.keys(all)]);
  // (a key the earlier file lacks, from an older version of this script, is new, not a difference)
  const added = [...keys].filter((k) => !(k in before));
  const diff = [...keys].filter((k) => k in before && before[k] !== all[k]);
  for (const k of diff) console.log(`differs: ${k}`);
  if (added.length) console.log(`${added.length} hashes not in ${file} (recorded by an older version of this script)`);
  console.log(diff.length ? `${diff.length} of ${keys.size} differ` : `all ${keys.size} identical`);
  process.exit(diff.length ? 1 : 0);
}
