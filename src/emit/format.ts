// Prettier, for TypeScript meant to be read. Loaded lazily: `tsyncio run` never needs it.

export async function formatTypeScript(code: string): Promise<string> {
  const prettier = await import("prettier");
  return prettier.format(code, { parser: "typescript", printWidth: 100 });
}
