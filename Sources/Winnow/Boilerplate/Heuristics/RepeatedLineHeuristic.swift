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
    ///
    /// The neighbours are read as the clean text shows them: a line a rule dropped (`isDropped`)
    /// is passed over. A card's author name under each of three "Most popular" boxes that rules
    /// dropped between an article's paragraphs sat among the boxes' lines in the page and
    /// between paragraphs in its clean text, which cleaned again dropped it.
    static func confined(
        to region: ClosedRange<Int>, features: [LineFeatures], classes: [BlockClass], isDropped: (Int) -> Bool = { _ in false }
    ) -> [Bool] {
        var confined = [Bool](repeating: false, count: classes.count)
        /// The nearest line with words in direction `step` is short and not another copy.
        func hasShortNeighbour(_ line: Int, step: Int) -> Bool {
            var index = line + step
            while classes.indices.contains(index), features[index].words == 0 || isDropped(index) { index += step }
            guard classes.indices.contains(index), features[index].fingerprint != features[line].fingerprint else { return false }
            if case .good = classes[index] { return false }
            return true
        }
        for indices in copyGroups(features: features, classes: classes) {
            guard let first = indices.first, let last = indices.last, region.contains(first), region.contains(last),
                indices.allSatisfy({ hasShortNeighbour($0, step: -1) || hasShortNeighbour($0, step: 1) })
            else { continue }
            for index in indices { confined[index] = true }
        }
        return confined
    }

    /// The page's repeated lines, each as its copies' indices in page order.
    static func copyGroups(features: [LineFeatures], classes: [BlockClass]) -> [[Int]] {
        let copies = classes.indices.filter { index in
            if case .bad(let ruleID, _) = classes[index], ruleID == id { return true }
            return false
        }
        return groups(of: copies, features: features)
    }

    /// `copies` grouped by fingerprint, each group in page order; with `maximumGap`, a group is
    /// cut where two copies lie further apart than that.
    static func groups(of copies: [Int], features: [LineFeatures], maximumGap: Int? = nil) -> [[Int]] {
        guard !copies.isEmpty else { return [] }
        // The copies of one line side by side, in page order: sorted by fingerprint, then
        // position (a dictionary of index arrays made an array per repeated line, per page).
        let sorted = copies.sorted { (features[$0].fingerprint, $0) < (features[$1].fingerprint, $1) }
        var groups: [[Int]] = []
        var start = 0
        while start < sorted.count {
            var end = start + 1
            while end < sorted.count, features[sorted[end]].fingerprint == features[sorted[start]].fingerprint,
                maximumGap.map({ sorted[end] - sorted[end - 1] <= $0 }) ?? true
            {
                end += 1
            }
            groups.append(Array(sorted[start..<end]))
            start = end
        }
        return groups
    }
}

extension RepeatedLineHeuristic {
    /// The repeated lines whose copies all lie close together: a slideshow's captions, which
    /// the page repeats for its carousel (clones for endless scrolling), inside the article,
    /// and a text browser's bracketed alt texts doing the same (`bracketedAltTextGroups`).
    /// A menu or a share bar repeats far apart (header and footer).
    static func slides(features: [LineFeatures], classes: [BlockClass]) -> [Bool]? {
        // The close groups: every copy within `slideSpan` lines of the first.
        let groups = (copyGroups(features: features, classes: classes) + bracketedAltTextGroups(features: features)).filter { copies in
            guard let first = copies.first, let last = copies.last else { return false }
            return last - first <= slideSpan
        }
        func span(_ copies: [Int]) -> ClosedRange<Int> { (copies.first ?? 0)...(copies.last ?? 0) }
        // A slideshow shows two or more pictures in turn: one repeated caption alone (seven
        // pictures with one alt text under an article) is not one.
        var slides = [Bool](repeating: false, count: classes.count)
        var found = false
        for (number, copies) in groups.enumerated() {
            let interleaved = groups.indices.contains { other in other != number && span(copies).overlaps(span(groups[other])) }
            guard interleaved else { continue }
            found = true
            for index in copies { slides[index] = true }
        }
        return found ? slides : nil
    }

    static let slideSpan = 24

    /// A text browser's slideshow: the same bracketed alt texts (`[Maxikleid mit Blumen]`,
    /// `[Strandtasche aus Korb …]`) taking turns, each copy within `altTextGap` lines of the
    /// last. A rule drops them as picture text, so they are no repeated line's copies; a
    /// gallery further down the page that shows the same pictures is another group.
    static func bracketedAltTextGroups(features: [LineFeatures]) -> [[Int]] {
        let placeholders = features.indices.filter { features[$0].isPlaceholder && features[$0].fingerprint != 0 }
        return groups(of: placeholders, features: features, maximumGap: altTextGap).filter { $0.count > 1 }
    }

    static let altTextGap = 8
}
