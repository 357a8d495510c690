#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The forms of one line (or one paragraph, lines joined by `\n`) that patterns look at, as
/// UTF-8 bytes: the line's own bytes and forms derived into a worker's `LineBuffer`s, which
/// the caller keeps unchanged while the subject is in use. No string is made for a line.
struct MatchSubject {
    /// Markdown removed (`InlineMarkup.plainText`).
    let plain: UnsafeRawBufferPointer
    /// `plain`, case-folded.
    let plainFolded: UnsafeRawBufferPointer
    /// The text with its markup.
    let raw: UnsafeRawBufferPointer
    /// `raw`, case-folded (empty when no rule reads raw text).
    let rawFolded: UnsafeRawBufferPointer

    /// Where `plainFolded` sits inside `rawFolded` when the plain text is the raw text minus a
    /// leading marker (`• Home` → `Home`), so one scan of the raw text serves both; else `nil`.
    let plainOffsetInRaw: Int?

    /// `wordCount` of `plain` and of `raw`, counted when a pattern first asks (-1: not yet):
    /// many rules of a line limit its words.
    private var plainWords = -1
    private var rawWords = -1

    /// Whether `plain` / `raw` may hold a decimal digit (see `mayHoldDigit(_:)`), found when a
    /// pattern first asks (-1: not yet, 0: no, 1: yes).
    private var plainDigit: Int8 = -1
    private var rawDigit: Int8 = -1

    /// The forms of `raw` / `plain`; folds go to `rawBuffer` / `plainBuffer` (neither may
    /// hold `raw` or `plain`).
    ///
    /// Most lines have no markup, or only a leading list marker: their plain text is their
    /// raw text or its tail, and when the raw text folds without ICU (caseless non-ASCII
    /// characters only) the plain text's fold is the raw fold's tail, found in one pass.
    init(
        raw: UnsafeRawBufferPointer, plain: UnsafeRawBufferPointer, foldRaw: Bool, rawBuffer: LineBuffer,
        plainBuffer: LineBuffer
    ) {
        self.raw = raw
        self.plain = plain
        guard foldRaw, !Self.equal(plain, raw) else {
            plainFolded = Self.fold(plain, into: plainBuffer)
            rawFolded = foldRaw ? plainFolded : UnsafeRawBufferPointer(start: nil, count: 0)
            plainOffsetInRaw = foldRaw ? 0 : nil
            return
        }
        if plain.count < raw.count, Self.hasSuffix(raw, plain),
            Self.foldWithoutICU(raw, into: rawBuffer.reserve(raw.count))
        {
            // Caseless folding keeps every byte in place, so the plain text's fold is the tail.
            rawFolded = rawBuffer.bytes(raw.count)
            plainFolded = UnsafeRawBufferPointer(rebasing: rawFolded[(raw.count - plain.count)...])
            plainOffsetInRaw = raw.count - plain.count
        } else {
            plainFolded = Self.fold(plain, into: plainBuffer)
            rawFolded = Self.fold(raw, into: rawBuffer)
            plainOffsetInRaw = nil
        }
    }

    /// The text a pattern of `input` reads.
    @inline(__always)
    func text(_ input: RulePattern.Input) -> UnsafeRawBufferPointer { input == .plain ? plain : raw }

    /// The folded text a pattern of `input` reads.
    @inline(__always)
    func folded(_ input: RulePattern.Input) -> UnsafeRawBufferPointer { input == .plain ? plainFolded : rawFolded }

    /// Whether the text of `input` may hold a `\d` match (see `CompiledPattern.requiresDigit`).
    mutating func mayHoldDigit(of input: RulePattern.Input) -> Bool {
        if input == .plain {
            if plainDigit < 0 { plainDigit = Self.mayHoldDigit(plain) ? 1 : 0 }
            return plainDigit == 1
        }
        if rawDigit < 0 { rawDigit = Self.mayHoldDigit(raw) ? 1 : 0 }
        return rawDigit == 1
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

    // MARK: - Plain text

    /// Where a markdown line's visible text starts when it is the line's tail: 0 when the line
    /// has no markup, n > 0 when only a list marker (`• `, `* `, `- `, `+ `, `· `) and spaces
    /// end at byte n; -1 when the line needs the parser.
    static func plainStart(_ bytes: UnsafeRawBufferPointer) -> Int {
        let start = listMarkerEnd(bytes)
        let count = bytes.count
        guard start < count else { return start }
        // `#`, `>`, `-`, `+`, `]`, and the lead bytes of `•`-like marks, open markup only as
        // the line's first byte (`]` the tail of a wrapped link).
        if start == 0, plainStartClasses.withUnsafeBufferPointer({ $0[Int(bytes[0])] & 3 != 0 }) { return -1 }
        // The end of a link opened on an earlier line (`Title](url)`) is markup too.
        return needsParser(bytes, from: start) || InlineMarkup.endsWithDanglingLink(bytes) ? -1 : start
    }

    /// Where a leading list marker (`* `, `- `, `+ `, `• `, `· `) and the spaces after it end;
    /// 0 when the line does not open with one.
    static func listMarkerEnd(_ bytes: UnsafeRawBufferPointer) -> Int {
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
        return start
    }

    /// Whether `bytes[start...]` holds a byte that needs the parser anywhere (`[ * _ `` ` \ ! <`,
    /// tab) or two spaces in a row (text browsers align columns with them): the walk of
    /// `plainStartByByte` after the line's first byte, sixteen bytes at a time.
    static func needsParser(_ bytes: UnsafeRawBufferPointer, from start: Int) -> Bool {
        var index = start
        let count = bytes.count
        let space = SWAR.Vector(repeating: 0x20)
        while index + 17 <= count {
            let vector = bytes.loadUnaligned(fromByteOffset: index, as: SWAR.Vector.self)
            let next = bytes.loadUnaligned(fromByteOffset: index + 1, as: SWAR.Vector.self)
            let marks = (vector .== SWAR.Vector(repeating: 0x5B)) .| (vector .== SWAR.Vector(repeating: 0x2A))
                .| (vector .== SWAR.Vector(repeating: 0x5F)) .| (vector .== SWAR.Vector(repeating: 0x60))
                .| (vector .== SWAR.Vector(repeating: 0x5C)) .| (vector .== SWAR.Vector(repeating: 0x21))
                .| (vector .== SWAR.Vector(repeating: 0x09)) .| (vector .== SWAR.Vector(repeating: 0x3C))
                .| ((vector .== space) .& (next .== space))
            if SWAR.isAnySet(marks) { return true }
            index += 16
        }
        return plainStartClasses.withUnsafeBufferPointer { classes in
            while index < count {
                let byteClass = classes[Int(bytes[index])]
                if byteClass == 1 { return true }
                if byteClass == 4, index > start, bytes[index - 1] == 0x20 { return true }
                index += 1
            }
            return false
        }
    }

    /// `plainStart` byte by byte (what `needsParser` does sixteen bytes at a time), for tests.
    static func plainStartByByte(_ bytes: UnsafeRawBufferPointer) -> Int {
        let start = listMarkerEnd(bytes)
        let count = bytes.count
        guard start < count else { return start }
        return plainStartClasses.withUnsafeBufferPointer { classes in
            if start == 0, classes[Int(bytes[0])] & 3 != 0 { return -1 }
            var offset = start
            while offset < count {
                let byteClass = classes[Int(bytes[offset])]
                if byteClass != 0 {
                    if byteClass == 1 { return -1 }
                    // A doubled space: text browsers align columns with them.
                    if byteClass == 4, offset > start, bytes[offset - 1] == 0x20 { return -1 }
                }
                offset += 1
            }
            return InlineMarkup.endsWithDanglingLink(bytes) ? -1 : start
        }
    }

    /// For `plainStart`, by byte: 1 needs the parser anywhere (`[ * _ `` ` \ ! <`, tab); 2 at the
    /// start of the line only; 4 a space; 0 plain.
    private static let plainStartClasses: [UInt8] = {
        var classes = [UInt8](repeating: 0, count: 256)
        for byte in "[*_`\\!\t<".utf8 { classes[Int(byte)] = 1 }
        for byte in "#>-+]".utf8 { classes[Int(byte)] = 2 }
        classes[0xE2] = 2
        classes[0xC2] = 2
        classes[0x20] = 4
        return classes
    }()

    /// The visible text of a markdown line as the writer writes it (`InlineMarkup.writtenText`),
    /// skipping the parser when the line has no markup.
    static func plainText(_ line: String) -> String {
        var line = line
        let plainFrom = line.withUTF8 { bytes -> Int in
            var scratch: [UInt8] = []
            return writtenStart(UnsafeRawBufferPointer(bytes), scratch: &scratch)
        }
        switch plainFrom {
        case 0: return line
        case 1...: return String(decoding: line.utf8.dropFirst(plainFrom), as: UTF8.self)
        default: return InlineMarkup.writtenText(line)
        }
    }

    /// The visible text of the line `raw` (the same bytes as `plainText`): a slice of `raw`
    /// when it is the line or its tail, else rendered through `scratch` into `buffer`.
    /// `parserAgrees`: false when the shortcut's tail was not the written text (see
    /// `parserAgrees(_:plainStart:scratch:)`), so the block should keep the text read here.
    static func plainText(
        of raw: UnsafeRawBufferPointer, scratch: inout [UInt8], buffer: LineBuffer
    ) -> (text: UnsafeRawBufferPointer, parserAgrees: Bool) {
        let start = plainStart(raw)
        if start == 0 { return (raw, true) }
        let written = start > 0 ? writtenStart(raw, plainStart: start, scratch: &scratch) : -1
        if written > 0 { return (UnsafeRawBufferPointer(rebasing: raw[written...]), true) }
        scratch.removeAll(keepingCapacity: true)
        InlineMarkup.appendWrittenText(UTF8Bytes: raw, to: &scratch)
        return (scratch.withUnsafeBytes { buffer.store($0) }, start < 0)
    }

    /// `plainStart` when the line's tail from there is what the writer writes for it, else -1.
    /// The shortcut only drops one list marker; the writer renders until nothing changes, so a
    /// heading in a list item (`* ### Title`), a nested item (`* * Next`, `· · Home`) or a tail
    /// that is a rule of marks (`* ----`) is written otherwise, and the rules must read what the
    /// clean text says.
    static func writtenStart(_ raw: UnsafeRawBufferPointer, scratch: inout [UInt8]) -> Int {
        let start = plainStart(raw)
        return start > 0 ? writtenStart(raw, plainStart: start, scratch: &scratch) : start
    }

    private static func writtenStart(_ raw: UnsafeRawBufferPointer, plainStart start: Int, scratch: inout [UInt8]) -> Int {
        guard parserAgrees(raw, plainStart: start, scratch: &scratch) else { return -1 }
        let tail = UnsafeRawBufferPointer(rebasing: raw[start...])
        let body = InlineMarkup.strippingBlockMarkers(tail)
        guard body.startIndex == 0, body.endIndex == tail.count, InlineMarkup.rendersUnchanged(tail),
            LineShape.kind(of: tail) != .separator
        else { return -1 }
        return start
    }

    /// Whether the parser (`InlineMarkup.plainText`) reads the line `raw` as its tail from
    /// `plainStart`, the shortcut's answer. Almost always; not for a heading in a list item
    /// (`* ### Title`) or a wrapped link's tail after a marker (`- ](/x) text`), where a
    /// stage that falls back on the parser (`Block.plainText`) would see other text than the
    /// rules saw, unless the rules' text is stored in the block.
    static func parserAgrees(_ raw: UnsafeRawBufferPointer, plainStart: Int, scratch: inout [UInt8]) -> Bool {
        let body = InlineMarkup.strippingBlockMarkers(raw)
        if body.startIndex == plainStart, body.endIndex == raw.count,
            InlineMarkup.rendersUnchanged(UnsafeRawBufferPointer(rebasing: body))
        {
            return true
        }
        scratch.removeAll(keepingCapacity: true)
        InlineMarkup.appendPlainText(UTF8Bytes: raw, to: &scratch)
        return scratch.withUnsafeBytes { equal($0, UnsafeRawBufferPointer(rebasing: raw[plainStart...])) }
    }

    // MARK: - Folding

    /// Case-folded UTF-8. Lines whose only non-ASCII characters are caseless (bullets, dashes,
    /// quotes, symbols, Thai, CJK; most lines of a rendered page) are folded here without ICU.
    static func fold(_ text: String) -> [UInt8] {
        foldWithoutICU(text) ?? Array(Normalizer.foldCase(text).utf8)
    }

    /// `fold` of `bytes` (valid UTF-8) into `buffer`.
    static func fold(_ bytes: UnsafeRawBufferPointer, into buffer: LineBuffer) -> UnsafeRawBufferPointer {
        if foldWithoutICU(bytes, into: buffer.reserve(bytes.count)) { return buffer.bytes(bytes.count) }
        var folded = Normalizer.foldCase(String(decoding: bytes, as: UTF8.self))
        return folded.withUTF8 { buffer.store(UnsafeRawBufferPointer($0)) }
    }

    /// The fold of a text whose non-ASCII characters are all caseless (same length, same
    /// positions), or `nil` when ICU is needed.
    static func foldWithoutICU(_ text: String) -> [UInt8]? {
        var text = text
        return text.withUTF8 { bytes in
            var simple = true
            let out = [UInt8](unsafeUninitializedCapacity: bytes.count) { buffer, count in
                simple = buffer.baseAddress.map { foldWithoutICU(UnsafeRawBufferPointer(bytes), into: $0) } ?? true
                count = simple ? bytes.count : 0
            }
            return simple ? out : nil
        }
    }

    /// Writes the fold of `bytes` to `out` (room for `bytes.count`) when every non-ASCII
    /// character is caseless; `false` (and `out` partly written) when ICU is needed.
    static func foldWithoutICU(_ bytes: UnsafeRawBufferPointer, into out: UnsafeMutablePointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        let highBits: UInt64 = 0x8080_8080_8080_8080
        while index < count {
            // Eight ASCII bytes at a time: a byte below 0x80 gets its 0x80 bit from `+ 0x3F`
            // when it is at least `A` and from `+ 0x25` when it is past `Z` (no carry leaves a
            // byte), and an upper-case letter gains 0x20.
            if index + 8 <= count {
                let word = bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                if word & highBits == 0 {
                    let upper = (word &+ 0x3F3F_3F3F_3F3F_3F3F) & ~(word &+ 0x2525_2525_2525_2525) & highBits
                    UnsafeMutableRawPointer(out + index).storeBytes(of: word | upper >> 2, as: UInt64.self)
                    index += 8
                    continue
                }
            }
            let byte = bytes[index]
            if byte < 0x80 {
                out[index] = byte &- 0x41 < 26 ? byte | 0x20 : byte
                index += 1
                continue
            }
            // Decode one scalar and keep it only if it is certainly caseless.
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
            guard index + length <= count else { return false }
            var scalar = UInt32(byte & (length == 4 ? 0x07 : length == 3 ? 0x0F : 0x1F))
            for offset in 1..<length { scalar = scalar << 6 | UInt32(bytes[index + offset] & 0x3F) }
            guard isCaseless(scalar) else { return false }
            for offset in 0..<length { out[index + offset] = bytes[index + offset] }
            index += length
        }
        return true
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

    // MARK: - Counts and comparisons

    /// Whether `text` holds a byte that can start a decimal digit (`\p{Nd}`, what ICU's `\d`
    /// matches): an ASCII digit or the lead byte of a non-ASCII one. Most lines without an
    /// ASCII digit still have non-ASCII bytes (bullets, quotes, accents), but few have these.
    static func mayHoldDigit(_ text: String) -> Bool {
        text.utf8.contains(where: mayStartDigit)
    }

    static func mayHoldDigit(_ bytes: UnsafeRawBufferPointer) -> Bool {
        bytes.contains(where: mayStartDigit)
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

    /// Whitespace-separated words.
    static func wordCount(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { wordCount(UnsafeRawBufferPointer($0)) }
    }

    static func wordCount(_ bytes: UnsafeRawBufferPointer) -> Int {
        // A word starts at a byte that is no space after one that is (or at the start): the
        // starts of sixteen bytes are counted at once against the bytes one before them.
        guard bytes.count >= 17 else { return wordCountByByte(bytes) }
        var count = isWordSpace(bytes[0]) ? 0 : 1
        var index = 1
        let one = SWAR.Vector(repeating: 1)
        while index + 16 <= bytes.count {
            let current = bytes.loadUnaligned(fromByteOffset: index, as: SWAR.Vector.self)
            let previous = bytes.loadUnaligned(fromByteOffset: index - 1, as: SWAR.Vector.self)
            let starts = .!isWordSpace(current) .& isWordSpace(previous)
            count += Int(one.replacing(with: 0, where: .!starts).wrappedSum())
            index += 16
        }
        while index < bytes.count {
            if !isWordSpace(bytes[index]), isWordSpace(bytes[index - 1]) { count += 1 }
            index += 1
        }
        return count
    }

    @inline(__always)
    private static func isWordSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A }

    @inline(__always)
    private static func isWordSpace(_ vector: SWAR.Vector) -> SIMDMask<SWAR.Vector.MaskStorage> {
        (vector .== SWAR.Vector(repeating: 0x20)) .| (vector .== SWAR.Vector(repeating: 0x09))
            .| (vector .== SWAR.Vector(repeating: 0x0A))
    }

    /// `wordCount` byte by byte (short texts; tests).
    static func wordCountByByte(_ bytes: UnsafeRawBufferPointer) -> Int {
        var count = 0
        var inWord = false
        for byte in bytes {
            let space = byte == 0x20 || byte == 0x09 || byte == 0x0A
            if !space && !inWord { count += 1 }
            inWord = !space
        }
        return count
    }

    /// Unicode scalars in `bytes` (the bytes that do not continue a scalar).
    static func scalarCount(_ bytes: UnsafeRawBufferPointer) -> Int {
        var count = 0
        for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
        return count
    }

    /// Whether the two byte strings are equal.
    @inline(__always)
    static func equal(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        guard a.count == b.count else { return false }
        guard let pa = a.baseAddress, let pb = b.baseAddress else { return true }
        return memcmp(pa, pb, a.count) == 0
    }

    static func equal(_ a: UnsafeRawBufferPointer, _ b: [UInt8]) -> Bool {
        b.withUnsafeBytes { equal(a, $0) }
    }

    /// Whether `text` ends with `suffix`.
    static func hasSuffix(_ text: UnsafeRawBufferPointer, _ suffix: UnsafeRawBufferPointer) -> Bool {
        guard text.count >= suffix.count else { return false }
        return equal(UnsafeRawBufferPointer(rebasing: text[(text.count - suffix.count)...]), suffix)
    }

    /// Whether `bytes` starts with `prefix`.
    @inline(__always)
    static func hasPrefix(_ bytes: UnsafeRawBufferPointer, _ prefix: [UInt8]) -> Bool {
        guard bytes.count >= prefix.count else { return false }
        return prefix.withUnsafeBytes { equal(UnsafeRawBufferPointer(rebasing: bytes[..<$0.count]), $0) }
    }

    static func contains(_ haystack: UnsafeRawBufferPointer, _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard haystack.count >= needle.count else { return false }
        return needle.withUnsafeBytes { needle in
            let first = needle[0]
            var index = 0
            let last = haystack.count - needle.count
            while index <= last {
                if haystack[index] == first, equal(UnsafeRawBufferPointer(rebasing: haystack[index..<(index + needle.count)]), needle) {
                    return true
                }
                index += 1
            }
            return false
        }
    }

    /// Whether `bytes` holds a `\n` byte (`CompiledPattern.requiresLineBreak`).
    @inline(__always)
    static func containsLineBreak(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
        return memchr(base, 0x0A, bytes.count) != nil
    }
}
