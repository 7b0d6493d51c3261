café = "naïve ☕"
ﬁle = 1
x = "😀" + café
def 函数(参数): return 参数
