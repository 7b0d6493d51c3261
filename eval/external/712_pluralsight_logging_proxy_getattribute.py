# Source: https://github.com/diegogcc/py-pluralsight/blob/master/advanced/advanced-python/3-object_internals_and_custom_attributes/logging_proxy_04.py with vector_11.py (notes of Pluralsight's "Advanced Python" course: a LoggingProxy whose __getattribute__/__setattr__ forward to a target through super(), over a ColoredVector that keeps its attributes in __dict__)
# Changed: vector_11's classes are pasted in; the course's REPL lines print their values, and the proxy is also read, written and asked for a missing attribute
class Vector:
    
    def __init__(self, **coords):
        private_coords = {'_' + k: v for k, v in coords.items()}
        self.__dict__.update(private_coords)

    def __getattr__(self, name):
        private_name = '_' + name
        try:
            return self.__dict__[private_name]
        except KeyError:
            raise AttributeError('{!r} object has no attribute {!r}'.format(
                self.__class__, name))

    def __setattr__(self, name, value):
        raise AttributeError("Can't set attribute {!r}".format(name))

    def __delattr__(self, name):
        raise AttributeError("Can't delete attribute {!r}".format(name))

    def __repr__(self):
        return "{}({})".format(
            self.__class__.__name__,
            ', '.join("{k}={v}".format(
                k=k[1:],                    # slice the _ prefix
                v=self.__dict__[k])
                for k in sorted(self.__dict__.keys())))

class ColoredVector(Vector):

    COLOR_INDEXES = ('red', 'green', 'blue')

    def __init__(self, red, green, blue, **coords):
        super().__init__(**coords)
        self.__dict__['color'] = [red, green, blue]
    
    def __getattr__(self, name):
        try:
            channel = ColoredVector.COLOR_INDEXES.index(name)
        except ValueError:
            return super().__getattr__(name)
        else:
            return self.__dict__['color'][channel]

    def __setattr__(self, name, value):
        try:
            channel = ColoredVector.COLOR_INDEXES.index(name)
        except ValueError:
            super().__setattr__(name, value)
        else:
            self.__dict__['color'][channel] = value 
    
    def __repr__(self):
        keys = set(self.__dict__.keys())
        keys.discard('color')
        coords = ', '.join(
            "{k}={v}".format(k=k[1:], v=self.__dict__[k])
            for k in sorted(keys))
        return "{cls}({red}, {green}, {blue}, {coords})".format(
            cls=self.__class__.__name__,
            red=self.red,
            green=self.green,
            blue=self.blue,
            coords=coords)


class LoggingProxy:
    """Logs every attribute retreival made against the target objects supplied to the constructor"""
    def __init__(self, target):
        super().__setattr__('target', target)

    def __getattribute__(self, name):
        target = super().__getattribute__('target')

        try:
            value = getattr(target, name)
        except AttributeError as e:
            raise AttributeError("{} could not forward request {} to {}".format(
                super().__getattribute__('__class__').__name__,
                name,
                target)) from e
        print("Retreived attribute {!r} = {!r} from {!r}".format(name, value, target))
        return value
    
    def __setattr__(self, name, value):
        target = super().__getattribute__('target')

        try:
            setattr(target, name, value)
        except AttributeError as e:
            raise AttributeError("{} could not forward request {} to {}".format(
                super().__getattribute__('__class__').__name__,
                name,
                target)) from e
        print("Set attribute {!r} = {!r} on {!r}".format(name, value, target))
    
    def __repr__(self):
        target = super().__getattribute__('target')
        repr_callable = getattr(target, '__repr__')
        return repr_callable()

if __name__ == "__main__":
    cv = ColoredVector(red=23, green=44, blue=238, p=9, q=14)
    cw = LoggingProxy(cv)

    ''' call routed via the proxy and dispatched successfully '''
    print(cw.__repr__())

    ''' now also proxied '''
    print(repr(cw))

    print(cw.p, cw.red)
    cw.red = 5
    print(cv)
    try:
        cw.p = 10
    except AttributeError as e:
        print('AttributeError:', e, '| cause:', e.__cause__)
    try:
        cw.z
    except AttributeError as e:
        print('AttributeError:', e)
