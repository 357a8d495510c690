import Foundation
import Testing

@testable import Winnow

/// The compiled-in rules must match `Rules/` on disk (run Scripts/generate-builtin-rules).
@Suite struct BuiltinRulesTests {
    @Test func generatedFileIsNotStale() throws {
        let root = URL(fileURLWithPath: RuleCatalog.rulesDirectory)
        var onDisk: [String: String] = [:]
        let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        while let url = walker?.nextObject() as? URL {
            guard ["yaml", "yml"].contains(url.pathExtension) else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))
            onDisk[relative] = try String(contentsOf: url, encoding: .utf8)
        }
        let compiled = Dictionary(uniqueKeysWithValues: RuleSet.builtinFiles.map { ($0.path, $0.yaml) })
        #expect(Set(compiled.keys) == Set(onDisk.keys), "run Scripts/generate-builtin-rules")
        for (path, text) in onDisk where compiled[path] != text {
            Issue.record("Rules/\(path) changed since BuiltinRules+Generated.swift was generated; run Scripts/generate-builtin-rules")
        }
    }

    /// Every built-in regex has a literal prefilter or a tight length bound, so no rule runs ICU
    /// on every line of every page. A bound of 20 words is not one: most distinct lines of a page
    /// are that short, and such a rule (navigation.arrow-neighbour, written with character
    /// classes the literal extraction does not read) cost 6 % of the whole pipeline.
    @Test func everyBuiltinRegexHasAPrefilter() throws {
        for rule in try RuleSet.builtin().rules {
            guard case .regex(let pattern) = rule.match.test else { continue }
            let literals = RuleSet.requiredLiterals(ofRegex: pattern) ?? []
            let longest = literals.map(\.count).min() ?? 0
            #expect(longest >= 1 || (rule.match.maxWords ?? .max) <= 3, "\(rule.id) has no prefilter")
        }
    }

    /// Loading skips the backtracking and empty-match probes for built-in rules; here they run
    /// on every built-in regex as they would for a user's rule file.
    @Test func builtinRegexesPassTheLoadProbes() throws {
        let rules = try RuleSet.builtin().rules.map { rule in
            var rule = rule
            rule.location.isBuiltin = false
            return rule
        }
        #expect(rules.contains { if case .regex = $0.match.test { true } else { false } })
        _ = try RuleSet(rules: rules)
    }

    /// Built-in regexes (and the alternatives split from them) are compiled on first use, not
    /// as the rules load: every one must compile, or its rule would silently never match.
    @Test func everyDeferredBuiltinRegexCompiles() throws {
        let set = try RuleSet.builtin()
        #expect(set.compiled.regexes.count > 0)
        #expect(set.compiled.regexes.compileAll())
    }

    @Test func builtinRulesAreMarkedAsBuiltin() throws {
        #expect(try RuleSet.builtin().rules.allSatisfy(\.location.isBuiltin))
    }
}
