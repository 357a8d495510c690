extension RequiredLiterals {
    /// A pattern parsed once for every filter derived from it (`of`, `exact`, `requiresDigit`,
    /// `anchoredPrefixes`, `endingBytes`): the built-in patterns are read at every start-up,
    /// and each used to be parsed once per filter.
    struct Parsed {
        let bytes: [UInt8]
        /// The top-level alternatives, with `$`, `\z` and `\Z` as `endAnchor` (only the ending
        /// filter tells it from `transparent`); `nil` for a pattern holding NUL or `\Q`, or one
        /// the parser does not read.
        let alternatives: [[Item]]?
        /// Where the pattern opens a group with `(?` (`groupOpenings`).
        let openings: [Int]

        init(_ pattern: String) {
            let bytes = Array(pattern.utf8)
            self.bytes = bytes
            openings = RequiredLiterals.groupOpenings(bytes)
            if bytes.contains(0) || Self.quotes(bytes) {
                alternatives = nil
                return
            }
            var parser = Parser(bytes: bytes)
            parser.endAnchors = true
            if let alternatives = parser.parseAlternation(), parser.index == bytes.count {
                self.alternatives = alternatives
            } else {
                alternatives = nil
            }
        }

        /// Whether the pattern holds `\Q` anywhere (escaped or not: a quote the parser does
        /// not follow makes every filter give up).
        private static func quotes(_ bytes: [UInt8]) -> Bool {
            var index = 0
            while index + 1 < bytes.count {
                if bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "Q") { return true }
                index += 1
            }
            return false
        }
    }
}
