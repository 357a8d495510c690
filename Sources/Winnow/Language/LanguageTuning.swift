/// The detector's tuning constants, in one place so that experiments change one file.
///
/// The values were chosen on the language-ID dev set (`Scripts/bench-langid`, score.py); they are
/// weights and thresholds only, no dev-set text went into the model.
struct LanguageTuning: Sendable {
    /// Weight of the word-unigram score (index 0) and of each n-gram order 1…5.
    /// Orders 1 and 2 measured as useless next to 3…5, so they are not looked up at all; the
    /// word table is what decides short texts.
    var orderWeights: [Float] = [3, 0, 0, 1, 1, 1]
    /// Soft-max temperature turning summed log-probabilities into confidences; above 1 because
    /// overlapping n-grams are far from independent evidence.
    var temperature: Float = 6
    /// Below this confidence the detector answers `und`.
    var minimumConfidence: Double = 0.1
    /// Log-priors against languages that mostly steal from a larger neighbour.
    /// (Malay and Nynorsk are close to Indonesian and Danish/Bokmål. With Nynorsk's LibreOffice
    /// words in the model, -5 keeps Bokmål's pairs and words where they were; -2 cost Bokmål 1.6
    /// points of pairs and 1.7 of words for 2.0 and 3.5 more of Nynorsk's.)
    /// The southern African languages and Maori, trained from a few hundred CLDR names and
    /// sampled n-grams, get the same: a per-text prior costs a sentence little but keeps one or
    /// two words of Swahili or Latvian from being read as Luganda or Maori. (Luganda's was -8
    /// until Zulu and Xhosa got LibreOffice's strings: against their stronger Bantu n-grams -8
    /// cost it 4 points of word pairs, -5 gives them back. With Tesseract's Maori word list and
    /// luganda-text-normalizer's lexicon behind them, -3 for both gives mi +0.8 / +0.4 and lg
    /// +1.4 / +1.8 points of pairs / words for at most -0.4 on any other language's single words.)
    var logPriors: [String: Float] = [
        "ms": -2, "nn": -5,
        "lg": -3, "mi": -3, "sn": -4, "st": -4, "tn": -4, "ts": -4, "xh": -6, "zu": -4,
    ]

    static let standard = LanguageTuning()
}
