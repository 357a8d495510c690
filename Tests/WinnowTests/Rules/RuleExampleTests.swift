import Testing
import Winnow

extension RuleExampleRunner.Case: CustomTestStringConvertible {
    public var testDescription: String { description }
}

/// Every example of every rule in `Rules/` is a test.
@Suite struct RuleExampleTests {
    @Test func ruleFilesLoad() throws {
        _ = try RuleCatalog.loaded.get()
        #expect(RuleCatalog.allExamples.count > 0)
    }

    @Test(arguments: RuleCatalog.allExamples)
    func example(_ testCase: RuleExampleRunner.Case) {
        if let failure = RuleExampleRunner.run(testCase) {
            let location = testCase.location
            Issue.record(
                "\(location): \(testCase): \(failure)",
                sourceLocation: SourceLocation(
                    fileID: "Rules/\(location.path.split(separator: "/").last ?? "")", filePath: location.path,
                    line: location.line, column: 1))
        }
    }
}
