/// A paragraph's language with its source lines: what JSONL metadata and `winnow lang` list.
public struct LanguageSpan: Sendable, Hashable {
    public var firstLine: Int
    public var lastLine: Int
    public var guess: LanguageGuess
    /// Whether any line of the paragraph is kept in the clean output.
    public var kept: Bool

    /// One span per paragraph whose lines carry a language, in input order.
    public static func spans(of document: Document) -> [LanguageSpan] {
        var spans: [LanguageSpan] = []
        var lastParagraph = -1
        // By index through a buffer pointer: `for block in` copies every block (they are large).
        document.blocks.withUnsafeBufferPointer { blocks in
            for index in blocks.indices {
                // The code first: the whole guess (retaining its alternatives) only for a new span.
                guard let code = blocks[index].languageCode else { continue }
                let (line, paragraph, kept) = (blocks[index].origin.line, blocks[index].paragraph, blocks[index].verdictAction != .drop)
                let lastLine = blocks[index].origin.lastLine
                if paragraph == lastParagraph, let last = spans.indices.last, spans[last].guess.code == code {
                    spans[last].lastLine = lastLine
                    spans[last].kept = spans[last].kept || kept
                } else if let guess = blocks[index].language {
                    spans.append(LanguageSpan(firstLine: line, lastLine: lastLine, guess: guess, kept: kept))
                }
                lastParagraph = paragraph
            }
        }
        return spans
    }
}
