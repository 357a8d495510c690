/// The shape of a line, recognised by the segmenter from plain text and markdown alike.
public enum BlockKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Ordinary text.
    case paragraph
    /// A markdown heading (`# Title`) or a setext underline's title.
    case heading
    /// A bulleted or numbered list item (`• x`, `* x`, `- x`, `1. x`).
    case listItem
    /// A line that is nothing but one or more links (`[text](url)`), or a bare URL.
    case linkLine
    /// A quoted line (`> text`).
    case quote
    /// A table row (`| a | b |`).
    case tableRow
    /// A horizontal rule or a line of separator characters (`---`, `* * *`, `=====`), or a line of
    /// nothing but marks (`-`, `—`, `…`, `: : :`, a zero-width space): no text.
    case separator
}
