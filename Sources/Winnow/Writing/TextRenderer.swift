/// Renders the kept lines of a document as clean text.
///
/// Kept lines of one paragraph stay on consecutive lines; paragraphs are separated by one blank
/// line; the text ends with one newline. Markdown syntax is stripped unless `keepMarkdown`.
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
        var lastParagraph = -1
        // By index: `for block in` would copy every (large) block.
        for index in document.blocks.indices where document.blocks[index].isKept {
            let paragraph = document.blocks[index].paragraph
            let mark = out.count
            if lastParagraph >= 0 {
                out.append(0x0A)
                if paragraph != lastParagraph { out.append(0x0A) }
            }
            let lineStart = out.count
            append(line: document.blocks[index], to: &out)
            if out.count == lineStart {
                out.removeSubrange(mark...)  // the line had no visible text (an image)
                continue
            }
            lastParagraph = paragraph
        }
        if !out.isEmpty { out.append(0x0A) }
        return out
    }

    /// One line as it appears in the output (empty for an image-only markdown line).
    public func render(line block: Block) -> String {
        keepMarkdown ? block.text : InlineMarkup.plainText(block.text)
    }

    private func append(line block: Block, to out: inout [UInt8]) {
        block.withUTF8Text { bytes in
            if keepMarkdown {
                out.append(contentsOf: bytes)
            } else {
                InlineMarkup.appendPlainText(UTF8Bytes: bytes, to: &out)
            }
        }
    }
}
