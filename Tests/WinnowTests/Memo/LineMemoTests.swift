import Testing
@testable import Winnow

/// The per-worker line memo: exact keys, tags, a bounded table, no long lines.
@Suite struct LineMemoTests {
    @Test func remembersByTextAndTag() {
        var memo = LineMemo<Int>(capacity: 8)
        memo.store(1, for: "Share this:", tag: 0)
        memo.store(2, for: "Share this:", tag: 7)
        #expect(memo.value(for: "Share this:", tag: 0) == 1)
        #expect(memo.value(for: "Share this:", tag: 7) == 2)
        #expect(memo.value(for: "Share this", tag: 0) == nil)
    }

    @Test func emptiesItselfWhenFull() {
        var memo = LineMemo<Int>(capacity: 4)
        for index in 0..<20 { memo.store(index, for: "line \(index)") }
        #expect(memo.value(for: "line 19") == 19)
        #expect(memo.value(for: "line 0") == nil)
    }

    @Test func doesNotKeepLongLines() {
        var memo = LineMemo<Int>(capacity: 8)
        let long = String(repeating: "word ", count: LineMemo<Int>.longestLine)
        memo.store(1, for: long)
        #expect(memo.value(for: long) == nil)
        #expect(memo.lookUp(long).hash == 0)
    }
}
