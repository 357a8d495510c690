/// The profile pass: reads every input like `clean` does (same walk, decoding and segmenting),
/// `jobs` units at a time, and counts each document's distinct line fingerprints per site.
///
/// Workers fingerprint documents in parallel; one coordinator adds their results into a
/// `RepeatCounter`. Counting is addition and the cap's sampling level depends only on the set
/// of lines, so the profile is the same for every `--jobs` and every input order.
public struct ProfileBuilder: Sendable {
    /// Inputs and reading options (output options are ignored).
    public var configuration: RunConfiguration
    public var siteKey: SiteKey
    public var maxEntries: Int

    /// What the pass did.
    public struct Result: Sendable {
        public var profile: RepeatProfile
        /// Problems with single inputs (they were skipped).
        public var errors: [Diagnostic]
        public var documents: Int
        public var bytesIn: Int
        public var elapsedSeconds: Double
    }

    /// Work units per worker task (enough that waking a worker costs little next to its work).
    static let batchSize = 64

    public init(configuration: RunConfiguration, siteKey: SiteKey = .auto, maxEntries: Int = RepeatProfile.defaultMaxEntries) {
        var configuration = configuration
        configuration.resume = false
        configuration.outputDirectory = nil
        self.configuration = configuration
        self.siteKey = siteKey
        self.maxEntries = maxEntries
    }

    /// Runs the pass. `onError` hears about each input that could not be read, as it happens.
    public func run(onError: @escaping @Sendable (Diagnostic) -> Void = { _ in }) async -> Result {
        let clock = ContinuousClock()
        let started = clock.now
        var errors: [Diagnostic] = []
        var documents = 0
        var bytesIn = 0
        var counter = RepeatCounter(maxEntries: maxEntries)
        var producer = UnitProducer(
            configuration: configuration,
            onError: { error in
                let diagnostic = Diagnostic(error)
                onError(diagnostic)
                errors.append(diagnostic)
            }, onSkip: {})
        let jobs = configuration.jobs
        let worker = FingerprintWorker(builder: configuration.builder, siteKey: siteKey)

        await withTaskGroup(of: FingerprintWorker.Output.self) { group in
            var inFlight = 0
            func absorb(_ output: FingerprintWorker.Output) {
                for document in output.documents {
                    counter.addDocument(site: document.site, fingerprints: document.fingerprints)
                }
                documents += output.documents.count
                bytesIn += output.bytesIn
                for diagnostic in output.errors { onError(diagnostic) }
                errors += output.errors
            }
            // Text files go to the workers in batches: a task per small file would cost more
            // in task switches than fingerprinting the file does. A JSONL unit is already a
            // chunk of many records, and goes alone.
            var batch: [WorkUnit] = []
            func submit() async {
                while inFlight >= jobs * 2, let output = await group.next() {
                    inFlight -= 1
                    absorb(output)
                }
                inFlight += 1
                let units = batch
                batch = []
                group.addTask { worker.process(units) }
            }
            while let unit = producer.next() {
                batch.append(unit)
                if case .records = unit {
                    await submit()
                } else if batch.count == Self.batchSize {
                    await submit()
                }
            }
            if !batch.isEmpty { await submit() }
            for await output in group { absorb(output) }
        }
        let elapsed = clock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        // Errors arrive in completion order; sort them so reports are deterministic too.
        errors.sort { ($0.file, $0.line ?? 0, $0.message) < ($1.file, $1.line ?? 0, $1.message) }
        return Result(profile: counter.profile(), errors: errors, documents: documents, bytesIn: bytesIn, elapsedSeconds: seconds)
    }
}

/// Reads one work unit and returns each document's site and distinct line fingerprints.
struct FingerprintWorker: Sendable {
    let builder: DocumentBuilder
    let siteKey: SiteKey

    struct Fingerprints: Sendable {
        var site: String
        var fingerprints: [UInt64]
    }

    struct Output: Sendable {
        var documents: [Fingerprints] = []
        var bytesIn = 0
        var errors: [Diagnostic] = []
    }

    /// Fingerprints the documents of `units`, in order.
    func process(_ units: [WorkUnit]) -> Output {
        var output = Output()
        var fingerprinter = LineFingerprinter()
        var scratch = Scratch()
        for unit in units { process(unit, into: &output, fingerprinter: &fingerprinter, scratch: &scratch) }
        return output
    }

    /// Buffers a worker keeps from document to document.
    struct Scratch {
        /// Each line's hash, in line order, for the current document.
        var hashes: [UInt64] = []
        /// The file being read.
        var readBuffer: [UInt8] = []
        var seen = DistinctHashes()
    }

    func process(_ unit: WorkUnit, into output: inout Output, fingerprinter: inout LineFingerprinter, scratch: inout Scratch) {
        switch unit {
        case .text(let source, let preread):
            do throws(WinnowError) {
                var inputBytes = 0
                var needsDecoding = true
                var bytes: [UInt8] = []
                if let preread {
                    bytes = preread
                } else if let path = source.path {
                    // Files are read into one buffer kept from file to file; most are plain
                    // UTF-8, which the decoder would return unchanged, and are fingerprinted
                    // where they lie.
                    let count = try FileIO.readAll(path: path, into: &scratch.readBuffer)
                    let decoder = builder.decoder
                    needsDecoding = !scratch.readBuffer.withUnsafeBytes { raw in
                        let file = UnsafeRawBufferPointer(rebasing: raw[0..<count])
                        guard decoder.passesThrough(file) else { return false }
                        fingerprinter.appendHashes(of: file, to: &scratch.hashes)
                        return true
                    }
                    inputBytes = count
                    if needsDecoding { bytes = Array(scratch.readBuffer[0..<count]) }
                } else {
                    bytes = try FileIO.readAll(path: nil)
                }
                if needsDecoding {
                    // The same decoding as `clean` (BOMs, charset detection, repair); only the
                    // segmenting is replaced by the byte path.
                    let decoded = try builder.decoder.decode(bytes, path: source.label)
                    decoded.bytes.withUnsafeBytes { fingerprinter.appendHashes(of: $0, to: &scratch.hashes) }
                    inputBytes = decoded.notes.inputBytes
                }
                let site = siteKey.site(record: nil, rootRelativePath: source.rootRelativePath)
                output.documents.append(Fingerprints(site: site, fingerprints: scratch.seen.distinct(&scratch.hashes)))
                output.bytesIn += inputBytes
            } catch {
                output.errors.append(Diagnostic(error))
            }
        case .records(let source, let lines, _, _):
            for (number, raw) in lines {
                do throws(WinnowError) {
                    var raw = raw
                    // As `DocumentBuilder.document(fromRecord:)`: repair, then scan the record.
                    if !raw.withUnsafeBytes({ UTF8Validator.check($0) }).isValid { raw = UTF8Validator.repair(raw).bytes }
                    output.bytesIn += raw.count + 1
                    let record: JSONLRecord
                    let text: String?
                    switch JSONLScanner.scan(raw, line: number, textField: builder.textField) {
                    case .success(let value): (record, text) = value
                    case .failure(let failure):
                        throw .malformedJSONL(path: source.label, line: number, detail: failure.detail)
                    }
                    if var text { text.withUTF8 { fingerprinter.appendHashes(of: UnsafeRawBufferPointer($0), to: &scratch.hashes) } }
                    let site = siteKey.site(record: record, rootRelativePath: source.rootRelativePath)
                    output.documents.append(Fingerprints(site: site, fingerprints: scratch.seen.distinct(&scratch.hashes)))
                } catch {
                    output.errors.append(Diagnostic(error))
                }
            }
        }
    }
}
