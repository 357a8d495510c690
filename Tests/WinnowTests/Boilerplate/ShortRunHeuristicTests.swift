import Testing
@testable import Winnow

/// Precision mode's runs of short lines: counted as the clean text shows them, and never the
/// whole article.
@Suite struct ShortRunHeuristicTests {
    static let prose = [
        "The harvest festival returns to the market square this weekend, with stalls from more than forty farms and a cider tent that stays open until late on Saturday.",
        "Entry is free, and the organisers ask visitors to come by bus or bicycle because the car parks near the square will be closed for the whole weekend.",
    ]

    @Test func droppedLinesDoNotSplitARun() throws {
        let lines = [Self.prose[0], "Apples", "[photo]", "Pears", "[photo]", "Cider and perry", Self.prose[1]]
        let kept = try BoilerplateTestSupport.keptTexts(lines.joined(separator: "\n"), mode: .precision)
        #expect(kept == Self.prose)
        // The clean text (placeholders gone) gives the same verdicts.
        let clean = try BoilerplateTestSupport.clean(lines.joined(separator: "\n"), mode: .precision)
        #expect(try BoilerplateTestSupport.clean(clean, mode: .precision) == clean)
    }

    @Test func runsSkipDroppedLinesAndNeverEmptyTheRegion() {
        // 0 prose, 1-3 short with a dropped line (2) between, 4 prose, 5-7 short.
        let candidates: Set = [1, 3, 5, 6, 7]
        func runs(dropped: Set<Int>, undecided: Set<Int>) -> [[Int]] {
            ShortRunHeuristic.runs(
                in: 0...7, minimumLength: 3, isDropped: { dropped.contains($0) }, isUndecided: { undecided.contains($0) },
                isCandidate: { candidates.contains($0) })
        }
        #expect(runs(dropped: [2], undecided: [0, 1, 3, 4, 5, 6, 7]) == [[5, 6, 7]])
        // With line 2 dropped and 4 (the prose) also a candidate, one run spans 1...7 except 2.
        #expect(
            ShortRunHeuristic.runs(
                in: 0...7, minimumLength: 3, isDropped: { $0 == 2 }, isUndecided: { $0 != 2 },
                isCandidate: { $0 != 0 }) == [[1, 3, 4, 5, 6, 7]])
        // A run under a line that introduces it is that line's list.
        #expect(
            ShortRunHeuristic.runs(
                in: 0...7, minimumLength: 3, isDropped: { _ in false }, isUndecided: { _ in true },
                isCandidate: { $0 >= 5 }, introducesList: { $0 == 4 }).isEmpty)
        // Everything the region keeps is one run: nothing is dropped.
        #expect(
            ShortRunHeuristic.runs(
                in: 0...4, minimumLength: 3, isDropped: { $0 == 2 }, isUndecided: { $0 != 2 }, isCandidate: { _ in true })
                .isEmpty)
    }
}
