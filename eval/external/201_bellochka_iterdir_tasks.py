# Source: https://github.com/Bellochka11/Flask/blob/main/lec_3/task_8.py (one task per file of a folder found with Path.iterdir, gathered)
# Changed: the folder is a temporary one holding three files (removed at the end) instead of '.'; the files are sorted and f.name printed relative to it.
import asyncio
import os
import tempfile
from pathlib import Path

tmp = tempfile.TemporaryDirectory()
for name, text in [("one.txt", "Первая строка файла"), ("two.txt", "second file text"), ("three.md", "# heading here")]:
    Path(tmp.name, name).write_text(text, encoding='utf-8')


async def process_file(file_path):
    with open(file_path, 'r', encoding='utf-8') as f:
        contents = f.read()
        # do some processing with the file contents
        print(f'{os.path.basename(f.name)} содержит {contents[:7]}...')


async def main():
    # dir_path = Path('/path/to/directory')
    dir_path = Path(tmp.name) #путь к текущ каталогу
    file_paths = sorted(file_path for file_path in dir_path.iterdir() if file_path.is_file()) #итерируемся по файлам в директории если это файл помещаем его в список
    tasks = [asyncio.create_task(process_file(file_path)) for file_path in file_paths] #итерируемся по file_paths и создаем корутину и передаем туда file_path
    await asyncio.gather(*tasks) #запуск корутин одновременно


if __name__ == '__main__':
    asyncio.run(main())
    tmp.cleanup()
