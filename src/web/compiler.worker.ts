// The compiler worker: Python → TypeScript (for display, prettier-formatted unless the page says
// otherwise) and JavaScript (what the runner runs, shown in the JS tab and used for a run). Loaded
// off the main thread so typing never waits for it; prettier is a separate chunk that format.ts
// imports on first use.
//
// The page's tabs are the program's files, all in one folder: the first is the script, and its
// `import helpers` finds the tab `helpers.py` as the CLI finds helpers.py beside the script.

import {
  compileToJs,
  formatSyntaxError,
  moduleIdentity,
  programModules,
  renderDiagnostic,
  syntaxErrorModule,
  transpile,
  translateProgram,
  type ProgramHost,
  type ProgramModules,
  type ModuleIdentity,
} from "../index.js";
import { formatTypeScript } from "../emit/format.js";
import type { CompilerRequest, CompilerResponse, ProgramFile } from "./protocol.js";

const scope = self as unknown as {
  postMessage(message: CompilerResponse): void;
  onmessage: ((e: MessageEvent<CompilerRequest>) => void) | null;
};

function errorText(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}

function tabsHost(files: ProgramFile[]): ProgramHost {
  return {
    read: (path) => files.find((f) => f.name === path)?.source ?? null,
    exists: (path) => files.some((f) => f.name === path),
  };
}

/** How one tab is translated: the script alone as `tsyncio FILE.py` does, or as a file of the program. */
function fileOptions(files: ProgramFile[], name: string): { filename: string; module?: ModuleIdentity; modules?: ProgramModules } {
  if (files.length === 1) return { filename: name };
  const modules = programModules(tabsHost(files));
  return files[0]!.name === name ? { filename: name, modules } : { filename: name, module: moduleIdentity(name, false), modules };
}

// Prettier is a large chunk: until it has loaded, answer with the unformatted TypeScript first.
let prettierReady = false;
const prettierLoading = formatTypeScript("").then(
  () => void (prettierReady = true),
  () => void (prettierReady = true),
);

type Translated = Extract<CompilerResponse, { type: "translated" }>;

async function translate(req: Extract<CompilerRequest, { type: "translate" }>): Promise<Translated | null> {
  const t0 = performance.now();
  const source = req.files.find((f) => f.name === req.active)?.source ?? "";
  const options = fileOptions(req.files, req.active);
  const answer = (fields: Partial<Translated>): Translated => ({
    type: "translated",
    id: req.id,
    file: req.active,
    code: "",
    map: [],
    js: "",
    jsMap: [],
    diagnostics: [],
    syntaxError: null,
    internalError: null,
    ms: performance.now() - t0,
    formatted: true,
    ...fields,
  });
  try {
    const quick = !prettierReady && req.format;
    const r = await transpile(source, { ...options, format: req.format && !quick });
    const js = r.code ? compileToJs(source, options) : null;
    const result = answer({
      code: r.code,
      map: r.map,
      js: js?.js ?? "",
      jsMap: js?.lineMap ?? [],
      diagnostics: r.diagnostics,
      syntaxError: r.syntaxError,
      formatted: !quick || !r.code,
    });
    if (result.formatted) return result;
    // The formatted answer follows when prettier is there; later requests need not wait for it.
    scope.postMessage(result);
    void prettierLoading.then(async () => {
      const full = await translate(req);
      if (full) scope.postMessage(full);
    });
    return null;
  } catch (e) {
    return answer({ internalError: errorText(e) });
  }
}

async function compile(req: Extract<CompilerRequest, { type: "compile" }>): Promise<CompilerResponse> {
  try {
    const main = req.files[0]!.name;
    const units = await translateProgram([{ path: main, main: true }], tabsHost(req.files), (src, o) => {
      const compiled = compileToJs(src, req.files.length === 1 ? { filename: `${req.dir}/${main}` } : o);
      // A module's syntax error is raised by its `import` (the script's own is reported now, as CPython does).
      return compiled.syntaxError && o.module.name !== "__main__" ? syntaxErrorModule(compiled.syntaxError) : compiled;
    });
    let report = "";
    for (const u of units) {
      const path = `${req.dir}/${u.path}`;
      if (u.result?.syntaxError) report += formatSyntaxError({ ...u.result.syntaxError, filename: path });
      else for (const d of u.result?.diagnostics ?? []) if (d.severity === "error") report += renderDiagnostic(d, path, u.source ?? "");
    }
    if (report && !report.endsWith("\n")) report += "\n";
    const [script, ...imported] = units;
    if (report || !script?.result?.js) return { type: "compiled", id: req.id, program: null, report, internalError: null };
    const modules = imported.map((u) => ({
      name: u.module.name,
      file: u.path,
      path: `${req.dir}/${u.path}`,
      source: u.source!,
      js: u.result!.js,
      lineMap: u.result!.lineMap,
      nameMap: u.result!.nameMap,
      spans: u.result!.spans,
    }));
    const { js, lineMap, nameMap, spans } = script.result;
    return { type: "compiled", id: req.id, program: { js, lineMap, nameMap, spans, modules }, report: "", internalError: null };
  } catch (e) {
    return { type: "compiled", id: req.id, program: null, report: "", internalError: errorText(e) };
  }
}

// Requests are handled one at a time, in order.
let queue: Promise<void> = Promise.resolve();
scope.onmessage = (e) => {
  const req = e.data;
  queue = queue.then(async () => {
    const answer = req.type === "translate" ? await translate(req) : await compile(req);
    if (answer) scope.postMessage(answer);
  });
};
scope.postMessage({ type: "ready" });
