// tsyncio/runtime: everything emitted code imports (builtins under their Python names + helpers).
export * from "./builtins/index.js";
export { host, setHost, getHost, useVirtualTime, virtualize, createDefaultHost, blockingSleep } from "./host.js";
export type { Host } from "./host.js";
