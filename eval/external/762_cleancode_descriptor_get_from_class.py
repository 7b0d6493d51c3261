# Source: https://github.com/PacktPublishing/Clean-Code-in-Python/blob/HEAD/Chapter06/descriptors_methods_1.py (Mariano Anaya's "Clean Code in Python", chapter 6: a descriptor's __get__ called from the class gets instance None)
# Changed: the two doctest lines of ClientClass's docstring are printed at the end
"""Clean Code in Python - Chapter 6: Descriptors

> Methods of the descriptor interface: __get__
"""


class DescriptorClass:
    def __get__(self, instance, owner):
        if instance is None:
            return f"{self.__class__.__name__}.{owner.__name__}"
        return f"value for {instance}"


class ClientClass:
    """
    >>> ClientClass.descriptor
    'DescriptorClass.ClientClass'

    >>> ClientClass().descriptor  # doctest: +ELLIPSIS
    'value for <descriptors_methods_1.ClientClass object at 0x...>'
    """

    descriptor = DescriptorClass()


print(repr(ClientClass.descriptor))
print(repr(ClientClass().descriptor))
