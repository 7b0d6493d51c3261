// The (host, port) pairs of UDP endpoints, checked as CPython checks them: local_addr and
// remote_addr of loop.create_datagram_endpoint() go through the loop's address resolution (a
// numeric port string is accepted, a service name is looked up), the address of
// transport.sendto() goes straight to socket.sendto() (the port must be an integer).
import { OverflowError, TypeError, ValueError } from "../builtins/exceptions.js";
import { PyTuple } from "../builtins/collections.js";
import { call, typeName } from "../builtins/ops.js";
import { index } from "../builtins/protocol.js";
import { int } from "../builtins/functions.js";
import { gaierror, _service_port } from "../modules/socket.js";
import { isIpLiteral } from "./io_util.js";
import { _isNone } from "./_util.js";

export type HostPort = [string, number];

const AF_INET = 2;
const AF_INET6 = 10;

function checkPortRange(port: bigint, op: string): number {
  if (port < 0n || port > 65535n) throw new OverflowError(`${op}(): port must be 0-65535.`);
  return Number(port);
}

function isText(x: unknown): x is string | Uint8Array {
  return typeof x === "string" || x instanceof Uint8Array;
}

/**
 * The port as the loop's resolution reads it for a numeric host: None and "" are 0, anything int()
 * accepts is that number; null when int() refuses it (the C library then sees the raw value).
 */
function numericPort(port: unknown): bigint | null {
  if (_isNone(port)) return 0n;
  if (isText(port) && port.length === 0) return 0n;
  try {
    return call(int, port) as bigint;
  } catch (e) {
    if (e instanceof TypeError || e instanceof ValueError) return null;
    throw e;
  }
}

/** The port as getaddrinfo() takes it; a service name is not looked up: CPython's answer for an unknown one. */
function portOrService(port: unknown): bigint {
  return _service_port(port, () => {
    throw new gaierror(-8n, "Servname not supported for ai_socktype");
  });
}

/**
 * local_addr or remote_addr of create_datagram_endpoint(): exactly a 2-tuple, resolved for
 * `family` (0: any). `op` names the socket call that would refuse an out-of-range port.
 */
export function endpointAddress(addr: unknown, family: number, op: "bind" | "connect"): HostPort {
  if (!(addr instanceof PyTuple) || addr.length !== 2) throw new TypeError("2-tuple is expected");
  const [hostArg, portArg] = [addr[0], addr[1]];
  const host = hostArg instanceof Uint8Array ? new TextDecoder().decode(hostArg) : _isNone(hostArg) ? null : String(hostArg);
  if (host !== null && isIpLiteral(host)) {
    const hostFamily = host.includes(":") ? AF_INET6 : AF_INET;
    const port = numericPort(portArg) ?? portOrService(portArg);
    if (family !== 0 && family !== hostFamily) throw new gaierror(-9n, "Address family for hostname not supported");
    return [host, checkPortRange(port, op)];
  }
  const port = checkPortRange(portOrService(portArg), op);
  // No host: the C library answers with the loopback addresses, IPv6 first.
  if (host === null) return [family === AF_INET ? "127.0.0.1" : "::1", port];
  return [host, port];
}

/** The address of transport.sendto() on an unconnected socket, as socket.sendto() parses it. */
export function sendtoAddress(addr: unknown, family: number): HostPort {
  const v6 = family === AF_INET6;
  const what = v6 ? "AF_INET6" : "AF_INET";
  if (!(addr instanceof PyTuple)) throw new TypeError(`sendto(): ${what} address must be tuple, not ${typeName(addr)}`);
  if (v6 ? addr.length < 2 || addr.length > 4 : addr.length !== 2)
    throw new TypeError(v6 ? "AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])" : "AF_INET address must be a pair (host, port)");
  const host = addr[0] instanceof Uint8Array ? new TextDecoder().decode(addr[0]) : String(addr[0]);
  return [host, checkPortRange(index(addr[1]), "sendto")];
}
