/// A list whose entries are fields with distinct labels ("• Cost: 40 million euros", "• Length:
/// 60 kilometres", "• Opening: spring 2025"): a story's fact box or a product's specifications,
/// not a menu. A menu's entries are names, not a label and a short value each.
///
/// Source: the structured rows a bridge already takes for the article's own
/// (`StructuredRows.fieldColon`), asked of list entries.
enum FieldList {
    /// The fewest entries of such a list.
    static let minimumEntries = 3

    /// Whether each line belongs to a list (a run of list items of one paragraph) of at least
    /// `minimumEntries` entries, each undecided and a field (`text` is a line's visible text),
    /// with no two labels alike.
    static func members(
        count: Int, isListItem: (Int) -> Bool, isDecided: (Int) -> Bool, paragraph: (Int) -> Int, text: (Int) -> String
    ) -> [Bool] {
        var members = [Bool](repeating: false, count: count)
        for entries in ListRuns.ranges(count: count, isListItem: isListItem, paragraph: paragraph)
        where entries.count >= minimumEntries && entries.allSatisfy({ !isDecided($0) }) {
            var labels = Set<String>()
            let allFields = entries.allSatisfy { index in
                guard let label = StructuredRows.label(raw: text(index)) else { return false }
                return labels.insert(label).inserted
            }
            if allFields { for index in entries { members[index] = true } }
        }
        return members
    }
}
