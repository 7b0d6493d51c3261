// A Node error as the runtime's IoError (errno numbers from the operating system's table).
import { constants as osConstants } from "node:os";
import type { IoError } from "../../runtime/io-messages.js";

export function ioError(e: NodeJS.ErrnoException, syscall: string): IoError {
  const code = e.code ?? "EIO";
  const errno = (osConstants.errno as Record<string, number>)[code] ?? 5;
  return { code, errno, syscall: e.syscall ?? syscall };
}
