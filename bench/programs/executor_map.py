# executor_map: ThreadPoolExecutor.map over N items (issue 17), its results summed.
import sys
from concurrent.futures import ThreadPoolExecutor

N = int(sys.argv[1]) if len(sys.argv) > 1 else 100000


def work(i):
    return (i * 7) % 13


with ThreadPoolExecutor(max_workers=4) as pool:
    total = sum(pool.map(work, range(N)))
print("executor_map", N, total)
