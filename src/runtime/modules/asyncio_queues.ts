// asyncio.queues: `from asyncio.queues import Queue, PriorityQueue`.
export { Queue, PriorityQueue, LifoQueue, QueueFull, QueueEmpty } from "../asyncio/queues.js";
