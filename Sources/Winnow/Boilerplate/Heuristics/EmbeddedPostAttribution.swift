/// The attribution line under an embedded social post: "— Peter Wittkamp (@diktator) 25.
/// September 2018", "A post shared by Ann (@ann.bakes) on Mar 5, 2019". It names its author
/// by a handle in parentheses and ends with a date, like a comment's byline, but it belongs to
/// the article around the post: an article quoting a dozen tweets is not a comment thread.
///
/// Source: the markup Twitter's and Instagram's embed codes put under a quoted post, as text
/// browsers and HTML-to-markdown converters render it.
enum EmbeddedPostAttribution {
    /// The longest handle (Twitter allows 15 characters, Instagram 30).
    static let maximumHandleLength = 30

    /// Whether `text` names an author by "(@handle)": letters, digits, `_` and `.` after
    /// the `@`, then the closing parenthesis.
    static func isAttribution(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            while index + 3 < bytes.count {
                guard bytes[index] == UInt8(ascii: "("), bytes[index + 1] == UInt8(ascii: "@") else {
                    index += 1
                    continue
                }
                var end = index + 2
                while end < bytes.count, end - index - 2 <= maximumHandleLength, isHandleByte(bytes[end]) { end += 1 }
                let length = end - index - 2
                if length > 0, length <= maximumHandleLength, end < bytes.count, bytes[end] == UInt8(ascii: ")") {
                    return true
                }
                index = end
            }
            return false
        }
    }

    private static func isHandleByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "."):
            true
        default: false
        }
    }
}
