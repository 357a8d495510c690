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
        // A closed pipe (`winnow lang … | head`) must come back as EPIPE and end quietly, and
        // a failed write (a full disk) as an error: output written with unchecked `write`
        // calls was lost without a word and the status still said 0.
        signal(SIGPIPE, SIG_IGN)
        let output = StandardOutput()
        do {
            try detect(writingTo: output)
            try output.flush()
        } catch is StandardOutput.BrokenPipe {
            return
        } catch let error as WinnowError {
            StderrReporter.writeLine("winnow: \(error)")
            throw ExitCode(ExitStatus.inputErrors)
        }
    }

    private func detect(writingTo output: StandardOutput) throws {
        let detector = LanguageDetector()
        if lines {
            try LineReader.forEachLine(ofDescriptor: 0) { line in
                let guess = detector.detect(line)
                try output.write(guess.code)
                if confidence {
                    try output.write("\t")
                    try output.write(String(format: "%.3f", guess.confidence))
                }
                try output.write("\n")
            }
            return
        }
        let inputs = files.isEmpty ? ["-"] : files
        var failed = false
        for path in inputs {
            let label = path == "-" ? "<stdin>" : path
            // Read and decoded the way `clean` reads: a closed stdin, a directory or a FIFO is
            // an error line (Foundation's readers trapped on a closed stdin), and a page in
            // UTF-16 or a legacy charset is detected and converted, not read as broken UTF-8.
            let decoded: InputDecoder.Decoded
            do throws(WinnowError) {
                decoded = try InputDecoder().decode(FileIO.readAll(path: path == "-" ? nil : path), path: label)
            } catch {
                StderrReporter.writeLine("winnow: \(error)")
                failed = true
                continue
            }
            let text = String(decoding: decoded.bytes, as: UTF8.self)
            var document = Document(id: label, blocks: Segmenter().blocks(from: text))
            try detector.process(&document)
            let language = document.language ?? .undetermined
            try output.write("\(document.id)\t\(language.code)\t\(String(format: "%.2f", language.confidence))\n")
            for span in LanguageSpans.spans(of: document) {
                try output.write("  \(span.lines)\t\(span.code)\t\(String(format: "%.2f", span.confidence))\n")
            }
        }
        try output.flush()
        if failed { throw ExitCode(ExitStatus.inputErrors) }
    }
}

/// Splits a byte stream into lines without building one big string.
enum LineReader {
    /// Reads with `read(2)`: Foundation's `FileHandle` trapped on a closed descriptor
    /// (`winnow lang --lines <&-`); here that is a `cannot read` error.
    static func forEachLine(ofDescriptor fd: Int32, _ body: (String) throws -> Void) throws {
        var pending: [UInt8] = []
        // Bytes of `pending` known to hold no line break: a 50 MB line read in 1 MB chunks
        // was scanned from its start again after every chunk.
        var scanned = 0
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let got = chunk.withUnsafeMutableBytes { raw in read(fd, raw.baseAddress, raw.count) }
            if got < 0 {
                if errno == EINTR { continue }
                throw WinnowError.unreadableFile(path: "<stdin>", detail: FileIO.errnoDescription())
            }
            if got == 0 { break }
            pending.append(contentsOf: chunk[..<got])
            var start = 0
            try pending.withUnsafeBufferPointer { bytes in
                for i in scanned..<bytes.count where bytes[i] == 0x0A {
                    try body(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self))
                    start = i + 1
                }
            }
            pending.removeFirst(start)
            scanned = pending.count
        }
        if !pending.isEmpty { try body(String(decoding: pending, as: UTF8.self)) }
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
