import Winnow
print("winnow, ICU \(ICU.version)")
