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
        let visible = layOut(document, into: &out, escapingNewlines: false) { block, out in
            append(line: block, to: &out)
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
    /// `verbatim` is copied as it is.
    func appendJSONBody(_ document: Document, to out: inout [UInt8]) -> Bool {
        guard document.verdict?.action != .drop else { return false }
        var scratch: [UInt8] = []
        return layOut(document, into: &out, escapingNewlines: true) { block, out in
            if block.pointee.traits.contains(.verbatim) {
                append(line: block, to: &out)
            } else {
                scratch.removeAll(keepingCapacity: true)
                append(line: block, to: &scratch)
                scratch.withUnsafeBytes { JSONText.appendEscaped($0, to: &out) }
            }
        }
    }

    /// Writes the kept lines with `writeLine`, one newline (`\n` escaped for a JSON string
    /// when `escapingNewlines`) between the lines of a paragraph and two between paragraphs
    /// (or across a hidden rule), nothing after the last; a line that wrote nothing (an image)
    /// is taken back with the newlines before it. Returns whether any line was written.
    @inline(__always)
    private func layOut(
        _ document: Document, into out: inout [UInt8], escapingNewlines: Bool,
        writeLine: (UnsafePointer<Block>, inout [UInt8]) -> Void
    ) -> Bool {
        var lastParagraph = -1
        var ruled = false
        func appendNewline() {
            if escapingNewlines { out.append(0x5C) }
            out.append(escapingNewlines ? UInt8(ascii: "n") : 0x0A)
        }
        // Through pointers: the blocks are read in place, not copied (with a retain and a
        // release of their storage) at every access or call.
        document.blocks.withUnsafeBufferPointer { blocks in
            guard let first = blocks.baseAddress else { return }
            for index in blocks.indices {
                let block = first + index
                guard block.pointee.isKept else { continue }
                if !keepMarkdown && block.pointee.kind == .separator {
                    // A horizontal rule (`---`, `━━━━`, a table's `---|---`) is markup, not
                    // text: without `keepMarkdown` it is not written, and the lines on either
                    // side stay separate paragraphs.
                    ruled = true
                    continue
                }
                let paragraph = block.pointee.paragraph
                let mark = out.count
                if lastParagraph >= 0 {
                    appendNewline()
                    if paragraph != lastParagraph || ruled { appendNewline() }
                }
                let lineStart = out.count
                writeLine(block, &out)
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

    private func append(line block: UnsafePointer<Block>, to out: inout [UInt8]) {
        let verbatim = block.pointee.traits.contains(.verbatim)
        block.pointee.withUTF8Text { bytes in
            if keepMarkdown {
                out.append(contentsOf: bytes)
            } else if verbatim {
                // No markup byte anywhere: only the block markers (`# `, `- `, `> `) go.
                out.append(contentsOf: UnsafeRawBufferPointer(rebasing: InlineMarkup.strippingBlockMarkers(bytes)))
            } else {
                InlineMarkup.appendPlainText(UTF8Bytes: bytes, to: &out)
            }
        }
    }
}
