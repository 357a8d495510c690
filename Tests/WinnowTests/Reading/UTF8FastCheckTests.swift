import Testing

@testable import Winnow

/// The sixteen-byte validator must answer exactly like the byte-by-byte one whenever it
/// answers, and answer for valid text without unusual controls.
@Suite struct UTF8FastCheckTests {
    /// Both fast checks: the one `check` uses (the C kernel on CPUs that have its
    /// instructions) and the portable one, which must stay right on every CPU.
    static var variants: [(String, (UnsafeRawBufferPointer) -> UTF8Validator.Check?)] {
        [("fast", UTF8Validator.fastCheck), ("portable", UTF8Validator.portableFastCheck)]
    }

    /// Pieces that make valid and invalid text when strung together at random.
    static let pieces: [[UInt8]] = [
        Array("a".utf8), Array(" ".utf8), Array("word ".utf8), [0x0A], [0x09], [0x0D], [0x0C], [0x00], [0x07],
        Array("é".utf8), Array("ж".utf8), Array("ก".utf8), Array("ุ".utf8), Array("€".utf8), Array("😀".utf8),
        Array("\u{FFFD}".utf8), Array("\u{10FFFF}".utf8), Array("\u{800}".utf8), Array("\u{D7FF}".utf8),
        Array("\u{E000}".utf8), Array("\u{10000}".utf8), Array("\u{7FF}".utf8), Array("\u{80}".utf8),
        [0x80], [0xBF], [0xC0, 0x80], [0xC1, 0xBF], [0xC3], [0xE0, 0x80, 0x80], [0xE0, 0x9F, 0xBF], [0xED, 0xA0, 0x80],
        [0xED, 0x9F, 0xBF], [0xF0, 0x80, 0x80, 0x80], [0xF0, 0x8F, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80],
        [0xF4, 0x8F, 0xBF, 0xBF], [0xF5, 0x80, 0x80, 0x80], [0xFF], [0xE1, 0x80], [0xF1, 0x80, 0x80], [0x7F],
    ]

    @Test func agreesWithTheFullCheck() {
        var generator = SystemRandomNumberGenerator()
        var answered = 0
        for round in 0..<20_000 {
            var bytes: [UInt8] = []
            let validOnly = round % 2 == 0
            let length = Int.random(in: 1...60, using: &generator)
            for _ in 0..<length {
                // Half the rounds use only pieces that keep the text valid and control-free.
                let choice = validOnly ? Int.random(in: 0..<6, using: &generator) : Int.random(in: 0..<Self.pieces.count, using: &generator)
                let piece = validOnly ? [Self.pieces[0], Self.pieces[2], Self.pieces[9], Self.pieces[11], Self.pieces[14], Self.pieces[4]][choice] : Self.pieces[choice]
                bytes += piece
            }
            for (name, variant) in Self.variants {
            bytes.withUnsafeBytes { raw in
                let full = UTF8Validator.fullCheck(raw)
                if let fast = variant(raw) {
                    if name == "fast" { answered += 1 }
                    #expect(fast.isValid == full.isValid, "\(bytes)")
                    #expect(fast.invalidSequences == full.invalidSequences, "\(bytes)")
                    #expect(fast.validMultibyte == full.validMultibyte, "\(bytes)")
                    #expect(fast.firstNUL == full.firstNUL, "\(bytes)")
                    #expect(fast.controlRatio == full.controlRatio, "\(bytes)")
                } else if validOnly && raw.count >= 19 {
                    Issue.record("\(name): valid text left to the slow path: \(bytes)")
                }
            }
            }
        }
        #expect(answered > 5_000)
    }

    /// All-ASCII steps take a shortcut: they must still see a sequence cut off just before
    /// them, and controls inside them, at every alignment.
    @Test func asciiStepsAfterEveryPiece() {
        for piece in Self.pieces {
            for before in 0..<20 {
                for after in [16, 17, 31, 40] {
                    for tail in [[UInt8](), [0x01], [0x00], Array("é".utf8)] {
                        let bytes = Array(repeating: UInt8(ascii: "a"), count: before) + piece
                            + Array(repeating: UInt8(ascii: "b"), count: after) + tail
                        for (name, variant) in Self.variants {
                            bytes.withUnsafeBytes { raw in
                                let full = UTF8Validator.fullCheck(raw)
                                if let fast = variant(raw) {
                                    #expect(fast.isValid == full.isValid, "\(name) \(bytes)")
                                    #expect(fast.validMultibyte == full.validMultibyte, "\(name) \(bytes)")
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    @Test func everyTwoAndThreeByteCombinationAfterText() {
        // Every pair of bytes at the start, middle and end of a 16-byte and of a 32-byte step,
        // after valid text, and at the very end of the input.
        let prefix = Array("0123456789abcdefghij0123456789abcdefghij".utf8)
        for first in UInt8(0x80)...0xFF {
            for second in stride(from: 0, through: 0xFF, by: 1).map(UInt8.init) {
                for offset in [0, 13, 15, 26, 28, 29, 30] {
                    for suffix in [[0x80, 0x41] + Array(prefix), []] {
                        let bytes = Array(prefix.prefix(offset + 3)) + [first, second] + suffix
                        for (name, variant) in Self.variants {
                            bytes.withUnsafeBytes { raw in
                                if let fast = variant(raw) {
                                    let full = UTF8Validator.fullCheck(raw)
                                    #expect(full.isValid && fast.validMultibyte == full.validMultibyte, "\(name) \(bytes)")
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
