# Source: https://github.com/ryabtsev/djdownloader/blob/HEAD/src/djdownloader/backoff.py (a downloader's async_backoff(tries, delay, backoff) decorator retrying on aiohttp.ClientError, the last try outside the loop)
# Changed: aiohttp is not installed here: a stand-in namespace gives ClientError and a ClientConnectionError subclass; a driver below decorates a download that fails twice, one that fails every time (the last try's error escapes), and one raising an error the decorator does not catch; delays are 0.01 s, and logging.basicConfig stays (nothing is logged)
import asyncio
import logging
from functools import wraps
import types

# Changed: stand-in for `import aiohttp`.
class _ClientError(Exception):
    pass

class _ClientConnectionError(_ClientError):
    pass

aiohttp = types.SimpleNamespace(ClientError=_ClientError, ClientConnectionError=_ClientConnectionError)

logging.basicConfig(level=logging.INFO)


def async_backoff(tries: int, delay: int, backoff: int = 2):
    """
    Async backoff decorator.
    """
    def decorator(func):
        @wraps(func)
        async def wrapper(*args, **kwargs):
            _tries, _delay = tries, delay
            while _tries > 1:
                try:
                    return await func(*args, **kwargs)
                except aiohttp.ClientError as e:
                    await asyncio.sleep(_delay)
                    _tries -= 1
                    _delay *= backoff
            return await func(*args, **kwargs)
        return wrapper
    return decorator


# Changed: the driver.
attempts = []


@async_backoff(tries=4, delay=0.01)
async def download(track):
    attempts.append(track)
    if attempts.count(track) < 3:
        raise aiohttp.ClientConnectionError(f"reset while fetching {track}")
    return f"{track}.mp3"


@async_backoff(tries=3, delay=0.01, backoff=3)
async def dead_link(track):
    attempts.append(track)
    raise aiohttp.ClientError(f"404 for {track}")


@async_backoff(tries=5, delay=0.01)
async def bad_name(track):
    attempts.append(track)
    raise ValueError(f"bad track name {track!r}")


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    results = await asyncio.gather(download("intro"), download("outro"), dead_link("bonus"), bad_name(""), return_exceptions=True)
    for r in results:
        print(type(r).__name__, r)
    print(attempts)
    print("waited at least 0.03 s:", loop.time() - t0 >= 0.03)
    print(download.__name__, download.__qualname__)
    await dead_link("again")


asyncio.run(main())
