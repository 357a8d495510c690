/// Finds comment bylines that carry a date but no time of day ("Jermaine 07 Nov 12",
/// "1. William Kirk - August 8, 2012", "Mark 08-08-2012"): a short undecided line without a
/// sentence ending that ends with a calendar date ("who, when"). One such line is an article's
/// own dateline; several after the page's first prose line are the bylines of its comments, and
/// they split the page the way timestamped bylines do (part of `CommentThreadHeuristic`, whose
/// id and byline reason they carry).
///
/// Lines a rule already decided (image file names such as `[Screen-Shot-2012-10-08]`, archive
/// links), placeholders and the attributions of embedded posts ("— Ann (@ann) May 3, 2013",
/// `EmbeddedPostAttribution`) are not bylines.
///
/// Source: the field notes (comment threads of blog platforms); the timestamped-byline signal
/// of `CommentThreadHeuristic`, widened to dates.
enum DatedBylineHeuristic {
    /// The most words of a dated byline.
    static let maximumWords = 10
    /// The least number of dated bylines after the article's first prose line that make a
    /// comment thread.
    static let minimumCount = 3

    /// Month names and abbreviations (case-folded) of the main European languages.
    static let months: Set<String> = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "january", "february", "march", "april", "june", "july", "august", "september", "october",
        "november", "december",
        "januar", "februar", "märz", "mai", "juni", "juli", "oktober", "dezember",
        "janvier", "février", "mars", "avril", "juin", "juillet", "août", "septembre", "octobre",
        "novembre", "décembre",
        "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
        "octubre", "noviembre", "diciembre",
        "gennaio", "febbraio", "aprile", "maggio", "giugno", "luglio", "settembre", "ottobre",
        "dicembre",
        "janeiro", "fevereiro", "março", "maio", "junho", "julho", "setembro", "outubro", "dezembro",
        "januari", "februari", "maart", "mei", "augustus",
    ]

    /// The dated comment bylines of a page: lines after its first prose line that are not
    /// separators yet, not decided by a rule and not placeholders; none when fewer than
    /// `minimumCount`.
    static func bylines(
        features: [LineFeatures], classes: [BlockClass], separators: [Bool], isDecided: (Int) -> Bool,
        text: (Int) -> String
    ) -> [Int] {
        guard let firstProse = classes.firstIndex(of: .good) else { return [] }
        var found: [Int] = []
        for index in (firstProse + 1)..<features.count {
            let line = features[index]
            // The cheap tests of `isDatedByline` first: most lines fail them without their text.
            guard !separators[index], line.words >= 2, line.words <= maximumWords, !line.endsLikeSentence,
                !line.isPlaceholder, !isDecided(index)
            else { continue }
            if isDatedByline(text(index), words: line.words, endsLikeSentence: line.endsLikeSentence) { found.append(index) }
        }
        return found.count >= minimumCount ? found : []
    }

    /// Whether `text` (plain text of a line of `words` words) is a dated byline.
    static func isDatedByline(_ text: String, words: Int, endsLikeSentence: Bool) -> Bool {
        guard words >= 2, words <= maximumWords, !endsLikeSentence else { return false }
        guard isASCIIDatedByline(text) ?? hasDatedBylineEnding(text) else { return false }
        return !EmbeddedPostAttribution.isAttribution(text)
    }

    /// The date tests of `isDatedByline` on any text, by `Character`.
    static func hasDatedBylineEnding(_ text: String) -> Bool {
        // "Who, when": the date ends the line (its day or year is the last word).
        // The last run of letters and numbers, found by walking back over the characters.
        var end = text.endIndex
        while end > text.startIndex {
            let before = text.index(before: end)
            if text[before].isLetter || text[before].isNumber { break }
            end = before
        }
        var start = end
        while start > text.startIndex {
            let before = text.index(before: start)
            guard text[before].isLetter || text[before].isNumber else { break }
            start = before
        }
        guard isDayOrYear(text[start..<end]) else { return false }
        return containsDate(text)
    }

    /// `isDatedByline`'s date tests on the bytes of a line whose letters and digits are ASCII
    /// (where a letter or number `Character` is an ASCII letter or digit), without `Character`
    /// walks or token strings; `nil` when the line has other non-ASCII text than the
    /// punctuation of `isPlainSeparator`.
    static func isASCIIDatedByline(_ text: String) -> Bool? {
        var text = text
        return text.withUTF8 { bytes -> Bool? in
            // First only the last token (most lines do not end with a day or a year), then,
            // for the few that do, all of them.
            var last: Range<Int>?
            guard forEachASCIIToken(of: bytes, { last = $0 }) else { return nil }
            guard let last, isDayOrYear(UnsafeBufferPointer(rebasing: bytes[last])) else { return false }
            return asciiContainsDate(bytes)
        }
    }

    /// `containsDate` on the bytes of a text whose letters and digits are ASCII (see
    /// `isASCIIDatedByline`); `nil` for any other text.
    static func asciiContainsDate(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        // A month beside a day or a year, found as the tokens go by (a month's neighbours are
        // the tokens before and after it): no array of the tokens is made.
        var found = false
        var previous: Range<Int>? = nil
        var previousIsMonth = false
        let complete = forEachASCIIToken(of: bytes) { token in
            guard !found else { return }
            let month = isMonth(UnsafeBufferPointer(rebasing: bytes[token]))
            if previousIsMonth, isDayOrYear(UnsafeBufferPointer(rebasing: bytes[token])) {
                found = true
            } else if month, let previous, isDayOrYear(UnsafeBufferPointer(rebasing: bytes[previous])) {
                found = true
            }
            previous = token
            previousIsMonth = month
        }
        guard complete else { return nil }
        return found || containsNumericDate(bytes)
    }

    /// Calls `body` with each run of ASCII letters and digits in `bytes`, in order; `false`
    /// (and no further calls) at the first non-ASCII scalar that is not a separator of
    /// `plainSeparatorWidth`, where the `Character` walk has to decide.
    @inline(__always)
    private static func forEachASCIIToken(
        of bytes: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Void
    ) -> Bool {
        var start = -1
        var position = 0
        while position < bytes.count {
            let byte = bytes[position]
            if byte >= 0x80 {
                guard let width = plainSeparatorWidth(bytes, at: position) else { return false }
                if start >= 0 {
                    body(start..<position)
                    start = -1
                }
                position += width
                continue
            }
            if isASCIIAlphanumeric(byte) {
                if start < 0 { start = position }
            } else if start >= 0 {
                body(start..<position)
                start = -1
            }
            position += 1
        }
        if start >= 0 { body(start..<bytes.count) }
        return true
    }

    /// The UTF-8 width of the scalar at `position` when it is a character of its own that is
    /// neither a letter nor a number and never joins a neighbour into one `Character`: Latin-1
    /// punctuation and symbols (NBSP © « » ° · …; not ª ² ³ µ ¹ º ¼ ½ ¾ or the soft hyphen),
    /// the spaces U+2000–U+200A and general punctuation U+2010–U+2027, U+2030–U+205E (dashes,
    /// quotes, bullet, ellipsis; not the joiners and format controls). `nil` for anything else.
    private static func plainSeparatorWidth(_ bytes: UnsafeBufferPointer<UInt8>, at position: Int) -> Int? {
        let lead = bytes[position]
        if lead == 0xC2, position + 1 < bytes.count {
            let trail = bytes[position + 1]
            switch trail {
            case 0xA0...0xBF:
                switch trail {
                case 0xAA, 0xAD, 0xB2, 0xB3, 0xB5, 0xB9, 0xBA, 0xBC, 0xBD, 0xBE: return nil
                default: return 2
                }
            default: return nil
            }
        }
        if lead == 0xE2, position + 2 < bytes.count, bytes[position + 2] & 0xC0 == 0x80 {
            let b1 = bytes[position + 1], b2 = bytes[position + 2]
            guard b1 == 0x80 || b1 == 0x81 else { return nil }
            let scalar = 0x2000 | (Int(b1 & 0x3F) << 6) | Int(b2 & 0x3F)
            if scalar <= 0x200A || (0x2010...0x2027).contains(scalar) || (0x2030...0x205E).contains(scalar) { return 3 }
        }
        return nil
    }

    private static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
    }

    /// The ASCII month names, lower-cased, by length (`months` without the accented ones).
    private static let asciiMonths: [[[UInt8]]] = {
        var byLength = [[[UInt8]]](repeating: [], count: 16)
        for month in months where month.utf8.allSatisfy({ $0 < 0x80 }) { byLength[month.utf8.count].append(Array(month.utf8)) }
        return byLength
    }()

    /// Whether an ASCII token, lower-cased, is in `months`.
    private static func isMonth(_ token: UnsafeBufferPointer<UInt8>) -> Bool {
        guard token.count < asciiMonths.count else { return false }
        for month in asciiMonths[token.count] {
            var same = true
            for offset in 0..<token.count where token[offset] | (token[offset] &- 0x41 < 26 ? 0x20 : 0) != month[offset] {
                same = false
                break
            }
            if same { return true }
        }
        return false
    }

    /// `isDayOrYear` of an ASCII token.
    private static func isDayOrYear(_ token: UnsafeBufferPointer<UInt8>) -> Bool {
        var digits = 0
        var value = 0
        while digits < token.count, isDigit(token[digits]) {
            if digits < 4 { value = value * 10 + Int(token[digits] - 0x30) }
            digits += 1
        }
        guard digits == 1 || digits == 2 || digits == 4 else { return false }
        let suffixLength = token.count - digits
        if suffixLength != 0 {
            guard suffixLength == 2 else { return false }
            let a = token[digits] | 0x20, b = token[digits + 1] | 0x20
            let isOrdinal = (a == UInt8(ascii: "s") && b == UInt8(ascii: "t")) || (a == UInt8(ascii: "n") && b == UInt8(ascii: "d"))
                || (a == UInt8(ascii: "r") && b == UInt8(ascii: "d")) || (a == UInt8(ascii: "t") && b == UInt8(ascii: "h"))
            // `| 0x20` also maps `@`-like bytes onto letters; only letters lower-case into them.
            guard isOrdinal, isASCIIAlphanumeric(token[digits]), isASCIIAlphanumeric(token[digits + 1]) else { return false }
        }
        return (digits <= 2 && value >= 1 && value <= 31) || (digits == 4 && value >= 1900 && value <= 2099)
    }

    /// A month name next to a day or a year ("Nov 12", "8. August 2012", "August 8, 2012"), or
    /// a numeric date (`3/14/2012`, `14.03.12`, `2012-03-14`, `08-08-2012`).
    static func containsDate(_ text: String) -> Bool {
        var utf8 = text
        if let known = utf8.withUTF8({ asciiContainsDate($0) }) { return known }
        return containsDateByCharacter(text)
    }

    /// `containsDate` by `Character` (any text).
    static func containsDateByCharacter(_ text: String) -> Bool {
        var tokens: [Substring] = []
        var start: String.Index? = nil
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character.isLetter || character.isNumber {
                if start == nil { start = index }
            } else if let begun = start {
                tokens.append(text[begun..<index])
                start = nil
            }
            index = text.index(after: index)
        }
        if let begun = start { tokens.append(text[begun...]) }
        for (position, token) in tokens.enumerated() where months.contains(token.lowercased()) {
            let neighbours = [position - 1, position + 1].filter { tokens.indices.contains($0) }
            if neighbours.contains(where: { isDayOrYear(tokens[$0]) }) { return true }
        }
        return containsNumericDate(text)
    }

    /// `1`–`31`, or a year `1900`–`2099` (an ordinal suffix is allowed: `8th`).
    static func isDayOrYear(_ token: Substring) -> Bool {
        let digits = token.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, let value = Int(digits) else { return false }
        let suffix = token.dropFirst(digits.count).lowercased()
        guard suffix.isEmpty || ["st", "nd", "rd", "th"].contains(suffix) else { return false }
        return (digits.count <= 2 && value >= 1 && value <= 31) || (digits.count == 4 && value >= 1900 && value <= 2099)
    }

    /// Three groups of digits joined by the same `/`, `.` or `-`, the last or the first of two
    /// or four digits (a year).
    static func containsNumericDate(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { containsNumericDate($0) }
    }

    private static func containsNumericDate(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            guard isDigit(bytes[index]), index == 0 || !isDigit(bytes[index - 1]) else {
                index += 1
                continue
            }
            // The digit groups' lengths (at most three), in a tuple: no array per number.
            var groups = (0, 0, 0)
            var groupCount = 0
            var separator: UInt8? = nil
            var cursor = index
            while true {
                let groupStart = cursor
                while cursor < bytes.count, isDigit(bytes[cursor]) { cursor += 1 }
                switch groupCount {
                case 0: groups.0 = cursor - groupStart
                case 1: groups.1 = cursor - groupStart
                default: groups.2 = cursor - groupStart
                }
                groupCount += 1
                guard groupCount < 3, cursor + 1 < bytes.count, isDigit(bytes[cursor + 1]) else { break }
                let next = bytes[cursor]
                guard next == UInt8(ascii: "/") || next == UInt8(ascii: ".") || next == UInt8(ascii: "-") else { break }
                if let separator, separator != next { break }
                separator = next
                cursor += 1
            }
            if groupCount == 3, groups.1 <= 2, groups.0 <= 4, groups.2 <= 4,
                (groups.0 == 4 || groups.0 <= 2), (groups.2 == 2 || groups.2 == 4), groups.0 == 4 || groups.2 >= 2,
                cursor == bytes.count || !isDigit(bytes[cursor])
            {
                return true
            }
            index = max(cursor, index + 1)
        }
        return false
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
}
