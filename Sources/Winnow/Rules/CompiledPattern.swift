/// A `RulePattern` prepared for matching: folded phrases, prefilter literals, a regex slot.
struct CompiledPattern: Sendable {
    enum Test: Sendable {
        case equals([UInt8])
        case prefix([UInt8])
        case contains([UInt8])
        case anyOf(Set<[UInt8]>)
        case regex(slot: Int)
    }

    let test: Test
    let input: RulePattern.Input
    let ignoreCase: Bool
    let maxLength: Int?
    let maxWords: Int?
    /// Ids (in the literal scanner for `input`) of which at least one must occur in the folded
    /// text; `nil` when there is no literal prefilter.
    let literalIDs: [Int]?
    /// Texts longer than this (in UTF-8 bytes of the compared form) cannot match.
    let maxBytes: Int?

    /// Whether the pattern matches `subject`. `hit` tells whether a literal id occurred;
    /// `regex` runs an ICU regex slot on a text.
    func matches(
        _ subject: MatchSubject, hit: (RulePattern.Input, Int) -> Bool, regex: (Int, String) -> Bool
    ) -> Bool {
        let folded = input == .plain ? subject.plainFolded : subject.rawFolded
        let text = input == .plain ? subject.plain : subject.raw
        if let maxBytes, (ignoreCase ? folded.count : text.utf8.count) > maxBytes { return false }
        if let literalIDs, !literalIDs.contains(where: { hit(input, $0) }) { return false }
        if let maxLength, text.unicodeScalars.count > maxLength { return false }
        if let maxWords, MatchSubject.wordCount(text) > maxWords { return false }
        switch test {
        case .equals(let phrase):
            return ignoreCase ? folded == phrase : Array(text.utf8) == phrase
        case .prefix(let phrase):
            return ignoreCase ? folded.starts(with: phrase) : text.utf8.starts(with: phrase)
        case .contains(let phrase):
            // The scanner already found the folded phrase; a case-sensitive rule checks again.
            return ignoreCase ? true : MatchSubject.contains(Array(text.utf8), phrase)
        case .anyOf(let phrases):
            return phrases.contains(ignoreCase ? folded : Array(text.utf8))
        case .regex(let slot):
            return regex(slot, text)
        }
    }
}

/// The forms of one line (or one paragraph, lines joined by `\n`) that patterns look at.
struct MatchSubject {
    /// Markdown removed (`InlineMarkup.plainText`).
    var plain: String
    /// `plain`, case-folded, as UTF-8.
    var plainFolded: [UInt8]
    /// The text with its markup.
    var raw: String
    /// `raw`, case-folded, as UTF-8 (empty when no rule reads raw text).
    var rawFolded: [UInt8]

    init(raw: String, plain: String, foldRaw: Bool) {
        self.raw = raw
        self.plain = plain
        self.plainFolded = Self.fold(plain)
        self.rawFolded = foldRaw ? (plain == raw ? plainFolded : Self.fold(raw)) : []
    }

    /// Case-folded UTF-8; ASCII lines (most of them) skip ICU.
    static func fold(_ text: String) -> [UInt8] {
        var ascii = true
        for byte in text.utf8 where byte >= 0x80 {
            ascii = false
            break
        }
        if ascii { return text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 } }
        return Array(Normalizer.foldCase(text).utf8)
    }

    /// The visible text of a markdown line, skipping the parser when the line has no markup.
    static func plainText(_ line: String) -> String {
        var needsParser = false
        var previousSpace = false
        for (offset, byte) in line.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "["), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "\\"),
                UInt8(ascii: "!"), UInt8(ascii: "\t"):
                needsParser = true
            case UInt8(ascii: "#"), UInt8(ascii: ">"), UInt8(ascii: "-"), UInt8(ascii: "+"), 0xE2, 0xC2:
                if offset == 0 { needsParser = true }
            case 0x20:
                if previousSpace { needsParser = true }
            default:
                break
            }
            if needsParser { break }
            previousSpace = byte == 0x20
        }
        return needsParser ? InlineMarkup.plainText(line) : line
    }

    /// Whitespace-separated words.
    static func wordCount(_ text: String) -> Int {
        var count = 0
        var inWord = false
        for byte in text.utf8 {
            let space = byte == 0x20 || byte == 0x09 || byte == 0x0A
            if !space && !inWord { count += 1 }
            inWord = !space
        }
        return count
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard haystack.count >= needle.count else { return false }
        let first = needle[0]
        var index = 0
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first, haystack[index..<(index + needle.count)].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }
}
