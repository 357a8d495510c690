import CTextScan

/// A strict, allocation-light JSON scanner for JSONL records.
///
/// It validates a record, finds its top-level fields and decodes only the string values winnow
/// needs (the text field, `id`, other short string fields). Everything else is kept as raw
/// bytes, so fields pass through to the output exactly as they came.
public enum JSONLScanner {
    /// Why a record is not usable, in words for the error line.
    public struct Failure: Error, Sendable {
        public let detail: String
    }

    /// Scans one record. `textField` names the field to clean; its value comes back as a string.
    public static func scan(_ raw: [UInt8], line: Int, textField: String) -> Result<(JSONLRecord, String?), Failure> {
        scanRecord(raw, line: line, textField: textField).map { record, text in
            (record, text.map { value in value.withUTF8(in: raw) { String(decoding: $0, as: UTF8.self) } })
        }
    }

    /// Scans one record and hands back the text field's value as UTF-8 bytes, without making a
    /// string of it: a value without escapes stays where it is in `raw`. When `raw` is valid
    /// UTF-8, so is the value (escapes decode to UTF-8, a lone surrogate to U+FFFD).
    public static func scanRecord(_ raw: [UInt8], line: Int, textField: String) -> Result<(JSONLRecord, TextValue?), Failure> {
        var textField = textField
        return textField.withUTF8 { fieldName in
            raw.withUnsafeBytes { bytes in
                scan(bytes, raw: raw, line: line, textField: UnsafeRawBufferPointer(fieldName))
            }
        }
    }

    /// A string value of a record: its place in the record's bytes when it has no escapes,
    /// otherwise its decoded UTF-8.
    public enum TextValue: Sendable, Hashable {
        /// The value's bytes between the quotes, unchanged.
        case verbatim(Range<Int>)
        /// The value after decoding its escapes.
        case decoded([UInt8])

        /// Length of the value's UTF-8.
        public var byteCount: Int {
            switch self {
            case .verbatim(let range): range.count
            case .decoded(let bytes): bytes.count
            }
        }

        /// Calls `body` with the value's UTF-8; `raw` is the record the value was scanned from.
        public func withUTF8<R>(in raw: [UInt8], _ body: (UnsafeRawBufferPointer) -> R) -> R {
            switch self {
            case .verbatim(let range):
                raw.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[range])) }
            case .decoded(let bytes):
                bytes.withUnsafeBytes { body($0) }
            }
        }
    }

    private static func scan(
        _ bytes: UnsafeRawBufferPointer, raw: [UInt8], line: Int, textField: UnsafeRawBufferPointer
    ) -> Result<(JSONLRecord, TextValue?), Failure> {
        var parser = Parser(bytes: bytes)
        do throws(Failure) {
            parser.skipSpace()
            guard parser.peek() == UInt8(ascii: "{") else {
                throw Failure(detail: parser.atEnd ? "empty record" : "a record must be a JSON object")
            }
            parser.index += 1
            var textRange: Range<Int>? = nil
            var text: TextValue? = nil
            var recordID: String? = nil
            var strings: [String: String] = [:]
            parser.skipSpace()
            if parser.peek() == UInt8(ascii: "}") {
                parser.index += 1
            } else {
                while true {
                    parser.skipSpace()
                    let key = try parser.stringValue()
                    let isText = parser.equals(key, textField)
                    let isID = !isText && parser.equals(key, "id")
                    parser.skipSpace()
                    try parser.expect(UInt8(ascii: ":"))
                    parser.skipSpace()
                    let valueStart = parser.index
                    if parser.peek() == UInt8(ascii: "\"") {
                        let value = try parser.stringValue()
                        if isText {
                            textRange = valueStart..<parser.index
                            text = value
                        } else if isID {
                            recordID = parser.string(of: value)
                        } else if value.byteCount <= 2048 {
                            strings[parser.string(of: key)] = parser.string(of: value)
                        }
                    } else {
                        try parser.skipValue(depth: 0)
                        if isID {
                            recordID = String(decoding: bytes[valueStart..<parser.index], as: UTF8.self)
                        } else if isText {
                            throw Failure(detail: "field '\(String(decoding: textField, as: UTF8.self))' is not a string")
                        }
                    }
                    parser.skipSpace()
                    if parser.peek() == UInt8(ascii: ",") {
                        parser.index += 1
                        continue
                    }
                    try parser.expect(UInt8(ascii: "}"))
                    break
                }
            }
            parser.skipSpace()
            guard parser.atEnd else { throw Failure(detail: "unexpected data after the record at column \(parser.index + 1)") }
            let record = JSONLRecord(
                raw: raw, textValueRange: textRange, line: line, recordID: recordID, stringFields: strings)
            return .success((record, text))
        } catch {
            return .failure(error)
        }
    }

    struct Parser {
        let bytes: UnsafeRawBufferPointer
        var index = 0

        var atEnd: Bool { index >= bytes.count }

        func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func skipSpace() {
            while index < bytes.count {
                let byte = bytes[index]
                guard byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D else { return }
                index += 1
            }
        }

        mutating func expect(_ byte: UInt8) throws(Failure) {
            guard peek() == byte else {
                let found = peek().map { "'\(Character(Unicode.Scalar($0)))'" } ?? "end of line"
                throw Failure(detail: "expected '\(Character(Unicode.Scalar(byte)))' at column \(index + 1), found \(found)")
            }
            index += 1
        }

        /// Decodes a JSON string starting at the opening quote.
        mutating func string() throws(Failure) -> String {
            string(of: try stringValue())
        }

        /// The text of a scanned string value.
        func string(of value: TextValue) -> String {
            switch value {
            case .verbatim(let range): String(decoding: bytes[range], as: UTF8.self)
            case .decoded(let decoded): String(decoding: decoded, as: UTF8.self)
            }
        }

        /// Whether a scanned string value is exactly `expected`.
        func equals(_ value: TextValue, _ expected: UnsafeRawBufferPointer) -> Bool {
            switch value {
            case .verbatim(let range): bytes[range].elementsEqual(expected)
            case .decoded(let decoded): decoded.elementsEqual(expected)
            }
        }

        func equals(_ value: TextValue, _ expected: StaticString) -> Bool {
            equals(value, UnsafeRawBufferPointer(start: expected.utf8Start, count: expected.utf8CodeUnitCount))
        }

        /// Scans a JSON string starting at the opening quote: where it is when it has no
        /// escapes, its decoded bytes otherwise.
        mutating func stringValue() throws(Failure) -> TextValue {
            try expect(UInt8(ascii: "\""))
            let start = index
            // Fast path: no escapes.
            skipPlainRun()
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    let value = TextValue.verbatim(start..<index)
                    index += 1
                    return value
                }
                if byte == UInt8(ascii: "\\") { break }
                if byte < 0x20 { throw Failure(detail: "control character in a string at column \(index + 1)") }
                index += 1
                skipPlainRun()
            }
            if let decoded = decodedByKernel(from: start) { return .decoded(decoded) }
            return .decoded(try decodedEscapes(from: start))
        }

        /// The body from `start` decoded by the C kernel, with `index` moved past the closing
        /// quote; nil when the body has something to report (the Swift decoder says what).
        mutating func decodedByKernel(from start: Int) -> [UInt8]? {
            guard let base = bytes.baseAddress else { return nil }
            let available = bytes.count - start
            var end: Int64 = -1
            let decoded = [UInt8](unsafeUninitializedCapacity: available) { buffer, initialized in
                guard let target = buffer.baseAddress else { return }
                let written = winnow_json_string_decode(
                    (base + start).assumingMemoryBound(to: UInt8.self), Int64(available), target, &end)
                initialized = written >= 0 ? Int(written) : 0
                if written < 0 { end = -1 }
            }
            guard end >= 0 else { return nil }
            index = start + Int(end) + 1
            return decoded
        }

        /// The body from `start` decoded in Swift, with `index` moved past the closing quote,
        /// or the failure it holds.
        mutating func decodedEscapes(from start: Int) throws(Failure) -> [UInt8] {
            index = start
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count - start)
            while index < bytes.count {
                let runStart = index
                skipPlainRun()
                if index > runStart { out.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[runStart..<index])) }
                guard index < bytes.count else { break }
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    index += 1
                    return out
                }
                if byte < 0x20 { throw Failure(detail: "control character in a string at column \(index + 1)") }
                if byte != UInt8(ascii: "\\") {
                    out.append(byte)
                    index += 1
                    continue
                }
                index += 1
                guard let escape = peek() else { break }
                index += 1
                switch escape {
                case UInt8(ascii: "n"): out.append(0x0A)  // the common one first
                case UInt8(ascii: "\""): out.append(0x22)
                case UInt8(ascii: "\\"): out.append(0x5C)
                case UInt8(ascii: "/"): out.append(0x2F)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if scalar >= 0xD800 && scalar < 0xDC00 {
                        // A high surrogate must pair with a low one; a lone one becomes U+FFFD,
                        // and an escape after it that is no low surrogate (`\ud800\u0042`) is
                        // decoded on its own, not swallowed.
                        if peek() == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u") {
                            let next = index
                            index += 2
                            let low = try hex4()
                            if low >= 0xDC00 && low < 0xE000 {
                                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                            } else {
                                scalar = 0xFFFD
                                index = next
                            }
                        } else {
                            scalar = 0xFFFD
                        }
                    } else if scalar >= 0xDC00 && scalar < 0xE000 {
                        scalar = 0xFFFD
                    }
                    Self.appendUTF8(scalar, to: &out)
                default:
                    throw Failure(detail: "invalid escape '\\\(Character(Unicode.Scalar(escape)))' at column \(index)")
                }
            }
            throw Failure(detail: "unterminated string")
        }

        /// Moves past bytes that need no attention inside a string (no quote, backslash or
        /// control character), eight at a time.
        @inline(__always)
        mutating func skipPlainRun() {
            while index + 16 <= bytes.count {
                if let lane = SWAR.firstJSONSpecial(bytes.loadUnaligned(fromByteOffset: index, as: SWAR.Vector.self)) {
                    // Straight to the byte that needs attention: the decoder copies what is
                    // before it in one go instead of byte by byte.
                    index += lane
                    return
                }
                index += 16
            }
            while index + 8 <= bytes.count {
                let word = bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                if SWAR.hasByte(word, 0x22) || SWAR.hasByte(word, 0x5C) || SWAR.hasBelow0x20(word) { return }
                index += 8
            }
        }

        /// UTF-8 of a scalar value that is already known not to be a surrogate.
        static func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) {
            switch scalar {
            case 0..<0x80:
                out.append(UInt8(scalar))
            case 0x80..<0x800:
                out.append(UInt8(0xC0 | scalar >> 6))
                out.append(UInt8(0x80 | scalar & 0x3F))
            case 0x800..<0x10000:
                out.append(UInt8(0xE0 | scalar >> 12))
                out.append(UInt8(0x80 | scalar >> 6 & 0x3F))
                out.append(UInt8(0x80 | scalar & 0x3F))
            default:
                out.append(UInt8(0xF0 | scalar >> 18))
                out.append(UInt8(0x80 | scalar >> 12 & 0x3F))
                out.append(UInt8(0x80 | scalar >> 6 & 0x3F))
                out.append(UInt8(0x80 | scalar & 0x3F))
            }
        }

        mutating func hex4() throws(Failure) -> UInt32 {
            guard index + 4 <= bytes.count else { throw Failure(detail: "truncated \\u escape") }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let byte = bytes[index]
                let digit: UInt32
                switch byte {
                case 0x30...0x39: digit = UInt32(byte - 0x30)
                case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
                case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
                default: throw Failure(detail: "invalid \\u escape at column \(index + 1)")
                }
                value = value << 4 | digit
                index += 1
            }
            return value
        }

        mutating func skipValue(depth: Int) throws(Failure) {
            guard depth < 512 else { throw Failure(detail: "nesting too deep") }
            skipSpace()
            guard let byte = peek() else { throw Failure(detail: "missing value at end of line") }
            switch byte {
            case UInt8(ascii: "\""):
                _ = try stringValue()
            case UInt8(ascii: "{"):
                index += 1
                skipSpace()
                if peek() == UInt8(ascii: "}") {
                    index += 1
                    return
                }
                while true {
                    skipSpace()
                    _ = try stringValue()
                    skipSpace()
                    try expect(UInt8(ascii: ":"))
                    try skipValue(depth: depth + 1)
                    skipSpace()
                    if peek() == UInt8(ascii: ",") {
                        index += 1
                        continue
                    }
                    try expect(UInt8(ascii: "}"))
                    return
                }
            case UInt8(ascii: "["):
                index += 1
                skipSpace()
                if peek() == UInt8(ascii: "]") {
                    index += 1
                    return
                }
                while true {
                    try skipValue(depth: depth + 1)
                    skipSpace()
                    if peek() == UInt8(ascii: ",") {
                        index += 1
                        continue
                    }
                    try expect(UInt8(ascii: "]"))
                    return
                }
            case UInt8(ascii: "t"): try literal("true")
            case UInt8(ascii: "f"): try literal("false")
            case UInt8(ascii: "n"): try literal("null")
            case UInt8(ascii: "-"), 0x30...0x39:
                try number()
            default:
                throw Failure(detail: "unexpected '\(Character(Unicode.Scalar(byte)))' at column \(index + 1)")
            }
        }

        mutating func literal(_ word: StaticString) throws(Failure) {
            let count = word.utf8CodeUnitCount
            let expected = UnsafeRawBufferPointer(start: word.utf8Start, count: count)
            guard index + count <= bytes.count, bytes[index..<index + count].elementsEqual(expected) else {
                throw Failure(detail: "invalid literal at column \(index + 1)")
            }
            index += count
        }

        mutating func number() throws(Failure) {
            let start = index
            if peek() == UInt8(ascii: "-") { index += 1 }
            var digits = 0
            while let byte = peek(), byte >= 0x30 && byte <= 0x39 {
                index += 1
                digits += 1
            }
            if peek() == UInt8(ascii: ".") {
                index += 1
                while let byte = peek(), byte >= 0x30 && byte <= 0x39 { index += 1 }
            }
            if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
                index += 1
                if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { index += 1 }
                while let byte = peek(), byte >= 0x30 && byte <= 0x39 { index += 1 }
            }
            if digits == 0 { throw Failure(detail: "invalid number at column \(start + 1)") }
        }
    }
}
