/// A line that belongs to a list although the rendering printed no bullet for it: it shares
/// its paragraph (no blank line between) with a line shaped like a menu entry (fewer than
/// `mediumWords` words, no sentence ending).
///
/// Plain-text renderings drop the `•` / `*` that mark a toolbar or a stats box, so a counter
/// such as "4 Comments" between "1 Vote" and "Print", or "102 COMMENTS POSTED" under
/// "2486 ARTICLES CONTRIBUTED", reads like a comment heading on a line of its own. Such an
/// entry is a tab or a counter, not the start of the thread (a bulleted one never is either).
/// The signal needs blank lines between paragraphs: in a text without any, every line shares a
/// paragraph with its neighbours, and adjacency says nothing.
///
/// Source: the markdown rendering of the same pages, where these lines are list items;
/// jusText's use of paragraph boundaries as the unit of layout.
enum UnmarkedListEntry {
    /// Whether the blocks use blank lines to separate paragraphs at all.
    static func usesBlankLines(_ blocks: [Block]) -> Bool {
        guard let first = blocks.first, let last = blocks.last else { return false }
        return last.paragraph != first.paragraph
    }

    /// Whether the line at `index` shares its paragraph with a menu-entry-shaped neighbour.
    /// `paragraph` gives a block's paragraph index; call only when `usesBlankLines` holds.
    static func isEntry(
        at index: Int, features: [LineFeatures], paragraph: (Int) -> Int, _ t: HeuristicThresholds
    ) -> Bool {
        let own = paragraph(index)
        for neighbour in [index - 1, index + 1] where features.indices.contains(neighbour) && paragraph(neighbour) == own {
            let line = features[neighbour]
            if line.words < t.mediumWords, !line.endsLikeSentence { return true }
        }
        return false
    }
}
