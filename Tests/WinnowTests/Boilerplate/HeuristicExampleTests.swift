import Testing
import Winnow

/// Every heuristic's examples: marked lines are dropped by that heuristic, the others kept.
@Suite struct HeuristicExampleTests {
    static let cases: [(String, Int)] = Heuristics.all.flatMap { description in
        description.examples.indices.map { (description.id, $0) }
    }

    @Test(arguments: cases)
    func exampleHolds(id: String, number: Int) throws {
        let description = try #require(Heuristics.description(of: id))
        let example = description.examples[number]
        let (text, marked) = BoilerplateTestSupport.unmark(example.markedText)
        let document = try BoilerplateTestSupport.processed(text, mode: example.mode)
        for block in document.blocks {
            let line = block.origin.line
            if marked.contains(line) {
                #expect(block.verdict?.action == .drop && block.verdict?.reason.ruleID == id,
                        "\(id) example \(number + 1) line \(line) should be dropped by \(id): \(block.text) — got \(String(describing: block.verdict))")
            } else {
                #expect(block.isKept, "\(id) example \(number + 1) line \(line) should be kept: \(block.text) — got \(String(describing: block.verdict))")
            }
        }
    }

    @Test func idsAreUniqueAndDocumented() {
        let ids = Heuristics.all.map(\.id)
        #expect(Set(ids).count == ids.count)
        for description in Heuristics.all {
            #expect(description.id.hasPrefix("heuristic."))
            #expect(!description.description.isEmpty && !description.source.isEmpty && !description.name.isEmpty)
        }
    }

    @Test func everyHeuristicButTheLanguageOneHasAnExample() {
        // The post-before-comments heuristic only acts on pages with a comment heading, which
        // another heuristic drops: its unit tests show it instead.
        // The caption-above-credit heuristic needs a rule's credit verdict (examples run without
        // rules): CaptionAboveCreditTests show it.
        // The split-article heuristic keeps lines across a widget that other heuristics drop:
        // SplitArticleHeuristicTests show it.
        // The clean-edges heuristic runs only after rules (examples run without them):
        // CleanEdgesHeuristicTests show it.
        // The trailing-heading heuristic drops a heading whose lines below other heuristics
        // drop: TrailingHeadingTests show it.
        let withoutExample: Set<String> = [
            "heuristic.foreign-short-block", "heuristic.post-before-comments", "heuristic.caption-above-credit",
            "heuristic.split-article", "heuristic.clean-edges", "heuristic.trailing-heading",
        ]
        for description in Heuristics.all where !withoutExample.contains(description.id) {
            #expect(!description.examples.isEmpty, "\(description.id) has no example")
        }
    }
}
