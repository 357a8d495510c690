import Testing

@testable import Winnow

@Suite struct BulletGlyphTests {
    private func bytes(_ glyph: Character) -> (UInt8, UInt8, UInt8) {
        let utf8 = Array(String(glyph).utf8)
        return (utf8[0], utf8.count > 1 ? utf8[1] : 0, utf8.count > 2 ? utf8[2] : 0)
    }

    @Test func listItemGlyphsAreExactlyTheDocumentedOnes() {
        let opening: Set<Character> = ["•", "‣", "–", "▪", "■", "□", "●", "○", "◦", "☆"]
        for glyph in opening {
            let (lead, second, third) = bytes(glyph)
            #expect(lead == 0xE2 && BulletGlyph.opensListItem(second, third), "\(glyph)")
        }
        // Every other glyph of U+2000…U+27FF stays a paragraph's first character.
        for value in UInt32(0x2000)...0x27FF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let (_, second, third) = bytes(Character(scalar))
            #expect(BulletGlyph.opensListItem(second, third) == opening.contains(Character(scalar)), "U+\(String(value, radix: 16))")
        }
    }

    @Test func dashesOpenListsButAreNotStrippedGlyphs() {
        for dash in ["–", "—"] as [Character] {
            let (_, second, third) = bytes(dash)
            #expect(!BulletGlyph.isItemGlyph(second, third))
        }
        for glyph in ["►", "□", "★", "✓", "➤", "♥"] as [Character] {
            let (_, second, third) = bytes(glyph)
            #expect(BulletGlyph.isItemGlyph(second, third), "\(glyph)")
        }
    }

    @Test func lineShapeUsesTheListGlyphs() {
        for (line, kind) in [("▪ Item", BlockKind.listItem), ("– Dialogue", .listItem), ("▦ Grid", .paragraph), ("★ Star", .paragraph)] {
            let text = Array(line.utf8)
            #expect(text.withUnsafeBytes { LineShape.kind(of: $0) } == kind, "\(line)")
        }
    }
}
