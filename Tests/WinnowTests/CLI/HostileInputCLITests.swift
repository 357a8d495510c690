import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Inputs found by an adversarial sweep of the command line: each once crashed, hung, or gave
/// an error that did not name its file on one line.
@Suite(.serialized) struct HostileInputCLITests {
    @Test func warningsNameTheFileAsGivenAndTheRecordLine() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write(
            "in/sub/broken.txt",
            Data("Ünïcödé text ".utf8) + Data([0xC3, 0x28]) + Data(" with déjà vu, ça va, naïve café, Straße, Ελλάδα, Россия.\n".utf8))
        try dir.write("in/records.jsonl", Data(#"{"id":"x","text":"bad "#.utf8) + Data([0xFF]) + Data(#" byte"}"#.utf8) + Data("\n".utf8))
        let result = try CLIRunner.run(["clean", dir.path("in"), "-o", dir.path("out"), "-q"])
        #expect(result.status == 3, "\(result.stderr)")
        let lines = result.stderr.split(separator: "\n").map(String.init)
        // The record's own id ("x") names no file: the warning says which file and line.
        #expect(lines.contains { $0.contains(dir.path("in/records.jsonl") + ":1:") && $0.contains("replaced") }, "\(lines)")
        #expect(lines.contains { $0.contains(dir.path("in/sub/broken.txt") + ":") && $0.contains("replaced") }, "\(lines)")
    }

    @Test func aFileNameWithALineBreakGivesOneErrorLine() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("in/bin\nary.txt", Data([0x61, 0x00, 0x62]))
        try dir.write("in/good.txt", "Good text survives.\n")
        let result = try CLIRunner.run(["clean", dir.path("in"), "-q"])
        #expect(result.status == 2)
        let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.isEmpty }
        #expect(lines.count == 1, "\(lines)")
        #expect(result.stderr.contains("bin\\nary.txt: looks binary"))
    }

    @Test func aFileNameThatIsNotUTF8IsReportedAsSuch() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("in/good.txt", "Good text survives.\n")
        let name = Array(dir.path("in/bad").utf8) + [0xFF, 0xFE] + Array(".txt".utf8)
        let fd = name.map { CChar(bitPattern: $0) }.withUnsafeBufferPointer { buffer -> Int32 in
            var path = Array(buffer)
            path.append(0)
            return open(path, O_CREAT | O_WRONLY, 0o644)
        }
        #expect(fd >= 0)
        if fd >= 0 { close(fd) }
        let result = try CLIRunner.run(["clean", dir.path("in"), "-q"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("not valid UTF-8"), "\(result.stderr)")
        #expect(!result.stderr.contains("no such file"), "\(result.stderr)")
        #expect(result.stdoutText.contains("Good text survives."))
    }

    @Test func aSelfReferentialSymlinkIsALoopNotABrokenLink() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("in/a.txt", "Alpha text.\n")
        try FileManager.default.createSymbolicLink(atPath: dir.path("in/self.txt"), withDestinationPath: "self.txt")
        let result = try CLIRunner.run(["clean", dir.path("in"), "--follow", "-q"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("self.txt: cannot read: symbolic link loop"), "\(result.stderr)")
    }

    @Test func pathologicalMarkdownEndsQuickly() throws {
        // 50,000 nested links overflowed the stack (signal 11); a line of 200,000 `[` took minutes.
        let nested = String(repeating: "[", count: 50_000) + "a" + String(repeating: "](b)", count: 50_000)
        let brackets = String(repeating: "[", count: 200_000)
        let page = "An article paragraph with enough words to be kept as text.\n\n\(nested)\n\n\(brackets)\n"
        let result = try CLIRunner.run(["clean", "-q"], stdin: Data(page.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdoutText.hasPrefix("An article paragraph"))
    }

    /// A user's regex that passes the load-time probes but backtracks catastrophically on
    /// some line must stop at the time limit, not hang the run.
    @Test func aCatastrophicUserRegexDoesNotHangTheRun() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write(
            "rules/r.yaml",
            """
            version: 1
            rules:
              - id: test.backtracking
                description: Backtracks catastrophically on a long run of é.
                scope: line
                match: {regex: '^(é+)+$'}
                examples: {drop: ["ééé"], keep: ["def"]}

            """)
        let page = "An article paragraph with enough words to be kept as text.\n\n" + String(repeating: "é", count: 32) + "!\n"
        try dir.write("page.txt", page)
        let started = Date()
        let result = try CLIRunner.run(["clean", dir.path("page.txt"), "--rules", dir.path("rules"), "-q"])
        #expect(Date().timeIntervalSince(started) < 60)
        // Kept (no match), with a warning naming the file and the pattern, and status 3.
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stdoutText.hasPrefix("An article paragraph"))
        #expect(result.stdoutText.contains("éééé!"))
        #expect(result.stderr.contains("page.txt: rule regex /^(é+)+$/ ran past its time limit 1 time; taken as no match"), "\(result.stderr)")
    }

    /// Problems found while walking and opening files (empty or UTF-16 JSONL) came out
    /// before or after the workers' problems depending on timing: stderr and the report's
    /// error list changed with `--jobs`.
    @Test func errorsComeInTheSameOrderForEveryJobCount() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        for index in 0..<12 {
            try dir.write("in/a\(index)-empty.jsonl", "")
            try dir.write("in/a\(index)-binary.txt", Data([0x61, 0x00, 0x62]))
            try dir.write("in/a\(index)-good.txt", "Good text number \(index) survives here.\n")
            try dir.write("in/a\(index)-bad.jsonl", "{\"id\": \"x\", \"text\": 5}\n")
        }
        var reports: [String] = []
        var errors: [String] = []
        for jobs in ["1", "2", "4"] {
            let stats = dir.path("stats-\(jobs).json")
            let result = try CLIRunner.run(["clean", dir.path("in"), "-o", dir.path("out-\(jobs)"), "--jobs", jobs, "-q", "--stats", stats])
            #expect(result.status == 2)
            errors.append(result.stderr)
            let report = try dir.read("stats-\(jobs).json").split(separator: "\n")
                .filter { !$0.contains("elapsed") && !$0.contains("megabytes") }.joined(separator: "\n")
            reports.append(report)
        }
        #expect(Set(errors).count == 1, "\(errors)")
        #expect(Set(reports).count == 1)
        #expect(errors[0].split(separator: "\n").count == 36)
    }

    /// A failed write to standard output (a full disk, a closed descriptor) said `Error:` and
    /// exited 1, which means "nothing kept"; `lang` said nothing at all and exited 0.
    @Test func aFailedStandardOutputIsStatusTwo() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let page = try dir.write("page.txt", "An article paragraph with enough words to be kept as text.\n")
        // A line a rule drops, so `rules match` has something to print.
        let promo = try dir.write("promo.txt", "Follow us on Twitter\n")
        let profile = dir.path("site.profile")
        let commands = [
            ["clean", page], ["explain", page], ["lang", page], ["rules", "list"], ["rules", "match", promo],
            ["profile", page, "-o", profile],
        ]
        for arguments in commands {
            let process = Process()
            process.executableURL = CLIRunner.executable
            process.arguments = arguments
            process.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
            let errors = Pipe()
            process.standardError = errors
            try process.run()
            let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 2, "\(arguments): \(stderr)")
            #expect(stderr.hasPrefix("winnow: <stdout>: cannot write output"), "\(arguments): \(stderr)")
        }
    }

    /// `lang` read files with Foundation (a trap on a closed stdin) and as UTF-8 only.
    @Test func langReadsLikeClean() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let english = String(repeating: "The city council met on Tuesday evening to discuss the budget.\n", count: 5)
        var utf16 = Data([0xFF, 0xFE])
        for unit in english.utf16 { utf16.append(contentsOf: [UInt8(unit & 0xFF), UInt8(unit >> 8)]) }
        let page = try dir.write("utf16.txt", utf16)
        let empty = try dir.write("empty.txt", "")
        let result = try CLIRunner.run(["lang", page, empty, dir.path("")])
        #expect(result.status == 2)
        #expect(result.stdoutText.hasPrefix("\(page)\ten\t"), "\(result.stdoutText)")
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 2, "\(lines)")
        #expect(result.stderr.contains("empty.txt: empty file"))
        #expect(result.stderr.contains("cannot read: is a directory"))
    }

    /// `-o ""` wrote the outputs to the filesystem root (`/page.txt`).
    @Test func anEmptyOutputDirectoryIsAUsageError() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let name = "winnow-empty-output-\(UUID().uuidString).txt"
        let page = try dir.write(name, "An article paragraph with enough words to be kept as text.\n")
        let result = try CLIRunner.run(["clean", page, "-o", "", "-q"])
        #expect(result.status == 64, "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: "/" + name))
        try? FileManager.default.removeItem(atPath: "/" + name)
    }

    /// The path and "cannot read" were said twice, with a stray "; skipped" in the middle.
    @Test func aMissingProfileIsNamedOnce() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let page = try dir.write("page.txt", "An article paragraph with enough words to be kept as text.\n")
        let missing = dir.path("missing.profile")
        let result = try CLIRunner.run(["clean", page, "--profile", missing, "-q"])
        #expect(result.status == 2)
        #expect(result.stderr == "winnow: \(missing): not a usable winnow profile: cannot read: no such file or directory\n")
    }

    /// `rules match` read files as UTF-8 only and called a missing file "cannot read as UTF-8".
    @Test func rulesMatchReadsLikeClean() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        var utf16 = Data([0xFF, 0xFE])
        for unit in "Follow us on Twitter\n".utf16 { utf16.append(contentsOf: [UInt8(unit & 0xFF), UInt8(unit >> 8)]) }
        let page = try dir.write("utf16.txt", utf16)
        let missing = dir.path("missing.txt")
        let result = try CLIRunner.run(["rules", "match", page, missing])
        #expect(result.status == 2)
        #expect(result.stdoutText.hasPrefix("\(page):1: drop "), "\(result.stdoutText)")
        #expect(result.stderr == "winnow: \(missing): cannot read: no such file or directory; skipped\n")
    }

    /// Every output under a directory that cannot be made is reported with its own path (it
    /// said `DIR: cannot write output`, the same line for each, naming none of the files), and
    /// the run goes on past the first failure: both files are reported, with status 2.
    @Test func anUnwritableOutputNamesTheOutputFile() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("in/a.txt", "Alpha text that is long enough to keep.\n")
        try dir.write("in/b.txt", "Beta text that is long enough to keep.\n")
        try dir.write("blocker", "a file where a directory should be\n")
        let result = try CLIRunner.run(["clean", dir.path("in"), "-o", dir.path("blocker/out"), "-q"])
        #expect(result.status == 2)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines.contains { $0.hasPrefix("winnow: \(dir.path("blocker/out/a.txt")): cannot write output: cannot create directory") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("winnow: \(dir.path("blocker/out/b.txt")): cannot write output: cannot create directory") }, "\(lines)")
    }

    /// `winnow profile` refused `--profile-max-entries 0`; `clean --learn-repeats` took it.
    @Test func aZeroProfileCapIsAUsageErrorForCleanToo() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let page = try dir.write("page.txt", "An article paragraph with enough words to be kept as text.\n")
        let result = try CLIRunner.run(["clean", page, "--learn-repeats", "--profile-max-entries", "0", "-q"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--profile-max-entries must be at least 1"))
    }
}
