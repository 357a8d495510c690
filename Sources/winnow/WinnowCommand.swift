import ArgumentParser
import Winnow

@main
struct WinnowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "winnow",
        abstract: "Turns scraped web pages (rendered to text or markdown) into clean article text.",
        discussion: """
            Exit status: 0 all inputs processed and text kept; 1 nothing kept; 2 some inputs \
            failed (each named on stderr) but the rest was processed; 3 all inputs processed but \
            some needed repair (not UTF-8, invalid bytes replaced) or hit a regex time limit; 64 usage error.
            """,
        version: WinnowVersion.current,
        subcommands: [CleanCommand.self, ExplainCommand.self, RulesCommand.self, LangCommand.self, ProfileCommand.self],
        defaultSubcommand: CleanCommand.self
    )

    /// The parse-and-run sequence of `AsyncParsableCommand.main()`, with the allocator set up
    /// first: its settings only reach the heaps created after them, and the runtime's worker
    /// threads make theirs before any subcommand runs.
    static func main() async {
        AllocatorTuning.apply()
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}

enum WinnowVersion {
    static let current = "0.1.0"
}
