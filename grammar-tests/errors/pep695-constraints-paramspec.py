type Handler[**P: (int, str)] = int
