import Foundation
import Testing

@testable import Winnow

@Suite struct LineStreamTests {
    private func lines(of bytes: [UInt8], chunkSize: Int = 1 << 20) throws -> [String] {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("in.jsonl", Data(bytes))
        let stream = try LineStream(path: path, chunkSize: chunkSize)
        var result: [String] = []
        while let line = try stream.nextLine() { result.append(String(decoding: line, as: UTF8.self)) }
        return result
    }

    @Test func splitsAtLineFeedsAndDropsCarriageReturns() throws {
        #expect(try lines(of: Array("a\r\nb\n\nc".utf8)) == ["a", "b", "", "c"])
        // Lines longer than a chunk grow the buffer instead of being cut.
        #expect(try lines(of: Array("0123456789\nxy\n".utf8), chunkSize: 4) == ["0123456789", "xy"])
    }

    @Test func dropsAUTF8ByteOrderMarkBeforeTheFirstLineOnly() throws {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        #expect(try lines(of: bom + Array("{\"a\":1}\n".utf8) + bom + Array("x".utf8)) == ["{\"a\":1}", "\u{FEFF}x"])
        #expect(try lines(of: bom) == [])
        #expect(try lines(of: bom + Array("ab".utf8), chunkSize: 2) == ["ab"])
    }

    @Test func refusesUTF16AndUTF32WithOneError() throws {
        for (mark, name) in [([0xFF, 0xFE] as [UInt8], "UTF-16LE"), ([0xFE, 0xFF], "UTF-16BE"), ([0xFF, 0xFE, 0, 0], "UTF-32LE")] {
            #expect(throws: WinnowError.invalidEncoding(path: "", detail: "JSONL must be UTF-8, this file starts with a \(name) byte order mark")) {
                try lines(of: mark + [0x7B, 0, 0x7D, 0])
            }
        }
    }
}
