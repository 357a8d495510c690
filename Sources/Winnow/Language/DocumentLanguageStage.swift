/// Sets the document's language from the text that survived boilerplate removal.
///
/// The language detector runs first (the remover needs block languages), but the document's
/// main language must be weighed on the kept text only: a page whose menus are English and
/// whose article is French is a French document.
public struct DocumentLanguageStage: Stage {
    public let id = "document-language"
    public var detector: LanguageDetector

    public init(detector: LanguageDetector = LanguageDetector()) {
        self.detector = detector
    }

    public func process(_ document: inout Document) throws(WinnowError) {
        document.language = detector.documentLanguage(of: document.blocks, keptOnly: true)
    }
}
