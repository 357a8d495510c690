/// A message for stderr that quotes a file name (or a record's text) kept on one line.
///
/// File names may hold a newline, a carriage return or a terminal escape: printed as they are,
/// one error became two lines (a script reading stderr line by line counted two problems, the
/// second naming no file) or moved the cursor. They are shown escaped, as `\n`, `\r`,
/// `\u{1b}`.
enum ErrorLine {
    static func escaping(_ message: String) -> String {
        guard message.unicodeScalars.contains(where: isControl) else { return message }
        var escaped = ""
        for scalar in message.unicodeScalars {
            switch scalar {
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            case _ where isControl(scalar): escaped += "\\u{\(String(scalar.value, radix: 16))}"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// C0 and C1 controls and DEL; a tab stays, it does not break the line.
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t") || (scalar.value >= 0x7F && scalar.value < 0xA0)
    }
}
