import Testing
@testable import Winnow

/// The Aho–Corasick literal scanner: every occurrence, with its start, and ids kept free by
/// empty literals (the plain and raw scanners share one id space).
@Suite struct LiteralScannerTests {
    private func hits(_ scanner: LiteralScanner, _ text: String) -> [[Int]] {
        var found: [[Int]] = []
        Array(text.utf8).withUnsafeBytes { bytes in scanner.scan(bytes) { id, start in found.append([id, start]) } }
        return found.sorted { $0.lexicographicallyPrecedes($1) }
    }

    @Test func findsOverlappingLiteralsWithTheirStarts() {
        let scanner = LiteralScanner(literals: [Array("he".utf8), Array("she".utf8), Array("hers".utf8)])
        #expect(hits(scanner, "ushers") == [[0, 2], [1, 1], [2, 2]])
    }

    @Test func emptyLiteralsKeepTheirIdsAndAreNeverReported() {
        let scanner = LiteralScanner(literals: [[], Array("of".utf8), []])
        #expect(scanner.literalCount == 3)
        #expect(hits(scanner, "one of two") == [[1, 4]])
        let none = LiteralScanner(literals: [[], []])
        #expect(hits(none, "anything at all").isEmpty)
    }

    @Test func aLongTextScannedInTwoHalvesFindsEveryOccurrenceOnce() {
        let literals = ["of", "de", "all rights reserved", "reserved.", "d"].map { Array($0.utf8) }
        let scanner = LiteralScanner(literals: literals)
        // Lengths around the two-way threshold and every position of a literal across the cut.
        for length in [10, 37, 38, 39, 40, 41, 80, 81, 200] {
            for position in 0..<max(1, length - 19) {
                var bytes = Array(repeating: UInt8(ascii: "x"), count: length)
                let phrase = Array("all rights reserved".utf8)
                if position + phrase.count <= length { bytes.replaceSubrange(position..<position + phrase.count, with: phrase) }
                if length > 3 { bytes.replaceSubrange(length - 2..<length, with: Array("of".utf8)) }
                let text = String(decoding: bytes, as: UTF8.self)
                #expect(hits(scanner, text) == NaiveLiteralSearch.hits(literals, bytes), "length \(length), phrase at \(position)")
            }
        }
    }

}
