/// Drops a short bullet or link-only line: the entries of navigation, share and footer menus.
///
/// Source: the field notes (`• Home` on 695 of 1,372 pages, `• Facebook` on 452) and Gopher's
/// `max_bullet_lines_ratio` 0.9 (a page of bullets is a menu). A list item with `mediumWords`
/// words or a sentence ending is left to the region (an article's own list survives there).
enum MenuItemHeuristic {
    static let id = "heuristic.menu-item"
    static let description = HeuristicDescription(
        id: id,
        name: "Menu item",
        description: "A bullet or link-only line of fewer than 6 words that does not end like a sentence, or an inline menu: three or more short |-separated entries without digits. Inside the article, the entries of a list that a sentence ending in a colon introduces are kept, and so are two or more entries without links between two of its paragraphs, and the entries of a list counted in order (\"1. Copying\", \"2. Comparing\", \"3. Compiling\": three or more on consecutive lines) and a numbered entry right above a line of prose (a listicle's point: \"2. Be a sponge\"). In markdown that shows its links (5+ lines with a link), menus are lists of links, so a list item without a link is not a menu entry (an article's ingredients or specifications). Nor is a line of a quantity list, three or more lines in a row that open with an amount (\"2 cups flour\", \"½ TL Salz\").",
        source: "Gopher max_bullet_lines_ratio 0.9; C4 minimum 3 words per line",
        examples: [
            HeuristicExample("""
                ↓• Home
                ↓• World
                ↓• Contact Us
                Volunteers planted four hundred trees along the river on Saturday, the second planting this year, and the parks team says most of the spring saplings have taken.
                The trees are native species chosen because they cope with the floods that cover the bank most winters, and they should shade the path within ten years.
                • Bring gloves and water.
                • The next planting is in October.
                ↓• Share
                """),
            HeuristicExample("""
                ↓News | Sport | Weather | Local jobs
                Volunteers planted four hundred trees along the river on Saturday, the second planting this year, and the parks team says most of the spring saplings have taken.
                Oak | 120 | 40%
                ↓Older posts | Main | Newer posts
                The trees are native species chosen because they cope with the floods that cover the bank most winters, and they should shade the path within ten years.
                """),
            // A quantity list is the article's own (a recipe's ingredients).
            HeuristicExample("""
                ↓• Home
                ↓• Recipes
                The cake my grandmother baked every autumn, when the first apples came in from the orchard, is still the one my family asks for at every birthday.
                • 4 large apples, peeled
                • 200 g butter, softened
                • 1 1/2 cups sugar
                Cream the butter with the sugar until it is pale, then beat in the eggs one at a time and fold in the flour, the baking powder and a pinch of salt.
                """),
        ])

    /// At least three `|`-separated entries of at most 4 words each on average, without digits
    /// (a table row has numbers) or a sentence ending: "Sport | Weather | Jobs",
    /// "« Older post | Main | Newer post »".
    static func isInlineMenu(_ features: LineFeatures, kind: BlockKind) -> Bool {
        guard features.pipes >= 2, kind != .tableRow, !features.hasDigit, !features.endsLikeSentence else { return false }
        return features.words <= 4 * (features.pipes + 1)
    }

    /// Lines with a link a page needs before it counts as markdown that shows its links.
    static let linkedLinesForMarkdown = 5

    /// Whether the page shows its links (markdown): then its menus are lists of links.
    static func showsLinks(_ features: [LineFeatures]) -> Bool {
        var linked = 0
        for line in features where line.links > 0 {
            linked += 1
            if linked >= linkedLinesForMarkdown { return true }
        }
        return false
    }

    static func reason(_ features: LineFeatures, kind: BlockKind, _ t: HeuristicThresholds) -> String? {
        if isInlineMenu(features, kind: kind) { return "inline menu of short |-separated entries" }
        guard kind == .listItem || kind == .linkLine, features.words < t.mediumWords, !features.endsLikeSentence
        else { return nil }
        return kind == .linkLine ? "short link-only line" : "short bullet line (menu entry)"
    }

    /// Whether the menu-item line at `index` is a numbered subheading: an ordered entry
    /// ("2. Be a sponge", "4) Shop at thrift stores") right above a line of prose. A menu's
    /// entries follow one another; a listicle's numbered points each head their paragraph
    /// (w3m dev set: 36 of 39 such lines are in the gold text, the rest image placeholders).
    static func headsProse(at index: Int, classes: [BlockClass], blocks: [Block]) -> Bool {
        guard index + 1 < classes.count, classes[index + 1] == .good || classes[index + 1] == .nearGood,
            blocks[index].kind == .listItem
        else { return false }
        // The entry's text after its number: an image's placeholder (`1. [photo]`) heads nothing.
        let entry = Block.plainText(of: blocks, at: index).utf8
        guard let first = entry.first, (0x30...0x39).contains(first) else { return false }
        let afterNumber = entry.drop { (0x30...0x39).contains($0) }.dropFirst().drop { $0 == 0x20 }
        return afterNumber.first != UInt8(ascii: "[")
    }

    /// Which menu-item lines continue a list that a sentence ending in a colon introduces
    /// ("The following schools will be closed on Friday:", "Here it is:"): a menu has a label
    /// at most ("Hot Topics:", "• TV:"), not a sentence of `mediumWords` or more. The list
    /// ends at its first line that is not a list item.
    static func introducedEntries(
        classes: [BlockClass], features: [LineFeatures], kinds: [BlockKind], _ t: HeuristicThresholds
    ) -> [Bool] {
        var introduced = [Bool](repeating: false, count: classes.count)
        var open = false
        for index in classes.indices {
            if case .bad(let ruleID, _) = classes[index], ruleID == id {
                introduced[index] = open
                continue
            }
            // Other entries of the list (a longer one, one ending in a question mark) go on
            // with it, and a line without words (the `**` that closes the introduction's
            // emphasis on a line of its own) does not end it.
            if open, kinds[index] == .listItem, !classes[index].isBad { continue }
            if open, features[index].words == 0 { continue }
            open = introducesList(features[index], kind: kinds[index], class: classes[index], t)
        }
        return introduced
    }

    /// The entries of a list that stands between two lines of prose, with no link in any of
    /// them: two or more short items (ignoring lines without words) right under a paragraph of
    /// the article and right over the next one ("– Image Quality and Sharpness", "– Zoom
    /// Length", … between a lens guide's paragraphs). A menu is a list of links, and it stands
    /// above or below the text, not inside it. Markdown that shows its links makes no menu of
    /// such a list (`showsLinks`); its clean text, whose links are gone, must not either, or the
    /// clean text cleaned again lost the list. Both paragraphs must be in the page's language
    /// (`language`, a line's code, and `pageLanguage`): a menu between a Korean article and
    /// an English "About us" paragraph is the site's chrome. And the entries must be about what
    /// the page's prose is about: half of them or more share a content word (no stopword of
    /// the page's language, `stopwordBit`) with a prose line (`text`, a line's visible text), as
    /// a guide's list of the factors it then discusses does; a site's sections ("Music
    /// Property", "Weather Events") do not. The words are compared as `TitleMatchHeuristic`
    /// compares a title's with the article's.
    static func enclosedEntries(
        classes: [BlockClass], features: [LineFeatures], kinds: [BlockKind], pageLanguage: String?,
        stopwordBit: UInt64?, language: (Int) -> String?, text: (Int) -> String
    ) -> [Bool] {
        // The prose's words, gathered the first time a list qualifies (most pages have none).
        var proseWords: Set<Int>?
        func isOnTopic(_ members: [Int]) -> Bool {
            if proseWords == nil {
                var words = Set<Int>()
                for index in classes.indices where classes[index] == .good {
                    TitleMatchHeuristic.forEachContentWord(text(index), index: StopwordIndex.shared, stopwordBit: stopwordBit) {
                        words.insert($0)
                    }
                }
                proseWords = words
            }
            guard let proseWords else { return false }
            let onTopic = members.count {
                TitleMatchHeuristic.sharesContentWord(text($0), with: proseWords, stopwordBit: stopwordBit)
            }
            return onTopic * 2 >= members.count
        }
        var enclosed = [Bool](repeating: false, count: classes.count)
        var previousWordful: Int?
        var index = 0
        while index < classes.count {
            guard features[index].words > 0 else {
                index += 1
                continue
            }
            guard isLinklessMenuEntry(index, classes: classes, features: features, kinds: kinds),
                let above = previousWordful, classes[above] == .good, language(above) == pageLanguage
            else {
                previousWordful = index
                index += 1
                continue
            }
            var members: [Int] = []
            var next = index
            while next < classes.count {
                if features[next].words == 0 {
                    next += 1
                    continue
                }
                guard isLinklessMenuEntry(next, classes: classes, features: features, kinds: kinds) else { break }
                members.append(next)
                next += 1
            }
            if members.count >= 2, next < classes.count, classes[next] == .good, language(next) == pageLanguage,
                isOnTopic(members)
            {
                for member in members { enclosed[member] = true }
            }
            previousWordful = members.last
            index = next
        }
        return enclosed
    }

    private static func isLinklessMenuEntry(_ index: Int, classes: [BlockClass], features: [LineFeatures], kinds: [BlockKind]) -> Bool {
        guard kinds[index] == .listItem, features[index].links == 0, case .bad(let ruleID, _) = classes[index] else { return false }
        return ruleID == id
    }

    /// Whether a line is a sentence that introduces a list: it ends in a colon, has
    /// `mediumWords` words or more, and is neither a list item nor boilerplate-shaped.
    static func introducesList(_ line: LineFeatures, kind: BlockKind, class cls: BlockClass, _ t: HeuristicThresholds) -> Bool {
        line.endsWithColon && line.words >= t.mediumWords && kind != .listItem && !cls.isBad
    }
}
