import Testing
@testable import Winnow

/// The trie chooses which anchored rules a line tries: it may let too much through (a prefix
/// with a marker is filed by its bytes before the marker) but never turn away a rule whose
/// `PrefixSet` matches the line; for prefixes without markers it gives exactly those rules.
@Suite struct AnchoredPrefixTrieTests {
    private func ranks(_ trie: AnchoredPrefixTrie, _ text: [UInt8]) -> Set<Int32> {
        var found: [Int32] = []
        text.withUnsafeBytes { AnchoredPrefixTrie.appendRanks(of: $0, in: trie, to: &found) }
        return Set(found)
    }

    private func matching(_ sets: [PrefixSet], _ text: [UInt8]) -> Set<Int32> {
        Set(sets.indices.filter { sets[$0].isPrefix(of: text) }.map { Int32($0) })
    }

    @Test func itFindsEveryRuleWhosePrefixesMatch() {
        var generator = SplitMix(state: 0x7A1E)
        // Letters, spaces, digits, a non-ASCII lead and trail, and the two markers.
        let alphabet: [UInt8] = Array("ab 1".utf8) + [0xC3, 0xA9, RequiredLiterals.spaceRun, RequiredLiterals.digit]
        let textAlphabet: [UInt8] = Array("ab 1\t9".utf8) + [0xC3, 0xA9, 0xD9]
        var matched = 0
        for round in 0..<300 {
            let withMarkers = round % 2 == 0
            let sets = (0..<(1 + generator.below(6))).map { _ in
                PrefixSet(
                    (0..<(1 + generator.below(4))).map { _ in
                        var prefix = generator.bytes(from: withMarkers ? alphabet : Array(alphabet.prefix(6)), count: 1...4)
                        if prefix[0] == RequiredLiterals.spaceRun { prefix[0] = UInt8(ascii: "a") }
                        return prefix
                    })
            }
            let trie = AnchoredPrefixTrie(sets.indices.map { (Int32($0), sets[$0].prefixes) })
            for _ in 0..<60 {
                let text = generator.bytes(from: textAlphabet, count: 0...7)
                let expected = matching(sets, text)
                let found = ranks(trie, text)
                matched += expected.count
                if withMarkers {
                    #expect(expected.isSubset(of: found), "text \(text)")
                } else {
                    #expect(found == expected, "text \(text)")
                }
            }
        }
        #expect(matched > 1_000)
    }

    @Test func aLineTriesOnlyTheRulesItsStartOpens() {
        let sets = [
            PrefixSet([Array("support ".utf8), Array("send us".utf8)]), PrefixSet([Array("s".utf8)]),
            PrefixSet([Array("if you value".utf8)]), PrefixSet([Array("home".utf8) + [RequiredLiterals.spaceRun] + Array("»".utf8)]),
        ]
        let trie = AnchoredPrefixTrie(sets.indices.map { (Int32($0), sets[$0].prefixes) })
        #expect(ranks(trie, Array("support the guardian".utf8)) == [0, 1])
        #expect(ranks(trie, Array("supporters say".utf8)) == [1])
        #expect(ranks(trie, Array("if you value our work".utf8)) == [2])
        #expect(ranks(trie, Array("if you can".utf8)).isEmpty)
        #expect(ranks(trie, Array("home  » news".utf8)) == [3])
        #expect(ranks(trie, Array("homework".utf8)) == [3])
        #expect(ranks(trie, []).isEmpty)
        #expect(ranks(trie, Array("s".utf8)) == [1])
        #expect(ranks(trie, Array("über uns".utf8)).isEmpty)
        #expect(ranks(trie, Array(repeating: UInt8(ascii: "s"), count: 100_000)) == [1])
    }

    @Test func theBuiltinTriesMissNoAnchoredRule() throws {
        let compiled = try RuleSet.builtin().compiled
        let lines = [
            "", "home » news » world", "support the guardian", "if you value our journalism", "send us a tip",
            "share on facebook", "12 comments", "1 of 12", "© 2024 acme", "[read more](https://example.com)",
            "* [home](/)", "- 3 min read", "photo: reuters", "the council met on tuesday to discuss the budget.",
            "über uns", "Дом » новости", "写真：共同", String(repeating: "previous ", count: 2_000),
        ]
        for line in lines {
            let folded = MatchSubject.fold(line)
            for (input, trie) in [(RulePattern.Input.plain, compiled.plainPrefixTrie), (.raw, compiled.rawPrefixTrie)] {
                let found = ranks(trie, folded)
                for (rank, entry) in compiled.lineOrder.enumerated() where entry.match.input == input {
                    guard let prefixes = entry.match.prefixes, prefixes.isPrefix(of: folded) else { continue }
                    #expect(found.contains(Int32(rank)), "\(entry.rule.id) on \(line.prefix(40))")
                }
            }
        }
    }
}
