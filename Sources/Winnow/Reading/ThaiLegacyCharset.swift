/// Recognises Thai text in its legacy single-byte charset (TIS-620, and windows-874 which
/// extends it with a few punctuation marks), which ICU's charset detection does not know: it
/// read such a page as GB18030 or EUC-KR and made Chinese or Korean of it.
///
/// The charset's structure is checked, not its letter frequencies. Thai puts its vowel and
/// tone marks above or below a consonant, so in real text each combining mark follows a
/// consonant (or, for a tone mark, another mark on that consonant); bytes the charset leaves
/// unassigned do not occur. Text of another charset read as TIS-620 fails both: a CJK
/// double-byte text (GB18030, Big5, EUC-KR, EUC-JP) has its marks after any byte and uses the
/// unassigned `DB`–`DE` and `FC`–`FF`, as Cyrillic, Greek, Arabic and Latin-1 letters do; and
/// its runs of high bytes between ASCII are pairs, so their lengths are even, where Thai words
/// and phrases have any length. Korean in EUC-KR passes the mark test (its lead bytes fall in
/// Thai's consonant range), not the parity test. Big5, Shift_JIS and GBK take their second
/// byte from ASCII's letters too, which splits those runs at odd places; but then an ASCII
/// letter follows a high byte at once, where Thai has a space, a digit or a punctuation mark
/// (markdown's `](` or `**` too) after its words far more often.
enum ThaiLegacyCharset {
    /// The ICU converter name used for it (a superset of TIS-620).
    static let name = "windows-874"

    /// Whether `bytes` read as Thai in TIS-620 / windows-874.
    static func matches(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var high = 0
        var unassigned = 0
        var consonants = 0
        var marks = 0
        var placedMarks = 0
        var previous: UInt8 = 0
        var run = 0
        var runs = 0
        var oddRuns = 0
        var glued = 0
        for byte in bytes {
            defer { previous = byte }
            guard byte >= 0x80 else {
                if run > 0 {
                    if (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A { glued += 1 }
                    runs += 1
                    if run & 1 == 1 { oddRuns += 1 }
                    run = 0
                }
                continue
            }
            run += 1
            high += 1
            switch byte {
            case 0xA1...0xCE:
                consonants += 1
            case 0xD1, 0xD4...0xDA, 0xE7...0xEE:
                marks += 1
                let onConsonant = previous >= 0xA1 && previous <= 0xCE
                // A tone mark sits on a consonant that already carries a vowel mark above or
                // below it (เมื่อ, ผู้).
                let onMark = byte >= 0xE7 && (previous == 0xD1 || (previous >= 0xD4 && previous <= 0xDA))
                if onConsonant || onMark { placedMarks += 1 }
            case 0x80, 0x85, 0x91...0x97, 0xA0, 0xCF, 0xD0, 0xD2, 0xD3, 0xDF...0xE6, 0xEF...0xFB:
                break
            default:
                unassigned += 1
            }
        }
        if run > 0 {
            runs += 1
            if run & 1 == 1 { oddRuns += 1 }
        }
        return marks >= minimumMarks && unassigned * 100 <= high && placedMarks * 100 >= marks * 95
            && consonants * 10 >= high * 3 && hasOddRuns(odd: oddRuns, of: runs) && glued * 10 <= runs
    }

    /// Whether at least one run in ten has an odd length (a double-byte charset has none).
    static func hasOddRuns(odd: Int, of runs: Int) -> Bool {
        odd * 10 >= runs && odd > 0
    }

    /// Fewer marks than this say too little (a name in a Latin-1 page).
    static let minimumMarks = 8
}
