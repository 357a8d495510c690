/// Finds the "Read more" lines that close each teaser of a list of excerpts ("READ THE REST",
/// "Continue reading", "Weiterlesen", "Lire la suite"), printed three times or more on a page.
///
/// A blog's front page or a "more stories" block under a short post is a run of teasers: a
/// title, a sentence or two, a read-more link. Taken as one run their sentences outscore a
/// short article above them; each read-more line ends one teaser, so the article region never
/// spans one, and a teaser is weighed alone against the article.
///
/// Source: the field notes (blog front pages and "more stories" lists under short posts).
enum TeaserBoundary {
    /// The least number of times a read-more line appears for the page to be a teaser list.
    static let minimumRepeats = 3
    /// The most lines between two read-more lines of one list (a title, an image, a summary…).
    static let maximumTeaserLines = 15

    /// Read-more phrases (lower-cased, without trailing label punctuation: `LabelPunctuation`).
    static let phrases: Set<String> = [
        "read the rest", "read more", "read on", "continue reading", "keep reading", "read full story",
        "read full article", "read the full story", "read the full article", "full story", "more",
        "weiterlesen", "mehr", "mehr lesen", "lire la suite", "lire plus", "leer más", "seguir leyendo",
        "continua a leggere", "leggi tutto", "leia mais", "continue lendo", "lees meer", "verder lezen",
    ]

    /// `phrases` as bytes, for the ASCII lines (most) compared without a string.
    static let phraseBytes = KeywordBytes(phrases)
    /// The longest phrase in bytes: a longer ASCII label is none of them.
    static let longestPhrase = phrases.map(\.utf8.count).max() ?? 0
    /// The first bytes of the phrases: a line whose first byte is another ASCII byte is none
    /// (lower-casing keeps an ASCII byte an ASCII byte, and trimming cuts only the end).
    static let openingBytes: [Bool] = {
        var bytes = [Bool](repeating: false, count: 128)
        for phrase in phrases {
            if let first = phrase.utf8.first, first < 0x80 { bytes[Int(first)] = true }
        }
        return bytes
    }()

    /// Whether `text`, lower-cased and without trailing label punctuation, is one of `phrases`.
    static func isReadMore(_ text: String) -> Bool {
        var text = text
        // Most short lines are ASCII: lower-cased, trimmed and compared as bytes, with no
        // lower-cased string made for every line of up to four words.
        let ascii = text.withUTF8 { asciiIsReadMore(UnsafeRawBufferPointer($0)) }
        if let ascii { return ascii }
        if !mayOpenPhrase(text) { return false }
        return lowercasedIsReadMore(text)
    }

    /// Whether `text`'s first scalar lower-cases to the first byte of a phrase. Every phrase
    /// opens with an ASCII letter and `lowercased()` maps scalar by scalar, so a non-ASCII
    /// line that fails this is none, without the lower-cased copy (most lines that get here).
    static func mayOpenPhrase(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        guard let opening = first.properties.lowercaseMapping.utf8.first, opening < 0x80 else { return false }
        return openingBytes[Int(opening)]
    }

    /// `isReadMore` by Unicode lower-casing and string equality (the reference path).
    static func lowercasedIsReadMore(_ text: String) -> Bool {
        var lowered = text.lowercased()
        let label = lowered.withUTF8 { String(decoding: LabelPunctuation.trimmed(UnsafeRawBufferPointer($0)), as: UTF8.self) }
        return phrases.contains(label)
    }

    /// `isReadMore` of an ASCII line given as bytes; `nil` when the line is not all ASCII and
    /// its first byte does not rule it out (Unicode lower-casing and equality decide then).
    static func asciiIsReadMore(_ bytes: UnsafeRawBufferPointer) -> Bool? {
        guard let first = bytes.first else { return false }
        if first < 0x80, !openingBytes[Int(first.asciiLowercased)] { return false }
        for byte in bytes where byte >= 0x80 { return nil }
        // Label punctuation is not a letter: trimming before or after lower-casing cuts the same.
        let label = LabelPunctuation.trimmed(bytes)
        guard label.count <= longestPhrase else { return false }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(label.count, 1)) { lowered in
            for (offset, byte) in label.enumerated() {
                lowered[offset] = byte.asciiLowercased
            }
            return phraseBytes.contains(UnsafeRawBufferPointer(rebasing: UnsafeMutableRawBufferPointer(lowered)[..<label.count]))
        }
    }

    /// The lines of the teasers of a teaser list: those between two of its read-more lines, and
    /// the line right above the first one (the rest of the first teaser may be the article's
    /// last lines, which a list can follow directly).
    ///
    /// A portal's front blocks and a blog's "more stories" stack teasers next to the page's
    /// own article; a teaser's summary is a full-length sentence or two, so it classes as
    /// prose, and a teaser above the article won the region over it (boingboing.net: the first
    /// of six "READ THE REST" teasers, below a short post). Another page's summary is never this
    /// page's article.
    ///
    /// Teasers of one list have one shape, so their read-more lines come at a steady pace. A
    /// read-more line much farther from the next one than the list's pace (a "Read More"
    /// heading over a related-posts box) opens no teaser: the line above it is the article's.
    ///
    /// - Parameter ends: the read-more lines of a teaser list (`lines(features:text:)`).
    static func teaserLines(ends: [Bool]) -> [Int] {
        let marks = ends.indices.filter { ends[$0] }
        guard marks.count >= 2 else { return [] }
        let gaps = zip(marks, marks.dropFirst()).map { $1 - $0 }
        let pace = gaps.sorted()[(gaps.count - 1) / 2]
        var lines: [Int] = []
        var inList = false
        for (offset, gap) in gaps.enumerated() {
            guard gap <= pace + max(2, pace / 2) else {
                inList = false
                continue
            }
            let start = marks[offset]
            if !inList, start > 0, !ends[start - 1] { lines.append(start - 1) }
            lines.append(contentsOf: (start + 1)..<marks[offset + 1])
            inList = true
        }
        return lines
    }

    /// Which lines are read-more lines of a teaser list.
    ///
    /// - Parameters:
    ///   - features: each line's features (fingerprint and words).
    ///   - text: a line's visible text.
    static func lines(features: [LineFeatures], text: (Int) -> String) -> [Bool] {
        var marks = [Bool](repeating: false, count: features.count)
        var counts: [Int: Int] = [:]
        var candidates: [Int] = []
        for index in features.indices where features[index].words > 0 && features[index].words <= 4 {
            guard isReadMore(text(index)) else { continue }
            counts[features[index].fingerprint, default: 0] += 1
            candidates.append(index)
        }
        // Teasers of one list are a few lines each: a read-more line far from every other one (an
        // author box's link above the article) is not one of them.
        for (position, index) in candidates.enumerated() where counts[features[index].fingerprint, default: 0] >= minimumRepeats {
            let fingerprint = features[index].fingerprint
            let before = candidates[..<position].last { features[$0].fingerprint == fingerprint }
            let after = candidates[(position + 1)...].first { features[$0].fingerprint == fingerprint }
            if let before, index - before <= maximumTeaserLines { marks[index] = true }
            if let after, after - index <= maximumTeaserLines { marks[index] = true }
        }
        return marks
    }
}
