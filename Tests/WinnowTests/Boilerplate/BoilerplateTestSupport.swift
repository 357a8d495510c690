import Winnow

/// Helpers shared by the boilerplate tests: marked text, cleaning, the edge corpus.
enum BoilerplateTestSupport {
    /// Splits `↓`-marked text into the page and the (1-based) line numbers marked for dropping.
    static func unmark(_ markedText: String) -> (text: String, marked: Set<Int>) {
        var lines: [Substring] = []
        var marked: Set<Int> = []
        for (index, line) in markedText.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix("↓") {
                marked.insert(index + 1)
                lines.append(line.dropFirst())
            } else {
                lines.append(line)
            }
        }
        return (lines.joined(separator: "\n"), marked)
    }

    /// The document of `text` after the heuristics (no rules) in `mode`.
    static func processed(_ text: String, mode: BoilerplateOptions.Mode = .balanced) throws -> Document {
        var document = Document(id: "test", blocks: Segmenter().blocks(from: text))
        try BoilerplateRemover(options: BoilerplateOptions(mode: mode)).process(&document)
        return document
    }

    /// The clean text of `text`, as the text writer renders it.
    static func clean(_ text: String, mode: BoilerplateOptions.Mode = .balanced) throws -> String {
        TextRenderer().render(try processed(text, mode: mode))
    }

    /// The texts of the lines kept by the heuristics (no rules) in `mode`, in order.
    static func keptTexts(_ text: String, mode: BoilerplateOptions.Mode = .balanced) throws -> [String] {
        try processed(text, mode: mode).blocks.filter(\.isKept).map(\.text)
    }

    /// Source lines kept in `mode`.
    static func keptLines(_ text: String, mode: BoilerplateOptions.Mode) throws -> Set<Int> {
        Set(try processed(text, mode: mode).blocks.filter(\.isKept).map(\.origin.line))
    }

    /// `Corpus/edge` in the repository.
    static var edgeDirectory: String {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(4)  // Tests/WinnowTests/Boilerplate/<file>
        return parts.joined(separator: "/") + "/Corpus/edge"
    }

    /// The edge cases that test the boilerplate remover.
    static let edgeCases = [
        "short-article", "thai-article", "list-heavy-article", "all-boilerplate", "comment-thread", "photo-post",
        "wrapped-article", "ukrainian-article", "already-clean-article",
    ]
}
