/// Minimal JSON writing for the hot output path: string escaping and number formatting that
/// give the same bytes on every run.
enum JSONText {
    static func appendString(_ string: String, to out: inout [UInt8]) {
        var string = string
        string.withUTF8 { appendString(UnsafeRawBufferPointer($0), to: &out) }
    }

    /// Escapes UTF-8 bytes as a JSON string, copying runs that need no escape in one go.
    static func appendString(_ bytes: UnsafeRawBufferPointer, to out: inout [UInt8]) {
        // Room for the string and a few escapes up front, growing geometrically.
        let needed = out.count + bytes.count + bytes.count / 16 + 2
        if out.capacity < needed { out.reserveCapacity(max(needed, 2 * out.capacity)) }
        out.append(UInt8(ascii: "\""))
        appendEscaped(bytes, to: &out)
        out.append(UInt8(ascii: "\""))
    }

    /// The body of a JSON string (no quotes): escaping is byte by byte, so a text's body is
    /// the bodies of its pieces one after another.
    static func appendEscaped(_ bytes: UnsafeRawBufferPointer, to out: inout [UInt8]) {
        var runStart = 0
        var index = 0
        let count = bytes.count
        while index < count {
            // Sixteen, then eight bytes at a time while none needs an escape (no control, quote
            // or backslash).
            while index + 16 <= count {
                if let lane = SWAR.firstJSONSpecial(bytes.loadUnaligned(fromByteOffset: index, as: SWAR.Vector.self)) {
                    index += lane
                    break
                }
                index += 16
            }
            while index + 8 <= count {
                let word = bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                if SWAR.hasByte(word, 0x22) || SWAR.hasByte(word, 0x5C) || SWAR.hasBelow0x20(word) { break }
                index += 8
            }
            guard index < count else { break }
            let byte = bytes[index]
            index += 1
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[runStart..<index - 1]))
            runStart = index
            // Two single appends, not an array literal: this runs for every line break.
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                out.append(0x5C)
                out.append(byte)
            case 0x0A:
                out.append(0x5C)
                out.append(UInt8(ascii: "n"))
            case 0x0D:
                out.append(0x5C)
                out.append(UInt8(ascii: "r"))
            case 0x09:
                out.append(0x5C)
                out.append(UInt8(ascii: "t"))
            default:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                out.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 15)]])
            }
        }
        out.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[runStart..<bytes.count]))
    }

    /// The offset of the first byte of `bytes` that a JSON string must escape (a control, a
    /// quote or a backslash), or nil.
    static func firstEscapeIndex(in bytes: UnsafeRawBufferPointer) -> Int? {
        let count = bytes.count
        var index = 0
        while index + 16 <= count {
            if let lane = SWAR.firstJSONSpecial(bytes.loadUnaligned(fromByteOffset: index, as: SWAR.Vector.self)) {
                return index + lane
            }
            index += 16
        }
        while index < count {
            let byte = bytes[index]
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return index }
            index += 1
        }
        return nil
    }

    /// `"key":` for a key written in the source: such keys need no escape, so their bytes go
    /// out as they are (escaping them as strings cost a pass and a growth check per key, and
    /// the metadata has several keys for every removed span).
    static func appendKey(_ key: StaticString, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        appendRaw(key, to: &out)
        appendRaw("\":", to: &out)
    }

    /// The bytes of `text` as they are (JSON punctuation and keys written in the source).
    static func appendRaw(_ text: StaticString, to out: inout [UInt8]) {
        text.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    /// A confidence or score with three decimals (`0.973`), stable across platforms.
    static func appendNumber(_ value: Double, to out: inout [UInt8]) {
        let scaled = (value * 1000).rounded()
        guard scaled.isFinite, scaled.magnitude < 1e15 else {
            out.append(UInt8(ascii: "0"))
            return
        }
        let integer = Int(scaled)
        if integer < 0 { out.append(UInt8(ascii: "-")) }
        let magnitude = abs(integer)
        appendInteger(magnitude / 1000, to: &out)
        let fraction = magnitude % 1000
        out.append(UInt8(ascii: "."))
        out.append(0x30 + UInt8(fraction / 100))
        out.append(0x30 + UInt8(fraction / 10 % 10))
        out.append(0x30 + UInt8(fraction % 10))
    }

    /// A whole number in decimal, written straight into `out` (no string per number: the
    /// metadata has two for every removed span).
    static func appendInteger(_ value: Int, to out: inout [UInt8]) {
        if value < 0 { out.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        if magnitude < 10 {
            out.append(0x30 + UInt8(magnitude))
            return
        }
        // Line numbers are mostly below 1,000: their digits go in one by one (appending a
        // buffer of two or three bytes cost more than the digits).
        if magnitude < 100 {
            out.append(0x30 + UInt8(magnitude / 10))
            out.append(0x30 + UInt8(magnitude % 10))
            return
        }
        if magnitude < 1000 {
            out.append(0x30 + UInt8(magnitude / 100))
            out.append(0x30 + UInt8(magnitude / 10 % 10))
            out.append(0x30 + UInt8(magnitude % 10))
            return
        }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var start = 20
            while magnitude > 0 {
                start -= 1
                digits[start] = 0x30 + UInt8(magnitude % 10)
                magnitude /= 10
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }
}
