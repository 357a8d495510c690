import Testing
@testable import Winnow

/// A short heading the clean text would end with heads nothing: a widget's title whose
/// buttons and links are gone.
@Suite struct TrailingHeadingTests {
    static let paragraph = "The group meets again on the second Wednesday of April in the library, and everyone who wants to present should write to the organisers."

    @Test func aWidgetsTitleGoes() throws {
        // The picture and the link under the title go (placeholder, footer): the title, inside
        // the region, headed nothing the clean text shows.
        let text = "# Meeting in April\n\n\(Self.paragraph)\n\n### More on...\n\n* ![](/images/made/refused75_40_40.jpg)\n\n#### [Refused](/artist/refused/)\n"
        let document = try BoilerplateTestSupport.processed(text)
        let heading = try #require(document.blocks.first { $0.text == "### More on..." })
        #expect(heading.verdict?.reason.ruleID == TrailingHeadingHeuristic.id)
        #expect(document.blocks.filter(\.isKept).map(\.text) == ["# Meeting in April", Self.paragraph])
    }

    @Test func thePagesOnlyTitleStays() throws {
        let document = try BoilerplateTestSupport.processed("### Meeting in April\n\n* ![](/images/a.jpg)\n")
        #expect(document.blocks.allSatisfy { $0.verdict?.reason.ruleID != TrailingHeadingHeuristic.id })
    }

    @Test func aHeadingOverTextStays() throws {
        let text = "# Meeting in April\n\n\(Self.paragraph)\n\n## Agenda\n\nTwo short talks, then small groups and a discussion of the next meeting.\n"
        let kept = try BoilerplateTestSupport.keptTexts(text)
        #expect(kept.contains("## Agenda"))
    }

    @Test func aSentenceSetAsAHeadingStays() throws {
        let kept = try BoilerplateTestSupport.keptTexts("\(Self.paragraph)\n\n### All images are ours.\n")
        #expect(kept.contains("### All images are ours."))
    }

    @Test func fullStopsAndEllipses() {
        #expect(TrailingHeadingHeuristic.endsWithFullStop("All images are ours."))
        #expect(TrailingHeadingHeuristic.endsWithFullStop("All images are ours.**"))
        #expect(!TrailingHeadingHeuristic.endsWithFullStop("More On..."))
        #expect(!TrailingHeadingHeuristic.endsWithFullStop("Posted on this day, other years:"))
        #expect(!TrailingHeadingHeuristic.endsWithFullStop("Stay connected!"))
    }
}
