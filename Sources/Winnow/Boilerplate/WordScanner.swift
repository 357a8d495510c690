/// Counts the words of a line and looks each one up in the stopword index.
///
/// Lines in scripts written without spaces (Thai, Lao, Khmer, Myanmar, Chinese, Japanese) go
/// through ICU's dictionary word break, so they count right; every other line is split on
/// bytes (letters, digits and non-punctuation non-ASCII runs), which gives the same count for
/// space-separated scripts at several times ICU's speed. Not thread-safe: one per `process` call.
final class WordScanner {
    /// Opened when a line first needs it: opening an ICU break iterator costs more than
    /// measuring a short document, and most documents have no line in such a script.
    private lazy var breaker: TextBreaker? = try? TextBreaker(.word)
    private let index: StopwordIndex
    /// Scratch for one case-folded word (never more than `capacity` bytes).
    let folded: UnsafeMutablePointer<UInt8>
    static let capacity = 64

    /// Whether dictionary-break lines go through ICU (`scan` splits them on bytes otherwise).
    var hasDictionaryBreaker: Bool { breaker != nil }

    init(index: StopwordIndex = .shared) {
        self.index = index
        self.folded = .allocate(capacity: Self.capacity)
    }

    deinit { folded.deallocate() }

    /// Calls `body` with the stopword mask (0 when no list has the word) of every word in `line`.
    /// - Returns: the number of words.
    @discardableResult
    func scan(_ line: UnsafeRawBufferPointer, _ body: (UInt64) -> Void) -> Int {
        if Self.needsDictionaryBreak(line), let breaker {
            var count = 0
            breaker.forEachSegment(in: line) { range, isWord in
                guard isWord else { return }
                count += 1
                body(lookup(UnsafeRawBufferPointer(rebasing: line[range])))
            }
            return count
        }
        var count = 0
        var start = -1
        var position = 0
        while position < line.count {
            let width = Self.wordByteWidth(line, at: position)
            if width > 0 {
                if start < 0 { start = position }
                position += width
            } else {
                if start >= 0 {
                    count += 1
                    body(lookup(UnsafeRawBufferPointer(rebasing: line[start..<position])))
                    start = -1
                }
                position += Self.byteWidth(line[position])
            }
        }
        if start >= 0 {
            count += 1
            body(lookup(UnsafeRawBufferPointer(rebasing: line[start..<line.count])))
        }
        return count
    }

    /// Words in `text` (see `scan`).
    func wordCount(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { scan(UnsafeRawBufferPointer($0)) { _ in } }
    }

    private func lookup(_ word: UnsafeRawBufferPointer) -> UInt64 {
        // Stopwords are short; longer words need no lookup.
        guard word.count <= index.maxLength, word.count <= Self.capacity else { return 0 }
        var length = 0
        var position = 0
        var hash = StopwordIndex.hashSeed
        while position < word.count {
            let byte = word[position]
            if byte < 0x80 {
                let lower = byte.asciiLowercased
                folded[length] = lower
                hash = StopwordIndex.step(hash, lower)
                length += 1
                position += 1
            } else if position + 1 < word.count, byte >= 0xC3 && byte <= 0xD0 {
                let (lead, trail) = Self.foldTwoByte(byte, word[position + 1])
                folded[length] = lead
                folded[length + 1] = trail
                hash = StopwordIndex.step(StopwordIndex.step(hash, lead), trail)
                length += 2
                position += 2
            } else {
                folded[length] = byte
                hash = StopwordIndex.step(hash, byte)
                length += 1
                position += 1
            }
        }
        return index.mask(of: UnsafeRawBufferPointer(start: folded, count: length), hash: StopwordIndex.finish(hash))
    }

    /// Lower-cases the two-byte capitals that start sentences in the listed languages: Latin-1
    /// (À…Þ), Latin Extended-A (Ą Ć Ę Ł Ń Ś Ź Ż Č Š Ž…), Greek and Cyrillic.
    static func foldTwoByte(_ lead: UInt8, _ trail: UInt8) -> (UInt8, UInt8) {
        switch lead {
        case 0xC3 where trail >= 0x80 && trail <= 0x9E && trail != 0x97:
            return (lead, trail + 0x20)  // À…Þ → à…þ
        case 0xC4, 0xC5:
            let scalar = (Int(lead & 0x1F) << 6) | Int(trail & 0x3F)
            let upperIsOdd = (0x139...0x148).contains(scalar) || (0x179...0x17E).contains(scalar)
            let upperIsEven = (0x100...0x137).contains(scalar) || (0x14A...0x177).contains(scalar)
            guard (upperIsOdd && scalar % 2 == 1) || (upperIsEven && scalar % 2 == 0) else { return (lead, trail) }
            let lower = scalar + 1
            return (UInt8(0xC0 | (lower >> 6)), UInt8(0x80 | (lower & 0x3F)))
        case 0xCE where trail >= 0x91 && trail <= 0x9F:
            return (lead, trail + 0x20)  // Α…Ο → α…ο
        case 0xCE where trail >= 0xA0 && trail <= 0xA9:
            return (0xCF, trail - 0x20)  // Π…Ω → π…ω
        case 0xD0 where trail >= 0x90 && trail <= 0x9F:
            return (lead, trail + 0x20)  // А…П → а…п
        case 0xD0 where trail >= 0xA0 && trail <= 0xAF:
            return (0xD1, trail - 0x20)  // Р…Я → р…я
        case 0xD0 where trail >= 0x80 && trail <= 0x8F:
            return (0xD1, trail + 0x10)  // Ѐ…Џ → ѐ…џ
        default:
            return (lead, trail)
        }
    }

    /// Bytes taken by the word character at `position`, or 0 when it is not part of a word.
    @inline(__always)
    static func wordByteWidth(_ line: UnsafeRawBufferPointer, at position: Int) -> Int {
        let byte = line[position]
        if byte < 0x80 {
            let isAlnum = (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
            if isAlnum { return 1 }
            // An apostrophe inside a word (don't, l'homme) keeps the word together.
            if byte == 0x27, position > 0, position + 1 < line.count, isLetterByte(line[position - 1]),
                isLetterByte(line[position + 1])
            {
                return 1
            }
            return 0
        }
        let width = byteWidth(byte)
        guard position + width <= line.count else { return 0 }
        if width == 2 {
            // U+0080…U+00BF: Latin-1 punctuation and symbols (« » © · ¿ ¡ and NBSP).
            if byte == 0xC2 { return 0 }
            return 2
        }
        if width == 3, byte == 0xE2 {
            // U+2000…U+2BFF: general punctuation, currency, arrows, math, box drawing, dingbats.
            // Right single quote (U+2019) inside a word is an apostrophe.
            let b1 = line[position + 1], b2 = line[position + 2]
            if b1 == 0x80, b2 == 0x99, position > 0, position + 3 < line.count, isLetterByte(line[position - 1]),
                isLetterByte(line[position + 3])
            {
                return 3
            }
            return b1 <= 0xAF ? 0 : 3
        }
        if width == 3, byte == 0xE3, line[position + 1] == 0x80 { return 0 }  // CJK punctuation
        if width == 3, byte == 0xEF, line[position + 1] >= 0xBC { return line[position + 1] == 0xBC && line[position + 2] < 0x90 ? 0 : 3 }
        if width == 4 { return 0 }  // emoji and other astral symbols
        return width
    }

    @inline(__always)
    static func isLetterByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
    }

    @inline(__always)
    static func byteWidth(_ lead: UInt8) -> Int {
        switch lead {
        case 0..<0xC0: 1
        case 0xC0..<0xE0: 2
        case 0xE0..<0xF0: 3
        default: 4
        }
    }

    /// Whether the line holds a script written without spaces between words.
    static func needsDictionaryBreak(_ line: UnsafeRawBufferPointer) -> Bool {
        var position = 0
        while position < line.count {
            let byte = line[position]
            if byte < 0xE0 {
                position += 1
                continue
            }
            if position + 1 < line.count, isDictionaryScript(byte, line[position + 1]) { return true }
            position += byteWidth(byte)
        }
        return false
    }

    /// Whether the character whose first two bytes are `byte` (≥ 0xE0) and `next` is in a script
    /// written without spaces.
    @inline(__always)
    static func isDictionaryScript(_ byte: UInt8, _ next: UInt8) -> Bool {
        switch byte {
        case 0xE0 where next >= 0xB8 && next <= 0xBB: return true  // Thai, Lao (U+0E00…U+0EFF)
        case 0xE0 where next >= 0xBC && next <= 0xBF: return true  // Tibetan (U+0F00…U+0FFF)
        case 0xE1 where next <= 0x81: return true  // Myanmar (U+1000…U+107F)
        case 0xE1 where next == 0x9E || next == 0x9F: return true  // Khmer (U+1780…U+17FF)
        case 0xE3 where next >= 0x81: return true  // kana, CJK ext A (U+3040…)
        case 0xE4 where next >= 0xB8: return true  // CJK unified (U+4E00…)
        case 0xE5...0xE9: return true
        default: return false
        }
    }
}
