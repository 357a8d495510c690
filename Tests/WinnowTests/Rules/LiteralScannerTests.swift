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
}
