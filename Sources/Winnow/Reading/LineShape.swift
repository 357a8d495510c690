/// Recognises the markup shape of one trimmed line from its first bytes.
///
/// Works for both renderings scrapers produce: a text browser's dump (`• item`, `[image]`) and
/// markdown (`# Title`, `* [link](url)`, `> quote`, `| cell |`).
enum LineShape {
    static func kind(of line: UnsafeRawBufferPointer) -> BlockKind {
        guard let first = line.first else { return .paragraph }
        switch first {
        case UInt8(ascii: "#"):
            var hashes = 0
            while hashes < line.count, line[hashes] == UInt8(ascii: "#") { hashes += 1 }
            if hashes <= 6, hashes == line.count || line[hashes] == 0x20 || line[hashes] == 0x09 {
                return hashes == line.count ? .separator : .heading
            }
            return isSeparator(line) ? .separator : .paragraph
        case UInt8(ascii: ">"):
            // A quoted address alone (`> http://…`, `>  <http://…>`) is written as the address:
            // a bare URL's line, as it is when the clean text is read again.
            var start = 0
            while start < line.count, line[start] == UInt8(ascii: ">") || line[start] == 0x20 { start += 1 }
            let rest = UnsafeRawBufferPointer(rebasing: line[start...])
            return rest.first.map { $0 == UInt8(ascii: "h") || $0 == UInt8(ascii: "<") } == true && kind(of: rest) == .linkLine
                ? .linkLine : .quote
        case UInt8(ascii: "|"):
            return isTableRule(line) ? .separator : .tableRow
        case UInt8(ascii: "*"), UInt8(ascii: "-"), UInt8(ascii: "+"):
            if isSeparator(line) || isTableRule(line) || isMarksOnly(line) { return .separator }
            if line.count > 1, line[1] == 0x20 || line[1] == 0x09 { return .listItem }
            return .paragraph
        case UInt8(ascii: "="), UInt8(ascii: "_"):
            return isSeparator(line) ? .separator : .paragraph
        case UInt8(ascii: "~"), UInt8(ascii: "`"):
            return isSeparator(line) || isCodeFence(line) ? .separator : .paragraph
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            return isOrderedListItem(line) ? .listItem : (isBareURL(line) ? .linkLine : .paragraph)
        case UInt8(ascii: "["), UInt8(ascii: "!"):
            return isLinkOnly(line) ? .linkLine : .paragraph
        case UInt8(ascii: "h"):
            return isBareURL(line) ? .linkLine : .paragraph
        case UInt8(ascii: "<"):
            // An autolink alone (`<http://…>`) is written as its address: a bare URL's line.
            // (Any scheme's address: `<mailto:…>` is no bare URL.)
            guard Autolink.end(in: line, at: 0) == line.count else { return .paragraph }
            return isBareURL(UnsafeRawBufferPointer(rebasing: line[1..<(line.count - 1)])) ? .linkLine : .paragraph
        case 0xE2:
            if isDrawnRule(line) || isMarksOnly(line) { return .separator }
            if line.count >= 4, line[3] == 0x20 || line[3] == 0x09, BulletGlyph.opensListItem(line[1], line[2]) {
                return .listItem
            }
            return .paragraph
        case 0xC2:
            // · U+00B7 used as a bullet
            if line.count >= 3, line[1] == 0xB7, line[2] == 0x20 { return .listItem }
            return isMarksOnly(line) ? .separator : .paragraph
        case UInt8(ascii: "."), UInt8(ascii: ":"), UInt8(ascii: "/"), 0xEF:
            return isMarksOnly(line) ? .separator : .paragraph
        default:
            return .paragraph
        }
    }

    /// The longest line `isMarksOnly` reads (a longer run of one mark is `isSeparator`'s).
    static let marksOnlyBytes = 64

    /// A line of nothing but dashes (- – — ―), dots (. … ·), colons, slashes, spaces and
    /// invisible characters (zero-width spaces and joiners, the word joiner, a byte-order mark,
    /// a soft hyphen, a no-break space): "-", "—", "…", ": : :", what a template leaves between
    /// the parts of a page. It has no text; like a rule, it parts what is above and below.
    /// Braces and operators are no such marks: a code listing's "}" is the code's.
    static func isMarksOnly(_ line: UnsafeRawBufferPointer) -> Bool {
        guard line.count <= marksOnlyBytes else { return false }
        var index = 0
        var marks = 0
        while index < line.count {
            switch line[index] {
            case 0x20, 0x09:
                index += 1
            case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: ":"), UInt8(ascii: "/"):
                marks += 1
                index += 1
            case 0xC2:
                // U+00A0 no-break space, U+00AD soft hyphen, U+00B7 middle dot.
                guard index + 1 < line.count, line[index + 1] == 0xA0 || line[index + 1] == 0xAD || line[index + 1] == 0xB7
                else { return false }
                marks += 1
                index += 2
            case 0xE2:
                // U+200B–U+200D, U+2013–U+2015 and U+2026 (E2 80 …), U+2060 (E2 81 A0).
                guard index + 2 < line.count else { return false }
                let (second, third) = (line[index + 1], line[index + 2])
                guard second == 0x80 && ((0x8B...0x8D).contains(third) || (0x93...0x95).contains(third) || third == 0xA6)
                    || second == 0x81 && third == 0xA0
                else { return false }
                marks += 1
                index += 3
            case 0xEF:
                // U+FEFF, a byte-order mark inside the text.
                guard index + 2 < line.count, line[index + 1] == 0xBB, line[index + 2] == 0xBF else { return false }
                marks += 1
                index += 3
            default:
                return false
            }
        }
        return marks > 0
    }

    /// `---`, `***`, `* * *`, `=====`, `___`: three or more of one mark and spaces only.
    static func isSeparator(_ line: UnsafeRawBufferPointer) -> Bool {
        guard let mark = line.first else { return false }
        var count = 0
        var index = 0
        while index < line.count {
            let byte = line[index]
            if byte == mark {
                count += 1
            } else if byte == 0xC2, index + 1 < line.count, line[index + 1] == 0xA0 {
                // A no-break space between the marks (`*\u{A0}*\u{A0}*`, a web page's
                // asterism as w3m prints it): read as a space, not as text.
                index += 1
            } else if byte != 0x20 && byte != 0x09 {
                return false
            }
            index += 1
        }
        return count >= 3
    }

    /// A markdown code fence (```` ``` ````, ```` ```swift ````, `~~~ python`): three or more
    /// backticks or tildes, then at most an info string (no backtick in it after backticks).
    /// Like a rule it is no text: the text output leaves it out, `--keep-markdown` keeps it.
    static func isCodeFence(_ line: UnsafeRawBufferPointer) -> Bool {
        guard let mark = line.first, mark == UInt8(ascii: "`") || mark == UInt8(ascii: "~") else { return false }
        var count = 0
        while count < line.count, line[count] == mark { count += 1 }
        guard count >= 3 else { return false }
        return mark == UInt8(ascii: "~") || !line[count...].contains(UInt8(ascii: "`"))
    }

    /// A markdown table's delimiter row (`---|---`, `| :--- | ---: |`) or a row of empty cells
    /// (`| |`): table markup with no text.
    static func isTableRule(_ line: UnsafeRawBufferPointer) -> Bool {
        var pipes = 0
        var dashes = 0
        for byte in line {
            switch byte {
            case UInt8(ascii: "|"): pipes += 1
            case UInt8(ascii: "-"): dashes += 1
            case UInt8(ascii: ":"), 0x20, 0x09: continue
            default: return false
            }
        }
        return pipes >= 1 && (dashes >= 3 || dashes == 0)
    }

    /// A rule drawn with box-drawing characters (U+2500…U+257F: `━━━━`, `────`, `═══`, a
    /// text browser's table borders `┌──┬──┐`) or three or more dashes U+2012…U+2015 (`———`),
    /// with spaces between them and nothing else.
    static func isDrawnRule(_ line: UnsafeRawBufferPointer) -> Bool {
        var index = 0
        var marks = 0
        while index < line.count {
            let byte = line[index]
            if byte == 0x20 || byte == 0x09 {
                index += 1
                continue
            }
            guard byte == 0xE2, index + 2 < line.count else { return false }
            let (second, third) = (line[index + 1], line[index + 2])
            let isBoxDrawing = second == 0x94 || second == 0x95
            let isDash = second == 0x80 && third >= 0x92 && third <= 0x95
            guard isBoxDrawing || isDash else { return false }
            marks += 1
            index += 3
        }
        return marks >= 3
    }

    /// `1. text`, `12) text`, but not a date written day first (`5. Dez 2018`, `20. Mai 2019 um
    /// 13:22`): html2text escapes such a dateline (`5\. Dez 2018`), the clean text writes it
    /// plain, and read again as a list item it was dropped as a menu entry.
    static func isOrderedListItem(_ line: UnsafeRawBufferPointer) -> Bool {
        guard let end = orderedMarkerEnd(line) else { return false }
        return !isDayFirstDate(line, markerEnd: end)
    }

    /// `D. Month YYYY` (the day one or two digits and at most 31, the month a word of 3 to 12
    /// letters with or without a full stop, the year four digits standing alone) from the start
    /// of `line`, whose ordered marker ends at `markerEnd`.
    static func isDayFirstDate(_ line: UnsafeRawBufferPointer, markerEnd: Int) -> Bool {
        guard markerEnd <= 3, line[markerEnd - 1] == UInt8(ascii: ".") else { return false }
        var day = 0
        for index in 0..<(markerEnd - 1) { day = day * 10 + Int(line[index] - 0x30) }
        guard (1...31).contains(day) else { return false }
        // The month: letters (ASCII or any scalar beyond it, "März", "août"), then "." or not.
        var index = markerEnd + 1
        let monthStart = index
        while index < line.count, line[index] >= 0x80 || (line[index] | 0x20) &- 0x61 < 26 { index += 1 }
        guard (3...12).contains(index - monthStart) else { return false }
        if index < line.count, line[index] == UInt8(ascii: ".") { index += 1 }
        guard index < line.count, line[index] == 0x20 else { return false }
        index += 1
        let yearStart = index
        while index < line.count, index - yearStart < 5, line[index] >= 0x30, line[index] <= 0x39 { index += 1 }
        guard index - yearStart == 4 else { return false }
        return index == line.count || !(line[index] >= 0x30 && line[index] <= 0x39) && (line[index] | 0x20) &- 0x61 >= 26
    }

    /// The index of the space after an ordered list's marker that opens `line` (one to three
    /// digits, then `.` or `)`: `1. text`, `12) text`), or nil.
    static func orderedMarkerEnd(_ line: UnsafeRawBufferPointer) -> Int? {
        var index = 0
        while index < line.count, index < 4, line[index] >= 0x30, line[index] <= 0x39 { index += 1 }
        guard index > 0, index < 4, index + 1 < line.count else { return nil }
        let mark = line[index]
        return (mark == UInt8(ascii: ".") || mark == UInt8(ascii: ")")) && line[index + 1] == 0x20 ? index + 1 : nil
    }

    /// `http://…` or `https://…` with no space.
    static func isBareURL(_ line: UnsafeRawBufferPointer) -> Bool {
        // `http` compared byte by byte: an array of it was made for every line read.
        guard line.count > 8, line[0] == UInt8(ascii: "h"), line[1] == UInt8(ascii: "t"), line[2] == UInt8(ascii: "t"),
            line[3] == UInt8(ascii: "p")
        else { return false }
        return !line.contains(0x20) && line.contains(UInt8(ascii: ":"))
    }

    /// A line made of markdown links and images only (`[a](x) | [b](y)`).
    static func isLinkOnly(_ line: UnsafeRawBufferPointer) -> Bool {
        // Every markdown link has `](`; a text browser's `[image]` or `[1]` has none, and is
        // not parsed at all.
        guard hasLinkMiddle(line) else { return false }
        // `InlineMarkup.strippingLinks`' walk, stopping at the first byte it would leave that
        // is not a separator (most lines with links have words too, early on).
        let walk = InlineMarkup.walkResidue(of: line) { isLinkSeparator($0) }
        return walk.finished && walk.links > 0
    }

    /// What may stand between the links of a link-only line: spaces, `|`, `,`, `-` and `·`.
    private static func isLinkSeparator(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == UInt8(ascii: "|") || byte == UInt8(ascii: ",") || byte == UInt8(ascii: "-")
            || byte == 0xC2 || byte == 0xB7
    }

    /// Whether `](` occurs in `line`.
    static func hasLinkMiddle(_ line: UnsafeRawBufferPointer) -> Bool {
        var index = 0
        while index + 1 < line.count {
            if line[index] == UInt8(ascii: "]") && line[index + 1] == UInt8(ascii: "(") { return true }
            index += 1
        }
        return false
    }
}
