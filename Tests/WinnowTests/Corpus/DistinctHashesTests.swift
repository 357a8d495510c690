import Testing

@testable import Winnow

@Suite struct DistinctHashesTests {
    /// Each hash once, in first-seen order, hash 0 included, over documents of changing size
    /// that share one set.
    @Test func keepsTheFirstOfEachHash() {
        var seen = DistinctHashes()
        var random = SplitMix(state: 5)
        for document in 0..<300 {
            let count = document % 7 == 0 ? random.below(2000) : random.below(60)
            var hashes = (0..<count).map { _ in random.below(4) == 0 ? 0 : (random.next() % UInt64(max(1, count / 2))) << 40 }
            var expected: [UInt64] = []
            var set: Set<UInt64> = []
            for hash in hashes where set.insert(hash).inserted { expected.append(hash) }
            #expect(seen.distinct(&hashes) == expected)
            #expect(hashes.isEmpty)
        }
    }
}
