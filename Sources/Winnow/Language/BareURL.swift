/// A line whose visible text is only a web address ("https://cn.chinadaily.com.cn/", "12. https://…",
/// "file://example.com/a.html", "www.example.com/page"): no language. A text browser's list of
/// link addresses under the page (lynx's References) holds hundreds of them; read as English,
/// they outvoted a Chinese article for the page's language.
enum BareURL {
    /// The openings of an address, lower-cased.
    static let schemes: [[UInt8]] = ["http://", "https://", "file://", "ftp://", "mailto:", "javascript:", "www."].map {
        Array($0.utf8)
    }

    /// Whether `text` (UTF-8, spaces around it allowed, after an optional "12. ") is one
    /// address and nothing else.
    static func isBareURL(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = 0
        var end = text.count
        while start < end, text[start] == 0x20 || text[start] == 0x09 { start += 1 }
        while end > start, text[end - 1] == 0x20 || text[end - 1] == 0x09 { end -= 1 }
        // lynx numbers its list of addresses ("12. https://…").
        var digits = start
        while digits < end, digits - start < 4, text[digits] >= 0x30, text[digits] <= 0x39 { digits += 1 }
        if digits > start, digits + 1 < end, text[digits] == UInt8(ascii: "."), text[digits + 1] == 0x20 {
            start = digits + 2
            while start < end, text[start] == 0x20 { start += 1 }
        }
        guard end - start >= 5 else { return false }
        let opens = schemes.contains { scheme in
            guard end - start > scheme.count else { return false }
            for (offset, byte) in scheme.enumerated() where text[start + offset] | 0x20 != byte | 0x20 {
                return false
            }
            return true
        }
        guard opens else { return false }
        for index in start..<end where text[index] == 0x20 || text[index] == 0x09 { return false }
        return true
    }
}
