/// Reader comments printed with their byline and their text on one line ("2. Emily says:
/// April 6, 2012 at 8:04 pm I have a Roth IRA because …", "Comment #7 - Posted by: Aaron at
/// November 10, 2012 6:07 PM Challenge accepted …"): html2text joins a comment's name, date and
/// text when the template wraps them in inline elements.
///
/// Movable Type prints the byline under the comment instead ("… would have? Posted by: John
/// King at November 7, 2012 7:00 AM"), and html2text joins it to the comment's last line: a
/// labelled byline with a date and a time ending a line of text counts the same way
/// (`trailingCommenterHead`).
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
            guard line.hasTimeOfDay, !separators[index], line.words >= minimumTextWords + 2, !isDecided(index) else {
                continue
            }
            let lineText = text(index)
            guard let head = commenterHead(lineText) ?? trailingCommenterHead(lineText) else { continue }
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
        return name(in: headWords[...])
    }

    /// The letters-only, lower-cased words of a byline's head that name someone (months and
    /// clock words left out), joined by spaces; nil when none is left.
    static func name(in headWords: ArraySlice<Substring>) -> String? {
        var name: [String] = []
        for word in headWords {
            let letters = String(word.filter(\.isLetter)).lowercased()
            guard !letters.isEmpty, !DatedBylineHeuristic.months.contains(letters), !clockWords.contains(letters) else { continue }
            name.append(letters)
        }
        return name.isEmpty ? nil : name.joined(separator: " ")
    }

    /// Labels that open a byline printed after the comment's text ("… would have? Posted by:
    /// John King at November 7, 2012 7:00 AM"), lower-cased.
    static let trailingLabels: [[UInt8]] = [
        "posted by", "geschrieben von", "verfasst von", "publié par", "posté par", "publicado por", "escrito por",
        "inviato da", "scritto da", "gepost door", "geplaatst door",
    ].map { Array($0.utf8) }

    /// The name in the byline that ends `text` after the comment's text (Movable Type's
    /// "Posted by: NAME at DATE TIME" under each comment, joined to it by html2text): a label
    /// of `trailingLabels` within `maximumHeadBytes` of the end, a date after it and a time of
    /// day ending the line, and `minimumTextWords` words before it. `nil` otherwise.
    static func trailingCommenterHead(_ text: String) -> String? {
        var text = text
        let headStart = text.withUTF8 { bytes -> Int? in
            guard endsWithTimeOfDay(bytes) else { return nil }
            var from = max(0, bytes.count - maximumHeadBytes)
            // Not inside a multi-byte scalar.
            while from < bytes.count, bytes[from] & 0xC0 == 0x80 { from += 1 }
            var found: Int?
            for label in trailingLabels {
                var start = bytes.count - label.count
                while start >= from {
                    if start == 0 || bytes[start - 1] == 0x20, matchesLowercased(label, in: bytes, at: start) {
                        if found.map({ start > $0 }) ?? true { found = start }
                        break
                    }
                    start -= 1
                }
            }
            return found
        }
        guard let headStart else { return nil }
        let utf8 = text.utf8
        let split = utf8.index(utf8.startIndex, offsetBy: headStart)
        let head = text[split...]
        guard textWordsReach(minimumTextWords, in: text[..<split]) else { return nil }
        let headWords = words(of: head)
        guard headWords.count <= maximumHeadWords, DatedBylineHeuristic.containsDate(String(head)) else { return nil }
        // The label's own two words are no name.
        return name(in: headWords.dropFirst(2))
    }

    /// Whether `label` (lower-case) occurs in `bytes` at `start`, ASCII letters of `bytes` in
    /// either case.
    private static func matchesLowercased(_ label: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        guard start + label.count <= bytes.count else { return false }
        for (offset, expected) in label.enumerated() {
            var byte = bytes[start + offset]
            if byte >= 0x41, byte <= 0x5A { byte |= 0x20 }
            if byte != expected { return false }
        }
        return true
    }

    /// Whether `bytes` end with a time of day ("7:00 AM", "19:05", "6:07pm", "9:14 p.m.").
    static func endsWithTimeOfDay(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var end = bytes.count
        while end > 0, bytes[end - 1] == 0x20 { end -= 1 }
        func lower(_ index: Int) -> UInt8 { bytes[index] | 0x20 }
        // An optional "am"/"pm" or "a.m."/"p.m.", with at most one space before it.
        if end >= 4, bytes[end - 1] == UInt8(ascii: "."), lower(end - 2) == 0x6D, bytes[end - 3] == UInt8(ascii: "."),
            lower(end - 4) == 0x61 || lower(end - 4) == 0x70
        {
            end -= 4
        } else if end >= 2, lower(end - 1) == 0x6D, lower(end - 2) == 0x61 || lower(end - 2) == 0x70 {
            end -= 2
        }
        if end > 0, bytes[end - 1] == 0x20 { end -= 1 }
        func isDigit(_ index: Int) -> Bool { bytes[index] >= 0x30 && bytes[index] <= 0x39 }
        guard end >= 4, isDigit(end - 1), isDigit(end - 2), bytes[end - 3] == UInt8(ascii: ":"), isDigit(end - 4) else {
            return false
        }
        // The hour has one or two digits, with no colon or digit before it: not a running
        // time ("2:04:38").
        var hour = end - 4
        if hour > 0, isDigit(hour - 1) { hour -= 1 }
        return hour == 0 || !(isDigit(hour - 1) || bytes[hour - 1] == UInt8(ascii: ":"))
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
