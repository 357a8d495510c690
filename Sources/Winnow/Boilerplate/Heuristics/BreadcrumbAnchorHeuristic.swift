/// A breadcrumb trail near the top of the page marks where the page's own content starts:
/// the article region is looked for after it when a run of prose lies there.
///
/// Templates put the trail (`Home > News > Title`, `Startseite › Politik`, `Home / Title`)
/// between the masthead and the article; what comes before it is the header — menus whose
/// entries carry teaser blurbs, a video strip with captions — which can outscore a short
/// article. A trail counts when a rule with the `breadcrumb` signal dropped it, or when it is a
/// home-rooted trail whose last step is the next lines' title (`Home / Keeper emails` over
/// `Keeper emails`), which tells it from prose such as "home / away form". A trail whose
/// separators the style sheet drew comes out glued (`HomeLatest NewsTitle`): it counts when
/// it ends with the title on one of the next lines. A trail in the lower half of the page is
/// a footer's and anchors nothing.
///
/// Source: field notes (breadcrumbs are header navigation); the BTE region search, restricted
/// to the part of the page after the header.
enum BreadcrumbAnchorHeuristic {
    static let id = "heuristic.breadcrumb-anchor"
    static let description = HeuristicDescription(
        id: id,
        name: "Breadcrumb anchor",
        description: "Looks for the article after the page's breadcrumb trail (Home > News > Title; Home / Title above the title; You are here: …; HomeNewsTitle, a trail whose separators the rendering lost, above the title) and drops the trail and what is above it: teaser blurbs in the menus there are header, even when they read like prose.",
        source: "field notes (breadcrumbs are header navigation); BTE region search after the header",
        examples: [
            HeuristicExample("""
                ↓Valley News
                ↓• Books: The Valley Guide is out and selling! Below is a list of its chapters, to give you a more specific idea of what is in it, and where to buy a copy near you.
                ↓• About: Sam Reed is the author of the Valley Guide and has written for the paper for twenty years about the towns along the river and the people who live there.
                ↓Home / New river bridge to open in May
                New river bridge to open in May
                A new bridge over the river will open in May, two years later than planned, the county said on Wednesday after a final inspection of the steel work.
                The old bridge, which is more than a hundred years old, will close for repairs as soon as the new one opens, and it will then be used only by walkers.
                The work on the new bridge was held up twice, first by a flood in the winter and then by a shortage of the steel that the engineers had asked for.
                The county says the total cost is now about a fifth higher than planned, and that the extra money will come from its roads budget for next year.
                """),
            HeuristicExample("""
                ↓Valley News
                ↓• Books: The Valley Guide is out and selling! Below is a list of its chapters, to give you a more specific idea of what is in it, and where to buy a copy near you.
                ↓• About: Sam Reed is the author of the Valley Guide and has written for the paper for twenty years about the towns along the river and the people who live there.
                ↓HomeLocal NewsNew river bridge to open in May
                New river bridge to open in May
                A new bridge over the river will open in May, two years later than planned, the county said on Wednesday after a final inspection of the steel work.
                The old bridge, which is more than a hundred years old, will close for repairs as soon as the new one opens, and it will then be used only by walkers.
                The work on the new bridge was held up twice, first by a flood in the winter and then by a shortage of the steel that the engineers had asked for.
                The county says the total cost is now about a fifth higher than planned, and that the extra money will come from its roads budget for next year.
                """),
        ])

    /// The first words of a trail's root ("Home", "Startseite", …), case-folded.
    static let rootWords: Set<String> = [
        "home", "homepage", "start", "startseite", "accueil", "inicio", "portada", "início", "página", "pagina",
        "hoofdpagina", "strona", "etusivu", "forside", "startsida",
    ]
    /// `rootWords` and `hereOpeners` as UTF-8, compared with a line's leading words in place.
    static let rootWordBytes: [[UInt8]] = rootWords.map { Array($0.utf8) }
    static let hereOpenerBytes: [[[UInt8]]] = hereOpeners.map { $0.map { Array($0.utf8) } }
    /// The first bytes of `rootWords` and of `hereOpeners`' first words.
    static let openingBytes: [Bool] = {
        var bytes = [Bool](repeating: false, count: 256)
        for word in Array(rootWords) + hereOpeners.compactMap(\.first) {
            if let first = word.utf8.first { bytes[Int(first)] = true }
        }
        return bytes
    }()
    /// The separators between a trail's steps.
    static let separators: Set<Character> = [">", "»", "›", "→", "/"]
    /// How many lines below a trail its last step is looked for as the title.
    static let titleLines = 4

    /// The opening words of a trail that names itself ("You are here: Home / News / …").
    static let hereOpeners: [[String]] = [
        ["you", "are", "here"], ["sie", "sind", "hier"], ["vous", "êtes", "ici"], ["u", "bent", "hier"],
        ["usted", "está", "aquí"], ["estás", "aquí"], ["você", "está", "aqui"], ["ti", "trovi", "in"], ["sei", "qui"],
    ]

    /// The index of the page's breadcrumb trail in its upper half, if any.
    /// - Parameter isBreadcrumb: whether a rule with the `breadcrumb` signal dropped a line.
    static func anchor(
        count: Int, features: [LineFeatures], isBreadcrumb: (Int) -> Bool, text: (Int) -> String
    ) -> Int? {
        // The tables read once: in the loop, every line's read of a static called its lazy
        // initialiser's check.
        let openingBytes = openingBytes
        let rootWordBytes = rootWordBytes
        let hereOpenerBytes = hereOpenerBytes
        for index in 0..<(count / 2) {
            let leading = features[index].leadingWords
            // A first word that starts with a byte no root word or opener starts with is neither.
            // A word longer than `LeadingWords.wordCapacity` (not kept whole) is no root word or opener.
            guard leading.count > 0, openingBytes[Int(leading.firstByte(0))] else { continue }
            let rooted = rootWordBytes.contains { leading.isWord(0, $0) }
            let named = !rooted && hereOpenerBytes.contains { leading.starts(with: $0) }
            guard rooted || named || mayOpenGluedTrail(leading) else { continue }
            let line = trimmed(text(index))
            let step = rooted || named ? lastStep(of: line, rooted: rooted) : nil
            guard let title = step ?? gluedTrailTitle(line, below: index, count: count, text: text) else { continue }
            // A glued trail was found by its title right below it: it tops the article, even
            // where the header names the title too.
            if step == nil { return index }
            let titleWords = title.split(separator: " ").count
            // A trail that ends in a title printed above it follows its article (a forum
            // link under the post, a footer trail): the article is above.
            if titleWords >= 2, (0..<index).contains(where: { isSameTitle(text($0), title) }) { return nil }
            if named || isBreadcrumb(index) { return index }
            if titleWords >= 2, isTitle(title, below: index, count: count, text: text) { return index }
        }
        return nil
    }

    /// The case-folded text after a trail's last separator; `nil` when the line is no trail
    /// (a rooted trail needs a separator straight after its root word).
    static func lastStep(of line: String, rooted: Bool) -> String? {
        if rooted {
            guard let afterRoot = line.firstIndex(where: { $0 == " " || separators.contains($0) }),
                let step = line[afterRoot...].first(where: { $0 != " " }), separators.contains(step)
            else { return nil }
        }
        guard let lastSeparator = line.lastIndex(where: { separators.contains($0) }) else { return nil }
        return trimmed(line[line.index(after: lastSeparator)...]).lowercased()
    }

    /// A trail's root words as a template writes them, for trails without separators.
    static let gluedRoots = [
        "Homepage", "Home", "Startseite", "Startsida", "Start", "Accueil", "Inicio", "Portada", "Início",
        "Hoofdpagina", "Etusivu", "Forside",
    ]
    /// `gluedRoots` case-folded as `LeadingWords` keeps ASCII words.
    static let gluedRootBytes: [[UInt8]] = gluedRoots.map { Array($0.lowercased().utf8) }

    /// Whether the first word starts with a root word (a glued trail's "HomeLatest"): the
    /// cheap test before a line's text is made. A first word too long to be kept
    /// ("StartseiteNachrichtenTitle") is tested by its first byte only.
    static func mayOpenGluedTrail(_ leading: LeadingWords) -> Bool {
        guard leading.count > 0 else { return false }
        if let ascii = leading.withWholeASCII(0, { word in gluedRootBytes.contains { word.starts(with: $0) } }) { return ascii }
        guard let word = leading.word(0) else { return gluedRootBytes.contains { $0.first == leading.firstByte(0) } }
        return gluedRoots.contains { word.hasPrefix($0.lowercased()) }
    }

    /// The most words between a glued trail's root and its title.
    static let gluedSteps = 6

    /// The case-folded title that ends `line`, when `line` is a trail whose separators the
    /// style sheet drew (and the rendering lost): "HomeLatest NewsNollywood Actress, Kate
    /// Henshaw Is Looking Stunning" or "Home Latest News Title" over the title itself. The root
    /// is capitalised, then a capital or a space; the title (three or more words) is one of the
    /// next few lines, and at most six words without punctuation lie between them. `nil`
    /// otherwise: "Home prices rose" is not followed by a line it ends with.
    static func gluedTrailTitle(_ line: String, below index: Int, count: Int, text: (Int) -> String) -> String? {
        guard let root = gluedRoots.first(where: { line.hasPrefix($0) }) else { return nil }
        let rest = line.dropFirst(root.count)
        guard let after = rest.first, after.isUppercase || after == " " || after == "_" else { return nil }
        let lines = lines(below: index, count: count, text: text)
        guard
            let title = lines.first(where: { $0.count < rest.count && rest.hasSuffix($0) && $0.split(separator: " ").count >= 3 })
        else { return nil }
        let steps = rest.dropLast(title.count)
        let words = steps.split { $0 == " " || $0 == "_" }.count
        guard words <= gluedSteps, !steps.contains(where: { ".,:;!?".contains($0) }) else { return nil }
        return title.lowercased()
    }

    /// `title` is one of the next few lines below `index`.
    static func isTitle(_ title: String, below index: Int, count: Int, text: (Int) -> String) -> Bool {
        lines(below: index, count: count, text: text).contains { $0.lowercased() == title }
    }

    /// The next `titleLines` lines with text below `index`, trimmed: where a trail's title is
    /// looked for.
    static func lines(below index: Int, count: Int, text: (Int) -> String) -> [String] {
        var lines: [String] = []
        var next = index + 1
        while next < count, lines.count < titleLines {
            let candidate = trimmed(text(next))
            if !candidate.isEmpty { lines.append(candidate) }
            next += 1
        }
        return lines
    }

    /// Whether `line`, trimmed and lower-cased, is `title` (tested on every line above a trail).
    /// An ASCII line against an ASCII title is compared as bytes, without the trimmed and
    /// lower-cased copies: there `==` is byte equality and a padding `Character` is a
    /// white-space byte or "*" ("\r\n", one `Character`, is two such bytes).
    static func isSameTitle(_ line: String, _ title: String) -> Bool {
        var line = line
        var title = title
        let ascii = line.withUTF8 { lineBytes in
            title.withUTF8 { titleBytes in asciiIsTitle(UnsafeRawBufferPointer(lineBytes), UnsafeRawBufferPointer(titleBytes)) }
        }
        if let ascii { return ascii }
        return trimmed(line).lowercased() == title
    }

    /// `isSameTitle` on bytes; `nil` when either side is not all ASCII.
    private static func asciiIsTitle(_ line: UnsafeRawBufferPointer, _ title: UnsafeRawBufferPointer) -> Bool? {
        for byte in title where byte >= 0x80 { return nil }
        guard let kept = asciiUnpadded(line) else { return nil }
        guard kept.count == title.count else { return false }
        for offset in 0..<title.count {
            let byte = line[kept.lowerBound + offset]
            if byte.asciiLowercased != title[offset] { return false }
        }
        return true
    }

    static func trimmed(_ text: some StringProtocol) -> String {
        // An ASCII text trims as bytes: there a padding `Character` is a white-space byte or
        // "*" ("\r\n", one `Character`, is two such bytes), and the Character walk's property
        // lookups were most of this heuristic's time.
        if let ascii = asciiTrimmed(text) { return ascii }
        return characterTrimmed(text)
    }

    /// `trimmed` by `Character` (any text).
    static func characterTrimmed(_ text: some StringProtocol) -> String {
        let isPadding: (Character) -> Bool = { $0.isWhitespace || $0 == "•" || $0 == "*" }
        guard let first = text.firstIndex(where: { !isPadding($0) }), let last = text.lastIndex(where: { !isPadding($0) })
        else { return "" }
        return String(text[first...last])
    }

    /// The range of `bytes` without the padding at both ends (white space and "*", which is
    /// what a padding `Character` is in ASCII text); `nil` when `bytes` is not all ASCII.
    private static func asciiUnpadded(_ bytes: UnsafeRawBufferPointer) -> Range<Int>? {
        for byte in bytes where byte >= 0x80 { return nil }
        func isPadding(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) || byte == UInt8(ascii: "*") }
        var start = 0
        var end = bytes.count
        while start < end, isPadding(bytes[start]) { start += 1 }
        while end > start, isPadding(bytes[end - 1]) { end -= 1 }
        return start..<end
    }

    /// `trimmed` on the bytes of an all-ASCII text; `nil` for any other text.
    private static func asciiTrimmed(_ text: some StringProtocol) -> String? {
        var text = String(text)
        let kept = text.withUTF8 { asciiUnpadded(UnsafeRawBufferPointer($0)) }
        guard let kept else { return nil }
        if kept.count == text.utf8.count { return text }
        let utf8 = text.utf8
        return String(text[utf8.index(utf8.startIndex, offsetBy: kept.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: kept.upperBound)])
    }
}
