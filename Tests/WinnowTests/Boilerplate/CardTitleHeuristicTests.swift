import Testing
@testable import Winnow

/// The phrase-said-twice test of teaser cards, on words rather than whole pages.
@Suite struct CardTitleHeuristicTests {
    /// Stand-in word hashes: the case-folded words themselves, hashed.
    static func words(_ line: String) -> [UInt64] {
        line.lowercased().split { !$0.isLetter && !$0.isNumber }.map { UInt64(truncatingIfNeeded: $0.hashValue) }
    }

    @Test(arguments: [
        ("Council votes to keep the night buses running Council votes to keep the night buses running", true),
        ("Ten walks along the coast path Travel Ten walks along the coast path 2 of 9", true),
        ("5 days ago Storm closes the harbour bridge Storm closes the harbour bridge", true),
        ("Why the bridge closed? Why the bridge closed?", true),
        ("There's no hope in that. There's no hope in war.", false),
        ("Retweets are more common than tweets, and listeners are more common than singers.", false),
        ("The bridge will close on Monday and the ferry will run every twenty minutes until it opens.", false),
        ("Storm closes bridge Storm closes bridge", false),
    ])
    func cardLinesRepeatAPhraseAndProseDoesNot(line: String, isCard: Bool) {
        let endsLikeSentence = line.hasSuffix(".") || line.hasSuffix("?")
        #expect(CardTitleHeuristic.repeatsPhrase(Self.words(line), endsLikeSentence: endsLikeSentence) == isCard)
    }
}
