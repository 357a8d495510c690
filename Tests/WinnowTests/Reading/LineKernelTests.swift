import CTextScan
import Foundation
import Testing

@testable import Winnow

/// The C line scan (`winnow_line_flags`) must give the segmenter exactly the blocks the
/// portable Swift scan gives, and a line it calls NFC must be NFC.
@Suite struct LineKernelTests {
    static func flags(_ bytes: [UInt8]) -> Int32 {
        bytes.withUnsafeBufferPointer { winnow_line_flags($0.baseAddress, Int64($0.count)) }
    }

    static var hasKernel: Bool { flags(Array("a".utf8)) >= 0 }

    @Test func segmentsLikeThePortableScan() {
        let kernel = Segmenter()
        let portable = Segmenter(portable: true)
        var generator = SplitMix(state: 23)
        for _ in 0..<20_000 {
            SegmenterParity.expectSameBlocks(VerbatimLineTests.randomText(&generator), kernel: kernel, portable: portable)
        }
    }

    /// Every flag at every offset of the 32-byte steps, and across the end of the line.
    @Test func seesEveryFlagAtEveryOffset() throws {
        try #require(Self.hasKernel)
        let cases: [(String, Int32)] = [
            ("\u{1}", Int32(WINNOW_LINE_CONTROL) | Int32(WINNOW_LINE_SPECIAL)), ("\u{7F}", Int32(WINNOW_LINE_CONTROL)),
            ("\u{85}", Int32(WINNOW_LINE_CONTROL)), ("\u{9F}", Int32(WINNOW_LINE_CONTROL)), ("\u{A0}", 0),
            ("\t", Int32(WINNOW_LINE_SPECIAL)), ("  ", Int32(WINNOW_LINE_SPECIAL)), ("[", Int32(WINNOW_LINE_SPECIAL)),
            ("`", Int32(WINNOW_LINE_SPECIAL)), ("\"", Int32(WINNOW_LINE_SPECIAL)), ("*", Int32(WINNOW_LINE_SPECIAL)),
            ("a", 0), ("Ж", 0), ("é", 0), ("ก\u{0E38}\u{0E48}", 0), ("—", 0), ("•", 0),
            ("e\u{301}", Int32(WINNOW_LINE_MAY_NEED_NFC)), ("ก\u{0E48}\u{0E38}", Int32(WINNOW_LINE_MAY_NEED_NFC)),
            ("ก\u{0E38}\u{0E3A}", Int32(WINNOW_LINE_MAY_NEED_NFC)), ("\u{2000}", Int32(WINNOW_LINE_MAY_NEED_NFC)),
            ("中", Int32(WINNOW_LINE_MAY_NEED_NFC)), ("😀", Int32(WINNOW_LINE_MAY_NEED_NFC)),
        ]
        for (piece, expected) in cases {
            for before in 0..<70 {
                for after in [0, 1, 2, 5, 31, 40] {
                    let line = String(repeating: "x", count: before) + piece + String(repeating: "y", count: after)
                    #expect(Self.flags(Array(line.utf8)) == expected, "\(piece.debugDescription) \(before) \(after)")
                }
            }
        }
    }

    @Test func aLineCalledNFCIsNFC() throws {
        try #require(Self.hasKernel)
        var generator = SystemRandomNumberGenerator()
        let pieces = NFCChunkTests.pieces + ["e\u{301}", "\u{2000}", "—", "€", "→", "│", "中"]
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<Int.random(in: 1...50, using: &generator) {
                text += pieces[Int.random(in: 0..<pieces.count, using: &generator)]
            }
            let bytes = Array(text.utf8)
            if Self.flags(bytes) & Int32(WINNOW_LINE_MAY_NEED_NFC) == 0 {
                #expect(NFCChunkTests.icuSaysNFC(bytes), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            }
        }
    }
}

/// Lines end at LF, CR and CRLF, found by the C scan in batches of 256: every line, with its
/// number and offset, must be the one the plain definition gives, across batch boundaries.
@Suite struct LineBreakTests {
    /// (offset, bytes) of each line by definition: split at LF, drop one CR before it, split
    /// the rest at lone CRs.
    static func referenceLines(_ bytes: [UInt8]) -> [(Int, [UInt8])] {
        var lines: [(Int, [UInt8])] = []
        var start = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            var line = Array(bytes[start..<end])
            if line.last == 0x0D { line.removeLast() }
            var pieceStart = 0
            for (index, byte) in line.enumerated() where byte == 0x0D {
                lines.append((start + pieceStart, Array(line[pieceStart..<index])))
                pieceStart = index + 1
            }
            lines.append((start + pieceStart, Array(line[pieceStart...])))
            start = end + 1
        }
        return lines
    }

    @Test func linesEndAtLFCRAndCRLF() {
        var generator = SplitMix(state: 31)
        let pieces = ["a", "word", "\n", "\r", "\r\n", "\n\r", "  ", "\n\n", "x y"]
        for round in 0..<400 {
            var text = ""
            let count = round % 2 == 0 ? Int(generator.next() % 40) : 300 + Int(generator.next() % 900)
            for _ in 0..<count { text += pieces[Int(generator.next() % UInt64(pieces.count))] }
            let bytes = Array(text.utf8)
            let expected = Self.referenceLines(bytes).enumerated().compactMap { number, line -> (Int, Int, String)? in
                let text = String(decoding: line.1, as: UTF8.self).trimmingCharacters(in: .whitespaces)
                return text.isEmpty ? nil : (number + 1, line.0, text)
            }
            let blocks = Segmenter().blocks(from: text)
            #expect(blocks.map(\.origin.line) == expected.map(\.0), "\(text.debugDescription)")
            #expect(blocks.map(\.origin.byteOffset) == expected.map(\.1), "\(text.debugDescription)")
            #expect(blocks.map(\.text) == expected.map(\.2), "\(text.debugDescription)")
        }
    }
}
