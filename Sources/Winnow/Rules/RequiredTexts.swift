import CTextScan

/// The requirements of a regex beyond the one its literal prefilter uses: sets of folded texts,
/// each of which must have a member in the folded text for the regex to match, looked for
/// just before ICU would run.
///
/// The prefilter keeps one set per regex, the most selective, in the literal scanner; a line
/// holding it but not the pattern's other required words (`ctrl` without `enter`, a price's
/// `at` without a currency sign) went on to ICU, which read the whole line to find no match.
/// Only small sets are kept: each member is one `memmem` over the text.
struct RequiredTexts: Sendable {
    let sets: [[[UInt8]]]

    /// The most members a kept set has.
    static let largestSet = 4

    /// `requirements` but the one already prefiltered (`chosen`) and those with more than
    /// `largestSet` members; `nil` when none is left.
    init?(_ requirements: [[String]], besides chosen: [String]?) {
        let kept = requirements.filter { $0 != chosen && !$0.isEmpty && $0.count <= Self.largestSet }
        guard !kept.isEmpty else { return nil }
        sets = kept.map { set in set.map { Array($0.utf8) } }
    }

    /// The sets as they were kept (a snapshot's copy).
    init(sets: [[[UInt8]]]) {
        self.sets = sets
    }

    /// Whether `folded` holds a member of every set.
    func areHeld(in folded: UnsafeRawBufferPointer) -> Bool {
        sets.allSatisfy { set in set.contains { Self.contains(folded, $0) } }
    }

    private static func contains(_ haystack: UnsafeRawBufferPointer, _ needle: [UInt8]) -> Bool {
        needle.withUnsafeBufferPointer { needle in
            winnow_contains(
                haystack.baseAddress?.assumingMemoryBound(to: UInt8.self), Int64(haystack.count), needle.baseAddress,
                Int64(needle.count)) != 0
        }
    }
}
