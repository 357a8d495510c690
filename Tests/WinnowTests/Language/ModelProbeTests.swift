import CTextScan
import Testing
@testable import Winnow

/// The C kernels' model lookup must find what the Swift lookup finds (also on small tables
/// with runs that wrap round, and on full ones), and their ranking selection what the Swift
/// loop selected.
@Suite struct ModelProbeTests {
    /// The scalar search of `LanguageModel.Table.entries(for:)`, bounded to one round.
    private func reference(_ slots: [UInt16], key: UInt64) -> (offset: UInt32, count: Int32) {
        let count = slots.count / 3
        var fingerprint = UInt16(truncatingIfNeeded: key >> 48)
        if fingerprint == 0 { fingerprint = 1 }
        var index = Int((UInt64(UInt32(truncatingIfNeeded: key)) &* UInt64(count)) >> 32)
        for _ in 0..<count {
            let stored = slots[3 * index]
            if stored == fingerprint {
                let high = slots[3 * index + 2]
                return (UInt32(slots[3 * index + 1]) | UInt32(high >> 8) << 16, Int32(high & 0xFF))
            }
            if stored == 0 { return (0, 0) }
            index = (index + 1) % count
        }
        return (0, 0)
    }

    private func entries(_ slots: [UInt16], key: UInt64) -> (offset: UInt32, count: Int32) {
        slots.withUnsafeBufferPointer { slots in
            var table = WinnowLangidTable(
                slots: slots.baseAddress, slotCount: UInt64(slots.count / 3), entries: nil, entryCount: 0)
            var offset: UInt32 = 0
            let count = winnow_langid_entries(&table, key, &offset)
            return (count > 0 ? offset : 0, count)
        }
    }

    @Test func searchAgreesWithTheReferenceOnSmallTables() {
        var random = SplitMix(state: 2121)
        // Few fingerprints, so that keys meet their own, others' and offset fields holding
        // the same u16; tables of 1…40 slots, some full (no empty slot), runs that wrap round.
        let fingerprints: [UInt16] = [1, 2, 3, 0x1234, 0xFFFF]
        for _ in 0..<4_000 {
            let slotCount = 1 + random.below(40)
            let fill = random.below(101)
            var slots = [UInt16](repeating: 0, count: 3 * slotCount)
            for s in 0..<slotCount where random.below(100) < fill {
                slots[3 * s] = fingerprints[random.below(fingerprints.count)]
                slots[3 * s + 1] = random.below(2) == 0 ? fingerprints[random.below(fingerprints.count)] : UInt16(random.below(65_536))
                slots[3 * s + 2] = UInt16(random.below(65_536))
            }
            for _ in 0..<8 {
                let top = UInt64(random.below(3) == 0 ? 0 : fingerprints[random.below(fingerprints.count)])
                let key = top << 48 | (random.next() & 0xFFFF_FFFF_FFFF)
                let fast = entries(slots, key: key)
                let slow = reference(slots, key: key)
                // A slot may hold an empty entry list; its offset then says nothing.
                #expect(fast.count == slow.count && (slow.count == 0 || fast.offset == slow.offset), "\(slotCount) slots, key \(key)")
            }
        }
    }

    @Test func searchAgreesWithTheModelsOwnLookup() throws {
        let model = try #require(LanguageModel.bundled)
        var table = model.table.c
        var random = SplitMix(state: 77)
        // Random keys (nearly all absent) and the keys of real words' n-grams (many present).
        var keys = (0..<20_000).map { _ in random.next() }
        for word in ["the", "und", "der", "voté", "ремонт", "zzqx", "a", "conseil", "bridge"] {
            let scalars = [0x20] + word.unicodeScalars.map(\.value) + [0x20]
            for start in scalars.indices {
                var g = LanguageModelHash.offsetBasis
                for n in 1...min(5, scalars.count - start) {
                    g = LanguageModelHash.step(g, scalars[start + n - 1])
                    keys.append(LanguageModelHash.finish(g ^ UInt64(n)))
                }
            }
        }
        var found = 0
        for key in keys {
            let (pairs, count) = model.entries(for: key)
            var offset: UInt32 = 0
            let fast = winnow_langid_entries(&table, key, &offset)
            #expect(Int(fast) == count)
            if count > 0 {
                found += 1
                #expect(model.table.entries + 2 * Int(offset) == pairs)
            }
        }
        #expect(found > 20)
    }

    @Test func emptyOrMissingTablesAreRefused() {
        var offset: UInt32 = 0
        #expect(winnow_langid_entries(nil, 1, &offset) == -1)
        var table = WinnowLangidTable(slots: nil, slotCount: 0, entries: nil, entryCount: 0)
        #expect(winnow_langid_entries(&table, 1, &offset) == -1)
    }

    /// The selection the ranking made in Swift before the C kernel: totals, then insertion of
    /// each into the best `limit` (ties keep the lower slot first).
    private func referenceLeaders(
        scores: [Float], priors: [Float], charges: [Float], limit: Int
    ) -> (totals: [Float], slots: [Int64], tops: [Float]) {
        var totals: [Float] = []
        for slot in scores.indices {
            var t = scores[slot] + priors[slot]
            for c in charges { t += c }
            totals.append(t)
        }
        var tops: [Float] = []
        var slots: [Int64] = []
        for (slot, t) in totals.enumerated() {
            guard tops.count < limit || t > tops[tops.count - 1] else { continue }
            var i = tops.count
            while i > 0, tops[i - 1] < t { i -= 1 }
            tops.insert(t, at: i)
            slots.insert(Int64(slot), at: i)
            if tops.count > limit {
                tops.removeLast()
                slots.removeLast()
            }
        }
        return (totals, slots, tops)
    }

    @Test func leadersAreTheSwiftSelection() {
        var random = SplitMix(state: 31)
        for round in 0..<3_000 {
            let count = random.below(70)
            let limit = 1 + random.below(5)
            // A coarse grid gives ties; a fine one the scorer's spread of totals.
            let grid: Float = round % 2 == 0 ? 1 : 1_000
            // Some rounds hold NaN, -infinity or zeros of both signs, which the repeated
            // maximum must leave to the insertion (or order as it does).
            let specials: [Float] = [.nan, -.infinity, 0, -0.0]
            let scores = (0..<count).map { _ in
                round % 5 == 0 && random.below(8) == 0 ? specials[random.below(4)] : -Float(random.below(400)) / grid
            }
            let priors = (0..<count).map { _ in random.below(4) == 0 ? -2 : Float(0) }
            let charges = (0..<6).map { _ in round % 5 == 0 ? 0 : -Float(random.below(50)) / 7 }
            var totals = [Float](repeating: .nan, count: count)
            var slots = [Int64](repeating: -1, count: limit + 1)
            var tops = [Float](repeating: .nan, count: limit + 1)
            let kept = totals.withUnsafeMutableBufferPointer { totals in
                slots.withUnsafeMutableBufferPointer { slots in
                    tops.withUnsafeMutableBufferPointer { tops in
                        winnow_langid_leaders(
                            scores, priors, charges, Int64(count), totals.baseAddress, Int64(limit), slots.baseAddress,
                            tops.baseAddress)
                    }
                }
            }
            let expected = referenceLeaders(scores: scores, priors: priors, charges: charges, limit: limit)
            #expect(Int(kept) == expected.slots.count)
            #expect(totals.map(\.bitPattern) == expected.totals.map(\.bitPattern))
            #expect(Array(slots.prefix(Int(kept))) == expected.slots)
            #expect(Array(tops.prefix(Int(kept))).map(\.bitPattern) == expected.tops.map(\.bitPattern))
        }
    }

    @Test func leadersRefuseBadArguments() {
        var slots = [Int64](repeating: 0, count: 4)
        var tops = [Float](repeating: 0, count: 4)
        let charges = [Float](repeating: 0, count: 6)
        #expect(winnow_langid_leaders(nil, nil, charges, 0, nil, 4, &slots, &tops) == 0)
        #expect(winnow_langid_leaders(nil, nil, charges, 3, nil, 4, &slots, &tops) == -1)
        #expect(winnow_langid_leaders(nil, nil, charges, 0, nil, 0, &slots, &tops) == -1)
        #expect(winnow_langid_leaders(nil, nil, nil, 0, nil, 4, &slots, &tops) == -1)
    }
}
