// Renders diagnostics for a terminal: `FILE:LINE:COL: error TSYxxxx: message`, the source line and a caret.

import type { Diagnostic } from "./diagnostic.js";

export function renderDiagnostic(d: Diagnostic, filename: string, source: string): string {
  const lines = source.split(/\r\n|\r|\n/);
  const text = lines[d.lineno - 1] ?? "";
  const gutter = String(d.lineno).length;
  const width = d.endLineno === d.lineno && d.endCol && d.endCol > d.col ? d.endCol - d.col : 1;
  const out = [
    `${filename}:${d.lineno}:${d.col}: ${d.severity} ${d.code}: ${d.message}`,
    `${" ".repeat(gutter)} |`,
    `${d.lineno} | ${text}`,
    `${" ".repeat(gutter)} | ${" ".repeat(Math.max(0, d.col - 1))}${"^".repeat(Math.max(1, width))}`,
  ];
  if (d.hint) out.push(`${" ".repeat(gutter)} = help: ${d.hint}`);
  return out.join("\n");
}
