import ArgumentParser
import Winnow

/// The boilerplate remover's command-line options (`--mode`, `--keep-captions`, `--no-heuristics`,
/// and the rule sources `--rules DIR`, `--no-builtin-rules`).
struct BoilerplateArguments: ParsableArguments {
    @OptionGroup var ruleSources: RuleSourceOptions

    @Option(help: "How much to cut: precision, balanced or recall.")
    var mode: ModeArgument = .balanced

    @Flag(name: .customLong("keep-captions"), help: "Keep photo caption text (slugs and credits still go).")
    var keepCaptions = false

    @Flag(name: .customLong("no-heuristics"), help: "Apply only the rules, not the general heuristics.")
    var noHeuristics = false

    var options: BoilerplateOptions {
        BoilerplateOptions(mode: mode.value, keepCaptions: keepCaptions, useHeuristics: !noHeuristics)
    }

    /// The boilerplate stage for these options: the rules (compiled once, shared by all
    /// workers), then the heuristics.
    func remover() throws -> BoilerplateRemover {
        let rules = try ruleSources.ruleSet()
        return BoilerplateRemover(rules: rules.rules.isEmpty ? nil : rules, options: options)
    }
}

enum ModeArgument: String, ExpressibleByArgument, CaseIterable {
    case precision, balanced, recall
    var value: BoilerplateOptions.Mode { BoilerplateOptions.Mode(rawValue: rawValue) ?? .balanced }
}
