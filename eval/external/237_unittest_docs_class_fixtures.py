# Source: https://docs.python.org/3/library/unittest.html#setupclass-and-teardownclass (and addClassCleanup, doClassCleanups)
# Changed: createExpensiveConnectionObject is a stand-in recording what happens; two test methods use the shared connection.
import unittest

log = []


class Connection:
    def __init__(self):
        log.append("connect")

    def query(self, q):
        return q.upper()

    def destroy(self):
        log.append("destroy")


def createExpensiveConnectionObject():
    return Connection()


class Test(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls._connection = createExpensiveConnectionObject()
        cls.addClassCleanup(log.append, "class cleanup")

    @classmethod
    def tearDownClass(cls):
        cls._connection.destroy()

    def test_query(self):
        self.assertEqual(self._connection.query("select"), "SELECT")

    def test_same_connection(self):
        self.assertIs(self._connection, Test._connection)


if __name__ == '__main__':
    unittest.main(exit=False)
    print(log)
