/// All stopword lists merged into one table: word → bit set of the languages that list it.
///
/// One lookup per word tells every language at once, so a single pass over a document yields
/// both its stopword-richest language (when no detector has run) and each line's density.
struct StopwordIndex: Sendable {
    /// Language codes; bit `i` of a mask stands for `languages[i]`.
    let languages: [String]
    let masks: [String: UInt64]

    static let shared = StopwordIndex()

    private init() {
        // At most 64 languages fit a mask; the generated lists hold fewer.
        let languages = Array(StopwordLists.languages.prefix(64))
        var masks: [String: UInt64] = [:]
        for (bit, code) in languages.enumerated() {
            for word in StopwordLists.stopwords(for: code) ?? [] {
                masks[word, default: 0] |= UInt64(1) << UInt64(bit)
            }
        }
        self.languages = languages
        self.masks = masks
    }

    /// Index of `code` in `languages`, or `nil` when there is no list for it.
    func slot(of code: String) -> Int? {
        languages.firstIndex(of: code)
    }
}
