/// Finds the first part of an article that a widget inside it cut off from the article region.
///
/// The region search keeps one run of lines, the best-scoring one. When a teaser strip, a
/// gallery or a "See also" box cuts an article in two, only the better half is kept, and the
/// other half is dropped as header or footer. One example is a travel guide, where "So macht
/// Radfahren sonst noch Spaß" and six cards sit between its two halves.
///
/// Above the region (below the breadcrumb trail, after any comment separator), a run of prose
/// is the article's too when:
/// - it scores at least `share` of the region and at least `minimumScore` (about three lines
///   of prose);
/// - it has two prose lines, one of them long.
/// A teaser's excerpt does not count as prose here, as in the region search.
///
/// Only the part above the region is taken. Below an article, a run of prose that the region
/// search passed over is a comment thread without a heading it knows, teasers with excerpts,
/// or sponsored blurbs far more often than the article's second half. On the dev set, taking
/// those too cost 0.004 F1, and it still cost 0.001 when such a run had to score twice the
/// region.
///
/// Source: BTE (Finn et al. 2001) extended to a second maximum-scoring run; trafilatura keeps
/// every text block of the main content, not only the largest.
enum SplitArticleHeuristic {
    static let id = "heuristic.split-article"
    static let description = HeuristicDescription(
        id: id,
        name: "Article split by a widget",
        description: "Keeps the first part of an article that a teaser strip, a gallery or a \"See also\" box cut off above the article region: a run of prose lines (two or more, one long) scoring at least half the region's score. It drops nothing itself.",
        source: "BTE maximum-scoring region (Finn et al. 2001), a second run; trafilatura (every block of the main content)",
        examples: [])

    static let minimumScore = 40.0
    static let share = 0.5
    static let minimumProseLines = 2

    /// The runs, in page order, from `start` up to `region`.
    ///
    /// - Parameters:
    ///   - found: the best run the region search found, before the region was widened to its
    ///     title (the same in every mode); the parts must score `share` of it.
    ///   - breaks: lines no run spans (comment separators, teasers' read-more lines).
    ///   - excerpts: teasers' excerpts, which score nothing.
    ///   - listLines: quantity lists' lines, which do not end a run of prose.
    static func parts(
        above region: ClosedRange<Int>, found: ClosedRange<Int>, from start: Int, classes: [BlockClass], words: [Int],
        breaks: [Bool], excerpts: [Bool], listLines: [Bool], _ t: HeuristicThresholds
    ) -> [ClosedRange<Int>] {
        let regionScore = found.reduce(0.0) { $0 + classes[$1].regionScore(words: words[$1], t) }
        let least = max(minimumScore, share * regionScore)
        func isProse(_ index: Int) -> Bool { !excerpts[index] && (classes[index] == .good || classes[index] == .nearGood) }
        var parts: [ClosedRange<Int>] = []
        var pending = [start..<max(start, region.lowerBound)]
        while let part = pending.popLast() {
            guard !part.isEmpty,
                let best = bestRun(
                    in: part, classes: classes, words: words, breaks: breaks, excerpts: excerpts, listLines: listLines, t),
                best.score >= least,
                best.range.count(where: isProse) >= minimumProseLines,
                best.range.contains(where: { !excerpts[$0] && classes[$0] == .good })
            else { continue }
            parts.append(best.range)
            pending.append(part.lowerBound..<best.range.lowerBound)
            pending.append(best.range.upperBound + 1..<part.upperBound)
        }
        return parts.sorted { $0.lowerBound < $1.lowerBound }
    }

    /// The maximum-sum run of lines in `part`, crossing no break and no `breakLines` lines
    /// without prose (as `ArticleRegionHeuristic.region`).
    private static func bestRun(
        in part: Range<Int>, classes: [BlockClass], words: [Int], breaks: [Bool], excerpts: [Bool], listLines: [Bool],
        _ t: HeuristicThresholds
    ) -> (score: Double, range: ClosedRange<Int>)? {
        var best: (score: Double, range: ClosedRange<Int>)?
        var current = 0.0
        var start = -1
        var nonProseRun = 0
        for index in part {
            if breaks[index] {
                current = 0
                start = -1
                nonProseRun = 0
                continue
            }
            let excerpt = excerpts[index]
            switch classes[index] {
            case .good where !excerpt, .nearGood where !excerpt: nonProseRun = 0
            case .good, .nearGood, .neutral: break
            case .short where listLines[index]: break
            default: nonProseRun += 1
            }
            if t.breakLines > 0, nonProseRun == t.breakLines {
                current = 0
                start = -1
            }
            let score = excerpt ? 0 : classes[index].regionScore(words: words[index], t)
            if start < 0 || current <= 0 {
                current = score
                start = index
            } else {
                current += score
            }
            if current > (best?.score ?? 0) { best = (current, start...index) }
        }
        return best
    }
}
