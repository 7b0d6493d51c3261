# Source: https://github.com/PrashikWankhadeSCOE/Python/blob/HEAD/Classes_Objects/Destructor/Program5.py (a course exercise: the print statements of a class body run when the class statement runs, before the constructor)
# Changed: none
# Example and proof that python is interpreted language

class Demo:
    print('Start class')

    def __init__(self):
        print('In constructor')
    
    print('End Class')

print('Start code')
obj = Demo()
print('End code')


'''
Start class
End Class
Start code
In constructor
End code
'''
