/// Walks the inputs lazily and cuts them into work units: one per text file, batches of
/// records for JSONL files (read in bounded chunks, so a huge JSONL file streams).
struct UnitProducer {
    let configuration: RunConfiguration
    let onError: (WinnowError) -> Void
    let onSkip: () -> Void
    private var sources: [(InputFile?, SourceFile)] = []
    private var sourceIndex = 0
    private var stream: LineStream?
    private var streamSource: SourceFile?
    private var streamStartedBatch = false
    private(set) var filesTotal = 0
    private(set) var filesStarted = 0
    private(set) var bytesTotal = 0

    init(configuration: RunConfiguration, onError: @escaping (WinnowError) -> Void, onSkip: @escaping () -> Void) {
        self.configuration = configuration
        self.onError = onError
        self.onSkip = onSkip
        let plan = OutputPlan(configuration: configuration)
        if configuration.readsStandardInput {
            let label = "<stdin>"
            let output = plan.outputPath(forRelativePath: "stdin.txt", isJSONL: isJSONL(path: nil))
            sources = [(nil, SourceFile(path: nil, label: label, id: label, outputPath: output))]
        } else {
            for input in configuration.inputs {
                let isSingle = configuration.inputs.count == 1
                let rootName = CorpusWalker.baseName(input)
                for file in configuration.walker.files(under: input, onError: onError) {
                    let isFileArgument = file.path == input
                    // With several inputs, each keeps its own name at the top of the output tree.
                    let relative = isSingle || isFileArgument ? file.relativePath : rootName + "/" + file.relativePath
                    let jsonl = isJSONL(path: file.path)
                    let output = plan.outputPath(forRelativePath: relative, isJSONL: jsonl)
                    let label = isFileArgument ? input : file.path
                    var source = SourceFile(path: file.path, label: label, id: relative, outputPath: output, rootRelativePath: file.relativePath)
                    if file.isRegularFile { source.knownSize = file.size }
                    sources.append((file, source))
                    bytesTotal += file.size
                }
            }
        }
        filesTotal = sources.count
    }

    private func isJSONL(path: String?) -> Bool {
        switch configuration.inputFormat {
        case .jsonl: return true
        case .text: return false
        case .auto: return path?.hasSuffix(".jsonl") ?? false
        }
    }

    mutating func next() -> WorkUnit? {
        while true {
            if let stream, let source = streamSource {
                var lines: [(number: Int, raw: [UInt8])] = []
                var bytes = 0
                var failed = false
                do throws(WinnowError) {
                    while lines.count < configuration.recordsPerBatch, bytes < 4 << 20, let line = try stream.nextLine() {
                        bytes += line.count
                        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }  // blank lines between records
                        lines.append((stream.lineNumber, line))
                    }
                } catch {
                    onError(error.relabelled(source.label))
                    self.stream = nil
                    failed = true
                }
                let isFirst = !streamStartedBatch
                let isLast = lines.count < configuration.recordsPerBatch && bytes < 4 << 20 || self.stream == nil
                streamStartedBatch = true
                if isLast {
                    self.stream = nil
                    streamSource = nil
                }
                if isFirst && isLast && lines.isEmpty {
                    if !failed { onError(.emptyInput(path: source.label)) }
                    continue
                }
                return .records(source: source, lines: lines, isFirst: isFirst, isLast: isLast)
            }
            guard sourceIndex < sources.count else { return nil }
            let (file, source) = sources[sourceIndex]
            sourceIndex += 1
            filesStarted += 1
            if configuration.resume, let file, let output = source.outputPath, Self.isUpToDate(output, input: file) {
                onSkip()
                continue
            }
            if isJSONL(path: source.path) {
                do throws(WinnowError) {
                    stream = try LineStream(path: source.path)
                    streamSource = source
                    streamStartedBatch = false
                } catch {
                    onError(error.relabelled(source.label))
                }
                continue
            }
            if source.path == nil {
                do throws(WinnowError) {
                    let bytes = try FileIO.readAll(path: nil)
                    bytesTotal += bytes.count
                    return .text(source: source, bytes: bytes)
                } catch {
                    onError(error)
                    continue
                }
            }
            return .text(source: source, bytes: nil)
        }
    }

    static func isUpToDate(_ output: String, input: InputFile) -> Bool {
        guard let modified = FileIO.modificationTime(output) else { return false }
        return modified >= input.modified
    }
}

extension WinnowError {
    /// The same error naming `path` (streams report errors before they know their label).
    func relabelled(_ path: String) -> WinnowError {
        switch self {
        case .unreadableFile(_, let detail): .unreadableFile(path: path, detail: detail)
        case .invalidEncoding(_, let detail): .invalidEncoding(path: path, detail: detail)
        default: self
        }
    }
}
