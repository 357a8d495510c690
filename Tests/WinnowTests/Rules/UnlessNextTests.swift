import Testing

@testable import Winnow

/// `unless-next`: a line rule's veto by the line below it in the same paragraph (an INI header
/// over `key = value` is code, not a text browser's `[alt text]`).
@Suite struct UnlessNextTests {
    static let rule = """
        version: 1
        rules:
          - id: test.bracketed
            description: Drops bracketed alt text.
            scope: line
            match:
              regex: '^\\[[^\\[\\]]+\\]$'
              input: raw
            unless-next:
              regex: '^[A-Za-z_][\\w.-]*\\s*='
              input: raw
            examples:
              drop: ["[Photo of the mayor]"]
              keep: ["The word [sic] appears."]

        """

    static func parse(_ yaml: String) throws(WinnowError) -> [Rule] {
        try RuleFileParser(path: "rules.yaml").parse(yaml)
    }

    static func dropped(_ text: String) throws -> [String] {
        let set = try RuleSet(rules: try parse(rule))
        var document = Document(id: "t", blocks: Segmenter().blocks(from: text))
        set.apply(to: &document, options: RuleOptions())
        return document.blocks.filter { $0.verdict?.action == .drop }.map(\.text)
    }

    @Test func theNextLineOfTheParagraphVetoes() throws {
        #expect(try Self.dropped("[extensions]\nevolve =\n") == [])
        #expect(try Self.dropped("[phases]\npublish = false\n") == [])
    }

    /// The veto's literal prefilter (`=` in the next line's fold) decides as the bare regex
    /// does, which `(?-x)` keeps every prefilter away from: next lines with and without `=`,
    /// with markup, non-ASCII, empty and very long.
    @Test func theVetoesLiteralPrefilterAgreesWithTheBareRegex() throws {
        let filtered = try RuleSet(rules: try Self.parse(Self.rule))
        let bare = try RuleSet(rules: try Self.parse(Self.rule.replacingOccurrences(of: "regex: '^[A-Za-z_]", with: "regex: '(?-x)^[A-Za-z_]")))
        let nextLines = [
            "evolve =", "publish = false", "x=1", "The mayor spoke.", "a == b", "**key** = value", "ключ = значение",
            "Ünïcode = yes", "_private.key-name   =", "[more]", "= value", "1st = no", "name: value", "",
            String(repeating: "word ", count: 4000) + "=", "key" + String(repeating: "a", count: 5000) + " = 1",
        ]
        for next in nextLines {
            let text = "[extensions]\n" + next + "\n"
            var fast = Document(id: "t", blocks: Segmenter().blocks(from: text))
            var slow = fast
            filtered.apply(to: &fast, options: RuleOptions())
            bare.apply(to: &slow, options: RuleOptions())
            #expect(fast.blocks.map(\.verdict) == slow.blocks.map(\.verdict), "\(next.prefix(30))")
        }
    }

    @Test func otherwiseTheRuleActs() throws {
        #expect(try Self.dropped("[Photo of the mayor]\nThe mayor spoke on Tuesday.\n") == ["[Photo of the mayor]"])
        // The next line in another paragraph does not count, nor does a paragraph's last line.
        #expect(try Self.dropped("[extensions]\n\nevolve =\n") == ["[extensions]"])
        #expect(try Self.dropped("Some text.\n[extensions]\n") == ["[extensions]"])
    }

    /// Through the loader, as a user's rule directory is read: a `path:line:` error.
    @Test func onlyALineRuleWithARegexMayHaveIt() {
        let section = Self.rule.replacingOccurrences(of: "scope: line", with: "scope: section")
        let phrase = Self.rule.replacingOccurrences(of: "regex: '^[A-Za-z_][\\w.-]*\\s*='", with: "contains: '='")
        #expect(section != Self.rule && phrase != Self.rule, "the edits must change the file")
        RuleLoaderTests().expectInvalid(section, line: 10, containing: "`unless-next` is only for `scope: line` rules")
        RuleLoaderTests().expectInvalid(phrase, line: 10, containing: "`unless-next` takes a `regex`")
    }

    /// The heuristics agree: a bracketed line over a setting is not a placeholder.
    @Test func aSectionHeaderOverASettingIsNotAPlaceholder() {
        let blocks = Segmenter().blocks(from: "[extensions]\nevolve =\n\n[Photo]\nThe mayor spoke.\n")
        #expect(PlaceholderHeuristic.headsAssignment(at: 0, blocks: blocks))
        #expect(!PlaceholderHeuristic.headsAssignment(at: 2, blocks: blocks))
        #expect(PlaceholderHeuristic.isAssignment("  rebase.autosquash = true".utf8))
        #expect(PlaceholderHeuristic.isAssignment("ExecStart=/usr/bin/true".utf8))
        #expect(!PlaceholderHeuristic.isAssignment("= 4".utf8))
        #expect(!PlaceholderHeuristic.isAssignment("The answer = 4".utf8))
    }
}
