// What every command shares: usage errors and exit codes, option scanning, reading the script.
// Kept free of the compiler: `tsyncio run` loads this part of the CLI without it (entry.ts).

import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { cantOpen, decodeSource } from "./files.js";

export class UsageError extends Error {}

export function missing(option: string): never {
  throw new UsageError(`option '${option}' needs a value`);
}

/**
 * Runs a command and gives its exit status: a usage error is 2 with a hint, anything unexpected is
 * an internal error (70). Each half of the bundled CLI has its own copy of UsageError, so each
 * catches its own errors here.
 */
export async function exitStatus(command: () => Promise<number>): Promise<number> {
  try {
    return await command();
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`tsyncio: ${e.message}\nTry 'tsyncio --help'.\n`);
      return 2;
    }
    const err = e as Error;
    process.stderr.write(
      `tsyncio: internal error: ${err?.message ?? String(e)}\nThis is a bug in tsyncio; please report it with the input file.\n${process.env.TSYNCIO_DEBUG ? (err?.stack ?? "") : ""}`,
    );
    return 70;
  }
}

/** Where OPTION is in argv, or -1; with beforeFile (run), only options before the script count. */
export function optionIndex(argv: string[], option: string, beforeFile: boolean): number {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === option) return i;
    if (argv[i] === "--") return -1;
    if (beforeFile && !argv[i].startsWith("-")) return -1;
    if (beforeFile && (argv[i] === "--timeout" || argv[i] === "--python")) i++;
  }
  return -1;
}

/**
 * The source as CPython decodes it (BOM, PEP 263 coding cookie, else strict UTF-8); null after
 * reporting a decoding error (through `report`, else on stderr).
 */
export function readSource(file: string, report?: (message: string) => void): string | null {
  let bytes: Buffer;
  try {
    bytes = file === "-" ? readFileSync(0) : readFileSync(file);
  } catch (e) {
    throw new UsageError(cantOpen(file, e));
  }
  const decoded = decodeSource(bytes, displayPath(file));
  if (typeof decoded === "string") return decoded;
  if (report) report(`SyntaxError: ${decoded.error}`);
  else process.stderr.write(`SyntaxError: ${decoded.error}\n`);
  return null;
}

/** The script's path as CPython shows it in a syntax error (absolute). */
export function displayPath(file: string): string {
  return file === "-" ? "<stdin>" : resolve(file);
}
