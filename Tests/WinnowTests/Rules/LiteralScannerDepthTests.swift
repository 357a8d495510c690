import Testing
@testable import Winnow

/// An automaton that holds only the literals' first bytes and checks the rest where a head is
/// found reports every occurrence, with its start, exactly as the full automaton does.
@Suite struct LiteralScannerDepthTests {
    private func hits(_ scanner: LiteralScanner, _ bytes: [UInt8]) -> [[Int]] {
        var found: [[Int]] = []
        bytes.withUnsafeBytes { scanner.scan($0) { id, start in found.append([id, start]) } }
        return found.sorted { $0.lexicographicallyPrecedes($1) }
    }

    @Test func aShallowAutomatonFindsWhatTheFullOneFinds() {
        var generator = SplitMix(state: 0xDE97)
        let alphabet = Array("abc ".utf8)
        for round in 0..<200 {
            // Literals sharing heads and longer than the depth, texts long enough to be
            // scanned in two halves.
            let literals = (0..<Int.random(in: 1...10, using: &generator)).map { _ in round % 7 == 0 ? [] : generator.bytes(from: alphabet, count: 1...9) }
            let full = LiteralScanner(literals: literals)
            for depth in [1, 2, 3, 6] {
                let shallow = LiteralScanner(literals: literals, depth: depth)
                for _ in 0..<8 {
                    let text = generator.bytes(from: alphabet, count: 0...90)
                    #expect(hits(shallow, text) == hits(full, text), "depth \(depth): \(literals) in \(text)")
                }
            }
        }
    }

    @Test func theBuiltinScannerFindsWhatTheFullAutomatonFinds() throws {
        let compiled = try RuleSet.builtin().compiled
        let full = LiteralScanner(literals: compiled.literals)
        let lines = [
            "share this article on facebook", "all rights reserved. copyright © 2024", "photo: afp / getty images",
            "sign up for our newsletter to get the latest", "posted by ann at 3:04 pm | 12 comments", "de la ville",
            "read more » next article: the council says", "[reply](https://example.com) · like · 3 replies",
        ]
        var generator = SplitMix(state: 9)
        for _ in 0..<100 {
            let text = (0..<Int.random(in: 1...6, using: &generator)).map { _ in lines.randomElement(using: &generator) ?? "" }
                .joined(separator: " ")
            #expect(hits(compiled.scanner, Array(text.utf8)) == hits(full, Array(text.utf8)), "\(text)")
        }
    }
}
