# Source: https://github.com/kjmatsuda/python-async-programs/blob/HEAD/ch13/ch13-10.py (Mike James, "Programmer's Python: Async", chapter 13, page 262: create_subprocess_exec with stdout=PIPE and communicate())
# Changed: `ls` of a temporary folder holding three files instead of Windows' `dir /` (the folder is made and removed by the program); the exit status is printed too
import asyncio
import os
import tempfile


async def main(folder):
    p = await asyncio.create_subprocess_exec("ls", folder,
                                             stdout=asyncio.subprocess.PIPE)
    stdout_data, stderr_data = await p.communicate()
    print(stdout_data)
    print(stderr_data)
    print("returncode", p.returncode)
    print("finished")

with tempfile.TemporaryDirectory() as folder:
    for name in ("b.txt", "a.txt", "c.log"):
        with open(os.path.join(folder, name), "w") as f:
            f.write(name)
    asyncio.run(main(folder))
