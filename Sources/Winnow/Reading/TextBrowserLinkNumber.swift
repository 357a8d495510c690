/// The number a text browser prints before a link's text: lynx -dump writes `[12]Home`, and
/// lists link 12's address at the end of the page (`navigation.link-references`).
///
/// The number is glued to the text it numbers, which tells it from what a bracketed number
/// means elsewhere: a footnote or citation (`said.[3] Then`, `text[3].`), a list label
/// (`[3] Smith, J.`), a markdown reference (`[3]: https://…`, `[text][3]`), a number in
/// brackets inside prose (`[2012]`, before a space). Links side by side glue it to the text
/// before it too (`[24]Home[25]Latest News`).
enum TextBrowserLinkNumber {
    /// The most digits a link number has (lynx numbers every link of a page: thousands at most).
    static let maximumDigits = 5

    /// The index after the link number that opens at `index` (a `[`), or nil when none does.
    static func end(in text: UnsafeRawBufferPointer, at index: Int) -> Int? {
        var close = index + 1
        while close < text.count, close - index <= maximumDigits, isDigit(text[close]) { close += 1 }
        guard close > index + 1, close < text.count, text[close] == UInt8(ascii: "]") else { return nil }
        let next = close + 1
        guard next < text.count, startsLinkText(text, at: next) else { return nil }
        return next
    }

    /// Whether a link's text can open at `index`: a letter or digit, a quote, a handle's `@` or
    /// a hashtag's `#` (a tweet's links: `[46]@markusreuter`, `[38]#Chemnitz`), or a non-ASCII
    /// character other than a no-break space (CJK, Thai, accented letters).
    private static func startsLinkText(_ text: UnsafeRawBufferPointer, at index: Int) -> Bool {
        let byte = text[index]
        if isWordByte(byte) || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "@")
            || byte == UInt8(ascii: "#")
        {
            return true
        }
        guard byte >= 0x80 else { return false }
        // U+00A0 (C2 A0) is a space a page put there on purpose.
        return !(byte == 0xC2 && index + 1 < text.count && text[index + 1] == 0xA0)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    static func isWordByte(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
    }
}
