import Testing
@testable import Winnow

/// A blog post's date header ("Friday, November 02, 2012" above its title) tops the post: a
/// welcome blurb above it is not the post's; a news dateline under its title cuts nothing.
@Suite struct PostDateHeaderTests {
    static let welcome = [
        "Welcome to the harbour blog, where we write about the boats, the fish market and the people who have worked on the quay for many years.",
        "If you like what you read here, please tell your friends about us and come back next week for more stories from the old harbour.",
    ]
    static let prose = [
        "The council approved the new cycle lane on Thursday night after a long debate, and work on the first section along the harbour road will start in the spring.",
        "Opponents said the lane would take away parking that the shops on the road depend on, but the council said a new car park would open nearby before then.",
    ]

    @Test func recognisesWeekdayDates() {
        #expect(PostDateHeader.isDateHeader("Friday, November 02, 2012", words: 4, endsLikeSentence: false))
        #expect(PostDateHeader.isDateHeader("vendredi 2 novembre 2012", words: 4, endsLikeSentence: false))
        #expect(!PostDateHeader.isDateHeader("November 02, 2012", words: 3, endsLikeSentence: false))
        #expect(!PostDateHeader.isDateHeader("Friday night at the harbour", words: 5, endsLikeSentence: false))
    }

    @Test func theBlurbAboveTheHeaderIsDropped() throws {
        let page = (Self.welcome + ["●", "Friday, November 02, 2012", "Harbour cycle lane approved"] + Self.prose).joined(separator: "\n")
        let kept = try BoilerplateTestSupport.keptTexts(page)
        #expect(!kept.contains(Self.welcome[0]))
        #expect(!kept.contains(Self.welcome[1]))
        #expect(kept.contains("Friday, November 02, 2012"))
        #expect(kept.contains(Self.prose[0]))
    }

    @Test func aDatelineUnderItsTitleCutsNothing() {
        // Lines: 0 title, 1 date header, 2 and 3 prose.
        let found = PostDateHeader.header(
            in: 0...3, isCandidate: { _ in true }, isProse: { $0 >= 2 }, isHeader: { $0 == 1 },
            isSkipped: { _ in false }, isTitle: { $0 == 0 })
        #expect(found == nil)
        let cut = PostDateHeader.header(
            in: 0...3, isCandidate: { _ in true }, isProse: { $0 >= 2 }, isHeader: { $0 == 1 },
            isSkipped: { _ in false }, isTitle: { _ in false })
        #expect(cut == 1)
    }
}
