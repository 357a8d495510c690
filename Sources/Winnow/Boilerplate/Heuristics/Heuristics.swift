/// The registry of built-in heuristics, in the order they are explained.
public enum Heuristics {
    /// Every heuristic's description; ids are unique (a test checks).
    public static let all: [HeuristicDescription] = [
        PlaceholderHeuristic.description,
        LinkDenseHeuristic.description,
        MenuItemHeuristic.description,
        CardTitleHeuristic.description,
        LinkListHeuristic.description,
        RepeatedLineHeuristic.description,
        ScriptCodeHeuristic.description,
        CommentThreadHeuristic.description,
        PostMetaHeuristic.description,
    ] + ArticleRegionHeuristic.descriptions + [
        BreadcrumbAnchorHeuristic.description,
        SplitArticleHeuristic.description,
        CleanEdgesHeuristic.description,
        ArticleBridgeHeuristic.description,
        TitleMatchHeuristic.description,
        PostDateHeader.description,
        PostBeforeCommentsHeuristic.description,
        ShortRunHeuristic.description,
        ForeignShortBlockHeuristic.description,
        WrappedProse.description,
        CaptionAboveCredit.description,
        DoubledLineHeuristic.description,
        RepeatedParagraphHeuristic.description,
        TrailingHeadingHeuristic.description,
        AuthorBioHeuristic.description,
    ]

    /// The description with `id`, if any.
    public static func description(of id: String) -> HeuristicDescription? {
        all.first { $0.id == id }
    }
}
