/// The normalised identity of a line, for counting how often it repeats across a site's pages.
///
/// Two lines get the same fingerprint when they differ only in case, in digits, in spacing, or
/// in markdown syntax and link targets: `* [Home](http://a.com/?s=1)` (html2text), `• Home`
/// (w3m) and `HOME` are one line; so are `© 2012 Example` and `© 2013 Example`, and
/// `• 7836 likes` and `• 12 likes`. Steps, in order:
///
/// 1. `InlineMarkup.plainText`: list, heading and quote markers go, `[text](url)` keeps only its
///    text, images vanish, emphasis and code ticks go.
/// 2. Case folding: ASCII, Latin-1 (`ß` → `ss`), basic Greek and basic Cyrillic letters are
///    lowered by a byte table; a line holding another character with case (Latin Extended, Armenian,
///    Georgian, fullwidth Latin…) goes through ICU full case folding (`Normalizer.foldCase`).
/// 3. Every run of ASCII digits becomes one `0`; every run of spaces, tabs and no-break spaces
///    becomes one space; leading and trailing spaces go.
/// 4. The bytes are hashed with `StableHash` (FNV-1a 64 + fmix64).
///
/// A line that is empty after step 3 (an image, a lone marker) has no fingerprint.
/// `version` is written into profile files: changing any step above must bump it.
public enum LineFingerprint {
    /// The normaliser's version, stored in profiles so that a profile made by another
    /// normaliser is refused instead of silently matching nothing.
    public static let version: UInt32 = 1

    /// A line's hash and the length of its normalised form in UTF-8 bytes.
    public struct Value: Sendable, Hashable {
        public var hash: UInt64
        public var length: Int
    }

    /// The fingerprint of a block's text, or nil when nothing is left after normalising.
    public static func fingerprint(of text: String) -> Value? {
        var scratch: [UInt8] = []
        return fingerprint(of: text, scratch: &scratch)
    }

    /// Same as `fingerprint(of:)`, reusing `scratch` to avoid an allocation per line.
    public static func fingerprint(of text: String, scratch: inout [UInt8]) -> Value? {
        scratch.removeAll(keepingCapacity: true)
        InlineMarkup.appendPlainText(text, to: &scratch)
        if let value = hashNormalised(scratch, foldingWithTable: true) { return value.length == 0 ? nil : value }
        foldCase(&scratch)
        let value = hashNormalised(scratch, foldingWithTable: false)
        return value.flatMap { $0.length == 0 ? nil : $0 }
    }

    /// Normalises into a temporary buffer (the normalised form is never longer than its input)
    /// and hashes it; nil when the line needs ICU folding first.
    static func hashNormalised(_ bytes: [UInt8], foldingWithTable: Bool) -> Value? {
        bytes.withUnsafeBufferPointer { input in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(input.count, 1)) { output in
                var sink = BufferSink(buffer: output)
                guard normalise(input, foldingWithTable: foldingWithTable, into: &sink) else { return nil }
                let normalised = UnsafeBufferPointer(rebasing: output[0..<sink.count])
                return Value(hash: StableHash.hashWords(normalised), length: sink.count)
            }
        }
    }

    /// The normalised text itself (steps 1–3), for tests and debugging.
    public static func normalised(_ text: String) -> String {
        var scratch: [UInt8] = []
        InlineMarkup.appendPlainText(text, to: &scratch)
        var sink = ArraySink()
        if !scratch.withUnsafeBufferPointer({ normalise($0, foldingWithTable: true, into: &sink) }) {
            foldCase(&scratch)
            sink = ArraySink()
            _ = scratch.withUnsafeBufferPointer { normalise($0, foldingWithTable: false, into: &sink) }
        }
        return String(decoding: sink.bytes, as: UTF8.self)
    }

    /// Where `normalise` puts its bytes: a buffer to hash, or an array for tests.
    protocol ByteSink {
        mutating func add(_ byte: UInt8)
        /// Adds the first `count` of the 8 bytes of `word` (the first in the lowest bits).
        mutating func add(word: UInt64, count: Int)
        mutating func add(_ bytes: UnsafeBufferPointer<UInt8>)
    }

    struct BufferSink: ByteSink {
        let buffer: UnsafeMutableBufferPointer<UInt8>
        var count = 0
        @inline(__always) mutating func add(_ byte: UInt8) {
            buffer[count] = byte
            count += 1
        }

        /// Writes all 8 bytes (the buffer is as long as the input, and the output never runs
        /// ahead of the input, so they fit) and keeps `used` of them.
        @inline(__always) mutating func add(word: UInt64, count used: Int) {
            UnsafeMutableRawPointer(buffer.baseAddress! + count).storeBytes(of: word.littleEndian, as: UInt64.self)
            count += used
        }

        @inline(__always) mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
            (buffer.baseAddress! + count).update(from: source, count: bytes.count)
            count += bytes.count
        }
    }

    struct ArraySink: ByteSink {
        var bytes: [UInt8] = []
        mutating func add(_ byte: UInt8) { bytes.append(byte) }
        mutating func add(word: UInt64, count: Int) {
            withUnsafeBytes(of: word.littleEndian) { bytes.append(contentsOf: $0.prefix(count)) }
        }
        mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes.append(contentsOf: bytes) }
    }

    /// Steps 2 and 3 in one pass: case folding by table (when `foldingWithTable`), digit runs to
    /// `0`, space runs to one space, trimmed.
    ///
    /// The table lower-cases ASCII, Latin-1 (`É` → `é`), basic Greek (`Σ` → `σ`) and basic
    /// Cyrillic (`Д` → `д`), each mapping keeping the UTF-8 length and agreeing with ICU's
    /// folding. Scripts without case (Thai, CJK, Arabic, Hebrew) and punctuation pass through.
    /// When the line holds any other character with case (Latin Extended, Armenian,
    /// Georgian, fullwidth Latin…) it returns false, having stopped early; the caller then folds
    /// the line with ICU and runs it again with `foldingWithTable: false`. Either way the result
    /// is a pure function of the line.
    @inline(__always)
    static func normalise<Sink: ByteSink>(
        _ bytes: UnsafeBufferPointer<UInt8>, foldingWithTable: Bool, into sink: inout Sink
    ) -> Bool {
        var pendingSpace = false
        var inDigits = false
        var started = false
        var index = 0
        let count = bytes.count
        @inline(__always) func emit(_ byte: UInt8) {
            if pendingSpace { sink.add(0x20) }
            pendingSpace = false
            started = true
            sink.add(byte)
        }
        let raw = UnsafeRawPointer(bytes.baseAddress)
        while index < count {
            // Eight plain ASCII bytes at a time (SWAR): no control character, digit or double
            // space; capitals are lowered in place. A space first is fine after a letter, a
            // space last becomes the pending space.
            if index + 8 <= count, let raw {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                if word & highBits == 0 {
                    let space = atLeast(0x20, word) & ~atLeast(0x21, word)
                    let control = ~atLeast(0x20, word) & highBits
                    let digit = atLeast(0x30, word) & ~atLeast(0x3A, word)
                    let upper = atLeast(0x41, word) & ~atLeast(0x5B, word)
                    let firstIsSpace = space & 0x80 != 0
                    let lastIsSpace = space & 0x8000_0000_0000_0000 != 0
                    if control | digit == 0, space & (space << 8) == 0, !firstIsSpace || (started && !pendingSpace) {
                        if pendingSpace { sink.add(0x20) }
                        sink.add(word: word | (upper >> 2), count: lastIsSpace ? 7 : 8)
                        pendingSpace = lastIsSpace
                        started = true
                        inDigits = false
                        index += 8
                        continue
                    }
                }
            }
            let byte = bytes[index]
            index += 1
            if byte < 0x80 {
                if byte == 0x20 || byte == 0x09 {
                    pendingSpace = started
                    inDigits = false
                } else if byte >= 0x30 && byte <= 0x39 {
                    if !(inDigits && !pendingSpace) { emit(0x30) }
                    inDigits = true
                } else {
                    inDigits = false
                    emit(byte.asciiLowercased)
                }
                continue
            }
            inDigits = false
            let next: UInt8 = index < count ? bytes[index] : 0
            if byte == 0xC2 && next == 0xA0 {  // no-break space
                pendingSpace = started
                index += 1
                continue
            }
            // A run of characters the fold leaves alone (Thai, CJK, lower-case Cyrillic…):
            // copied in one go instead of byte by byte below, with the same result.
            let runEnd = keptRunEnd(bytes, from: index - 1, foldingWithTable: foldingWithTable)
            if runEnd > index {
                emit(byte)
                sink.add(UnsafeBufferPointer(rebasing: bytes[index..<runEnd]))
                index = runEnd
                continue
            }
            guard foldingWithTable else {
                emit(byte)
                continue
            }
            switch byte {
            case 0xC3:
                if next == 0x9F {  // ß folds to "ss" (as ICU does; same length)
                    emit(0x73)
                    sink.add(0x73)
                    index += 1
                    continue
                }
                emit(byte)
                if next >= 0x80 && next <= 0x9E && next != 0x97 {
                    sink.add(next + 0x20)
                    index += 1
                }
            case 0xCE:
                if next >= 0x91 && next <= 0x9F {
                    emit(0xCE)
                    sink.add(next + 0x20)
                    index += 1
                } else if next >= 0xA0 && next <= 0xA9 && next != 0xA2 {
                    emit(0xCF)
                    sink.add(next - 0x20)
                    index += 1
                } else if next < 0xB0 {
                    return false
                } else {
                    emit(byte)
                }
            case 0xCF:
                if next >= 0x8F { return false }
                emit(byte)
            case 0xD0:
                if next >= 0x80 && next <= 0x8F {
                    emit(0xD1)
                    sink.add(next + 0x10)
                    index += 1
                } else if next >= 0x90 && next <= 0x9F {
                    emit(0xD0)
                    sink.add(next + 0x20)
                    index += 1
                } else if next >= 0xA0 && next <= 0xAF {
                    emit(0xD1)
                    sink.add(next - 0x20)
                    index += 1
                } else {
                    emit(byte)
                }
            case 0xD1:
                if next >= 0xA0 { return false }
                emit(byte)
            case 0xE2:
                if !isCaselessE2(next) { return false }
                emit(byte)
            case 0xEF:
                if next == 0xBC && index + 1 < count && bytes[index + 1] >= 0xA1 && bytes[index + 1] <= 0xBA { return false }
                emit(byte)
            case 0xF0:
                if next == 0x90 || next == 0x9E { return false }
                emit(byte)
            case 0x80...0xBF, 0xC2, 0xCC, 0xCD, 0xD6...0xDF, 0xE0, 0xE3...0xEE, 0xF1...0xF4:
                // Continuation bytes; Latin-1 symbols, combining marks, Armenian small
                // letters, Hebrew, Arabic; Indic, Thai, CJK, Hangul: nothing to fold.
                emit(byte)
            default:
                return false  // C4–CB, D2–D5, E1: Latin Extended, IPA, Cyrillic supplement, Armenian, Georgian…
            }
        }
        return true
    }

    /// The end of the run of non-ASCII bytes from `start` that `normalise` copies unchanged:
    /// continuation bytes, and lead bytes of characters the table neither folds nor refers to
    /// ICU (the cases of `normalise`'s switch that only `emit`). `start` itself when none.
    @inline(__always)
    static func keptRunEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, foldingWithTable: Bool) -> Int {
        var index = start
        let count = bytes.count
        let raw = UnsafeRawPointer(bytes.baseAddress)
        while index < count {
            // Eight bytes of Thai (or another E0-led script) at a time: every byte is a
            // continuation byte or the lead E0, which is always kept.
            if foldingWithTable, index + 8 <= count, let raw {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                let leads = word & (word << 1) & highBits
                let notE0 = word ^ 0xE0E0_E0E0_E0E0_E0E0
                let nonZero = (((notE0 & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | notE0) & highBits
                if word & highBits == highBits && leads & nonZero == 0 {
                    index += 8
                    continue
                }
            }
            let byte = bytes[index]
            if byte < 0x80 { break }
            if byte < 0xC0 {
                index += 1
                continue
            }
            let next: UInt8 = index + 1 < count ? bytes[index + 1] : 0
            let kept: Bool
            if !foldingWithTable {
                kept = !(byte == 0xC2 && next == 0xA0)
            } else {
                switch byte {
                case 0xC2: kept = next != 0xA0
                case 0xC3: kept = next >= 0xA0  // à…ÿ; capitals and ß are not kept
                case 0xCE: kept = next >= 0xB0
                case 0xCF: kept = next < 0x8F
                case 0xD0: kept = next >= 0xB0
                case 0xD1: kept = next < 0xA0
                case 0xE2: kept = isCaselessE2(next)
                case 0xCC, 0xCD, 0xD6...0xDF, 0xE0, 0xE3...0xEE, 0xF1...0xF4: kept = true
                default: kept = false
                }
            }
            if !kept { break }
            // The whole character: continuation bytes are always kept.
            index = min(count, index + (byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4))
        }
        return index
    }

    /// True when no character `E2 next xx` has a case: U+2000–20FF (punctuation, currency),
    /// U+21C0–247F (arrows, mathematical and technical symbols) and U+2500–2BFF (box drawing,
    /// shapes, symbols, dingbats). The rest of U+2100–2CFF holds letterlike symbols, Roman
    /// numerals, circled letters, Glagolitic and Coptic, which ICU folds.
    @inline(__always)
    static func isCaselessE2(_ next: UInt8) -> Bool {
        next < 0x84 || (next >= 0x87 && next <= 0x91) || (next >= 0x94 && next <= 0xAF)
    }

    static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// For a word of ASCII bytes: 0x80 in every byte that is at least `n` (exact per byte:
    /// setting each byte's top bit first means no borrow crosses a byte).
    @inline(__always)
    static func atLeast(_ n: UInt64, _ word: UInt64) -> UInt64 {
        ((word | highBits) &- n &* 0x0101_0101_0101_0101) & highBits
    }

    /// Step 2 for lines the table does not cover: ICU full case folding.
    static func foldCase(_ bytes: inout [UInt8]) {
        let folded = Normalizer.foldCase(String(decoding: bytes, as: UTF8.self))
        bytes.removeAll(keepingCapacity: true)
        bytes.append(contentsOf: folded.utf8)
    }
}
