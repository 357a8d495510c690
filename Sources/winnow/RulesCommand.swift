import ArgumentParser
import Foundation
import Winnow

/// Where rules come from: `--rules DIR` (repeatable) and `--no-builtin-rules`.
struct RuleSourceOptions: ParsableArguments {
    @Option(name: .customLong("rules"), help: "Add rules from this directory or YAML file (repeatable; later ones override by id).")
    var directories: [String] = []

    @Flag(name: .customLong("no-builtin-rules"), help: "Do not use the built-in rules.")
    var noBuiltinRules = false

    /// The rule set, or a one-line error on stderr and exit status 2.
    func ruleSet() throws -> RuleSet {
        try Self.ruleSet(directories: directories, includeBuiltin: !noBuiltinRules)
    }

    static func ruleSet(directories: [String], includeBuiltin: Bool) throws -> RuleSet {
        do throws(WinnowError) {
            return try RuleSet.load(directories: directories, includeBuiltin: includeBuiltin)
        } catch {
            StderrReporter.writeLine("winnow: \(error)")
            throw ExitCode(ExitStatus.inputErrors)
        }
    }
}

/// `winnow rules list|test|match`: inspect and test boilerplate rules.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List, test and try out boilerplate rules.",
        subcommands: [List.self, Test.self, Match.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show every rule: id, scope and description.")

        @OptionGroup var sources: RuleSourceOptions

        @Flag(help: "Also show each regex rule's prefilter: the literals one of which a line must contain.")
        var prefilters = false

        @Flag(help: "Then show the built-in heuristics (the `heuristic.*` ids that `explain` names) with their descriptions.")
        var heuristics = false

        func run() throws {
            let rules = try sources.ruleSet().rules
            let width = max(rules.map(\.id.count).max() ?? 0, heuristics ? Heuristics.all.map(\.id.count).max() ?? 0 : 0)
            var output = ""
            for rule in rules {
                let padded = rule.id.padding(toLength: width, withPad: " ", startingAt: 0)
                let scope = rule.scope.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)
                var flags = (rule.action == .keep ? " [keep]" : "") + (rule.caption ? " [caption]" : "")
                if !rule.signals.isEmpty { flags += " [signals: \(rule.signals.names.joined(separator: ", "))]" }
                if rule.extent?.insideArticle == false { flags += " [inside-article: false]" }
                output += "\(padded)  \(scope)  \(rule.description)\(flags)\n"
                if prefilters, case .regex(let pattern) = rule.match.test {
                    let literals = RuleSet.requiredLiterals(ofRegex: pattern)
                    output += "    prefilter: " + (literals.map { $0.map { "\"\($0)\"" }.joined(separator: " | ") } ?? "none (regex runs on every line)") + "\n"
                }
            }
            if heuristics {
                for heuristic in Heuristics.all {
                    output += "\(heuristic.id.padding(toLength: width, withPad: " ", startingAt: 0))  heuristic  \(heuristic.description)\n"
                }
            }
            try CommandOutput.write(output)
        }
    }

    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the drop/keep/context examples of rule files.",
            discussion: """
                With no directory, tests the built-in rules. Prints each failing example as \
                `path:line: rule-id kind#n: problem`. Exit status: 0 all examples pass; 1 an \
                example fails; 2 a rule file is invalid.
                """
        )

        @Argument(help: "Rule directories or YAML files to test (default: the built-in rules).")
        var paths: [String] = []

        @Flag(name: [.short, .customLong("verbose")], help: "Also list the examples that pass.")
        var verbose = false

        func run() throws {
            let rules = try RuleSourceOptions.ruleSet(directories: paths, includeBuiltin: paths.isEmpty).rules
            var failures = 0
            var report = ""
            let cases = RuleExampleRunner.cases(for: rules)
            for testCase in cases {
                if let problem = RuleExampleRunner.run(testCase) {
                    failures += 1
                    let indented = problem.replacingOccurrences(of: "\n", with: "\n    ")
                    report += "\(testCase.location): \(testCase): \(indented)\n"
                } else if verbose {
                    report += "ok   \(testCase)\n"
                }
            }
            report += "\(rules.count) rules, \(cases.count) examples, \(failures) failed\n"
            try CommandOutput.write(report)
            if failures > 0 { throw ExitCode(ExitStatus.nothingKept) }
        }
    }

    struct Match: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show which lines of text files the rules alone drop or protect.",
            discussion: "Prints `path:line: drop|keep rule-id: text` for every line a rule decides (no heuristics)."
        )

        @Argument(help: "Text or markdown files.")
        var files: [String]

        @OptionGroup var sources: RuleSourceOptions

        @Flag(name: .customLong("keep-captions"), help: "Skip caption rules, as `clean --keep-captions` does.")
        var keepCaptions = false

        func run() throws {
            let ruleSet = try sources.ruleSet()
            var failed = false
            for path in files {
                // Read and decoded as `clean` reads (a missing file said "cannot read as
                // UTF-8", and a UTF-16 or Latin-1 page could not be tried at all).
                let decoded: InputDecoder.Decoded
                do throws(WinnowError) {
                    decoded = try InputDecoder().decode(FileIO.readAll(path: path), path: path)
                } catch {
                    StderrReporter.writeLine("winnow: \(error)")
                    failed = true
                    continue
                }
                let text = String(decoding: decoded.bytes, as: UTF8.self)
                var document = Document(id: path, blocks: Segmenter().blocks(from: text))
                ruleSet.apply(to: &document, options: RuleOptions(keepCaptions: keepCaptions))
                var output = ""
                for block in document.blocks {
                    guard let verdict = block.verdict else { continue }
                    output += "\(path):\(block.origin.line): \(verdict.action.rawValue) \(verdict.reason.ruleID): \(block.text)\n"
                }
                try CommandOutput.write(output)
            }
            if failed { throw ExitCode(ExitStatus.inputErrors) }
        }
    }
}
