// The import directions docs/architecture.md promises, checked on the sources:
// - only src/cli/ uses Node's APIs (the runtime also runs in a browser worker, the compiler in one);
// - src/runtime/ imports nothing from outside src/runtime/ but the packages listed here;
// - no import cycle (strongly connected set of files) beyond KNOWN_CYCLES, which is empty;
// - src/runtime/builtins/ files import only down their layers (BUILTINS_LAYERS).
import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join, relative, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");

/** Packages the runtime may import (it is bundled into the page's runner too). */
const RUNTIME_PACKAGES = new Set(["pako"]);

/**
 * Import cycles the project accepts (strongly connected sets of files): none since December 2026,
 * when the last ones (builtins 14 files, asyncio + importer + program 7, parse 3, mock 2) were broken.
 * A cycle is never added here: a call up the layers goes through a hook the higher file registers.
 */
const KNOWN_CYCLES: string[][] = [];

/**
 * The layers of src/runtime/builtins/ (docs/architecture.md, "The runtime's layers"), lowest first:
 * a file imports only files of its own layer or lower ones. A call up the layers goes through
 * late.ts. A new file must be placed here.
 */
const BUILTINS_LAYERS: string[][] = [
  [
    "names",
    "js-names",
    "numhash",
    "late",
    "slots",
    "half-float",
    "star-call",
    "program-functions",
    "int-from-number",
    "suggestions",
    "builtin-dirs",
    "builtin-arity",
    "module-files",
    "class-descriptors",
    "libm",
  ],
  ["exceptions", "surrogates"],
  ["int-limit", "codecs", "object", "abstract-refusal", "mro", "repr", "keywords", "arity"],
  ["protocol"],
  ["sequence", "collections", "slices", "subclassable", "instance-dict", "signature-info"],
  ["format", "percent", "strformat", "bytesmethods", "bytes", "intbytes", "strmethods"],
  ["ops"],
  [
    "memoryview",
    "hostfs",
    "stdio-errors",
    "textcodec",
    "textio",
    "io",
    "memio",
    "stdin",
    "stdbinary",
    "functions",
    "value-subclass",
    "primitive-dunders",
    "descriptors",
    "mappingproxy",
  ],
  ["index"],
  // (gives the builtins index exports their argument counts)
  ["builtin-arity-marks"],
];

interface Source {
  file: string;
  specifiers: string[];
}

function sources(): Source[] {
  const out: Source[] = [];
  const walk = (d: string): void => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith(".ts") && !p.endsWith(".d.ts")) {
        const text = readFileSync(p, "utf8");
        const specifiers = [
          ...text.matchAll(
            /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|(?<!typeof )\bimport\(\s*["']([^"']+)["']\s*\)|(?:^|\n)\s*import\s+["']([^"']+)["']/g,
          ),
        ]
          // `import type` is erased at compile time: no run-time dependency, no cycle.
          .filter((m) => !/^\s*(?:import|export)\s+type\s/.test(m[0]))
          .map((m) => (m[1] ?? m[2] ?? m[3])!);
        out.push({ file: relative(root, p), specifiers });
      }
    }
  };
  walk(join(root, "src"));
  return out;
}

const isNodeBuiltin = (s: string) => s.startsWith("node:") || builtinModules.includes(s.split("/")[0]!);
const resolveLocal = (file: string, s: string) => relative(root, resolve(dirname(join(root, file)), s.replace(/\.js$/, ".ts")));

/** Strongly connected sets of more than one file (Tarjan), each sorted. */
function cycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1) found.push(scc.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe("architecture: import directions", () => {
  const all = sources();

  it("only src/cli/ imports Node's APIs", () => {
    const offenders = all.filter((s) => !s.file.startsWith("src/cli/")).flatMap((s) => s.specifiers.filter(isNodeBuiltin).map((x) => `${s.file}: ${x}`));
    expect(offenders).toEqual([]);
  });

  it("src/runtime/ imports only src/runtime/ and its listed packages", () => {
    const offenders = all
      .filter((s) => s.file.startsWith("src/runtime/"))
      .flatMap((s) =>
        s.specifiers
          .filter((x) => (x.startsWith(".") ? !resolveLocal(s.file, x).startsWith("src/runtime/") : !RUNTIME_PACKAGES.has(x)))
          .map((x) => `${s.file}: ${x}`),
      );
    expect(offenders).toEqual([]);
  });

  it("no new import cycle: each cycle lies inside a known one", () => {
    const graph = new Map(all.map((s) => [s.file, s.specifiers.filter((x) => x.startsWith(".")).map((x) => resolveLocal(s.file, x))]));
    const known = KNOWN_CYCLES.map((c) => new Set(c));
    const grown = cycles(graph).filter((c) => !known.some((k) => c.every((f) => k.has(f))));
    expect(grown).toEqual([]);
  });

  it("src/runtime/builtins/ imports only down its layers", () => {
    const layerOf = new Map(BUILTINS_LAYERS.flatMap((names, i) => names.map((n) => [`src/runtime/builtins/${n}.ts`, i] as const)));
    const inBuiltins = all.filter((s) => s.file.startsWith("src/runtime/builtins/"));
    expect(inBuiltins.map((s) => s.file).filter((f) => !layerOf.has(f))).toEqual([]);
    const upward = inBuiltins.flatMap((s) =>
      s.specifiers
        .filter((x) => x.startsWith("."))
        .map((x) => resolveLocal(s.file, x))
        .filter((to) => layerOf.has(to) && layerOf.get(to)! > layerOf.get(s.file)!)
        .map((to) => `${s.file} -> ${to}`),
    );
    expect(upward).toEqual([]);
  });
});
