#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs the pipeline over every input, `jobs` documents at a time, and writes the outputs.
///
/// The walk is the parallelism (ripgrep's model): each worker reads, processes and renders one
/// unit; the coordinator writes results strictly in input order through a bounded reorder
/// buffer, so the bytes written never depend on `--jobs`, and memory stays bounded by the
/// number of jobs times the largest document.
public struct BatchRunner: Sendable {
    public var configuration: RunConfiguration
    public var pipeline: Pipeline
    public var observer: any RunObserver

    public init(configuration: RunConfiguration, pipeline: Pipeline, observer: any RunObserver) {
        self.configuration = configuration
        self.pipeline = pipeline
        self.observer = observer
    }

    /// Processes everything and returns the totals. Problems with single inputs are reported to
    /// the observer and counted; they never stop the run. Throws only `StandardOutput.BrokenPipe`.
    public func run(standardOutput: StandardOutput) async throws -> RunStats {
        let clock = ContinuousClock()
        let started = clock.now
        var stats = RunStats()
        var held = HeldDiagnostics()
        var producer = UnitProducer(configuration: configuration, onError: { error in
            held.hold(Diagnostic(error))
            stats.documents.failed += 1
        }, onSkip: { stats.documents.skipped += 1 })
        func release(_ diagnostics: [Diagnostic]) {
            for diagnostic in diagnostics {
                observer.report(diagnostic)
                stats.errors.append(diagnostic)
            }
        }
        var writer = ResultWriter(standardOutput: standardOutput)
        let jobs = configuration.jobs
        let worker = UnitWorker(configuration: configuration, pipeline: pipeline)
        var lastProgress = started

        try await withThrowingTaskGroup(of: (Int, [UnitResult]).self) { group in
            var nextSequence = 0
            var nextToWrite = 0
            var pending: [Int: [UnitResult]] = [:]
            var inFlight = 0

            func handle(_ sequence: Int, _ results: [UnitResult]) throws {
                pending[sequence] = results
                while let batch = pending.removeValue(forKey: nextToWrite) {
                    release(held.take(before: nextToWrite))
                    for ready in batch {
                        for diagnostic in ready.stats.errors + ready.stats.warnings { observer.report(diagnostic) }
                        var unitStats = ready.stats
                        do {
                            unitStats.bytesOut += try writer.write(ready)
                        } catch let error as WinnowError {
                            let diagnostic = Diagnostic(error)
                            observer.report(diagnostic)
                            unitStats.errors.append(diagnostic)
                            unitStats.documents.failed += 1
                        }
                        stats.merge(unitStats)
                    }
                    nextToWrite += 1
                }
                let now = clock.now
                if now - lastProgress > .milliseconds(100) {
                    lastProgress = now
                    observer.progress(progress(stats: stats, producer: producer, elapsed: now - started))
                }
            }

            // Small text files go to the workers several at a time: a task per file costs
            // more in thread hand-offs than a small page takes to clean. JSONL chunks and
            // large or unsized files go alone.
            var batch: [WorkUnit] = []
            var batchBytes = 0
            func submit() async throws {
                // At most `jobs` tasks run at once (that is the parallelism), and the results
                // waiting for a slow predecessor are bounded too.
                while inFlight >= jobs || nextSequence - nextToWrite >= jobs * 8 {
                    guard let (sequence, results) = try await group.next() else { break }
                    inFlight -= 1
                    try handle(sequence, results)
                }
                let units = batch
                batch = []
                batchBytes = 0
                let sequence = nextSequence
                nextSequence += 1
                inFlight += 1
                group.addTask { (sequence, units.map { worker.process($0) }) }
            }

            while true {
                // A problem found while producing the next unit comes after the units already
                // batched, which go out as batch `nextSequence`.
                held.nextBatch = nextSequence + (batch.isEmpty ? 0 : 1)
                guard let unit = producer.next() else { break }
                batch.append(unit)
                if case .text(let source, nil) = unit, let size = source.knownSize {
                    batchBytes += size
                    if batch.count < Self.filesPerTask && batchBytes < Self.bytesPerTask { continue }
                }
                try await submit()
            }
            if !batch.isEmpty { try await submit() }
            while let (sequence, results) = try await group.next() {
                try handle(sequence, results)
            }
        }
        release(held.takeAll())
        try standardOutput.flush()
        let elapsed = clock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        stats.elapsedSeconds = (seconds * 1000).rounded() / 1000
        stats.megabytesPerSecond = seconds > 0 ? ((Double(stats.bytesIn) / 1e6 / seconds) * 10).rounded() / 10 : 0
        observer.progress(progress(stats: stats, producer: producer, elapsed: elapsed))
        return stats
    }

    /// Small files handed to a worker at once, at most this many…
    static let filesPerTask = 32
    /// …and while they add up to less than this many bytes (so memory stays bounded by a
    /// batch, not by a count of files of any size).
    static let bytesPerTask = 1 << 20

    private func progress(stats: RunStats, producer: UnitProducer, elapsed: Duration) -> RunProgress {
        RunProgress(
            filesDone: producer.filesStarted, filesTotal: producer.filesTotal,
            documentsDone: stats.documents.read + stats.documents.failed + stats.documents.skipped,
            bytesDone: stats.bytesIn, bytesTotal: producer.bytesTotal,
            elapsedSeconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
}

/// Does the work of one unit: read, decode, segment, run the stages, render.
struct UnitWorker: Sendable {
    let configuration: RunConfiguration
    let pipeline: Pipeline

    /// The document of a text input. The input bytes live only inside this call, so a huge
    /// input is freed before the stages and the renderer make their own copies.
    private func readDocument(_ source: SourceFile, preread: [UInt8]?) throws(WinnowError) -> Document {
        let bytes: [UInt8]
        if let preread { bytes = preread } else { bytes = try FileIO.readAll(path: source.path, knownSize: source.knownSize) }
        return try configuration.builder.document(fromText: bytes, id: source.id, path: source.label)
    }

    func process(_ unit: WorkUnit) -> UnitResult {
        switch unit {
        case .text(let source, let preread):
            var stats = RunStats()
            var output: [UInt8] = []
            do throws(WinnowError) {
                var document = try readDocument(source, preread: preread)
                if let siteKey = configuration.siteKey { document.site = siteKey.site(of: document, rootRelativePath: source.rootRelativePath) }
                try pipeline.run(&document)
                count(document, outputBytes: render(document, appendingTo: &output), label: source.label, into: &stats)
            } catch {
                stats.errors.append(Diagnostic(error))
                stats.documents.failed += 1
            }
            // A document with its own output file is written here, by the worker: files don't
            // need ordering, and creating many small files is the slow part of a corpus run.
            if let path = source.outputPath, !output.isEmpty {
                do throws(WinnowError) {
                    try AtomicFile.write(output, to: path)
                    stats.bytesOut += output.count
                } catch {
                    stats.errors.append(Diagnostic(error))
                    stats.documents.failed += 1
                    stats.documents.written -= 1
                }
                output = []
            }
            return UnitResult(source: source, output: output, isLast: true, isFirst: true, stats: stats)
        case .records(let source, let lines, let isFirst, let isLast):
            var stats = RunStats()
            var output: [UInt8] = []
            // The rendered records are about as long as the raw ones: one allocation, no regrowth.
            output.reserveCapacity(lines.reduce(0) { $0 + $1.raw.count } + 256 * lines.count)
            for (number, raw) in lines {
                do throws(WinnowError) {
                    var document = try configuration.builder.document(fromRecord: raw, line: number, path: source.label)
                    if let siteKey = configuration.siteKey { document.site = siteKey.site(of: document, rootRelativePath: source.rootRelativePath) }
                    try pipeline.run(&document)
                    let written = render(document, appendingTo: &output)
                    count(document, outputBytes: written, label: source.label, into: &stats)
                } catch {
                    stats.errors.append(Diagnostic(error))
                    stats.documents.failed += 1
                    stats.bytesIn += raw.count + 1
                }
            }
            return UnitResult(source: source, output: output, isLast: isLast, isFirst: isFirst, stats: stats)
        }
    }

    private func count(_ document: Document, outputBytes: Int, label: String, into stats: inout RunStats) {
        stats.count(document)
        for note in warnings(for: document, label: label) { stats.warnings.append(note) }
        // Read in place: `blocks[$0].isKept` copied each block (retaining its strings).
        let kept = document.verdict?.action != .drop
            && document.blocks.withUnsafeBufferPointer { blocks in blocks.indices.contains { blocks[$0].verdictAction != .drop } }
        if document.verdict?.action == .drop {
            // counted as filtered by RunStats.count
        } else if !kept {
            stats.documents.empty += 1
        }
        if outputBytes > 0 { stats.documents.written += 1 }
    }

    /// Named like the errors (`label` is the path as given, `:line` for a record): the
    /// document id alone is a path under the input root, or a record's own id, which can
    /// name no file at all.
    private func warnings(for document: Document, label: String) -> [Diagnostic] {
        guard document.notes.encoding != "UTF-8" || document.notes.replacements > 0 || !document.timedOutPatterns.isEmpty
        else { return [] }
        var notes: [Diagnostic] = []
        let where_ = document.record.map { "\(label):\($0.line)" } ?? label
        if document.notes.encoding != "UTF-8" {
            notes.append(
                Diagnostic(
                    severity: .warning, file: label, line: document.record?.line, kind: "encoding",
                    message: "\(where_): not UTF-8; decoded as \(document.notes.encoding)"))
        }
        if document.notes.replacements > 0 {
            notes.append(
                Diagnostic(
                    severity: .warning, file: label, line: document.record?.line, kind: "invalid-utf8",
                    message: "\(where_): \(document.notes.replacements) invalid byte sequence\(document.notes.replacements == 1 ? "" : "s") replaced with U+FFFD"))
        }
        if let pattern = document.timedOutPatterns.first {
            let count = document.timedOutPatterns.count
            let others = Set(document.timedOutPatterns).count - 1
            notes.append(
                Diagnostic(
                    severity: .warning, file: label, line: document.record?.line, kind: "regex-time-limit",
                    message: "\(where_): rule regex /\(pattern)/\(others > 0 ? " (and \(others) more)" : "") ran past its time limit \(count) time\(count == 1 ? "" : "s"); taken as no match"))
        }
        return notes
    }

    /// Appends the bytes written for a document to `output` and returns how many: nothing
    /// when it is dropped or empty, except in the explain view, which shows every document.
    private func render(_ document: Document, appendingTo output: inout [UInt8]) -> Int {
        let before = output.count
        if configuration.format == .explain {
            output.append(contentsOf: ExplainRenderer().render(document).utf8)
            return output.count - before
        }
        let text = TextRenderer(keepMarkdown: configuration.keepMarkdown)
        if document.record != nil || configuration.format == .jsonl {
            guard JSONLRenderer(text: text).render(document, appendingTo: &output) else { return 0 }
            return output.count - before
        }
        let clean = text.renderBytes(document)
        guard !clean.isEmpty else { return 0 }
        if output.isEmpty {
            output = clean
        } else {
            output.append(contentsOf: clean)
        }
        return output.count - before
    }
}
