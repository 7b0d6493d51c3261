// asyncio.taskgroups: `from asyncio import taskgroups` then `taskgroups.TaskGroup()`.
export { TaskGroup } from "../asyncio/taskgroups.js";
