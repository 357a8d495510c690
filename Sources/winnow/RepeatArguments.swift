import ArgumentParser
import Foundation
import Winnow

/// Options of `clean` and `explain` that drop lines repeated across a site's documents.
struct RepeatArguments: ParsableArguments {
    @Option(
        name: .customLong("profile"),
        help: ArgumentHelp(
            "Drop every copy of lines that repeat across a site's documents, counted in this profile (from `winnow profile`; repeatable, merged).",
            valueName: "file"))
    var profiles: [String] = []

    @Flag(
        name: .customLong("learn-repeats"),
        help: "Build the repeat profile from these same inputs first (a first pass), then clean with it.")
    var learnRepeats = false

    @Option(
        name: .customLong("repeat-min-docs"),
        help: ArgumentHelp(
            "A repeated line is dropped only when at least this many documents of its site hold it.", valueName: "n"))
    var minDocuments = RepeatThresholds.defaultMinDocuments

    @Option(
        name: .customLong("repeat-min-share"),
        help: ArgumentHelp(
            "… and at least this share (0–1) of its site's documents (a line of 150+ bytes needs 0.9, a line with no boilerplate neighbour 0.8).",
            valueName: "share"))
    var minShare = RepeatThresholds.defaultMinShare

    @OptionGroup var site: SiteArguments

    var isEnabled: Bool { learnRepeats || !profiles.isEmpty }

    func validate() throws {
        if minDocuments < 1 { throw ValidationError("--repeat-min-docs must be at least 1") }
        if !(0...1).contains(minShare) { throw ValidationError("--repeat-min-share must be between 0 and 1") }
        // As `winnow profile` says: `clean --learn-repeats` took 0 without a word.
        if site.maxEntries < 1 { throw ValidationError("--profile-max-entries must be at least 1") }
    }

    /// The pipeline with a `RepeatedLineStage` inserted after the boilerplate remover (so its
    /// keep verdicts protect lines), and the configuration told how to find each document's
    /// site. Unchanged when no profile is asked for. Prints and exits on an unusable profile.
    func extending(_ pipeline: Pipeline, configuration: inout RunConfiguration, quiet: Bool) async throws -> Pipeline {
        guard isEnabled else { return pipeline }
        if learnRepeats && configuration.readsStandardInput {
            throw ValidationError("--learn-repeats reads the inputs twice: give files or directories, not standard input")
        }
        let siteKey = try site.siteKey()
        var profile: RepeatProfile
        do {
            profile = try RepeatProfile(merging: profiles, maxEntries: Int.max)
        } catch {
            StderrReporter.writeLine("winnow: \(error.description)")
            throw ExitCode(ExitStatus.inputErrors)
        }
        if learnRepeats {
            // Errors are reported once, by the cleaning pass that follows.
            let builder = ProfileBuilder(configuration: configuration, siteKey: siteKey, maxEntries: site.maxEntries)
            let learned = await builder.run()
            profile = profile.merged(with: learned.profile, maxEntries: Int.max)
        }
        configuration.siteKey = siteKey
        let thresholds = RepeatThresholds(minDocuments: minDocuments, minShare: minShare)
        // Right after the boilerplate remover (StandardPipeline's extra-stage slot), so the
        // document language is weighted by what the repeats leave and --languages sees it.
        var stages = pipeline.stages
        let slot = (stages.lastIndex { $0 is BoilerplateRemover }).map { $0 + 1 } ?? stages.count
        stages.insert(RepeatedLineStage(profile: profile, thresholds: thresholds), at: slot)
        return Pipeline(stages: stages)
    }
}

/// How documents are grouped into sites, and the profile's size cap (shared by `profile`).
struct SiteArguments: ParsableArguments {
    @Option(
        name: .customLong("site-key"),
        help: ArgumentHelp(
            "What makes a site: auto (the JSONL url's host, else the first directory under the input root), url, field, directory or none (one site).",
            valueName: "key"))
    var siteKeyName = "auto"

    @Option(
        name: .customLong("site-field"),
        help: ArgumentHelp(
            "With --site-key field (or auto): the JSONL string field naming the site (a URL gives its host).",
            valueName: "field"))
    var siteField: String?

    @Option(
        name: .customLong("profile-max-entries"),
        help: ArgumentHelp(
            "Cap on distinct (site, line) entries; beyond it, sites holding more than a per-site limit count only a deterministic hash sample of their lines (1/2, 1/4…), small sites stay exact.",
            valueName: "n"))
    var maxEntries = RepeatProfile.defaultMaxEntries

    func siteKey() throws -> SiteKey {
        guard let key = SiteKey(name: siteKeyName, fieldName: siteField) else {
            if siteKeyName == "field" { throw ValidationError("--site-key field needs --site-field NAME") }
            throw ValidationError("--site-key must be auto, url, field, directory or none")
        }
        return key
    }
}
