/// The pipeline `winnow clean` runs, from its options: language detector → boilerplate
/// remover (rules, then heuristics) → document language from the kept text → language filter.
public enum StandardPipeline {
    /// - Parameters:
    ///   - remover: the boilerplate stage (its rules are compiled once and shared by all workers).
    ///   - languages: when set, documents in other languages are dropped with a reason.
    ///   - extraStages: stages run after the remover and before the document language is set
    ///     (e.g. the corpus repeated-line stage).
    ///   - detectLanguages: false skips the language detector (faster; no languages in output).
    public static func make(
        remover: BoilerplateRemover = BoilerplateRemover(), languages: Set<String>? = nil, extraStages: [any Stage] = [],
        detectLanguages: Bool = true
    ) -> Pipeline {
        // Made only when used: the detector's model is copied into huge pages (8 MB of memory
        // and a few milliseconds a run without language detection need not pay).
        let detector = detectLanguages ? LanguageDetector() : nil
        var stages: [any Stage] = detector.map { [$0, remover] } ?? [remover]
        stages += extraStages
        if let detector { stages.append(DocumentLanguageStage(detector: detector)) }
        if let languages { stages.append(LanguageFilter(allowed: languages)) }
        // Every stage but the language filter and the rules (which read a line's bytes) reads
        // the lines' text: the frame alone, or with rules only, makes no line strings. The
        // language detector stores every line's visible text (`plainTextCache`, the text
        // itself for a line without markup), which is what the later stages read: with it,
        // strings made up front are made for nothing, and blocks that keep sharing their
        // document's bytes are read in place (`withUTF8Text(at:)`) without copying them.
        let readsText = !detectLanguages && (remover.options.useHeuristics || !extraStages.isEmpty)
        return Pipeline(stages: stages, preparesText: readsText)
    }
}
