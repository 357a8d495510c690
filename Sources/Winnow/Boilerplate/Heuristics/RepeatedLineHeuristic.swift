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
        description: "A line of fewer than 10 words whose letters and digits occur three or more times in the page; inside the article, a line that only the article repeats, among other short lines (a shell transcript's output, a refrain), stays.",
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

extension RepeatedLineHeuristic {
    /// The repeated lines that are the article's own: every copy lies inside the article
    /// region, and each copy sits among short lines (a shell transcript's "$ hg push" and
    /// "added 1 changesets …", a song's refrain among its verses), not alone between
    /// paragraphs as a template's "Tap to enlarge" does.
    static func confined(to region: ClosedRange<Int>, features: [LineFeatures], classes: [BlockClass]) -> [Bool] {
        var confined = [Bool](repeating: false, count: classes.count)
        var copies: [Int] = []
        for index in classes.indices {
            guard case .bad(let ruleID, _) = classes[index], ruleID == id else { continue }
            copies.append(index)
        }
        guard !copies.isEmpty else { return confined }
        // The copies of one line side by side, in page order: sorted by fingerprint, then
        // position (a dictionary of index arrays made an array per repeated line, per page).
        copies.sort { (features[$0].fingerprint, $0) < (features[$1].fingerprint, $1) }
        /// The nearest line with words in direction `step` is short and not another copy.
        func hasShortNeighbour(_ line: Int, step: Int) -> Bool {
            var index = line + step
            while classes.indices.contains(index), features[index].words == 0 { index += step }
            guard classes.indices.contains(index), features[index].fingerprint != features[line].fingerprint else { return false }
            if case .good = classes[index] { return false }
            return true
        }
        var start = 0
        while start < copies.count {
            var end = start + 1
            while end < copies.count, features[copies[end]].fingerprint == features[copies[start]].fingerprint { end += 1 }
            defer { start = end }
            let indices = copies[start..<end]
            guard let first = indices.first, let last = indices.last, region.contains(first), region.contains(last),
                indices.allSatisfy({ hasShortNeighbour($0, step: -1) || hasShortNeighbour($0, step: 1) })
            else { continue }
            for index in indices { confined[index] = true }
        }
        return confined
    }
}

extension RepeatedLineHeuristic {
    /// The repeated lines whose copies all lie close together: a slideshow's captions, which
    /// the page repeats for its carousel (clones for endless scrolling), inside the article.
    /// A menu or a share bar repeats far apart (header and footer).
    static func slides(features: [LineFeatures], classes: [BlockClass]) -> [Bool]? {
        var copies: [Int] = []
        for index in classes.indices {
            guard case .bad(let ruleID, _) = classes[index], ruleID == id else { continue }
            copies.append(index)
        }
        guard !copies.isEmpty else { return nil }
        copies.sort { (features[$0].fingerprint, $0) < (features[$1].fingerprint, $1) }
        // The close groups of copies, one per repeated line, as ranges of `copies`.
        var groups: [Range<Int>] = []
        var start = 0
        while start < copies.count {
            var end = start + 1
            while end < copies.count, features[copies[end]].fingerprint == features[copies[start]].fingerprint { end += 1 }
            if copies[end - 1] - copies[start] <= slideSpan { groups.append(start..<end) }
            start = end
        }
        // A slideshow shows two or more pictures in turn: one repeated caption alone (seven
        // pictures with one alt text under an article) is not one.
        var slides = [Bool](repeating: false, count: classes.count)
        var found = false
        for group in groups {
            let span = copies[group.lowerBound]...copies[group.upperBound - 1]
            let interleaved = groups.contains { other in
                other != group && span.overlaps(copies[other.lowerBound]...copies[other.upperBound - 1])
            }
            guard interleaved else { continue }
            for index in copies[group] { slides[index] = true }
            found = true
        }
        return found ? slides : nil
    }

    static let slideSpan = 24
}
