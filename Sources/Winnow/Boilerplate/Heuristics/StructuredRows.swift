/// Rows of structured article content: a table's rows ("Northfield      820    905    +10.4%"),
/// an event's fields ("Date: Saturday 14 June", "Venue: Riverside Park"), a timeline's dated
/// entries ("1924 – The bridge opens"), results ("Arsenal 1-2 Brentford"). Three adjacent lines
/// of one such shape are a block of the article, and a gap that holds one is the article's own
/// for the bridges (like a quantity list), so the sentence under a table stays with the story.
enum StructuredRows {
    /// The fewest adjacent lines of one shape that make a block.
    static let minimumRun = 3
    /// The most words a field or a dated entry has.
    static let maximumWords = 14
    /// The most words a table row has.
    static let maximumRowWords = 24
    /// The most bytes of a field's label ("Date", "Tickets", "Opening hours").
    static let maximumLabelBytes = 24

    enum Shape: UInt8 {
        case tableRow = 2
        case field
        case dated
        /// A short line holding a pair of numbers: a result ("Arsenal 1-2 Brentford"), a
        /// schedule's hours ("Monday 9:00–17:00").
        case result
    }

    /// Membership of lines in structured blocks, worked out only for the lines asked about: the
    /// bridges ask about the lines of a gap, a few per page, and reading every line of every
    /// page for its shape cost a few per cent of a run. A line belongs when it and two
    /// neighbours (before, around or after it) share a shape, fields among them with different
    /// labels.
    final class Lazy {
        private let shape: (Int) -> Shape?
        private let label: (Int) -> String?
        /// 0: not read yet; 1: no shape; a shape's raw value otherwise.
        private var known: [UInt8]

        init(count: Int, shape: @escaping (Int) -> Shape?, label: @escaping (Int) -> String?) {
            self.shape = shape
            self.label = label
            known = [UInt8](repeating: 0, count: count)
        }

        private func shape(at index: Int) -> Shape? {
            guard known.indices.contains(index) else { return nil }
            if known[index] == 0 { known[index] = shape(index)?.rawValue ?? 1 }
            return Shape(rawValue: known[index])
        }

        func contains(_ index: Int) -> Bool {
            guard let own = shape(at: index) else { return false }
            // A table's rows may come in groups under a label of their own ("ca. 4 bis 12
            // Jahre" over the seats for those ages): one line between two rows keeps the run.
            if own == .tableRow {
                var rows = 1
                for step in [-1, 1] {
                    var at = index + step
                    while rows < minimumRun {
                        if shape(at: at) == .tableRow {
                            rows += 1
                        } else if shape(at: at + step) == .tableRow {
                            at += step
                            rows += 1
                        } else {
                            break
                        }
                        at += step
                    }
                }
                return rows >= minimumRun
            }
            for first in (index - minimumRun + 1)...index {
                let run = first..<(first + minimumRun)
                guard run.allSatisfy({ shape(at: $0) == own }) else { continue }
                if own != .field { return true }
                let labels = run.compactMap { label($0) }
                if Set(labels).count == labels.count { return true }
            }
            return false
        }
    }

    /// The shape of a line (`raw` is its text as the page has it, spaces and all), if it has one.
    static func shape(raw: String, kind: BlockKind, words: Int) -> Shape? {
        var raw = raw
        return raw.withUTF8 { shape(bytes: UnsafeRawBufferPointer($0), kind: kind, words: words) }
    }

    /// `shape(raw:kind:words:)` of a line's UTF-8, read in place.
    static func shape(bytes raw: UnsafeRawBufferPointer, kind: BlockKind, words: Int) -> Shape? {
        if kind == .tableRow { return .tableRow }
        // A markdown table's delimiter row (`| --- | --- |`) sits between its header and its
        // rows: it is one of the table's rows, not a break in them.
        if kind == .separator { return raw.first { $0 != 0x20 && $0 != 0x09 } == UInt8(ascii: "|") ? .tableRow : nil }
        // A row is short: prose lines (most of a page's bytes) are not read at all.
        guard words >= 2, words <= maximumRowWords else { return nil }
        let bytes = raw[(raw.firstIndex { $0 != 0x20 && $0 != 0x09 } ?? raw.endIndex)...]
        if isAlignedColumns(bytes) { return .tableRow }
        guard words <= maximumWords else { return nil }
        if isDated(bytes) { return .dated }
        if fieldColon(bytes) != nil { return .field }
        if words <= maximumResultWords, holdsNumberPair(bytes) { return .result }
        return nil
    }

    /// Columns a text browser aligned with spaces: two gaps of two spaces or more between
    /// text, and a digit (a table holds figures; a run of spaced words is a menu).
    static func isAlignedColumns(_ bytes: Slice<UnsafeRawBufferPointer>) -> Bool {
        var gaps = 0
        var spaces = 0
        var digit = false
        for byte in bytes {
            if byte == 0x20 {
                spaces += 1
            } else {
                if spaces >= 2 { gaps += 1 }
                spaces = 0
                if (0x30...0x39).contains(byte) { digit = true }
                if gaps >= 2 && digit { return true }
            }
        }
        return false
    }

    /// The most words of a result line.
    static let maximumResultWords = 8

    /// Whether digits, a dash, colon or en dash (spaces around it or not) and digits stand in
    /// the text: "1-2", "0 – 0", "9:00–17:00".
    static func holdsNumberPair(_ bytes: Slice<UnsafeRawBufferPointer>) -> Bool {
        var index = bytes.startIndex
        let end = bytes.endIndex
        func isDigit(_ i: Int) -> Bool { i < end && (0x30...0x39).contains(bytes[i]) }
        while index < end {
            guard isDigit(index) else {
                index += 1
                continue
            }
            while isDigit(index) { index += 1 }
            var next = index
            while next < end, bytes[next] == 0x20 { next += 1 }
            if next < end, bytes[next] == UInt8(ascii: "-") || bytes[next] == UInt8(ascii: ":") {
                next += 1
            } else if next + 2 < end, bytes[next] == 0xE2, bytes[next + 1] == 0x80, bytes[next + 2] == 0x93 {
                next += 3
            } else {
                continue
            }
            while next < end, bytes[next] == 0x20 { next += 1 }
            if isDigit(next) { return true }
        }
        return false
    }

    /// A year and a dash or colon before the entry ("1924 – The bridge opens", "2009: Closed").
    static func isDated(_ bytes: Slice<UnsafeRawBufferPointer>) -> Bool {
        let start = bytes.startIndex
        guard bytes.count > 7, bytes[start..<start + 4].allSatisfy({ (0x30...0x39).contains($0) }),
            bytes[start] == UInt8(ascii: "1") || bytes[start] == UInt8(ascii: "2")
        else { return false }
        var rest = bytes[(start + 4)...].drop { $0 == 0x20 }
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
        var raw = raw
        return raw.withUTF8 { label(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// `label(raw:)` of a line's UTF-8, read in place.
    static func label(bytes raw: UnsafeRawBufferPointer) -> String? {
        let bytes = raw[(raw.firstIndex { $0 != 0x20 && $0 != 0x09 } ?? raw.endIndex)...]
        guard let colon = fieldColon(bytes) else { return nil }
        return String(decoding: bytes[..<colon], as: UTF8.self).lowercased()
    }

    /// The most words of a field's value: an event's time or place, not a headline ("Paul
    /// Begala: Obama's 2012 win was far more difficult than his historic first").
    static let maximumValueWords = 6

    /// Where the colon of a field stands: a short label, a colon and a short value ("Date:
    /// Saturday 14 June", "Tickets: free"); nil for a line that is no field.
    static func fieldColon(_ bytes: Slice<UnsafeRawBufferPointer>) -> Int? {
        guard let first = bytes.first, first >= 0x80 || (0x41...0x5A).contains(first) || (0x61...0x7A).contains(first),
            let colon = bytes.prefix(maximumLabelBytes + 1).firstIndex(of: UInt8(ascii: ":")),
            colon > bytes.startIndex, colon + 2 < bytes.endIndex, bytes[colon + 1] == 0x20
        else { return nil }
        // The label has at most three words, and the value is no sentence ("The council said:
        // we will decide in May.").
        guard bytes[..<colon].count(where: { $0 == 0x20 }) <= 2, bytes.last != UInt8(ascii: ".") else { return nil }
        return bytes[(colon + 1)...].split(separator: 0x20).count <= maximumValueWords ? colon : nil
    }
}
