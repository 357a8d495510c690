/// A link whose text spans lines: a teaser card that a converter keeping the page's line
/// breaks (markdownify) writes as `[![](img.jpg)` or `["Title`, then the card's kicker, title
/// and blurb on lines of their own, then `Byline](https://…/story.html)`. Each line alone
/// reads as prose or a heading; together they are one link's text, and the card is link text
/// like a one-line teaser.
///
/// Lines are read one at a time everywhere else (and their features remembered by their
/// bytes), so the lines between the link's opening and its end are found here, per page.
enum WrappedLinkCard {
    /// The most lines a card's link spans (its opening line to its end): an image, a kicker,
    /// a title, a blurb and a byline, with a spare. A `[` left open far above a link's end is
    /// no card.
    static let maximumSpan = 8

    /// The lines inside a link opened on an earlier line and closed on a later one, the
    /// opening line among them when the link opens its text (`["Title`), not mid-line.
    ///
    /// The lines that end such a link are few, and the feature pass marks them
    /// (`LineFeatures.endsWrappedLink`); only the lines above them are read for the `[`.
    static func insideLines(of blocks: [Block], features: [LineFeatures]) -> [Int] {
        var inside: [Int] = []
        var lastClose = -1
        for row in features.indices where features[row].endsWrappedLink {
            // The nearest line above that leaves a `[` open, not above the last link's end.
            var opening = row - 1
            var atStart = false
            while opening > lastClose, row - opening <= maximumSpan {
                let found = blocks.withUTF8Text(at: opening) { raw in
                    unclosedBracket(UnsafeRawBufferPointer(rebasing: InlineMarkup.strippingBlockMarkers(raw)))
                }
                if let found {
                    atStart = found == 0
                    break
                }
                opening -= 1
            }
            if opening > lastClose, row - opening <= maximumSpan {
                if atStart { inside.append(opening) }
                inside.append(contentsOf: (opening + 1)..<row)
            }
            lastClose = row
        }
        return inside
    }

    /// Where the first `[` that no `]` closes on the line stands (`[![](a.jpg)` → 0,
    /// `["Title` → 0, `Read [more` → 5), or nil when every bracket closes.
    static func unclosedBracket(_ line: UnsafeRawBufferPointer) -> Int? {
        var opens: [Int] = []
        var index = 0
        while index < line.count {
            switch line[index] {
            case UInt8(ascii: "\\"):
                index += 1
            case UInt8(ascii: "["):
                opens.append(index)
            case UInt8(ascii: "]"):
                _ = opens.popLast()
            default:
                break
            }
            index += 1
        }
        return opens.first
    }
}
