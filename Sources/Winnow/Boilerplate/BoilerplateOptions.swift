/// How aggressively the boilerplate remover cuts, and what it keeps.
public struct BoilerplateOptions: Sendable, Hashable {
    /// The one precision/recall dial.
    ///
    /// The mode never moves the article region that the heuristics find (so the dial is
    /// predictable): it decides how much of the material inside and at the edges of that region
    /// is kept. Kept lines are nested: everything `precision` keeps, `balanced` keeps, and
    /// everything `balanced` keeps, `recall` keeps (rules apply the same in every mode).
    public enum Mode: String, Sendable, Hashable, CaseIterable, Codable {
        /// Drops the title and byline above the article, and runs of short unpunctuated lines
        /// inside it (menus, tag lists, card titles), at the risk of losing subheadings and
        /// list items.
        case precision
        /// The default: keeps the article region with up to two title/byline lines above it;
        /// drops navigation, link lists, placeholders and repeated template lines inside it, and
        /// everything outside it.
        case balanced
        /// Keeps menu-like lists and repeated lines inside the article, and up to three title
        /// and byline lines above it.
        case recall
    }

    /// The dial.
    public var mode: Mode
    /// Keep caption text (the rules still drop photo slugs and credits).
    public var keepCaptions: Bool
    /// Run the built-in heuristics (rules alone when false).
    public var useHeuristics: Bool

    public init(mode: Mode = .balanced, keepCaptions: Bool = false, useHeuristics: Bool = true) {
        self.mode = mode
        self.keepCaptions = keepCaptions
        self.useHeuristics = useHeuristics
    }

    /// The thresholds of `mode`.
    public var thresholds: HeuristicThresholds { HeuristicThresholds(mode: mode) }
}
