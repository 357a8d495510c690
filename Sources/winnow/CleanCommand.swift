import ArgumentParser
import Dispatch
import Foundation
import Winnow

/// Options shared by `clean` and `explain`.
struct PipelineOptions: ParsableArguments {
    @OptionGroup(title: "Input") var input: InputOptions

    @Flag(name: .customLong("keep-markdown"), help: "Keep markdown syntax (headings, links, emphasis) in the text output.")
    var keepMarkdown = false

    @Option(help: "Only write documents in these languages (comma-separated ISO 639-1 codes).")
    var languages: String?

    @OptionGroup var boilerplate: BoilerplateArguments

    @Flag(name: .customLong("no-language-detection"), help: "Skip language detection (faster; the heuristics then guess each page's stopword language).")
    var noLanguageDetection = false

    @OptionGroup(title: "Repeated lines") var repeats: RepeatArguments

    func walker() -> CorpusWalker { input.walker() }

    func builder() -> DocumentBuilder { input.builder() }

    func pipeline() throws -> Pipeline {
        var allowed: Set<String>? = nil
        if let languages {
            let codes = languages.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard !codes.isEmpty, !codes.contains(where: \.isEmpty) else {
                throw ValidationError("--languages needs comma-separated codes such as en,fr")
            }
            allowed = Set(codes)
        }
        if noLanguageDetection && allowed != nil {
            throw ValidationError("--languages needs language detection; drop --no-language-detection")
        }
        return StandardPipeline.make(
            remover: try boilerplate.remover(), languages: allowed, detectLanguages: !noLanguageDetection)
    }
}

enum InputFormatArgument: String, ExpressibleByArgument, CaseIterable {
    case auto, text, jsonl
    var value: InputFormat { InputFormat(rawValue: rawValue) ?? .auto }
}

enum OutputFormatArgument: String, ExpressibleByArgument, CaseIterable {
    case text, jsonl, explain
    var value: OutputFormat { OutputFormat(rawValue: rawValue) ?? .text }
}

struct CleanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clean",
        abstract: "Clean files, directories (recursively) or standard input.",
        discussion: """
            With no path, or `-`, reads standard input and writes the clean text to standard \
            output. With -o DIR, the output tree mirrors the input tree (JSONL in gives JSONL \
            out); outputs are written atomically. Several inputs without -o give JSONL on \
            standard output, in input order.

            Exit status: 0 all inputs processed and text kept; 1 nothing kept; 2 some inputs \
            failed (each named on stderr) but the rest was processed; 3 all inputs processed but \
            some needed repair (not UTF-8, invalid bytes replaced) or hit a regex time limit; 64 usage error.
            """
    )

    @Argument(help: "Files or directories to clean; none or - for standard input.")
    var inputs: [String] = []

    @Option(name: [.short, .customLong("output")], help: "Write outputs into this directory, mirroring the input tree.")
    var output: String?

    @Option(help: "Output format: text, jsonl or explain.")
    var format: OutputFormatArgument?

    @Option(name: [.short, .customLong("jobs")], help: "Documents processed in parallel (default: the number of cores).")
    var jobs: Int?

    @Flag(help: "Skip inputs whose output is already newer than the input.")
    var resume = false

    @Option(
        help: "Write a JSON report (counts, bytes, rules, languages, errors, speed) to this file ('-': standard output, with -o DIR).")
    var stats: String?

    @Flag(name: [.short, .customLong("quiet")], help: "No progress line on stderr.")
    var quiet = false

    @OptionGroup var options: PipelineOptions

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        // An empty -o joined to the relative paths as `/name`: the outputs went to the
        // filesystem root.
        if output?.isEmpty == true { throw ValidationError("-o needs a directory, not an empty path") }
        if resume && output == nil { throw ValidationError("--resume needs -o DIR") }
        if stats == "-" && output == nil {
            throw ValidationError("--stats - needs -o DIR: without it, standard output carries the documents")
        }
    }

    mutating func run() async throws {
        var configuration = try makeConfiguration(format: format?.value)
        let pipeline = try await options.repeats.extending(options.pipeline(), configuration: &configuration, quiet: quiet)
        let status = try await Self.execute(configuration, pipeline: pipeline, statsPath: stats, quiet: quiet)
        Self.exit(holding: pipeline, status: status)
    }

    /// Ends the process with `status` while `pipeline` is still held: freeing its rule set
    /// and models object by object, which nothing needs at exit, was a few percent of a
    /// one-page run. (Throwing `ExitCode` gives the same status after that freeing.)
    static func exit(holding pipeline: Pipeline, status: Int32) -> Never {
        withExtendedLifetime(pipeline) { exit(withError: ExitCode(status)) }
    }

    func makeConfiguration(format: OutputFormat?) throws -> RunConfiguration {
        let inputs = inputs
        var resolvedFormat = format ?? .text
        if format == nil && output == nil && (inputs.count > 1 || inputs.contains(where: Self.isDirectory)) {
            resolvedFormat = .jsonl  // several documents on one stream need record boundaries
        }
        if let output {
            try OutputDirectoryCheck.validate(output: output, inputs: inputs, exclude: options.input.exclude)
        }
        return RunConfiguration(
            inputs: inputs, outputDirectory: output, format: resolvedFormat, inputFormat: options.input.inputFormat.value,
            jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, resume: resume, walker: options.walker(),
            builder: options.builder(), keepMarkdown: options.keepMarkdown)
    }

    static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    static func execute(_ configuration: RunConfiguration, pipeline: Pipeline, statsPath: String?, quiet: Bool) async throws -> Int32 {
        SignalHandling.install()
        let reporter = StderrReporter(quiet: quiet)
        let runner = BatchRunner(configuration: configuration, pipeline: pipeline, observer: reporter)
        let stats: RunStats
        do {
            stats = try await runner.run(standardOutput: StandardOutput())
        } catch is StandardOutput.BrokenPipe {
            reporter.finish()
            return ExitStatus.success
        } catch let error as WinnowError {
            // Standard output failed (closed, a full disk): one `winnow:` line and status 2,
            // not the argument parser's `Error:` and 1, which means "nothing kept".
            reporter.finish()
            StderrReporter.writeLine("winnow: \(error)")
            return ExitStatus.inputErrors
        }
        reporter.finish()
        if let statsPath {
            do {
                if statsPath == "-" {
                    let output = StandardOutput()
                    try output.write(stats.json())
                    try output.flush()
                } else {
                    try AtomicFile.write(stats.json(), to: statsPath)
                }
            } catch is StandardOutput.BrokenPipe {
                return ExitStatus.from(stats)
            } catch {
                StderrReporter.writeLine("winnow: \(error)")
                return ExitStatus.inputErrors
            }
        }
        return ExitStatus.from(stats)
    }
}

struct ExplainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show every input line with keep or drop, the rule or heuristic id and the reason."
    )

    @Argument(help: "Files or directories; none or - for standard input.")
    var inputs: [String] = []

    @OptionGroup var options: PipelineOptions

    mutating func run() async throws {
        var configuration = RunConfiguration(
            inputs: inputs, format: .explain, inputFormat: options.input.inputFormat.value, jobs: 1,
            walker: options.walker(), builder: options.builder(), keepMarkdown: options.keepMarkdown)
        let pipeline = try await options.repeats.extending(options.pipeline(), configuration: &configuration, quiet: true)
        let status = try await CleanCommand.execute(configuration, pipeline: pipeline, statsPath: nil, quiet: true)
        CleanCommand.exit(holding: pipeline, status: status)
    }
}
