import Testing
@testable import Winnow

/// A list of phrases in sentence case (a review's pros and cons) is the article's list, not a
/// menu; a list of labels or of long headlines is not one.
@Suite struct PhraseListTests {
    static func line(words: Int, capitalised: Int, links: Int = 0) -> LineFeatures {
        var features = LineFeatures()
        features.words = words
        features.letteredWords = words
        features.capitalisedShare = Double(capitalised) / Double(max(words, 1))
        features.links = links
        return features
    }

    static func members(_ lines: [LineFeatures], decided: Set<Int> = []) -> [Bool] {
        PhraseList.members(
            features: lines, isListItem: { _ in true }, isDecided: { decided.contains($0) }, paragraph: { _ in 0 })
    }

    @Test func sentenceCasePointsMakeAPhraseList() {
        // "Quiet, even on the strongest setting", "Accurate maps", "Long battery life"
        let lines = [Self.line(words: 6, capitalised: 1), Self.line(words: 2, capitalised: 1), Self.line(words: 3, capitalised: 1)]
        #expect(Self.members(lines) == [true, true, true])
    }

    @Test func titleCaseLabelsAreAMenu() {
        // "World News", "Contact Us", "Privacy Policy"
        let lines = [Self.line(words: 2, capitalised: 2), Self.line(words: 2, capitalised: 2), Self.line(words: 2, capitalised: 2)]
        #expect(!Self.members(lines).contains(true))
    }

    @Test func twoWordEntriesAreTooShortToTell() {
        // "Contact us", "About us", "Log in"
        let lines = [Self.line(words: 2, capitalised: 1), Self.line(words: 2, capitalised: 1), Self.line(words: 2, capitalised: 1)]
        #expect(!Self.members(lines).contains(true))
    }

    @Test func headlinesInSentenceCaseAreNoPhraseList() {
        // "Mum proud to still breastfeed her 4-year-old daughter", "Majority say …", "Read all the comments"
        let lines = [Self.line(words: 8, capitalised: 1), Self.line(words: 11, capitalised: 1), Self.line(words: 4, capitalised: 1)]
        #expect(!Self.members(lines).contains(true))
    }

    @Test func linksOrRuleDecisionsRuleItOut() {
        let points = [Self.line(words: 3, capitalised: 1), Self.line(words: 3, capitalised: 1)]
        #expect(Self.members(points) == [true, true])
        #expect(!Self.members([points[0], Self.line(words: 3, capitalised: 1, links: 1)]).contains(true))
        #expect(!Self.members(points, decided: [1]).contains(true))
    }

    @Test func reviewKeepsItsProsConsAndVerdict() throws {
        let text = """
            • Home
            • Reviews
            • Contact

            Acme X200 review: a quiet, capable robot vacuum

            The X200 is the cheapest robot vacuum we have tested that maps a whole flat on its first run. It is also one of the quietest.

            Pros
            • Quiet, even on the strongest setting
            • Accurate maps
            • Long battery life

            Cons
            • Small dust bin
            • The app asks for too many permissions

            Verdict: a good buy for small homes, if you can live with emptying it often.

            Share this:
            • Facebook
            • Twitter
            """
        let kept = try BoilerplateTestSupport.keptTexts(text)
        for line in ["• Accurate maps", "• Long battery life", "• Small dust bin"] { #expect(kept.contains(line), "\(line)") }
        #expect(kept.contains("Verdict: a good buy for small homes, if you can live with emptying it often."))
        #expect(!kept.contains("• Reviews") && !kept.contains("• Twitter"))
    }
}
