import CICU

/// A Unicode script (ISO 15924) as ICU's `uscript` reports it.
public struct Script: Sendable, Hashable, CustomStringConvertible {
    /// ICU's `UScriptCode` value.
    public let code: Int32

    public init(code: Int32) {
        self.code = code
    }

    /// The script of a code point. Punctuation, digits and spaces are `common`.
    public init(of scalar: Unicode.Scalar) {
        // Fast path: ASCII letters are Latin and everything else in ASCII is Common.
        if scalar.value < 0x80 {
            let v = scalar.value | 0x20
            code = (v >= 0x61 && v <= 0x7A) ? Script.latin.code : Script.common.code
        } else {
            code = winnow_icu_script(scalar.value)
        }
    }

    /// The four-letter ISO 15924 code, e.g. `Latn`, `Thai`, `Hani`.
    public var shortName: String { String(cString: winnow_icu_script_short_name(code)) }

    public var description: String { shortName }

    /// True for scripts that carry no language signal on their own (Common, Inherited, Unknown).
    public var isNeutral: Bool { code == 0 || code == 1 || code == 103 }

    public static let common = Script(code: 0)
    public static let inherited = Script(code: 1)
    public static let arabic = Script(code: 2)
    public static let armenian = Script(code: 3)
    public static let bengali = Script(code: 4)
    public static let cyrillic = Script(code: 8)
    public static let devanagari = Script(code: 10)
    public static let georgian = Script(code: 12)
    public static let greek = Script(code: 14)
    public static let gujarati = Script(code: 15)
    public static let gurmukhi = Script(code: 16)
    public static let han = Script(code: 17)
    public static let hangul = Script(code: 18)
    public static let hebrew = Script(code: 19)
    public static let hiragana = Script(code: 20)
    public static let kannada = Script(code: 21)
    public static let katakana = Script(code: 22)
    public static let khmer = Script(code: 23)
    public static let lao = Script(code: 24)
    public static let latin = Script(code: 25)
    public static let malayalam = Script(code: 26)
    public static let tamil = Script(code: 35)
    public static let telugu = Script(code: 36)
    public static let thai = Script(code: 38)
    public static let unknown = Script(code: 103)
}
