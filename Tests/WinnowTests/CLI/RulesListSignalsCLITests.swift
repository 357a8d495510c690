import Foundation
import Testing
import Winnow

/// `winnow rules list` shows what each rule tells the heuristics, and a rule file with an
/// unknown signal stops the command with `path:line:` before anything runs.
@Suite struct RulesListSignalsCLITests {
    /// `--heuristics` adds every heuristic `explain` can name, after the rules.
    @Test func listsHeuristicsOnRequest() throws {
        let plain = try CLIRunner.run(["rules", "list"])
        #expect(!plain.stdoutText.contains("heuristic.repeated-paragraph"))
        let result = try CLIRunner.run(["rules", "list", "--heuristics"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdoutText.split(separator: "\n").map(String.init)
        for heuristic in Heuristics.all {
            #expect(lines.contains { $0.hasPrefix(heuristic.id + " ") && $0.contains(" heuristic ") }, "\(heuristic.id)")
        }
    }

    @Test func listsSignalsAndClosingSections() throws {
        let result = try CLIRunner.run(["rules", "list"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdoutText.split(separator: "\n").map(String.init)
        let credit = lines.first { $0.hasPrefix("captions.photo-credit ") }
        #expect(credit?.hasSuffix(" [signals: photo-credit, image-text]") == true, "\(credit ?? "missing")")
        let box = lines.first { $0.hasPrefix("platform.author-box ") }
        #expect(box?.hasSuffix(" [inside-article: false]") == true, "\(box ?? "missing")")
        let popular = lines.first { $0.hasPrefix("widgets.popular-section ") }
        #expect(popular?.contains("[") == false, "\(popular ?? "missing")")
    }

    @Test func anUnknownSignalIsAnErrorWithItsLine() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("winnow-cli-signals-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("mine.yaml")
        try """
            version: 1
            rules:
              - id: mine.credit
                description: Drops a photo credit.
                scope: line
                match:
                  prefix: "Photo: "
                signals: [photo-credits]
                examples:
                  drop: ["Photo: Ann Lee"]
                  keep: ["Photos of the day"]

            """.write(to: file, atomically: true, encoding: .utf8)
        let result = try CLIRunner.run(["rules", "list", "--rules", directory.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("mine.yaml:8: unknown signal 'photo-credits' (did you mean 'photo-credit'?)"), "\(result.stderr)")
    }
}
