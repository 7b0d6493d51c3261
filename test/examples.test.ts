// examples/*.ts: hand-written TypeScript against the runtime type-checks under --strict and runs.
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");

describe("hand-written TypeScript on the runtime", () => {
  it("examples/hand-written.ts type-checks and prints what asyncio would", () => {
    const file = join(root, "examples/hand-written.ts");
    const tsc = spawnSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "--ignoreConfig", "--noEmit", "--strict", "--module", "nodenext", "--moduleResolution", "nodenext", "--target", "es2022", "--skipLibCheck", "--types", "node", file], { encoding: "utf8", cwd: root });
    expect(tsc.stdout + tsc.stderr).toBe("");
    const run = spawnSync(process.execPath, ["--import", "tsx", file], { encoding: "utf8", cwd: root });
    expect(run.stdout).toBe("b done\na done\n['a', 'b']\n");
  });
});
