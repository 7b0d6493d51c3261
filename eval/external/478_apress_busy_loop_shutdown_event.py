# Source: https://github.com/Apress/asyncio-recipes/blob/f078242d4380407e483236695ebc49f3faf09e7f/chapter_07/sol_02.py (asyncio Recipes: a busy loop, a cleanup coroutine and a shutdown timer sharing an Event, logging at INFO)
# Changed: random.seed(11) before the run; logging goes to stdout (basicConfig(stream=sys.stdout)) so the whole log is compared; the shutdown comes after 9.5 s, not 10 s (10 s ties with the busy loop's tenth 1-second sleep, and the real clock's overrun decides which runs first)
import asyncio
import logging
import random
import sys

random.seed(11)

logging.basicConfig(level=logging.INFO, stream=sys.stdout)


async def busy_loop(interval, work, worker, shutdown_event):
    while not shutdown_event.is_set():
        await worker(work)
        await asyncio.sleep(interval)
    logging.info("Shutdown event was set..")
    return work


async def cleanup(mess, shutdown_event):
    await shutdown_event.wait()
    logging.info("Cleaning up the mess: %s...", mess)
    # Add cleanup logic here


async def shutdown(delay, shutdown_event):
    await asyncio.sleep(delay)
    shutdown_event.set()


async def add_mess(mess_pile, ):
    mess = random.randint(1, 10)
    logging.info("Adding the mess: %s...", mess)
    mess_pile.append(mess)


async def main():
    shutdown_event = asyncio.Event()
    shutdown_delay = 9.5
    work = []
    await asyncio.gather(*[
        shutdown(shutdown_delay, shutdown_event),
        cleanup(work, shutdown_event),
        busy_loop(1, work, add_mess, shutdown_event),
    ])


if __name__ == '__main__':
    asyncio.run(main())
