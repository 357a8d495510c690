/// The lists of a page as the list detectors see them: runs of adjacent list items of one
/// paragraph (a blank line or a line of another kind ends a list).
enum ListRuns {
    /// Each list's line range, in page order.
    static func ranges(count: Int, isListItem: (Int) -> Bool, paragraph: (Int) -> Int) -> [Range<Int>] {
        var lists: [Range<Int>] = []
        var start = 0
        while start < count {
            guard isListItem(start) else {
                start += 1
                continue
            }
            var end = start + 1
            while end < count, isListItem(end), paragraph(end) == paragraph(start) { end += 1 }
            lists.append(start..<end)
            start = end
        }
        return lists
    }
}
