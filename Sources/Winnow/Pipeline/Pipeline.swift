/// The ordered stages every document goes through: language detector, then boilerplate remover.
public struct Pipeline: Sendable {
    public var stages: [any Stage]
    /// The stages read `Block.text`: each block's string is made once before they run, instead
    /// of at every read (blocks from the reader point into their document's bytes, which is
    /// all the writers need).
    public var preparesText: Bool

    public init(stages: [any Stage], preparesText: Bool = false) {
        self.stages = stages
        self.preparesText = preparesText
    }

    /// Runs every stage in order on `document`.
    public func run(_ document: inout Document) throws(WinnowError) {
        if preparesText { document.makeTextStrings() }
        for stage in stages {
            try stage.process(&document)
        }
    }
}
