import Testing
@testable import Winnow

/// Lithuanian in windows-1257 (which ICU's detection calls Latin-1) is decoded as
/// windows-1257; Icelandic in windows-1252, whose ð and þ are the same bytes as š and ž, is not.
@Suite struct BalticLegacyCharsetTests {
    static let lithuanian =
        "Naudojamus pastolius ir kopėčias darbų vadovas turi apžiūrėti ne rečiau kaip kartą per dešimt dienų. Mėnesį ar ilgiau nenaudoti pastoliai priimami iš naujo."
    static let lithuanianHex =
        "4e6175646f6a616d757320706173746f6c697573206972206b6f70ebe86961732064617262f8207661646f7661732074757269206170fe69fb72eb7469206e65207265e8696175206b616970206b617274e020706572206465f0696d74206469656ef82e204deb6e6573e120617220696c67696175206e656e6175646f746920706173746f6c69616920707269696d616d692069f0206e61756a6f2e"
    static let icelandic =
        "Það er þörf á því að þjóðin fái að ráða sjálf hvað verður um auðlindirnar, sagði ráðherrann í gær."
    static let icelandicHex =
        "de61f020657220fef6726620e120fe76ed2061f020fe6af3f0696e2066e1692061f02072e1f06120736ae16c6620687661f020766572f0757220756d206175f06c696e6469726e61722c20736167f0692072e1f068657272616e6e20ed2067e6722e"

    func decode(hex: String) throws -> InputDecoder.Decoded {
        try InputDecoder().decode(ThaiLegacyCharsetTests.bytes(hex: hex), path: "t.txt")
    }

    @Test func lithuanianIsWindows1257() throws {
        let decoded = try decode(hex: Self.lithuanianHex)
        #expect(decoded.notes.encoding == BalticLegacyCharset.name)
        #expect(String(decoding: decoded.bytes, as: UTF8.self) == Self.lithuanian)
    }

    @Test func icelandicStaysWestern() throws {
        let decoded = try decode(hex: Self.icelandicHex)
        #expect(decoded.notes.encoding != BalticLegacyCharset.name)
        #expect(String(decoding: decoded.bytes, as: UTF8.self) == Self.icelandic)
    }

    @Test func aPageWithoutTheirBytesIsNotChecked() {
        let bytes: [UInt8] = Array("Grüße aus München, schöne Straße".utf8)
        #expect(!bytes.withUnsafeBytes { BalticLegacyCharset.isCandidate($0) })
    }
}
