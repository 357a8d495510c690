import CTextScan

/// Markdown inline syntax, as html2text and similar converters write it.
///
/// The text writer shows the article as plain lines: heading and list markers go, links keep
/// their text, images vanish, emphasis and code ticks are removed. Heuristics use the same
/// parser to measure how much of a line is links.
public enum InlineMarkup {
    /// The visible text of a markdown line: `## [Title](u) *now*` → `Title now`.
    public static func plainText(_ line: String) -> String {
        // The visible text is never longer than the line (rendering drops bytes, collapsing
        // shortens runs): one allocation, not one per doubling as the bytes are appended.
        var out: [UInt8] = []
        out.reserveCapacity(line.utf8.count)
        appendPlainText(line, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The line as the text writer writes it (`TextRenderer.settle`): rendered again until that
    /// changes nothing and trimmed, so `* #### Share` is `Share`, not `#### Share`. Stages judge
    /// this text: a rule that would drop the line in the clean output drops it here, so cleaning
    /// the clean text again finds nothing new.
    public static func writtenText(_ line: String) -> String {
        var line = line
        return line.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            appendWrittenText(UTF8Bytes: UnsafeRawBufferPointer(bytes), to: &out)
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// `writtenText` of a line given as UTF-8 bytes, appended to `out`.
    static func appendWrittenText(UTF8Bytes raw: UnsafeRawBufferPointer, to out: inout [UInt8]) {
        let start = out.count
        appendPlainText(UTF8Bytes: raw, to: &out)
        TextRenderer.settle(&out, from: start)
    }

    /// Appends the visible text of a markdown line to `out` as UTF-8.
    public static func appendPlainText(_ line: String, to out: inout [UInt8]) {
        var line = line
        line.withUTF8 { appendPlainText(UTF8Bytes: UnsafeRawBufferPointer($0), to: &out) }
    }

    /// `appendPlainText(_:to:)` of a line given as UTF-8 bytes (the profile pass works on
    /// bytes and must see exactly what the text path sees).
    public static func appendPlainText(UTF8Bytes raw: UnsafeRawBufferPointer, to out: inout [UInt8]) {
        let body = UnsafeRawBufferPointer(rebasing: strippingBlockMarkers(raw))
        // The tail of a wrapped link (`](url) rest`) goes to the parser whatever it holds.
        if body.first != UInt8(ascii: "]") {
            let found = markupScan(body)
            // The end of a link opened on an earlier line (`Title](url)`) has no markup byte of
            // its own: asked only of lines that the scan would let through.
            let plain = !found.markup && !endsWithDanglingLink(body)
            // Most lines of a text rendering carry no inline markup at all: copy them as they are.
            if plain && !found.blankRun {
                out.append(contentsOf: body)
                return
            }
            // Only tabs or doubled spaces (text browsers align columns with them): nothing to
            // parse, the spaces are collapsed straight from the line.
            if plain {
                if isOnlyStrayEmphasis(body) { return }
                appendCollapsingSpaces(body, to: &out)
                return
            }
        }
        // The opening bracket of a link whose text spans lines, alone on its line.
        if isLoneLinkOpener(body) { return }
        // Rendered straight into `out`, then judged and collapsed where it lies: rendering
        // only drops bytes and collapsing only shortens runs, so no second buffer is needed.
        let start = out.count
        // A line can be both a link's tail and another's end (`](a) text](b)`).
        let visibleStart = danglingLinkTail(body)
        let visibleEnd = max(visibleStart, danglingLinkHead(body))
        renderInline(UnsafeRawBufferPointer(rebasing: body[visibleStart..<visibleEnd]), into: &out)
        // Not text: stray emphasis marks on a line of their own (`**_`, `~~__`), the borders
        // of a table row whose cells were images (`| |`), the bracket left of a link opened
        // around an image (`[![](a.jpg)`, its `](url)` on the next line).
        let isNoText = out.withUnsafeBytes { whole in
            let rendered = UnsafeRawBufferPointer(rebasing: whole[start...])
            return isOnlyStrayEmphasis(rendered) || isOnlyCellBorders(rendered) || isLoneLinkOpener(rendered)
        }
        if isNoText {
            out.removeSubrange(start...)
            return
        }
        collapseSpacesInPlace(&out, from: start)
    }

    /// What `appendPlainText` must know of a line in one pass: whether it has a byte that may
    /// start inline markup (`\\ [ ` * _`), and whether it has a tab or a double space.
    /// Stops at the first markup byte (the blank runs no longer matter then).
    static func markupScan(_ bytes: UnsafeRawBufferPointer) -> (markup: Bool, blankRun: Bool) {
        typealias Vector = SWAR.Vector
        let count = bytes.count
        var blank = false
        var index = 0
        let space = Vector(repeating: 0x20)
        while index + 17 <= count {
            let vector = bytes.loadUnaligned(fromByteOffset: index, as: Vector.self)
            let marks = (vector .== Vector(repeating: 0x5C)) .| (vector .== Vector(repeating: 0x5B))
                .| (vector .== Vector(repeating: 0x60)) .| (vector .== Vector(repeating: 0x2A))
                .| (vector .== Vector(repeating: 0x5F)) .| (vector .== Vector(repeating: 0x3C))
            if SWAR.isAnySet(marks) { return (true, true) }
            if !blank {
                let next = bytes.loadUnaligned(fromByteOffset: index + 1, as: Vector.self)
                blank = SWAR.isAnySet((vector .== Vector(repeating: 0x09)) .| ((vector .== space) .& (next .== space)))
            }
            index += 16
        }
        while index < count {
            switch bytes[index] {
            case 0x5C, 0x5B, 0x60, 0x2A, 0x5F, 0x3C: return (true, true)
            case 0x09: blank = true
            case 0x20: if index + 1 < count && bytes[index + 1] == 0x20 { blank = true }
            default: break
            }
            index += 1
        }
        return (false, blank)
    }

    /// Whether a line (block markers already stripped) renders as itself: no inline markup and
    /// not the tail of a wrapped link (`](url) rest`).
    static func rendersUnchanged(_ body: UnsafeRawBufferPointer) -> Bool {
        !mayHaveInlineMarkup(body) && body.first != UInt8(ascii: "]") && !endsWithDanglingLink(body)
    }

    /// False when the line has none of `\\ [ ` * _`, no tab and no double space: nothing to render.
    /// Checks eight bytes at a time, since this runs on every kept line.
    static func mayHaveInlineMarkup(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let hasByte = SWAR.hasByte
        var index = 0
        let count = bytes.count
        while index + 17 <= count {
            let vector = bytes.loadUnaligned(fromByteOffset: index, as: SWAR.Vector.self)
            let next = bytes.loadUnaligned(fromByteOffset: index + 1, as: SWAR.Vector.self)
            let space = SWAR.Vector(repeating: 0x20)
            let marks = (vector .== SWAR.Vector(repeating: 0x5C)) .| (vector .== SWAR.Vector(repeating: 0x5B))
                .| (vector .== SWAR.Vector(repeating: 0x60)) .| (vector .== SWAR.Vector(repeating: 0x2A))
                .| (vector .== SWAR.Vector(repeating: 0x5F)) .| (vector .== SWAR.Vector(repeating: 0x09))
                .| (vector .== SWAR.Vector(repeating: 0x3C)) .| ((vector .== space) .& (next .== space))
            if SWAR.isAnySet(marks) { return true }
            index += 16
        }
        while index + 9 <= count {
            let word = bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            if hasByte(word, 0x5C) || hasByte(word, 0x5B) || hasByte(word, 0x60) || hasByte(word, 0x2A)
                || hasByte(word, 0x5F) || hasByte(word, 0x09) || hasByte(word, 0x3C)
            {
                return true
            }
            // Double spaces: a space followed by a space, also across the word boundary.
            let next = bytes.loadUnaligned(fromByteOffset: index + 1, as: UInt64.self)
            let both = ~(word ^ 0x2020_2020_2020_2020) & ~(next ^ 0x2020_2020_2020_2020)
            let allSet = both & (both >> 1) & (both >> 2) & (both >> 3) & (both >> 4) & (both >> 5) & (both >> 6)
                & (both >> 7) & 0x0101_0101_0101_0101
            if allSet != 0 { return true }
            index += 8
        }
        var previousWasSpace = index > 0 && bytes[index - 1] == 0x20
        while index < count {
            let byte = bytes[index]
            switch byte {
            case 0x5C, 0x5B, 0x60, 0x2A, 0x5F, 0x09, 0x3C: return true
            case 0x20: if previousWasSpace { return true }
            default: break
            }
            previousWasSpace = byte == 0x20
            index += 1
        }
        return false
    }

    /// How much of a line's visible text sits inside links, and how many links it has.
    public struct LinkStats: Sendable, Hashable {
        /// Links and images on the line.
        public var links: Int
        /// Visible non-space bytes inside link texts.
        public var linkedBytes: Int
        /// All visible non-space bytes.
        public var visibleBytes: Int
        /// The line ends a link opened on an earlier line (`](url)` at its start or end).
        var endsWrappedLink = false

        /// Share of the visible text that is link text (0 when there is no text).
        public var density: Double { visibleBytes == 0 ? (links > 0 ? 1 : 0) : Double(linkedBytes) / Double(visibleBytes) }
    }

    /// Link statistics of a markdown line.
    public static func linkStats(_ line: String) -> LinkStats {
        var line = line
        return line.withUTF8 { linkStats(utf8: UnsafeRawBufferPointer($0)) }
    }

    /// `linkStats(_:)` of a line given as its UTF-8 bytes (a block's shared bytes: the feature
    /// pass made a string of every linked line only to read its bytes).
    static func linkStats(utf8 raw: UnsafeRawBufferPointer) -> LinkStats {
        var out: [UInt8] = []
        return linkStats(utf8: raw, scratch: &out)
    }

    /// `linkStats(utf8:)` rendering into the caller's `scratch` (emptied first), so a caller
    /// with many lines makes no array per line.
    static func linkStats(utf8 raw: UnsafeRawBufferPointer, scratch out: inout [UInt8]) -> LinkStats {
        let body = UnsafeRawBufferPointer(rebasing: strippingBlockMarkers(raw))
        var stats = LinkStats(links: 0, linkedBytes: 0, visibleBytes: 0)
        out.removeAll(keepingCapacity: true)
        // The same visible span as `appendPlainText`: a wrapped link's `](url)` at either end
        // is markup, not text.
        let visibleStart = danglingLinkTail(body)
        let visibleEnd = max(visibleStart, danglingLinkHead(body))
        renderInline(UnsafeRawBufferPointer(rebasing: body[visibleStart..<visibleEnd]), into: &out, stats: &stats, insideLink: false)
        stats.visibleBytes = out.lazy.filter { $0 != 0x20 && $0 != 0x09 }.count
        stats.endsWrappedLink = visibleStart > 0 || visibleEnd < body.count
        if visibleEnd < body.count {
            // Text that ends a link opened on an earlier line is that link's text: a teaser
            // card's blurb (`Blurb of the story.](https://…)`, a blank line under its
            // `["Title`) is link text, not prose.
            stats.links += 1
            stats.linkedBytes = stats.visibleBytes
        }
        return stats
    }

    /// The line with every link and image removed (text included), and how many there were.
    static func strippingLinks(_ line: UnsafeRawBufferPointer) -> (residue: [UInt8], links: Int) {
        var residue: [UInt8] = []
        residue.reserveCapacity(line.count)  // at most the line: one allocation
        let links = forEachResidueByte(of: line) { residue.append($0) }
        return (residue, links)
    }

    /// Calls `body` with each byte of `strippingLinks(line).residue`, in order, and returns the
    /// links: for a caller that only reads the residue once, no array is made.
    @inline(__always)
    static func forEachResidueByte(of line: UnsafeRawBufferPointer, _ body: (UInt8) -> Void) -> Int {
        walkResidue(of: line) { byte in
            body(byte)
            return true
        }.links
    }

    /// The walk of `forEachResidueByte`, stopping at the first residue byte for which `body`
    /// returns false: the links read so far, and whether the walk reached the line's end.
    ///
    /// One walk for the residue and for `LineShape.isLinkOnly` (which stops at the first word),
    /// so that what counts as a link (`[text](target)`, `![alt](src)`) is written once.
    @inline(__always)
    static func walkResidue(
        of line: UnsafeRawBufferPointer, _ body: (UInt8) -> Bool
    ) -> (links: Int, finished: Bool) {
        var links = 0
        var parser = LinkParseMemo()
        var index = 0
        while index < line.count {
            let byte = line[index]
            if byte == UInt8(ascii: "!"), index + 1 < line.count, line[index + 1] == UInt8(ascii: "["),
                let link = parser.parseLink(line, at: index + 1)
            {
                links += 1
                index = link.end
            } else if byte == UInt8(ascii: "["), let link = parser.parseLink(line, at: index) {
                links += 1
                index = link.end
            } else {
                guard body(byte) else { return (links, false) }
                index += 1
            }
        }
        return (links, true)
    }

    /// Where the visible text starts on a line that begins with the end of a link opened on an
    /// earlier line: converters wrap long link texts, leaving `](https://… "title") rest` on
    /// the next line. Returns 0 when the line does not start that way.
    static func danglingLinkTail(_ line: UnsafeRawBufferPointer) -> Int {
        // Images first (`![](a.jpg)](url)`): the link's text was an image on the line.
        var start = 0
        while start + 1 < line.count, line[start] == UInt8(ascii: "!"), line[start + 1] == UInt8(ascii: "["),
            let image = parseLink(line, at: start + 1)
        {
            start = image.end
            while start < line.count, line[start] == 0x20 { start += 1 }
        }
        guard start > 0 else { return destinationEnd(line) }
        let tail = destinationEnd(UnsafeRawBufferPointer(rebasing: line[start...]))
        return tail > 0 ? start + tail : 0
    }

    /// Whether `line` ends with the end of a link opened on an earlier line (`Title](url)`):
    /// then its visible text stops before the `]` (`danglingLinkHead`).
    @inline(__always)
    static func endsWithDanglingLink(_ line: UnsafeRawBufferPointer) -> Bool {
        line.last == UInt8(ascii: ")") && danglingLinkHead(line) < line.count
    }

    /// Where the visible text ends on a line that ends with the end of a link opened on an
    /// earlier line: converters that keep the source's line breaks (markdownify) leave a card's
    /// `[![](img.jpg)` on one line and `Title](https://…)` a blank line later, and the URL's
    /// slug read as words made the card prose. Returns the index of that `]` when no `[` before
    /// it on the line is open, else `line.count`.
    static func danglingLinkHead(_ line: UnsafeRawBufferPointer) -> Int {
        guard line.count > 3, line[line.count - 1] == UInt8(ascii: ")") else { return line.count }
        // The `(` that opens the final destination: back over balanced parentheses.
        var depth = 0
        var index = line.count - 1
        while index > 0 {
            if line[index] == UInt8(ascii: ")") {
                depth += 1
            } else if line[index] == UInt8(ascii: "(") {
                depth -= 1
                if depth == 0 { break }
            }
            index -= 1
        }
        guard depth == 0, index > 0, line[index - 1] == UInt8(ascii: "]") else { return line.count }
        let bracket = index - 1
        // A `[` still open before it (`[text](url)`, `[![](a.jpg)](url)`) makes it a whole link.
        // Read backward from the bracket: a `[` that no later `]` closes is the same one a
        // forward count leaves open, and a whole link's `[` is found after its text alone.
        var closed = 0
        var position = bracket - 1
        while position >= 0 {
            if line[position] == UInt8(ascii: "]") {
                closed += 1
            } else if line[position] == UInt8(ascii: "[") {
                if closed == 0 { return line.count }
                closed -= 1
            }
            position -= 1
        }
        return bracket
    }

    /// The index after `](url "title")` at the start of `line`, or 0.
    private static func destinationEnd(_ line: UnsafeRawBufferPointer) -> Int {
        guard line.count > 2, line[0] == UInt8(ascii: "]"), line[1] == UInt8(ascii: "(") else { return 0 }
        var depth = 0
        var inTitle = false
        var index = 1
        while index < line.count {
            let byte = line[index]
            if byte == UInt8(ascii: "\"") {
                inTitle.toggle()
            } else if !inTitle && byte == UInt8(ascii: "(") {
                depth += 1
            } else if !inTitle && byte == UInt8(ascii: ")") {
                depth -= 1
                if depth == 0 { return index + 1 }
            }
            index += 1
        }
        return 0
    }

    // MARK: - Block markers

    /// Drops leading quote, heading and bullet markers and a heading's closing hashes.
    /// Ordered-list numbers stay: they are part of the content (`1. Mix the flour`).
    static func strippingBlockMarkers(_ line: UnsafeRawBufferPointer) -> Slice<UnsafeRawBufferPointer> {
        var start = 0
        var end = line.count
        func skipSpaces() { while start < end, line[start] == 0x20 || line[start] == 0x09 { start += 1 } }
        skipSpaces()
        while start < end, line[start] == UInt8(ascii: ">") {
            start += 1
            skipSpaces()
        }
        func skipHeadingMarker() {
            var hashes = start
            while hashes < end, line[hashes] == UInt8(ascii: "#") { hashes += 1 }
            if hashes - start <= 6, hashes == end || line[hashes] == 0x20 {
                start = hashes
                skipSpaces()
                // Closing sequence: `## Title ##`.
                var tail = end
                while tail > start, line[tail - 1] == 0x20 { tail -= 1 }
                var closing = tail
                while closing > start, line[closing - 1] == UInt8(ascii: "#") { closing -= 1 }
                if closing < tail, closing == start || line[closing - 1] == 0x20 { end = closing }
            }
        }
        // An ordered item whose text is a bullet list (html2text's `1.      * x`): the number
        // labels an outer item with no text of its own, and the inner item is the line's text.
        if let inner = bulletAfterOrderedMarker(line, from: start, to: end) { start = inner }
        if start < end, line[start] == UInt8(ascii: "#") {
            skipHeadingMarker()
        } else if start + 1 < end {
            let byte = line[start]
            if (byte == UInt8(ascii: "*") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+"))
                && line[start + 1] == 0x20
            {
                start += 2
                skipSpaces()
            } else if byte == 0xE2, start + 3 < end, line[start + 1] == 0x80, line[start + 2] == 0xA2,
                line[start + 3] == 0x20
            {
                start += 4  // •
                skipSpaces()
            } else if byte == 0xC2, start + 2 < end, line[start + 1] == 0xB7, line[start + 2] == 0x20 {
                start += 3  // ·
                skipSpaces()
            } else if byte == 0xE2, start + 3 < end, BulletGlyph.isItemGlyph(line[start + 1], line[start + 2]) {
                // A glyph a text browser or a template puts before an item (`► More`, `□ Jump to
                // comments`, `♥If you liked this`): followed by a space or a word, not by more
                // glyphs (`★★★★☆` is a rating).
                let next = line[start + 3]
                if next == 0x20 || next == 0x09 || (next | 0x20) >= 0x61 && (next | 0x20) <= 0x7A || next >= 0x30 && next <= 0x39 {
                    start += 3
                    skipSpaces()
                }
            }
            // html2text writes a heading inside a list item as `* ### Title`.
            if start < end, line[start] == UInt8(ascii: "#") { skipHeadingMarker() }
        }
        // pandoc writes an image without alt text as `[]`: before a line's text (`[] Link
        // Copied!`, `[] [] Share`, a button's icon glued to its label: `[]Save`) it is no text.
        while start + 2 < end, line[start] == UInt8(ascii: "["), line[start + 1] == UInt8(ascii: "]"),
            line[start + 2] == 0x20 || isLetterOrNonASCII(line[start + 2])
                || line[start + 2] >= UInt8(ascii: "0") && line[start + 2] <= UInt8(ascii: "9")
        {
            start += line[start + 2] == 0x20 ? 3 : 2
            skipSpaces()
        }
        while end > start, line[end - 1] == 0x20 { end -= 1 }
        // An item marker with nothing after it (`•` alone: the item's text was an image or a
        // form control) is no text.
        if isLoneItemMarker(UnsafeRawBufferPointer(rebasing: line[start..<end])) { return line[end..<end] }
        return line[start..<end]
    }

    /// Where the bullet marker starts in `1. * text` / `12)   - text` (an ordered marker, blanks,
    /// then `*`, `-` or `+` and a space), or nil.
    static func bulletAfterOrderedMarker(_ line: UnsafeRawBufferPointer, from start: Int, to end: Int) -> Int? {
        guard let marker = LineShape.orderedMarkerEnd(UnsafeRawBufferPointer(rebasing: line[start..<end])) else { return nil }
        let gap = start + marker
        var index = gap
        while index < end, line[index] == 0x20 { index += 1 }
        guard index + 1 < end, line[index + 1] == 0x20 else { return nil }
        // `-` and `+` only after a wider gap than one space (html2text's nesting): `1. - 5`
        // reads as text with no markup byte, and the fast path (`MatchSubject.plainStart`),
        // which does not come here, must see the same text as the parser.
        let byte = line[index]
        if byte == UInt8(ascii: "*") { return index }
        return index - gap >= 2 && (byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")) ? index : nil
    }

    /// `•`, `·`, `*`, `+` or one bullet glyph (`●`, `►`, `□` …) on its own; not a dash, which
    /// can stand for an empty value.
    static func isLoneItemMarker(_ text: UnsafeRawBufferPointer) -> Bool {
        switch text.count {
        case 1: return text[0] == UInt8(ascii: "*") || text[0] == UInt8(ascii: "+")
        case 2: return text[0] == 0xC2 && text[1] == 0xB7
        case 3:
            guard text[0] == 0xE2 else { return false }
            let isEnDash = text[1] == 0x80 && text[2] == 0x93
            return !isEnDash && (BulletGlyph.opensListItem(text[1], text[2]) || BulletGlyph.isItemGlyph(text[1], text[2]))
        default: return false
        }
    }

    // MARK: - Inline rendering

    static func renderInline(_ text: UnsafeRawBufferPointer, into out: inout [UInt8]) {
        var stats = LinkStats(links: 0, linkedBytes: 0, visibleBytes: 0)
        renderInline(text, into: &out, stats: &stats, insideLink: false, countsLinkedBytes: false)
    }

    /// `countsLinkedBytes` false leaves `stats.linkedBytes` alone (the writers want only the
    /// text, and counting walks every link's text once more).
    static func renderInline(
        _ text: UnsafeRawBufferPointer, into out: inout [UInt8], stats: inout LinkStats, insideLink: Bool,
        countsLinkedBytes: Bool = true
    ) {
        renderInline(text, into: &out, stats: &stats, insideLink: insideLink, countsLinkedBytes: countsLinkedBytes, nesting: 0)
    }

    /// Links nested deeper than this inside one another keep their inner text as it is
    /// written: each level is a recursive call, and `[[[[…a](b)](b)…` 50,000 deep overflowed
    /// the worker's stack. Pages nest a link in a link at most once or twice.
    static let maxLinkNesting = 32

    private static func renderInline(
        _ text: UnsafeRawBufferPointer, into out: inout [UInt8], stats: inout LinkStats, insideLink: Bool,
        countsLinkedBytes: Bool, nesting: Int
    ) {
        var links = LinkParseMemo()
        var index = 0
        // Whether an `_` opener was taken as emphasis and waits for its closer, and where the
        // line's last closing `_` run starts (found once, when the first opener asks).
        var underscoreOpen = false
        var lastUnderscoreCloser: Int?? = nil
        // The same for a lone `*` inside the line.
        var asteriskOpen = false
        var lastAsteriskCloser: Int?? = nil
        // Where a search for w3m's closing `:S]` last came up empty (`TextBrowserStrike`).
        var noStrikeCloserFrom = Int.max
        while index < text.count {
            let byte = text[index]
            switch byte {
            case UInt8(ascii: "\\"):
                if index + 1 < text.count, isASCIIPunctuation(text[index + 1]) {
                    out.append(text[index + 1])
                    index += 2
                } else {
                    out.append(byte)
                    index += 1
                }
            case UInt8(ascii: "!") where index + 1 < text.count && text[index + 1] == UInt8(ascii: "["):
                if let link = links.parseLink(text, at: index + 1) {
                    stats.links += 1
                    index = link.end  // images have no visible text
                } else {
                    out.append(byte)
                    index += 1
                }
            case UInt8(ascii: "["):
                if let link = links.parseLink(text, at: index) {
                    stats.links += 1
                    let before = out.count
                    if nesting < maxLinkNesting {
                        renderInline(
                            UnsafeRawBufferPointer(rebasing: text[link.text]), into: &out, stats: &stats,
                            insideLink: true, countsLinkedBytes: true, nesting: nesting + 1)
                    } else {
                        out.append(contentsOf: UnsafeRawBufferPointer(rebasing: text[link.text]))
                    }
                    if !insideLink && countsLinkedBytes {
                        stats.linkedBytes += out.withUnsafeBytes { nonBlankCount(UnsafeRawBufferPointer(rebasing: $0[before...])) }
                    }
                    index = link.end
                } else if let strike = TextBrowserStrike.span(in: text, at: index, noCloserFrom: &noStrikeCloserFrom) {
                    // w3m's struck-through words: the words stay, the marks go.
                    renderInline(
                        UnsafeRawBufferPointer(rebasing: text[strike.words]), into: &out, stats: &stats, insideLink: insideLink,
                        countsLinkedBytes: countsLinkedBytes, nesting: nesting + 1)
                    index = strike.end
                } else if let end = TextBrowserLinkNumber.end(in: text, at: index) {
                    // lynx's `[12]` before the text of link 12: markup, not words. Two links
                    // side by side (`Home[25]Latest News`) keep their texts apart.
                    stats.links += 1
                    if index > 0, TextBrowserLinkNumber.isWordByte(text[index - 1]) { out.append(0x20) }
                    index = end
                } else if index == 0 && !insideLink {
                    // The opening half of a link that the converter wrapped onto the next line.
                    let close = text.firstIndex(of: UInt8(ascii: "]")) ?? text.count
                    if close == text.count {
                        index = 1  // `[Title of a wrapped link`
                    } else if close + 1 < text.count, text[close + 1] == UInt8(ascii: "("),
                        !text[(close + 1)...].contains(UInt8(ascii: ")"))
                    {
                        // `[Title](https://wrapped-url?part=` : the text, not the cut URL.
                        renderInline(
                            UnsafeRawBufferPointer(rebasing: text[1..<close]), into: &out, stats: &stats, insideLink: true,
                            countsLinkedBytes: true, nesting: nesting + 1)
                        index = text.count
                    } else {
                        out.append(byte)
                        index += 1
                    }
                } else {
                    out.append(byte)
                    index += 1
                }
            case UInt8(ascii: "<"):
                // An autolink's text is its address, without the angle brackets.
                if let end = Autolink.end(in: text, at: index) {
                    out.append(contentsOf: UnsafeRawBufferPointer(rebasing: text[(index + 1)..<(end - 1)]))
                    index = end
                } else {
                    out.append(byte)
                    index += 1
                }
            case UInt8(ascii: "`"):
                index += 1
            case UInt8(ascii: "*"), UInt8(ascii: "_"):
                var run = index
                while run < text.count, text[run] == byte { run += 1 }
                // html2text writes bold italics as `_**…**_`: a short run of both marks is one
                // delimiter run (judged like a doubled mark), not two that hide each other.
                var mixed = run
                while mixed < text.count, text[mixed] == 0x2A || text[mixed] == 0x5F { mixed += 1 }
                let isMixed = mixed > run && mixed - index <= 4
                if isMixed { run = mixed }
                // A no-break space before a mark is a space (`luck.\u{A0}**Kindle …**`).
                let before: UInt8? =
                    index > 1 && text[index - 2] == 0xC2 && text[index - 1] == 0xA0 ? 0x20 : index > 0 ? text[index - 1] : nil
                let after: UInt8? = run < text.count ? text[run] : nil
                if isEmptyEmphasis(run: run - index, mark: byte, isMixed: isMixed, before: before, after: after) {
                    // Drops the blank that followed it too, so `words __ here` reads `words here`.
                    index = run
                    if index < text.count, text[index] == 0x20, before == nil || before == 0x20 { index += 1 }
                    continue
                }
                if byte == 0x2A, !isMixed, run - index == 2, isLetterOrNonASCII(before), isLetterOrNonASCII(after) {
                    // `our**little things**`: html2text puts a bold mark where the page had a
                    // space before or after the bold text, between two words (`2**8` stays).
                    out.append(0x20)
                    index = run
                    continue
                }
                var isEmphasis =
                    byte == 0x5F && !isMixed
                    ? pairsUnderscore(text, run: index..<run, open: &underscoreOpen, lastCloser: &lastUnderscoreCloser)
                    : isEmphasisDelimiter(before: before, after: after, mark: byte, runLength: isMixed ? 2 : run - index)
                if byte == 0x2A, !isMixed, run - index == 1 {
                    if before != nil, after != nil {
                        if isEmphasis {
                            isEmphasis = pairsAsterisk(text, at: index, open: &asteriskOpen, lastCloser: &lastAsteriskCloser)
                        }
                    } else if asteriskOpen, asteriskFlanks(text, at: index).closes {
                        // The line's last `*` closes what a lone `*` inside it opened (`*she said.*`).
                        asteriskOpen = false
                        isEmphasis = true
                    } else if isEmphasis, before == nil {
                        // The line's first `*` opens, its closer here or on a line below.
                        asteriskOpen = true
                    }
                }
                // A mixed run holding `_` opens or closes an underscore pair too: html2text's
                // `_**Note:**__Added a tweet._` closes at the line's last `_`.
                if isMixed, isEmphasis, text[index..<run].contains(0x5F) {
                    let flanks = flanking(text, run: index..<run)
                    if flanks.left, !flanks.right { underscoreOpen = true } else if flanks.right, !flanks.left { underscoreOpen = false }
                }
                if isEmphasis {
                    index = run
                } else {
                    out.append(contentsOf: text[index..<run])
                    index = run
                }
            default:
                // Plain text up to the next byte that may start markup, in one copy.
                let end = nextMarkupCandidate(in: text, from: index + 1)
                out.append(contentsOf: UnsafeRawBufferPointer(rebasing: text[index..<end]))
                index = end
            }
        }
    }

    /// How many bytes of `bytes` are neither a space nor a tab; sixteen per step.
    static func nonBlankCount(_ bytes: UnsafeRawBufferPointer) -> Int {
        typealias Vector = SWAR.Vector
        let count = bytes.count
        var blanks = 0
        var index = 0
        while index + 16 <= count {
            let vector = bytes.loadUnaligned(fromByteOffset: index, as: Vector.self)
            let mask = (vector .== Vector(repeating: 0x20)) .| (vector .== Vector(repeating: 0x09))
            let words = unsafeBitCast(mask, to: SIMD2<UInt64>.self)
            blanks += (words[0].nonzeroBitCount + words[1].nonzeroBitCount) >> 3
            index += 16
        }
        while index < count {
            if bytes[index] == 0x20 || bytes[index] == 0x09 { blanks += 1 }
            index += 1
        }
        return count - blanks
    }

    /// The first index at or after `from` holding a byte that may start inline markup
    /// (`\\ ! [ ` * _ <`), or `text.count`; sixteen bytes per step.
    @inline(__always)
    static func nextMarkupCandidate(in text: UnsafeRawBufferPointer, from: Int) -> Int {
        typealias Vector = SWAR.Vector
        let count = text.count
        var index = from
        while index + 16 <= count {
            let vector = text.loadUnaligned(fromByteOffset: index, as: Vector.self)
            let mask = (vector .== Vector(repeating: 0x5C)) .| (vector .== Vector(repeating: 0x21))
                .| (vector .== Vector(repeating: 0x5B)) .| (vector .== Vector(repeating: 0x60))
                .| (vector .== Vector(repeating: 0x2A)) .| (vector .== Vector(repeating: 0x5F))
                .| (vector .== Vector(repeating: 0x3C))
            if let lane = SWAR.firstSet(mask) { return index + lane }
            index += 16
        }
        if index + 8 <= count {
            typealias Half = SWAR.HalfVector
            let half = text.loadUnaligned(fromByteOffset: index, as: Half.self)
            let mask = (half .== Half(repeating: 0x5C)) .| (half .== Half(repeating: 0x21))
                .| (half .== Half(repeating: 0x5B)) .| (half .== Half(repeating: 0x60))
                .| (half .== Half(repeating: 0x2A)) .| (half .== Half(repeating: 0x5F))
                .| (half .== Half(repeating: 0x3C))
            if let lane = SWAR.firstSet(mask) { return index + lane }
            index += 8
        }
        while index < count {
            let next = text[index]
            if next == 0x5C || next == 0x21 || next == 0x5B || next == 0x60 || next == 0x2A || next == 0x5F || next == 0x3C {
                return index
            }
            index += 1
        }
        return max(count, from)
    }

    /// Whether a `*`/`_` run between blanks (or a line's edges) is an empty emphasis: html2text
    /// writes an empty `<em>` (an icon font's `<i>`) as `__` and an empty `<strong>` as `****`,
    /// which leave `-2 °C __`, `__ Share` and `Prev Next __` on rendered pages. Only those exact
    /// runs go: a longer `____` is a form's blank and stays, as does a single mark (`5 * 3`).
    static func isEmptyEmphasis(run: Int, mark: UInt8, isMixed: Bool, before: UInt8?, after: UInt8?) -> Bool {
        guard !isMixed, run == (mark == 0x5F ? 2 : 4) else { return false }
        let blankBefore = before.map { $0 == 0x20 || $0 == 0x09 } ?? true
        let blankAfter = after.map { $0 == 0x20 || $0 == 0x09 } ?? true
        // An empty `<strong>` after a sentence's last mark (`… timeline.****`); a run after a
        // word (`f****`) is no empty one, and is judged as a delimiter.
        if mark == 0x2A, blankAfter, let before, before < 0x80, isSpaceOrPunctuation(before) { return true }
        return blankBefore && blankAfter
    }

    /// A letter, or a byte of a multi-byte scalar (most are letters), as a mark's neighbour.
    @inline(__always)
    static func isLetterOrNonASCII(_ byte: UInt8?) -> Bool {
        guard let byte else { return false }
        return byte >= 0x80 || (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
    }

    /// A `*`/`_` run is emphasis when it opens before a word or closes after one; inside a
    /// word (`snake_case`, `5*3`, `2**8`) it is literal, and so is a run with space or
    /// punctuation on both sides (`5 * 3`, `(***)`, a `____` blank, `m(__)m`), with one
    /// exception: html2text wraps long lines inside `**…**`, so a line can hold a bold mark
    /// whose partner is on another line, exactly two marks between punctuation and a space or
    /// the line's end (`Guidelines:** Fan`, `Idea?**`, `Discuss **(0)**`), after the last
    /// word (`Mike Fahey **`), or before the first (`** NIGELLA LAWSON has revealed`: bold
    /// whose text starts with a space).
    static func isEmphasisDelimiter(before: UInt8?, after: UInt8?, mark: UInt8, runLength: Int = 1) -> Bool {
        let beforeIsSpace = before.map(isSpaceOrPunctuation) ?? true
        let afterIsSpace = after.map(isSpaceOrPunctuation) ?? true
        if !beforeIsSpace && !afterIsSpace { return false }  // intraword
        guard beforeIsSpace && afterIsSpace else { return true }
        guard runLength == 2 else { return false }
        let punctuationBefore = before.map { $0 != 0x20 && $0 != 0x09 } ?? false
        let punctuationAfter = after.map { $0 != 0x20 && $0 != 0x09 } ?? false
        return punctuationBefore != punctuationAfter || (after == nil && before != nil)
            || (before == nil && (after == 0x20 || after == 0x09))
    }

    /// Whether the `_` run at `run`, an emphasis delimiter by its neighbours, has a partner on
    /// the line, by CommonMark's flanking rules: an opener (`_word`, `_"quote`) needs a closer
    /// (`word_`, `?:_`) after it, a closer an opener taken before it. Unpaired, the marks are
    /// part of a name (`_start`, `__wasi_fd_write`, `/_next/`) in text that is not markdown,
    /// and stay. `open` carries the pairing along the line. `*` keeps its one-sided rule:
    /// html2text wraps bold across lines.
    static func pairsUnderscore(
        _ text: UnsafeRawBufferPointer, run: Range<Int>, open: inout Bool, lastCloser: inout Int??
    ) -> Bool {
        let (opens, closes) = underscoreFlanks(text, run: run)
        if closes && open {
            open = false
            return true
        }
        guard opens else { return false }
        // A closer after this opener exists when the line's last one starts after it: one
        // backward walk per line, however many openers ask (a line of `_a _a _a …` stays linear).
        if lastCloser == nil { lastCloser = .some(lastClosingUnderscoreRun(in: text)) }
        guard let closer = lastCloser ?? nil, closer >= run.upperBound else { return false }
        open = true
        return true
    }

    /// Whether the lone `*` at `index`, inside the line and an emphasis delimiter by its
    /// neighbours, has a partner on the line: an opener (`*word`) needs a lone closer
    /// (`word*`) after it, a closer an opener taken before it. Unpaired, it is the text's own
    /// asterisk (`Company (*um)`, a footnote's `customers only* and`), which CommonMark leaves
    /// literal too. A lone `*` at the line's start or end keeps the one-sided rule: italics
    /// can wrap onto the next line.
    static func pairsAsterisk(_ text: UnsafeRawBufferPointer, at index: Int, open: inout Bool, lastCloser: inout Int??) -> Bool {
        let (opens, closes) = asteriskFlanks(text, at: index)
        if closes && open {
            open = false
            return true
        }
        guard opens else { return false }
        if lastCloser == nil { lastCloser = .some(lastLoneAsteriskCloser(in: text)) }
        guard let closer = lastCloser ?? nil, closer > index else { return false }
        open = true
        return true
    }

    /// CommonMark's flanking of the lone `*` at `index`: left-flanking opens, right-flanking
    /// closes.
    static func asteriskFlanks(_ text: UnsafeRawBufferPointer, at index: Int) -> (opens: Bool, closes: Bool) {
        let flanks = flanking(text, run: index..<(index + 1))
        return (flanks.left, flanks.right)
    }

    /// Where the last lone `*` of `text` that can close emphasis is, if any.
    static func lastLoneAsteriskCloser(in text: UnsafeRawBufferPointer) -> Int? {
        var index = text.count - 1
        while index > 0 {
            if text[index] == 0x2A, text[index - 1] != 0x2A, index + 1 == text.count || text[index + 1] != 0x2A,
                asteriskFlanks(text, at: index).closes
            {
                return index
            }
            index -= 1
        }
        return nil
    }

    /// Where the last `_` run of `text` that can close emphasis starts, if any.
    static func lastClosingUnderscoreRun(in text: UnsafeRawBufferPointer) -> Int? {
        var index = text.count - 1
        while index >= 0 {
            guard text[index] == 0x5F else {
                index -= 1
                continue
            }
            var start = index
            while start > 0, text[start - 1] == 0x5F { start -= 1 }
            if underscoreFlanks(text, run: start..<(index + 1)).closes { return start }
            index = start - 1
        }
        return nil
    }

    /// Whether an `_` run can open and can close emphasis (CommonMark: left- and right-flanking,
    /// and between two words neither).
    static func underscoreFlanks(_ text: UnsafeRawBufferPointer, run: Range<Int>) -> (opens: Bool, closes: Bool) {
        let flanks = flanking(text, run: run)
        return (
            flanks.left && (!flanks.right || flanks.punctuationBefore),
            flanks.right && (!flanks.left || flanks.punctuationAfter)
        )
    }

    /// CommonMark's left- and right-flanking of the delimiter run `run`, and whether
    /// punctuation stands before and after it.
    static func flanking(
        _ text: UnsafeRawBufferPointer, run: Range<Int>
    ) -> (left: Bool, right: Bool, punctuationBefore: Bool, punctuationAfter: Bool) {
        let before: UInt8? = run.lowerBound > 0 ? text[run.lowerBound - 1] : nil
        let after: UInt8? = run.upperBound < text.count ? text[run.upperBound] : nil
        let spaceBefore = before.map { $0 == 0x20 || $0 == 0x09 } ?? true
        let spaceAfter = after.map { $0 == 0x20 || $0 == 0x09 } ?? true
        let punctuationBefore = before.map { $0 < 0x80 && isASCIIPunctuation($0) } ?? false
        let punctuationAfter = after.map { $0 < 0x80 && isASCIIPunctuation($0) } ?? false
        return (
            !spaceAfter && (!punctuationAfter || spaceBefore || punctuationBefore),
            !spaceBefore && (!punctuationBefore || spaceAfter || punctuationAfter),
            punctuationBefore, punctuationAfter
        )
    }

    static func isSpaceOrPunctuation(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || (byte < 0x80 && isASCIIPunctuation(byte))
    }

    static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        (byte >= 0x21 && byte <= 0x2F) || (byte >= 0x3A && byte <= 0x40) || (byte >= 0x5B && byte <= 0x60)
            || (byte >= 0x7B && byte <= 0x7E)
    }

    /// Parses `[text](destination "title")` starting at the `[`; nested brackets and balanced
    /// parentheses in URLs are allowed. Returns the text range and the index after `)`.
    static func parseLink(_ text: UnsafeRawBufferPointer, at open: Int) -> (text: Range<Int>, end: Int)? {
        // The C parser (32 bytes per step) where it runs; it says -1 where it does not.
        if let base = text.baseAddress {
            var close: Int64 = 0
            var end: Int64 = 0
            switch winnow_parse_link(base.assumingMemoryBound(to: UInt8.self), Int64(text.count), Int64(open), &close, &end) {
            case 1: return (open + 1..<Int(close), Int(end))
            case 0: return nil
            default: break
            }
        }
        return parseLinkPortably(text, at: open)
    }

    /// `parseLink` in Swift, sixteen bytes per step.
    static func parseLinkPortably(_ text: UnsafeRawBufferPointer, at open: Int) -> (text: Range<Int>, end: Int)? {
        // Jumps from one bracket or backslash to the next, then from one parenthesis to the
        // next: link text and URLs are long runs of bytes that matter to neither count.
        let count = text.count
        var depth = 0
        var index = open
        var close = -1
        while true {
            index = SWAR.firstIndex(in: text, from: index, of: UInt8(ascii: "\\"), UInt8(ascii: "["), UInt8(ascii: "]"))
            guard index < count else { break }
            let byte = text[index]
            if byte == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            if byte == UInt8(ascii: "[") {
                depth += 1
            } else {
                depth -= 1
                if depth == 0 {
                    close = index
                    break
                }
            }
            index += 1
        }
        guard close > 0, close + 1 < count, text[close + 1] == UInt8(ascii: "(") else { return nil }
        var parens = 0
        index = close + 1
        while true {
            index = SWAR.firstIndex(in: text, from: index, of: UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: ")"))
            guard index < count else { return nil }
            if text[index] == UInt8(ascii: "(") {
                parens += 1
            } else {
                parens -= 1
                if parens == 0 { return (open + 1..<close, index + 1) }
            }
            index += 1
        }
    }

    /// Appends `raw` with leading and trailing spaces and tabs gone and each run inside made
    /// one space. Text between runs (single spaces included) is copied in one piece.
    static func appendCollapsingSpaces(_ raw: UnsafeRawBufferPointer, to out: inout [UInt8]) {
        let count = raw.count
        var index = 0
        while index < count, raw[index] == 0x20 || raw[index] == 0x09 { index += 1 }
        var wroteAny = false
        while index < count {
            // Up to a tab, or a space that starts a run or ends the line.
            let end = nextBlankRun(in: raw, from: index)
            if wroteAny { out.append(0x20) }
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[index..<end]))
            wroteAny = true
            index = end
            while index < count, raw[index] == 0x20 || raw[index] == 0x09 { index += 1 }
        }
    }

    /// `appendCollapsingSpaces` of `out[start...]` onto `out[..<start]`, in place: each blank
    /// run becomes at most one space, so the bytes kept never move right of where they were.
    static func collapseSpacesInPlace(_ out: inout [UInt8], from start: Int) {
        let end = out.withUnsafeMutableBytes { whole -> Int in
            let target = UnsafeMutableRawBufferPointer(rebasing: whole[start...])
            guard let base = target.baseAddress else { return start }
            // Read through a second view: every read is at or right of the write position.
            let raw = UnsafeRawBufferPointer(target)
            let count = raw.count
            var write = 0
            var index = 0
            while index < count, raw[index] == 0x20 || raw[index] == 0x09 { index += 1 }
            while index < count {
                let end = nextBlankRun(in: raw, from: index)
                if write > 0 {
                    target[write] = 0x20
                    write += 1
                }
                if write != index { (base + write).copyMemory(from: base + index, byteCount: end - index) }
                write += end - index
                index = end
                while index < count, raw[index] == 0x20 || raw[index] == 0x09 { index += 1 }
            }
            return start + write
        }
        // Most rendered lines have no blank run: nothing to take back.
        if end < out.count { out.removeSubrange(end...) }
    }

    /// The first index at or after `from` holding a tab, or a space followed by a space, a tab
    /// or the end of `raw`; `raw.count` when none. Sixteen bytes per step (with the next
    /// sixteen, shifted by one, for the byte after each).
    @inline(__always)
    static func nextBlankRun(in raw: UnsafeRawBufferPointer, from: Int) -> Int {
        typealias Vector = SWAR.Vector
        let count = raw.count
        var index = from
        let space = Vector(repeating: 0x20)
        let tab = Vector(repeating: 0x09)
        while index + 17 <= count {
            let vector = raw.loadUnaligned(fromByteOffset: index, as: Vector.self)
            let next = raw.loadUnaligned(fromByteOffset: index + 1, as: Vector.self)
            let mask = (vector .== tab) .| ((vector .== space) .& ((next .== space) .| (next .== tab)))
            if let lane = SWAR.firstSet(mask) { return index + lane }
            index += 16
        }
        if index + 9 <= count {
            typealias Half = SWAR.HalfVector
            let half = raw.loadUnaligned(fromByteOffset: index, as: Half.self)
            let next = raw.loadUnaligned(fromByteOffset: index + 1, as: Half.self)
            let mask = (half .== Half(repeating: 0x09))
                .| ((half .== Half(repeating: 0x20)) .& ((next .== Half(repeating: 0x20)) .| (next .== Half(repeating: 0x09))))
            if let lane = SWAR.firstSet(mask) { return index + lane }
            index += 8
        }
        while index < count {
            let byte = raw[index]
            if byte == 0x09 { return index }
            if byte == 0x20, index + 1 == count || raw[index + 1] == 0x20 || raw[index + 1] == 0x09 { return index }
            index += 1
        }
        return max(count, from)
    }

    /// `[` or `![` alone: html2text opens a link around an image on a line of its own.
    static func isLoneLinkOpener(_ text: UnsafeRawBufferPointer) -> Bool {
        var start = 0
        var end = text.count
        while end > start, text[end - 1] == 0x20 || text[end - 1] == 0x09 { end -= 1 }
        while start < end, text[start] == 0x20 || text[start] == 0x09 { start += 1 }
        switch end - start {
        case 1: return text[start] == UInt8(ascii: "[")
        case 2: return text[start] == UInt8(ascii: "!") && text[start + 1] == UInt8(ascii: "[")
        default: return false
        }
    }

    /// The line is nothing but table pipes and spaces, with at least one pipe.
    static func isOnlyCellBorders(_ raw: UnsafeRawBufferPointer) -> Bool {
        // The walk that fails at the first letter first: most lines are text.
        raw.allSatisfy { $0 == UInt8(ascii: "|") || $0 == 0x20 || $0 == 0x09 } && raw.contains(UInt8(ascii: "|"))
    }

    /// The line is nothing but emphasis marks, tildes and spaces (`**_`, `~~__`): no text.
    static func isOnlyStrayEmphasis(_ raw: UnsafeRawBufferPointer) -> Bool {
        raw.allSatisfy { $0 == 0x2A || $0 == 0x5F || $0 == 0x7E || $0 == 0x20 || $0 == 0x09 }
    }
}

