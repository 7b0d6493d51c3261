# Source: https://github.com/rafal-mi/async-py/blob/HEAD/asyncio/read-endless.py (a shell child's stdout read line by line with `async for` over process.stdout)
# Changed: the child is the loop of the source's script-1.sh (echo "$$ $i"; sleep 1) given inline and bounded to three lines with a 0.1 s sleep, instead of ./script-1.sh's endless loop
# Rule: each line starts with the shell's pid (expected/618.out.regex)
import asyncio
import os

async def main():
    process = await asyncio.create_subprocess_shell('i=0; while [ $i -lt 3 ]; do echo "$$ $i"; sleep 0.1; i=$((i + 1)); done', stdout=asyncio.subprocess.PIPE)
   
    async for data in process.stdout:
        line = data.decode('ascii').rstrip()
        print(line)

if __name__ == '__main__':
    asyncio.run(main())
