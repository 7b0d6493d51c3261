// The runtime's modules by import specifier: the table the runner hands to translated JavaScript
// (`$rt["tsyncio/runtime/asyncio"]`), mirroring the package's `exports`.

import * as builtins from "./index.js";
import * as asyncio from "./asyncio/index.js";
import * as program from "./program.js";
import * as time from "./modules/time.js";
import * as random from "./modules/random.js";
import * as sys from "./modules/sys.js";

export const modules: Record<string, unknown> = {
  "tsyncio/runtime": builtins,
  "tsyncio/runtime/asyncio": asyncio,
  "tsyncio/runtime/program": program,
  "tsyncio/runtime/time": time,
  "tsyncio/runtime/random": random,
  "tsyncio/runtime/sys": sys,
};
