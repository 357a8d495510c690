/// How input files are read.
public enum InputFormat: String, Sendable, CaseIterable {
    /// JSONL for `.jsonl` files, text for everything else (and for standard input).
    case auto
    case text
    case jsonl
}

/// Everything a batch run needs to know besides the pipeline.
public struct RunConfiguration: Sendable {
    /// Files and directories; empty or `-` means standard input.
    public var inputs: [String]
    /// Mirror outputs into this directory; nil writes to standard output.
    public var outputDirectory: String?
    public var format: OutputFormat
    public var inputFormat: InputFormat
    /// Documents processed at once.
    public var jobs: Int
    /// Skip documents whose output is newer than their input.
    public var resume: Bool
    public var walker: CorpusWalker
    public var builder: DocumentBuilder
    public var keepMarkdown: Bool
    /// JSONL records handed to a worker at a time.
    public var recordsPerBatch: Int
    /// When set, every document's `site` is filled in before the stages run (repeat profiles).
    public var siteKey: SiteKey? = nil

    public init(
        inputs: [String], outputDirectory: String? = nil, format: OutputFormat = .text,
        inputFormat: InputFormat = .auto, jobs: Int = 1, resume: Bool = false, walker: CorpusWalker = CorpusWalker(),
        builder: DocumentBuilder = DocumentBuilder(), keepMarkdown: Bool = false, recordsPerBatch: Int = 256
    ) {
        self.inputs = inputs
        self.outputDirectory = outputDirectory
        self.format = format
        self.inputFormat = inputFormat
        self.jobs = max(1, jobs)
        self.resume = resume
        self.walker = walker
        self.builder = builder
        self.keepMarkdown = keepMarkdown
        self.recordsPerBatch = max(1, recordsPerBatch)
    }

    /// True when the input list means standard input.
    public var readsStandardInput: Bool { inputs.isEmpty || inputs == ["-"] }
}

/// Progress of a run, for a terminal status line.
public struct RunProgress: Sendable {
    public var filesDone: Int
    public var filesTotal: Int
    public var documentsDone: Int
    public var bytesDone: Int
    public var bytesTotal: Int
    public var elapsedSeconds: Double
}

/// Receives what a run reports while it goes: problems as they happen and progress.
public protocol RunObserver: Sendable {
    func report(_ diagnostic: Diagnostic)
    func progress(_ progress: RunProgress)
}
