/// The normalised identity of a line, for counting how often it repeats across a site's pages.
///
/// Two lines get the same fingerprint when they differ only in case, in digits, in spacing, or
/// in markdown syntax and link targets: `* [Home](http://a.com/?s=1)` (html2text), `• Home`
/// (w3m) and `HOME` are one line; so are `© 2012 Example` and `© 2013 Example`, and
/// `• 7836 likes` and `• 12 likes`. Steps, in order:
///
/// 1. `InlineMarkup.plainText`: list, heading and quote markers go, `[text](url)` keeps only its
///    text, images vanish, emphasis and code ticks go.
/// 2. Case folding: ASCII, Latin-1, basic Greek and basic Cyrillic letters are lowered by a
///    byte table; a line holding another character with case (Latin Extended, Armenian,
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
        foldCase(&scratch)
        return scratch.withUnsafeBufferPointer { hashFolded($0) }
    }

    /// The normalised text itself (steps 1–3), for tests and for `winnow explain`-style debugging.
    public static func normalised(_ text: String) -> String {
        var scratch: [UInt8] = []
        InlineMarkup.appendPlainText(text, to: &scratch)
        foldCase(&scratch)
        var out: [UInt8] = []
        scratch.withUnsafeBufferPointer { buffer in
            forEachNormalisedByte(buffer) { out.append($0) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Lower-cases `bytes` in place where a small table knows the answer — ASCII, Latin-1
    /// (`É` → `é`), basic Greek (`Σ` → `σ`) and basic Cyrillic (`Д` → `д`), each mapping keeping
    /// the UTF-8 length — and returns false when the line holds a character from another block
    /// with case (Latin Extended, Armenian, Georgian, fullwidth Latin, …), which then goes
    /// through ICU full case folding instead. Scripts without case (Thai, CJK, Arabic, Hebrew)
    /// and punctuation stay on this path. Both paths are pure functions of the line, so the
    /// same line always gets the same fingerprint.
    static func foldCaseInPlace(_ bytes: inout [UInt8]) -> Bool {
        bytes.withUnsafeMutableBufferPointer { buffer in
            let count = buffer.count
            var index = 0
            while index < count {
                let byte = buffer[index]
                if byte < 0x80 {
                    if byte >= 0x41 && byte <= 0x5A { buffer[index] = byte + 0x20 }
                    index += 1
                    continue
                }
                let next: UInt8 = index + 1 < count ? buffer[index + 1] : 0
                switch byte {
                case 0xC2, 0xCC, 0xCD, 0xD6...0xDF:
                    break  // Latin-1 symbols, combining marks, Armenian small letters, Hebrew, Arabic…
                case 0xC3:
                    if next >= 0x80 && next <= 0x9E && next != 0x97 { buffer[index + 1] = next + 0x20 }
                case 0xCE:
                    if next >= 0x91 && next <= 0x9F {
                        buffer[index + 1] = next + 0x20
                    } else if next >= 0xA0 && next <= 0xA9 && next != 0xA2 {
                        buffer[index] = 0xCF
                        buffer[index + 1] = next - 0x20
                    } else if next < 0xB0 {
                        return false  // accented capitals (Ά…) and rarer letters
                    }
                case 0xCF:
                    if next >= 0x8F { return false }
                case 0xD0:
                    if next >= 0x80 && next <= 0x8F {
                        buffer[index] = 0xD1
                        buffer[index + 1] = next + 0x10
                    } else if next >= 0x90 && next <= 0x9F {
                        buffer[index + 1] = next + 0x20
                    } else if next >= 0xA0 && next <= 0xAF {
                        buffer[index] = 0xD1
                        buffer[index + 1] = next - 0x20
                    }
                case 0xD1:
                    if next >= 0xA0 { return false }
                case 0xE0, 0xE3...0xEE, 0xF1...0xF4:
                    break  // Indic, Thai, CJK, Hangul, private use: no case
                case 0xE2:
                    if next >= 0x84 { return false }
                case 0xEF:
                    if next == 0xBC && index + 2 < count && buffer[index + 2] >= 0xA1 && buffer[index + 2] <= 0xBA { return false }
                case 0xF0:
                    if next == 0x90 || next == 0x9E { return false }
                case 0x80...0xBF:
                    break  // continuation byte
                default:
                    return false  // C4–CB, D2–D5, E1: Latin Extended, IPA, Cyrillic supplement, Armenian, Georgian…
                }
                index += 1
            }
            return true
        }
    }

    /// Step 2: the table path, or ICU full case folding when the table does not cover the line.
    static func foldCase(_ bytes: inout [UInt8]) {
        // The table's mappings agree with ICU's (fold(É) = é), so ICU may start from the
        // partly folded bytes when the table gives up halfway.
        if foldCaseInPlace(&bytes) { return }
        let folded = Normalizer.foldCase(String(decoding: bytes, as: UTF8.self))
        bytes.removeAll(keepingCapacity: true)
        bytes.append(contentsOf: folded.utf8)
    }

    /// Calls `body` with every byte of the normalised form (steps 2 for ASCII, and 3).
    @inline(__always)
    static func forEachNormalisedByte(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (UInt8) -> Void) {
        var pendingSpace = false
        var inDigits = false
        var started = false
        var index = 0
        let count = bytes.count
        while index < count {
            var byte = bytes[index]
            index += 1
            if byte == 0x20 || byte == 0x09 || (byte == 0xC2 && index < count && bytes[index] == 0xA0) {
                if byte == 0xC2 { index += 1 }
                pendingSpace = started
                inDigits = false
                continue
            }
            if byte >= 0x30 && byte <= 0x39 {
                if inDigits && !pendingSpace { continue }
                byte = 0x30
                inDigits = true
            } else {
                inDigits = false
                if byte >= 0x41 && byte <= 0x5A { byte += 0x20 }
            }
            if pendingSpace { body(0x20) }
            pendingSpace = false
            started = true
            body(byte)
        }
    }

    /// Hashes the normalised form of already case-folded bytes; nil when it is empty.
    static func hashFolded(_ bytes: UnsafeBufferPointer<UInt8>) -> Value? {
        var state = StableHash.State()
        var length = 0
        forEachNormalisedByte(bytes) { byte in
            state.add(byte)
            length += 1
        }
        return length == 0 ? nil : Value(hash: state.finish(), length: length)
    }
}
