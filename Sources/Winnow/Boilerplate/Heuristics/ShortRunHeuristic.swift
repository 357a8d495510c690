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
        description: "In precision mode, three or more consecutive short lines inside the article that do not end like sentences.",
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

    static func isCandidate(_ features: LineFeatures, _ cls: BlockClass) -> Bool {
        if case .short = cls { return !features.endsLikeSentence }
        return false
    }
}
