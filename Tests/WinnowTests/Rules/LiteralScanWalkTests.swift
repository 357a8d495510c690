import Testing
@testable import Winnow

/// The walk of the literal automaton (two halves side by side on a long text) finds what a
/// naive search finds, at every boundary between the halves and at the ends.
@Suite struct LiteralScanWalkTests {
    private func hits(_ scanner: LiteralScanner, _ bytes: [UInt8]) -> [[Int]] {
        var found: [[Int]] = []
        bytes.withUnsafeBytes { text in
            scanner.scan(text) { id, start in found.append([id, start]) }
        }
        return found.sorted { $0.lexicographicallyPrecedes($1) }
    }

    @Test func emptyTextFindsNothing() {
        let scanner = LiteralScanner(literals: [Array("a".utf8)])
        #expect(hits(scanner, []).isEmpty)
    }

    @Test func overlappingLiteralsAtEveryPositionAndLength() {
        let literals = ["he", "she", "hers", "e", "ushers", "§", "ß", "straße"].map { Array($0.utf8) }
        let scanner = LiteralScanner(literals: literals)
        let unit = Array("ushers straße § x ".utf8)
        for length in 0..<260 {
            let bytes = (0..<length).map { unit[$0 % unit.count] }
            #expect(hits(scanner, bytes) == NaiveLiteralSearch.hits(literals, bytes), "length \(length)")
        }
    }

    @Test func literalsAcrossEverySliceBoundaryAndAtTheEnds() {
        let literals = ["all rights reserved", "of", "d", "rights", "xy"].map { Array($0.utf8) }
        let scanner = LiteralScanner(literals: literals, depth: CompiledRules.scannerDepth)
        let phrase = Array("all rights reserved".utf8)
        for length in [19, 20, 47, 63, 64, 65, 100, 127, 128, 129, 300] {
            for position in 0...(length - phrase.count) {
                var bytes = Array(repeating: UInt8(ascii: "x"), count: length)
                bytes.replaceSubrange(position..<position + phrase.count, with: phrase)
                #expect(hits(scanner, bytes) == NaiveLiteralSearch.hits(literals, bytes), "length \(length), phrase at \(position)")
            }
        }
    }

    @Test func nonASCIIAndEveryByteValue() {
        let literals = [[0xFF], [0x00, 0x01], Array("é".utf8), Array("日本".utf8), [0x80, 0x80, 0x80]]
        let scanner = LiteralScanner(literals: literals)
        var bytes: [UInt8] = []
        for round in 0..<3 { bytes += (0...255).map { UInt8(($0 + round) & 0xFF) } }
        bytes += Array("日本 é".utf8) + [0x80, 0x80, 0x80, 0x80, 0xFF]
        #expect(hits(scanner, bytes) == NaiveLiteralSearch.hits(literals, bytes))
    }

    @Test func textFullOfHits() {
        let literals = [Array("a".utf8), Array("aa".utf8)]
        let scanner = LiteralScanner(literals: literals)
        let bytes = Array(repeating: UInt8(ascii: "a"), count: 384)
        #expect(hits(scanner, bytes) == NaiveLiteralSearch.hits(literals, bytes))
    }
}
