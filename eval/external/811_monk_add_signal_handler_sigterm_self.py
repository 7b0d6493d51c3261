# Source: https://github.com/monk-after-90s/gracefully_exit_asyncio_event_loop/blob/HEAD/version_(add_signal_handler).py (exiting an event loop gracefully: SIGTERM and SIGINT handlers added with loop.add_signal_handler set an Event; a task waiting on it prints "Safely exit." and stops the loop that run_forever runs, while another task prints "ha" every 2 s; Chinese notes on the signal numbers)
# Changed: "ha" every 0.2 s instead of 2 s, and a task of this program sends SIGTERM to its own process with os.kill after 0.5 s (instead of a person pressing Ctrl+C or running kill)
import signal
import asyncio
import os

"""
信号值      符号      行为

2          SIGINT    进程终端，CTRL+C

9          SIGKILL   强制终端

15         SIGTEM    请求中断

20         SIGTOP    停止（挂起）进程 CRTL+D
"""
loop = asyncio.get_event_loop()
exit_flag = asyncio.Event()


def safely_exit():
    exit_flag.set()


# signal.signal(signal.SIGTERM, safely_exit)
# signal.signal(signal.SIGINT, safely_exit)
loop.add_signal_handler(signal.SIGTERM, safely_exit)
loop.add_signal_handler(signal.SIGINT, safely_exit)


async def safely_exit_management():
    await exit_flag.wait()
    print('Safely exit.')
    loop.stop()


async def loop_task():
    asyncio.create_task(safely_exit_management())
    while 1:
        print("ha")  # 任务主体
        await asyncio.sleep(0.2)


# Changed: the program signals itself.
async def send_sigterm():
    await asyncio.sleep(0.5)
    print('sending SIGTERM')
    os.kill(os.getpid(), signal.SIGTERM)


loop.create_task(loop_task())
loop.create_task(send_sigterm())

try:
    loop.run_forever()
finally:
    loop.close()
