# Source: https://www.zopatista.com/python/2019/05/11/asyncio-logging/ (Martijn Pieters, "Logging in asyncio applications": move the root logger's handlers to a logging.handlers.QueueListener thread and put a LocalQueueHandler, which skips prepare() and re-raises CancelledError, in their place; the post suggests doing it after logging.config has set the handlers up)
# Changed: the handlers come from a logging.config.dictConfig() dictionary as the post suggests (a StreamHandler on ext://sys.stdout, a format without the time); a small asyncio program logs from three tasks and stops the listener at the end, so everything it logs has been written before the last print
import asyncio
import logging
import logging.config
import logging.handlers
try:
    # Python 3.7 and newer, fast reentrant implementation
    # witohut task tracking (not needed for that when logging)
    from queue import SimpleQueue as Queue
except ImportError:
    from queue import Queue
from typing import List


LOGGING = {
    'version': 1,
    'disable_existing_loggers': False,
    'root': {'level': 'DEBUG', 'handlers': ['console']},
    'formatters': {
        'verbose': {'format': '[%(levelname)s] %(name)s %(module)s: %(message)s'},
    },
    'handlers': {
        'console': {
            'level': 'INFO',
            'class': 'logging.StreamHandler',
            'formatter': 'verbose',
            'stream': 'ext://sys.stdout',
        },
    },
    'loggers': {
        'noisy': {'level': 'WARNING', 'propagate': True},
    },
}


class LocalQueueHandler(logging.handlers.QueueHandler):
    def emit(self, record: logging.LogRecord) -> None:
        # Removed the call to self.prepare()
        try:
            self.enqueue(record)
        except asyncio.CancelledError:
            raise
        except Exception:
            self.handleError(record)


def setup_logging_queue() -> logging.handlers.QueueListener:
    """Move log handlers to a separate thread.

    Replace handlers on the root logger with a LocalQueueHandler,
    and start a logging.QueueListener holding the original
    handlers.

    """
    queue = Queue()
    root = logging.getLogger()

    handlers: List[logging.Handler] = []

    handler = LocalQueueHandler(queue)
    root.addHandler(handler)
    for h in root.handlers[:]:
        if h is not handler:
            root.removeHandler(h)
            handlers.append(h)

    listener = logging.handlers.QueueListener(
        queue, *handlers, respect_handler_level=True
    )
    listener.start()
    return listener


async def worker(name: str, delay: float) -> int:
    log = logging.getLogger(f'app.{name}')
    log.debug('debug from %s is below the handler level', name)
    log.info('%s starting', name)
    await asyncio.sleep(delay)
    logging.getLogger('noisy').info('dropped by the noisy logger level')
    logging.getLogger('noisy').warning('%s woke up after %.1f s', name, delay)
    return len(name)


async def main() -> None:
    results = await asyncio.gather(worker('alpha', 0.2), worker('beta', 0.1), worker('gamma', 0.3))
    logging.getLogger('app').info('results %s', results)


logging.config.dictConfig(LOGGING)
listener = setup_logging_queue()
print('root handlers:', [type(h).__name__ for h in logging.getLogger().handlers])
print('listener handlers:', [type(h).__name__ for h in listener.handlers])
asyncio.run(main())
listener.stop()
print('done')
