import Testing
@testable import Winnow

/// `PhraseEnds` only filters: every phrase it was built from passes, and the built-in index
/// answers through it as it answers alone.
@Suite struct PhraseEndsTests {
    private func mayHold(_ ends: PhraseEnds, _ text: String) -> Bool {
        Array(text.utf8).withUnsafeBytes { ends.mayHold($0) }
    }

    @Test func everyPhrasePasses() {
        var generator = SplitMix(state: 0xE4D5)
        let alphabet = Array("ab :.".utf8)
        for _ in 0..<200 {
            let phrases = (0..<(1 + generator.below(20))).map { _ in generator.bytes(from: alphabet, count: 1...12) }
            let ends = PhraseEnds(phrases)
            for phrase in phrases {
                #expect(phrase.withUnsafeBytes { ends.mayHold($0) }, "\(phrase)")
            }
        }
    }

    @Test func otherLengthsAndEndsAreMostlyTurnedAway() {
        let ends = PhraseEnds([Array("related".utf8), Array("read more".utf8), Array("share".utf8)])
        #expect(mayHold(ends, "related"))
        #expect(mayHold(ends, "read more"))
        #expect(!mayHold(ends, "relate"))
        #expect(!mayHold(ends, "the council met on tuesday"))
        #expect(!mayHold(ends, String(repeating: "x", count: 100_000)))
        // An empty text is not decided here (the index is asked).
        #expect(mayHold(ends, ""))
    }

    @Test func theBuiltinIndexFindsEveryASCIIPhrase() throws {
        let compiled = try RuleSet.builtin().compiled
        for phrase in Array(compiled.plainPhrases.keys) + Array(compiled.rawPhrases.keys) where phrase.utf8.allSatisfy({ $0 < 0x80 }) {
            #expect(mayHold(compiled.asciiPhraseEnds, phrase), "\(phrase)")
        }
    }
}
