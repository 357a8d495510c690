/// Reader comments printed with their byline and their text on one line ("2. Emily says:
/// April 6, 2012 at 8:04 pm I have a Roth IRA because …", "Comment #7 - Posted by: Aaron at
/// November 10, 2012 6:07 PM Challenge accepted …"): html2text joins a comment's name, date and
/// text when the template wraps them in inline elements.
///
/// Such a line is long prose, so it is no timestamped byline for `CommentThreadHeuristic`, and
/// the thread joined the article. A line opens a comment when a short head (a name, then a date
/// and a time of day) precedes a text of several words. A live blog shares the shape
/// ("November 10, 2012 6:07 PM: The first runners …") but not its names: only pages with at
/// least two such lines whose heads differ once digits, months and clock words are set aside
/// ("Emily says: … at … pm" and "Erica says: … at … am") count. Such lines split the page like
/// timestamped bylines (they carry `CommentThreadHeuristic`'s id and byline reason).
///
/// Source: the field notes (WordPress and Movable Type comment templates); the timestamped
/// byline signal of `CommentThreadHeuristic`, moved to the start of a long line.
enum InlineCommentByline {
    /// The most words before the end of the time of day.
    static let maximumHeadWords = 14
    /// The fewest words of the comment's text after the time of day.
    static let minimumTextWords = 8
    /// The fewest such lines on a page, with at least two different heads.
    static let minimumCount = 2
    /// How far into a line the time of day may end, in bytes (a head of 14 words).
    static let maximumHeadBytes = 160

    /// The comment lines of a page: lines with a time of day that are not separators yet and
    /// whose head names a commenter; none unless `minimumCount` of them name two commenters.
    static func lines(
        features: [LineFeatures], separators: [Bool], isDecided: (Int) -> Bool, text: (Int) -> String
    ) -> [Int] {
        var found: [Int] = []
        var heads: Set<String> = []
        for index in features.indices {
            let line = features[index]
            guard line.hasTimeOfDay, !separators[index], line.words >= minimumTextWords + 2, !isDecided(index),
                let head = commenterHead(text(index))
            else { continue }
            found.append(index)
            heads.insert(head)
        }
        return found.count >= minimumCount && heads.count >= 2 ? found : []
    }

    /// The letters-only words of the head of `text` (before and including a time of day near
    /// its start, with a date in it and enough text after it), months and clock words left out;
    /// `nil` when `text` has no such head or the head names no one.
    static func commenterHead(_ text: String) -> String? {
        guard let end = endOfTimeOfDay(in: text) else { return nil }
        let head = text[..<end]
        let headWords = words(of: head)
        guard headWords.count <= maximumHeadWords, DatedBylineHeuristic.containsDate(String(head)) else { return nil }
        // Words (runs between whitespace) with a letter after the head, counted only up to
        // `minimumTextWords`: a word counts at its first letter.
        guard textWordsReach(minimumTextWords, in: text[end...]) else { return nil }
        var name: [String] = []
        for word in headWords {
            let letters = String(word.filter(\.isLetter)).lowercased()
            guard !letters.isEmpty, !DatedBylineHeuristic.months.contains(letters), !clockWords.contains(letters) else { continue }
            name.append(letters)
        }
        return name.isEmpty ? nil : name.joined(separator: " ")
    }

    /// `head`'s words (runs between white space). An ASCII head (most) is split by bytes: there
    /// a white-space `Character` is a byte 0x09-0x0D or a space ("\r\n", one `Character`, is two
    /// such bytes), and the `Character` test cost most of this heuristic.
    static func words(of head: Substring) -> [Substring] {
        guard head.utf8.allSatisfy({ $0 < 0x80 }) else { return head.split(whereSeparator: \.isWhitespace) }
        return head.utf8.split { $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) }.map { Substring($0) }
    }

    /// Whether `text` has `minimum` words (runs between white space) with a letter; a word
    /// counts at its first letter.
    static func textWordsReach(_ minimum: Int, in text: Substring) -> Bool {
        // ASCII text (most) by bytes: there a white-space `Character` is a byte 0x09-0x0D or a
        // space ("\r\n", one `Character`, is two such bytes), a letter an ASCII letter.
        let ascii = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            var words = 0
            var counted = false
            for byte in bytes {
                if byte >= 0x80 { return nil }
                if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                    counted = false
                } else if !counted, (byte | 0x20) &- 0x61 < 26 {
                    counted = true
                    words += 1
                    if words >= minimum { return true }
                }
            }
            return words >= minimum
        }
        if let known = ascii ?? nil { return known }
        return textWordsReachByCharacter(minimum, in: text)
    }

    /// `textWordsReach` by `Character` (any text).
    static func textWordsReachByCharacter(_ minimum: Int, in text: Substring) -> Bool {
        var words = 0
        var counted = false
        for character in text {
            if character.isWhitespace {
                counted = false
            } else if !counted, character.isLetter {
                counted = true
                words += 1
                if words >= minimum { return true }
            }
        }
        return words >= minimum
    }

    /// Words of a time of day that say nothing about who wrote the line.
    static let clockWords: Set<String> = ["am", "pm", "at", "um", "à", "a", "h", "uhr", "on", "de", "le", "el"]

    /// The index after a time of day (`9:35`, `9:35 am`, `6:07 PM`, `10:02pm`) that ends within
    /// `maximumHeadBytes` of the start of `text`, or `nil`.
    static func endOfTimeOfDay(in text: String) -> String.Index? {
        // The head's bytes read in place (an array of them was made for every candidate line).
        var bytes = text
        let found = bytes.withUTF8 { whole -> Int? in
            let utf8 = UnsafeBufferPointer(rebasing: whole.prefix(maximumHeadBytes + 8))
            guard let colon = FeatureExtractor.timeOfDayColon(in: UnsafeRawBufferPointer(utf8), maximumColon: maximumHeadBytes)
            else { return nil }
            var end = colon + 3
            // An optional "am"/"pm" (or "a.m."), after at most one space.
            var probe = end
            if probe < utf8.count, utf8[probe] == 0x20 { probe += 1 }
            if probe + 1 < utf8.count, utf8[probe] | 0x20 == 0x61 || utf8[probe] | 0x20 == 0x70 {
                if utf8[probe + 1] | 0x20 == 0x6D {
                    end = probe + 2
                } else if probe + 3 < utf8.count, utf8[probe + 1] == UInt8(ascii: "."), utf8[probe + 2] | 0x20 == 0x6D,
                    utf8[probe + 3] == UInt8(ascii: ".")
                {
                    end = probe + 4
                }
            }
            // A letter glued to it ("pmThe", "amazing") is no clock word.
            if end < utf8.count, (utf8[end] | 0x20) >= 0x61, (utf8[end] | 0x20) <= 0x7A { end = colon + 3 }
            return end
        }
        guard let end = found else { return nil }
        let utf8View = text.utf8
        return utf8View.index(utf8View.startIndex, offsetBy: end, limitedBy: utf8View.endIndex)
    }
}
