import Foundation
import Winnow

/// The repository's `Rules/` directory, read from disk the way a user's `--rules` would be.
enum RuleCatalog {
    static let rulesDirectory: String = {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // Rules
            .deletingLastPathComponent()  // WinnowTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()  // repo
            .appendingPathComponent("Rules").path
    }()

    static let loaded: Result<RuleSet, WinnowError> = {
        do throws(WinnowError) {
            return .success(try RuleSet.load(directories: [rulesDirectory], includeBuiltin: false))
        } catch {
            return .failure(error)
        }
    }()

    static var rules: [Rule] { (try? loaded.get())?.rules ?? [] }

    static let allExamples: [RuleExampleRunner.Case] = RuleExampleRunner.cases(for: rules)
}
