# Source: https://github.com/grezli1985/Getting_to_Know_Flask/blob/main/project/seminar/lesson_04/task_6.py (word counts of every file in a folder, one ensure_future task each)
# Changed: `aiofiles` replaced by a stand-in class below (aiofiles.open is an async context manager over open(), readlines awaitable); BASE_DIR is a temporary folder with three files (removed at the end); os.listdir sorted.
# Создать программу, которая будет производить подсчет
# количества слов в каждом файле в указанной директории и
# выводить результаты в консоль.
# Используйте асинхронность.

import os
import asyncio
import shutil
import tempfile
from pathlib import Path


_builtin_open = open


class aiofiles:
    class _File:
        def __init__(self, f):
            self.f = f

        async def readlines(self):
            await asyncio.sleep(0)
            return self.f.readlines()

    class open:
        def __init__(self, *args, **kwargs):
            self.f = _builtin_open(*args, **kwargs)

        async def __aenter__(self):
            return aiofiles._File(self.f)

        async def __aexit__(self, *exc):
            self.f.close()


BASE_DIR = Path(tempfile.mkdtemp())
(BASE_DIR / "a.txt").write_text("раз два три\nчетыре\n", encoding="utf-8")
(BASE_DIR / "b.txt").write_text("one two\n\nthree four five\n", encoding="utf-8")
(BASE_DIR / "c.txt").write_text("", encoding="utf-8")
(BASE_DIR / "sub").mkdir()


async def get_words_count(filename: str):
    file_path = os.path.join(BASE_DIR, filename)
    
    async with aiofiles.open(file_path, 'r', encoding='utf-8') as f:
        words = 0
        
        for line in await f.readlines():
            words += len(line.strip().split())
        
        print(f'File: {filename}, words: {words}')


async def main():
    tasks = []
    
    for el in sorted(os.listdir(BASE_DIR)):
        if os.path.isfile(os.path.join(BASE_DIR, el)):
            task = asyncio.ensure_future(get_words_count(el))
            tasks.append(task)
    
    await asyncio.gather(*tasks)


if __name__ == "__main__":
    # loop = asyncio.new_event_loop()
    # loop.run_until_complete(main())
    asyncio.run(main())
    shutil.rmtree(BASE_DIR)
