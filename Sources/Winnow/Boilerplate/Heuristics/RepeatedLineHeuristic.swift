/// Drops a short line that occurs three or more times in the same page: template text such as
/// "Reply", "Share", "Read more", a site name in every card, "Loading…".
///
/// Source: the field notes' "repetition across pages of the same site", applied within one
/// page (a corpus-level version needs more than one document); Gopher's duplicate-line filter
/// (`dup_line_frac` 0.3) works on the same signal for whole documents.
enum RepeatedLineHeuristic {
    static let id = "heuristic.repeated-line"
    static let description = HeuristicDescription(
        id: id,
        name: "Repeated template line",
        description: "A line of fewer than 10 words whose letters and digits occur three or more times in the page.",
        source: "Gopher dup_line_frac 0.3 (document level), applied per line",
        examples: [
            HeuristicExample("""
                The ferry timetable changes on Monday, when the summer service with its extra evening crossing ends and the boats go back to running every two hours.
                ↓Tap to enlarge
                Passengers with season tickets do not need to do anything, the operator said, because the tickets remain valid on every crossing in the new timetable.
                ↓Tap to enlarge
                The operator added that the cafe on board would stay open on the winter crossings for the first time, after passengers asked for it in a survey.
                ↓Tap to enlarge
                """),
        ])
}
