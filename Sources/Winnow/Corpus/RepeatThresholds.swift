/// When a line that repeats across a site's documents counts as boilerplate.
///
/// A line is dropped when it occurs in at least `minDocuments` documents of its site **and**
/// in at least `minShare` of them. The share is what protects genuine shared text: a quote or
/// a syndicated paragraph that a few articles of a site repeat is in a small share of the
/// site's pages, while a menu, a footer or a "Follow us" line is on most of them. Long lines
/// (prose: `longLineBytes` or more after normalising, about 25 English words) must reach the
/// higher `longLineShare`, because a repeated paragraph is far more often real text than a
/// repeated short line is. And a repeated line with no boilerplate on either side (neither
/// neighbour repeated nor dropped by another rule) must reach `isolatedShare`: boilerplate
/// comes in runs (menus, footers, widgets), while a line repeated inside the article's own
/// text is more likely a recurring quote, a series name or a title.
public struct RepeatThresholds: Sendable, Hashable {
    /// Fewest documents of the site that must hold the line (`--repeat-min-docs`, default 5).
    public var minDocuments: Int
    /// Smallest share of the site's documents that must hold it (`--repeat-min-share`, default 0.5).
    public var minShare: Double
    /// Normalised length in UTF-8 bytes from which a line counts as long (default 150).
    public var longLineBytes: Int
    /// Share a long line needs (default 0.9).
    public var longLineShare: Double
    /// Share a repeated line needs when neither neighbour is boilerplate (default 0.8).
    public var isolatedShare: Double

    public static let defaultMinDocuments = 5
    public static let defaultMinShare = 0.5
    public static let defaultLongLineBytes = 150
    public static let defaultLongLineShare = 0.9
    public static let defaultIsolatedShare = 0.8

    public init(
        minDocuments: Int = RepeatThresholds.defaultMinDocuments, minShare: Double = RepeatThresholds.defaultMinShare,
        longLineBytes: Int = RepeatThresholds.defaultLongLineBytes,
        longLineShare: Double = RepeatThresholds.defaultLongLineShare,
        isolatedShare: Double = RepeatThresholds.defaultIsolatedShare
    ) {
        self.minDocuments = max(1, minDocuments)
        self.minShare = min(max(minShare, 0), 1)
        self.longLineBytes = max(1, longLineBytes)
        self.longLineShare = min(max(longLineShare, self.minShare), 1)
        self.isolatedShare = min(max(isolatedShare, self.minShare), 1)
    }

    /// Whether a line of normalised `length` held by `count` of the site's `documents` is
    /// boilerplate.
    public func isRepeated(count: UInt64, documents: UInt64, length: Int) -> Bool {
        guard count >= UInt64(minDocuments), documents > 0 else { return false }
        let share = length >= longLineBytes ? longLineShare : minShare
        // Integer-exact comparison of count / documents >= share, to avoid rounding surprises
        // at the boundary (3 of 6 is exactly 0.5).
        return Double(count) >= share * Double(documents) - 1e-9
    }
}
