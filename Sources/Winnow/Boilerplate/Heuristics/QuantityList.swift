/// The lines of a quantity list: a recipe's ingredients ("2 sticks salted butter", "1/2 cup
/// cocoa powder", "½ TL Salz"), a parts or packing list. A run of them is the article's own
/// list, however short its lines: it does not count toward the long break without prose that
/// ends the article region (`HeuristicThresholds.breakLines`), so the steps that follow an
/// ingredient list stay with the recipe. Its lines still cost what short lines cost.
///
/// A numbered list ("1. Planning"), a date ("17 July 2012") or a time is not a quantity: a
/// quantity is a number, a fraction or a mixed number followed by a word.
enum QuantityList {
    /// The fewest quantity lines in a row that make a list.
    static let minimumRun = 3
    /// The most words a quantity line has ("8 ounces semisweet chocolate, chopped").
    static let maximumWords = 12

    /// Which lines belong to a run of at least `minimumRun` adjacent quantity lines.
    static func members(features: [LineFeatures], text: (Int) -> String) -> [Bool] {
        var members = [Bool](repeating: false, count: features.count)
        var runStart = 0
        for index in 0...features.count {
            let isQuantity =
                index < features.count && features[index].words >= 2
                && features[index].words <= maximumWords && !features[index].hasTimeOfDay && isQuantityLine(text(index))
            if isQuantity { continue }
            if index - runStart >= minimumRun {
                for member in runStart..<index { members[member] = true }
            }
            runStart = index + 1
        }
        return members
    }

    /// `members` widened to whole lists (`ListRuns`): a list with a run of members that makes a
    /// third of it or more is the article's list in all its items ("Zest of 2 lemons" under
    /// "200 g butter", "Salt and pepper" at the end of the ingredients).
    static func wholeLists(_ members: [Bool], isListItem: (Int) -> Bool, paragraph: (Int) -> Int) -> [Bool] {
        guard members.contains(true) else { return members }
        var widened = members
        for list in ListRuns.ranges(count: members.count, isListItem: isListItem, paragraph: paragraph) {
            let inList = list.count { members[$0] }
            if inList >= minimumRun, 3 * inList >= list.count {
                for index in list { widened[index] = true }
            }
        }
        return widened
    }

    /// Whether `line` opens with a quantity and a word after it.
    static func isQuantityLine(_ line: String) -> Bool {
        // Most lines open with a letter: one byte says no. A quantity opens with a digit, a
        // fraction or a list marker before one (the lead bytes 0xC2 and 0xE2 of `½`, `⅓`, `•`).
        guard let opening = line.utf8.first(where: { $0 != 0x20 && $0 != 0x09 }) else { return false }
        switch opening {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+"), 0xC2, 0xE2: break
        default: return false
        }
        var scalars = Substring(line).unicodeScalars[...]
        // A list marker before the quantity.
        while let first = scalars.first, first == " " || first == "\t" || bulletMarkers.contains(first) {
            scalars = scalars.dropFirst()
        }
        var digits = 0
        var sawNumber = false
        var previous: Unicode.Scalar?
        while let first = scalars.first {
            if ("0"..."9").contains(first) {
                digits += 1
            } else if vulgarFractions.contains(first) {
                sawNumber = true
            } else if numberJoiners.contains(first), let previous, ("0"..."9").contains(previous) {
                // "1/2", "2-1/2", "1.5", "1,5": a joiner between digits, never the last one.
            } else if first == " ", digits > 0 || sawNumber, let next = scalars.dropFirst().first,
                ("0"..."9").contains(next) || vulgarFractions.contains(next)
            {
                // A mixed number: "1 1/2", "2 ½".
            } else {
                break
            }
            if ("0"..."9").contains(first) { sawNumber = true }
            previous = first
            scalars = scalars.dropFirst()
        }
        // A year is a date, not an amount; a joiner right before the word is a numbered item
        // ("1. Planning") or a range cut short.
        guard sawNumber, digits < 4, let previous, !numberJoiners.contains(previous) else { return false }
        guard let next = scalars.first, next == " " || next.properties.isAlphabetic else { return false }
        let rest = scalars.drop { $0 == " " }
        guard let word = rest.first, word.properties.isAlphabetic else { return false }
        return !containsYear(rest)
    }

    /// Whether four digits in a row stand alone in `text` ("17 July 2012", "2 hours ago, 2012").
    private static func containsYear(_ text: Substring.UnicodeScalarView.SubSequence) -> Bool {
        var run = 0
        for scalar in text {
            if ("0"..."9").contains(scalar) {
                run += 1
            } else {
                if run == 4 { return true }
                run = 0
            }
        }
        return run == 4
    }

    private static let bulletMarkers: Set<Unicode.Scalar> = ["•", "·", "-", "*", "+", "–", "◦", "▪"]
    private static let vulgarFractions: Set<Unicode.Scalar> = ["½", "⅓", "⅔", "¼", "¾", "⅕", "⅛", "⅜", "⅝", "⅞"]
    private static let numberJoiners: Set<Unicode.Scalar> = ["/", "⁄", ".", ",", "-", "–"]
}
