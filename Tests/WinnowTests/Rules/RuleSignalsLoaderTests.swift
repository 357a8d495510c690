import Foundation
import Testing

@testable import Winnow

/// The schema keys that tell the heuristics what a rule drops: `signals:` and a section's
/// `extent: inside-article`. A wrong one is a `path:line:` error before any document is read.
@Suite struct RuleSignalsLoaderTests {
    static let lineRule = """
        version: 1
        rules:
          - id: test.byline
            description: Drops a comment byline.
            scope: line
            match:
              regex: '^by \\w+ writes:$'
            signals: [comment-byline, breadcrumb]
            examples:
              drop: ["by ann writes:"]
              keep: ["She writes: every day."]

        """

    static let sectionRule = """
        version: 1
        rules:
          - id: test.box
            description: Drops an author box.
            scope: section
            match:
              equals: About the author
            extent:
              until: [heading]
              inside-article: false
            examples:
              drop: [About the author]
              keep: [About the author of this book]

        """

    /// Parses `yaml` as the file `rules.yaml`.
    static func parse(_ yaml: String) throws(WinnowError) -> [Rule] {
        try RuleFileParser(path: "rules.yaml").parse(yaml)
    }

    @Test func readsSignalsAndInsideArticle() throws {
        let line = try Self.parse(Self.lineRule)[0]
        #expect(line.signals == [.commentByline, .breadcrumb])
        #expect(line.extent == nil)
        let section = try Self.parse(Self.sectionRule)[0]
        #expect(section.signals.isEmpty)
        #expect(section.extent?.insideArticle == false)
    }

    @Test func aSectionMaySitInsideAnArticleUnlessItSaysNot() throws {
        let yaml = Self.sectionRule.replacingOccurrences(of: "      inside-article: false\n", with: "")
        #expect(try Self.parse(yaml)[0].extent?.insideArticle == true)
        let withoutExtent = Self.sectionRule.replacingOccurrences(
            of: "    extent:\n      until: [heading]\n      inside-article: false\n", with: "")
        #expect(try Self.parse(withoutExtent)[0].extent?.insideArticle == true)
    }

    @Test func anEmptyListDeclaresNoSignals() throws {
        let yaml = Self.lineRule.replacingOccurrences(of: "[comment-byline, breadcrumb]", with: "[]")
        #expect(try Self.parse(yaml)[0].signals.isEmpty)
    }

    /// Every name of the vocabulary parses to its own signal, and the documentation lists it.
    @Test func everyVocabularyNameParsesAndIsDocumented() throws {
        let readme = try String(
            contentsOf: URL(fileURLWithPath: RuleCatalog.rulesDirectory).appendingPathComponent("README.md"), encoding: .utf8)
        var all: RuleSignals = []
        for (name, signal) in RuleSignals.vocabulary {
            let yaml = Self.lineRule.replacingOccurrences(of: "[comment-byline, breadcrumb]", with: "[\(name)]")
            #expect(try Self.parse(yaml)[0].signals == signal, "\(name)")
            #expect(readme.contains("`\(name)`"), "Rules/README.md does not document the signal \(name)")
            #expect(all.isDisjoint(with: signal), "\(name) shares a bit")
            all.insert(signal)
        }
        #expect(all.names == RuleSignals.vocabulary.map(\.name))
    }

    /// One edit of a valid file, the line the loader must name and words of its message.
    typealias BrokenEdit = RuleLoaderTests.BrokenEdit

    static let brokenEdits: [BrokenEdit] = [
        BrokenEdit(section: false, replace: "[comment-byline, breadcrumb]", with: "[comment-bylines]", line: 8,
                   message: "unknown signal 'comment-bylines' (did you mean 'comment-byline'?); expected one of comment-byline, "),
        BrokenEdit(section: false, replace: "[comment-byline, breadcrumb]", with: "\n      - breadcrumb\n      - sidebar", line: 10,
                   message: "unknown signal 'sidebar'"),
        BrokenEdit(section: false, replace: "[comment-byline, breadcrumb]", with: "comment-byline", line: 8,
                   message: "`signals` must be a list of signal names (comment-byline, not-comment-byline"),
        BrokenEdit(section: false, replace: "[comment-byline, breadcrumb]", with: "{comment-byline: true}", line: 8,
                   message: "`signals` must be a list"),
        BrokenEdit(section: false, replace: "[comment-byline, breadcrumb]", with: "[[comment-byline]]", line: 8,
                   message: "expected a string"),
        BrokenEdit(section: false, replace: "    scope: line\n", with: "    scope: line\n    action: keep\n", line: 9,
                   message: "`signals` are only for `action: drop` rules"),
        BrokenEdit(section: false, replace: "    signals:", with: "    signal:", line: 8,
                   message: "unknown key 'signal' (did you mean 'signals'?)"),
        BrokenEdit(section: false, replace: "    signals: [comment-byline, breadcrumb]\n",
                   with: "    extent:\n      inside-article: false\n", line: 9,
                   message: "`inside-article` is only for `scope: section` rules"),
        BrokenEdit(section: true, replace: "inside-article: false", with: "inside-article: no", line: 10,
                   message: "`inside-article` must be true or false"),
        BrokenEdit(section: true, replace: "inside-article: false", with: "inside-article: [false]", line: 10,
                   message: "`inside-article` must be true or false"),
        BrokenEdit(section: true, replace: "    scope: section\n", with: "    scope: section\n    action: keep\n", line: 11,
                   message: "`inside-article` is only for `action: drop` sections"),
        BrokenEdit(section: true, replace: "inside-article: false", with: "inside-articles: false", line: 10,
                   message: "unknown key 'inside-articles' (did you mean 'inside-article'?)"),
    ]

    @Test(arguments: brokenEdits)
    func reportsABrokenKeyWithItsLine(_ edit: BrokenEdit) {
        let valid = edit.section ? Self.sectionRule : Self.lineRule
        let yaml = valid.replacingOccurrences(of: edit.replace, with: edit.with)
        #expect(yaml != valid, "the edit must change the file")
        do throws(WinnowError) {
            _ = try Self.parse(yaml)
            Issue.record("expected an invalid-rule-file error")
        } catch {
            guard case .invalidRuleFile(let path, let line, let detail) = error else {
                Issue.record("expected an invalid-rule-file error, got \(error)")
                return
            }
            #expect(path == "rules.yaml")
            #expect(line == edit.line, "\(detail)")
            #expect(detail.contains(edit.message), "\(detail)")
        }
    }
}
