/// Compiled rules, ready to set verdicts on documents.
///
/// Build it once (`builtin()`, `load(directories:includeBuiltin:)` or `init(rules:)`) and share
/// it between workers: it is `Sendable`, and `apply` takes a per-call copy of the regexes it
/// needs from an internal pool.
public struct RuleSet: Sendable {
    let compiled: CompiledRules

    /// The rules, in the order they apply.
    public var rules: [Rule] { compiled.rules }

    /// Compiles `rules`, checking every regex.
    ///
    /// - Throws: `WinnowError.invalidRuleFile` for a regex that does not compile, matches the
    ///   empty string or runs past the ICU time limit on a probe.
    public init(rules: [Rule]) throws(WinnowError) {
        compiled = try CompiledRules(rules: rules)
    }

    init(compiled: CompiledRules) {
        self.compiled = compiled
    }

    /// The rules compiled into the binary (generated from `Rules/`).
    public static func builtin() throws(WinnowError) -> RuleSet {
        if let contents = BuiltinSnapshot.contents() { return RuleSet(compiled: contents.compiledRules) }
        return try RuleSet(rules: RuleSetLoader.parsedBuiltinRules())
    }

    /// The built-in rules (optionally) plus every `*.yaml` / `*.yml` file under each directory.
    ///
    /// A later directory adds rules or replaces earlier ones with the same id; two files of
    /// the same directory that define one id are an error.
    /// - Throws: `WinnowError.invalidRuleFile` or `.duplicateRuleID`, before any document is touched.
    public static func load(directories: [String], includeBuiltin: Bool) throws(WinnowError) -> RuleSet {
        if includeBuiltin, directories.isEmpty { return try builtin() }
        var layers: [[Rule]] = []
        if includeBuiltin { layers.append(try RuleSetLoader.builtinRules()) }
        for directory in directories { layers.append(try RuleSetLoader.rules(at: directory)) }
        return try RuleSet(rules: RuleSetLoader.merge(layers))
    }

    /// Sets `Block.verdict` on the blocks the rules match.
    ///
    /// Undecided blocks only: an existing verdict (a keep above all) is never overridden. Keep
    /// rules apply before drop rules, line and block rules before section rules, and within a
    /// phase the first matching rule decides.
    public func apply(to document: inout Document, options: RuleOptions) {
        let bundle = compiled.regexes.checkOut()
        defer { compiled.regexes.checkIn(bundle) }
        var matcher = RuleMatcher(compiled: compiled, regexes: bundle, options: options)
        matcher.apply(to: &document)
    }
}

extension RuleSet {
    /// Literal text (lower-case) of which every match of `pattern` contains at least one; `nil`
    /// when none can be proven. This is the prefilter the rule set uses before running ICU.
    public static func requiredLiterals(ofRegex pattern: String) -> [String]? {
        RequiredLiterals.of(regex: pattern)
    }

    /// The built-in rule files compiled into the binary: path under `Rules/` and YAML text.
    public static var builtinFiles: [(path: String, yaml: String)] { BuiltinRules.files }
}
