import Foundation
import Testing
import Winnow

/// How a rule set applies: prefilters, verdict precedence, captions, sections, threads.
@Suite struct RuleSetTests {
    func document(_ text: String) -> Document {
        Document(id: "test", blocks: Segmenter().blocks(from: text))
    }

    func rule(_ id: String, _ match: RulePattern, scope: RuleScope = .line, action: Verdict.Action = .drop, caption: Bool = false) -> Rule {
        Rule(
            id: id, name: id, description: "test rule", scope: scope, match: match, action: action, caption: caption,
            examples: RuleExamples(drop: [RuleExample(text: "x", line: 1)], keep: [RuleExample(text: "y", line: 1)]),
            location: RuleLocation(path: "test.yaml", line: 1))
    }

    func dropped(_ ruleSet: RuleSet, _ text: String, options: RuleOptions = RuleOptions()) -> [String] {
        var document = document(text)
        ruleSet.apply(to: &document, options: options)
        return document.blocks.filter { $0.verdict?.action == .drop }.map(\.text)
    }

    @Test func builtinRulesLoad() throws {
        let rules = try RuleSet.builtin().rules
        #expect(rules.count >= 25)
        #expect(Set(rules.map(\.id)).count == rules.count)
    }

    /// Every literal the prefilter extracts must occur in every string the regex matches.
    @Test(arguments: [
        ("^RTR[0-9A-Z]{4,8}$", ["rtr"], ["RTR3TDRG", "RTR2XYZ1"]),
        ("(?:follow us|folgen sie uns) on", ["follow us", "folgen sie uns"], ["follow us on X", "Folgen Sie uns on"]),
        ("\\b(?:likes?|comments?)\\b", ["comment", "like"], ["7 likes", "0 comments"]),
        ("ab+c", ["ab"], ["abbbc"]),
        ("colou?r", ["colou", "color"], ["color", "colour"]),
        ("a|b\\d", ["a", "b"], ["a", "b1"]),
        ("x?", nil, ["x"]),
        ("\\.php\\b", [".php"], ["index.php"]),
        ("(?x) a b", nil, ["ab"]),
        ("[abc]+z", ["z"], ["abz"]),
        // An optional or repeated character between two: the match holds one pair or the other.
        ("^\\[ *\\]\\s*$", ["[ ", "[]"], ["[]", "[ ]", "[   ]"]),
        ("\\.jpe?g$", [".jpe", ".jpg"], ["img_1.jpg", "IMG_22.JPEG"]),
        ("(?:x|y)ab?c", ["xab", "xac", "yab", "yac"], ["xac", "yabc"]),
    ] as [(String, [String]?, [String])])
    func prefilterLiteralsAreRequired(pattern: String, expected: [String]?, samples: [String]) throws {
        let literals = RuleSet.requiredLiterals(ofRegex: pattern)
        if let expected {
            #expect(literals?.count == expected.count, "\(String(describing: literals))")
        } else {
            #expect(literals == nil)
        }
        let regex = try ICURegex(pattern, options: [.caseInsensitive])
        for sample in samples {
            #expect(try regex.matches(sample))
            if let literals {
                let folded = sample.lowercased()
                #expect(literals.contains { folded.contains($0) }, "\(sample) lacks all of \(literals)")
            }
        }
    }

    @Test func prefilterGivesTheSameAnswersAsTheRegexAlone() throws {
        // Same pattern with a prefilter (found literal) and without (free-spacing mode disables
        // extraction): both rule sets must drop exactly the same lines.
        let lines = [
            "Follow us on Facebook", "follow US on twitter", "We follow up on Facebook", "FOLLOW US ON INSTAGRAM!",
            "Folgen Sie uns auf Facebook", "nothing here", "follow us", "Ｆollow us on Facebook",
        ]
        let text = lines.joined(separator: "\n\n")
        let fast = try RuleSet(rules: [rule("t.fast", RulePattern(.regex("follow us on (?:facebook|twitter|instagram)")))])
        let slow = try RuleSet(rules: [rule("t.slow", RulePattern(.regex("(?x) follow \\x20 us \\x20 on \\x20 (?:facebook|twitter|instagram)")))])
        #expect(dropped(fast, text) == dropped(slow, text))
        #expect(dropped(fast, text).count == 3)
    }

    @Test func literalTestsFoldCase() throws {
        let ruleSet = try RuleSet(rules: [
            rule("t.equals", RulePattern(.equals("STRASSE"))),
            rule("t.contains", RulePattern(.contains("Cookies"))),
            rule("t.prefix", RulePattern(.prefix("powered by"))),
            rule("t.any", RulePattern(.anyOf(["Teilen", "Partager"]))),
        ])
        let text = "Straße\n\nwe use COOKIES here\n\nPowered By WordPress\n\npartager\n\nkeep me"
        #expect(dropped(ruleSet, text) == ["Straße", "we use COOKIES here", "Powered By WordPress", "partager"])
    }

    @Test func caseSensitiveRulesDoNotFold() throws {
        let ruleSet = try RuleSet(rules: [rule("t.code", RulePattern(.regex("^RTR[0-9A-Z]{5}$"), ignoreCase: false))])
        #expect(dropped(ruleSet, "RTR3TDRG\n\nrtr3tdrg") == ["RTR3TDRG"])
    }

    @Test func neverOverridesAnExistingVerdict() throws {
        let ruleSet = try RuleSet(rules: [rule("t.drop", RulePattern(.equals("Subscribe")))])
        var document = document("Subscribe\n\nSubscribe")
        document.blocks[0].verdict = .keep("heuristic.test", "protected")
        ruleSet.apply(to: &document, options: RuleOptions())
        #expect(document.blocks[0].verdict?.action == .keep)
        #expect(document.blocks[1].verdict?.reason.ruleID == "t.drop")
    }

    @Test func keepRulesProtectFromLaterDrops() throws {
        let ruleSet = try RuleSet(rules: [
            rule("t.drop", RulePattern(.prefix("Photo"))),
            rule("t.keep", RulePattern(.contains("essay")), action: .keep),
        ])
        var document = document("Photo essay: the harbour\n\nPhoto: AP")
        ruleSet.apply(to: &document, options: RuleOptions())
        #expect(document.blocks.map { $0.verdict?.reason.ruleID } == ["t.keep", "t.drop"])
    }

    @Test func keepCaptionsSkipsCaptionRulesOnly() throws {
        let ruleSet = try RuleSet(rules: [
            rule("t.slug", RulePattern(.regex("^RTR[0-9A-Z]{5}$"), ignoreCase: false)),
            rule("t.caption", RulePattern(.contains("REUTERS/")), caption: true),
        ])
        let text = "RTR3TDRG\nGuards at a checkpoint. REUTERS/Stringer\n\nArticle text."
        #expect(dropped(ruleSet, text).count == 2)
        #expect(dropped(ruleSet, text, options: RuleOptions(keepCaptions: true)) == ["RTR3TDRG"])
    }

    @Test func sectionsStopWhereTheArticleResumes() throws {
        var section = rule("t.more", RulePattern(.anyOf(["More news"])), scope: .section)
        section.extent = SectionExtent(untilHeading: true, untilLongParagraph: 10, maxLines: 50)
        let ruleSet = try RuleSet(rules: [section])
        let text = """
            More news

              • First card title
                • 12 likes
              • Second card title

            The minister said on Tuesday that the reform would go ahead despite the protests.

            Short closing line.
            """
        #expect(dropped(ruleSet, text) == ["More news", "• First card title", "• 12 likes", "• Second card title"])
    }

    @Test func blockRulesSeeTheWholeParagraph() throws {
        let ruleSet = try RuleSet(rules: [rule("t.block", RulePattern(.regex("\\ARTR[0-9A-Z]{5}\\n"), ignoreCase: false), scope: .block)])
        #expect(dropped(ruleSet, "RTR3TDRG\nCaption line.\n\nArticle.") == ["RTR3TDRG", "Caption line."])
    }

    /// Paragraphs whose first line cannot start an anchored block rule's match are turned away
    /// before they are joined; those whose prefix runs past the first line still are tested.
    @Test func anchoredBlockRulesLookAtTheFirstLine() throws {
        let slug = try RuleSet(rules: [rule("t.block", RulePattern(.regex("\\A(?:RTR|AP)[0-9A-Z]{5}(?:\\n|\\z)"), ignoreCase: false), scope: .block)])
        #expect(dropped(slug, "Caption line.\nRTR3TDRG\n\nAP12345\nOther caption.") == ["AP12345", "Other caption."])
        let twoLines = try RuleSet(rules: [rule("t.block", RulePattern(.regex("\\AOne\\nTwo\\b")), scope: .block)])
        #expect(dropped(twoLines, "One\nTwo lines\n\nOne\nThree") == ["One", "Two lines"])
    }

    @Test func oneRuleSetServesManyThreadsAtOnce() async throws {
        let ruleSet = try RuleSet.builtin()
        let text = "Follow us on Twitter\n\nThe article.\n\n0 comments\n\nCopyright © 2012 X. All Rights Reserved."
        let counts = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    var total = 0
                    for _ in 0..<50 { total += dropped(ruleSet, text).count }
                    return total
                }
            }
            var all: [Int] = []
            for await count in group { all.append(count) }
            return all
        }
        #expect(Set(counts) == [150])
    }

    @Test func seedPagesLoseExactlyTheirBoilerplate() throws {
        let root = URL(fileURLWithPath: RuleCatalog.rulesDirectory).deletingLastPathComponent()
        let ruleSet = try RuleSet.builtin()
        for id in ["000_fe72407b8f1ba837", "001_1e934eb7dd73081c", "002_ec0bdaa464a47173"] {
            let raw = try String(contentsOf: root.appendingPathComponent("Corpus/seeds/raw/\(id).txt"), encoding: .utf8)
            let expected = try String(contentsOf: root.appendingPathComponent("Corpus/seeds/expected/\(id).txt"), encoding: .utf8)
            var document = Document(id: id, blocks: Segmenter().blocks(from: raw))
            ruleSet.apply(to: &document, options: RuleOptions())
            let kept = document.blocks.filter(\.isKept).map { InlineMarkup.plainText($0.text) }
            let expectedLines = expected.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            #expect(kept == expectedLines, "\(id)")
        }
    }
}

extension RuleSetTests {
    @Test func sectionsStopAtAPlainParagraphAfterTheWidget() throws {
        var section = rule("t.recent", RulePattern(.anyOf(["Recent Posts"])), scope: .section)
        section.extent = SectionExtent(untilHeading: true, untilLongParagraph: nil, untilPlainParagraph: true, maxLines: 200)
        let ruleSet = try RuleSet(rules: [section])
        let text = """
            Recent Posts

              • First post title
              • Second post title

            Tip Jar

            August 07, 2012

            Romney plan would add jobs
            """
        #expect(dropped(ruleSet, text) == ["Recent Posts", "• First post title", "• Second post title"])
    }
}

extension RuleSetTests {
    /// The rule matcher's plain-text shortcut must agree with the written text
    /// (`InlineMarkup.writtenText`: `•\tTab` is `Tab`, `- - -` a rule of marks, no text).
    @Test(arguments: [
        "• Home", "* Home", "- a b", "+ x", "· Impressum", "•  Two  spaces", "• [Home](/)", "* **Bold** item",
        "Plain line.", "# Heading", "> quote", "-not a bullet", "• ", "1. Item", "•\tTab", "* * *", "- - -",
        "](http://x.com/a \"t\") Blue Floral", "[Title of a wrapped",
    ])
    func plainTextShortcutAgreesWithTheParser(line: String) throws {
        let segmented = Segmenter().blocks(from: line).first?.text ?? line
        var document = Document(id: "t", blocks: Segmenter().blocks(from: line))
        let rule = rule("t.equals", RulePattern(.equals(InlineMarkup.writtenText(segmented))))
        guard !InlineMarkup.writtenText(segmented).isEmpty else { return }
        try RuleSet(rules: [rule]).apply(to: &document, options: RuleOptions())
        #expect(document.blocks.first?.verdict?.reason.ruleID == "t.equals", "\(line)")
    }
}

extension RuleSetTests {
    /// A "Most Popular" section rule with the extent the built-in widget sections use.
    func popularWidget() throws -> RuleSet {
        var section = rule("t.popular", RulePattern(.anyOf(["Most Popular"])), scope: .section)
        section.extent = SectionExtent(untilHeading: true, untilLongParagraph: 10, untilPlainParagraph: true, maxLines: 60)
        return try RuleSet(rules: [section])
    }

    /// Markdown converters put a teaser card's section and author as paragraphs of their own
    /// between its linked image and its linked title: the widget goes on past them.
    @Test func sectionsGoOnPastACardLabel() throws {
        let ruleSet = try popularWidget()
        let text = """
            Most Popular

            * [![Tools you should have](https://example.com/a.jpg)](https://example.com/a)

            Gear

            [Tools you should have](https://example.com/a)

            Matt Jancer

            * [![A rebellious AI](https://example.com/b.jpg)](https://example.com/b)

            Business

            The article goes on here with a sentence that is long enough to be prose again.
            """
        #expect(
            dropped(ruleSet, text) == [
                "Most Popular", "* [![Tools you should have](https://example.com/a.jpg)](https://example.com/a)", "Gear",
                "[Tools you should have](https://example.com/a)", "Matt Jancer",
                "* [![A rebellious AI](https://example.com/b.jpg)](https://example.com/b)",
            ])
    }
}

extension RuleSetTests {
    /// A text browser leaves a teaser card's linked headline as a plain line: right under the
    /// label it is the widget's; a second plain paragraph, or one that ends like a sentence,
    /// is the article again.
    @Test func sectionsTakeACardHeadlineRightUnderTheLabel() throws {
        var section = rule("t.related", RulePattern(.anyOf(["Related Coverage"])), scope: .section)
        section.extent = SectionExtent(untilHeading: true, untilLongParagraph: 10, untilPlainParagraph: true, maxLines: 60)
        let ruleSet = try RuleSet(rules: [section])
        let card = "Related Coverage\n\nFactbox: Key winners at the 2020 Screen Actors Guild Awards\n\nThe actor thanked his family."
        #expect(dropped(ruleSet, card) == ["Related Coverage", "Factbox: Key winners at the 2020 Screen Actors Guild Awards"])
        let twoPlain = "Related Coverage\n\nFactbox: Key winners at the awards\n\nThe second plain paragraph stays here"
        #expect(dropped(ruleSet, twoPlain) == ["Related Coverage", "Factbox: Key winners at the awards"])
        let sentence = "Related Coverage\n\nThe actor thanked his family and friends.\n\nMore text."
        #expect(dropped(ruleSet, sentence) == ["Related Coverage"])
        let oneWord = "Related Coverage\n\nWinners\n\nMore text."
        #expect(dropped(ruleSet, oneWord) == ["Related Coverage"])
    }
}

extension RuleSetTests {
    /// A line matches an `any-of` phrase also when it adds trailing label punctuation
    /// ("Das könnte dich auch interessieren …", "Related »"); a phrase's own punctuation counts.
    @Test func anyOfPhrasesToleratePunctuationTheLineAdds() throws {
        let ruleSet = try RuleSet(rules: [
            rule("t.related", RulePattern(.anyOf(["Related", "Email:"]))),
        ])
        #expect(dropped(ruleSet, "Related …\n\nRelated »\n\nRelated:\n\nRelated") == ["Related …", "Related »", "Related:", "Related"])
        #expect(dropped(ruleSet, "Email\n\nEmail:") == ["Email:"])
        #expect(dropped(ruleSet, "Related stories\n\n…") == [])
    }
}

extension RuleSetTests {
    /// `pandoc -t plain` writes a list of cards as a bare bullet over each card's indented
    /// lines: a line of marks alone is no paragraph of the article and does not end the widget.
    @Test func sectionsGoOnPastALineOfMarksAlone() throws {
        let ruleSet = try popularWidget()
        let text = """
            Most Popular

            -
                Gear

                Tools You Should Have

            -

            []

            The article goes on here with a sentence that is long enough to be prose again.
            """
        #expect(dropped(ruleSet, text) == ["Most Popular", "-", "Gear", "Tools You Should Have", "-", "[]"])
    }
}

extension RuleSetTests {
    /// lynx sets headings at the margin and indents its text: the article's paragraphs, three
    /// spaces in, still end a widget whose label is at the margin.
    @Test func sectionsStopAtTheIndentedProseOfALynxPage() throws {
        var section = rule("t.related", RulePattern(.anyOf(["Related"])), scope: .section)
        section.extent = SectionExtent(untilHeading: true, untilLongParagraph: 10, maxLines: 50)
        let ruleSet = try RuleSet(rules: [section])
        let text = [
            "   The minister said on Tuesday that the reform would go ahead despite the protests in the capital, where thousands marched again.",
            "",
            "Related",
            "",
            "     * [12]First card title",
            "     * [13]Second card title",
            "",
            "   The unions said they would meet on Thursday to decide whether to call another strike next week, the third this spring.",
        ].joined(separator: "\n")
        #expect(dropped(ruleSet, text) == ["Related", "* [12]First card title", "* [13]Second card title"])
    }
}
