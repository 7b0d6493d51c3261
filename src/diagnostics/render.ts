// Renders diagnostics for a terminal: `FILE:LINE:COL: error TSYxxxx: message`, the source line and a
// caret; with `color`, ANSI colours as compilers use them (bold location, red error, yellow warning).

import type { Diagnostic } from "./diagnostic.js";

const ansi = (code: string) => (text: string) => `\x1b[${code}m${text}\x1b[0m`;
const PLAIN = { bold: (s: string) => s, red: (s: string) => s, yellow: (s: string) => s, cyan: (s: string) => s, dim: (s: string) => s };
const COLOURS = { bold: ansi("1"), red: ansi("1;31"), yellow: ansi("1;33"), cyan: ansi("36"), dim: ansi("2") };

export type Palette = typeof PLAIN;
export const palette = (color: boolean): Palette => (color ? COLOURS : PLAIN);

export function renderDiagnostic(d: Omit<Diagnostic, "code"> & { code: string }, filename: string, source: string, options: { color?: boolean } = {}): string {
  const c = palette(options.color ?? false);
  const lines = source.split(/\r\n|\r|\n/);
  const text = lines[d.lineno - 1] ?? "";
  const gutter = String(d.lineno).length;
  const width = d.endLineno === d.lineno && d.endCol && d.endCol > d.col ? d.endCol - d.col : 1;
  const severity = d.severity === "error" ? c.red(d.severity) : c.yellow(d.severity);
  const mark = d.severity === "error" ? c.red : c.yellow;
  const out = [
    `${c.bold(`${filename}:${d.lineno}:${d.col}`)}: ${severity} ${c.dim(d.code)}: ${d.message}`,
    c.cyan(`${" ".repeat(gutter)} |`),
    `${c.cyan(`${d.lineno} |`)} ${text}`,
    `${c.cyan(`${" ".repeat(gutter)} |`)} ${" ".repeat(Math.max(0, d.col - 1))}${mark("^".repeat(Math.max(1, width)))}`,
  ];
  if (d.hint) out.push(`${" ".repeat(gutter)} = ${c.bold("help")}: ${d.hint}`);
  return out.join("\n");
}
