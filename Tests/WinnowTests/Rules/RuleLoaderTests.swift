import Foundation
import Testing
import Winnow

/// Rule files that are wrong in each way the loader must catch, with the line it must name.
@Suite struct RuleLoaderTests {
    static let validRule = """
        version: 1
        rules:
          - id: test.sample
            description: A sample rule.
            scope: line
            match:
              equals: Subscribe
            examples:
              drop: [Subscribe]
              keep: [Subscribe to the idea.]

        """

    /// Writes `files` into a fresh temporary directory and loads it.
    func load(_ files: [String: String]) throws(WinnowError) -> RuleSet {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("winnow-rules-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for (name, text) in files {
            let url = directory.appendingPathComponent(name)
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? text.write(to: url, atomically: true, encoding: .utf8)
        }
        return try RuleSet.load(directories: [directory.path], includeBuiltin: false)
    }

    func error(_ files: [String: String]) -> WinnowError? {
        do throws(WinnowError) {
            _ = try load(files)
            return nil
        } catch {
            return error
        }
    }

    func expectInvalid(_ yaml: String, line: Int, containing text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        guard case .invalidRuleFile(let path, let reported, let detail)? = error(["rules.yaml": yaml]) else {
            Issue.record("expected an invalid-rule-file error", sourceLocation: sourceLocation)
            return
        }
        #expect(path.hasSuffix("rules.yaml"), sourceLocation: sourceLocation)
        #expect(reported == line, "\(detail)", sourceLocation: sourceLocation)
        #expect(detail.contains(text), "\(detail)", sourceLocation: sourceLocation)
    }

    @Test func loadsAValidFile() throws {
        let rules = try load(["rules.yaml": Self.validRule]).rules
        #expect(rules.map(\.id) == ["test.sample"])
        #expect(rules[0].location.line == 3)
    }

    @Test func readsAByteOrderMarkAndRefusesBytesThatAreNotUTF8() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("winnow-rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("rules.yaml")
        try Data([0xEF, 0xBB, 0xBF] + Array(Self.validRule.utf8)).write(to: file)
        #expect(try RuleSet.load(directories: [directory.path], includeBuiltin: false).rules.map(\.id) == ["test.sample"])
        try Data([0xFF, 0xFE] + Array(Self.validRule.utf8).flatMap { [$0, 0] }).write(to: file)
        #expect(throws: WinnowError.invalidRuleFile(path: file.path, line: 0, detail: "not UTF-8 text (rule files are UTF-8 YAML)")) {
            try RuleSet.load(directories: [directory.path], includeBuiltin: false)
        }
    }

    @Test func reportsMalformedYAMLWithItsLine() {
        expectInvalid("version: 1\nrules:\n  - id: [unclosed\n", line: 4, containing: "malformed YAML")
    }


    /// One edit of a valid file, the line the loader must name and words of its message.
    struct BrokenEdit: Sendable, CustomTestStringConvertible {
        /// Whether the edit applies to a section rule's file (the signals tests have both).
        var section = false
        var replace: String
        var with: String
        var line: Int
        var message: String
        var testDescription: String { message }
    }

    static let brokenEdits: [BrokenEdit] = [
        BrokenEdit(replace: "      equals: Subscribe", with: "      regexp: Subscribe", line: 7,
                   message: "unknown key 'regexp' (did you mean 'regex'?)"),
        BrokenEdit(replace: "    scope: line", with: "    scope: line\n    acton: drop", line: 6,
                   message: "unknown key 'acton' (did you mean 'action'?)"),
        BrokenEdit(replace: "equals: Subscribe", with: "regex: '(unclosed'", line: 3, message: "does not compile"),
        BrokenEdit(replace: "equals: Subscribe", with: "regex: 'x*'", line: 3, message: "matches the empty string"),
        BrokenEdit(replace: "equals: Subscribe", with: "any-of: []", line: 7, message: "`any-of` is empty"),
        BrokenEdit(replace: "equals: Subscribe", with: "equals: Subscribe\n      prefix: Sub", line: 7,
                   message: "exactly one of"),
        BrokenEdit(replace: "      keep: [Subscribe to the idea.]\n", with: "", line: 9,
                   message: "needs at least one `keep` example"),
        BrokenEdit(replace: "id: test.sample", with: "id: Sample_Rule", line: 3, message: "category.kebab-name"),
    ]

    @Test(arguments: brokenEdits)
    func reportsABrokenRuleWithItsLine(_ edit: BrokenEdit) {
        let yaml = Self.validRule.replacingOccurrences(of: edit.replace, with: edit.with)
        #expect(yaml != Self.validRule, "the edit must change the file")
        expectInvalid(yaml, line: edit.line, containing: edit.message)
    }

    @Test func reportsADuplicateIDAcrossFilesNamingBoth() {
        let failure = error(["a.yaml": Self.validRule, "b.yaml": Self.validRule])
        guard case .duplicateRuleID(let id, let first, let second)? = failure else {
            Issue.record("expected a duplicate-id error, got \(String(describing: failure))")
            return
        }
        #expect(id == "test.sample")
        #expect(first.hasSuffix("a.yaml:3"))
        #expect(second.hasSuffix("b.yaml:3"))
    }

    @Test func reportsADuplicateIDInOneFile() {
        let rule = Self.validRule.components(separatedBy: "rules:\n")[1]
        expectInvalid(Self.validRule + rule, line: 11, containing: "duplicate rule id 'test.sample'")
    }


    @Test func reportsACatastrophicRegexInsteadOfHanging() {
        let yaml = Self.validRule.replacingOccurrences(of: "equals: Subscribe", with: "regex: '^(a+)+$'")
            .replacingOccurrences(of: "drop: [Subscribe]", with: "drop: [aaaa]")
        expectInvalid(yaml, line: 3, containing: "time limit")
    }



    @Test func laterDirectoriesOverrideByID() throws {
        let builtin = try RuleSet.builtin()
        let override = Self.validRule.replacingOccurrences(of: "test.sample", with: "ui.bare-word")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("winnow-override-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try override.write(to: directory.appendingPathComponent("mine.yaml"), atomically: true, encoding: .utf8)
        let merged = try RuleSet.load(directories: [directory.path], includeBuiltin: true)
        #expect(merged.rules.count == builtin.rules.count)
        #expect(merged.rules.first { $0.id == "ui.bare-word" }?.description == "A sample rule.")
    }
}
