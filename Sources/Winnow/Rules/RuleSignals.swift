/// What the lines a rule drops tell the heuristics about the page (a rule's `signals:` key).
///
/// The heuristics that find the article ask whether a rule with a given signal dropped a line
/// ("a comment starts here", "this is the breadcrumb trail") instead of naming rule ids, so a
/// user's rule takes part as soon as it declares the signal, and a rule that overrides a
/// built-in id has exactly the signals it declares. The vocabulary is fixed and documented in
/// Rules/README.md. A drop verdict carries its rule's signals (`Reason.signals`, made once per
/// compiled rule), so asking is a bit test, not a string comparison.
public struct RuleSignals: OptionSet, Sendable, Hashable, Codable {
    public let rawValue: UInt16

    public init(rawValue: UInt16) {
        self.rawValue = rawValue
    }

    /// A reader comment's opening line ("Jen on September 10, 2012 at 9:09 am said:"): a
    /// comment starts here, so the line splits the page like a comment heading.
    public static let commentByline = RuleSignals(rawValue: 1 << 0)
    /// A line with a clock time that is no comment's byline (a video's running time, "05:22 -
    /// Source: CNN"): it sits inside an article and must not end it.
    public static let notCommentByline = RuleSignals(rawValue: 1 << 1)
    /// A comment form ("Leave a Reply", "Your email address will not be published"): what is
    /// above it may be a short post.
    public static let commentForm = RuleSignals(rawValue: 1 << 2)
    /// A blog post's footer ("Posted by Ann | Permalink | Comments (2)"), printed right under the post.
    public static let postFooter = RuleSignals(rawValue: 1 << 3)
    /// The links to the previous and next posts: they top a post, so no title is above them.
    public static let postNeighbours = RuleSignals(rawValue: 1 << 4)
    /// The page's breadcrumb trail: it tops the post, and the article starts below it.
    public static let breadcrumb = RuleSignals(rawValue: 1 << 5)
    /// A line that only credits a photo ("Foto: Kay Nietfeld / dpa"): the line above it, in its
    /// paragraph, is the photo's caption.
    public static let photoCredit = RuleSignals(rawValue: 1 << 6)
    /// An image's text (a caption, a credit, a file name, bracketed alt text): it sits inside
    /// articles, so dropping it does not end the article.
    public static let imageText = RuleSignals(rawValue: 1 << 7)
    /// The own text of a picture or player embedded in the article (a labelled caption "Image
    /// caption The talks …", a video player's controls and notices): it sits between the
    /// article's paragraphs, so it weighs one line against the article region, and a long run
    /// of it (a player's dozen control lines) no more than `HeuristicPass.mediaRunPaidLines`.
    public static let inlineMedia = RuleSignals(rawValue: 1 << 9)
    /// A widget the article may go on past ("Most popular" cards, a newsletter sign-up box
    /// between two of its paragraphs). A section rule's drops carry it when its `extent` leaves
    /// `inside-article` true (the extent decides, whatever the section declares); a line rule
    /// declares it as `inside-article` for lines that make up such a box.
    public static let insideArticleSection = RuleSignals(rawValue: 1 << 8)

    /// The `signals:` names, in the order the documentation lists them.
    public static let vocabulary: [(name: String, signal: RuleSignals)] = [
        ("comment-byline", .commentByline),
        ("not-comment-byline", .notCommentByline),
        ("comment-form", .commentForm),
        ("post-footer", .postFooter),
        ("post-neighbours", .postNeighbours),
        ("breadcrumb", .breadcrumb),
        ("photo-credit", .photoCredit),
        ("image-text", .imageText),
        ("inline-media", .inlineMedia),
        ("inside-article", .insideArticleSection),
    ]

    /// The signal a `signals:` name stands for, or `nil` for a name outside the vocabulary.
    public static func named(_ name: String) -> RuleSignals? {
        vocabulary.first { $0.name == name }?.signal
    }

    /// The `signals:` names of the set, in vocabulary order.
    public var names: [String] {
        Self.vocabulary.filter { contains($0.signal) }.map(\.name)
    }
}
