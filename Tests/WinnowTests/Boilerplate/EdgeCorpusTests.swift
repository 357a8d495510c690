import Foundation
import Testing
import Winnow

/// `Corpus/edge/<case>/raw.txt` cleaned by the heuristics (balanced, no rules) must equal
/// `expected.txt` byte for byte, and cleaning the result again must change nothing.
@Suite struct EdgeCorpusTests {
    typealias Support = BoilerplateTestSupport

    @Test(arguments: Support.edgeCases)
    func edgeCaseMatchesExpected(name: String) throws {
        let directory = Support.edgeDirectory + "/" + name
        let raw = try String(contentsOfFile: directory + "/raw.txt", encoding: .utf8)
        let expected = try String(contentsOfFile: directory + "/expected.txt", encoding: .utf8)
        let cleaned = try Support.clean(raw)
        #expect(cleaned == expected, "\(name):\n\(cleaned)")
        let twice = try Support.clean(cleaned)
        #expect(twice == cleaned, "\(name) is not idempotent")
        let precision = try Support.keptLines(raw, mode: .precision)
        let balanced = try Support.keptLines(raw, mode: .balanced)
        let recall = try Support.keptLines(raw, mode: .recall)
        #expect(precision.isSubset(of: balanced) && balanced.isSubset(of: recall), "\(name): modes are not nested")
    }
}
