/// Turns the raw bytes of one input into valid UTF-8.
///
/// UTF-8 is the fast path. A byte-order mark selects UTF-8, UTF-16 or UTF-32; anything else
/// that is not valid UTF-8 is checked for Thai's legacy charset, which ICU does not know, and
/// then goes through ICU's charset detection (`--encoding` overrides both); a Western guess
/// with the bytes of š and ž is checked against windows-1257, which ICU does not know either.
/// Invalid sequences never stop a document: they become U+FFFD and are counted.
public struct InputDecoder: Sendable {
    /// A charset name that overrides detection (`windows-1252`, `Shift_JIS`, …).
    public var forcedEncoding: String?

    public init(forcedEncoding: String? = nil) {
        self.forcedEncoding = forcedEncoding
    }

    /// The decoded UTF-8 bytes and what happened on the way.
    public struct Decoded: Sendable {
        public var bytes: [UInt8]
        public var notes: ReadNotes
    }

    public func decode(_ input: [UInt8], path: String) throws(WinnowError) -> Decoded {
        guard !input.isEmpty else { throw .emptyInput(path: path) }
        if let forcedEncoding {
            return try convert(input, from: forcedEncoding, path: path)
        }
        if let (encoding, bomLength) = Self.byteOrderMark(input) {
            if encoding == "UTF-8" {
                return repairUTF8(Array(input[bomLength...]), inputBytes: input.count)
            }
            return try convert(input, from: encoding, path: path)
        }
        let check = input.withUnsafeBytes { UTF8Validator.check($0) }
        if let nul = check.firstNUL {
            if let utf16 = Self.utf16WithoutBOM(input) {
                return try convert(input, from: utf16, path: path)
            }
            throw .binaryInput(path: path, detail: "NUL byte at offset \(nul)")
        }
        if check.controlRatio > 0.1 {
            throw .binaryInput(path: path, detail: "mostly control characters")
        }
        if check.isValid {
            return Decoded(bytes: input, notes: ReadNotes(encoding: "UTF-8", replacements: 0, inputBytes: input.count))
        }
        // Mostly valid UTF-8 with a few bad bytes is damaged UTF-8, not another charset.
        if check.validMultibyte > 0 && check.invalidSequences <= check.validMultibyte {
            return repairUTF8(input, inputBytes: input.count)
        }
        if input.withUnsafeBytes({ ThaiLegacyCharset.matches($0) }) {
            return try convert(input, from: ThaiLegacyCharset.name, path: path)
        }
        if let guess = input.withUnsafeBytes({ Charset.detect($0) }), guess.confidence >= 10,
            !guess.name.hasPrefix("UTF-8")
        {
            let decoded = try convert(input, from: guess.name, path: path)
            if BalticLegacyCharset.westernGuesses.contains(guess.name),
                input.withUnsafeBytes({ BalticLegacyCharset.isCandidate($0) }),
                let baltic = try? convert(input, from: BalticLegacyCharset.name, path: path),
                BalticLegacyCharset.prefersBaltic(
                    baltic: String(decoding: baltic.bytes, as: UTF8.self),
                    western: String(decoding: decoded.bytes, as: UTF8.self), detector: LanguageDetector())
            {
                return baltic
            }
            // A guess that gives no text is no charset: 10 KB of 0xFF "decoded as UTF-16BE"
            // gave 5,000 U+FFFF, written out as the page's clean text.
            if Self.isMostlyNoncharacters(decoded.bytes) {
                throw .binaryInput(path: path, detail: "no text in \(guess.name) or any other charset")
            }
            return decoded
        }
        return repairUTF8(input, inputBytes: input.count)
    }

    /// True when `decode` would return `input` unchanged as UTF-8 with no replacements: not
    /// empty, no forced encoding, no byte-order mark, valid UTF-8 without NUL bytes and without
    /// too many control characters. Callers that only read the text can then use the bytes
    /// where they are instead of calling `decode`.
    public func passesThrough(_ input: UnsafeRawBufferPointer) -> Bool {
        guard !input.isEmpty, forcedEncoding == nil, Self.byteOrderMark(input) == nil else { return false }
        let check = UTF8Validator.check(input)
        return check.firstNUL == nil && check.controlRatio <= 0.1 && check.isValid
    }

    private func repairUTF8(_ bytes: [UInt8], inputBytes: Int) -> Decoded {
        let check = bytes.withUnsafeBytes { UTF8Validator.check($0) }
        if check.isValid {
            return Decoded(bytes: bytes, notes: ReadNotes(encoding: "UTF-8", replacements: 0, inputBytes: inputBytes))
        }
        let repaired = UTF8Validator.repair(bytes)
        return Decoded(
            bytes: repaired.bytes,
            notes: ReadNotes(encoding: "UTF-8", replacements: repaired.replacements, inputBytes: inputBytes))
    }

    private func convert(_ input: [UInt8], from charset: String, path: String) throws(WinnowError) -> Decoded {
        guard let converted = input.withUnsafeBytes({ Charset.convertToUTF8($0, from: charset) }) else {
            throw .invalidEncoding(path: path, detail: "unknown or unusable encoding '\(charset)'")
        }
        var bytes = converted.bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if bytes.isEmpty { throw .emptyInput(path: path) }
        return Decoded(
            bytes: bytes,
            notes: ReadNotes(encoding: charset, replacements: converted.substitutions, inputBytes: input.count))
    }

    /// Whether at least half of the UTF-8 `bytes` are U+FFFD, U+FFFE or U+FFFF (EF BF BD…BF).
    static func isMostlyNoncharacters(_ bytes: [UInt8]) -> Bool {
        var covered = 0
        var index = 0
        while index + 2 < bytes.count {
            if bytes[index] == 0xEF, bytes[index + 1] == 0xBF, bytes[index + 2] >= 0xBD {
                covered += 3
                index += 3
            } else {
                index += 1
            }
        }
        return covered * 2 >= bytes.count
    }

    /// The encoding a byte-order mark announces, and the mark's length.
    static func byteOrderMark<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> (String, Int)? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return ("UTF-8", 3) }
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return ("UTF-32LE", 4) }
        if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return ("UTF-32BE", 4) }
        if bytes.starts(with: [0xFF, 0xFE]) { return ("UTF-16LE", 2) }
        if bytes.starts(with: [0xFE, 0xFF]) { return ("UTF-16BE", 2) }
        return nil
    }

    /// UTF-16 text without a BOM shows NULs in every other byte (for Latin text).
    static func utf16WithoutBOM(_ bytes: [UInt8]) -> String? {
        let sample = bytes.prefix(4096)
        guard sample.count >= 4 else { return nil }
        var evenNULs = 0
        var oddNULs = 0
        for (index, byte) in sample.enumerated() where byte == 0 {
            if index % 2 == 0 { evenNULs += 1 } else { oddNULs += 1 }
        }
        let half = sample.count / 2
        if oddNULs * 10 >= half * 7 && evenNULs * 10 < half { return "UTF-16LE" }
        if evenNULs * 10 >= half * 7 && oddNULs * 10 < half { return "UTF-16BE" }
        return nil
    }
}
