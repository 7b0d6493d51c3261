// src/ is formatted by prettier with the repository's .prettierrc.json (`npm run format`): a file
// that drifts from it fails here, so the code keeps one layout whoever edits it.
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

describe("formatting", () => {
  it("every file under src/ is as `npm run format` leaves it", () => {
    const r = spawnSync(process.execPath, [join(root, "node_modules/prettier/bin/prettier.cjs"), "--list-different", "src/**/*.ts"], { cwd: root, encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.stdout.trim().split("\n").filter(Boolean)).toEqual([]);
  }, 120_000);
});
