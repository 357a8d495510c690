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

    /// Words right before a time that make it one end of a span (lower-case UTF-8).
    static let spanWords: Set<[UInt8]> = Set(
        [
            "from", "until", "till", "til", "between", "ab", "bis", "zwischen", "dès", "jusqu'à", "jusqu’à", "desde",
            "hasta", "entre", "dalle", "fino", "vanaf", "tot", "tussen", "från", "fra", "od", "do",
        ].map { Array($0.utf8) })
    /// Words between the two times of a range ("9:00 to 12:30", "14 bis 17:30").
    static let rangeWords: Set<[UInt8]> = Set(["-", "–", "—", "to", "bis", "à", "a", "al", "tot"].map { Array($0.utf8) })

    /// Whether `text` has a clock time that a span word precedes or that is one end of a range.
    ///
    /// Read as bytes, words split at spaces: every timestamped line of a page comes here.
    static func isSchedule(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            // Words as byte ranges (spaces, tabs and no-break spaces between them).
            var words: [Range<Int>] = []
            var index = 0
            while index < bytes.count {
                while index < bytes.count, isSpace(bytes, index) { index += bytes[index] == 0xC2 ? 2 : 1 }
                let start = index
                while index < bytes.count, !isSpace(bytes, index) { index += 1 }
                if index > start { words.append(start..<index) }
            }
            func word(_ number: Int) -> [UInt8] {
                guard words.indices.contains(number) else { return [] }
                // Lower-cased ASCII letters; other bytes as they are.
                return bytes[words[number]].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
            }
            for number in words.indices {
                let times = timeCount(bytes[words[number]])
                guard times > 0 else { continue }
                // "14:00–17:30" in one word, or "14:00 - 17:30", "9:00 to 12:30" in three.
                if times >= 2 { return true }
                if spanWords.contains(word(number - 1).filter { $0 >= 0x80 || $0 == 0x27 || ($0 >= 0x61 && $0 <= 0x7A) }) {
                    return true
                }
                if number + 2 < words.count, rangeWords.contains(word(number + 1)), timeCount(bytes[words[number + 2]]) > 0 {
                    return true
                }
            }
            return false
        }
    }

    /// Whether a space, a tab or a no-break space (U+00A0) starts at `index`.
    private static func isSpace(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        bytes[index] == 0x20 || bytes[index] == 0x09
            || (bytes[index] == 0xC2 && index + 1 < bytes.count && bytes[index + 1] == 0xA0)
    }

    /// How many clock times ("23:00", "7:30pm", "2:00:18" once) `token` holds.
    static func timeCount(_ token: Substring) -> Int {
        Array(token.utf8).withUnsafeBufferPointer { timeCount($0[...]) }
    }

    /// `timeCount` of a word given as bytes.
    static func timeCount(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Int {
        var count = 0
        var index = bytes.startIndex + 1
        while index + 2 < bytes.endIndex {
            if bytes[index] == UInt8(ascii: ":"), isDigit(bytes[index - 1]), isDigit(bytes[index + 1]), isDigit(bytes[index + 2]) {
                count += 1
                index += 3
                // Seconds belong to the same time ("2:00:18").
                if index + 1 < bytes.endIndex, bytes[index] == UInt8(ascii: ":"), isDigit(bytes[index + 1]) { index += 3 }
            } else {
                index += 1
            }
        }
        return count
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
}
