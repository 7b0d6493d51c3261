// The compiler's table of runtime classes (src/lower/runtime-classes.ts) must describe the runtime
// as built: a class the table misses would be called without `new` and fail at run time.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");

describe("runtime class table", () => {
  it("is up to date (regenerate with: node scripts/gen-runtime-classes.mjs)", async () => {
    const gen = await import(join(root, "scripts/gen-runtime-classes.mjs"));
    const expected = gen.render(await gen.runtimeClasses(), await gen.runtimeNames());
    expect(readFileSync(join(root, "src/lower/runtime-classes.ts"), "utf8")).toBe(expected);
  });

  it("the table of what the runtime only raises NotImplementedError for is up to date (same command)", async () => {
    const gen = await import(join(root, "scripts/gen-runtime-classes.mjs"));
    const expected = gen.renderUnsupported(await gen.runtimeUnsupported());
    expect(readFileSync(join(root, "src/lower/runtime-unsupported.ts"), "utf8")).toBe(expected);
  });

  // (the TypeScript checker reads the runtime's declarations: seconds, more under load)
  it("the table of the runtime classes' members is up to date (same command)", { timeout: 120_000 }, async () => {
    const gen = await import(join(root, "scripts/runtime-class-members.mjs"));
    const expected = gen.renderMembers(await gen.runtimeClassMembers(root));
    expect(readFileSync(join(root, "src/lower/runtime-class-members.ts"), "utf8")).toBe(expected);
  });
});
