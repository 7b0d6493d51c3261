# Source: https://github.com/010io/Yana.Diia_v3/blob/HEAD/backend/utils/retry.py (an async retry decorator with exponential backoff capped at max_delay, a tuple of retried exceptions, logger.warning per failure and logger.error with exc_info before re-raising)
# Changed: added a driver: logging to stdout without times (the final error's traceback goes to stderr through a second handler), a flaky coroutine that succeeds on its third call, one that raises an exception outside the retried tuple, and one that always fails; asyncio's clock shows the backoff delays
import asyncio
import logging
import sys
from typing import TypeVar, Callable, Any
from functools import wraps

logger = logging.getLogger(__name__)

T = TypeVar('T')


def async_retry(
    max_attempts: int = 3,
    initial_delay: float = 1.0,
    max_delay: float = 10.0,
    exponential_base: float = 2.0,
    exceptions: tuple = (Exception,)
):
    """
    Decorator for async functions with exponential backoff retry
    """
    def decorator(func: Callable[..., Any]) -> Callable[..., Any]:
        @wraps(func)
        async def wrapper(*args, **kwargs) -> Any:
            delay = initial_delay
            last_exception = None

            for attempt in range(1, max_attempts + 1):
                try:
                    return await func(*args, **kwargs)
                except exceptions as e:
                    last_exception = e

                    if attempt == max_attempts:
                        logger.error(
                            f"Function {func.__name__} failed after {max_attempts} attempts",
                            exc_info=True
                        )
                        raise

                    logger.warning(
                        f"Function {func.__name__} failed (attempt {attempt}/{max_attempts}), "
                        f"retrying in {delay:.2f}s: {str(e)}"
                    )

                    await asyncio.sleep(delay)
                    delay = min(delay * exponential_base, max_delay)

            # Should never reach here, but just in case
            if last_exception:
                raise last_exception

        return wrapper
    return decorator


calls = {"flaky": 0}


@async_retry(max_attempts=4, initial_delay=0.5, exceptions=(ConnectionError, TimeoutError))
async def flaky(name: str) -> str:
    """Fails twice, then answers."""
    calls["flaky"] += 1
    if calls["flaky"] < 3:
        raise ConnectionError(f"refused #{calls['flaky']}")
    return f"hello {name}"


@async_retry(max_attempts=3, exceptions=(ConnectionError,))
async def wrong_type() -> None:
    raise KeyError("not retried")


@async_retry(max_attempts=5, initial_delay=1, max_delay=3, exponential_base=3)
async def hopeless(*, code: int) -> None:
    raise RuntimeError(f"status {code}")


class Below(logging.Filter):
    def filter(self, record):
        return record.levelno < logging.ERROR


async def main():
    out = logging.StreamHandler(sys.stdout)
    out.addFilter(Below())
    out.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    err = logging.StreamHandler(sys.stderr)
    err.setLevel(logging.ERROR)
    logging.basicConfig(level=logging.DEBUG, handlers=[out, err])
    loop = asyncio.get_running_loop()
    start = loop.time()
    print(await flaky("world"), flaky.__name__, flaky.__doc__, calls)
    try:
        await wrong_type()
    except KeyError as e:
        print("not retried:", repr(e))
    try:
        await hopeless(code=503)
    except RuntimeError as e:
        print("gave up:", e, "after", round(loop.time() - start, 1), "s")


asyncio.run(main())
