# Source: https://github.com/ckarageorgkaneen/usingaio/blob/HEAD/chapter3/33/shell_signal01.py (Caleb Hattingh's "Using Asyncio in Python", example 3-33: KeyboardInterrupt out of run_until_complete as the SIGINT handler, then every task cancelled and gathered before the loop closes)
# Changed: the loop sends the process SIGINT itself after 2.5 s (loop.call_later with os.kill) instead of waiting for Ctrl-C; the loop is made with new_event_loop() (get_event_loop() outside a running loop is deprecated since 3.12)
import asyncio
import os
import signal


# This is the main part of our application. To keep things simple, we're just
# going to sleep in an infinite loop.
async def main():
    while True:
        print('<Your app is running>')
        await asyncio.sleep(1)


if __name__ == '__main__':
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    loop.call_later(2.5, os.kill, os.getpid(), signal.SIGINT)
    # This startup and shutdown sequence will be familiar to you from the
    # previous section. We schedule main(), call run_forever(), and wait for
    # something to stop the loop.
    task = loop.create_task(main())
    try:
        loop.run_until_complete(task)
    # In this case, only Ctrl-C will stop the loop. Then we handle
    # KeyboardInterrupt and do all the necessary cleanup bits, as covered in
    # the previous sections.
    except KeyboardInterrupt:
        print('Got signal: SIGINT, shutting down.')
    tasks = asyncio.all_tasks(loop=loop)
    for t in tasks:
        t.cancel()
    group = asyncio.gather(*tasks, return_exceptions=True)
    print(loop.run_until_complete(group))
    print(task.cancelled())
    loop.close()
