/// A run of consecutive dropped lines that one rule removed: what JSONL metadata and reports
/// list instead of every line.
public struct RemovedSpan: Sendable, Hashable {
    public var firstLine: Int
    public var lastLine: Int
    public var reason: Reason
    /// The removed part of a line that was kept, when only part of it went: the credit of a
    /// caption kept with `--keep-captions` (nil: the whole lines).
    public var part: Part? = nil

    public enum Part: String, Sendable, Hashable {
        case credit
    }

    /// What a kept caption's cut credit says in the metadata.
    static let creditMessage = "the photo credit of a caption kept with --keep-captions"

    /// The spans of `document`, in input order. A kept line ends a span, so a span never claims
    /// a line the writer output; blank lines (which are not blocks) do not.
    ///
    /// - Parameter keepMarkdown: the writer keeps markdown, so a kept caption whose credit's
    ///   markup differs from its text is written whole (`TextRenderer.withoutCredit`), and no
    ///   credit span is listed for it.
    public static func spans(of document: Document, keepMarkdown: Bool = false) -> [RemovedSpan] {
        var spans: [RemovedSpan] = []
        var previousWasDropped = false
        // By index through a buffer pointer: `for block in` copies every block (they are large).
        document.blocks.withUnsafeBufferPointer { blocks in
            for index in blocks.indices {
                guard blocks[index].verdictAction == .drop else {
                    previousWasDropped = false
                    // A kept caption's credit was cut: the span names the line and the rule.
                    if let credit = blocks[index].creditStart, let ruleID = blocks[index].creditRuleID,
                        !keepMarkdown || creditIsCut(blocks, at: index, creditStart: Int(credit))
                    {
                        let origin = blocks[index].origin
                        spans.append(
                            RemovedSpan(
                                firstLine: origin.line, lastLine: origin.lastLine,
                                reason: Reason(ruleID: ruleID, message: Self.creditMessage), part: .credit))
                    }
                    continue
                }
                let (line, lastLine) = (blocks[index].origin.line, blocks[index].origin.lastLine)
                defer { previousWasDropped = true }
                // Compared in place; the reason is copied (retaining its strings) only for a new span.
                if previousWasDropped, let last = spans.indices.last,
                    blocks[index].hasReason(ruleID: spans[last].reason.ruleID, message: spans[last].reason.message)
                {
                    spans[last].lastLine = lastLine
                } else if let reason = blocks[index].verdict?.reason {
                    spans.append(RemovedSpan(firstLine: line, lastLine: lastLine, reason: reason))
                }
            }
        }
        return spans
    }

    /// Whether the writer cuts the credit from the line's own bytes (as `--keep-markdown`
    /// needs).
    private static func creditIsCut(_ blocks: UnsafeBufferPointer<Block>, at index: Int, creditStart: Int) -> Bool {
        let visible = blocks[index].plainTextCache ?? MatchSubject.plainText(blocks[index].text)
        return blocks.withUTF8Text(at: index) { TextRenderer.withoutCredit($0, visible: visible, creditStart: creditStart) != nil }
    }
}
