// email: the package; message_from_string/message_from_bytes (headers and a text body, compat32),
// and its submodules message and utils. Not here: MIME, the parser and generator classes, policies.
import { noteModuleNamespace } from "../builtins/module-files.js";
import { NotImplementedError, TypeError } from "../builtins/exceptions.js";
import { popKw } from "../builtins/object.js";
import { typeName } from "../builtins/ops.js";
import { checkBytesLike } from "../asyncio/io_util.js";
import { latin1 } from "../builtins/codecs.js";
import { Message, parseMessage } from "./email_message.js";
import * as messageModule from "./email_message.js";
export { messageModule as message };
noteModuleNamespace(messageModule, "email.message");
import * as utilsModule from "./email_utils.js";
export { utilsModule as utils };
noteModuleNamespace(utilsModule, "email.utils");

/** message_from_string(s): a Message of the headers and the text after them. */
export function message_from_string(s: unknown, ...rest: unknown[]): Message {
  popKw(rest);
  if (typeof s !== "string") throw new TypeError(`initial_value must be str or None, not ${typeName(s)}`);
  return parseMessage(s);
}

/** message_from_bytes(b): ASCII bytes parsed as message_from_string parses text. */
export function message_from_bytes(b: unknown, ...rest: unknown[]): Message {
  popKw(rest);
  const bytes = checkBytesLike(b, "message_from_bytes() argument");
  // CPython keeps other bytes as surrogate escapes, which this Message does not model.
  if (bytes.some((x) => x > 0x7f)) throw new NotImplementedError("email.message_from_bytes() of non-ASCII bytes is not supported by tsyncio");
  return parseMessage(latin1(bytes));
}
