# Source: https://docs.python.org/3/library/unittest.html#re-using-old-test-code (FunctionTestCase)
# Changed: testSomething, makeSomethingDB and deleteSomethingDB are given bodies (the docs leave them out); the test runs under TextTestRunner(verbosity=2).
import unittest

db = []

def makeSomethingDB():
    db.append("something")

def deleteSomethingDB():
    db.clear()

def testSomething():
    something = db[0] if db else None
    assert something.name is not None
    # ...

testcase = unittest.FunctionTestCase(testSomething,
                                     setUp=makeSomethingDB,
                                     tearDown=deleteSomethingDB)
result = unittest.TextTestRunner(verbosity=2).run(testcase)
print(result.testsRun, len(result.errors), db)
