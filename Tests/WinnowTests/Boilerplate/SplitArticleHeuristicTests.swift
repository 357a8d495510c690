import Testing
@testable import Winnow

/// An article cut in two by a widget keeps its first part; prose below the article that the
/// region search passed over is not taken.
@Suite struct SplitArticleHeuristicTests {
    static let firstPart = [
        "The old town grew up along the river in the fifteenth century, and most of its lanes still follow the line of the walls that once closed it in.",
        "Today the quarter is known for its small shops and cafés, and on market days the square in front of the church is full from early in the morning.",
    ]
    static let widget = [
        "More ideas for your trip",
        "• Lakes and rivers",
        "• Electric bikes",
        "• Cultural routes",
        "• Places to rest",
        "• Bike rental",
        "• Repair shops",
    ]
    static let secondPart = [
        "The ride starts at the footbridge on the right bank and follows the river towards the old town, where the path is wide and flat for most of the way.",
        "Cycling in the pedestrian zone of the centre is allowed, but riders are asked to take care and to give way to the people walking there at busy times.",
        "The last part of the tour leads along the canal through meadows and farmland, so close to the city and yet so quiet that it feels like the countryside.",
    ]

    func kept(_ lines: [String]) throws -> [String] {
        try BoilerplateTestSupport.keptTexts(lines.joined(separator: "\n\n"))
    }

    @Test func firstPartAboveAWidgetIsKept() throws {
        let kept = try kept(["City Guide", "Search this site"] + Self.firstPart + Self.widget + Self.secondPart)
        for line in Self.firstPart + Self.secondPart { #expect(kept.contains(line), "\(line)") }
        for line in Self.widget.dropFirst() { #expect(!kept.contains(line), "\(line)") }
        #expect(!kept.contains("Search this site"))
    }

    @Test func proseBelowTheArticleIsNotTaken() throws {
        let comments = [
            "I rode this route last summer with my kids and we loved every minute of it, especially the stop at the little bakery by the canal bridge.",
            "Does anyone know whether the path along the river is open in winter, or is it closed when the water is high after the rain in the mountains?",
        ]
        let kept = try kept(Self.firstPart + Self.secondPart + Self.widget + comments)
        for line in comments { #expect(!kept.contains(line), "\(line)") }
    }

    @Test func weakRunAboveIsNotAPart() {
        let t = HeuristicThresholds(mode: .balanced)
        // A region of 80 words; above it a run of 30 words (below minimumScore) and one of a
        // single prose line are not parts.
        let classes: [BlockClass] = [.good, .short, .short, .short, .good, .good, .good, .good]
        let words = [30, 3, 3, 3, 20, 20, 20, 20]
        let none = [Bool](repeating: false, count: classes.count)
        let parts = SplitArticleHeuristic.parts(
            above: 4...7, found: 4...7, from: 0, classes: classes, words: words, breaks: none, excerpts: none, listLines: none, t)
        #expect(parts.isEmpty)
        let strong: [BlockClass] = [.good, .nearGood, .short, .short, .good, .good, .good, .good]
        let found = SplitArticleHeuristic.parts(
            above: 4...7, found: 4...7, from: 0, classes: strong, words: [40, 12, 3, 3, 20, 20, 20, 20], breaks: none, excerpts: none,
            listLines: none, t)
        #expect(found == [0...1])
        // A teaser's excerpts are not prose.
        let teaser = SplitArticleHeuristic.parts(
            above: 4...7, found: 4...7, from: 0, classes: strong, words: [40, 12, 3, 3, 20, 20, 20, 20], breaks: none,
            excerpts: [true, true, false, false, false, false, false, false], listLines: none, t)
        #expect(teaser.isEmpty)
    }
}
