# Source: https://github.com/xiaxinmeng/IFuzzer/blob/HEAD/dataset/dataset4/10/87744_1093907295.py (a reproducer from a CPython bug report kept in a fuzzing data set: an endless loop starting `sleep`, sending it SIGUSR1 with Process.send_signal after 0.1 s, ignoring ProcessLookupError, and asserting on wait()'s return code)
# Changed: three rounds instead of an endless loop; the child sleeps 5 s instead of 0.1 s, so the signal always finds it alive (with 0.1 s it is a race); each round prints the return code
import asyncio
import signal

async def main():
    for round in range(3):
        proc = await asyncio.create_subprocess_exec('sleep', '5')
        await asyncio.sleep(0.1)
        try:
            proc.send_signal(signal.SIGUSR1)
        except ProcessLookupError:
            pass
        code = await proc.wait()
        assert (code != 255)
        print(round, code, proc.returncode, -code == signal.SIGUSR1)

asyncio.run(main())
