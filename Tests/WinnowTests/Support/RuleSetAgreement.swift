@testable import Winnow
import Testing

/// Two rule sets that must decide alike (a fast path against its reference), checked on probe
/// lines laid out as a page: mostly one line per paragraph, every tenth paragraph three lines
/// (for block rules), with and without `keepCaptions`.
enum RuleSetAgreement {
    static func expectSameVerdicts(
        _ first: RuleSet, _ second: RuleSet, lines: [String], minimumDecided: Int,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        var paragraphs: [String] = []
        var index = 0
        while index < lines.count {
            let size = paragraphs.count % 10 == 9 ? 3 : 1
            paragraphs.append(lines[index..<min(lines.count, index + size)].joined(separator: "\n"))
            index += size
        }
        let text = paragraphs.joined(separator: "\n\n")
        for keepCaptions in [false, true] {
            var firstDocument = Document(id: "t", blocks: Segmenter().blocks(from: text))
            var secondDocument = firstDocument
            first.apply(to: &firstDocument, options: RuleOptions(keepCaptions: keepCaptions))
            second.apply(to: &secondDocument, options: RuleOptions(keepCaptions: keepCaptions))
            var decided = 0
            for (a, b) in zip(firstDocument.blocks, secondDocument.blocks) {
                #expect(a.verdict == b.verdict, "\(a.text)", sourceLocation: sourceLocation)
                if a.verdict != nil { decided += 1 }
            }
            #expect(decided > minimumDecided, sourceLocation: sourceLocation)
        }
    }
}
