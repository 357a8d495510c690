import ArgumentParser
import Winnow

/// How inputs are found and read: shared by `clean`, `explain` and `profile`.
struct InputOptions: ParsableArguments {
    @Option(name: .customLong("input-format"), help: "How to read inputs: auto (JSONL for .jsonl files), text or jsonl.")
    var inputFormat: InputFormatArgument = .auto

    @Option(name: .customLong("text-field"), help: "The JSONL field that holds the text to clean.")
    var textField = "text"

    @Option(help: "Decode inputs from this charset instead of detecting it (e.g. windows-1252).")
    var encoding: String?

    @Option(name: .customLong("include"), help: "Only read files matching this glob (repeatable; default: *.txt *.md *.text *.jsonl).")
    var include: [String] = []

    @Option(name: .customLong("exclude"), help: "Skip files and directories matching this glob (repeatable).")
    var exclude: [String] = []

    @Flag(help: "Follow symbolic links while walking directories.")
    var follow = false

    @Option(
        help: ArgumentHelp(
            "Only read the files of shard K of N (by a hash of each file's path under its input root), so N machines can split one corpus.",
            valueName: "K/N"))
    var shard: String?

    func validate() throws {
        if let shard, Shard(shard) == nil {
            throw ValidationError("--shard needs K/N with 1 <= K <= N, such as 2/8 (got '\(shard)')")
        }
    }

    func walker() -> CorpusWalker {
        CorpusWalker(
            include: include.isEmpty ? CorpusWalker.defaultInclude : include, exclude: exclude, followSymlinks: follow,
            shard: shard.flatMap(Shard.init))
    }

    func builder() -> DocumentBuilder {
        DocumentBuilder(decoder: InputDecoder(forcedEncoding: encoding), textField: textField)
    }
}
