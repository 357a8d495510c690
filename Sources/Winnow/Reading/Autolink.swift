/// A markdown autolink: `<https://example.com/a>` or `<name@example.com>`, which html2text and
/// pandoc write for a link whose text is its address. Its text is the address; the angle
/// brackets are markup (CommonMark's rule: a scheme of 2-32 letters, digits, `+`, `.` or `-`
/// after a letter, a colon, then no space, control, `<` or `>`; or an e-mail address).
enum Autolink {
    /// The index after the `>` of the autolink whose `<` is at `open`, or nil when none starts
    /// there ("a < b", "<3", "<br>", "<a href=…>" are no autolinks).
    static func end(in text: UnsafeRawBufferPointer, at open: Int) -> Int? {
        guard open + 3 < text.count, text[open] == UInt8(ascii: "<") else { return nil }
        return uriEnd(in: text, at: open + 1) ?? emailEnd(in: text, at: open + 1)
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private static func uriEnd(in text: UnsafeRawBufferPointer, at start: Int) -> Int? {
        guard isLetter(text[start]) else { return nil }
        var index = start + 1
        while index < text.count, index - start < 33 {
            let byte = text[index]
            guard isLetter(byte) || isDigit(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".")
                || byte == UInt8(ascii: "-")
            else { break }
            index += 1
        }
        let schemeLength = index - start
        guard (2...32).contains(schemeLength), index < text.count, text[index] == UInt8(ascii: ":") else { return nil }
        index += 1
        while index < text.count {
            let byte = text[index]
            if byte == UInt8(ascii: ">") { return index + 1 }
            if byte <= 0x20 || byte == 0x7F || byte == UInt8(ascii: "<") { return nil }
            index += 1
        }
        return nil
    }

    private static func emailEnd(in text: UnsafeRawBufferPointer, at start: Int) -> Int? {
        guard let end = emailAddressEnd(in: text, at: start), end < text.count, text[end] == UInt8(ascii: ">") else {
            return nil
        }
        return end + 1
    }

    /// Whether `text` is one e-mail address and nothing else (an autolink's, without `<>`).
    static func isEmailAddress(_ text: UnsafeRawBufferPointer) -> Bool {
        emailAddressEnd(in: text, at: 0) == text.count
    }

    /// Where the e-mail address that starts at `start` ends (the first byte its domain does not
    /// take), or nil when none starts there.
    private static func emailAddressEnd(in text: UnsafeRawBufferPointer, at start: Int) -> Int? {
        var index = start
        while index < text.count, isLocalByte(text[index]) { index += 1 }
        guard index > start, index < text.count, text[index] == UInt8(ascii: "@") else { return nil }
        index += 1
        // Labels of letters, digits and inner hyphens, separated by dots.
        var labelStart = index
        while index < text.count {
            let byte = text[index]
            if isLetter(byte) || isDigit(byte) || byte == UInt8(ascii: "-") {
                index += 1
                guard index - labelStart <= 63 else { return nil }
            } else if byte == UInt8(ascii: "."), index > labelStart, text[index - 1] != UInt8(ascii: "-") {
                index += 1
                labelStart = index
            } else {
                break
            }
        }
        guard index > labelStart, text[index - 1] != UInt8(ascii: "-"), text[labelStart] != UInt8(ascii: "-") else {
            return nil
        }
        return index
    }

    /// The bytes of an e-mail address's local part (CommonMark's, from the HTML spec).
    private static func isLocalByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || isDigit(byte) || ".!#$%&'*+/=?^_`{|}~-".utf8.contains(byte)
    }
}
