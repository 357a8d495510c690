import ArgumentParser
import Foundation
import Winnow

/// `winnow lang`: the language of each document and of its paragraphs, or of each stdin line.
struct LangCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lang",
        abstract: "Detect the language of documents, paragraphs or lines.",
        discussion: """
            With --lines, reads standard input and prints one ISO 639-1 code per input line \
            (`und` when unsure). Otherwise prints, for each FILE (or standard input), the \
            document's language and confidence, then each paragraph's line range and language.
            """)

    @Flag(help: "Print one language code per standard-input line.")
    var lines = false

    @Flag(help: "With --lines, print the confidence after a tab.")
    var confidence = false

    @Argument(help: "Text files to read; standard input when none is given.")
    var files: [String] = []

    func run() async throws {
        let detector = LanguageDetector()
        var output = BufferedOutput()
        if lines {
            try LineReader.forEachLine(of: FileHandle.standardInput) { line in
                let guess = detector.detect(line)
                output.write(guess.code)
                if confidence {
                    output.write("\t")
                    output.write(String(format: "%.3f", guess.confidence))
                }
                output.write("\n")
            }
            output.flush()
            return
        }
        let inputs = files.isEmpty ? ["-"] : files
        var failed = false
        for path in inputs {
            let data: Data
            do {
                data = path == "-" ? FileHandle.standardInput.readDataToEndOfFile()
                    : try Data(contentsOf: URL(fileURLWithPath: path))
            } catch {
                StderrReporter.writeLine("winnow: \(path): cannot read (\(error.localizedDescription))")
                failed = true
                continue
            }
            let text = String(decoding: data, as: UTF8.self)
            var document = Document(id: path == "-" ? "<stdin>" : path, blocks: Segmenter().blocks(from: text))
            try detector.process(&document)
            let language = document.language ?? .undetermined
            output.write("\(document.id)\t\(language.code)\t\(String(format: "%.2f", language.confidence))\n")
            for span in LanguageSpans.spans(of: document) {
                output.write("  \(span.lines)\t\(span.code)\t\(String(format: "%.2f", span.confidence))\n")
            }
        }
        output.flush()
        if failed { throw ExitCode(2) }
    }
}

/// Collects output and writes it in large chunks (no flush per line).
struct BufferedOutput {
    private var buffer: [UInt8] = []

    init() { buffer.reserveCapacity(1 << 16) }

    mutating func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        buffer.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            var offset = 0
            while offset < raw.count {
                let written = Foundation.write(1, base + offset, raw.count - offset)
                if written <= 0 { break }
                offset += written
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// Splits a byte stream into lines without building one big string.
enum LineReader {
    static func forEachLine(of handle: FileHandle, _ body: (String) -> Void) throws {
        var pending: [UInt8] = []
        while true {
            let chunk = handle.readData(ofLength: 1 << 20)
            if chunk.isEmpty { break }
            pending.append(contentsOf: chunk)
            var start = 0
            pending.withUnsafeBufferPointer { bytes in
                for i in 0..<bytes.count where bytes[i] == 0x0A {
                    body(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self))
                    start = i + 1
                }
            }
            pending.removeFirst(start)
        }
        if !pending.isEmpty { body(String(decoding: pending, as: UTF8.self)) }
    }
}

/// Line ranges of a document that share a language.
enum LanguageSpans {
    /// Runs of consecutive blocks with the same language, as line ranges.
    static func spans(of document: Document) -> [(lines: String, code: String, confidence: Double)] {
        var spans: [(lines: String, code: String, confidence: Double)] = []
        var current: (first: Int, last: Int, code: String, confidence: Double, count: Int)?
        for block in document.blocks {
            let guess = block.language ?? .undetermined
            let first = block.origin.line
            let last = block.origin.lastLine
            if var run = current, run.code == guess.code {
                run.last = last
                run.confidence += guess.confidence
                run.count += 1
                current = run
            } else {
                if let run = current {
                    spans.append(("\(run.first)-\(run.last)", run.code, run.confidence / Double(run.count)))
                }
                current = (first, last, guess.code, guess.confidence, 1)
            }
        }
        if let run = current {
            spans.append(("\(run.first)-\(run.last)", run.code, run.confidence / Double(run.count)))
        }
        return spans
    }
}
