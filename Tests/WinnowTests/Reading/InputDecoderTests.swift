import Foundation
import Testing
import Winnow

@Suite struct InputDecoderTests {
    let decoder = InputDecoder()

    func decode(_ bytes: [UInt8]) throws -> (String, ReadNotes) {
        let decoded = try decoder.decode(bytes, path: "t.txt")
        return (String(decoding: decoded.bytes, as: UTF8.self), decoded.notes)
    }

    /// ICU's detector calls 10 KB of 0xFF UTF-16BE, which decodes to nothing but U+FFFF.
    @Test func aGuessThatGivesOnlyNoncharactersIsBinary() {
        #expect(throws: WinnowError.self) { try decode(Array(repeating: 0xFF, count: 10_000)) }
    }

    @Test func utf8PassesThrough() throws {
        let (text, notes) = try decode(Array("héllo wörld".utf8))
        #expect(text == "héllo wörld")
        #expect(notes.encoding == "UTF-8")
        #expect(notes.replacements == 0)
    }

    @Test(arguments: [
        ([0xEF, 0xBB, 0xBF] + Array("bom".utf8), "bom"),
        ([0xFF, 0xFE, 0x62, 0x00, 0x6F, 0x00, 0x6D, 0x00], "bom"),
        ([0xFE, 0xFF, 0x00, 0x62, 0x00, 0x6F, 0x00, 0x6D], "bom"),
        ([0xFF, 0xFE, 0x00, 0x00, 0x62, 0x00, 0x00, 0x00], "b"),
    ] as [([UInt8], String)])
    func byteOrderMarks(bytes: [UInt8], expected: String) throws {
        #expect(try decode(bytes).0 == expected)
    }

    @Test func utf16WithoutBOMIsRecognised() throws {
        let bytes = Array("plain text in utf-16".data(using: .utf16LittleEndian)!)
        #expect(try decode(bytes).0 == "plain text in utf-16")
    }

    @Test func damagedUTF8IsRepairedAndCounted() throws {
        var bytes = Array("Grüße aus Köln, schöne Straße, déjà vu, naïve café, résumé. ".utf8)
        bytes += [0xFF] + Array(" tail".utf8)
        let (text, notes) = try decode(bytes)
        #expect(text.hasSuffix("\u{FFFD} tail"))
        #expect(notes.replacements == 1)
        #expect(notes.encoding == "UTF-8")
    }

    /// Bad bytes inside and at the end of a run of multi-byte characters (the validator stays in
    /// its multi-byte loop there) are each found and replaced.
    @Test func damagedBytesInsideNonLatinRunsAreCounted() throws {
        var bytes = Array("Привет мир, ภาษาไทย และ 東京 ".utf8)
        bytes += Array("мир".utf8) + [0xFF] + Array("ไทย".utf8) + [0xE0, 0xB8] + Array(" end".utf8)
        let (text, notes) = try decode(bytes)
        #expect(text.hasSuffix("мир\u{FFFD}ไทย\u{FFFD}\u{FFFD} end"))
        #expect(notes.replacements == 3)
    }

    @Test func windows1252IsDetectedAndConverted() throws {
        let text = "“Smart quotes” – and the euro € sign in a café, naïve résumé, déjà vu."
        let bytes = Array(text.data(using: .windowsCP1252)!)
        let (decoded, notes) = try decode(bytes)
        #expect(decoded == text)
        #expect(notes.encoding.lowercased().contains("1252"))
    }

    @Test func forcedEncodingWins() throws {
        let decoder = InputDecoder(forcedEncoding: "ISO-8859-7")
        let decoded = try decoder.decode([0xE1, 0xE2, 0xE3], path: "g.txt")
        #expect(String(decoding: decoded.bytes, as: UTF8.self) == "αβγ")
    }

    @Test func unknownForcedEncodingIsAnError() {
        #expect(throws: WinnowError.self) { try InputDecoder(forcedEncoding: "no-such-charset").decode([0x41], path: "x") }
    }

    @Test func emptyAndBinaryInputsAreErrors() {
        #expect(throws: WinnowError.emptyInput(path: "t.txt")) { try decoder.decode([], path: "t.txt") }
        #expect(throws: WinnowError.binaryInput(path: "t.txt", detail: "NUL byte at offset 3")) {
            try decoder.decode([0x50, 0x4B, 0x03, 0x00, 0x14, 0x00, 0x06, 0x00, 0x08, 0x99], path: "t.txt")
        }
        let controls = [UInt8](repeating: 0x01, count: 50) + Array("text".utf8)
        #expect(throws: WinnowError.self) { try decoder.decode(controls, path: "t.txt") }
    }
}

@Suite struct JSONLRecordFieldTests {
    /// A record without the field to clean is reported with its line (a wrong `--text-field`
    /// left every record empty without a word).
    @Test func aRecordWithoutTheTextFieldIsAnError() throws {
        let builder = DocumentBuilder()
        #expect(throws: WinnowError.malformedJSONL(
            path: "c.jsonl", line: 3, detail: "no 'text' field (name the field to clean with --text-field)")) {
            try builder.document(fromRecord: Array(#"{"id":"a","body":"Hello."}"#.utf8), line: 3, path: "c.jsonl")
        }
        let document = try DocumentBuilder(textField: "body").document(
            fromRecord: Array(#"{"id":"a","body":"Hello."}"#.utf8), line: 3, path: "c.jsonl")
        #expect(document.blocks.map(\.text) == ["Hello."])
    }
}

@Suite struct JSONLScannerTests {
    func scan(_ line: String) -> Result<(JSONLRecord, String?), JSONLScanner.Failure> {
        JSONLScanner.scan(Array(line.utf8), line: 1, textField: "text")
    }

    @Test func findsTextIDAndStringFields() throws {
        let (record, text) = try scan(#"{"id":"a1","url":"http://h.org/x","text":"Tab\there \"q\" \u00e9","meta":{"a":[1,true,null]}}"#).get()
        #expect(text == "Tab\there \"q\" é")
        #expect(record.recordID == "a1")
        #expect(record.stringFields["url"] == "http://h.org/x")
        let range = try #require(record.textValueRange)
        #expect(String(decoding: record.raw[range], as: UTF8.self) == #""Tab\there \"q\" \u00e9""#)
    }

    @Test func numericIDsAreKeptAsText() throws {
        let (record, _) = try scan(#"{"id": 42, "text": "x"}"#).get()
        #expect(record.recordID == "42")
    }

    @Test(arguments: [
        #"{"text": "unterminated}"#, #"["not", "an object"]"#, #"{"text": 5}"#, #"{"a": tru}"#,
        #"{"a": 1} trailing"#, #"{"a" 1}"#, #"{"a": "bad \q escape"}"#, "",
    ])
    func rejectsMalformedRecords(line: String) {
        if case .success = scan(line) { Issue.record("accepted malformed record: \(line)") }
    }
}
