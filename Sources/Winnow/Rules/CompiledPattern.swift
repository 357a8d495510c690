#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A `RulePattern` prepared for matching: folded phrases, prefilter literals, a regex slot.
///
/// A class: a line tries dozens of candidate patterns, and calling a method on a struct stored
/// in a rule's entry copied it (retaining each of its arrays) on every try.
final class CompiledPattern: Sendable {
    enum Test: Sendable {
        case equals([UInt8])
        case prefix([UInt8])
        case contains([UInt8])
        case anyOf(Set<String>)
        /// `branches`: when not empty, the pattern's top-level alternatives, each with its own
        /// regex slot and prefilter, run instead of `slot` (see `RegexAlternatives`).
        case regex(slot: Int, branches: [Branch])
    }

    /// One top-level alternative of a regex pattern.
    struct Branch: Sendable {
        let slot: Int
        /// Literal ids one of which the folded text must hold; `nil`: no literal prefilter.
        let literalIDs: [Int]?
        /// Texts one of which the folded text must start with; `nil`: not anchored.
        let prefixes: PrefixSet?
    }

    let test: Test
    let input: RulePattern.Input
    let ignoreCase: Bool
    let maxLength: Int?
    let maxWords: Int?
    /// Ids (in the literal scanner for `input`) of which at least one must occur in the folded
    /// text; `nil` when there is no literal prefilter.
    let literalIDs: [Int]?
    /// Case-folded texts one of which the folded text must start with (anchored regexes).
    let prefixes: PrefixSet?
    /// Texts longer than this (in UTF-8 bytes of the compared form) cannot match.
    let maxBytes: Int?
    /// Every match of the regex holds a `\d`: a text without a digit is turned away before
    /// ICU runs (slide counters, dates and counts are common rules, digits rare in menus).
    let requiresDigit: Bool

    init(
        test: Test, input: RulePattern.Input, ignoreCase: Bool, maxLength: Int?, maxWords: Int?, literalIDs: [Int]?,
        prefixes: PrefixSet?, maxBytes: Int?, requiresDigit: Bool
    ) {
        self.test = test
        self.input = input
        self.ignoreCase = ignoreCase
        self.maxLength = maxLength
        self.maxWords = maxWords
        self.literalIDs = literalIDs
        self.prefixes = prefixes
        self.maxBytes = maxBytes
        self.requiresDigit = requiresDigit
    }

    /// The case-folded phrases a whole line must equal (`equals`, `any-of`), for the phrase index.
    var wholeLinePhrases: [String]? {
        switch test {
        case .equals(let phrase): [String(decoding: phrase, as: UTF8.self)]
        case .anyOf(let phrases): Array(phrases)
        default: nil
        }
    }

    /// Whether the pattern may match a paragraph (its lines joined by `\n`) whose first line
    /// is `firstRaw` / `firstPlain`: `false` only when the anchored prefixes rule it out.
    ///
    /// Folding works scalar by scalar and a prefix without a line break cannot reach past the
    /// `\n` after the first line, so the first line's fold answers for the paragraph's, and
    /// the paragraph need not be joined and folded to be turned away.
    func mayMatchParagraph(firstRaw: String, firstPlain: String) -> Bool {
        guard let prefixes, !prefixes.containsLineBreak else { return true }
        return prefixes.isPrefix(of: MatchSubject.fold(input == .plain ? firstPlain : firstRaw))
    }

    /// Whether the pattern matches `subject`. `hit` tells whether a literal id occurred;
    /// `regex` runs an ICU regex slot on a text.
    func matches(
        _ subject: inout MatchSubject, hit: (RulePattern.Input, Int) -> Bool, regex: (Int, String) -> Bool
    ) -> Bool {
        let folded = input == .plain ? subject.plainFolded : subject.rawFolded
        let text = input == .plain ? subject.plain : subject.raw
        if let maxBytes, (ignoreCase ? folded.count : text.utf8.count) > maxBytes { return false }
        if let literalIDs, !literalIDs.contains(where: { hit(input, $0) }) { return false }
        if let prefixes, !prefixes.isPrefix(of: folded) { return false }
        if let maxLength, MatchSubject.scalarCount(text) > maxLength { return false }
        if let maxWords, subject.wordCount(of: input) > maxWords { return false }
        switch test {
        case .equals(let phrase):
            return ignoreCase ? folded == phrase : Array(text.utf8) == phrase
        case .prefix(let phrase):
            return ignoreCase ? MatchSubject.hasPrefix(folded, phrase) : text.utf8.starts(with: phrase)
        case .contains(let phrase):
            // The scanner already found the folded phrase; a case-sensitive rule checks again.
            return ignoreCase ? true : MatchSubject.contains(Array(text.utf8), phrase)
        case .anyOf(let phrases):
            return phrases.contains(ignoreCase ? String(decoding: folded, as: UTF8.self) : text)
        case .regex(let slot, let branches):
            if requiresDigit, !subject.mayHoldDigit(of: input) { return false }
            guard !branches.isEmpty else { return regex(slot, text) }
            for branch in branches {
                if let literalIDs = branch.literalIDs, !literalIDs.contains(where: { hit(input, $0) }) { continue }
                if let prefixes = branch.prefixes, !prefixes.isPrefix(of: folded) { continue }
                if regex(branch.slot, text) { return true }
            }
            return false
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

    /// Where `plainFolded` sits inside `rawFolded` when the plain text is the raw text minus a
    /// leading marker (`• Home` → `Home`), so one scan of the raw text serves both; else `nil`.
    var plainOffsetInRaw: Int?

    /// `wordCount` of `plain` and of `raw`, counted when a pattern first asks (-1: not yet):
    /// many rules of a line limit its words.
    private var plainWords = -1
    private var rawWords = -1

    /// Whether `plain` / `raw` may hold a decimal digit (see `mayHoldDigit(_:)`), found when a
    /// pattern first asks (-1: not yet, 0: no, 1: yes).
    private var plainDigit: Int8 = -1
    private var rawDigit: Int8 = -1

    /// Whether the text of `input` may hold a `\d` match (see `CompiledPattern.requiresDigit`).
    mutating func mayHoldDigit(of input: RulePattern.Input) -> Bool {
        if input == .plain {
            if plainDigit < 0 { plainDigit = Self.mayHoldDigit(plain) ? 1 : 0 }
            return plainDigit == 1
        }
        if rawDigit < 0 { rawDigit = Self.mayHoldDigit(raw) ? 1 : 0 }
        return rawDigit == 1
    }

    /// Whether `text` holds a byte that can start a decimal digit (`\p{Nd}`, what ICU's `\d`
    /// matches): an ASCII digit or the lead byte of a non-ASCII one. Most lines without an
    /// ASCII digit still have non-ASCII bytes (bullets, quotes, accents), but few have these.
    static func mayHoldDigit(_ text: String) -> Bool {
        text.utf8.contains(where: mayStartDigit)
    }

    /// The UTF-8 bytes that start a `\p{Nd}` scalar: ASCII digits; the lead bytes of the BMP's
    /// other digits (Arabic-Indic D9, extended Arabic-Indic DB, NKo DF, the Indic and Thai
    /// block E0, Myanmar to Ol Chiki E1, Vai to Meetei Mayek EA, fullwidth EF); every 4-byte
    /// lead (supplementary digits). `RequiresDigitTests` checks the BMP against the Unicode data.
    @inline(__always)
    static func mayStartDigit(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0xD9, 0xDB, 0xDF, 0xE0, 0xE1, 0xEA, 0xEF, 0xF0...0xF4: true
        default: false
        }
    }

    /// `wordCount(plain)` or `wordCount(raw)`, counted once per subject.
    mutating func wordCount(of input: RulePattern.Input) -> Int {
        if input == .plain {
            if plainWords < 0 { plainWords = Self.wordCount(plain) }
            return plainWords
        }
        if rawWords < 0 { rawWords = Self.wordCount(raw) }
        return rawWords
    }

    init(raw: String, plain: String, foldRaw: Bool) {
        self.raw = raw
        self.plain = plain
        guard foldRaw, plain != raw else {
            self.plainFolded = Self.fold(plain)
            self.rawFolded = foldRaw ? plainFolded : []
            if foldRaw { plainOffsetInRaw = 0 }
            return
        }
        let rawBytes = raw.utf8.count
        let plainBytes = plain.utf8.count
        if plainBytes < rawBytes, Self.hasSuffix(raw, plain, length: plainBytes),
            let folded = Self.foldWithoutICU(raw)
        {
            // Caseless folding keeps every byte in place, so the plain text's fold is the tail.
            rawFolded = folded
            plainFolded = Array(folded[(rawBytes - plainBytes)...])
            plainOffsetInRaw = rawBytes - plainBytes
        } else {
            plainFolded = Self.fold(plain)
            rawFolded = Self.fold(raw)
        }
    }

    /// Whether the last `length` UTF-8 bytes of `text` are `suffix`'s (`length` is its byte
    /// count), compared as memory rather than through the generic UTF-8 views.
    static func hasSuffix(_ text: String, _ suffix: String, length: Int) -> Bool {
        var text = text
        var suffix = suffix
        return text.withUTF8 { whole in
            suffix.withUTF8 { tail in
                guard tail.count == length, whole.count >= length else { return false }
                guard let wholeBase = whole.baseAddress, let tailBase = tail.baseAddress else { return length == 0 }
                return memcmp(wholeBase + (whole.count - length), tailBase, length) == 0
            }
        }
    }

    /// Case-folded UTF-8. Lines whose only non-ASCII characters are caseless (bullets, dashes,
    /// quotes, symbols, Thai, CJK; most lines of a rendered page) are folded here without ICU.
    static func fold(_ text: String) -> [UInt8] {
        foldWithoutICU(text) ?? Array(Normalizer.foldCase(text).utf8)
    }

    /// The fold of a text whose non-ASCII characters are all caseless (same length, same
    /// positions), or `nil` when ICU is needed.
    static func foldWithoutICU(_ text: String) -> [UInt8]? {
        let folded: [UInt8]? = text.utf8.withContiguousStorageIfAvailable { bytes -> [UInt8]? in
            var simple = true
            let out = [UInt8](unsafeUninitializedCapacity: bytes.count) { buffer, count in
                var index = 0
                while index < bytes.count {
                    let byte = bytes[index]
                    if byte < 0x80 {
                        buffer[index] = byte &- 0x41 < 26 ? byte | 0x20 : byte
                        index += 1
                        continue
                    }
                    // Decode one scalar and keep it only if it is certainly caseless.
                    let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                    guard index + length <= bytes.count else {
                        simple = false
                        break
                    }
                    var scalar = UInt32(byte & (length == 4 ? 0x07 : length == 3 ? 0x0F : 0x1F))
                    for offset in 1..<length { scalar = scalar << 6 | UInt32(bytes[index + offset] & 0x3F) }
                    guard isCaseless(scalar) else {
                        simple = false
                        break
                    }
                    for offset in 0..<length { buffer[index + offset] = bytes[index + offset] }
                    index += length
                }
                count = simple ? bytes.count : 0
            }
            return simple ? out : nil
        } ?? nil
        return folded
    }

    /// Scalars with no case mapping: Latin-1 punctuation and symbols, general punctuation,
    /// currency, arrows, math, box drawing, shapes, dingbats, Thai, CJK, Hangul, emoji.
    private static func isCaseless(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0xA0...0xB4, 0xB6...0xBF, 0xD7, 0xF7: return true  // not µ, which folds to μ
        case 0x0E00...0x0E7F: return true  // Thai
        case 0x2000...0x20FF, 0x2190...0x24B5, 0x24EA...0x2BFF: return true  // not letterlike symbols, Roman numerals, circled letters
        case 0x3000...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF: return true
        case 0xFE30...0xFE4F, 0x1F000...0x1FAFF: return true
        default: return false
        }
    }

    /// The visible text of a markdown line, skipping the parser when the line has no markup.
    static func plainText(_ line: String) -> String {
        // 0: no markup, the line is its own plain text; n > 0: only a list marker (`• `, `* `,
        // `- `, `+ `, `· `) and spaces end at byte n, the rest is plain; -1: needs the parser.
        let plainFrom: Int = line.utf8.withContiguousStorageIfAvailable { bytes -> Int in
            var start = 0
            if bytes.count > 2, (bytes[0] == UInt8(ascii: "*") || bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+")),
                bytes[1] == 0x20
            {
                start = 2
            } else if bytes.count > 4, bytes[0] == 0xE2, bytes[1] == 0x80, bytes[2] == 0xA2, bytes[3] == 0x20 {
                start = 4
            } else if bytes.count > 3, bytes[0] == 0xC2, bytes[1] == 0xB7, bytes[2] == 0x20 {
                start = 3
            }
            while start > 0, start < bytes.count, bytes[start] == 0x20 { start += 1 }
            var previousSpace = false
            for offset in start..<bytes.count {
                let byte = bytes[offset]
                switch byte {
                case UInt8(ascii: "["), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "\\"),
                    UInt8(ascii: "!"), UInt8(ascii: "\t"):
                    return -1
                case UInt8(ascii: "#"), UInt8(ascii: ">"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "]"), 0xE2, 0xC2:
                    if offset == 0 { return -1 }  // `]` opens the tail of a wrapped link
                case 0x20:
                    if previousSpace { return -1 }
                default:
                    break
                }
                previousSpace = byte == 0x20
            }
            return start
        } ?? -1
        switch plainFrom {
        case 0: return line
        case 1...: return String(decoding: line.utf8.dropFirst(plainFrom), as: UTF8.self)
        default: return InlineMarkup.plainText(line)
        }
    }

    /// Whitespace-separated words.
    static func wordCount(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            var count = 0
            var inWord = false
            for byte in bytes {
                let space = byte == 0x20 || byte == 0x09 || byte == 0x0A
                if !space && !inWord { count += 1 }
                inWord = !space
            }
            return count
        }
    }

    /// Unicode scalars in `text` (its UTF-8 bytes that do not continue a scalar).
    static func scalarCount(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            var count = 0
            for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
            return count
        }
    }

    /// Whether `bytes` starts with `prefix` (a plain byte comparison, unlike the generic
    /// `starts(with:)`).
    @inline(__always)
    static func hasPrefix(_ bytes: [UInt8], _ prefix: [UInt8]) -> Bool {
        guard bytes.count >= prefix.count else { return false }
        return bytes.withUnsafeBufferPointer { b in
            prefix.withUnsafeBufferPointer { p in
                for i in 0..<p.count where b[i] != p[i] { return false }
                return true
            }
        }
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
