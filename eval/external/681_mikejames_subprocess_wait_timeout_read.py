# Source: https://github.com/kjmatsuda/python-async-programs/blob/HEAD/ch13/ch13-12.py (Mike James, "Programmer's Python: Async", chapter 13, page 264: a read(100) task on a child's stdout waited for with asyncio.wait(timeout=0.1), then a reply written to its stdin)
# Changed: the book's ./myscript.sh is given inline to `sh -c`; a second read task is waited for while the child is still silent (asyncio.wait times out and leaves it pending), then again after the name is written; the exit status is printed
import asyncio

SCRIPT = 'echo "user name: "; read name; echo "Hello $name"'


async def main():
    p = await asyncio.create_subprocess_exec("sh", "-c", SCRIPT, stdout=asyncio.subprocess.PIPE, stdin=asyncio.subprocess.PIPE)
    T = asyncio.create_task(p.stdout.read(100))
    try:
        done, pending = await asyncio.wait([T], timeout=0.1)
    except asyncio.TimeoutError:
        pass
    print("message", T.result())
    T2 = asyncio.create_task(p.stdout.read(100))
    done, pending = await asyncio.wait([T2], timeout=0.1)
    print("done", len(done), "pending", len(pending))
    p.stdin.write(b"mike\n")
    done, pending = await asyncio.wait([T2], timeout=1)
    print("message", T2.result())
    print("exit", await p.wait())

asyncio.run(main())
