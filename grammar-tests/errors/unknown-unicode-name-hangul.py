s = "\N{hangul syllable ga}"
