import Foundation
import Testing

@testable import Winnow

/// A rule's signals go with its drops, the built-in rules declare the ones the heuristics
/// used to know by id, and a rule that overrides a built-in id has exactly the signals it
/// declares.
@Suite struct RuleSignalsTests {
    static func rule(
        _ id: String, scope: RuleScope = .line, equals phrase: String, action: Verdict.Action = .drop,
        signals: RuleSignals = [], extent: SectionExtent? = nil
    ) -> Rule {
        Rule(
            id: id, name: id, description: id, scope: scope, match: RulePattern(.equals(phrase)),
            extent: extent ?? (scope == .section ? SectionExtent() : nil), action: action, signals: signals,
            examples: RuleExamples(drop: [RuleExample(text: phrase, line: 1)], keep: [RuleExample(text: "x", line: 1)]),
            location: RuleLocation(path: "test.yaml", line: 1))
    }

    /// The signals on the verdicts of the lines of `text` that `rules` decide, by line text.
    static func signals(_ rules: [Rule], _ text: String) throws -> [String: RuleSignals] {
        var document = Document(id: "t", blocks: Segmenter().blocks(from: text))
        try RuleSet(rules: rules).apply(to: &document, options: RuleOptions())
        var signals: [String: RuleSignals] = [:]
        for block in document.blocks {
            if let verdict = block.verdict { signals[block.plainText] = verdict.reason.signals }
        }
        return signals
    }

    @Test func aDropCarriesItsRulesSignals() throws {
        let rules = [
            Self.rule("t.byline", equals: "by ann writes:", signals: .commentByline),
            Self.rule("t.plain", equals: "Share this"),
        ]
        #expect(try Self.signals(rules, "by ann writes:\nShare this\nProse.") == ["by ann writes:": .commentByline, "Share this": []])
    }

    @Test func aKeepVerdictCarriesNone() throws {
        // Only a file's keep rule is refused `signals:`; one built in code keeps none either.
        let rules = [Self.rule("t.keep", equals: "Credits", action: .keep, signals: .photoCredit)]
        #expect(try Self.signals(rules, "Credits") == ["Credits": []])
    }

    @Test func aSectionSitsInsideArticlesUnlessItsExtentSaysNot() throws {
        let widget = Self.rule("t.popular", scope: .section, equals: "Most popular")
        var closing = SectionExtent()
        closing.insideArticle = false
        let box = Self.rule("t.box", scope: .section, equals: "About the author", extent: closing)
        let text = "Most popular\n* One\n\n# Next\n\nAbout the author\n* Ann Lee"
        #expect(
            try Self.signals([widget, box], text) == [
                "Most popular": .insideArticleSection, "One": .insideArticleSection, "About the author": [], "Ann Lee": [],
            ])
    }

    /// Whether a section may sit inside an article is its extent's to say, not a declared
    /// signal's; a line rule says it with `inside-article` (a newsletter box's prompt).
    @Test func onlyTheExtentMakesAnInsideArticleSection() throws {
        var closing = SectionExtent()
        closing.insideArticle = false
        let rules = [
            Self.rule("t.line", equals: "Share this", signals: [.insideArticleSection, .imageText]),
            Self.rule("t.box", scope: .section, equals: "About the author", signals: .insideArticleSection, extent: closing),
        ]
        #expect(
            try Self.signals(rules, "Share this\n\nAbout the author") == [
                "Share this": [.insideArticleSection, .imageText], "About the author": [],
            ])
    }

    /// The built-in rules declare what the heuristics once knew by id and id prefix (and the
    /// rules added since that play the same part: a log-in prompt stands for a comment form).
    @Test func builtinRulesDeclareTheSignalsTheHeuristicsUsedToKnowByID() throws {
        let rules = try RuleSet.builtin().rules
        func ids(_ signal: RuleSignals) -> Set<String> { Set(rules.filter { $0.signals.contains(signal) }.map(\.id)) }
        // A commenter's profile address with the name opens a comment like a byline.
        #expect(ids(.commentByline) == ["platform.comment-byline", "platform.commenter-profile"])
        #expect(ids(.notCommentByline) == ["widgets.video-duration", "ui.media-player-time", "widgets.video-card"])
        #expect(ids(.commentForm) == ["platform.comment-form", "platform.login-to-comment"])
        #expect(ids(.postFooter) == ["platform.post-footer"])
        #expect(ids(.postNeighbours) == ["navigation.post-neighbours"])
        #expect(ids(.breadcrumb) == ["navigation.breadcrumb"])
        #expect(ids(.photoCredit) == ["captions.photo-credit"])
        // A newsletter box between two paragraphs: its prompt and its small print.
        #expect(ids(.insideArticleSection) == ["promo.newsletter", "promo.signup-fine-print"])
        #expect(
            ids(.inlineMedia) == [
                "captions.labelled-caption", "captions.labelled-source", "captions.labelled-source-tail",
                "captions.caption-label-line", "captions.source-label-line",
                "ui.media-player-control", "ui.media-player-time", "ui.media-player-notice",
                // A text browser's line for an embedded video or widget stands where the frame was,
                // its formula markup where the formula was.
                "ui.text-browser-frame", "ui.text-browser-math",
            ])
        // A video player's text is media furniture inside the article, like a caption.
        #expect(
            ids(.imageText)
                == Set(rules.map(\.id).filter { $0.hasPrefix("captions.") }).union([
                    "ui.bracketed-text", "ui.media-player-control", "ui.media-player-time", "ui.media-player-notice",
                    "ui.text-browser-math",
                ]))
        let closing = rules.filter { $0.scope == .section && $0.extent?.insideArticle == false }.map(\.id)
        // The platform's section rules close the article, but for a meta label over its value
        // (two lines of the article's head, not a box under it).
        #expect(
            Set(closing)
                == Set(rules.filter { $0.scope == .section && $0.id.hasPrefix("platform.") }.map(\.id))
                .subtracting(["platform.news-meta-cjk-label-line"]))
        #expect(Set(closing) == ["platform.author-box", "platform.about-name-box"])
    }

    /// `--rules DIR` with one file; the rule set with the built-in rules.
    static func withUserRules(_ yaml: String) throws -> RuleSet {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("winnow-signals-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try yaml.write(to: directory.appendingPathComponent("mine.yaml"), atomically: true, encoding: .utf8)
        return try RuleSet.load(directories: [directory.path], includeBuiltin: true)
    }

    static func override(_ id: String, signals: String) -> String {
        """
        version: 1
        rules:
          - id: \(id)
            description: My own version.
            scope: line
            match:
              equals: Leave your comment
        \(signals.isEmpty ? "" : "    signals: \(signals)\n")    examples:
              drop: [Leave your comment]
              keep: [Leave your comment in the box below if you like.]

        """
    }

    @Test func anOverrideHasExactlyTheSignalsItDeclares() throws {
        let builtin = try RuleSet.builtin().rules.first { $0.id == "platform.comment-form" }
        #expect(builtin?.signals == .commentForm)
        let without = try Self.withUserRules(Self.override("platform.comment-form", signals: ""))
        #expect(without.rules.first { $0.id == "platform.comment-form" }?.signals == [])
        let other = try Self.withUserRules(Self.override("platform.comment-form", signals: "[post-footer]"))
        #expect(other.rules.first { $0.id == "platform.comment-form" }?.signals == .postFooter)
        let added = try Self.withUserRules(Self.override("mine.comment-prompt", signals: "[comment-form]"))
        let builtinForms = try RuleSet.builtin().rules.filter { $0.signals.contains(.commentForm) }.map(\.id)
        #expect(added.rules.filter { $0.signals.contains(.commentForm) }.map(\.id) == builtinForms + ["mine.comment-prompt"])
    }
}
