/// Drops a heading that the clean text would end with: a title with nothing under it.
///
/// A widget under the article opens with a heading ("Mit anderen teilen", "Posted on this
/// day, other years:", "More On...", "Stay connected to EL!") over buttons, links or cards
/// that go; the heading, short and inside the article region, stayed as the clean text's last
/// line. An article's own heading heads text. Only a heading the markup marks is judged (a
/// text browser's short last line is as often the article's sign-off), and only a short one
/// that is not a sentence (a full stop ends it; "More On...", "Stay connected!" and a
/// label's colon do not); a page whose only kept line is its title keeps it.
///
/// On the dev set's html2text pages, 23 clean texts ended with a heading, 10 of them in the
/// gold: 4 were a sentence set as a heading (a copyright notice, "You should follow … here."),
/// 3 the title over nothing else.
///
/// It has no example: the heading must stand inside the region with every line after it
/// dropped by the others, which an example (every unmarked line kept) cannot show;
/// `TrailingHeadingTests` do.
enum TrailingHeadingHeuristic {
    static let id = "heuristic.trailing-heading"
    /// A heading longer than this is a sentence set in heading type, not a widget's title.
    static let maximumWords = 8

    static let description = HeuristicDescription(
        id: id,
        name: "Trailing heading",
        description: "A short markdown heading that would be the clean text's last line (a share or related widget's title whose buttons and links are gone) is dropped.",
        source: "field notes (WordPress share and related widgets under a post)",
        examples: [])

    /// The heading the kept lines (no verdict to drop them) end with, when it is one to drop.
    static func trailingHeading(in blocks: [Block], features: [LineFeatures]) -> Int? {
        // Through the array's buffer: each block is read where it is, not copied.
        blocks.withUnsafeBufferPointer { buffer -> Int? in
            func isKept(_ index: Int) -> Bool { buffer[index].verdictAction != .drop && features[index].words > 0 }
            guard let last = buffer.indices.last(where: isKept), buffer[last].kind == .heading,
                features[last].words <= maximumWords, !endsWithFullStop(Block.plainText(of: blocks, at: last)),
                // Text above it, or the heading is the page's title over nothing else.
                buffer.indices[..<last].contains(where: { isKept($0) && features[$0].words >= 4 })
            else { return nil }
            return last
        }
    }

    /// Whether `text` ends with a full stop (not an ellipsis): a sentence.
    static func endsWithFullStop(_ text: String) -> Bool {
        let trimmed = text.utf8.reversed().drop { $0 == 0x20 || $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "_") }
        var bytes = trimmed.makeIterator()
        return bytes.next() == UInt8(ascii: ".") && bytes.next() != UInt8(ascii: ".")
    }
}
