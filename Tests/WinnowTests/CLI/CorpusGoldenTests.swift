import Foundation
import Testing

/// Every page under `Corpus/` run through the real binary with default options must give its
/// expected file byte for byte; cleaning an expected file again must change nothing; and the
/// whole corpus gives the same bytes for every `--jobs`.
@Suite(.serialized) struct CorpusGoldenTests {
    struct Case: CustomStringConvertible, Sendable {
        let name: String
        let raw: URL
        let expected: URL
        var description: String { name }
    }

    static var cases: [Case] {
        let corpus = Repository.root.appendingPathComponent("Corpus")
        var cases: [Case] = []
        let seeds = corpus.appendingPathComponent("seeds/raw")
        for name in (try? FileManager.default.contentsOfDirectory(atPath: seeds.path).sorted()) ?? [] {
            cases.append(
                Case(
                    name: "seeds/\(name)", raw: seeds.appendingPathComponent(name),
                    expected: corpus.appendingPathComponent("seeds/expected/\(name)")))
        }
        let edge = corpus.appendingPathComponent("edge")
        for name in (try? FileManager.default.contentsOfDirectory(atPath: edge.path).sorted()) ?? [] {
            let directory = edge.appendingPathComponent(name)
            cases.append(
                Case(
                    name: "edge/\(name)", raw: directory.appendingPathComponent("raw.txt"),
                    expected: directory.appendingPathComponent("expected.txt")))
        }
        return cases
    }

    @Test func corpusIsPresent() {
        #expect(Self.cases.count >= 3)
    }

    @Test(arguments: cases)
    func pageBecomesItsExpectedText(_ page: Case) throws {
        let expected = try String(contentsOf: page.expected, encoding: .utf8)
        let result = try CLIRunner.run(["clean", page.raw.path])
        #expect(result.stdoutText == expected, "\(page.name): unexpected output:\n\(result.stdoutText)")
        #expect(result.status == (expected.isEmpty ? 1 : 0))
        let again = try CLIRunner.run(["clean", "-"], stdin: Data(expected.utf8))
        #expect(again.stdoutText == expected, "\(page.name): cleaning the expected text changed it")
    }

    @Test func sameBytesForEveryJobCount() throws {
        let corpus = Repository.root.appendingPathComponent("Corpus").path
        let one = try CLIRunner.run(["clean", corpus, "--format", "jsonl", "--jobs", "1", "-q"])
        let two = try CLIRunner.run(["clean", corpus, "--format", "jsonl", "--jobs", "2", "-q"])
        #expect(!one.stdout.isEmpty)
        #expect(one.stdout == two.stdout)
    }
}
