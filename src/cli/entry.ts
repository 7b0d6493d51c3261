// What bin/tsyncio.js runs. `tsyncio run` is handled here, in the runtime half of the bundled CLI,
// so that a run whose translation is cached never loads the compiler (main.ts and what it imports,
// the other half); every other command goes to main.ts.

import { exitStatus, optionIndex } from "./command-line.js";
import { run } from "./run.js";

export { loadRunner } from "./runner.js";
// main.ts (the other half) hands `run --watch`'s runs here.
export { run };

export async function main(argv: string[]): Promise<number> {
  if (argv[0] === "run" && optionIndex(argv.slice(1), "--watch", true) < 0) return exitStatus(() => run(argv.slice(1)));
  return (await import("./main.js")).main(argv);
}
