/// The date header that tops a blog post ("Friday, November 02, 2012" above the post's title, as
/// Blogger prints it): a short line that is a weekday and a date and nothing else.
///
/// A welcome box or an "about this blog" blurb above the post is prose too, and the region
/// grew over it into the post. Inside the article region, such a header with prose after it
/// starts the post: what the region held above it is dropped as before the article. The
/// header itself is kept (a post's date line is the article's). A header right under a title
/// line (a short line without a sentence ending) is a news article's dateline under its title,
/// and cuts nothing.
///
/// Source: the field notes (blog templates print the day's date above each post's title).
enum PostDateHeader {
    static let id = "heuristic.post-date-header"
    static let description = HeuristicDescription(
        id: id,
        name: "Post date header",
        description: "Inside the article region, a line that is only a weekday and a date (a blog's date header above a post's title), with prose after it and no title right above it, starts the post: the region's lines above it are dropped.",
        source: "field notes (blog templates print the day's date above each post's title)",
        examples: [
            HeuristicExample("""
                ↓Welcome to the harbour blog, where we write about the boats, the fish market and the people who have worked on the quay for many years.
                ↓If you like what you read here, please tell your friends about us and come back next week for more stories from the old harbour.
                Friday, November 02, 2012
                Harbour cycle lane approved
                The council approved the new cycle lane on Thursday night after a long debate, and work on the first section along the harbour road will start in the spring.
                Opponents said the lane would take away parking that the shops on the road depend on, but the council said a new car park would open nearby before then.
                """)
        ])
    /// The most words of a date header ("Friday, 2 de novembro de 2012" has five).
    static let maximumWords = 7

    /// Weekday names (case-folded) of the main European languages.
    static let weekdays: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
        "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo",
        "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato",
        "segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira",
        "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
    ]

    /// Whether `text`, a line of `words` words, is only a weekday and a date.
    static func isDateHeader(_ text: String, words: Int, endsLikeSentence: Bool) -> Bool {
        guard hasHeaderShape(words: words, endsLikeSentence: endsLikeSentence) else { return false }
        // The first token (what `split` on spaces and commas would give first), found without
        // splitting the whole line.
        var bytes = text
        if let opens = bytes.withUTF8({ asciiOpensWithWeekday(UnsafeRawBufferPointer($0)) }) {
            return opens && DatedBylineHeuristic.containsDate(text)
        }
        let isSeparator: (Character) -> Bool = { $0.isWhitespace || $0 == "," }
        guard let start = text.firstIndex(where: { !isSeparator($0) }) else { return false }
        let first = text[start...].prefix { !isSeparator($0) }
        guard weekdays.contains(first.lowercased()) else { return false }
        return DatedBylineHeuristic.containsDate(text)
    }

    /// The first date header in `region` below its first line with a prose line after it and
    /// no title right above it, or `nil`. `isSkipped` marks lines dropped wherever they are
    /// (images, share bars), which do not count as the line above.
    /// The shape `isDateHeader` asks of a line before it reads the text.
    static func hasHeaderShape(words: Int, endsLikeSentence: Bool) -> Bool {
        words >= 3 && words <= maximumWords && !endsLikeSentence
    }

    /// `weekdays` as bytes (the ASCII ones are what an ASCII token can equal).
    static let weekdayBytes = KeywordBytes(weekdays)

    /// Whether the first token of `bytes` (after spaces and commas, up to the next) is a
    /// weekday, when that token and what precedes it are ASCII; `nil` otherwise (then the
    /// `Character` walk decides: non-ASCII white space, combining marks, Unicode lower-casing).
    /// Most candidate lines are ASCII: no token string is made and lower-cased for them.
    static func asciiOpensWithWeekday(_ bytes: UnsafeRawBufferPointer) -> Bool? {
        @inline(__always) func isSeparator(_ byte: UInt8) -> Bool {
            byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) || byte == UInt8(ascii: ",")
        }
        var start = 0
        while start < bytes.count, bytes[start] < 0x80, isSeparator(bytes[start]) { start += 1 }
        guard start < bytes.count else { return false }
        var end = start
        while end < bytes.count, !isSeparator(bytes[end]) {
            // A non-ASCII byte in the token, or right before it, is left to the `Character` walk.
            if bytes[end] >= 0x80 { return nil }
            end += 1
        }
        // A separator with a mark after it is one `Character` that is no separator (",\u{301}").
        if end + 1 < bytes.count, bytes[end + 1] >= 0x80 { return nil }
        let token = UnsafeRawBufferPointer(rebasing: bytes[start..<end])
        guard token.count <= 16 else { return false }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: token.count) { lowered in
            for (offset, byte) in token.enumerated() {
                lowered[offset] = byte.asciiLowercased
            }
            return weekdayBytes.contains(UnsafeRawBufferPointer(lowered))
        }
    }

    static func header(
        in region: ClosedRange<Int>, isCandidate: (Int) -> Bool, isProse: (Int) -> Bool, isHeader: (Int) -> Bool,
        isSkipped: (Int) -> Bool, isTitle: (Int) -> Bool
    ) -> Int? {
        guard region.lowerBound < region.upperBound else { return nil }
        for index in (region.lowerBound + 1)..<region.upperBound where isCandidate(index) && isHeader(index) {
            guard (index + 1...region.upperBound).contains(where: isProse) else { return nil }
            let above = (region.lowerBound..<index).last { !isSkipped($0) }
            if let above, isTitle(above) { return nil }
            return index
        }
        return nil
    }
}
