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
        guard document.verdict?.action != .drop else { return "" }
        var out = ""
        var lastParagraph = -1
        for block in document.blocks where block.isKept {
            let line = render(line: block)
            if line.isEmpty { continue }
            if lastParagraph >= 0 {
                out += block.paragraph == lastParagraph ? "\n" : "\n\n"
            }
            out += line
            lastParagraph = block.paragraph
        }
        if !out.isEmpty { out += "\n" }
        return out
    }

    /// One line as it appears in the output (empty for an image-only markdown line).
    public func render(line block: Block) -> String {
        keepMarkdown ? block.text : InlineMarkup.plainText(block.text)
    }
}
