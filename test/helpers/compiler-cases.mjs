// Compiler unit cases in the lezer test format (test/compiler/*.txt):
//
//   # What the case shows
//
//   python source
//
//   ==>
//
//   the TypeScript tsyncio prints for it (or its diagnostics, rendered as the CLI prints them)
//
// A case's source ends at the `==>` line (so it may hold `# comments`); its expected text ends
// where a line starting with `# ` opens the next case. Shared by test/compiler.test.ts and
// scripts/record-compiler-tests.mjs, which fills in the expected sections.

/** @param {string} text @returns {{ name: string; source: string; expected: string }[]} */
export function parseCases(text) {
  const cases = [];
  let current = null;
  let inExpected = false;
  for (const line of text.split("\n")) {
    if ((!current || inExpected) && line.startsWith("# ")) {
      current = { name: line.slice(2).trim(), source: [], expected: [] };
      cases.push(current);
      inExpected = false;
    } else if (current && !inExpected && line === "==>") inExpected = true;
    else if (current) (inExpected ? current.expected : current.source).push(line);
    else if (line.trim()) throw new Error(`text before the first case: ${line}`);
  }
  const trim = (lines) => lines.join("\n").replace(/^\n+/, "").replace(/\s+$/, "");
  return cases.map((c) => ({ name: c.name, source: trim(c.source) + "\n", expected: trim(c.expected) }));
}

/** @param {{ name: string; source: string; expected: string }[]} cases */
export function formatCases(cases) {
  return cases.map((c) => `# ${c.name}\n\n${c.source}\n==>\n\n${c.expected}\n`).join("\n");
}

/**
 * What the compiler prints for a case's source. `compiler`: the package's entry (src/index.ts in
 * tests, dist/index.js in scripts). @param {string} source
 */
export async function compileCase(source, { transpile, renderDiagnostic }) {
  const r = await transpile(source, { filename: "case.py" });
  if (r.syntaxError) return `SyntaxError: ${r.syntaxError.msg} (line ${r.syntaxError.lineno})`;
  if (r.diagnostics.length) return r.diagnostics.map((d) => renderDiagnostic(d, "case.py", source)).join("\n");
  return r.code.replace(/\s+$/, "");
}
