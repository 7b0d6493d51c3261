if x:
	pass
	if y:
		z = 1
