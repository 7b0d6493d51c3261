# Source: https://github.com/dabeaz/python-cookbook/blob/master/src/9/monkeypatching_class_definitions/example.py (Beazley & Jones, "Python Cookbook" 3rd ed., recipe 9.12: a class decorator that replaces __getattribute__ to log every attribute read), with the recipe's alternative by inheritance (a LoggedGetattribute base whose __getattribute__ calls super())
# Changed: the recipe's inheritance variant (from the book's text) is added after the decorator example, with the same calls
def log_getattribute(cls):
    # Get the original implementation
    orig_getattribute = cls.__getattribute__

    # Make a new definition
    def new_getattribute(self, name):
        print('getting:', name)
        return orig_getattribute(self, name)

    # Attach to the class and return
    cls.__getattribute__ = new_getattribute
    return cls

# Example use
@log_getattribute
class A:
    def __init__(self,x):
        self.x = x
    def spam(self):
        pass


# another solution using inheritance
class LoggedGetattribute:
    def __getattribute__(self, name):
        print('getting:', name)
        return super().__getattribute__(name)

# Example:
class B(LoggedGetattribute):
    def __init__(self,x):
        self.x = x
    def spam(self):
        pass


if __name__ == '__main__':
    a = A(42)
    print(a.x)
    a.spam()
    b = B(42)
    print(b.x)
    b.spam()
