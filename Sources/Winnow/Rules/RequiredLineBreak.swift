/// Whether every match of a regex holds a line break: a block rule that needs the next line
/// (a name line, then a bio sentence) cannot match a one-line paragraph, which is most of
/// them, so a text without a `\n` byte is turned away before ICU runs.
///
/// Read from the pattern's top level only: a `\n` escape outside every group, not made
/// optional by a quantifier, in a pattern with no top-level `|`. `false` when unsure.
enum RequiredLineBreak {
    static func of(regex pattern: String) -> Bool {
        let bytes = Array(pattern.utf8)
        guard !usesUnreadSyntax(bytes) else { return false }
        var depth = 0
        var found = false
        var index = 0
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\\"):
                guard index + 1 < bytes.count else { return false }
                if depth == 0, bytes[index + 1] == UInt8(ascii: "n"), !isOptional(after: index + 2, in: bytes) {
                    found = true
                }
                index += 2
                continue
            case UInt8(ascii: "["):
                guard let end = RegexAlternatives.classEnd(from: index, in: bytes) else { return false }
                index = end + 1
                continue
            case UInt8(ascii: "("):
                depth += 1
            case UInt8(ascii: ")"):
                depth -= 1
                if depth < 0 { return false }
            case UInt8(ascii: "|") where depth == 0:
                return false
            default:
                break
            }
            index += 1
        }
        return found && depth == 0
    }

    /// Whether the quantifier at `index`, if any, lets its atom match zero times (`{` is taken
    /// as maybe zero: `{1,3}` would be safe, but is not worth reading).
    private static func isOptional(after index: Int, in bytes: [UInt8]) -> Bool {
        guard index < bytes.count else { return false }
        return "?*{".utf8.contains(bytes[index])
    }

    /// Quoting (`\Q…\E`, whose `\n` is two literal characters), comment groups (`(?#…)`, whose
    /// parentheses do not nest) and the free-spacing flag (`x`, whose `#` comments hide the
    /// rest of a line): the scan does not follow them.
    private static func usesUnreadSyntax(_ bytes: [UInt8]) -> Bool {
        var index = 0
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: "\\") {
                if bytes[index + 1] == UInt8(ascii: "Q") { return true }
                index += 2
                continue
            }
            if bytes[index] == UInt8(ascii: "("), bytes[index + 1] == UInt8(ascii: "?") {
                var flag = index + 2
                if flag < bytes.count, bytes[flag] == UInt8(ascii: "#") { return true }
                // Inline flags run up to `)` or `:`; any `x` among them (set or cleared) is refused.
                while flag < bytes.count, bytes[flag] != UInt8(ascii: ")"), bytes[flag] != UInt8(ascii: ":") {
                    if bytes[flag] == UInt8(ascii: "x") { return true }
                    if !isFlagByte(bytes[flag]) { break }
                    flag += 1
                }
            }
            index += 1
        }
        return false
    }

    private static func isFlagByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || byte == UInt8(ascii: "-")
    }
}
