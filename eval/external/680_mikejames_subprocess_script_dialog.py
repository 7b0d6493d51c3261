# Source: https://github.com/kjmatsuda/python-async-programs/blob/HEAD/ch13/ch13-11.py (Mike James, "Programmer's Python: Async", chapter 13, page 263: a child script that asks for a name and answers, driven through its stdin and stdout pipes)
# Changed: the book's ./myscript.sh (echo a question, read a name, echo a greeting) is given inline to `sh -c`; the child's exit status is awaited at the end
import asyncio

SCRIPT = 'echo "user name: "; read name; echo "Hello $name"'


async def main():
    p = await asyncio.create_subprocess_exec("sh", "-c", SCRIPT,
                                             stdout=asyncio.subprocess.PIPE, stdin=asyncio.subprocess.PIPE)
    ans = await p.stdout.readline()
    print("message", ans)
    p.stdin.write(b"mike\n")
    ans = await p.stdout.readline()
    print("message", ans)
    print("exit", await p.wait())

asyncio.run(main())
