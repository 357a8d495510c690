import Testing

@testable import Winnow

/// What the language scanner's parity tests share: a text's evidence collected one way, and a
/// bit-for-bit comparison of two collections.
enum EvidenceComparison {
    static func evidence(
        _ bytes: [UInt8], scorer: LanguageScorer, cache: WordScoreCache?, asciiRuns: Bool = true, kernel: Bool = true
    ) -> TextEvidence {
        let scratch = EvidenceScratch(poolSizes: scorer.poolSizes)
        let evidence = TextEvidence(poolSizes: scorer.poolSizes)
        bytes.withUnsafeBufferPointer {
            scorer.collect($0, into: evidence, cache: cache, scratch: scratch, asciiRuns: asciiRuns, kernel: kernel)
        }
        return evidence
    }

    static func expectSame(
        _ a: TextEvidence, _ b: TextEvidence, _ text: [UInt8], sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let shown = String(decoding: text, as: UTF8.self)
        #expect(Array(a.letterCounts) == Array(b.letterCounts), "\(shown)", sourceLocation: sourceLocation)
        #expect(Array(a.words) == Array(b.words), "\(shown)", sourceLocation: sourceLocation)
        for f in 0..<TextEvidence.sharedFamilyCount {
            #expect(a.scores(f).map(\.bitPattern) == b.scores(f).map(\.bitPattern), "\(shown)", sourceLocation: sourceLocation)
            #expect(a.lookups(f).map(\.bitPattern) == b.lookups(f).map(\.bitPattern), "\(shown)", sourceLocation: sourceLocation)
        }
    }
}
