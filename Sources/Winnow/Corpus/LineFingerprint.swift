/// The normalised identity of a line, for counting how often it repeats across a site's pages.
///
/// Two lines get the same fingerprint when they differ only in case, in digits, in spacing, or
/// in markdown syntax and link targets: `* [Home](http://a.com/?s=1)` (html2text), `• Home`
/// (w3m) and `HOME` are one line; so are `© 2012 Example` and `© 2013 Example`, and
/// `• 7836 likes` and `• 12 likes`. Steps, in order:
///
/// 1. `InlineMarkup.plainText`: list, heading and quote markers go, `[text](url)` keeps only its
///    text, images vanish, emphasis and code ticks go.
/// 2. Case folding: ASCII letters are lowered byte by byte; a line holding a character from a
///    script with case outside ASCII (Latin-1 and extended Latin, Greek, Cyrillic, fullwidth…)
///    goes through ICU full case folding (`Normalizer.foldCase`).
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
        if needsUnicodeFolding(scratch) {
            let folded = Normalizer.foldCase(String(decoding: scratch, as: UTF8.self))
            scratch.removeAll(keepingCapacity: true)
            scratch.append(contentsOf: folded.utf8)
        }
        return scratch.withUnsafeBufferPointer { hashFolded($0) }
    }

    /// The normalised text itself (steps 1–3), for tests and for `winnow explain`-style debugging.
    public static func normalised(_ text: String) -> String {
        var scratch: [UInt8] = []
        InlineMarkup.appendPlainText(text, to: &scratch)
        if needsUnicodeFolding(scratch) {
            scratch = Array(Normalizer.foldCase(String(decoding: scratch, as: UTF8.self)).utf8)
        }
        var out: [UInt8] = []
        scratch.withUnsafeBufferPointer { buffer in
            forEachNormalisedByte(buffer) { out.append($0) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// True when the UTF-8 bytes hold a lead byte of a block of cased letters beyond ASCII:
    /// U+00C0–U+05FF (C3–D7), U+1000–U+1FFF (E1), U+2100–U+2FFF (E2 84+), U+FF00–U+FFFF (EF),
    /// and supplementary planes (F0). Punctuation such as `’`, `—`, `•` (E2 80) and scripts
    /// without case (Thai, CJK) stay on the cheap path.
    static func needsUnicodeFolding(_ bytes: [UInt8]) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte >= 0x80 {
                switch byte {
                case 0xC3...0xD7, 0xE1, 0xEF, 0xF0:
                    return true
                case 0xE2:
                    if index + 1 < count, bytes[index + 1] >= 0x84 { return true }
                default:
                    break
                }
            }
            index += 1
        }
        return false
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
