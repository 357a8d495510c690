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

    @Test func keepsEveryEntryUntilFull() {
        var memo = LineMemo<Int>(capacity: 1 << 10)
        for index in 0..<1000 { memo.store(index, for: "menu entry \(index)") }
        let missing = (0..<1000).filter { (index: Int) in memo.value(for: "menu entry \(index)") != index }
        #expect(missing.isEmpty)
        // Storing a key again keeps the first value (values are pure functions of the key).
        memo.store(-1, for: "menu entry 3")
        let again = memo.value(for: "menu entry 3")
        #expect(again == 3)
    }

    @Test func bytesAndStringsAreTheSameKeys() {
        var memo = LineMemo<Int>(capacity: 8)
        let bytes: [UInt8] = Array("Read more".utf8)
        bytes.withUnsafeBufferPointer { memo.store(5, bytes: $0, tag: 2) }
        #expect(memo.value(for: "Read more", tag: 2) == 5)
        #expect(bytes.withUnsafeBufferPointer { memo.lookUp(bytes: $0, tag: 2).value } == 5)
        memo.store(6, for: "", tag: 0)
        #expect(memo.value(for: "") == 6)
    }

    @Test func emptiesItselfWhenItsKeysFillTheArena() {
        var memo = LineMemo<Int>(capacity: 1 << 14)
        let perLine = LineMemo<Int>.longestLine
        let lines = LineMemo<Int>.arenaLimit / perLine + 1
        func line(_ index: Int) -> String {
            let head = "\(index) "
            return head + String(repeating: "x", count: perLine - head.utf8.count)
        }
        for index in 0..<lines { memo.store(index, for: line(index)) }
        #expect(memo.value(for: line(lines - 1)) == lines - 1)
        #expect(memo.value(for: line(0)) == nil)
    }
}
