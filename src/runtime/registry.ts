// The runtime's modules by import specifier: the table the runner hands to translated JavaScript
// (`$rt["tsyncio/runtime/asyncio"]`), mirroring the package's `exports`. The compiler's list of
// importable Python modules (src/lower/stdlib.ts) must name exactly these (a test checks it).

import * as builtins from "./index.js";
import * as asyncio from "./asyncio/index.js";
import * as program from "./program.js";
import * as abc from "./modules/abc.js";
import * as asyncio_events from "./modules/asyncio_events.js";
import * as asyncio_exceptions from "./modules/asyncio_exceptions.js";
import * as asyncio_streams from "./modules/asyncio_streams.js";
import * as asyncio_queues from "./modules/asyncio_queues.js";
import * as asyncio_locks from "./modules/asyncio_locks.js";
import * as asyncio_subprocess from "./modules/asyncio_subprocess.js";
import * as asyncio_taskgroups from "./modules/asyncio_taskgroups.js";
import * as asyncio_timeouts from "./modules/asyncio_timeouts.js";
import * as asyncio_coroutines from "./modules/asyncio_coroutines.js";
import * as builtins_module from "./modules/builtins.js";
import * as html from "./modules/html.js";
import * as html_parser from "./modules/html_parser.js";
import * as asyncio_tasks from "./modules/asyncio_tasks.js";
import * as asyncio_transports from "./modules/asyncio_transports.js";
import * as asyncio_log from "./modules/asyncio_log.js";
import * as asyncio_trsock from "./modules/asyncio_trsock.js";
import * as asyncio_constants from "./modules/asyncio_constants.js";
import * as argparse from "./modules/argparse.js";
import * as base64 from "./modules/base64.js";
import * as binascii from "./modules/binascii.js";
import * as collections from "./modules/collections.js";
import * as collections_abc from "./modules/collections_abc.js";
import * as contextlib from "./modules/contextlib.js";
import * as dataclasses from "./modules/dataclasses.js";
import * as datetime from "./modules/datetime.js";
import * as decimal from "./modules/decimal.js";
import * as fractions from "./modules/fractions.js";
import * as calendar from "./modules/calendar.js";
import * as enum_ from "./modules/enum.js";
import * as contextvars from "./modules/contextvars.js";
import * as functools from "./modules/functools.js";
import * as heapq from "./modules/heapq.js";
import * as hashlib from "./modules/hashlib.js";
import * as hmac from "./modules/hmac.js";
import * as bisect from "./modules/bisect.js";
import * as colorsys from "./modules/colorsys.js";
import * as configparser from "./modules/configparser.js";
import * as ipaddress from "./modules/ipaddress.js";
import * as graphlib from "./modules/graphlib.js";
import * as reprlib from "./modules/reprlib.js";
import * as sched from "./modules/sched.js";
import * as linecache from "./modules/linecache.js";
import * as zoneinfo from "./modules/zoneinfo.js";
import * as gzip from "./modules/gzip.js";
import * as mimetypes from "./modules/mimetypes.js";
import * as keyword from "./modules/keyword.js";
import * as getpass from "./modules/getpass.js";
import * as numbers from "./modules/numbers.js";
import * as operator from "./modules/operator.js";
import * as statistics from "./modules/statistics.js";
import * as textwrap from "./modules/textwrap.js";
import * as inspect from "./modules/inspect.js";
import * as io from "./modules/io.js";
import * as itertools from "./modules/itertools.js";
import * as json from "./modules/json.js";
import * as logging from "./modules/logging.js";
import * as logging_config from "./modules/logging_config.js";
import * as logging_handlers from "./modules/logging_handlers.js";
import * as math from "./modules/math.js";
import * as os from "./modules/os.js";
import * as os_path from "./modules/os_path.js";
import * as pathlib from "./modules/pathlib.js";
import * as shutil from "./modules/shutil.js";
import * as tempfile from "./modules/tempfile.js";
import * as glob from "./modules/glob.js";
import * as fnmatch from "./modules/fnmatch.js";
import * as filecmp from "./modules/filecmp.js";
import * as errno from "./modules/errno.js";
import * as stat from "./modules/stat.js";
import * as random from "./modules/random.js";
import * as re from "./modules/re.js";
import * as secrets from "./modules/secrets.js";
import * as string from "./modules/string.js";
import * as struct from "./modules/struct.js";
import * as pprint from "./modules/pprint.js";
import * as signal from "./modules/signal.js";
import * as socket from "./modules/socket.js";
import * as selectors from "./modules/selectors.js";
import * as select from "./modules/select.js";
import * as ssl from "./modules/ssl.js";
import * as subprocess from "./modules/subprocess.js";
import * as sys from "./modules/sys.js";
import * as threading from "./modules/threading.js";
import * as queue from "./modules/queue.js";
import * as concurrent_futures from "./modules/concurrent_futures.js";
import * as concurrent_futures_thread from "./modules/concurrent_futures_thread.js";
import * as concurrent_futures_process from "./modules/concurrent_futures_process.js";
import * as multiprocessing from "./modules/multiprocessing.js";
import * as time from "./modules/time.js";
import * as traceback from "./modules/traceback.js";
import * as typing from "./modules/typing.js";
import * as uuid from "./modules/uuid.js";
import * as zlib from "./modules/zlib.js";
import * as difflib_ from "./modules/difflib.js";
import * as unittest_ from "./modules/unittest.js";
import * as unittest_mock_ from "./modules/unittest_mock.js";
import * as types_ from "./modules/types.js";
import * as copy_ from "./modules/copy.js";
import * as weakref_ from "./modules/weakref.js";
import * as shlex_ from "./modules/shlex.js";
import * as timeit from "./modules/timeit.js";
import * as csv_ from "./modules/csv.js";
import * as platform_ from "./modules/platform.js";
import * as locale_ from "./modules/locale.js";
import * as gc_ from "./modules/gc.js";
import * as atexit_ from "./modules/atexit.js";
import * as urllib_ from "./modules/urllib.js";
import * as email_ from "./modules/email.js";
import * as email_message_ from "./modules/email_message.js";
import * as email_utils_ from "./modules/email_utils.js";
import * as urllib_parse_ from "./modules/urllib_parse.js";
import * as warnings_ from "./modules/warnings.js";

export const modules: Record<string, unknown> = {
  "tsyncio/runtime": builtins,
  "tsyncio/runtime/asyncio": asyncio,
  "tsyncio/runtime/program": program,
  "tsyncio/runtime/abc": abc,
  "tsyncio/runtime/asyncio_events": asyncio_events,
  "tsyncio/runtime/asyncio_exceptions": asyncio_exceptions,
  "tsyncio/runtime/asyncio_streams": asyncio_streams,
  "tsyncio/runtime/asyncio_queues": asyncio_queues,
  "tsyncio/runtime/asyncio_locks": asyncio_locks,
  "tsyncio/runtime/asyncio_subprocess": asyncio_subprocess,
  "tsyncio/runtime/asyncio_taskgroups": asyncio_taskgroups,
  "tsyncio/runtime/asyncio_timeouts": asyncio_timeouts,
  "tsyncio/runtime/asyncio_coroutines": asyncio_coroutines,
  "tsyncio/runtime/builtins": builtins_module,
  "tsyncio/runtime/html": html,
  "tsyncio/runtime/html_parser": html_parser,
  "tsyncio/runtime/asyncio_tasks": asyncio_tasks,
  "tsyncio/runtime/asyncio_transports": asyncio_transports,
  "tsyncio/runtime/asyncio_log": asyncio_log,
  "tsyncio/runtime/asyncio_trsock": asyncio_trsock,
  "tsyncio/runtime/asyncio_constants": asyncio_constants,
  "tsyncio/runtime/argparse": argparse,
  "tsyncio/runtime/base64": base64,
  "tsyncio/runtime/binascii": binascii,
  "tsyncio/runtime/collections": collections,
  "tsyncio/runtime/collections_abc": collections_abc,
  "tsyncio/runtime/contextlib": contextlib,
  "tsyncio/runtime/dataclasses": dataclasses,
  "tsyncio/runtime/datetime": datetime,
  "tsyncio/runtime/decimal": decimal,
  "tsyncio/runtime/fractions": fractions,
  "tsyncio/runtime/calendar": calendar,
  "tsyncio/runtime/enum": enum_,
  "tsyncio/runtime/contextvars": contextvars,
  "tsyncio/runtime/functools": functools,
  "tsyncio/runtime/heapq": heapq,
  "tsyncio/runtime/hashlib": hashlib,
  "tsyncio/runtime/hmac": hmac,
  "tsyncio/runtime/bisect": bisect,
  "tsyncio/runtime/colorsys": colorsys,
  "tsyncio/runtime/configparser": configparser,
  "tsyncio/runtime/ipaddress": ipaddress,
  "tsyncio/runtime/graphlib": graphlib,
  "tsyncio/runtime/reprlib": reprlib,
  "tsyncio/runtime/sched": sched,
  "tsyncio/runtime/linecache": linecache,
  "tsyncio/runtime/zoneinfo": zoneinfo,
  "tsyncio/runtime/gzip": gzip,
  "tsyncio/runtime/mimetypes": mimetypes,
  "tsyncio/runtime/keyword": keyword,
  "tsyncio/runtime/getpass": getpass,
  "tsyncio/runtime/numbers": numbers,
  "tsyncio/runtime/operator": operator,
  "tsyncio/runtime/statistics": statistics,
  "tsyncio/runtime/textwrap": textwrap,
  "tsyncio/runtime/inspect": inspect,
  "tsyncio/runtime/io": io,
  "tsyncio/runtime/itertools": itertools,
  "tsyncio/runtime/json": json,
  "tsyncio/runtime/logging": logging,
  "tsyncio/runtime/logging_config": logging_config,
  "tsyncio/runtime/logging_handlers": logging_handlers,
  "tsyncio/runtime/math": math,
  "tsyncio/runtime/os": os,
  "tsyncio/runtime/os_path": os_path,
  "tsyncio/runtime/pathlib": pathlib,
  "tsyncio/runtime/shutil": shutil,
  "tsyncio/runtime/tempfile": tempfile,
  "tsyncio/runtime/glob": glob,
  "tsyncio/runtime/fnmatch": fnmatch,
  "tsyncio/runtime/filecmp": filecmp,
  "tsyncio/runtime/errno": errno,
  "tsyncio/runtime/stat": stat,
  "tsyncio/runtime/random": random,
  "tsyncio/runtime/re": re,
  "tsyncio/runtime/secrets": secrets,
  "tsyncio/runtime/string": string,
  "tsyncio/runtime/struct": struct,
  "tsyncio/runtime/pprint": pprint,
  "tsyncio/runtime/signal": signal,
  "tsyncio/runtime/socket": socket,
  "tsyncio/runtime/selectors": selectors,
  "tsyncio/runtime/select": select,
  "tsyncio/runtime/ssl": ssl,
  "tsyncio/runtime/subprocess": subprocess,
  "tsyncio/runtime/sys": sys,
  "tsyncio/runtime/threading": threading,
  "tsyncio/runtime/queue": queue,
  "tsyncio/runtime/concurrent_futures": concurrent_futures,
  "tsyncio/runtime/concurrent_futures_thread": concurrent_futures_thread,
  "tsyncio/runtime/concurrent_futures_process": concurrent_futures_process,
  "tsyncio/runtime/multiprocessing": multiprocessing,
  "tsyncio/runtime/time": time,
  "tsyncio/runtime/traceback": traceback,
  "tsyncio/runtime/typing": typing,
  "tsyncio/runtime/uuid": uuid,
  "tsyncio/runtime/zlib": zlib,
  "tsyncio/runtime/difflib": difflib_,
  "tsyncio/runtime/unittest": unittest_,
  "tsyncio/runtime/unittest_mock": unittest_mock_,
  "tsyncio/runtime/types": types_,
  "tsyncio/runtime/copy": copy_,
  "tsyncio/runtime/weakref": weakref_,
  "tsyncio/runtime/shlex": shlex_,
  "tsyncio/runtime/timeit": timeit,
  "tsyncio/runtime/csv": csv_,
  "tsyncio/runtime/platform": platform_,
  "tsyncio/runtime/locale": locale_,
  "tsyncio/runtime/gc": gc_,
  "tsyncio/runtime/atexit": atexit_,
  "tsyncio/runtime/urllib": urllib_,
  "tsyncio/runtime/email": email_,
  "tsyncio/runtime/email_message": email_message_,
  "tsyncio/runtime/email_utils": email_utils_,
  "tsyncio/runtime/urllib_parse": urllib_parse_,
  "tsyncio/runtime/warnings": warnings_,
};
