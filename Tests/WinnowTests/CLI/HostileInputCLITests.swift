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
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdoutText.hasPrefix("An article paragraph"))
    }
}
