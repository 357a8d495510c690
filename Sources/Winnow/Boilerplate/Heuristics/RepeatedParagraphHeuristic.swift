/// Shows a long paragraph once when the page prints it more than once: a teaser or standfirst
/// that repeats the story's first paragraph above it, a story printed twice (a print version
/// under the web one), a photo's caption under each picture of a gallery.
///
/// The clean text showed the same paragraph of fifteen words or more twice or three times
/// (23 w3m dev pages, 60 lines; the gold has such a line once in 40 of them, never in 9, twice
/// in 11). Cleaning that clean text again then read the second copy differently (after a
/// dateline, as a comment under the first: rnz.de), so the output was not stable either. Only
/// kept lines are compared, as the clean text shows them, and the last copy stays: the
/// article's body comes after its teaser. Short lines repeat for other reasons (a refrain, a
/// list's entries), which `heuristic.repeated-line` and the region judge.
enum RepeatedParagraphHeuristic {
    static let id = "heuristic.repeated-paragraph"
    /// A paragraph this long is not said twice on purpose.
    static let minimumWords = 15

    static let description = HeuristicDescription(
        id: id,
        name: "Repeated paragraph",
        description: "A kept line of 15 words or more that the page shows again further down (a teaser repeating the story's first paragraph, a story printed twice): every copy but the last is dropped, with the kept lines around it that the later copy shows around it too (its heading, byline, list).",
        source: "dev set (23 w3m pages show a long paragraph twice; the gold has it once in most)",
        examples: [
            HeuristicExample("""
                ↓The city council approved a plan on Tuesday evening to build new cycle lanes after a debate at the town hall that lasted four hours.

                Work will start in the autumn in the northern districts, the transport director said, and the first lanes should open next spring.

                The city council approved a plan on Tuesday evening to build new cycle lanes after a debate at the town hall that lasted four hours.

                The transport director said the plan would cost about twelve million euros, most of it covered by European funds.
                """),
        ])

    /// Every copy but the last of each kept, undecided line of `minimumWords` words or more that
    /// occurs more than once, and (`passage`) the kept lines around such a copy that the page
    /// shows around the next copy too: a post printed twice repeats its headings, its list of
    /// ingredients and its byline with the paragraphs, and with only the paragraphs gone the
    /// earlier copy's short lines stayed as a stub above the article (dn_R386, whose clean text
    /// cleaned again then lost them to the header zone).
    static func earlierCopies(in blocks: [Block], features: [LineFeatures]) -> [(index: Int, passage: Bool)] {
        // The kept lines as the clean text shows them, in order.
        var kept: [Int] = []
        var lastCopy: [LineKey: Int] = [:]
        // (a copy, the copy before it), as positions in `kept`.
        var pairs: [(later: Int, earlier: Int)] = []
        // List items and headings count too, although a table of contents over the sections it
        // names repeats on purpose (dn_99): the clean text writes them as plain lines, and
        // sparing them in the page and not in its clean text made the clean text cleaned again
        // differ on 8 dev pages instead of 4.
        blocks.withUnsafeBufferPointer { buffer in
            for index in buffer.indices where !buffer[index].isDecided {
                kept.append(index)
                guard features[index].words >= minimumWords else { continue }
                let key = LineKey(fingerprint: features[index].fingerprint, words: features[index].words)
                if let previous = lastCopy[key] { pairs.append((kept.count - 1, previous)) }
                lastCopy[key] = kept.count - 1
            }
        }
        guard !pairs.isEmpty else { return [] }
        func same(_ a: Int, _ b: Int) -> Bool {
            features[kept[a]].fingerprint == features[kept[b]].fingerprint && features[kept[a]].words == features[kept[b]].words
        }
        var dropped: [Int: Bool] = [:]
        // How far (exclusive, in `kept`) the walks of each distance between two copies reached:
        // a pair inside a passage already walked at the same distance would walk it again (a
        // page printed twice has a pair for each of its paragraphs, and walking each was
        // quadratic in the page's length).
        var walkedTo: [Int: Int] = [:]
        for pair in pairs {
            let (later, earlier) = pair
            dropped[kept[earlier]] = false
            if let reached = walkedTo[later - earlier], earlier < reached { continue }
            // Outwards from the pair, while both copies read the same, the earlier copy never
            // reaching into the later one.
            var back = 1
            while earlier - back >= 0, later - back > earlier, same(earlier - back, later - back) { back += 1 }
            var ahead = 1
            while earlier + ahead < later - back + 1, later + ahead < kept.count, same(earlier + ahead, later + ahead) {
                ahead += 1
            }
            for position in (earlier - back + 1)..<(earlier + ahead) where position != earlier {
                if dropped[kept[position]] == nil { dropped[kept[position]] = true }
            }
            walkedTo[later - earlier] = earlier + ahead
        }
        return dropped.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    private struct LineKey: Hashable {
        let fingerprint: Int
        let words: Int
    }
}
