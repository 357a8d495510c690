/// The punctuation a widget label may end with in one template and lack in another ("Related",
/// "Related:", "Das könnte dich auch interessieren …", "Read more »"). A line matches an
/// `any-of` phrase also when it adds such punctuation to it, so a site's own ellipsis or
/// colon does not hide its label; a phrase's own punctuation still counts ("Email:" is a form
/// field's label, "Email" a button).
enum LabelPunctuation {
    /// `bytes` (UTF-8) without its trailing label punctuation and spaces; `bytes` itself when
    /// nothing else would be left.
    static func trimmed(_ bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        let end = trimmedCount(bytes.count) { bytes[$0] }
        return end == 0 ? bytes : UnsafeRawBufferPointer(rebasing: bytes[..<end])
    }

    /// `trimmed(_:)` for an array.
    static func trimmed(_ bytes: [UInt8]) -> [UInt8] {
        let end = trimmedCount(bytes.count) { bytes[$0] }
        return end == 0 ? bytes : Array(bytes[..<end])
    }

    /// The length of the text of `count` bytes (read through `byte`) without its trailing
    /// label punctuation: spaces, `:`, `.`, `>`, and `…` `»` `›` `→` `：`.
    @inline(__always)
    private static func trimmedCount(_ count: Int, _ byte: (Int) -> UInt8) -> Int {
        var end = count
        while end > 0 {
            let last = byte(end - 1)
            switch last {
            case 0x20, 0x09, UInt8(ascii: ":"), UInt8(ascii: "."), UInt8(ascii: ">"):
                end -= 1
            case 0xBB where end >= 2 && byte(end - 2) == 0xC2:  // »
                end -= 2
            case 0xA6 where end >= 3 && byte(end - 3) == 0xE2 && byte(end - 2) == 0x80:  // …
                end -= 3
            case 0xBA where end >= 3 && byte(end - 3) == 0xE2 && byte(end - 2) == 0x80:  // ›
                end -= 3
            case 0x92 where end >= 3 && byte(end - 3) == 0xE2 && byte(end - 2) == 0x86:  // →
                end -= 3
            case 0x9A where end >= 3 && byte(end - 3) == 0xEF && byte(end - 2) == 0xBC:  // ：
                end -= 3
            default:
                return end
            }
        }
        return end
    }
}
