// errno: Linux's error numbers (what CPython has on Linux) and errorcode (number → name).
import { PyDict } from "../builtins/collections.js";

const TABLE =
  "EPERM=1 ENOENT=2 ESRCH=3 EINTR=4 EIO=5 ENXIO=6 E2BIG=7 ENOEXEC=8 EBADF=9 ECHILD=10 EAGAIN=11 " +
  "EWOULDBLOCK=11 ENOMEM=12 EACCES=13 EFAULT=14 ENOTBLK=15 EBUSY=16 EEXIST=17 EXDEV=18 ENODEV=19 " +
  "ENOTDIR=20 EISDIR=21 EINVAL=22 ENFILE=23 EMFILE=24 ENOTTY=25 ETXTBSY=26 EFBIG=27 ENOSPC=28 ESPIPE=29 " +
  "EROFS=30 EMLINK=31 EPIPE=32 EDOM=33 ERANGE=34 EDEADLK=35 EDEADLOCK=35 ENAMETOOLONG=36 ENOLCK=37 " +
  "ENOSYS=38 ENOTEMPTY=39 ELOOP=40 ENOMSG=42 EIDRM=43 ECHRNG=44 EL2NSYNC=45 EL3HLT=46 EL3RST=47 " +
  "ELNRNG=48 EUNATCH=49 ENOCSI=50 EL2HLT=51 EBADE=52 EBADR=53 EXFULL=54 ENOANO=55 EBADRQC=56 EBADSLT=57 " +
  "EBFONT=59 ENOSTR=60 ENODATA=61 ETIME=62 ENOSR=63 ENONET=64 ENOPKG=65 EREMOTE=66 ENOLINK=67 EADV=68 " +
  "ESRMNT=69 ECOMM=70 EPROTO=71 EMULTIHOP=72 EDOTDOT=73 EBADMSG=74 EOVERFLOW=75 ENOTUNIQ=76 EBADFD=77 " +
  "EREMCHG=78 ELIBACC=79 ELIBBAD=80 ELIBSCN=81 ELIBMAX=82 ELIBEXEC=83 EILSEQ=84 ERESTART=85 ESTRPIPE=86 " +
  "EUSERS=87 ENOTSOCK=88 EDESTADDRREQ=89 EMSGSIZE=90 EPROTOTYPE=91 ENOPROTOOPT=92 EPROTONOSUPPORT=93 " +
  "ESOCKTNOSUPPORT=94 ENOTSUP=95 EOPNOTSUPP=95 EPFNOSUPPORT=96 EAFNOSUPPORT=97 EADDRINUSE=98 " +
  "EADDRNOTAVAIL=99 ENETDOWN=100 ENETUNREACH=101 ENETRESET=102 ECONNABORTED=103 ECONNRESET=104 " +
  "ENOBUFS=105 EISCONN=106 ENOTCONN=107 ESHUTDOWN=108 ETOOMANYREFS=109 ETIMEDOUT=110 ECONNREFUSED=111 " +
  "EHOSTDOWN=112 EHOSTUNREACH=113 EALREADY=114 EINPROGRESS=115 ESTALE=116 EUCLEAN=117 ENOTNAM=118 " +
  "ENAVAIL=119 EISNAM=120 EREMOTEIO=121 EDQUOT=122 ENOMEDIUM=123 EMEDIUMTYPE=124 ECANCELED=125 " +
  "ENOKEY=126 EKEYEXPIRED=127 EKEYREVOKED=128 EKEYREJECTED=129 EOWNERDEAD=130 ENOTRECOVERABLE=131 " +
  "ERFKILL=132 ";
/** Numbers with two names: the one errorcode gives. */
const PREFERRED = new Set(["EAGAIN", "EDEADLOCK", "ENOTSUP"]);

const entries = TABLE.trim()
  .split(/\s+/)
  .map((kv) => kv.split("="))
  .map(([k, v]) => [k, BigInt(v)] as const);

// A number with a preferred name is named by it (one pass: the table is read at every start-up).
const preferredNumbers = new Set(entries.filter(([k]) => PREFERRED.has(k)).map(([, v]) => v));
export const errorcode: PyDict<bigint, string> = PyDict.fromEntries(
  entries.filter(([k, v]) => PREFERRED.has(k) || !preferredNumbers.has(v)).map(([k, v]) => [v, k] as [bigint, string]),
);
export const EPERM = 1n;
export const ENOENT = 2n;
export const ESRCH = 3n;
export const EINTR = 4n;
export const EIO = 5n;
export const ENXIO = 6n;
export const E2BIG = 7n;
export const ENOEXEC = 8n;
export const EBADF = 9n;
export const ECHILD = 10n;
export const EAGAIN = 11n;
export const EWOULDBLOCK = 11n;
export const ENOMEM = 12n;
export const EACCES = 13n;
export const EFAULT = 14n;
export const ENOTBLK = 15n;
export const EBUSY = 16n;
export const EEXIST = 17n;
export const EXDEV = 18n;
export const ENODEV = 19n;
export const ENOTDIR = 20n;
export const EISDIR = 21n;
export const EINVAL = 22n;
export const ENFILE = 23n;
export const EMFILE = 24n;
export const ENOTTY = 25n;
export const ETXTBSY = 26n;
export const EFBIG = 27n;
export const ENOSPC = 28n;
export const ESPIPE = 29n;
export const EROFS = 30n;
export const EMLINK = 31n;
export const EPIPE = 32n;
export const EDOM = 33n;
export const ERANGE = 34n;
export const EDEADLK = 35n;
export const EDEADLOCK = 35n;
export const ENAMETOOLONG = 36n;
export const ENOLCK = 37n;
export const ENOSYS = 38n;
export const ENOTEMPTY = 39n;
export const ELOOP = 40n;
export const ENOMSG = 42n;
export const EIDRM = 43n;
export const ECHRNG = 44n;
export const EL2NSYNC = 45n;
export const EL3HLT = 46n;
export const EL3RST = 47n;
export const ELNRNG = 48n;
export const EUNATCH = 49n;
export const ENOCSI = 50n;
export const EL2HLT = 51n;
export const EBADE = 52n;
export const EBADR = 53n;
export const EXFULL = 54n;
export const ENOANO = 55n;
export const EBADRQC = 56n;
export const EBADSLT = 57n;
export const EBFONT = 59n;
export const ENOSTR = 60n;
export const ENODATA = 61n;
export const ETIME = 62n;
export const ENOSR = 63n;
export const ENONET = 64n;
export const ENOPKG = 65n;
export const EREMOTE = 66n;
export const ENOLINK = 67n;
export const EADV = 68n;
export const ESRMNT = 69n;
export const ECOMM = 70n;
export const EPROTO = 71n;
export const EMULTIHOP = 72n;
export const EDOTDOT = 73n;
export const EBADMSG = 74n;
export const EOVERFLOW = 75n;
export const ENOTUNIQ = 76n;
export const EBADFD = 77n;
export const EREMCHG = 78n;
export const ELIBACC = 79n;
export const ELIBBAD = 80n;
export const ELIBSCN = 81n;
export const ELIBMAX = 82n;
export const ELIBEXEC = 83n;
export const EILSEQ = 84n;
export const ERESTART = 85n;
export const ESTRPIPE = 86n;
export const EUSERS = 87n;
export const ENOTSOCK = 88n;
export const EDESTADDRREQ = 89n;
export const EMSGSIZE = 90n;
export const EPROTOTYPE = 91n;
export const ENOPROTOOPT = 92n;
export const EPROTONOSUPPORT = 93n;
export const ESOCKTNOSUPPORT = 94n;
export const ENOTSUP = 95n;
export const EOPNOTSUPP = 95n;
export const EPFNOSUPPORT = 96n;
export const EAFNOSUPPORT = 97n;
export const EADDRINUSE = 98n;
export const EADDRNOTAVAIL = 99n;
export const ENETDOWN = 100n;
export const ENETUNREACH = 101n;
export const ENETRESET = 102n;
export const ECONNABORTED = 103n;
export const ECONNRESET = 104n;
export const ENOBUFS = 105n;
export const EISCONN = 106n;
export const ENOTCONN = 107n;
export const ESHUTDOWN = 108n;
export const ETOOMANYREFS = 109n;
export const ETIMEDOUT = 110n;
export const ECONNREFUSED = 111n;
export const EHOSTDOWN = 112n;
export const EHOSTUNREACH = 113n;
export const EALREADY = 114n;
export const EINPROGRESS = 115n;
export const ESTALE = 116n;
export const EUCLEAN = 117n;
export const ENOTNAM = 118n;
export const ENAVAIL = 119n;
export const EISNAM = 120n;
export const EREMOTEIO = 121n;
export const EDQUOT = 122n;
export const ENOMEDIUM = 123n;
export const EMEDIUMTYPE = 124n;
export const ECANCELED = 125n;
export const ENOKEY = 126n;
export const EKEYEXPIRED = 127n;
export const EKEYREVOKED = 128n;
export const EKEYREJECTED = 129n;
export const EOWNERDEAD = 130n;
export const ENOTRECOVERABLE = 131n;
export const ERFKILL = 132n;
