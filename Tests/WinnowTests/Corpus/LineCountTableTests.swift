import Testing

@testable import Winnow

@Suite struct LineCountTableTests {
    /// The open-addressing table counts exactly what a `Dictionary` counts, hash 0 included,
    /// through growth and filtering.
    @Test func countsLikeADictionary() {
        var table = LineCountTable()
        var reference: [UInt64: UInt32] = [:]
        var random = SplitMix(state: 3)
        for step in 0..<20_000 {
            let hash: UInt64 = step % 97 == 0 ? 0 : (random.next() % 5000) << UInt64(random.below(50))
            let isNew = reference[hash] == nil
            reference[hash, default: 0] += 1
            #expect(table.increment(hash) == isNew)
        }
        #expect(table.count == reference.count)
        let sorted = table.sortedEntries()
        #expect(sorted.hashes == reference.keys.sorted())
        #expect(sorted.counts == sorted.hashes.map { reference[$0] ?? 0 })
        let even = table.filter { $0 % 2 == 0 }.sortedEntries()
        #expect(even.hashes == reference.keys.filter { $0 % 2 == 0 }.sorted())
        #expect(even.counts == even.hashes.map { reference[$0] ?? 0 })
    }

    @Test func radixSortSortsLikeTheStandardSort() {
        var random = SplitMix(state: 9)
        for count in [0, 1, 5, 2047, 2048, 2049, 50_000] {
            var keys = (0..<count).map { index in index % 5 == 0 ? random.next() >> UInt64(random.below(64)) : random.next() }
            if count > 10 { keys[3] = 0; keys[4] = .max; keys[5] = keys[6] }
            let expected = keys.sorted()
            LineCountTable.sortUniformly(&keys)
            #expect(keys == expected)
        }
    }
}
