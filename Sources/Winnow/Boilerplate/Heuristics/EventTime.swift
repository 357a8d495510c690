/// A line whose clock time is a schedule's, not a comment's timestamp: a time after a word
/// that opens or closes a span ("Afterparty im Club Veedel ab 23:00 Uhr", "Doors open from
/// 7:30 pm", "Bar open until 22:00", "Concerto dalle 21:00"), or a range of two times
/// ("Workshop 14:00–17:30", "9:00 to 12:30").
///
/// A comment thread's time says when a reader wrote ("Anna 12:48", "heute, 14:05 Uhr",
/// "Mark on March 3, 2013 at 9:14 pm"); nobody writes "from" or "until" before it. An event
/// page's programme lines read as such bylines, and the page was cut at the first of them.
///
/// Source: trafilatura's test pages (a skateboard contest announcement lost its venue and its
/// closing line); `DurationLabel` for running times, `LiveBlogTime` for live blogs.
enum EventTime {
    /// The fewest words of a schedule line: "ab 23:00" alone could be a byline's tail.
    static let minimumWords = 3

    /// Words right before a time that make it one end of a span (case-folded, letters only).
    static let spanWords: Set<String> = [
        "from", "until", "till", "til", "between", "ab", "bis", "zwischen", "dès", "jusqu", "jusquà", "desde",
        "hasta", "entre", "dalle", "fino", "vanaf", "tot", "tussen", "från", "fra", "od", "do",
    ]

    /// Whether `text` has a clock time that a span word precedes or that is one end of a range.
    static func isSchedule(_ text: String) -> Bool {
        let tokens = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" || $0 == "\t" })
        func letters(_ index: Int) -> String {
            tokens.indices.contains(index) ? String(tokens[index].filter(\.isLetter)) : ""
        }
        for (index, token) in tokens.enumerated() where timeCount(token) > 0 {
            // "14:00–17:30" in one token, or "14:00 - 17:30", "9:00 to 12:30" in three.
            if timeCount(token) >= 2 { return true }
            if spanWords.contains(letters(index - 1)) { return true }
            if index + 2 < tokens.count, ["-", "–", "—", "to", "bis", "à", "a", "al", "tot"].contains(String(tokens[index + 1])),
                timeCount(tokens[index + 2]) > 0
            {
                return true
            }
        }
        return false
    }

    /// How many clock times ("23:00", "7:30pm") `token` holds.
    static func timeCount(_ token: Substring) -> Int {
        let bytes = Array(token.utf8)
        var count = 0
        var index = 1
        while index + 2 < bytes.count {
            if bytes[index] == UInt8(ascii: ":"), isDigit(bytes[index - 1]), isDigit(bytes[index + 1]), isDigit(bytes[index + 2]) {
                count += 1
                index += 3
                // Seconds belong to the same time ("2:00:18").
                if index + 1 < bytes.count, bytes[index] == UInt8(ascii: ":"), isDigit(bytes[index + 1]) {
                    index += 3
                }
            } else {
                index += 1
            }
        }
        return count
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
}
