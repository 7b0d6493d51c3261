# Source: https://github.com/SuperFastPython/PythonAsyncioMastery/blob/df2a96e9167d5d39c231c751d4fc62201e8d8c9b/src/03_asyncio_coroutines/01_check_coroutine_type.py (SuperFastPython, Python Asyncio Mastery: type() of a coroutine object never awaited)
# SuperFastPython.com
# check the type of a coroutine

# define a coroutine
async def custom_coro():
    pass

# create the coroutine
coro = custom_coro()
# check the type of the coroutine
print(type(coro))
