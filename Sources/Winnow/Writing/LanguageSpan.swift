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
        for block in document.blocks {
            guard let guess = block.language else { continue }
            if block.paragraph == lastParagraph, var last = spans.last, last.guess.code == guess.code {
                last.lastLine = block.origin.line
                last.kept = last.kept || block.isKept
                spans[spans.count - 1] = last
            } else {
                spans.append(LanguageSpan(firstLine: block.origin.line, lastLine: block.origin.line, guess: guess, kept: block.isKept))
            }
            lastParagraph = block.paragraph
        }
        return spans
    }
}
