# Source: https://docs.python.org/3/library/unittest.html#organizing-test-code (WidgetTestCase, suite(), TextTestRunner)
# Changed: Widget is a stand-in class (the docs leave it undefined) with size(), resize() and dispose(); test_default_widget_size and test_widget_resize are the docs' methods; the runner's result is printed.
import unittest


class Widget:
    def __init__(self, name):
        self.name = name
        self._size = (50, 50)

    def size(self):
        return self._size

    def resize(self, w, h):
        self._size = (w, h)

    def dispose(self):
        print(f"disposing {self.name}")


class WidgetTestCase(unittest.TestCase):
    def setUp(self):
        self.widget = Widget('The widget')

    def tearDown(self):
        self.widget.dispose()

    def test_default_widget_size(self):
        self.assertEqual(self.widget.size(), (50,50),
                         'incorrect default size')

    def test_widget_resize(self):
        self.widget.resize(100,150)
        self.assertEqual(self.widget.size(), (100,150),
                         'wrong size after resize')


def suite():
    suite = unittest.TestSuite()
    suite.addTest(WidgetTestCase('test_default_widget_size'))
    suite.addTest(WidgetTestCase('test_widget_resize'))
    return suite

if __name__ == '__main__':
    runner = unittest.TextTestRunner()
    result = runner.run(suite())
    print(result)
