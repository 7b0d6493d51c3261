// `tsyncio run`'s translation: the script and the program's own modules it imports, errors
// reported as the translator reports them. In the compiler half of the bundled CLI: run.ts loads it
// only when the translation cache has no answer.

import { join } from "node:path";
import { parse } from "../parse/index.js";
import { mayUsePep695, pep695SyntaxError } from "../parse/pep695-versions.js";
import { Reporter, reportProgramErrors } from "./report.js";
import { compileToJs, formatSyntaxError, syntaxErrorModule, translateProgram, type ProgramHost } from "../index.js";
import type { OutputSpan } from "../emit/print.js";

/** A translated file as the runner takes it (and the translation cache stores it). */
export interface RunUnit {
  /** The module's name (`__main__` for the script). */
  name: string;
  /** Its path relative to the program's folder. */
  file: string;
  source: string;
  js: string;
  lineMap: number[];
  nameMap: string[];
  spans?: OutputSpan[];
}

/**
 * Translates the script (`mainPath` in `root`, read through `host`), then the modules it imports.
 * Gives the units, the script's first, or the exit status after reporting why it cannot run.
 * `quiet`: no file had a diagnostic (a warning is printed now; a cached translation would not print it).
 */
export async function translateForRun(
  file: string,
  path: string,
  root: string,
  mainPath: string,
  host: ProgramHost,
  pythonVersion: string | undefined,
): Promise<{ units: RunUnit[]; quiet: boolean } | { status: number }> {
  const units = await translateProgram([{ path: mainPath, main: true }], host, (src, o) => {
    const compiled = compileToJs(src, o);
    // Python 3.10 has no type-parameter syntax: its SyntaxError, as if the parser had found it.
    if (pythonVersion === "3.10" && !compiled.syntaxError && mayUsePep695(src)) {
      const parsed = parse(src, o.filename ?? "");
      compiled.syntaxError = parsed.module && pep695SyntaxError(src, parsed.module, o.filename ?? "");
    }
    // A module's syntax error is raised by its `import` (the script's own is reported now, as CPython does).
    return compiled.syntaxError && o.module.name !== "__main__" ? syntaxErrorModule(compiled.syntaxError) : compiled;
  });
  // The script's syntax error as CPython prints it (its absolute path, as `python FILE` shows);
  // what tsyncio cannot translate as the translator reports it.
  const syntaxError = units[0].result?.syntaxError;
  if (syntaxError) {
    process.stderr.write(formatSyntaxError({ ...syntaxError, filename: path }));
    return { status: 1 };
  }
  const reporter = new Reporter(false);
  const failed = reportProgramErrors(reporter, units, (u) => (u.module.name === "__main__" ? file : join(root, u.path)));
  reporter.summary();
  if (failed) return { status: 1 };
  const quiet = units.every((u) => u.result!.diagnostics.length === 0);
  return {
    quiet,
    units: units.map((u) => ({
      name: u.module.name,
      file: u.path,
      source: u.source!,
      js: u.result!.js,
      lineMap: u.result!.lineMap,
      nameMap: u.result!.nameMap,
      spans: u.result!.spans,
    })),
  };
}
