// How typed the TypeScript of typed Python programs is (issue 18), over every fixture and eval
// program that has annotations:
//   - the share of annotated parameters, returns and class fields whose TS type is `any`
//   - dynamic helper calls (getattr, setattr, callm, eq, add, ...) per 100 emitted lines, over all of
//     them; over the typed programs (more than half of their parameters annotated, `self`/`cls` not
//     counted: the issue's "typed programs"); and like for like on the fixed list of programs
//     the issue started from (scripts/typing-baseline.json: their counts then, the same programs now)
//   - errors of `tsc --strict --noImplicitAny` over the emitted files
//   node scripts/typing-report.mjs [--json FILE] [--verbose] [--dump DIR] [--all]     (after `npm run build`)
//   --dump DIR writes each program's emitted TS to DIR (to read the helper calls in context)
//   --all also type-checks the programs without annotations (counted apart: the figures above
//   stay those of the annotated programs)
//   --only TEXT keeps the programs whose label (`eval/NNN_name.py`, `fixtures/NAME`) contains TEXT
//   (several texts, comma-separated: any of them)
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { ts } from "ts-morph";
import { transpile, translateProgram } from "../dist/index.js";
import { parse } from "../dist/parse/index.js";
import { walk } from "../dist/ast/walk.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const verbose = args.includes("--verbose");
const jsonOut = args.includes("--json") ? args[args.indexOf("--json") + 1] : null;
const dumpDir = args.includes("--dump") ? resolve(args[args.indexOf("--dump") + 1]) : null;
const all = args.includes("--all");
const only = args.includes("--only") ? args[args.indexOf("--only") + 1].split(",") : null;

/** Runtime helpers that stand for Python's dynamic semantics: what plain typed code would not need. */
const DYNAMIC = new Set(
  `getattr setattr delattr callm call callkw eq ne lt le gt ge is_ contains add sub mul truediv floordiv mod pow matmul
  lshift rshift bitor bitxor bitand neg pos invert iadd isub imul itruediv ifloordiv imod ipow imatmul ilshift irshift
  ior ixor iand getitem setitem delitem getslice truthy awaitable`.split(/\s+/),
);

/** Programs: every fixture (its input.py) and every eval program, each with the folder it lives in. */
function programs() {
  const out = [];
  const fixtures = join(root, "fixtures");
  for (const name of readdirSync(fixtures).sort()) {
    const dir = join(fixtures, name);
    if (name.startsWith("errors-") || !existsSync(join(dir, "input.py"))) continue;
    out.push({ label: `fixtures/${name}`, dir, main: "input.py" });
  }
  const external = join(root, "eval/external");
  for (const f of readdirSync(external)
    .filter((f) => f.endsWith(".py"))
    .sort())
    out.push({ label: `eval/${f}`, dir: external, main: f });
  return out;
}

/** The annotated parameters, returns and class fields of a Python source. */
function annotations(source) {
  const { module } = parse(source, "x.py");
  const items = [];
  const params = { total: 0, annotated: 0 };
  if (!module) return { items, params };
  const visit = (body, className) => {
    for (const s of body) {
      if (s._type === "FunctionDef" || s._type === "AsyncFunctionDef") {
        const a = s.args;
        const all = [...a.posonlyargs, ...a.args, ...a.kwonlyargs, a.vararg, a.kwarg].filter(Boolean);
        for (const p of all) {
          if (p.annotation) items.push({ kind: "param", fn: s.name, name: p.arg, line: s.lineno });
        }
        // A method's `self`/`cls` is never annotated: not counted for "typed program".
        const staticMethod = s.decorator_list.some((d) => d._type === "Name" && d.id === "staticmethod");
        const counted = className !== undefined && !staticMethod && all[0] === (a.posonlyargs[0] ?? a.args[0]) ? all.slice(1) : all;
        params.total += counted.length;
        params.annotated += counted.filter((p) => p.annotation).length;
        if (s.returns) items.push({ kind: "return", fn: s.name, async: s._type === "AsyncFunctionDef", line: s.lineno });
        visit(s.body, undefined);
      } else if (s._type === "ClassDef") {
        for (const item of s.body)
          if (item._type === "AnnAssign" && item.target._type === "Name") items.push({ kind: "field", cls: s.name, name: item.target.id, line: item.lineno });
        visit(s.body, s.name);
      } else {
        for (const key of ["body", "orelse", "finalbody"]) if (Array.isArray(s[key])) visit(s[key], className);
        if (s._type === "Try" || s._type === "TryStar") for (const h of s.handlers) visit(h.body, className);
      }
    }
  };
  visit(module.body);
  let any = false;
  walk(module, (n) => {
    if (n._type === "AnnAssign" || (n._type === "arg" && n.annotation) || ((n._type === "FunctionDef" || n._type === "AsyncFunctionDef") && n.returns))
      any = true;
  });
  return any ? { items, params } : null;
}

/** The issue's "typed programs": more than half of the parameters annotated. */
const isTyped = (params) => params.total > 0 && params.annotated * 2 > params.total;

const strip = (name) => (name.endsWith("__") ? name : name.replace(/_$/, ""));

/** The TS types of functions (by name, in order) and class members in emitted code. */
function tsDeclarations(code) {
  const sf = ts.createSourceFile("x.ts", code, ts.ScriptTarget.ES2022, true);
  const functions = new Map(); // name -> [{ params: Map, ret }]
  const fields = new Map(); // class -> Map(field -> type)
  const text = (t) => (t ? t.getText(sf) : "any");
  const fnName = (n) => {
    if (n.name && ts.isIdentifier(n.name)) return n.name.text;
    for (let p = n.parent; p; p = p.parent) {
      if (ts.isVariableDeclaration(p) && ts.isIdentifier(p.name)) return p.name.text;
      if (ts.isBinaryExpression(p) && ts.isIdentifier(p.left)) return p.left.text;
      if (ts.isPropertyAssignment(p) && ts.isIdentifier(p.name)) return p.name.text;
      if (ts.isBlock(p) || ts.isSourceFile(p)) break;
    }
    return "";
  };
  const visit = (n) => {
    if (ts.isFunctionDeclaration(n) || ts.isFunctionExpression(n) || ts.isMethodDeclaration(n) || ts.isGetAccessorDeclaration(n) || ts.isArrowFunction(n)) {
      const name = strip(fnName(n));
      const params = new Map(n.parameters.map((p) => [strip(p.name.getText(sf).replace(/^\.\.\./, "")), text(p.type)]));
      // *args, keyword-only parameters and **kwargs are bound from the rest parameter by
      // `let name: T = _args.kw[...]` at the top of the body: their TS type is that declaration's.
      // (an annotated `*args` alone: `let args: PyTuple<T> = varargs($rest)`)
      for (const st of n.body && ts.isBlock(n.body) ? n.body.statements.slice(0, 40) : []) {
        if (!ts.isVariableStatement(st)) continue;
        for (const d of st.declarationList.declarations) {
          const init = d.initializer?.getText(sf) ?? "";
          if (ts.isIdentifier(d.name) && /^(_args\d*\.(args|kwargs|kw\[)|varargs\(\$rest\))/.test(init)) params.set(strip(d.name.text), text(d.type));
        }
      }
      let ret = text(n.type);
      const gen = n.type && ts.isTypeReferenceNode(n.type) && n.type.typeName.getText(sf) === "Generator" ? n.type.typeArguments?.[1] : undefined;
      if (gen) ret = gen.getText(sf);
      if (!functions.has(name)) functions.set(name, []);
      functions.get(name).push({ params, ret, generator: !!gen });
    }
    if ((ts.isClassDeclaration(n) || ts.isClassExpression(n)) && n.name) {
      const m = new Map();
      // (instance fields: a constant read from the class also has a `declare static` of its own)
      const isStatic = (member) => member.modifiers?.some((k) => k.kind === ts.SyntaxKind.StaticKeyword);
      for (const member of n.members)
        if (ts.isPropertyDeclaration(member) && member.name && !isStatic(member)) m.set(strip(member.name.getText(sf)), text(member.type));
      fields.set(strip(n.name.text), m);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  let dynamic = 0;
  const count = (n) => {
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && DYNAMIC.has(n.expression.text.replace(/^\$/, ""))) {
      dynamic++;
      const h = n.expression.text.replace(/^\$/, "");
      byHelper.set(h, (byHelper.get(h) ?? 0) + 1);
    }
    ts.forEachChild(n, count);
  };
  count(sf);
  return { functions, fields, dynamic };
}

/** Dynamic helper calls by helper, over all programs (printed with --verbose). */
const byHelper = new Map();

const isAny = (t) => t === undefined || t.trim() === "any";

async function main() {
  const work = mkdtempSync(join(tmpdir(), "tsyncio-typing-"));
  // The emitted files import "tsyncio/runtime...": resolve it to this package.
  mkdirSync(join(work, "node_modules"));
  symlinkSync(root, join(work, "node_modules/tsyncio"), "dir");
  const totals = { programs: 0, annotated: 0, anyTyped: 0, lines: 0, dynamic: 0, tscErrors: 0 };
  const perProgram = [];
  const tsFiles = [];
  // Each program in its own folder (several share module names), all checked by one tsc run.
  const writeProgram = (units, label, annotated) => {
    const out = join(work, String(tsFiles.length));
    for (const u of units) {
      if (!u.result?.code) continue;
      const file = join(out, u.module.name === "__main__" ? "main.ts" : u.path.replace(/\.py$/, ".ts"));
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, u.result.code);
      if (u.module.name === "__main__") tsFiles.push({ file, label, annotated });
    }
  };
  let otherErrors = 0;
  try {
    for (const p of programs()) {
      if (only && !only.some((o) => p.label.includes(o))) continue;
      const found = annotations(readFileSync(join(p.dir, p.main), "utf8"));
      if (!found && !all) continue;
      const { items, params } = found ?? { items: [], params: { total: 0, annotated: 0 } };
      const host = {
        exists: (path) => existsSync(join(p.dir, path)) && statSync(join(p.dir, path)).isFile(),
        read: (path) => (existsSync(join(p.dir, path)) ? readFileSync(join(p.dir, path), "utf8") : null),
      };
      const units = await translateProgram([{ path: p.main, main: true }], host, (source, options) => transpile(source, options));
      const main = units.find((u) => u.module.name === "__main__")?.result;
      if (!main || !main.code) continue;
      if (dumpDir) {
        mkdirSync(dumpDir, { recursive: true });
        writeFileSync(join(dumpDir, p.label.replace(/\//g, "__").replace(/\.py$/, "") + ".ts"), main.code);
      }
      if (!found) {
        writeProgram(units, p.label, false);
        continue;
      }
      totals.programs++;
      const decl = tsDeclarations(main.code);
      const lines = main.code.split("\n").length;
      const seen = new Map();
      const anyItems = [];
      for (const item of items) {
        let type;
        if (item.kind === "field") type = decl.fields.get(item.cls)?.get(item.name);
        else {
          const list = decl.functions.get(item.fn) ?? [];
          const key = `${item.fn}:${item.line}`;
          if (!seen.has(key)) seen.set(key, list.shift());
          const fn = seen.get(key);
          type = item.kind === "param" ? fn?.params.get(item.name) : fn?.ret;
        }
        totals.annotated++;
        if (isAny(type)) {
          totals.anyTyped++;
          anyItems.push(`${item.kind} ${item.cls ?? item.fn}.${item.name ?? "return"} (line ${item.line})`);
        }
      }
      totals.lines += lines;
      totals.dynamic += decl.dynamic;
      perProgram.push({
        label: p.label,
        annotated: items.length,
        params: `${params.annotated}/${params.total}`,
        typed: isTyped(params),
        any: anyItems.length,
        dynamic: decl.dynamic,
        lines,
        dynamicPer100: +((100 * decl.dynamic) / lines).toFixed(1),
        anyItems,
      });
      writeProgram(units, p.label, true);
    }
    const config = {
      compilerOptions: {
        target: "ES2022",
        module: "NodeNext",
        moduleResolution: "NodeNext",
        strict: true,
        noImplicitAny: true,
        noEmit: true,
        skipLibCheck: true,
        types: [],
      },
      files: tsFiles.map((f) => f.file),
    };
    writeFileSync(join(work, "tsconfig.json"), JSON.stringify(config));
    const r = spawnSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", join(work, "tsconfig.json")], { encoding: "utf8", cwd: work });
    const errors = (r.stdout + r.stderr).split("\n").filter((l) => /error TS\d+/.test(l));
    // (an error in a program's own module counts for that program)
    const annotatedError = (e) => tsFiles[Number(/^(\d+)\//.exec(e.replace(work + "/", ""))?.[1])]?.annotated !== false;
    totals.tscErrors = errors.filter(annotatedError).length;
    otherErrors = errors.length - totals.tscErrors;
    if (verbose) for (const e of errors) console.log(e.replace(work + "/", "").replace(/^(\d+)\/main\.ts/, (_, n) => `${tsFiles[Number(n)]?.label}`));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  if (verbose)
    for (const p of perProgram)
      console.log(
        `${p.label}: ${p.any}/${p.annotated} any, ${p.dynamicPer100} dynamic/100 lines, params annotated ${p.params}${p.typed ? " (typed)" : ""}${p.anyItems.length ? "\n    " + p.anyItems.join("\n    ") : ""}`,
      );
  if (verbose)
    console.log(
      [...byHelper]
        .sort((a, b) => b[1] - a[1])
        .map(([h, n]) => `${h} ${n}`)
        .join(", "),
    );
  const share = totals.annotated ? (100 * totals.anyTyped) / totals.annotated : 0;
  const rate = (list) => {
    const d = list.reduce((n, p) => n + p.dynamic, 0);
    const l = list.reduce((n, p) => n + p.lines, 0);
    return { dynamic: d, lines: l, per100: l ? (100 * d) / l : 0, text: `${l ? ((100 * d) / l).toFixed(2) : "-"} (${d} in ${l} lines)` };
  };
  const typed = perProgram.filter((p) => p.typed);
  // Like for like: the programs of the baseline that still exist, then and now.
  const baseline = JSON.parse(readFileSync(join(root, "scripts/typing-baseline.json"), "utf8"));
  const now = new Map(perProgram.map((p) => [p.label, p]));
  const kept = baseline.programs.filter((p) => now.has(p.label));
  const before = rate(kept);
  const after = rate(kept.map((p) => now.get(p.label)));
  const gone = baseline.programs.length - kept.length;
  const likeForLike = { commit: baseline.commit, programs: kept.length, removed: gone, before: before.per100, after: after.per100 };
  console.log(`programs with annotations:         ${totals.programs}`);
  console.log(`annotated params/returns/fields:   ${totals.annotated}, typed any: ${totals.anyTyped} (${share.toFixed(1)}%)`);
  console.log(`dynamic helper calls / 100 lines:`);
  console.log(`  all ${totals.programs} programs:                ${rate(perProgram).text}`);
  console.log(`  ${typed.length} typed programs (> half the params annotated): ${rate(typed).text}`);
  console.log(
    `  like for like, the ${kept.length} programs of ${baseline.commit} (issue start${gone ? `; ${gone} removed since` : ""}): ` +
      `${before.per100.toFixed(2)} then, ${after.per100.toFixed(2)} now (${after.dynamic} calls, were ${before.dynamic}); goal ${(before.per100 / 2).toFixed(2)}`,
  );
  const keptTyped = kept.filter((p) => now.get(p.label).typed);
  console.log(
    `    of them the ${keptTyped.length} typed: ${rate(keptTyped).per100.toFixed(2)} then, ${rate(keptTyped.map((p) => now.get(p.label))).per100.toFixed(2)} now`,
  );
  console.log(`tsc --strict --noImplicitAny:      ${totals.tscErrors} errors`);
  if (all) console.log(`  and in the ${tsFiles.filter((f) => !f.annotated).length} programs without annotations: ${otherErrors} errors`);
  const typedRate = rate(typed).per100;
  if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ totals, typedPrograms: { count: typed.length, per100: typedRate }, likeForLike, perProgram }, null, 1));
}

await main();
