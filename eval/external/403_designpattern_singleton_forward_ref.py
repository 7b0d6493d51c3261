# Source: https://github.com/bigeyesung/DesignPattern/blob/HEAD/Singleton.py (a singleton metaclass annotated with the class it makes, before that class exists)
# Changed: a driver added (the Singleton class it names, used from tasks); the annotations are CPython's to evaluate
from typing import Optional
class SingletonMeta(type):
    _instance: Optional[Singleton] = None

    def __call__(self) -> Singleton:
        if self._instance is None:
            self._instance = super().__call__()
        return self._instance


class Singleton(metaclass=SingletonMeta):
    def some_business_logic(self):
        return id(self) == id(Singleton())


print("defined")
