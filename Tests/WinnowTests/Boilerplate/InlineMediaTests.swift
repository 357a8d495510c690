import Testing

@testable import Winnow

/// A picture's or player's own text that a rule drops with `inline-media` weighs one line
/// against the article region, and a long run of it no more than three: a caption or a video
/// player between two short paragraphs does not end the article. The same lines dropped as
/// plain image text still count in full (a card grid's alt text ends an article).
@Suite struct InlineMediaTests {
    static let page = """
        Syrian rebels say they have captured two missile depots on the outskirts of Damascus, seizing weapons they say they will use against government forces.
        Image caption Rebels inspect rockets in what activists say is one of the depots near Qutayfah
        Media caption Footage posted online appears to show fighters loading the launchers onto lorries
        Government forces have been bombarding rebel-held districts around the capital for weeks, the army said.
        Video Player is loading.
        Play Video
        Current Time 0:00
        Duration 2:14
        Loaded: 0%
        Playback Rate
        Audio Track
        Picture-in-Picture
        The United Nations says more than 100,000 people have died since the uprising began in March 2011.
        """
    static let mediaLines = [
        "Image caption Rebels inspect rockets in what activists say is one of the depots near Qutayfah",
        "Media caption Footage posted online appears to show fighters loading the launchers onto lorries",
        "Video Player is loading.", "Play Video", "Current Time 0:00", "Duration 2:14", "Loaded: 0%", "Playback Rate",
        "Audio Track", "Picture-in-Picture",
    ]

    /// Source lines kept when `mediaLines` are dropped by a rule with `signals`.
    static func kept(signals: RuleSignals) throws -> Set<Int> {
        let rules = mediaLines.enumerated().map { offset, line in
            Rule(
                id: "t.media-\(offset)", name: "t", description: "t", scope: .line, match: RulePattern(.equals(line)),
                extent: nil, action: .drop, signals: signals.union(.notCommentByline),
                examples: RuleExamples(drop: [RuleExample(text: line, line: 1)], keep: [RuleExample(text: "x", line: 1)]),
                location: RuleLocation(path: "test.yaml", line: 1))
        }
        var document = Document(id: "t", blocks: Segmenter().blocks(from: page))
        try RuleSet(rules: rules).apply(to: &document, options: RuleOptions())
        try BoilerplateRemover(options: BoilerplateOptions(mode: .balanced)).process(&document)
        return Set(document.blocks.filter(\.isKept).map(\.origin.line))
    }

    @Test func inlineMediaDoesNotEndAShortArticle() throws {
        #expect(try Self.kept(signals: [.imageText, .inlineMedia]) == [1, 4, 13])
    }

    /// The region ends at the plain image text; the tail walk then steps over the two captions
    /// to the sentence below (a short article's last paragraph past a picture), but not over
    /// the player's eight lines.
    @Test func plainImageTextStillCountsInFull() throws {
        #expect(try Self.kept(signals: .imageText) == [1, 4])
    }
}
