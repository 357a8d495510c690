import Testing
@testable import Winnow

/// Numbers in the JSONL metadata are written digit by digit; they must read exactly as
/// Swift's own formatting would write them.
@Suite struct JSONTextTests {
    @Test func integersMatchSwiftFormatting() {
        var generator = SplitMix(state: 3)
        var values = [0, 1, 9, 10, 99, 100, -1, -10, Int.max, Int.min + 1, 123_456_789]
        for _ in 0..<2000 { values.append(Int(truncatingIfNeeded: generator.next()) >> Int(generator.next() % 63)) }
        for value in values {
            var out: [UInt8] = []
            JSONText.appendInteger(value, to: &out)
            #expect(String(decoding: out, as: UTF8.self) == "\(value)")
        }
    }

    @Test func numbersHaveThreeDecimals() {
        let cases: [(Double, String)] = [
            (0, "0.000"), (1, "1.000"), (0.9734, "0.973"), (0.0005, "0.001"), (0.01, "0.010"), (-0.25, "-0.250"),
            (12.3456, "12.346"), (-0.0004, "0.000"), (.nan, "0"), (.infinity, "0"),
        ]
        for (value, expected) in cases {
            var out: [UInt8] = []
            JSONText.appendNumber(value, to: &out)
            #expect(String(decoding: out, as: UTF8.self) == expected, "\(value)")
        }
    }
}
