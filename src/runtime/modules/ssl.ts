// ssl: SSLContext, create_default_context and the module's exceptions and enums, for asyncio's TLS
// connections (the handshake is the host's: src/cli/io/tls.ts) and for blocking TLS sockets
// (SSLContext.wrap_socket: ssl_socket.ts). CPython: Lib/ssl.py (documented behaviour).
import { call } from "../builtins/ops.js";
import { PyObject } from "../builtins/object.js";
import { NotImplementedError } from "../builtins/exceptions.js";
import { IntEnum, IntFlag, _module_enum } from "./enum.js";
import { SSLContext, set_ssl_enums } from "../asyncio/ssl_context.js";
import { markUnsupported } from "../unsupported.js";

export {
  SSLContext,
  create_default_context,
  SSLError,
  SSLZeroReturnError,
  SSLWantReadError,
  SSLWantWriteError,
  SSLSyscallError,
  SSLEOFError,
  SSLCertVerificationError,
  SSLCertVerificationError as CertificateError,
} from "../asyncio/ssl_context.js";
export { SSLObject } from "../asyncio/io_ssl.js";
export { SSLSocket } from "./ssl_socket.js";
import { wrap_socket as wrapSocket } from "./ssl_socket.js";

const makeEnum = (cls: typeof IntEnum | typeof IntFlag, name: string, pairs: [string, number | bigint][]) => _module_enum(cls, "ssl", name, pairs);

export const VerifyMode = makeEnum(IntEnum, "VerifyMode", [
  ["CERT_NONE", 0],
  ["CERT_OPTIONAL", 1],
  ["CERT_REQUIRED", 2],
]);
export const CERT_NONE = VerifyMode.CERT_NONE;
export const CERT_OPTIONAL = VerifyMode.CERT_OPTIONAL;
export const CERT_REQUIRED = VerifyMode.CERT_REQUIRED;

export const _SSLMethod = makeEnum(IntEnum, "_SSLMethod", [
  ["PROTOCOL_TLS", 2],
  ["PROTOCOL_TLS_CLIENT", 16],
  ["PROTOCOL_TLS_SERVER", 17],
]);
export const PROTOCOL_TLS = _SSLMethod.PROTOCOL_TLS;
export const PROTOCOL_SSLv23 = _SSLMethod.PROTOCOL_TLS;
export const PROTOCOL_TLS_CLIENT = _SSLMethod.PROTOCOL_TLS_CLIENT;
export const PROTOCOL_TLS_SERVER = _SSLMethod.PROTOCOL_TLS_SERVER;

export const TLSVersion = makeEnum(IntEnum, "TLSVersion", [
  ["MINIMUM_SUPPORTED", -2],
  ["SSLv3", 768],
  ["TLSv1", 769],
  ["TLSv1_1", 770],
  ["TLSv1_2", 771],
  ["TLSv1_3", 772],
  ["MAXIMUM_SUPPORTED", -1],
]);

export const Options = makeEnum(IntFlag, "Options", [
  ["OP_ALL", 0x80000050n],
  ["OP_NO_SSLv2", 0],
  ["OP_NO_SSLv3", 0x2000000],
  ["OP_NO_TLSv1", 0x4000000],
  ["OP_NO_TLSv1_1", 0x10000000],
  ["OP_NO_TLSv1_2", 0x8000000],
  ["OP_NO_TLSv1_3", 0x20000000],
  ["OP_NO_COMPRESSION", 0x20000],
  ["OP_NO_TICKET", 0x4000],
  ["OP_CIPHER_SERVER_PREFERENCE", 0x400000],
  ["OP_SINGLE_DH_USE", 0],
  ["OP_SINGLE_ECDH_USE", 0],
  ["OP_NO_RENEGOTIATION", 0x40000000],
]);
/** Annotations name these enums as types: their members (the classes are made at run time). */
export type VerifyMode = IntEnum;
export type TLSVersion = IntEnum;
export type Options = IntFlag;
export const OP_ALL = Options.OP_ALL;
export const OP_NO_SSLv2 = Options.OP_NO_SSLv2;
export const OP_NO_SSLv3 = Options.OP_NO_SSLv3;
export const OP_NO_TLSv1 = Options.OP_NO_TLSv1;
export const OP_NO_TLSv1_1 = Options.OP_NO_TLSv1_1;
export const OP_NO_TLSv1_2 = Options.OP_NO_TLSv1_2;
export const OP_NO_TLSv1_3 = Options.OP_NO_TLSv1_3;
export const OP_NO_COMPRESSION = Options.OP_NO_COMPRESSION;

set_ssl_enums((kind, n) => call(({ VerifyMode, TLSVersion, _SSLMethod, Options } as Record<string, unknown>)[kind], BigInt(n)));

export const HAS_SNI = true;
export const HAS_ALPN = true;
export const HAS_TLSv1_3 = true;
export const HAS_NEVER_CHECK_COMMON_NAME = true;

/** An OID, as ssl.Purpose's members carry. CPython: ssl._ASN1Object (a namedtuple) */
export class _ASN1Object extends PyObject {
  declare nid: bigint;
  declare shortname: string;
  declare longname: string;
  declare oid: string;
  static make(nid: number, shortname: string, longname: string, oid: string): _ASN1Object {
    const o = Object.create(_ASN1Object.prototype) as _ASN1Object;
    Object.assign(o, { nid: BigInt(nid), shortname, longname, oid });
    return o;
  }
  __repr__(): string {
    return `_ASN1Object(nid=${this.nid}, shortname='${this.shortname}', longname='${this.longname}', oid='${this.oid}')`;
  }
}

/** ssl.Purpose: SERVER_AUTH (a client's context) and CLIENT_AUTH (a server's). */
class PurposeMember extends _ASN1Object {
  declare name: string;
  __repr__(): string {
    return `<Purpose.${this.name}: ${super.__repr__()}>`;
  }
  __str__(): string {
    return `Purpose.${this.name}`;
  }
}
function purpose(name: string, nid: number, shortname: string, longname: string, oid: string): PurposeMember {
  const p = Object.create(PurposeMember.prototype) as PurposeMember;
  Object.assign(p, { name, nid: BigInt(nid), shortname, longname, oid });
  return p;
}
export const Purpose = {
  SERVER_AUTH: purpose("SERVER_AUTH", 129, "serverAuth", "TLS Web Server Authentication", "1.3.6.1.5.5.7.3.1"),
  CLIENT_AUTH: purpose("CLIENT_AUTH", 130, "clientAuth", "TLS Web Client Authentication", "1.3.6.1.5.5.7.3.2"),
};

/** ssl.wrap_socket() was removed in Python 3.12 (SSLContext.wrap_socket is the way). */
export function wrap_socket(..._args: unknown[]): never {
  throw new NotImplementedError("ssl.wrap_socket() (removed in Python 3.12) is not supported by tsyncio: use SSLContext.wrap_socket()");
}
markUnsupported(wrap_socket, "the module-level ssl.wrap_socket() (removed in Python 3.12; SSLContext.wrap_socket() is supported)");
Object.defineProperty(SSLContext.prototype, "wrap_socket", { value: wrapSocket, writable: true, configurable: true });
Object.defineProperty(SSLContext.prototype, "wrap_bio", {
  value: function wrap_bio(): never {
    throw new NotImplementedError("SSLContext.wrap_bio() is not supported by tsyncio");
  },
  writable: true,
  configurable: true,
});
