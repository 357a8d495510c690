import Foundation
import Testing

/// `winnow profile`, `profile --merge`, `clean --profile` and `clean --learn-repeats`, run as a user would.
@Suite(.serialized) struct ProfileCLITests {
    /// The repeat stage alone, so these tests don't depend on what the rules and heuristics catch.
    let alone = ["--no-builtin-rules", "--no-heuristics"]
    let topics = ["apples", "boats", "cats", "dams", "eels", "ferns", "goats", "harps", "inks", "jams", "kites", "lamps"]

    /// Two shards of a corpus laid out by site: `shard1/example.com/p0.txt` …
    func writeCorpus(_ dir: TemporaryDirectory) throws {
        for page in 0..<12 {
            let shard = page < 6 ? "shard1" : "shard2"
            let text = """
                • Home
                • World news
                Subscribe to our newsletter

                The story about \(topics[page]) starts here, and it is a real paragraph of article text.

                Copyright © \(2000 + page) Example News. All rights reserved.

                """
            try dir.write("\(shard)/example.com/p\(page).txt", text)
        }
        for page in 0..<3 {
            try dir.write("shard2/small.org/s\(page).txt", "• Home\nA small site's own text about \(topics[page]).\n")
        }
    }

    @Test func profileMergeCleanRoundTrip() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try writeCorpus(dir)
        let first = try CLIRunner.run(["profile", dir.path("shard1"), "-o", dir.path("a.profile")])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdoutText.contains("6 documents") && first.stdoutText.contains("bytes"))
        let second = try CLIRunner.run(["profile", dir.path("shard2"), "-o", dir.path("b.profile"), "-q"])
        #expect(second.status == 0, "\(second.stderr)")
        let merged = try CLIRunner.run(["profile", "--merge", dir.path("b.profile"), dir.path("a.profile"), "-o", dir.path("all.profile")])
        #expect(merged.status == 0, "\(merged.stderr)")
        // The merge equals a profile of the whole corpus at once, whatever the input order.
        _ = try CLIRunner.run(["profile", dir.path("shard2"), dir.path("shard1"), "-o", dir.path("whole.profile"), "-q", "-j", "1"])
        #expect(try Data(contentsOf: dir.url.appendingPathComponent("all.profile")) == Data(contentsOf: dir.url.appendingPathComponent("whole.profile")))

        let clean = try CLIRunner.run(["clean", dir.path("shard1"), "--profile", dir.path("all.profile"), "-o", dir.path("out"), "-q"] + alone)
        #expect(clean.status == 0, "\(clean.stderr)")
        #expect(try dir.read("out/example.com/p0.txt") == "The story about apples starts here, and it is a real paragraph of article text.\n")

        let explain = try CLIRunner.run(["explain", dir.path("shard1"), "--profile", dir.path("all.profile")] + alone)
        #expect(explain.stdoutText.contains("drop  • Home  ⟵ corpus.repeated-line: in 12 of 12 documents of example.com (score 1"), "\(explain.stdoutText)")

        let jsonl = try CLIRunner.run(["clean", dir.path("shard1"), "--profile", dir.path("all.profile"), "--format", "jsonl", "-q"] + alone)
        #expect(jsonl.stdoutText.contains("corpus.repeated-line"))
        #expect(jsonl.stdoutText.contains("in 12 of 12 documents of example.com"))
    }

    /// Counting each `--shard K/N` of one tree apart (as N machines would) and merging gives
    /// the profile of the whole tree, byte for byte.
    @Test func mergedShardProfilesEqualTheWholeProfile() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try writeCorpus(dir)
        for shard in ["1/3", "2/3", "3/3"] {
            let part = try CLIRunner.run(["profile", dir.path("shard1"), "--shard", shard, "-o", dir.path("p\(shard.prefix(1)).profile"), "-q"])
            #expect(part.status == 0, "\(part.stderr)")
        }
        let merged = try CLIRunner.run(["profile", "--merge", dir.path("p1.profile"), dir.path("p2.profile"), dir.path("p3.profile"), "-o", dir.path("m.profile"), "-q"])
        #expect(merged.status == 0, "\(merged.stderr)")
        let whole = try CLIRunner.run(["profile", dir.path("shard1"), "-o", dir.path("w.profile"), "-q"])
        #expect(whole.status == 0, "\(whole.stderr)")
        #expect(try Data(contentsOf: dir.url.appendingPathComponent("m.profile")) == Data(contentsOf: dir.url.appendingPathComponent("w.profile")))
    }

    @Test func profileBytesDoNotDependOnJobsOrInputOrder() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try writeCorpus(dir)
        var outputs: [Data] = []
        for (index, arguments) in [
            [dir.path("shard1"), dir.path("shard2"), "-j", "1"], [dir.path("shard2"), dir.path("shard1"), "-j", "2"],
            [dir.path("shard1"), dir.path("shard2"), "-j", "3", "--profile-max-entries", "1000"],
        ].enumerated() {
            let result = try CLIRunner.run(["profile"] + arguments + ["-o", dir.path("p\(index).profile"), "-q"])
            #expect(result.status == 0, "\(result.stderr)")
            outputs.append(try Data(contentsOf: dir.url.appendingPathComponent("p\(index).profile")))
        }
        #expect(outputs[0] == outputs[1])
        #expect(outputs[0] == outputs[2])
    }

    @Test func learnRepeatsEqualsProfileThenCleanForEveryJobs() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try writeCorpus(dir)
        _ = try CLIRunner.run(["profile", dir.path("shard1"), "-o", dir.path("s1.profile"), "-q"])
        let twoStep = try CLIRunner.run(["clean", dir.path("shard1"), "--profile", dir.path("s1.profile"), "--format", "jsonl", "-q"] + alone)
        let learned1 = try CLIRunner.run(["clean", dir.path("shard1"), "--learn-repeats", "--format", "jsonl", "-q", "-j", "1"] + alone)
        let learned2 = try CLIRunner.run(["clean", dir.path("shard1"), "--learn-repeats", "--format", "jsonl", "-q", "-j", "2"] + alone)
        #expect(twoStep.status == 0, "\(twoStep.stderr)")
        #expect(learned1.stdout == twoStep.stdout)
        #expect(learned2.stdout == twoStep.stdout)
        #expect(twoStep.stdoutText.contains("in 6 of 6 documents of example.com"))
        // The small site (3 pages) is under --repeat-min-docs 5: its menu line stays.
        let small = try CLIRunner.run(["clean", dir.path("shard2"), "--learn-repeats", "--format", "jsonl", "-q"] + alone)
        #expect(small.stdoutText.contains("\"text\":\"Home\\nA small site"))
    }

    @Test func aCorruptProfileIsOneClearLine() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try writeCorpus(dir)
        try dir.write("bad.profile", "this is not a profile\n")
        let result = try CLIRunner.run(["clean", dir.path("shard1"), "--profile", dir.path("bad.profile"), "-q"] + alone)
        #expect(result.status == 2)
        #expect(result.stderr == "winnow: \(dir.path("bad.profile")): not a usable winnow profile: not a profile file (made by `winnow profile`)\n")
        let merge = try CLIRunner.run(["profile", "--merge", dir.path("bad.profile"), "-o", dir.path("x.profile")])
        #expect(merge.status == 2)
        #expect(!FileManager.default.fileExists(atPath: dir.path("x.profile")))
    }

    @Test func learnRepeatsRefusesStandardInput() throws {
        let result = try CLIRunner.run(["clean", "--learn-repeats"] + alone, stdin: Data("text\n".utf8))
        #expect(result.status == 64)
        #expect(result.stderr.contains("--learn-repeats"))
    }

    @Test func jsonlRecordsAreGroupedByTheirURLHost() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        var lines: [String] = []
        for page in 0..<6 {
            let host = page % 2 == 0 ? "https://www.example.com" : "http://other.org"
            let text = "Share this story\nThe article about \(topics[page]) is here, with its own words.\nAll rights reserved."
            let escaped = text.replacingOccurrences(of: "\n", with: "\\n")
            lines.append("{\"id\":\"d\(page)\",\"url\":\"\(host)/story/\(page)\",\"text\":\"\(escaped)\"}")
        }
        try dir.write("in/docs.jsonl", lines.joined(separator: "\n") + "\n")
        // 3 documents per host: with --repeat-min-docs 3 the shared lines go, per host.
        let result = try CLIRunner.run(["clean", dir.path("in"), "--learn-repeats", "--repeat-min-docs", "3", "-q"] + alone)
        #expect(result.status == 0, "\(result.stderr)")
        let records = result.stdoutText.split(separator: "\n")
        #expect(records.count == 6)
        #expect(records[0].contains("\"text\":\"The article about apples is here, with its own words.\""))
        #expect(records[0].contains("in 3 of 3 documents of example.com"))
        #expect(records[1].contains("in 3 of 3 documents of other.org"))
        // One site for everything: 6 documents.
        let none = try CLIRunner.run(["clean", dir.path("in"), "--learn-repeats", "--site-key", "none", "-q"] + alone)
        #expect(none.stdoutText.contains("in 6 of 6 documents of (all)"))
    }

    @Test func worksAfterTheBoilerplateRemover() throws {
        // With the rules and heuristics on, the menu and footer go by rule; a site tagline that
        // reads like prose is caught only by its repetition.
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let tagline = "The Valley Gazette has covered the towns of the upper valley since 1901, every single day."
        for page in 0..<6 {
            try dir.write(
                "in/valley.example/p\(page).txt",
                "• Home\n\nThe council voted on \(topics[page]) yesterday, and residents were divided about the outcome of the long debate.\n\n\(tagline)\n")
        }
        let without = try CLIRunner.run(["clean", dir.path("in"), "--format", "jsonl", "-q"])
        #expect(without.stdoutText.contains("1901"))
        let with = try CLIRunner.run(["clean", dir.path("in"), "--learn-repeats", "--format", "jsonl", "-q"])
        #expect(!with.stdoutText.contains("1901"))
        #expect(with.stdoutText.contains("\"rule\":\"corpus.repeated-line\",\"reason\":\"in 6 of 6 documents of valley.example\""))
        #expect(with.stdoutText.contains("The council voted on apples yesterday"))
    }

    @Test func aUserKeepRuleBeatsARepeat() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try writeCorpus(dir)
        try dir.write(
            "rules/keep.yaml",
            """
            version: 1
            rules:
              - id: site.keep-world-news
                description: Keeps the World news line of this site.
                scope: line
                match:
                  equals: World news
                action: keep
                examples:
                  drop: ["World news"]
                  keep: ["Sports"]

            """)
        let result = try CLIRunner.run(
            ["clean", dir.path("shard1"), "--learn-repeats", "--format", "explain", "-q", "--no-builtin-rules", "--no-heuristics",
             "--rules", dir.path("rules")])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdoutText.contains("keep  • World news  ⟵ site.keep-world-news"), "\(result.stdoutText)")
        #expect(result.stdoutText.contains("drop  • Home  ⟵ corpus.repeated-line"))
    }
}
