/// w3m's rendering of struck-through text (`<s>`, `<strike>`, `<del>`): `[S:words:S]`. The
/// words are the page's own ("So He'll Never Forget [S:It:S] Her", a joke's retracted word, a
/// corrected figure); the marks around them are not text.
enum TextBrowserStrike {
    /// The struck words and the index after the closing `:S]`, for the `[S:` at `index`; nil
    /// when none opens there or no `:S]` follows on the line.
    ///
    /// - Parameter noCloserFrom: a line's walk carries it: once a search from some index found
    ///   no closer, none is after any later index either, so a line of openers (`[S:[S:…`) is
    ///   read once, not once per opener.
    static func span(in text: UnsafeRawBufferPointer, at index: Int, noCloserFrom: inout Int) -> (words: Range<Int>, end: Int)? {
        guard index >= 0, index + 3 < text.count, text[index] == UInt8(ascii: "["), text[index + 1] == UInt8(ascii: "S"),
            text[index + 2] == UInt8(ascii: ":"), index < noCloserFrom
        else { return nil }
        var close = index + 3
        while close + 2 < text.count {
            if text[close] == UInt8(ascii: ":"), text[close + 1] == UInt8(ascii: "S"), text[close + 2] == UInt8(ascii: "]") {
                return (index + 3..<close, close + 3)
            }
            close += 1
        }
        noCloserFrom = index
        return nil
    }
}
