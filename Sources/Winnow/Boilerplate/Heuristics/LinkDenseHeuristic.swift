/// Drops a short line whose visible text is mostly link text: navigation, tag clouds, "more"
/// links, related-story lists in markdown renderings.
///
/// Source: jusText `max_link_density` = 0.2 (a paragraph with more link text is bad). Lines
/// are shorter than jusText's paragraphs, so the bar here is 0.5, and lines of at least 30
/// words are left to the other signals (a sentence with several links is still prose) unless
/// they are nothing but links (3+ links, ≥ 90 % link text). A matched line that reads as a
/// long sentence (prose word count, stopwords, sentence end) is neutral for the article region
/// instead of bad (`HeuristicPass`): kept inside the article, dropped with its zone outside.
enum LinkDenseHeuristic {
    static let id = "heuristic.link-dense"
    static let description = HeuristicDescription(
        id: id,
        name: "Link-dense line",
        description: "A line of fewer than 30 words whose visible text is more than half link text, or a longer one made only of links (3+ links, at least 90 % link text). Text written around one or two links (3+ words outside them, no label colon) is neutral for the article region instead, and so is an e-mail or web address that a sentence ending in a colon introduces.",
        source: "jusText max_link_density 0.2 (paragraphs) → 0.5 for lines under 30 words",
        examples: [
            HeuristicExample("""
                The library will open on Sundays from next month, the city said on Friday, after a survey showed that most of its readers wanted to visit at the weekend.
                ↓Tags: [libraries](/tag/libraries), [city council](/tag/council), [weekend](/tag/weekend)
                The change costs about as much as two part-time posts, which the council found by moving money from a road maintenance budget that was not fully spent.
                It is one of the [changes the council voted for](/news/budget) in its spring budget, and the first that readers will notice when they go to borrow books.
                """),
            // A long line of nothing but links is a list of other pages run together.
            HeuristicExample("""
                The library will open on Sundays from next month, the city said on Friday, after a survey showed that most of its readers wanted to visit at the weekend.
                The change costs about as much as two part-time posts, which the council found by moving money from a road maintenance budget that was not fully spent.
                ↓[Episode 12 with the head librarian and a trip to the city archive](/podcast/12) · [Episode 11 with the mayor and the people who run the night buses](/podcast/11) · [Episode 10 with a bookbinder](/podcast/10)
                It is one of the [changes the council voted for](/news/budget) in its spring budget, and the first that readers will notice when they go to borrow books.
                """),
            // Text written around a link is the article's; a label before links is metadata.
            HeuristicExample("""
                The library will open on Sundays from next month, the city said on Friday, after a survey showed that most of its readers wanted to visit at the weekend.
                Visit [the library's page](/library) to see the new hours
                ↓Tags: [libraries](/tag/libraries), [city council](/tag/council)
                The change costs about as much as two part-time posts, which the council found by moving money from a road maintenance budget that was not fully spent.
                """),
        ])

    /// Whether the link-dense line `index` is an address the article gives: its visible text
    /// is one e-mail address or web address, and the line above it is a sentence that
    /// introduces it ("… a dedicated mailbox:" over `[name@example.org](mailto:…)`). A
    /// menu's link is a word; an address under a sentence ending in a colon is the text's.
    static func isIntroducedAddress(
        at index: Int, classes: [BlockClass], features: [LineFeatures], blocks: [Block], _ t: HeuristicThresholds
    ) -> Bool {
        guard index > 0, features[index].words <= 8,
            MenuItemHeuristic.introducesList(features[index - 1], kind: blocks[index - 1].kind, class: classes[index - 1], t)
        else { return false }
        var text = Block.plainText(of: blocks, at: index)
        return text.withUTF8 { isAddress($0) }
    }

    /// One web address (`BareURL`) or one e-mail address (`name@host.tld`), nothing else.
    static func isAddress(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        if BareURL.isBareURL(text) { return true }
        // An autolink's address, with a dotted host whose last label has two letters or more.
        guard Autolink.isEmailAddress(UnsafeRawBufferPointer(text)), let at = text.firstIndex(of: UInt8(ascii: "@")),
            let dot = text.lastIndex(of: UInt8(ascii: "."))
        else { return false }
        return dot > at + 1 && dot + 2 < text.count
    }

    static func reason(_ features: LineFeatures, kind: BlockKind, _ t: HeuristicThresholds) -> String? {
        // A heading that is a link is usually the article's own title on a blog.
        guard kind != .heading, features.links > 0, features.linkDensity > t.maxLinkDensity else { return nil }
        if features.words < t.linkDenseMaxWords { return "line is mostly link text" }
        // A long line that is nothing but several links is a link list run together (a
        // converter joins a menu's or a card strip's entries), not a sentence with links.
        if features.links >= 3, features.linkDensity >= t.linkOnlyDensity { return "long line made only of links" }
        return nil
    }

    /// At most this many links on a line that can be a sentence around a link.
    static let wrappedLinksMax = 2
    /// Words outside the links that make the line a sentence around them.
    static let wrappingWordsMin = 3

    /// A link-dense line that reads as text written around one or two links: "Visit [the
    /// shop](…) to see more", "[Title](…) by Ann Lee", "12. [Post title](…) (Mar. 20, 2007)",
    /// "1 1/2 tsp [pumpkin pie spice](…)". It is neutral for the article region (kept inside
    /// it, dropped with its zone outside) instead of bad. A label before the links ("Tags:",
    /// "Via:", "Filed under:") keeps it bad: that is the page's metadata, not its text.
    /// Only called for link-dense lines (the residue is built on demand).
    static func wrapsLinksInText(_ features: LineFeatures, text: String) -> Bool {
        features.links <= wrappedLinksMax && unlinkedWords(text) >= wrappingWordsMin
    }

    /// `wrapsLinksInText` of line `index` of `blocks`, read from its bytes: no string of the
    /// line is made (the heuristics made one for every link-dense line), and none is read
    /// when the line has too many links.
    static func wrapsLinksInText(_ features: LineFeatures, in blocks: [Block], at index: Int) -> Bool {
        guard features.links <= wrappedLinksMax else { return false }
        return blocks.withUTF8Text(at: index) { unlinkedWords(utf8: $0) } >= wrappingWordsMin
    }

    /// Words (runs of letters and digits) outside the line's links and images, or 0 when that
    /// text holds a colon (a label line). Block markers and punctuation are not words.
    static func unlinkedWords(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { unlinkedWords(utf8: UnsafeRawBufferPointer($0)) }
    }

    /// `unlinkedWords(_:)` of a line given as its UTF-8 bytes.
    static func unlinkedWords(utf8 line: UnsafeRawBufferPointer) -> Int {
        let body = InlineMarkup.strippingBlockMarkers(line)
        // The residue read as it is found (no array of it is made); a colon anywhere in it
        // makes the line a label, whatever the words.
        var words = 0
        var inWord = false
        var colon = false
        _ = InlineMarkup.forEachResidueByte(of: UnsafeRawBufferPointer(rebasing: body)) { byte in
            if byte == UInt8(ascii: ":") { colon = true }
            let isWordByte = byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
            if isWordByte, !inWord { words += 1 }
            inWord = isWordByte
        }
        return colon ? 0 : words
    }
}
