# Source: https://docs.python.org/3/library/concurrent.futures.html#threadpoolexecutor-example
# Changed: load_url sleeps for a per-URL time and returns fake pages as str (no network); one URL fails.
import concurrent.futures
import time

URLS = ['http://www.foxnews.com/',
        'http://www.cnn.com/',
        'http://europe.wsj.com/',
        'http://www.bbc.co.uk/',
        'http://nonexistant-subdomain.python.org/']

DELAYS = {url: 0.05 * (i + 1) for i, url in enumerate(reversed(URLS))}

# Retrieve a single page and report the URL and contents
def load_url(url, timeout):
    time.sleep(DELAYS[url])
    if 'nonexistant' in url:
        raise OSError(f'cannot resolve {url}')
    return 'x' * len(url) * 100

# We can use a with statement to ensure threads are cleaned up promptly
with concurrent.futures.ThreadPoolExecutor(max_workers=5) as executor:
    # Start the load operations and mark each future with its URL
    future_to_url = {executor.submit(load_url, url, 60): url for url in URLS}
    for future in concurrent.futures.as_completed(future_to_url):
        url = future_to_url[future]
        try:
            data = future.result()
        except Exception as exc:
            print('%r generated an exception: %s' % (url, exc))
        else:
            print('%r page is %d bytes' % (url, len(data)))
