/// The glyphs pages put before an item, given as the two bytes after their lead byte `E2`
/// (U+2000…U+27FF). Two lists, because they answer two questions: the segmenter asks whether a
/// line is a list item, and an en dash opens a list on many sites; the writer asks what to
/// strip before an item's text, and there an en dash must stay, since `– ` opens a line of
/// dialogue in many languages.
enum BulletGlyph {
    /// • ‣ – ▪ ■ □ ● ○ ◦ ☆: followed by a space, the line is a list item (w3m marks the levels of
    /// nested lists with •, □ and ☆).
    static func opensListItem(_ second: UInt8, _ third: UInt8) -> Bool {
        switch (second, third) {
        case (0x80, 0xA2), (0x80, 0xA3), (0x80, 0x93): true
        case (0x96, 0xAA), (0x96, 0xA0), (0x96, 0xA1), (0x97, 0x8F), (0x97, 0x8B), (0x97, 0xA6), (0x98, 0x86): true
        default: false
        }
    }

    /// ‣ ⁃ ■ □ ▪ ▫ ▶ ▸ ► ◆ ◇ ○ ● ◦ ★ ☆ ☐ ☑ ☒ ♥ ♦ ✓ ✔ ❤ ➔ ➜ ➤: bullet and icon glyphs a text
    /// browser or a template puts before an item, which the text output drops. Dashes are not
    /// among them.
    static func isItemGlyph(_ second: UInt8, _ third: UInt8) -> Bool {
        switch (second, third) {
        case (0x80, 0xA3), (0x81, 0x83): true
        case (0x96, 0xA0), (0x96, 0xA1), (0x96, 0xAA), (0x96, 0xAB), (0x96, 0xB6), (0x96, 0xB8), (0x96, 0xBA): true
        case (0x97, 0x86), (0x97, 0x87), (0x97, 0x8B), (0x97, 0x8F), (0x97, 0xA6): true
        case (0x98, 0x85), (0x98, 0x86), (0x98, 0x90), (0x98, 0x91), (0x98, 0x92): true
        case (0x99, 0xA5), (0x99, 0xA6), (0x9C, 0x93), (0x9C, 0x94), (0x9D, 0xA4), (0x9E, 0x94), (0x9E, 0x9C), (0x9E, 0xA4): true
        default: false
        }
    }
}
