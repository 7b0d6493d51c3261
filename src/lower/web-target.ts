// `tsyncio check --target web`: what a program uses that the web page cannot do. The page's
// runtime has no Host.io (no sockets, processes or signals to other processes), so these raise
// NotImplementedError naming the browser when they run (asyncio/io_selector.ts ioHost and the
// socket and subprocess modules); the check says so at translate time (TSY3006).
// test/web-target.test.ts checks each entry does raise that error without Host.io.
import type * as py from "../ast/nodes.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { Diagnostics } from "./context.js";
import { findApiUses } from "./unsupported-apis.js";

const NETWORK = "a web page has no sockets";
const PROCESSES = "a web page has no processes";

/** `module.name` → why the page cannot run it. */
export const WEB_UNSUPPORTED_NAMES: ReadonlyMap<string, string> = new Map([
  ...["open_connection", "start_server", "open_unix_connection", "start_unix_server"].map((n) => [`asyncio.${n}`, NETWORK] as const),
  ...["create_subprocess_exec", "create_subprocess_shell"].map((n) => [`asyncio.${n}`, PROCESSES] as const),
  ...["socket", "socketpair", "create_connection", "create_server", "gethostname", "getfqdn"].map((n) => [`socket.${n}`, NETWORK] as const),
  ...["run", "call", "check_call", "check_output", "Popen", "getoutput", "getstatusoutput"].map((n) => [`subprocess.${n}`, PROCESSES] as const),
]);

/** Event loop methods (matched by name on any receiver, as TSY3005's) → why. */
export const WEB_UNSUPPORTED_LOOP_METHODS: ReadonlyMap<string, string> = new Map([
  ...[
    "create_connection",
    "create_server",
    "create_unix_connection",
    "create_unix_server",
    "create_datagram_endpoint",
    "getaddrinfo",
    "start_tls",
    "sendfile",
    "sock_accept",
    "sock_connect",
    "sock_recv",
    "sock_recv_into",
    "sock_recvfrom",
    "sock_recvfrom_into",
    "sock_sendall",
    "sock_sendto",
    "sock_sendfile",
    "add_reader",
    "add_writer",
  ].map((n) => [n, NETWORK] as const),
  ["subprocess_exec", PROCESSES],
  ["subprocess_shell", PROCESSES],
  ["add_signal_handler", "a web page has no signals"],
]);

/** TSY3006 for each use of an API the page cannot run. */
export function webUnsupportedApis(module: py.Module, source?: string): Diagnostic[] {
  const diags = new Diagnostics(source);
  findApiUses(module, WEB_UNSUPPORTED_NAMES, WEB_UNSUPPORTED_LOOP_METHODS, (node, shown, why) => diags.report(node, "TSY3006", { name: shown, why }));
  return diags.list;
}
