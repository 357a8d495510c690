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
}
