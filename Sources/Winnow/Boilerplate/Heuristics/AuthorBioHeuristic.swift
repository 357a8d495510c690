/// Drops the writer's box at the end of an article: a line that is only a name, right above a
/// paragraph that opens with that name and a verb ("David Kravets" over "David Kravets is a
/// senior staff writer for Wired.com …", "Zack Whittaker writes for ZDNet and CNET.").
///
/// News and blog templates close every article with the writer's photo, name and biography.
/// The biography is prose, so the article region takes it in; it says who wrote the story, not
/// what the story says. Only the pair that ends the article region counts: a profile in the
/// middle of an article ("Jane Doe" over "Jane Doe is a lawyer who …" among other candidates'
/// profiles) has the article's text after it. The rule `platform.named-author-bio` takes the
/// box whose two lines share a paragraph ("MARK THOMPSON" / "Thompson covers wildfires …")
/// anywhere; a box split by a blank line needs the region's end, which only the heuristics know.
///
/// Source: the boilerplate dev set (of 42 such pairs on its pages, the gold text keeps 2: a
/// product's name over its description, and one writer's box; 10 were kept at the region's
/// end); the author boxes of the field notes.
enum AuthorBioHeuristic {
    static let id = "heuristic.author-bio"
    static let description = HeuristicDescription(
        id: id,
        name: "Author biography",
        description: "Drops the writer's name and biography that end the article region: a line of two to four capitalised words over a paragraph that opens with the same words and a verb (David Kravets / David Kravets is a senior staff writer for Wired.com …).",
        source: "boilerplate dev set (writers' boxes under news articles); field notes (author boxes)",
        examples: [
            HeuristicExample("""
                The city council voted on Tuesday to close the old bridge to cars from next spring, after engineers found that its steel supports had corroded far more than expected.
                Cyclists and people on foot will still be able to cross it, and the council said it would look at the cost of a new bridge over the coming year before deciding.
                ↓Anna Lindqvist
                ↓Anna Lindqvist is a staff writer who covers transport and city politics. She has worked for the paper since 2009.
                """),
        ])

    /// The most words of the name line.
    static let nameWords = 2...4
    /// The most words of the biography.
    static let maximumBioWords = 120

    /// Verbs that follow a writer's name at the start of a biography (lower-case).
    static let verbs: Set<String> = [
        "is", "was", "has", "writes", "wrote", "covers", "reports", "lives", "works", "joined", "edits", "teaches",
        "blogs", "holds", "serves", "founded", "spent", "ist", "war", "schreibt", "arbeitet", "lebt", "berichtet",
        "est", "écrit", "travaille", "vit", "es", "escribe", "trabaja", "vive", "è", "scrive", "lavora",
        "schrijft", "werkt", "woont", "é", "escreve", "trabalha",
    ]

    /// The first line of the writer's box that ends `region` (its name line), or nil.
    ///
    /// - Parameters:
    ///   - isOpen: whether a line is undecided (the box's name and biography are).
    ///   - paragraph: each line's paragraph (a wrapped biography is one).
    ///   - text: a line's plain text.
    static func start(
        endingAt upper: Int, from lower: Int, features: [LineFeatures], isOpen: (Int) -> Bool,
        paragraph: (Int) -> Int, text: (Int) -> String
    ) -> Int? {
        var last = upper
        while last >= lower, !isOpen(last) { last -= 1 }
        guard last > lower else { return nil }
        // The biography's first line: the first of its paragraph.
        var bio = last
        while bio - 1 > lower, paragraph(bio - 1) == paragraph(last), isOpen(bio - 1) { bio -= 1 }
        let bioWords = (bio...last).reduce(0) { $0 + features[$1].words }
        guard bioWords <= maximumBioWords else { return nil }
        // The name: the open line right above, pictures and other dropped lines skipped.
        var name = bio - 1
        while name >= lower, !isOpen(name) { name -= 1 }
        guard name > lower, paragraph(name) != paragraph(bio), nameWords.contains(features[name].words),
            !features[name].endsLikeSentence
        else { return nil }
        let nameText = text(name)
        guard isName(nameText), opens(text(bio), with: nameText) else { return nil }
        return name
    }

    /// Whether `text` is two to four words, each opening with an upper-case letter.
    static func isName(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard nameWords.contains(words.count) else { return false }
        return words.allSatisfy { $0.first?.isUppercase == true && $0.allSatisfy { $0.isLetter || "'’.-".contains($0) } }
    }

    /// Whether `bio` opens with `name`, then a space and a verb of `verbs`.
    static func opens(_ bio: String, with name: String) -> Bool {
        guard bio.hasPrefix(name + " ") else { return false }
        let rest = bio.dropFirst(name.count + 1)
        guard let verb = rest.split(separator: " ", maxSplits: 1).first else { return false }
        return verbs.contains(verb.lowercased())
    }
}
