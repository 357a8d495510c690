/// `InlineMarkup.parseLink` for a walk along one line that may call it at every `[`.
///
/// A failed parse scans to the end of the line looking for the closing `]` or `)`, so a line
/// of many unclosed brackets (`[[[[…`, `![ ![ ![ …`, `[a]( [a]( …`) cost time quadratic in its
/// length: 40,000 of them took seconds, a megabyte of them hours. After a few failures the
/// memo matches every bracket and parenthesis of the line once (`LinkPairs`) and answers from
/// that; lines of real pages fail that often almost never, so they keep the direct scan.
struct LinkParseMemo {
    /// Failed parses before the pairs are built: a handful of stray brackets (`[1]`, a
    /// wrapped link's half) is cheaper to scan than to index.
    static let failuresBeforePairs = 8
    /// Lines at least this long build the pairs at their first failed parse.
    static let longLine = 1 << 16

    private var failures = 0
    private var pairs: LinkPairs?

    init() {}

    mutating func parseLink(_ text: UnsafeRawBufferPointer, at open: Int) -> (text: Range<Int>, end: Int)? {
        // Asked in place (`pairs?`): the lookup moves the pairs' cursors.
        switch pairs?.link(at: open, in: text) {
        case .some(.link(let range, let end)): return (range, end)
        case .some(.none): return nil
        case .some(.unknown), nil: break
        }
        let link = InlineMarkup.parseLink(text, at: open)
        if link == nil {
            failures += 1
            // On a long line one failed scan costs as much as the pairs: they are built at once.
            if pairs == nil, failures == Self.failuresBeforePairs || text.count >= Self.longLine { pairs = LinkPairs(text) }
        }
        return link
    }
}
