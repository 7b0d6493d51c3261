# Source: https://github.com/wpbindt/async-slowloris/blob/HEAD/utils.py (retry(on, retries): a decorator that retries up to three times, ignores `retries`, and drops the result)
# Changed: a driver added (a socket stand-in failing twice with ConnectionRefusedError); the 3-second wait is kept
import asyncio


def retry(on: Exception, retries: int):
    def wrapper(fn):
        async def wrapped(*args, **kwargs):
            for _ in range(3):
                try:
                    await fn(*args, **kwargs)
                except on:
                    print('retrying in 3 seconds')
                    await asyncio.sleep(3)
                    continue
                else:
                    break
        return wrapped
    return wrapper


opened = []


@retry(on=ConnectionRefusedError, retries=10)
async def open_socket(host):
    opened.append(host)
    if len(opened) < 3:
        raise ConnectionRefusedError(host)
    print("connected to", host)
    return "socket"


async def main():
    print(await open_socket("127.0.0.1"), len(opened))


asyncio.run(main())
