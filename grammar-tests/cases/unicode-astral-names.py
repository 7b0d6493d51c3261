# identifiers with characters outside the BMP (and digits after them); non-ASCII outside names only in strings/comments
𝔘𝔫𝔦𝔠𝔬𝔡𝔢 = 1
x = 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 + 1 # ∀
y = "∀"
𝔘1x = 1
x = 𝔘1x + 1
