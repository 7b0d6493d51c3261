// The Node host of a program running on its own (see standalone.ts), installed before any runtime
// module loads: sys.argv is read when sys does. `node out.js ARGS`: sys.argv is ['out.py', ARGS...]
// (out.js stands for the Python script it was translated from). TSYNCIO_VIRTUAL_TIME=1 runs
// asyncio's clock virtually, as `tsyncio run --virtual-time` does.
import { basename, relative } from "node:path";
import { installNodeHost } from "./node-host.js";

const script = process.argv[1] ?? "";
const asPython = relative(process.cwd(), script).replace(/\.[cm]?js$/, ".py") || basename(script);
installNodeHost({ virtualTime: process.env.TSYNCIO_VIRTUAL_TIME === "1", argv: [asPython, ...process.argv.slice(2)] });
