/// Rows of structured article content: a table's rows ("Northfield      820    905    +10.4%"),
/// an event's fields ("Date: Saturday 14 June", "Venue: Riverside Park"), a timeline's dated
/// entries ("1924 – The bridge opens"). Three adjacent lines of one such shape are a block of
/// the article, and a gap that holds one is the article's own for the bridges (like a quantity
/// list), so the sentence under a table stays with the story.
enum StructuredRows {
    /// The fewest adjacent lines of one shape that make a block.
    static let minimumRun = 3
    /// The most words a field or a dated entry has.
    static let maximumWords = 14
    /// The most bytes of a field's label ("Date", "Tickets", "Opening hours").
    static let maximumLabelBytes = 24

    enum Shape: Equatable {
        case tableRow
        case field
        case dated
    }

    /// Which lines belong to a run of at least `minimumRun` adjacent lines of one shape. Fields
    /// of one run name different things ("Date", "Time", "Venue"): a repeated label is a list of
    /// headlines under a column's name ("Ask Slashdot: …", "Ask Slashdot: …"), which ends the run.
    static func members(count: Int, shape: (Int) -> Shape?, label: (Int) -> String? = { _ in nil }) -> [Bool] {
        var members = [Bool](repeating: false, count: count)
        var runStart = 0
        var runShape: Shape?
        var labels: Set<String> = []
        for index in 0...count {
            var current = index < count ? shape(index) : nil
            if current == .field, let name = label(index) {
                if runShape == .field, labels.contains(name) { current = nil }
                labels.insert(name)
            }
            if let current, current == runShape { continue }
            labels.removeAll(keepingCapacity: true)
            if current == .field, let name = label(index) { labels.insert(name) }
            if runShape != nil, index - runStart >= minimumRun {
                for member in runStart..<index { members[member] = true }
            }
            runStart = index
            runShape = current
        }
        return members
    }

    /// The shape of a line (`raw` is its text as the page has it, spaces and all), if it has one.
    static func shape(raw: String, kind: BlockKind, words: Int) -> Shape? {
        if kind == .tableRow { return .tableRow }
        guard words >= 2 else { return nil }
        let bytes = Array(raw.utf8.drop { $0 == 0x20 || $0 == 0x09 })
        if isAlignedColumns(bytes) { return .tableRow }
        guard words <= maximumWords else { return nil }
        if isDated(bytes) { return .dated }
        if isField(bytes) { return .field }
        return nil
    }

    /// Columns a text browser aligned with spaces: two gaps of two spaces or more between
    /// text, and a digit (a table holds figures; a run of spaced words is a menu).
    static func isAlignedColumns(_ bytes: [UInt8]) -> Bool {
        guard bytes.contains(where: { (0x30...0x39).contains($0) }) else { return false }
        var gaps = 0
        var spaces = 0
        for byte in bytes {
            if byte == 0x20 {
                spaces += 1
            } else {
                if spaces >= 2 { gaps += 1 }
                spaces = 0
            }
        }
        return gaps >= 2
    }

    /// A year and a dash or colon before the entry ("1924 – The bridge opens", "2009: Closed").
    static func isDated(_ bytes: [UInt8]) -> Bool {
        guard bytes.count > 7, bytes[0...3].allSatisfy({ (0x30...0x39).contains($0) }),
            bytes[0] == UInt8(ascii: "1") || bytes[0] == UInt8(ascii: "2")
        else { return false }
        var rest = bytes[4...].drop { $0 == 0x20 }
        // "–" and "—" are E2 80 93 / E2 80 94.
        if rest.starts(with: [0xE2, 0x80, 0x93]) || rest.starts(with: [0xE2, 0x80, 0x94]) {
            rest = rest.dropFirst(3)
        } else if let first = rest.first, first == UInt8(ascii: "-") || first == UInt8(ascii: ":") {
            rest = rest.dropFirst()
        } else {
            return false
        }
        return rest.first == 0x20
    }

    /// The label of a field line, case-folded ("date" for "Date: Saturday 14 June").
    static func label(raw: String) -> String? {
        let bytes = Array(raw.utf8.drop { $0 == 0x20 || $0 == 0x09 })
        guard isField(bytes), let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        return String(decoding: bytes[..<colon], as: UTF8.self).lowercased()
    }

    /// The most words of a field's value: an event's time or place, not a headline ("Paul
    /// Begala: Obama's 2012 win was far more difficult than his historic first").
    static let maximumValueWords = 6

    /// A short label, a colon and a short value ("Date: Saturday 14 June", "Tickets: free").
    static func isField(_ bytes: [UInt8]) -> Bool {
        guard let first = bytes.first, first >= 0x80 || (0x41...0x5A).contains(first) || (0x61...0x7A).contains(first),
            let colon = bytes.prefix(maximumLabelBytes + 1).firstIndex(of: UInt8(ascii: ":")),
            colon > 0, colon + 2 < bytes.count, bytes[colon + 1] == 0x20
        else { return false }
        // The label has at most three words, and the value is no sentence ("The council said:
        // we will decide in May.").
        guard bytes[..<colon].count(where: { $0 == 0x20 }) <= 2, bytes.last != UInt8(ascii: ".") else { return false }
        let value = bytes[(colon + 1)...].split(separator: 0x20)
        return value.count <= maximumValueWords
    }
}
