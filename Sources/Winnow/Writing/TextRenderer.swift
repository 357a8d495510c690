/// Renders the kept lines of a document as clean text.
///
/// Kept lines of one paragraph stay on consecutive lines; paragraphs are separated by one blank
/// line; the text ends with one newline. Markdown syntax is stripped unless `keepMarkdown`, and
/// horizontal rules with it.
public struct TextRenderer: Sendable {
    public var keepMarkdown: Bool

    public init(keepMarkdown: Bool = false) {
        self.keepMarkdown = keepMarkdown
    }

    /// The clean text of `document`, or an empty string when nothing is kept.
    public func render(_ document: Document) -> String {
        String(decoding: renderBytes(document), as: UTF8.self)
    }

    /// The clean text of `document` as UTF-8 bytes.
    public func renderBytes(_ document: Document) -> [UInt8] {
        guard document.verdict?.action != .drop else { return [] }
        var out: [UInt8] = []
        out.reserveCapacity(document.notes.inputBytes)
        let visible = layOut(document, into: &out, escapingNewlines: false) { bytes, verbatim, out in
            append(line: bytes, verbatim: verbatim, to: &out)
        }
        if visible { out.append(0x0A) }
        return out
    }

    /// One line as it appears in the output (empty for an image-only markdown line).
    public func render(line block: Block) -> String {
        keepMarkdown ? block.text : InlineMarkup.plainText(block.text)
    }

    /// Appends the clean text (without its final newline) as the body of a JSON string, and
    /// returns whether any line was visible; when none was, `out` is as it was.
    ///
    /// The same text as `renderBytes` escaped by `JSONText`, made in one pass: escaping works
    /// byte by byte, so each line is escaped on its own, and a line the segmenter found
    /// `verbatim` is copied as it is. Other lines are written straight into `out` and looked
    /// at there: most need no escape, and only what follows the first byte that does is
    /// copied out and escaped back.
    func appendJSONBody(_ document: Document, to out: inout [UInt8]) -> Bool {
        guard document.verdict?.action != .drop else { return false }
        var scratch: [UInt8] = []
        return layOut(document, into: &out, escapingNewlines: true) { bytes, verbatim, out in
            let lineStart = out.count
            append(line: bytes, verbatim: verbatim, to: &out)
            if verbatim { return }
            let special = out.withUnsafeBytes { whole in
                JSONText.firstEscapeIndex(in: UnsafeRawBufferPointer(rebasing: whole[lineStart...]))
            }
            guard let special else { return }
            let from = lineStart + special
            scratch.removeAll(keepingCapacity: true)
            scratch.append(contentsOf: out[from...])
            out.removeSubrange(from...)
            scratch.withUnsafeBytes { JSONText.appendEscaped($0, to: &out) }
        }
    }

    /// Whether the segmenter made each line a paragraph of its own because the text has no
    /// blank line at all (`Segmenter`: WET text, C4-style JSONL): then the input's layout is one
    /// paragraph per line, and the output keeps it (no blank line added between paragraphs), so
    /// that cleaning the output again gives the same bytes. Elsewhere, paragraphs change only at
    /// a blank line, so two adjacent source lines in different paragraphs mark such a text.
    static func linesAreParagraphs(_ blocks: [Block]) -> Bool {
        guard blocks.count > 1 else { return false }
        return blocks[1].paragraph != blocks[0].paragraph && blocks[1].origin.line == blocks[0].origin.lastLine + 1
    }

    /// Writes the kept lines with `writeLine` (given a line's bytes and whether the segmenter
    /// found it `verbatim`), one newline (`\n` escaped for a JSON string when
    /// `escapingNewlines`) between the lines of a paragraph and two between paragraphs (or
    /// across a hidden rule; one in a text of one paragraph per line, `linesAreParagraphs`),
    /// nothing after the last; a line that wrote nothing (an image) is taken back with the
    /// newlines before it. Returns whether any line was written.
    @inline(__always)
    private func layOut(
        _ document: Document, into out: inout [UInt8], escapingNewlines: Bool,
        writeLine: (UnsafeRawBufferPointer, Bool, inout [UInt8]) -> Void
    ) -> Bool {
        var lastParagraph = -1
        var ruled = false
        // With `keepMarkdown`, the indentation of the lines inside a fenced code block (relative
        // to the opening fence's): the reader trims every line, and code without it is wrong
        // (Python) or unreadable. Nil outside a code block.
        var codeIndent: Int?
        let linesAreParagraphs = Self.linesAreParagraphs(document.blocks)
        func appendNewline() {
            if escapingNewlines { out.append(0x5C) }
            out.append(escapingNewlines ? UInt8(ascii: "n") : 0x0A)
        }
        // Through the buffer, field by field: a block is not copied (with a retain and a
        // release of each reference it holds) at every access or call.
        document.blocks.withUnsafeBufferPointer { blocks in
            for index in blocks.indices {
                var indent = 0
                if keepMarkdown {
                    if blocks[index].kind == .separator, blocks.withUTF8Text(at: index, { LineShape.isCodeFence($0) }) {
                        // A fence opens or closes a block, kept or not.
                        codeIndent = codeIndent == nil ? blocks[index].indent : nil
                    } else if let codeIndent {
                        indent = max(0, blocks[index].indent - codeIndent)
                    }
                }
                guard blocks[index].verdictAction != .drop else { continue }
                if !keepMarkdown && blocks[index].kind == .separator {
                    // A horizontal rule (`---`, `━━━━`, a table's `---|---`) is markup, not
                    // text: without `keepMarkdown` it is not written, and the lines on either
                    // side stay separate paragraphs.
                    ruled = true
                    continue
                }
                let paragraph = blocks[index].paragraph
                let verbatim = blocks[index].traits.contains(.verbatim)
                let mark = out.count
                if lastParagraph >= 0 {
                    appendNewline()
                    if (paragraph != lastParagraph && !linesAreParagraphs) || ruled { appendNewline() }
                }
                let lineStart = out.count
                out.append(contentsOf: repeatElement(0x20, count: indent))
                // The block in the buffer keeps its shared bytes alive (see `sharedUTF8`).
                blocks.withUTF8Text(at: index) { raw in
                    guard let credit = blocks[index].creditStart else { return writeLine(raw, verbatim, &out) }
                    var visible = blocks[index].plainTextCache ?? MatchSubject.plainText(blocks[index].text)
                    if let cut = Self.withoutCredit(raw, visible: visible, creditStart: Int(credit)) {
                        writeLine(cut, verbatim, &out)
                    } else if !keepMarkdown {
                        // The credit's markup differs from its text (a link in it): the visible
                        // text before it is the line.
                        visible.withUTF8 { plain in
                            writeLine(Self.trimmedBeforeCredit(UnsafeRawBufferPointer(plain), at: Int(credit)), false, &out)
                        }
                    } else {
                        writeLine(raw, verbatim, &out)
                    }
                }
                if out.count == lineStart {
                    out.removeSubrange(mark...)
                    continue
                }
                lastParagraph = paragraph
                ruled = false
            }
        }
        return lastParagraph >= 0
    }

    /// A kept caption's line without its credit (`--keep-captions`: "Guards at a checkpoint.
    /// REUTERS/Stringer" is written "Guards at a checkpoint."). The credit starts at
    /// `creditStart` in the line's visible text; it is cut from the line's own bytes where they
    /// end with the same text (markup before the credit stays as it is), with the blanks and
    /// the opening mark or dash left before it. Nil when the line does not end with them.
    static func withoutCredit(_ raw: UnsafeRawBufferPointer, visible: String, creditStart: Int) -> UnsafeRawBufferPointer? {
        var visible = visible
        return visible.withUTF8 { plain -> UnsafeRawBufferPointer? in
            guard creditStart > 0, creditStart < plain.count else { return nil }
            var rawEnd = raw.count
            while rawEnd > 0, raw[rawEnd - 1] == 0x20 { rawEnd -= 1 }
            var plainEnd = plain.count
            while plainEnd > creditStart, plain[plainEnd - 1] == 0x20 { plainEnd -= 1 }
            let tail = plainEnd - creditStart
            guard tail > 0, rawEnd >= tail,
                raw[(rawEnd - tail)..<rawEnd].elementsEqual(UnsafeRawBufferPointer(plain)[creditStart..<plainEnd])
            else { return nil }
            let cut = trimmedBeforeCredit(raw, at: rawEnd - tail)
            return cut.isEmpty ? nil : cut
        }
    }

    /// `text` up to `end`, without the blanks and the opening mark or dash before a credit, and
    /// without the label that introduces it ("Tom Watson MP. Photo: Getty Images" is written
    /// "Tom Watson MP.", not "Tom Watson MP. Photo:").
    static func trimmedBeforeCredit(_ text: UnsafeRawBufferPointer, at end: Int) -> UnsafeRawBufferPointer {
        var cut = min(end, text.count)
        while cut > 0, creditOpeners.contains(text[cut - 1]) { cut -= 1 }
        if cut > 0, text[cut - 1] == UInt8(ascii: ":") {
            var labelStart = cut - 1
            while labelStart > 0, text[labelStart - 1] == 0x20 { labelStart -= 1 }
            var labelEnd = labelStart
            while labelStart > 0, text[labelStart - 1] != 0x20, text[labelStart - 1] != UInt8(ascii: "(") { labelStart -= 1 }
            // A label of one or two words ("Photo:", "Photo credit:", "Crédit photo :") that
            // starts with a capital: "… according to the source: AFP" keeps its words.
            var words = 0
            var labelCut: Int?
            while words < 2, labelEnd > labelStart, isCreditLabel(text[labelStart..<labelEnd]) {
                words += 1
                var before = labelStart
                while before > 0, creditOpeners.contains(text[before - 1]) { before -= 1 }
                if text[labelStart] >= 0x80 || (text[labelStart] >= UInt8(ascii: "A") && text[labelStart] <= UInt8(ascii: "Z")) {
                    labelCut = before
                }
                labelEnd = before
                labelStart = before
                while labelStart > 0, text[labelStart - 1] != 0x20, text[labelStart - 1] != UInt8(ascii: "(") { labelStart -= 1 }
            }
            if let labelCut { cut = labelCut }
        }
        return UnsafeRawBufferPointer(rebasing: text[..<cut])
    }

    private static func isCreditLabel(_ word: Slice<UnsafeRawBufferPointer>) -> Bool {
        creditLabels.contains(String(decoding: UnsafeRawBufferPointer(rebasing: word), as: UTF8.self).lowercased())
    }

    /// Words that label a picture's credit, lower-cased.
    static let creditLabels: Set<String> = [
        "photo", "photos", "photograph", "photography", "picture", "image", "images", "credit", "credits", "foto", "fotos",
        "bild", "bilder", "fotografía", "fotografia", "photographie", "crédit", "crédits", "illustration", "source", "quelle",
    ]

    /// Bytes left before a credit that belong to it: blanks, its opening parenthesis, a dash,
    /// a bar or a slash.
    static let creditOpeners: Set<UInt8> = [0x20, 0x09, UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "-"), UInt8(ascii: "|"), UInt8(ascii: "/")]

    private func append(line bytes: UnsafeRawBufferPointer, verbatim: Bool, to out: inout [UInt8]) {
        if keepMarkdown {
            out.append(contentsOf: bytes)
            return
        }
        let lineStart = out.count
        if verbatim {
            // No markup byte anywhere: only the block markers (`# `, `- `, `> `) go.
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: InlineMarkup.strippingBlockMarkers(bytes)))
        } else {
            InlineMarkup.appendPlainText(UTF8Bytes: bytes, to: &out)
        }
        Self.settle(&out, from: lineStart)
    }

    /// Renders the line written at `out[start...]` again until that changes nothing, so that
    /// cleaning the clean text again gives the same bytes: an escaped marker (`\- Erin` →
    /// `- Erin`), a nested list's second marker (`* * Where …`) or emphasis a link left open
    /// (`[**Quora**](…)**/`) would otherwise lose a mark at every cleaning. The reader trims
    /// lines, so the line is written trimmed; and a line left with nothing but a rule's marks
    /// (`\----` → `----`) is not written, as a rule is not.
    static func settle(_ out: inout [UInt8], from start: Int) {
        trimSpaces(&out, from: start)
        // Most lines are plain at once (no marker, nothing for the parser): one scan.
        let plain = out.withUnsafeBytes { MatchSubject.plainStart(UnsafeRawBufferPointer(rebasing: $0[start...])) }
        if plain != 0, out.count > start {
            var scratch: [UInt8] = []
            for _ in 0..<Self.settleRounds {
                scratch.removeAll(keepingCapacity: true)
                out.withUnsafeBytes { InlineMarkup.appendPlainText(UTF8Bytes: UnsafeRawBufferPointer(rebasing: $0[start...]), to: &scratch) }
                if scratch.elementsEqual(out[start...]) { break }
                out.replaceSubrange(start..., with: scratch)
                trimSpaces(&out, from: start)
            }
        }
        if out.count > start, out.withUnsafeBytes({ LineShape.kind(of: UnsafeRawBufferPointer(rebasing: $0[start...])) }) == .separator {
            out.removeSubrange(start...)
        }
    }

    /// Trims `out[start...]` as the reader trims a line (`Segmenter.trim`: spaces, tabs and
    /// no-break spaces at both ends).
    private static func trimSpaces(_ out: inout [UInt8], from start: Int) {
        guard out.count > start else { return }
        let (head, tail) = out.withUnsafeBytes { whole -> (Int, Int) in
            let line = UnsafeRawBufferPointer(rebasing: whole[start...])
            let (trimmed, _) = Segmenter.trim(line)
            guard let base = line.baseAddress, let first = trimmed.baseAddress else { return (line.count, 0) }
            let head = first - base
            return (head, line.count - head - trimmed.count)
        }
        if tail > 0 { out.removeLast(tail) }
        if head > 0 { out.removeSubrange(start..<min(out.count, start + head)) }
    }

    /// Renderings of one line at most: each one removes markup, and real lines settle in two.
    static let settleRounds = 4
}
