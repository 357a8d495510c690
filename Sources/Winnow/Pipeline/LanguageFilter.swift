/// Drops whole documents whose language is not one the user asked for (`--languages en,fr`).
public struct LanguageFilter: Stage {
    public let id = "language-filter"
    public var allowed: Set<String>

    public init(allowed: Set<String>) {
        self.allowed = allowed
    }

    public func process(_ document: inout Document) throws(WinnowError) {
        guard document.verdict == nil else { return }
        let code = document.language?.code ?? "und"
        guard !allowed.contains(code) else { return }
        let wanted = allowed.sorted().joined(separator: ",")
        document.verdict = .drop("language.not-requested", "document language '\(code)' is not one of \(wanted)")
    }
}
