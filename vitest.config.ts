import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "grammar-tests/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // `tsyncio run` keeps translations in a per-user cache folder: the tests' runs must not write
    // there (test/translation-cache.test.ts turns it on, in a temporary folder of its own).
    env: { TSYNCIO_NO_CACHE: "1" },
  },
});
