/// The entries of a list numbered in order: "1. Copying", "2. Comparing", "3. Compiling".
///
/// A menu's entries are not counted. A list whose numbers go up one by one, for three entries
/// or more on consecutive lines, is the article's own (steps, a ranking, a listicle's points),
/// however short its entries. In markdown that shows its links, such a list was kept because
/// its entries have no link (`MenuItemHeuristic`); a cleaned copy shows no links, and its
/// count is what still tells it from a menu.
enum CountedList {
    /// The fewest entries of a counted list.
    static let minimumEntries = 3

    /// Which lines are entries of a counted list. `number` reads the number a line opens with
    /// (`leadingNumber`), nil for a line that is not a numbered entry.
    ///
    /// An entry may have one line of detail under it (`isDetail`: "1. 2012 Honda Crosstour",
    /// "0.9% APR for 24-60 months", "2. 2012 Honda Odyssey", …), which belongs to the list.
    /// Markdown writes that line as a nested item; the clean text writes it plain, and the list
    /// it had kept together fell apart, cleaned again, into entries of a menu's shape.
    static func entries(count: Int, number: (Int) -> Int?, isDetail: (Int) -> Bool = { _ in false }) -> [Bool] {
        var entries = [Bool](repeating: false, count: count)
        var run: [Int] = []
        func close() {
            defer { run.removeAll(keepingCapacity: true) }
            guard run.count >= minimumEntries, let first = run.first, let last = run.last else { return }
            for index in first...last { entries[index] = true }
            // Each entry with its detail line: so has the last, when there is one.
            if last - first == 2 * (run.count - 1), last + 1 < count, isDetail(last + 1) { entries[last + 1] = true }
        }
        for index in 0..<count {
            guard let current = number(index) else {
                // A line that is neither an entry nor an entry's detail ends the list.
                if let last = run.last, index - last > 1 || !isDetail(index) { close() }
                continue
            }
            if let last = run.last, let previous = number(last), current == previous + 1 {
                run.append(index)
            } else {
                close()
                run = [index]
            }
        }
        close()
        return entries
    }

    /// Whether `text` ends in an ellipsis ("…", "...", "[…]", "[...]"): an excerpt cut short,
    /// as a widget prints under each title, and no entry's detail.
    static func endsCutShort(_ text: String) -> Bool {
        var end = text.endIndex
        while end > text.startIndex, text[text.index(before: end)] == " " { end = text.index(before: end) }
        let trimmed = text[..<end]
        return ["…", "...", "…]", "...]"].contains { trimmed.hasSuffix($0) }
    }

    /// The most lines between two numbered subheadings of a listicle ("1. Ride tram 28 early",
    /// a paragraph or two, "2. Eat at a tasca", …).
    static let maximumLinesBetweenSubheadings = 12

    /// Which lines are numbered subheadings: entries numbered one by one (at least
    /// `minimumEntries`), each followed by prose before the next (`isProse`), with no other
    /// numbered line between them. A listicle's points and a how-to's steps are written so;
    /// a menu's or a widget's entries follow each other, and "1. … 2. … 3." with a sentence
    /// under each is the article talking. `number` reads the number a line opens with
    /// (`leadingNumber`), nil for a line that is not a numbered entry.
    static func subheadings(count: Int, number: (Int) -> Int?, isProse: (Int) -> Bool) -> [Bool] {
        var entries = [Bool](repeating: false, count: count)
        var run: [Int] = []
        var sawProse = false
        func close() {
            if run.count >= minimumEntries { for index in run { entries[index] = true } }
            run.removeAll(keepingCapacity: true)
        }
        for index in 0..<count {
            if let current = number(index) {
                if let last = run.last, sawProse, current == (number(last) ?? 0) + 1, index - last - 1 <= maximumLinesBetweenSubheadings {
                    run.append(index)
                } else {
                    close()
                    run = [index]
                }
                sawProse = false
            } else if !run.isEmpty {
                if isProse(index) { sawProse = true }
                if let last = run.last, index - last > maximumLinesBetweenSubheadings {
                    // The last entry's prose ends its run too: it needs no more entries after it.
                    close()
                }
            }
        }
        close()
        return entries
    }

    /// The number a line opens with when it is a numbered entry: one to three digits, then
    /// `.` or `)`, a space and a letter ("12. Become a mentor", "2) How do you …") or a number
    /// with words after it ("1. 2012 Honda Crosstour"); a mark
    /// after the space (`1. [photo]`, `3. * x`) is no entry's text.
    static func leadingNumber(_ text: String) -> Int? {
        var value = 0
        var digits = 0
        var bytes = text.utf8.makeIterator()
        while let byte = bytes.next() {
            if (0x30...0x39).contains(byte) {
                guard digits < 3 else { return nil }
                value = value * 10 + Int(byte - 0x30)
                digits += 1
                continue
            }
            guard digits > 0, byte == UInt8(ascii: ".") || byte == UInt8(ascii: ")"), bytes.next() == 0x20,
                let first = bytes.next(), isLetterStart(first) || isDigitThenLetters(first, &bytes)
            else { return nil }
            return value
        }
        return nil
    }

    /// A number opening the entry's text ("1. 2012 Honda Crosstour", "2. 3D printing"): a digit
    /// whose word (the digits after it) is followed by a letter or by a space and a letter.
    private static func isDigitThenLetters(_ first: UInt8, _ bytes: inout String.UTF8View.Iterator) -> Bool {
        guard (0x30...0x39).contains(first) else { return false }
        while let byte = bytes.next() {
            if (0x30...0x39).contains(byte) { continue }
            if byte == 0x20, let next = bytes.next() { return isLetterStart(next) }
            return isLetterStart(byte)
        }
        return false
    }

    /// An ASCII letter, or the first byte of a character beyond ASCII (letters of other
    /// scripts, opening quotes).
    private static func isLetterStart(_ byte: UInt8) -> Bool {
        byte >= 0xC0 || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }
}
