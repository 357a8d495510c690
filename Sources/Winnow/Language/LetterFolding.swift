/// Letter tests and the case folding the model was trained with.
///
/// `fold` must stay identical to `fold` in `Scripts/train-langid`: the model's keys are hashes of
/// folded scalars, so any difference silently turns into unseen n-grams.
enum LetterFolding {
    /// Lower-cases one code point with a small fixed table (Latin, Greek, Cyrillic, Armenian)
    /// and folds Romanian/Turkish cedilla s and t to their comma forms.
    @inline(__always)
    static func fold(_ cp: UInt32) -> UInt32 {
        if cp < 0x80 { return (cp &- 0x41) < 26 ? cp + 32 : cp }
        if cp < 0x100 { return (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) ? cp + 32 : cp }
        if cp == 0x18F { return 0x259 }  // Azerbaijani schwa
        if cp < 0x180 {
            switch cp {
            case 0x130: return 0x69
            case 0x15E, 0x15F: return 0x219
            case 0x162, 0x163: return 0x21B
            case 0x178: return 0xFF
            case ...0x137, 0x14A...0x177: return cp | 1
            case 0x139...0x148, 0x179...0x17E: return cp & 1 == 1 ? cp + 1 : cp
            default: return cp
            }
        }
        switch cp {
        case 0x200...0x233: return cp | 1
        case 0x391...0x3A9: return cp + 32
        case 0x3C2: return 0x3C3
        case 0x410...0x42F: return cp + 32
        case 0x400...0x40F: return cp + 80
        case 0x460...0x481, 0x48A...0x4BF, 0x4D0...0x52F: return cp | 1
        case 0x4C1...0x4CE: return cp & 1 == 1 ? cp + 1 : cp
        case 0x531...0x556: return cp + 48
        case 0x1E00...0x1EFF: return cp | 1
        default: return cp
        }
    }

    /// What a code point is to the tokenizer: `.letter` (general category L*), `.mark` (M*, which
    /// continues the word before it) or `.other`.
    enum Kind: UInt8 { case other, letter, mark }

    @inline(__always)
    static func kind(_ cp: UInt32) -> Kind {
        if cp < 0x80 { return ((cp | 0x20) &- 0x61) < 26 ? .letter : .other }
        // Frequent ranges without a table lookup: Latin-1 letters, Latin Extended-A/B, basic
        // Cyrillic and Arabic letters.
        if cp >= 0xC0 && cp < 0x250 { return cp == 0xD7 || cp == 0xF7 ? .other : .letter }
        if (cp >= 0x410 && cp < 0x450) || (cp >= 0x621 && cp < 0x64B) { return .letter }
        guard let scalar = Unicode.Scalar(cp) else { return .other }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
            return .letter
        case .nonspacingMark, .spacingMark, .enclosingMark:
            return .mark
        default:
            return .other
        }
    }
}
