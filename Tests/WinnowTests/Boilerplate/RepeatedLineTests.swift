import Testing
@testable import Winnow

/// A short line printed three times is template text, unless the article itself repeats it
/// among other short lines (a shell transcript's commands and their output).
@Suite struct RepeatedLineTests {
    static let transcript = """
        The key to sharing work in progress is to keep your changesets in draft phase while you pass them between the repositories that you and your colleagues use every day.
        To start things off, make one public changeset in the test repository and push it to the server:
        $ cd test-repo
        $ hg commit -m 'create new project'
        $ hg push
        added 1 changesets with 1 changes to 1 files
        Now pull that into the development repository, where the rest of the work will happen from here on:
        $ cd ../dev-repo
        $ hg pull -u
        added 1 changesets with 1 changes to 1 files
        Make a draft change there and push it back, and the server keeps it in draft phase as well, so that it can still be amended later:
        $ hg commit -m 'fix the build'
        $ hg push
        added 1 changesets with 1 changes to 1 files
        The changeset is still a draft on both sides, which is what makes it safe to amend after it has been shared with another repository.
        """

    @Test func anArticlesOwnRepeatedLinesStay() throws {
        let kept = try BoilerplateTestSupport.keptLines(Self.transcript, mode: .balanced)
        #expect(kept.isSuperset(of: [5, 6, 10, 13, 14]))
    }

    static let template = """
        The ferry timetable changes on Monday, when the summer service with its extra evening crossing ends and the boats go back to running every two hours.
        Tap to enlarge
        Passengers with season tickets do not need to do anything, the operator said, because the tickets remain valid on every crossing in the new timetable.
        Tap to enlarge
        The operator added that the cafe on board would stay open on the winter crossings for the first time, after passengers asked for it in a survey.
        Tap to enlarge
        """

    @Test func aTemplateLineBetweenParagraphsGoes() throws {
        let kept = try BoilerplateTestSupport.keptLines(Self.template, mode: .balanced)
        #expect(kept.isDisjoint(with: [2, 4, 6]))
    }

    /// A card's author name under each widget that rules dropped between the paragraphs: its
    /// neighbours are read as the clean text shows them, paragraphs, so it goes in the page as
    /// it would in its clean text.
    @Test func neighboursARuleDroppedArePassedOver() {
        // paragraph, widget line (rule-dropped), name, paragraph, widget line, name, paragraph, widget line, name
        let words = [30, 3, 2, 30, 3, 2, 30, 3, 2]
        var features = [LineFeatures](repeating: LineFeatures(), count: words.count)
        for (index, count) in words.enumerated() {
            features[index].words = count
            features[index].fingerprint = count == 2 ? 7 : 100 + index
        }
        let widget = BlockClass.bad(ruleID: "widgets.popular-section", reason: "widget")
        let repeated = BlockClass.bad(ruleID: RepeatedLineHeuristic.id, reason: "repeated")
        let classes: [BlockClass] = [.good, widget, repeated, .good, widget, repeated, .good, widget, repeated]
        let dropped = Set([1, 4, 7])
        let asPage = RepeatedLineHeuristic.confined(to: 0...8, features: features, classes: classes)
        #expect(asPage[2] && asPage[5] && asPage[8])
        let asCleanText = RepeatedLineHeuristic.confined(
            to: 0...8, features: features, classes: classes, isDropped: { dropped.contains($0) })
        #expect(!asCleanText.contains(true))
    }
}
