/// What the segmenter learnt about a line's bytes while it scanned them anyway, so the
/// writers need not scan the line again.
///
/// Traits are only ever a promise: a block without one is handled the general way. Setting a
/// block's text clears them.
struct TextTraits: OptionSet, Sendable {
    let rawValue: UInt8

    /// None of `[ \ ] ^ _ `` ` * <`, no control character or tab, no double space and no quote:
    /// the line (after its block markers) is its own plain text, and its own JSON string body.
    /// Computed, not stored: a stored static is reached through a once-guard call per use
    /// on Linux, and the segmenter and the writers ask once per line.
    static var verbatim: TextTraits { TextTraits(rawValue: 1) }

    /// No trait (`[]` builds an array first when the optimizer leaves the literal alone).
    static var none: TextTraits { TextTraits(rawValue: 0) }
}
