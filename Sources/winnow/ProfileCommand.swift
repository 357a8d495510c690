import ArgumentParser
import Foundation
import Winnow

/// `winnow profile`: counts, per site, in how many documents each normalised line occurs.
struct ProfileCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profile",
        abstract: "Count lines that repeat across a site's documents, for `clean --profile`.",
        discussion: """
            winnow profile INPUTS… -o site.profile reads the inputs the way `clean` does and \
            writes, for each site, how many documents it has and in how many of them each \
            normalised line occurs (case, digits, spacing, markdown syntax and link targets \
            ignored; 64-bit hashes, no text). winnow profile --merge a.profile b.profile -o \
            all.profile adds profiles made on separate shards; the merge is exact, and in any \
            order gives the same file. The same inputs give the same bytes for every --jobs \
            and input order.

            Memory: at most --profile-max-entries (site, line) entries are held (default \
            4,000,000, about 12 bytes each on disk and 20–40 in memory). Sampling is per site: \
            while the input fits, every line of every site is counted. Past the cap, each site \
            may hold at most 2^j entries, j the largest that makes the total fit, and a site \
            with more than that counts only the lines whose hash falls in a fixed sample (1/2, \
            then 1/4, …). So one huge site is sampled while small sites stay exact. Counts stay \
            exact, lines outside a site's sample are never dropped by clean, and the limit and \
            samples are those that fit the whole input, whatever the order, --jobs or sharding \
            (merge with the same cap). With more sites than the cap, each site keeps at most one \
            entry.

            Exit status: 0 written; 2 some inputs failed (named on stderr) or a profile is \
            unusable; 64 usage error.
            """
    )

    @Argument(help: "Files or directories to profile (with --merge: profile files).")
    var inputs: [String] = []

    @Option(name: [.short, .customLong("output")], help: "The profile file to write.")
    var output: String

    @Flag(help: "Merge the profile files given as inputs instead of reading documents.")
    var merge = false

    @Option(name: [.short, .customLong("jobs")], help: "Documents processed in parallel (default: the number of cores).")
    var jobs: Int?

    @Flag(name: [.short, .customLong("quiet")], help: "No summary line.")
    var quiet = false

    @OptionGroup var site: SiteArguments

    @OptionGroup(title: "Input") var input: InputOptions

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if site.maxEntries < 1 { throw ValidationError("--profile-max-entries must be at least 1") }
        if merge && inputs.isEmpty { throw ValidationError("--merge needs profile files to merge") }
        if !merge && (inputs.isEmpty || inputs == ["-"]) {
            throw ValidationError("give the files or directories to profile")
        }
    }

    mutating func run() async throws {
        let clock = ContinuousClock()
        let started = clock.now
        let profile: RepeatProfile
        var failed = false
        var summary = ""
        if merge {
            do {
                profile = try RepeatProfile(merging: inputs, maxEntries: site.maxEntries)
            } catch {
                StderrReporter.writeLine("winnow: \(error.description)")
                throw ExitCode(ExitStatus.inputErrors)
            }
            summary = "merged \(inputs.count) profiles"
        } else {
            let configuration = RunConfiguration(
                inputs: inputs, inputFormat: input.inputFormat.value, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount,
                walker: input.walker(), builder: input.builder())
            let builder = ProfileBuilder(configuration: configuration, siteKey: try site.siteKey(), maxEntries: site.maxEntries)
            let result = await builder.run(onError: { StderrReporter.writeLine("winnow: \($0.message)") })
            failed = !result.errors.isEmpty
            profile = result.profile
            let megabytes = Double(result.bytesIn) / 1e6
            summary = "read \(result.documents) documents, \(Self.decimal(megabytes)) MB"
            if result.elapsedSeconds > 0 { summary += " at \(Self.decimal(megabytes / result.elapsedSeconds)) MB/s" }
        }
        let size: Int
        do {
            size = try profile.write(to: output)
        } catch {
            StderrReporter.writeLine("winnow: \(error.description)")
            throw ExitCode(ExitStatus.inputErrors)
        }
        if !quiet {
            let elapsed = clock.now - started
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            var line = "\(output): \(summary); \(profile.sites.count) sites, \(profile.documentCount) documents, "
            line += "\(profile.entryCount) entries, \(size) bytes (\(Self.decimal(Double(size) / 1e6)) MB)"
            if profile.samplingLevel == 0 {
                line += ", every line counted"
            } else {
                line += ", \(profile.sampledSiteCount) of \(profile.sites.count) sites sampled (limit "
                line += "\(RepeatProfile.siteLimit(log2: profile.siteLimitLog2)) entries per site, "
                line += "down to 1/\(UInt64(1) << UInt64(min(profile.samplingLevel, 63))) of lines)"
            }
            line += "; \(Self.decimal(seconds)) s\n"
            try CommandOutput.write(line)
        }
        if failed { throw ExitCode(ExitStatus.inputErrors) }
    }

    static func decimal(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
