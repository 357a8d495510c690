/// The writing systems the language detector tells apart.
///
/// Shared scripts (Latin, Cyrillic, Arabic, Devanagari) need the statistical model; the others
/// belong to one language each (for the languages winnow supports), so the script decides.
enum ScriptFamily: UInt8, Sendable, CaseIterable {
    case other, latin, cyrillic, arabic, devanagari
    case greek, hebrew, armenian, georgian, thai, hangul, kana, han
    case bengali, gurmukhi, gujarati, oriya, tamil, telugu, kannada, malayalam, sinhala
    case lao, khmer, myanmar, ethiopic, tibetan

    /// Whether the statistical model decides between several languages of this script.
    var isShared: Bool { rawValue >= 1 && rawValue <= 4 }

    /// The language a script-unique family stands for (`nil` for shared scripts and `other`).
    var uniqueLanguage: String? {
        switch self {
        case .other, .latin, .cyrillic, .arabic, .devanagari: nil
        case .greek: "el"
        case .hebrew: "he"
        case .armenian: "hy"
        case .georgian: "ka"
        case .thai: "th"
        case .hangul: "ko"
        case .kana: "ja"
        case .han: "zh"
        case .bengali: "bn"
        case .gurmukhi: "pa"
        case .gujarati: "gu"
        case .oriya: "or"
        case .tamil: "ta"
        case .telugu: "te"
        case .kannada: "kn"
        case .malayalam: "ml"
        case .sinhala: "si"
        case .lao: "lo"
        case .khmer: "km"
        case .myanmar: "my"
        case .ethiopic: "am"
        case .tibetan: "bo"
        }
    }

    /// How much one letter of this script weighs when scripts compete for a text: an ideograph
    /// or a syllable block carries about as much as a short Latin word's worth of letters, and
    /// Latin counts least because brand names, URLs and English boilerplate turn up in text of
    /// every script, while the reverse is rare.
    var letterWeight: Int {
        switch self {
        case .latin: 1
        case .han, .kana: 4
        case .hangul: 3
        default: 2
        }
    }

    /// The family of a model language's ISO 15924 script code.
    init(isoCode: String) {
        switch isoCode {
        case "Latn": self = .latin
        case "Cyrl": self = .cyrillic
        case "Arab": self = .arabic
        case "Deva": self = .devanagari
        default: self = .other
        }
    }

    /// The family of a code point. Common blocks are ranges checked here; the rest asks ICU.
    @inline(__always)
    static func of(_ value: UInt32) -> ScriptFamily {
        // IPA Extensions are Latin letters too: Azerbaijani writes ə (U+0259) in most words,
        // and several African orthographies use ɛ, ɔ and ɓ. Calling them another script split
        // every such word in two and hid the model's n-grams for them.
        if value < 0x2B0 { return .latin }
        if value < 0x370 { return .other }  // spacing modifiers, combining marks
        switch value {
        case 0x370...0x3FF, 0x1F00...0x1FFF: return .greek
        case 0x400...0x52F, 0x1C80...0x1C8F, 0x2DE0...0x2DFF, 0xA640...0xA69F: return .cyrillic
        case 0x530...0x58F, 0xFB13...0xFB17: return .armenian
        case 0x590...0x5FF, 0xFB1D...0xFB4F: return .hebrew
        case 0x600...0x6FF, 0x750...0x77F, 0x8A0...0x8FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF:
            return .arabic
        case 0x900...0x97F, 0xA8E0...0xA8FF: return .devanagari
        case 0x980...0x9FF: return .bengali
        case 0xA00...0xA7F: return .gurmukhi
        case 0xA80...0xAFF: return .gujarati
        case 0xB00...0xB7F: return .oriya
        case 0xB80...0xBFF: return .tamil
        case 0xC00...0xC7F: return .telugu
        case 0xC80...0xCFF: return .kannada
        case 0xD00...0xD7F: return .malayalam
        case 0xD80...0xDFF: return .sinhala
        case 0xE00...0xE7F: return .thai
        case 0xE80...0xEFF: return .lao
        case 0xF00...0xFFF: return .tibetan
        case 0x1000...0x109F: return .myanmar
        case 0x10A0...0x10FF, 0x1C90...0x1CBF, 0x2D00...0x2D2F: return .georgian
        case 0x1100...0x11FF, 0x3130...0x318F, 0xA960...0xA97F, 0xAC00...0xD7FF: return .hangul
        case 0x1200...0x139F, 0x2D80...0x2DDF: return .ethiopic
        case 0x1780...0x17FF, 0x19E0...0x19FF: return .khmer
        case 0x1E00...0x1EFF, 0x2C60...0x2C7F, 0xA720...0xA7FF, 0xFF21...0xFF5A: return .latin
        case 0x3040...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F: return .kana
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3FFFF: return .han
        default:
            guard let scalar = Unicode.Scalar(value) else { return .other }
            return ScriptFamily(icu: Script(of: scalar))
        }
    }

    init(icu script: Script) {
        switch script {
        case .latin: self = .latin
        case .cyrillic: self = .cyrillic
        case .arabic: self = .arabic
        case .devanagari: self = .devanagari
        case .greek: self = .greek
        case .hebrew: self = .hebrew
        case .armenian: self = .armenian
        case .georgian: self = .georgian
        case .thai: self = .thai
        case .hangul: self = .hangul
        case .hiragana, .katakana: self = .kana
        case .han: self = .han
        case .bengali: self = .bengali
        case .gurmukhi: self = .gurmukhi
        case .gujarati: self = .gujarati
        case .tamil: self = .tamil
        case .telugu: self = .telugu
        case .kannada: self = .kannada
        case .malayalam: self = .malayalam
        case .lao: self = .lao
        case .khmer: self = .khmer
        default: self = .other
        }
    }
}
