import Testing
@testable import Winnow

/// The one hash of a line that the three line memos share: the word-at-a-time tail agrees
/// with gathering the bytes one by one, blocks carry the hash of their final bytes, and a
/// memo finds by a block's hash what it stored by bytes.
@Suite struct LineHashTests {
    /// The hash as first written: the tail gathered byte by byte.
    private static func reference(_ bytes: [UInt8]) -> UInt64 {
        let k: UInt64 = 0x9E37_79B9_7F4A_7C15
        var h = UInt64(bytes.count) &* k
        var i = 0
        while i + 8 <= bytes.count {
            var word: UInt64 = 0
            for j in 0..<8 { word |= UInt64(bytes[i + j]) << UInt64(8 * j) }
            h = (h ^ word) &* k
            h ^= h >> 29
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < bytes.count {
            tail |= UInt64(bytes[i]) << shift
            shift += 8
            i += 1
        }
        h = (h ^ tail) &* k
        h ^= h >> 33
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h = h &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return h == 0 ? 1 : h
    }

    private static func hash(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { LineHash.of($0) }
    }

    @Test func agreesWithTheByteByByteHashAtEveryLength() {
        let text = Array("Ünïcødé menu → entry, 日本語のテキスト and some ASCII words to make it long".utf8)
        for length in 0...text.count {
            let bytes = Array(text[..<length])
            #expect(Self.hash(bytes) == Self.reference(bytes), "length \(length)")
        }
    }

    @Test func emptyLineHasAHashAndNoAddressIsNeeded() {
        #expect(LineHash.of(UnsafeRawBufferPointer(start: nil, count: 0)) == Self.reference([]))
        #expect(Self.hash([]) != 0)
    }

    @Test func takesLinesUpToTheMemosLongestLine() {
        let longest = [UInt8](repeating: 0x61, count: LineMemo<Int>.longestLine)
        #expect(Self.hash(longest) == Self.reference(longest))
        #expect(Self.hash(longest + [0x61]) == 0)
    }

    @Test func tagsMixInAndKeepZero() {
        let hash = Self.hash(Array("Share this:".utf8))
        #expect(LineHash.tagged(hash, tag: 0) == hash)
        #expect(LineHash.tagged(hash, tag: 7) != hash)
        #expect(LineHash.tagged(hash, tag: 7) != LineHash.tagged(hash, tag: 8))
        #expect(LineHash.tagged(0, tag: 7) == 0)
    }

    @Test func blocksCarryTheHashOfTheirFinalBytes() {
        // Plain, NFC-changed (e + combining acute), control-cleaned and indented lines.
        let text = "Home | About\n\ncafe\u{301} menu\n\nbad\u{7}byte\n\n    indented line\n\nHome | About"
        let blocks = Segmenter().blocks(from: text)
        #expect(blocks.count == 5)
        for index in blocks.indices {
            #expect(blocks[index].lineHash != 0)
            #expect(blocks[index].lineHash == Self.hash(Array(blocks[index].text.utf8)), "\(blocks[index].text)")
            #expect(blocks.lineHash(at: index) == blocks[index].lineHash)
        }
        #expect(blocks[0].lineHash == blocks[4].lineHash)
    }

    @Test func settingTextForgetsTheHash() {
        var blocks = Segmenter().blocks(from: "Read more")
        blocks[0].text = "Read less"
        #expect(blocks[0].lineHash == 0)
        #expect(blocks.lineHash(at: 0) == Self.hash(Array("Read less".utf8)))
    }

    @Test func memoFindsByABlocksHashWhatItStoredByBytes() {
        var memo = LineMemo<Int>(capacity: 8)
        let blocks = Segmenter().blocks(from: "Sign in\n\nСледующая статья")
        for index in blocks.indices {
            let tag = UInt64(index + 1)
            let hash = LineHash.tagged(blocks.lineHash(at: index), tag: tag)
            memo.prefetch(hash: hash)
            memo.prefetchEntry(hash: hash)
            memo.prefetchKey(hash: hash)
            var text = blocks[index].text
            text.withUTF8 { memo.store(index, bytes: $0, tag: tag) }
            #expect(text.withUTF8 { memo.lookUp(bytes: $0, tag: tag, hash: hash).value } == index)
            #expect(text.withUTF8 { memo.lookUp(bytes: $0, tag: tag + 10, hash: LineHash.tagged(hash, tag: 10)).value } == nil)
        }
    }
}
