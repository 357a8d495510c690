/// A run of consecutive dropped lines that one rule removed: what JSONL metadata and reports
/// list instead of every line.
public struct RemovedSpan: Sendable, Hashable {
    public var firstLine: Int
    public var lastLine: Int
    public var reason: Reason

    /// The spans of `document`, in input order. A kept line ends a span, so a span never claims
    /// a line the writer output; blank lines (which are not blocks) do not.
    public static func spans(of document: Document) -> [RemovedSpan] {
        var spans: [RemovedSpan] = []
        var previousWasDropped = false
        // By index through a buffer pointer: `for block in` copies every block (they are large).
        document.blocks.withUnsafeBufferPointer { blocks in
            for index in blocks.indices {
                guard let verdict = blocks[index].verdict, verdict.action == .drop else {
                    previousWasDropped = false
                    continue
                }
                let (line, lastLine) = (blocks[index].origin.line, blocks[index].origin.lastLine)
                defer { previousWasDropped = true }
                if previousWasDropped, var last = spans.last, last.reason.ruleID == verdict.reason.ruleID,
                    last.reason.message == verdict.reason.message
                {
                    last.lastLine = lastLine
                    spans[spans.count - 1] = last
                } else {
                    spans.append(RemovedSpan(firstLine: line, lastLine: lastLine, reason: verdict.reason))
                }
            }
        }
        return spans
    }
}
