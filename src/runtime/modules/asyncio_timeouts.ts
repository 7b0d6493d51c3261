// asyncio.timeouts: `from asyncio import timeouts` then `timeouts.timeout(1)`.
export { Timeout, timeout, timeout_at } from "../asyncio/timeouts.js";
