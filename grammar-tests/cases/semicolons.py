if x: a;
while y:
    b; c;
d ;
