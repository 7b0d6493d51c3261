// asyncio.locks: `from asyncio.locks import Lock, Event`.
export { Lock, Event, Condition, Semaphore, BoundedSemaphore, Barrier } from "../asyncio/locks.js";
