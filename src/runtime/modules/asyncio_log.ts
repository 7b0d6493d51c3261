// asyncio.log: `from asyncio.log import logger`, the logger asyncio reports through
// (logging.getLogger("asyncio"): setting its level silences or shows asyncio's messages).
import { getLogger } from "./logging.js";

export const logger = getLogger("asyncio");
