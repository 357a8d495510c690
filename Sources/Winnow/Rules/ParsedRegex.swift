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
        /// Where the parser found the texts of the top level's alternatives and items, and of
        /// the alternatives of each group at the top level (see `branch`).
        private let topRanges: [Range<Int>]
        private let topItemStarts: [[Int]]
        private let groupRanges: [Int: [Range<Int>]]

        init(_ pattern: String) {
            let bytes = Array(pattern.utf8)
            self.bytes = bytes
            openings = RequiredLiterals.groupOpenings(bytes)
            var parser = Parser(bytes: bytes)
            parser.endAnchors = true
            if !bytes.contains(0), !Self.quotes(bytes), let alternatives = parser.parseAlternation(), parser.index == bytes.count {
                self.alternatives = alternatives
                topRanges = parser.topRanges
                topItemStarts = parser.topItemStarts
                groupRanges = parser.groupRanges
            } else {
                alternatives = nil
                topRanges = []
                topItemStarts = []
                groupRanges = [:]
            }
        }

        /// A branch's parse, put together from its pattern's.
        private init(branch bytes: [UInt8], alternatives: [[Item]]) {
            self.bytes = bytes
            openings = RequiredLiterals.groupOpenings(bytes)
            self.alternatives = alternatives
            topRanges = []
            topItemStarts = []
            groupRanges = [:]
        }

        /// `Parsed(branch)` for `branch`, the branch number `number` that `RegexAlternatives`
        /// split this pattern into, taken from this parse when the branch's text is a top-level
        /// alternative's (`A|B|C`), or a top-level group's alternative between the text before
        /// and after the group (`^(?:A|B)$`); `nil` otherwise (parse the branch then).
        ///
        /// Parsing the branch alone gives these items: an atom's parse reads no text past its
        /// own but the quantifier after it, and the joins are checked to start no quantifier.
        /// (The built-in patterns' big alternations were parsed twice at each start-up: whole
        /// and branch by branch.)
        func branch(_ branch: String, number: Int) -> Parsed? {
            guard let alternatives else { return nil }
            let text = Array(branch.utf8)
            guard !text.contains(0), !Self.quotes(text) else { return nil }
            if alternatives.count >= 2 {
                guard alternatives.count == topRanges.count, number < topRanges.count,
                    bytes[topRanges[number]].elementsEqual(text)
                else { return nil }
                return Parsed(branch: text, alternatives: [alternatives[number]])
            }
            guard alternatives.count == 1, let sequence = alternatives.first, let starts = topItemStarts.first,
                starts.count == sequence.count
            else { return nil }
            let quantifiers = "*+?{".utf8
            for (position, open) in starts.enumerated() {
                guard let ranges = groupRanges[open], let last = ranges.last, case .group(let inner) = sequence[position].atom,
                    sequence[position].minimum == 1, sequence[position].maximum == 1, inner.count == ranges.count,
                    number < ranges.count, last.upperBound < bytes.count
                else { continue }
                let head = bytes[..<open]
                let middle = bytes[ranges[number]]
                let tail = bytes[(last.upperBound + 1)...]
                guard text.count == head.count + middle.count + tail.count,
                    text[..<head.count].elementsEqual(head),
                    text[head.count..<(head.count + middle.count)].elementsEqual(middle),
                    text[(head.count + middle.count)...].elementsEqual(tail)
                else { continue }
                // A quantifier at a join would bind to the atom before it.
                if let first = middle.first, !head.isEmpty, quantifiers.contains(first) { return nil }
                if let first = tail.first, quantifiers.contains(first) { return nil }
                return Parsed(branch: text, alternatives: [Array(sequence[..<position]) + inner[number] + Array(sequence[(position + 1)...])])
            }
            return nil
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
