# Source: https://github.com/SuperFastPython/PythonAsyncioJumpStart/blob/6dc50611821f2ec5c8c59855a1e44cefad35fe92/src/lesson01_call_warning.py (SuperFastPython, Python Asyncio Jump-Start)
# SuperFastPython.com
# example of calling a coroutine directly

# define a coroutine
async def custom_coroutine():
	# report a message
    print('Hello world')

# call the coroutine directly
custom_coroutine() # raises warning
