# Source: https://github.com/Mr-Slow/python-asyncio/blob/HEAD/run_in_executor.py (Mr-Slow's asyncio notes: a blocking file read run in the loop's default executor, in a ThreadPoolExecutor and a CPU-bound sum in a ProcessPoolExecutor through loop.run_in_executor)
# Changed: the file read is a file the program writes into a temporary folder (instead of d:/123.txt), holding 150 bytes of which 100 are read; the CPU-bound sum runs to 10**5 instead of 10**7
import asyncio
import concurrent.futures
import os
import tempfile

folder = tempfile.mkdtemp()
path = os.path.join(folder, '123.txt')
with open(path, 'wb') as f:
    f.write(bytes(range(65, 65 + 50)) * 3)

def blocking_io():
    with open(path, 'rb') as f:
        return f.read(100)

def cpu_bound():
    return sum(i * i for i in range(10 ** 5))

async def main():
    loop = asyncio.get_running_loop()

    ## Options:
    # 1. Run in the default loop's executor:
    result = await loop.run_in_executor(
        None, blocking_io)
    print('default thread pool', result)

    # 2. Run in a custom thread pool:
    with concurrent.futures.ThreadPoolExecutor() as pool:
        result = await loop.run_in_executor(
            pool, blocking_io)
        print('custom thread pool', result)

    # 3. Run in a custom process pool:
    with concurrent.futures.ProcessPoolExecutor() as pool:
        result = await loop.run_in_executor(
            pool, cpu_bound)
        print('custom process pool', result)

if __name__ == '__main__':
    asyncio.run(main())
    os.remove(path)
    os.rmdir(folder)
