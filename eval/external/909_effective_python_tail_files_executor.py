# Source: https://github.com/RayOct18/effective_python/blob/HEAD/62_thread_asyncio_top_down-1.py (Effective Python, 2nd ed., item 62 "Mix Threads and Coroutines to Ease the Transition to asyncio": tail_file() threads started with run_in_executor, each line handed to the loop's thread through run_coroutine_threadsafe and written to one merged output file, then the line counts compared)
# Changed: the input folder is made in a temporary folder with three small files (the book generates its own); os.listdir is sorted so the files open in one order; the merged lines are also printed sorted (the threads interleave them in any order); the folder is removed at the end
import os
import shutil
import tempfile


class NoNewData(Exception):
	pass

def readline(handle):
	offset = handle.tell()
	handle.seek(0, 2)
	length = handle.tell()

	if length == offset:
		raise NoNewData
	
	handle.seek(offset, 0)
	return handle.readline()

import time
def tail_file(handle, interval, write_func):
	while not handle.closed:
		try:
			line = readline(handle)
		except NoNewData:
			time.sleep(interval)
			handle.close()
		else:
			write_func(line)

from threading import Lock, Thread
import asyncio

async def run_tasks_mixed(handles, interval, output_path):
	loop = asyncio.get_event_loop()

	with open(output_path, 'wb') as output:
		async def write_async(data):
			output.write(data)
			output.flush()

		def write(data):
			coro = write_async(data)
			future = asyncio.run_coroutine_threadsafe(coro, loop)
			future.result()
		
		tasks = []
		for handle in handles:
			task = loop.run_in_executor(None, tail_file, handle, interval, write)
			tasks.append(task)
		await asyncio.gather(*tasks)

def confirm_merge(input_paths, output_path):
	inputs_cnt = output_cnt = 0
	for f in sorted(os.listdir(input_paths)):
		with open(os.path.join(input_paths, f), 'r') as fh:
			inputs_cnt += len(fh.readlines())
	with open(output_path, 'r') as fh:
		output_cnt += len(fh.readlines())
	assert inputs_cnt == output_cnt
	print(inputs_cnt, output_cnt)

work = tempfile.mkdtemp()
input_paths = os.path.join(work, 'test_inputs')
os.mkdir(input_paths)
for n, name in enumerate(['alpha.log', 'beta.log', 'gamma.log']):
	with open(os.path.join(input_paths, name), 'w') as f:
		for i in range(3 + n):
			f.write(f'{name} line {i}\n')

handles = [open(os.path.join(input_paths, f), 'rb') for f in sorted(os.listdir(input_paths))]
output_path = os.path.join(work, 'merge_test.txt')
asyncio.run(run_tasks_mixed(handles, 0.1, output_path))
confirm_merge(input_paths, output_path)
with open(output_path, 'rb') as fh:
	for line in sorted(fh):
		print(line)
shutil.rmtree(work)
