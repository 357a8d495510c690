import Foundation
import Testing

@testable import Winnow

/// The validator's eight-byte steps (four two-byte or two three-byte sequences at once) must
/// give exactly what checking one sequence at a time gives.
@Suite struct UTF8ValidatorTests {
    /// One sequence at a time with `sequenceLength` alone: the validator's counts without its
    /// shortcuts.
    static func reference(_ bytes: [UInt8]) -> (invalid: Int, multibyte: Int) {
        bytes.withUnsafeBytes { raw in
            var invalid = 0
            var multibyte = 0
            var index = 0
            while index < raw.count {
                if raw[index] < 0x80 {
                    index += 1
                    continue
                }
                let length = UTF8Validator.sequenceLength(raw, at: index)
                if length == 0 {
                    invalid += 1
                    index += 1
                } else {
                    multibyte += 1
                    index += length
                }
            }
            return (invalid, multibyte)
        }
    }

    static func expectAgreement(_ bytes: [UInt8]) {
        let check = bytes.withUnsafeBytes { UTF8Validator.check($0) }
        let expected = reference(bytes)
        #expect(check.invalidSequences == expected.invalid, "\(bytes)")
        #expect(check.validMultibyte == expected.multibyte, "\(bytes)")
        #expect(check.isValid == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
    }

    /// Random strings built from valid sequences of every length and from the bytes that break
    /// them (overlong leads, surrogates, stray continuations, truncated sequences).
    @Test func eightByteStepsAgreeWithOneSequenceAtATime() {
        let pieces: [[UInt8]] = [
            Array("a".utf8), Array(" ".utf8), Array("\n".utf8), Array("д".utf8), Array("Ж".utf8), Array("é".utf8),
            Array("\u{80}".utf8), Array("\u{7FF}".utf8), Array("ก".utf8), Array("ไ".utf8), Array("中".utf8),
            Array("\u{800}".utf8), Array("\u{FFFF}".utf8), Array("\u{D7FF}".utf8), Array("\u{E000}".utf8),
            Array("👍".utf8), [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xE0, 0x9F, 0xBF], [0xED, 0xA0, 0x80],
            [0xED, 0xBF, 0xBF], [0x80], [0xBF], [0xC2], [0xE0, 0xB8], [0xF8], [0xFF], [0xF4, 0x90, 0x80, 0x80],
        ]
        var random = SplitMix(state: 11)
        for _ in 0..<3000 {
            var bytes: [UInt8] = []
            for _ in 0..<random.below(40) {
                // Runs of one piece, as real text has, and mixtures.
                let piece = pieces[random.below(pieces.count)]
                for _ in 0...random.below(6) { bytes += piece }
            }
            Self.expectAgreement(bytes)
        }
    }

    @Test func everyTwoAndThreeByteLeadInARun() {
        for lead in UInt8(0xC0)...0xF4 {
            for second in [UInt8(0x80), 0x9F, 0xA0, 0xBF, 0x41, 0xC0] {
                let sequence = lead < 0xE0 ? [lead, second] : [lead, second, 0x80]
                Self.expectAgreement(Array(repeating: sequence, count: 6).flatMap { $0 })
                Self.expectAgreement(Array("ДД".utf8) + Array(repeating: sequence, count: 3).flatMap { $0 } + Array("ก".utf8))
            }
        }
    }
}

/// The profile pass reads files into a reused buffer and skips `decode` for plain UTF-8.
@Suite struct ReusedBufferReadingTests {
    @Test func readIntoAReusedBufferGivesTheFile() throws {
        let directory = NSTemporaryDirectory() + "winnow-read-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var buffer: [UInt8] = []
        for size in [0, 1, 100, 16 * 1024 - 1, 16 * 1024, 16 * 1024 + 1, 70_000, 5] {
            let path = directory + "/f\(size).txt"
            let content = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
            try Data(content).write(to: URL(fileURLWithPath: path))
            let count = try FileIO.readAll(path: path, into: &buffer)
            #expect(count == size)
            #expect(Array(buffer[0..<count]) == content)
            #expect(try FileIO.readAll(path: path) == content)
        }
        #expect(throws: WinnowError.self) { try FileIO.readAll(path: directory + "/missing", into: &buffer) }
        #expect(throws: WinnowError.self) { try FileIO.readAll(path: directory, into: &buffer) }
    }

    /// `passesThrough` is true exactly when `decode` returns the input unchanged.
    @Test func passesThroughMatchesDecode() {
        let inputs: [[UInt8]] = [
            Array("plain text\n".utf8), Array("Москва ภาษาไทย 中文\r\n".utf8), [], [0xEF, 0xBB, 0xBF] + Array("bom".utf8),
            [0xFF, 0xFE, 0x62, 0x00], Array("nul\0byte".utf8), Array("bad \u{E9}".utf8) + [0xE9, 0x20],
            Array(repeating: 0x01, count: 50) + Array("x".utf8), Array("ctl\u{01} ok text here".utf8),
        ]
        let decoder = InputDecoder()
        for input in inputs {
            let passes = input.withUnsafeBytes { decoder.passesThrough($0) }
            let decoded = try? decoder.decode(input, path: "t.txt")
            let unchanged = decoded.map { $0.bytes == input && $0.notes.encoding == "UTF-8" && $0.notes.replacements == 0 } ?? false
            #expect(passes == unchanged, "\(input)")
        }
        #expect(!Array("text".utf8).withUnsafeBytes { InputDecoder(forcedEncoding: "windows-1252").passesThrough($0) })
    }
}
