import Testing
@testable import Winnow

/// A line whose plain text is its raw text's tail is scanned once, by the automaton of all
/// literals, counting a plain literal only when it starts inside the tail (`RuleMatcher`). These
/// tests check that this finds the same literal ids as the plain text scanned for the plain
/// literals and the raw text scanned for the raw ones.
@Suite struct OnePassLiteralScanTests {
    /// The ids found in one pass over `raw` whose tail from `tail` is the plain text.
    private func onePass(_ scanner: LiteralScanner, _ isRaw: [Bool], raw: [UInt8], tail: Int) -> Set<Int> {
        var found: Set<Int> = []
        raw.withUnsafeBytes { bytes in
            scanner.scan(bytes) { id, start in
                if isRaw[id] || start >= tail { found.insert(id) }
            }
        }
        return found
    }

    /// The ids found by two passes: plain literals in the plain text, raw ones in the raw text.
    private func twoPasses(_ literals: [[UInt8]], _ isRaw: [Bool], raw: [UInt8], tail: Int) -> Set<Int> {
        twoPasses(Self.separateScanners(literals, isRaw), raw: raw, tail: tail)
    }

    /// The automata of the plain literals and of the raw ones.
    private static func separateScanners(_ literals: [[UInt8]], _ isRaw: [Bool]) -> (plain: LiteralScanner, raw: LiteralScanner) {
        (
            LiteralScanner(literals: literals.indices.map { isRaw[$0] ? [] : literals[$0] }),
            LiteralScanner(literals: literals.indices.map { isRaw[$0] ? literals[$0] : [] })
        )
    }

    private func twoPasses(_ scanners: (plain: LiteralScanner, raw: LiteralScanner), raw: [UInt8], tail: Int) -> Set<Int> {
        let (plainScanner, rawScanner) = scanners
        var found: Set<Int> = []
        Array(raw[tail...]).withUnsafeBytes { bytes in plainScanner.scan(bytes) { id in found.insert(id) } }
        raw.withUnsafeBytes { bytes in rawScanner.scan(bytes) { id in found.insert(id) } }
        return found
    }

    @Test func onePassFindsWhatTwoPassesFind() {
        var generator = SplitMix(state: 0x5EED)
        // A small alphabet, so literals overlap, repeat and straddle the tail's start often.
        let alphabet = Array("ab[]( -*•".utf8)
        for round in 0..<300 {
            let literals = (0..<Int.random(in: 1...12, using: &generator)).map { _ in
                Bool.random(using: &generator) && round % 5 == 0 ? [] : generator.bytes(from: alphabet, count: 1...5)
            }
            // The same bytes may be both a plain and a raw literal (two ids).
            let isRaw = literals.map { _ in Int.random(in: 0..<3, using: &generator) == 0 }
            let scanner = LiteralScanner(literals: literals)
            for _ in 0..<10 {
                let raw = generator.bytes(from: alphabet, count: 0...40)
                for tail in Set([0, raw.count / 3, raw.count]) where tail <= raw.count {
                    #expect(
                        onePass(scanner, isRaw, raw: raw, tail: tail) == twoPasses(literals, isRaw, raw: raw, tail: tail),
                        "round \(round): \(literals) raw \(raw) tail \(tail)")
                }
            }
        }
    }

    @Test func builtinRulesFindTheSameLiteralsInOnePass() throws {
        let compiled = try RuleSet.builtin().compiled
        let literals = compiled.literals
        let isRaw = compiled.literalIsRaw
        #expect(literals.count == isRaw.count && !literals.isEmpty)
        let lines = [
            "• Share this article on Facebook", "* [Reply](https://example.com/reply) 3 comments",
            "Photo: AFP / Getty Images", "Posted by Ann at 3:04 pm | 12 comments", "- [Home](/) > [News](/news)",
            "Copyright © 2024 All rights reserved.", "de la ville", "Sign up for our newsletter",
        ]
        let separate = Self.separateScanners(literals, isRaw)
        var generator = SplitMix(state: 42)
        var samples = lines
        for _ in 0..<200 {
            let words = (0..<Int.random(in: 1...8, using: &generator)).map { _ in lines.randomElement(using: &generator) ?? "" }
            samples.append(words.joined(separator: " "))
        }
        for line in samples {
            let forms = MatchSubjectFormsTests.forms(of: line, foldRaw: true)
            guard let tail = forms.plainOffsetInRaw else { continue }
            #expect(Array(forms.rawFolded[tail...]) == forms.plainFolded)
            #expect(
                onePass(compiled.scanner, isRaw, raw: forms.rawFolded, tail: tail)
                    == twoPasses(separate, raw: forms.rawFolded, tail: tail), "\(line)")
        }
    }
}
