import Foundation
import Testing
import Winnow

/// The scanner skips eight plain bytes at a time; escapes and multi-byte text at every offset
/// of a word must decode exactly as a real JSON parser decodes them.
@Suite struct JSONLStringDecodingTests {
    static let samples = [
        #"plain ascii text that is longer than one word"#,
        #"quote \" backslash \\ slash \/ controls \b\f\n\r\t end"#,
        #"bmp \u00e9\u2022\u6771 and astral \ud83d\ude00 done"#,
        "raw utf-8 é • 東京 😀 mixed with \\u00e9",
    ]

    @Test(arguments: samples)
    func decodesLikeJSONSerialization(_ body: String) throws {
        for offset in 0..<9 {
            let value = String(repeating: "x", count: offset) + body
            let line = #"{"id":"d","text":""# + value + #"","n":1}"#
            let expected = try #require(
                try JSONSerialization.jsonObject(with: Data(line.utf8), options: [.fragmentsAllowed]) as? [String: Any])
            let decoded = try JSONLScanner.scan(Array(line.utf8), line: 1, textField: "text").get().1
            #expect(decoded == expected["text"] as? String)
        }
    }

    @Test func loneSurrogatesBecomeReplacementCharacters() throws {
        let line = #"{"text":"0123456789 lone \ud800 x \udc00 y"}"#
        let decoded = try JSONLScanner.scan(Array(line.utf8), line: 1, textField: "text").get().1
        #expect(decoded == "0123456789 lone \u{FFFD} x \u{FFFD} y")
    }

    /// The escape after a lone high surrogate was taken as its partner and dropped with it:
    /// `A\ud800\u0042C` read `A` U+FFFD `C`.
    @Test func anEscapeAfterALoneHighSurrogateIsKept() throws {
        let line = #"{"text":"A\ud800\u0042C and \ud800\ud800\udc00 end"}"#
        let decoded = try JSONLScanner.scan(Array(line.utf8), line: 1, textField: "text").get().1
        #expect(decoded == "A\u{FFFD}BC and \u{FFFD}\u{10000} end")
    }

    @Test func rejectsAControlCharacterAfterALongPlainRun() {
        let line = Array(#"{"text":"0123456789abcdef"#.utf8) + [0x01] + Array(#"tail"}"#.utf8)
        guard case .failure(let failure) = JSONLScanner.scan(line, line: 1, textField: "text") else {
            Issue.record("a raw control character inside a string must be rejected")
            return
        }
        #expect(failure.detail.contains("control character"))
    }
}
