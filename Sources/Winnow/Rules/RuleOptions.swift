/// Choices that change how a rule set applies to a document.
public struct RuleOptions: Sendable, Hashable {
    /// Keep caption text (rules with `caption: true` are skipped); slugs and credits still go.
    public var keepCaptions: Bool

    public init(keepCaptions: Bool = false) {
        self.keepCaptions = keepCaptions
    }
}
