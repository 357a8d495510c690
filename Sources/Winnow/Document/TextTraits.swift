/// What the segmenter learnt about a line's bytes while it scanned them anyway, so the
/// writers need not scan the line again.
///
/// Traits are only ever a promise: a block without one is handled the general way. Setting a
/// block's text clears them.
struct TextTraits: OptionSet, Sendable {
    let rawValue: UInt8

    /// None of `[ \ ] ^ _ `` ` *`, no control character or tab, no double space and no quote:
    /// the line (after its block markers) is its own plain text, and its own JSON string body.
    static let verbatim = TextTraits(rawValue: 1)
}
