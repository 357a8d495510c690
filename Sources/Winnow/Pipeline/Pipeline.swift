/// The ordered stages every document goes through: language detector, then boilerplate remover.
public struct Pipeline: Sendable {
    public var stages: [any Stage]

    public init(stages: [any Stage]) {
        self.stages = stages
    }

    /// Runs every stage in order on `document`.
    public func run(_ document: inout Document) throws(WinnowError) {
        for stage in stages {
            try stage.process(&document)
        }
    }
}
