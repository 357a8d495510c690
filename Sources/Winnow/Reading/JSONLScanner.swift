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

    /// Scans one record. `textField` names the field to clean.
    public static func scan(_ raw: [UInt8], line: Int, textField: String) -> Result<(JSONLRecord, String?), Failure> {
        raw.withUnsafeBytes { bytes in
            var parser = Parser(bytes: bytes)
            do throws(Failure) {
                parser.skipSpace()
                guard parser.peek() == UInt8(ascii: "{") else {
                    throw Failure(detail: parser.atEnd ? "empty record" : "a record must be a JSON object")
                }
                parser.index += 1
                var textRange: Range<Int>? = nil
                var text: String? = nil
                var recordID: String? = nil
                var strings: [String: String] = [:]
                parser.skipSpace()
                if parser.peek() == UInt8(ascii: "}") {
                    parser.index += 1
                } else {
                    while true {
                        parser.skipSpace()
                        let key = try parser.string()
                        parser.skipSpace()
                        try parser.expect(UInt8(ascii: ":"))
                        parser.skipSpace()
                        let valueStart = parser.index
                        if parser.peek() == UInt8(ascii: "\"") {
                            let value = try parser.string()
                            if key == textField {
                                textRange = valueStart..<parser.index
                                text = value
                            } else if key == "id" {
                                recordID = value
                            } else if value.utf8.count <= 2048 {
                                strings[key] = value
                            }
                        } else {
                            try parser.skipValue(depth: 0)
                            if key == "id" {
                                recordID = String(decoding: bytes[valueStart..<parser.index], as: UTF8.self)
                            } else if key == textField {
                                throw Failure(detail: "field '\(textField)' is not a string")
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
            try expect(UInt8(ascii: "\""))
            let start = index
            // Fast path: no escapes.
            skipPlainRun()
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    let value = String(decoding: bytes[start..<index], as: UTF8.self)
                    index += 1
                    return value
                }
                if byte == UInt8(ascii: "\\") { break }
                if byte < 0x20 { throw Failure(detail: "control character in a string at column \(index + 1)") }
                index += 1
                skipPlainRun()
            }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count - start)
            out.append(contentsOf: bytes[start..<index])
            while index < bytes.count {
                let runStart = index
                skipPlainRun()
                if index > runStart { out.append(contentsOf: bytes[runStart..<index]) }
                guard index < bytes.count else { break }
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    index += 1
                    return String(decoding: out, as: UTF8.self)
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
                case UInt8(ascii: "\""): out.append(0x22)
                case UInt8(ascii: "\\"): out.append(0x5C)
                case UInt8(ascii: "/"): out.append(0x2F)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if scalar >= 0xD800 && scalar < 0xDC00 {
                        // A high surrogate must pair with a low one; a lone one becomes U+FFFD.
                        if peek() == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u") {
                            index += 2
                            let low = try hex4()
                            if low >= 0xDC00 && low < 0xE000 {
                                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                            } else {
                                scalar = 0xFFFD
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
                _ = try string()
            case UInt8(ascii: "{"):
                index += 1
                skipSpace()
                if peek() == UInt8(ascii: "}") {
                    index += 1
                    return
                }
                while true {
                    skipSpace()
                    _ = try string()
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
