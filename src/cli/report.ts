// How the translator and `check` report problems: one format for syntax errors and TSY diagnostics
// (`FILE:LINE:COL: error CODE: message` and a code frame, FILE relative to the working folder),
// coloured on a terminal (never with NO_COLOR or when piped; FORCE_COLOR forces it), or with
// --json one JSON object per line on stdout; and a count of errors at the end, as tsc prints.
// (`run` prints a script's syntax error as CPython does instead: see main.ts.)

import { relative } from "node:path";
import { palette, renderDiagnostic, type Diagnostic, type ProgramUnit, type PySyntaxError } from "../index.js";

export interface JsonDiagnostic {
  file: string;
  line: number;
  column: number;
  endLine: number | null;
  endColumn: number | null;
  severity: "error" | "warning";
  code: string;
  message: string;
  hint?: string;
}

/** Colour on a terminal unless NO_COLOR is set (https://no-color.org); FORCE_COLOR=1 forces it. */
export function wantsColor(stream: NodeJS.WriteStream = process.stderr): boolean {
  const force = process.env.FORCE_COLOR;
  if (force !== undefined && force !== "") return force !== "0" && force !== "false";
  if (process.env.NO_COLOR) return false;
  return Boolean(stream.isTTY);
}

/** What the CLI reports: a compiler diagnostic, or a syntax error whose code is the exception's name. */
type Reported = Omit<Diagnostic, "code"> & { code: string };

/** A syntax error as a diagnostic: its code is the exception's name (SyntaxError, IndentationError, TabError). */
export function syntaxErrorDiagnostic(e: PySyntaxError): Reported {
  const sameLine = e.end_lineno === null || e.end_lineno === e.lineno;
  return {
    code: e.kind,
    severity: "error",
    message: e.msg,
    lineno: e.lineno,
    col: Math.max(1, e.offset),
    endLineno: e.end_lineno ?? e.lineno,
    endCol: sameLine && e.end_offset && e.end_offset > e.offset ? e.end_offset : undefined,
  };
}

/** `file` as the user should read it: relative to the working folder when it is inside it. */
export function relativePath(file: string): string {
  if (file === "-" || file === "<stdin>") return "<stdin>";
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith("..") ? rel : file;
}

export class Reporter {
  errors = 0;
  warnings = 0;
  private readonly filesWithErrors = new Set<string>();
  private colorChoice: boolean | undefined;

  constructor(readonly json: boolean) {}

  /** Asked when first needed: reading process.stderr sets the stream up, which a clean translation never writes to. */
  private get color(): boolean {
    this.colorChoice ??= !this.json && wantsColor();
    return this.colorChoice;
  }

  /** Reports a file's syntax error or diagnostics; true if any is an error. */
  report(file: string, source: string, diagnostics: Diagnostic[], syntaxError: PySyntaxError | null): boolean {
    const shown = relativePath(file);
    const all: Reported[] = syntaxError ? [syntaxErrorDiagnostic(syntaxError)] : diagnostics;
    for (const d of all) {
      if (d.severity === "error") {
        this.errors++;
        this.filesWithErrors.add(shown);
      } else this.warnings++;
      if (this.json) process.stdout.write(JSON.stringify(toJson(d, shown)) + "\n");
      else process.stderr.write(renderDiagnostic(d, shown, source, { color: this.color }) + "\n");
    }
    return all.some((d) => d.severity === "error");
  }

  /** An error without a position (an undecodable file): counted, printed as it is. */
  plain(file: string, message: string): void {
    this.errors++;
    this.filesWithErrors.add(relativePath(file));
    if (this.json)
      process.stdout.write(
        JSON.stringify({ file: relativePath(file), line: 1, column: 1, endLine: null, endColumn: null, severity: "error", code: "SyntaxError", message }) +
          "\n",
      );
    else process.stderr.write(`${message}\n`);
  }

  /** "Found 2 errors in 1 file." (nothing when there were none, or with --json). */
  summary(): void {
    if (this.json || (!this.errors && !this.warnings)) return;
    const c = palette(this.color);
    const count = (n: number, what: string) => `${n} ${what}${n === 1 ? "" : "s"}`;
    const parts = [this.errors ? c.red(count(this.errors, "error")) : "", this.warnings ? c.yellow(count(this.warnings, "warning")) : ""].filter(Boolean);
    const files = this.filesWithErrors.size;
    const where = files ? ` in ${files === 1 ? [...this.filesWithErrors][0] : count(files, "file")}` : "";
    process.stderr.write(`\nFound ${parts.join(" and ")}${where}.\n`);
  }
}

function toJson(d: Reported, file: string): JsonDiagnostic {
  const out: JsonDiagnostic = {
    file,
    line: d.lineno,
    column: d.col,
    endLine: d.endLineno ?? null,
    endColumn: d.endCol ?? null,
    severity: d.severity,
    code: d.code,
    message: d.message,
  };
  if (d.hint) out.hint = d.hint;
  return out;
}

/** What reportProgramErrors reads of a file's translation. */
export type Compiled = { diagnostics: Diagnostic[]; syntaxError: PySyntaxError | null };

/** Reports each file's errors; true if any file failed. */
export function reportProgramErrors<R extends Compiled>(reporter: Reporter, units: ProgramUnit<R>[], path: (unit: ProgramUnit<R>) => string): boolean {
  let failed = false;
  for (const u of units) {
    if (u.source === null || u.result === null) failed = true;
    else if (reporter.report(path(u), u.source, u.result.diagnostics, u.result.syntaxError)) failed = true;
  }
  return failed;
}
