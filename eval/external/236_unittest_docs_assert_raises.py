# Source: https://docs.python.org/3/library/unittest.html#unittest.TestCase.assertRaises (the context-manager form with cm.exception, assertRaisesRegex, assertAlmostEqual, assertCountEqual, assertRegex)
# Changed: the docs' snippets run inside one TestCase; do_something raises a stand-in exception with an error_code; some assertions are made to fail to show their messages.
import unittest


class SomeException(Exception):
    def __init__(self, error_code):
        super().__init__(f"error {error_code}")
        self.error_code = error_code


def do_something():
    raise SomeException(3)


class DocsAssertions(unittest.TestCase):
    def test_context_manager(self):
        with self.assertRaises(SomeException) as cm:
            do_something()

        the_exception = cm.exception
        self.assertEqual(the_exception.error_code, 3)

    def test_regex(self):
        self.assertRaisesRegex(ValueError, "invalid literal for.*XYZ'$",
                               int, 'XYZ')
        with self.assertRaisesRegex(ValueError, 'literal'):
            int('XYZ')

    def test_regex_mismatch(self):
        with self.assertRaisesRegex(ValueError, 'float'):
            int('XYZ')

    def test_almost_equal(self):
        self.assertAlmostEqual(0.1 + 0.2, 0.3)
        self.assertAlmostEqual(1.0, 1.05, delta=0.1)
        self.assertNotAlmostEqual(1.0, 1.1, places=1)

    def test_count_equal(self):
        self.assertCountEqual([0, 1, 1], [1, 0, 1])
        self.assertCountEqual("abcc", "ccba")

    def test_regex_search(self):
        self.assertRegex("tsyncio 1.0", r"\d+\.\d+")
        self.assertNotRegex("no digits", r"\d")
        self.assertRegex("no digits", r"\d")


if __name__ == '__main__':
    unittest.main(verbosity=2)
