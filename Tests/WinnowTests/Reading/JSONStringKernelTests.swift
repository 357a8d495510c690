import CTextScan
import Testing

@testable import Winnow

/// The C decoder of JSON string bodies must give the Swift decoder's bytes and end, and give
/// up exactly where the Swift decoder has a failure to report.
@Suite struct JSONStringKernelTests {
    static let pieces: [String] = [
        "a", "word ", "é", "東京", "😀", #"\n"#, #"\""#, #"\\"#, #"\/"#, #"\b"#, #"\f"#, #"\r"#, #"\t"#, #"\u00e9"#,
        #"\u2022"#, #"\ud83d\ude00"#, #"\ud800"#, #"\udc00"#, #"\ud800\u0041"#, #"\u0000"#, #"\uZZ12"#, #"\x"#,
        #"\u12"#, "\u{1}", "\"", "abcdefghijklmnopqrstuvwxyz0123456789",
    ]

    @Test func decodesLikeTheSwiftDecoder() {
        var generator = SplitMix(state: 5)
        var kernelAnswers = 0
        for _ in 0..<30_000 {
            var body = ""
            for _ in 0..<Int(generator.next() % 24) { body += Self.pieces[Int(generator.next() % UInt64(Self.pieces.count))] }
            if generator.next() % 8 != 0 { body += "\"" }  // mostly closed, sometimes not
            let bytes = Array(body.utf8)
            var kernel: [UInt8] = Array(repeating: 0, count: bytes.count)
            var end: Int64 = -1
            let written = bytes.withUnsafeBufferPointer { source in
                kernel.withUnsafeMutableBufferPointer { target in
                    winnow_json_string_decode(source.baseAddress, Int64(source.count), target.baseAddress, &end)
                }
            }
            let swift: Result<([UInt8], Int), JSONLScanner.Failure> = bytes.withUnsafeBytes { raw in
                var parser = JSONLScanner.Parser(bytes: raw)
                do throws(JSONLScanner.Failure) {
                    let decoded = try parser.decodedEscapes(from: 0)
                    return .success((decoded, parser.index - 1))
                } catch {
                    return .failure(error)
                }
            }
            switch swift {
            case .success(let (decoded, quote)):
                #expect(written >= 0, "\(body.debugDescription)")
                if written >= 0 {
                    kernelAnswers += 1
                    #expect(Array(kernel.prefix(Int(written))) == decoded, "\(body.debugDescription)")
                    #expect(Int(end) == quote, "\(body.debugDescription)")
                }
            case .failure:
                #expect(written < 0, "\(body.debugDescription)")
            }
        }
        #expect(kernelAnswers > 5_000)
    }
}
