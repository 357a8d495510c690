/// A live blog's entry time on a line of its own ("10:32", "10:32 GMT", "9.15am", "14:05 Uhr")
/// right under the previous entry's prose: the article going on, not a comment's timestamp.
///
/// A comment thread's time stands beside a name ("Mark on March 3, 2013 at 9:14 pm") or right
/// under one ("Posted by: Josh at November 10, 2012" / "6:58 PM"), and the time of a video card
/// or a widget's post list sits under a headline; a live blog prints each entry's time alone,
/// between the paragraphs of the entries. Only a line that is a time and nothing else (an
/// am/pm, a time zone) counts, and only under a prose line.
///
/// Source: news live pages (a time-stamped entry per development); the boilerplate dev set's
/// time-only lines (video durations, schedules, comment bylines wrapped after their name) sit
/// under short lines, not under prose.
enum LiveBlogTime {
    /// Words a time may carry on its line (case-folded): `DurationLabel`'s am/pm and time
    /// zones, their dotted forms, and the German zone names.
    static let suffixes: Set<String> = DurationLabel.clockSuffixes.union(["a.m.", "p.m.", "mez", "mesz"])

    /// Whether `text` is one clock time ("10:32", "9.15am", "10:32 GMT") and nothing else.
    static func isTimeOnly(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count, bytes[index] == 0x20 { index += 1 }
        let start = index
        func isDigit(_ i: Int) -> Bool { i < bytes.count && bytes[i] >= 0x30 && bytes[i] <= 0x39 }
        while isDigit(index), index - start < 2 { index += 1 }
        guard index > start, index < bytes.count, bytes[index] == UInt8(ascii: ":") || bytes[index] == UInt8(ascii: "."),
            isDigit(index + 1), isDigit(index + 2), !isDigit(index + 3)
        else { return false }
        let rest = String(decoding: bytes[(index + 3)...], as: UTF8.self).lowercased()
        return rest.split(separator: " ").allSatisfy { suffixes.contains(String($0)) }
    }
}
