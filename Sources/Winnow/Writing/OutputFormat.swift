/// What the writer produces for each document.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// The clean article: paragraphs separated by one blank line, ending with one newline.
    case text
    /// One JSON object per document: id, clean text, passthrough fields and `winnow` metadata.
    case jsonl
    /// Every input line with keep or drop, the rule id and a one-line reason.
    case explain
}
