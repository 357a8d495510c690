import Foundation
import Testing
import Winnow

/// The three seed pages through the whole boilerplate stage (built-in rules, then heuristics,
/// default options) must match `Corpus/seeds/expected` byte for byte.
@Suite struct SeedCompositionTests {
    static var seedsDirectory: String {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(4)
        return parts.joined(separator: "/") + "/Corpus/seeds"
    }

    static let seeds = ["000_fe72407b8f1ba837.txt", "001_1e934eb7dd73081c.txt", "002_ec0bdaa464a47173.txt"]

    @Test(arguments: seeds)
    func seedMatchesExpected(name: String) throws {
        let raw = try String(contentsOfFile: Self.seedsDirectory + "/raw/" + name, encoding: .utf8)
        let expected = try String(contentsOfFile: Self.seedsDirectory + "/expected/" + name, encoding: .utf8)
        var document = Document(id: name, blocks: Segmenter().blocks(from: raw))
        try BoilerplateRemover(rules: try RuleSet.builtin()).process(&document)
        #expect(TextRenderer().render(document) == expected)
    }
}
