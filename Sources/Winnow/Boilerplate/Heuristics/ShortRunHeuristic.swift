/// Precision mode only: drops a run of three or more short lines without sentence endings inside
/// the article (a tag list, a gallery's card titles, an embedded menu).
///
/// Source: the field notes ("a block of 5 short lines is a menu even when each line alone is
/// ambiguous"); C4 drops every line without terminal punctuation, this only drops such lines
/// when they come in a run.
enum ShortRunHeuristic {
    static let id = "heuristic.short-run"
    static let description = HeuristicDescription(
        id: id,
        name: "Run of short lines",
        description: "In precision mode, three or more consecutive short lines inside the article that do not end like sentences (a line dropped already does not break the run), unless a sentence ending in a colon introduces them or they are all the article keeps.",
        source: "C4 terminal-punctuation rule, applied to runs; field notes (runs of short lines are menus)",
        examples: [
            HeuristicExample("""
                The harvest festival returns to the market square this weekend, with stalls from more than forty farms and a cider tent that stays open until late on Saturday.
                ↓Apples
                ↓Pears
                ↓Cider and perry
                Entry is free, and the organisers ask visitors to come by bus or bicycle because the car parks near the square will be closed for the whole weekend.
                """, mode: .precision),
        ])

    /// The runs to drop in `region`: `minimumLength` or more undecided candidates in a row.
    ///
    /// A line dropped already neither ends a run nor counts in it: the run is what the clean
    /// text shows, so cleaning that text again finds the same run (video card titles with a
    /// dropped thumbnail between each were runs of one on the page, and one run in the text).
    /// Runs that are all the region keeps are the article (a tiny post's title, date and
    /// byline): precision cuts inside an article, it does not empty it. A run right under a
    /// sentence that introduces it ("The following schools will be closed on Thursday:") is
    /// that sentence's list, bulleted on the page and plain in the clean text.
    static func runs(
        in region: ClosedRange<Int>, minimumLength: Int, isDropped: (Int) -> Bool, isUndecided: (Int) -> Bool,
        isCandidate: (Int) -> Bool, introducesList: (Int) -> Bool = { _ in false }
    ) -> [[Int]] {
        var runs: [[Int]] = []
        var members: [Int] = []
        var undecided = 0
        var introduced = false
        var previous: Int?
        for index in region where !isDropped(index) {
            defer { previous = index }
            let open = isUndecided(index)
            if open { undecided += 1 }
            if open, isCandidate(index) {
                if members.isEmpty { introduced = previous.map(introducesList) ?? false }
                members.append(index)
                continue
            }
            if members.count >= minimumLength, !introduced { runs.append(members) }
            members.removeAll(keepingCapacity: true)
        }
        if members.count >= minimumLength, !introduced { runs.append(members) }
        return runs.reduce(0, { $0 + $1.count }) < undecided ? runs : []
    }

    static func isCandidate(_ features: LineFeatures, _ cls: BlockClass) -> Bool {
        if case .short = cls { return !features.endsLikeSentence }
        return false
    }
}
