/// A blogger's sign-off under the last paragraph: a closing formula and a name ("x Franzi",
/// "XX, Die Redaktion", "Liebe Grüße, Anna", "Cheers, Tom", "Bisous !").
///
/// The tail walk joins short lines that end like sentences; a sign-off does not, and was
/// dropped as footer, though it is the post's own (trafilatura's tests keep three of them on
/// German blogs). Only the walk from the article's last line asks, so a comment's sign-off in
/// the thread below stays with the thread.
enum SignOff {
    /// Closing formulas that are nothing else, lower-cased.
    static let formulas: Set<String> = [
        "x", "xx", "xxx", "xo", "xoxo", "lg", "liebe grüße", "liebe grüsse", "liebste grüße", "viele grüße",
        "viele grüsse", "herzliche grüße", "alles liebe", "sei herzlich gegrüßt", "seid herzlich gegrüßt",
        "gros bisous", "un abrazo", "un saludo", "un bacio", "kind regards", "best wishes",
    ]

    /// Closing formulas that are also ordinary words ("Love Island", "Best Buy"): a sign-off
    /// only with a mark right after them ("Love, Anna", "Cheers!", "Bisous !").
    static let markedFormulas: Set<String> = [
        "love", "cheers", "best", "regards", "hugs", "thanks", "bises", "bisous", "besos", "saludos", "baci",
        "groetjes", "liefs", "bis bald", "à bientôt", "a presto", "tot snel",
    ]

    /// The most words of a sign-off, formula and name together.
    static let maximumWords = 5

    /// Whether `text` is a name alone, as under a formula ("Scott", "-Scott", "Anna & Tom"):
    /// up to three capitalised words, after a dash or a tilde.
    static func isName(_ text: String) -> Bool {
        let trimmed = text.drop { "-–—~ ".contains($0) }
        let words = trimmed.split(separator: " ")
        guard (1...3).contains(words.count) else { return false }
        return words.allSatisfy { word in word == "&" || word.first?.isUppercase == true }
    }

    /// Whether `text` is a closing formula alone or followed by a name (capitalised words).
    static func isSignOff(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard !words.isEmpty, words.count <= maximumWords else { return false }
        for length in stride(from: min(3, words.count), through: 1, by: -1) {
            var formula = words[0..<length].joined(separator: " ").lowercased()
            var marked = false
            while let last = formula.last, ",!.".contains(last) {
                formula.removeLast()
                marked = true
            }
            let rest = words[length...]
            if rest.first == "!" { marked = true }
            guard formulas.contains(formula) || (marked && markedFormulas.contains(formula)) else { continue }
            return rest.allSatisfy { word in word == "!" || word == "&" || word.first?.isUppercase == true }
        }
        return false
    }
}
