import Testing
@testable import Winnow

/// The ranking's two-lane soft-max must give the scalar computation's bits exactly: language
/// confidences are written out, and a last-bit change would change outputs.
@Suite struct SoftMaxTests {
    /// The scalar soft-max denominator the ranking used before it took two terms at a time.
    private func scalarSum(_ totals: [Float], best: Float, temperature: Float) -> Double {
        var sum = 0.0
        for t in totals {
            let x = Double((t - best) / temperature)
            if x > -40 { sum += x.exponential }
        }
        return sum
    }

    @Test func twoLaneExponentialMatchesScalarBitForBit() {
        var random = SplitMix(state: 7)
        for _ in 0..<20_000 {
            let a = -Double(random.next() % 700_000_000) / 1_000_000
            let b = -Double(random.next() % 60_000_000) / 1_000_000
            let lanes = Double.exponentialOfNonPositive(SIMD2(a, b))
            #expect(lanes[0].bitPattern == a.exponential.bitPattern)
            #expect(lanes[1].bitPattern == b.exponential.bitPattern)
        }
        let edges: [Double] = [0, -0.0, -1e-300, -0.6931471805599453, -39.999999, -40, -699.9]
        for x in edges {
            #expect(Double.exponentialOfNonPositive(SIMD2(x, x))[1].bitPattern == x.exponential.bitPattern)
        }
    }

    @Test func softMaxSumMatchesTheScalarSumBitForBit() {
        var random = SplitMix(state: 11)
        for round in 0..<5_000 {
            let count = 1 + random.below(60)
            // Totals like the scorer's: large negative log-probabilities, some far behind.
            let totals = (0..<count).map { _ in -Float(random.next() % 4_000_000) / 1_000 }
            let best = totals.max() ?? 0
            let temperature: Float = round % 2 == 0 ? 6 : 1.5
            let fast = totals.withUnsafeBufferPointer {
                LanguageScorer.softMaxSum($0, best: best, temperature: temperature)
            }
            #expect(fast.bitPattern == scalarSum(totals, best: best, temperature: temperature).bitPattern)
        }
    }

    @Test func leadingTermsMatchTheScalarTermsBitForBit() {
        var random = SplitMix(state: 13)
        for round in 0..<5_000 {
            let count = 1 + random.below(4)
            // Some rounds put a runner-up more than 700 behind (after the temperature), where
            // `exponential` answers 0 and the four-lane kernel must not be used.
            let spread: UInt64 = round % 3 == 0 ? 6_000_000 : 400_000
            let tops = (0..<count).map { _ in -Float(random.next() % spread) / 1_000 }
            let best = tops.max() ?? 0
            let temperature: Float = round % 2 == 0 ? 6 : 1.5
            var terms = [Double](repeating: .nan, count: 8)
            tops.withUnsafeBufferPointer { tops in
                terms.withUnsafeMutableBufferPointer {
                    LanguageScorer.leadingTerms(tops, best: best, temperature: temperature, into: $0)
                }
            }
            for (i, t) in tops.enumerated() {
                let scalar = Double((t - best) / temperature).exponential
                #expect(terms[i].bitPattern == scalar.bitPattern)
            }
        }
    }

    @Test func rankingKeepsItsFirstFourEntries() {
        var ranking = Ranking()
        #expect(ranking.isEmpty)
        for (i, code) in ["en", "fr", "de", "it", "es"].enumerated() {
            ranking.append(code, probability: 1 / Double(i + 1))
        }
        #expect(ranking.count == Ranking.capacity)
        #expect((0..<ranking.count).map { ranking[$0].code } == ["en", "fr", "de", "it"])
        #expect(ranking[2].probability == 1.0 / 3)
        #expect(Ranking("th", probability: 1)[0].code == "th")
    }
}
