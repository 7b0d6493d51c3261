// tsyncio/runtime/internal: the public surface (index.ts) plus the runtime's machinery, for the CLI,
// the web host and tests: the host interface, repr/format/hash internals, the exception helpers.
// Not for translated programs (they import tsyncio/runtime only); it may change without notice.
export * from "./index.js";
export * from "./builtins/index.js";
// (the program's call and callv, which check the number of arguments: builtins' own are unchecked)
export { call, callv } from "./index.js";
export { host, setHost, getHost, useVirtualTime, virtualize, createDefaultHost, blockingSleep } from "./host.js";
export type { Host } from "./host.js";
