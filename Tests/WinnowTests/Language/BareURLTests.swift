import Testing
@testable import Winnow

/// A line that is only a web address has no language.
@Suite struct BareURLTests {
    static func isBare(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { BareURL.isBareURL($0) }
    }

    @Test func addressesAlone() {
        #expect(Self.isBare("https://cn.chinadaily.com.cn/"))
        #expect(Self.isBare("  12. file://example.com/a/b.html "))
        #expect(Self.isBare("WWW.example.com/page"))
        #expect(Self.isBare("mailto:ann@example.com"))
    }

    @Test func textWithAnAddressIsNot() {
        #expect(!Self.isBare("See https://example.com for more"))
        #expect(!Self.isBare("12. The council met on Tuesday."))
        #expect(!Self.isBare("http://"))
        #expect(!Self.isBare("wwwexample"))
        #expect(!Self.isBare(""))
    }
}
