/// Drops a run of three or more list items that each start with a link: the related-story,
/// "more from this blog" and recent-post lists of markdown renderings (`* [Headline](url)
/// teaser…`), whose entries are too long or too wordy for the link-density and menu signals.
///
/// Source: the field notes (related headlines read like content, the main precision leak of
/// line filters); jusText's link density, applied to the entry's opening instead of its whole.
enum LinkListHeuristic {
    static let id = "heuristic.link-list"
    static let description = HeuristicDescription(
        id: id,
        name: "Link-led list",
        description: "Three or more list items in a row that each open with a link (`* [Headline](url) …`): a list of other pages.",
        source: "Field notes (related headlines read like content); jusText link density",
        examples: [
            HeuristicExample("""
                The harbour authority closed the old swing bridge on Monday after divers found that two of its supports had cracked during the winter storms.
                Engineers expect the repairs to take at least six weeks, and ferries will run every twenty minutes between the two quays until the bridge opens again.
                * Ferries run every twenty minutes from both quays.
                * [The ferry timetable](/ferries) is on the council's site.
                The council will pay for the repairs from its reserves, and the work on the new bridge further up the river will go on as planned over the summer.
                ↓* [Council votes to keep the night buses running](/news/night-buses) after a long campaign by the drivers and the students of the town
                ↓* [Ten walks along the coast path](/travel/coast-walks) that take less than an afternoon and end at a pub or a café by the sea
                ↓* [The harbour market returns for the summer](/news/market) with more stalls than last year and a new fish hall on the quay
                """),
        ])

    /// The fewest link-led items in a row that make a list of other pages.
    static let minimumRun = 3

    /// Whether `text` is a markdown list item whose entry opens with a link (or a linked image).
    static func opensWithLink(_ text: String, kind: BlockKind) -> Bool {
        opensWithLink(utf8: text.utf8, kind: kind)
    }

    /// `opensWithLink(_:kind:)` on the line's UTF-8 (a block's bytes: no string is made).
    static func opensWithLink<Bytes: Collection<UInt8>>(utf8: Bytes, kind: BlockKind) -> Bool {
        guard kind == .listItem else { return false }
        var bytes = utf8.drop { $0 == 0x20 }
        guard let marker = bytes.first, marker == UInt8(ascii: "*") || marker == UInt8(ascii: "-") || marker == UInt8(ascii: "+")
        else { return false }
        bytes = bytes.dropFirst().drop { $0 == 0x20 }
        guard bytes.first == UInt8(ascii: "[") else { return false }
        // The link must close on the line: `](` after the opening bracket.
        var previous: UInt8 = 0
        for byte in bytes {
            if previous == UInt8(ascii: "]"), byte == UInt8(ascii: "(") { return true }
            previous = byte
        }
        return false
    }

    /// For each block, whether it belongs to a run of at least `minimumRun` link-led items.
    static func members(of blocks: [Block]) -> [Bool] {
        var members = [Bool](repeating: false, count: blocks.count)
        var runStart = 0
        for index in 0...blocks.count {
            let inRun =
                index < blocks.count && blocks[index].kind == .listItem
                && blocks.withUTF8Text(at: index) { opensWithLink(utf8: $0, kind: .listItem) }
            if !inRun {
                if index - runStart >= minimumRun {
                    for member in runStart..<index { members[member] = true }
                }
                runStart = index + 1
            }
        }
        return members
    }
}
