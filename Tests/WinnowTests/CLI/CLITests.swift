import Foundation
import Testing

@Suite(.serialized) struct CLITests {
    @Test func filtersStandardInputToStandardOutput() throws {
        let result = try CLIRunner.run([], stdin: Data("First paragraph here.\n\n\nSecond one.\r\n".utf8))
        #expect(result.status == 0)
        #expect(result.stdoutText == "First paragraph here.\n\nSecond one.\n")
        #expect(result.stderr.isEmpty)
    }

    @Test func mirrorsADirectoryTreeAtomically() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("in/a.txt", "Alpha text.\n")
        try dir.write("in/sub/b.md", "# Beta\n\nBeta text.\n")
        try dir.write("in/.hidden.txt", "hidden\n")
        try dir.write("in/skip.bin", "not included\n")
        let result = try CLIRunner.run(["clean", dir.path("in"), "-o", dir.path("out"), "-q"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try dir.read("out/a.txt") == "Alpha text.\n")
        #expect(try dir.read("out/sub/b.md") == "Beta\n\nBeta text.\n")
        let files = try FileManager.default.subpathsOfDirectory(atPath: dir.path("out")).sorted()
        #expect(files == ["a.txt", "sub", "sub/b.md"])
    }

    @Test func badInputsAreNamedAndTheRunGoesOn() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("in/empty.txt", "")
        try dir.write("in/binary.txt", Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0xFF, 0x10]))
        try dir.write("in/good.txt", "Good text survives.\n")
        try dir.write("in/latin1.txt", Data("Le caf\u{E9} cr\u{E8}me est d\u{E9}j\u{E0} servi.\n".data(using: .isoLatin1)!))
        try dir.write("in/broken.txt", Data("Ünïcödé text ".utf8) + Data([0xC3, 0x28]) + Data(" with déjà vu, ça va, naïve café, Straße, Ελλάδα, Россия.\n".utf8))
        let result = try CLIRunner.run(["clean", dir.path("in"), "-o", dir.path("out"), "-q"])
        #expect(result.status == 2)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.contains("empty.txt") && $0.contains("empty") })
        #expect(lines.contains { $0.contains("binary.txt") && $0.contains("binary") })
        #expect(lines.contains { $0.contains("latin1.txt") && $0.contains("not UTF-8") })
        #expect(lines.contains { $0.contains("broken.txt") && $0.contains("replaced") })
        #expect(try dir.read("out/good.txt") == "Good text survives.\n")
        #expect(try dir.read("out/latin1.txt") == "Le café crème est déjà servi.\n")
    }

    @Test func shiftJISIsDetected() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let japanese = String(repeating: "日本語のテキストです。これは文字コードの検出のための文章です。", count: 4) + "\n"
        try dir.write("sjis.txt", japanese.data(using: .shiftJIS)!)
        let result = try CLIRunner.run(["clean", dir.path("sjis.txt")])
        #expect(result.status == 3)
        #expect(result.stdoutText == japanese)
        #expect(result.stderr.contains("Shift_JIS"))
    }

    @Test func exitStatusOneWhenNothingIsKept() throws {
        let result = try CLIRunner.run([], stdin: Data("\n\n   \n".utf8))
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
    }

    @Test func usageErrorsExit64() throws {
        let result = try CLIRunner.run(["clean", "--jobs", "0"])
        #expect(result.status == 64)
    }

    @Test func refusesOutputInsideInputUnlessExcluded() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("in/a.txt", "Alpha text.\n")
        let refused = try CLIRunner.run(["clean", dir.path("in"), "-o", dir.path("in/out")])
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("inside input directory"))
        let allowed = try CLIRunner.run(["clean", dir.path("in"), "-o", dir.path("in/out"), "--exclude", "out", "-q"])
        #expect(allowed.status == 0)
        #expect(try dir.read("in/out/a.txt") == "Alpha text.\n")
    }

    @Test func jsonlWithAByteOrderMarkIsReadAndUTF16JSONLIsOneError() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("bom.jsonl", Data([0xEF, 0xBB, 0xBF] + Array("{\"id\":\"a\",\"text\":\"Hello.\"}\r\n".utf8)))
        let bom = try CLIRunner.run(["clean", dir.path("bom.jsonl"), "--no-language-detection", "-q"])
        #expect(bom.status == 0)
        #expect(bom.stdoutText.hasPrefix(#"{"id":"a","text":"Hello.","winnow":"#))
        try dir.write("wide.jsonl", Data([0xFF, 0xFE] + Array("{}".utf8).flatMap { [$0, 0] }))
        let wide = try CLIRunner.run(["clean", dir.path("wide.jsonl"), "-q"])
        #expect(wide.status == 2)
        #expect(wide.stderr == "winnow: \(dir.path("wide.jsonl")): cannot decode: JSONL must be UTF-8, this file starts with a UTF-16LE byte order mark; skipped\n")
    }

    @Test func jsonlPassesFieldsThroughAndReportsMalformedLines() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let input = """
            {"id": "../../etc/passwd", "url": "http://x.org/a", "text": "Hello world.\\n\\nSecond para.", "n": [1, 2.5e3, {"k": null}]}
            {"id": 7, "text": "broken
            {"id": "b", "text": "Line \\u00e9\\ud83d\\ude00"}

            """
        try dir.write("in/docs.jsonl", input)
        let result = try CLIRunner.run(["clean", dir.path("in"), "-o", dir.path("out"), "-q"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("docs.jsonl:2: malformed JSONL record"))
        let output = try dir.read("out/docs.jsonl").split(separator: "\n").map(String.init)
        #expect(output.count == 2)
        #expect(output[0].hasPrefix(#"{"id": "../../etc/passwd", "url": "http://x.org/a", "text": "Hello world.\n\nSecond para.", "n": [1, 2.5e3, {"k": null}],"winnow":{"#))
        #expect(output[1].hasPrefix(#"{"id": "b", "text": "Line é😀","winnow":"#))
        // The id never becomes a path: only the mirrored file exists.
        let files = try FileManager.default.subpathsOfDirectory(atPath: dir.path("out"))
        #expect(files == ["docs.jsonl"])
    }

    @Test func sameBytesForEveryJobCount() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        for index in 0..<40 {
            try dir.write("in/d\(index).txt", "Document \(index) first line.\n\nSecond paragraph \(index).\n")
        }
        var lines: [String] = []
        for index in 0..<600 { lines.append(#"{"id": "r\#(index)", "text": "Record \#(index) text."}"#) }
        try dir.write("in/many.jsonl", lines.joined(separator: "\n") + "\n")
        let one = try CLIRunner.run(["clean", dir.path("in"), "--jobs", "1", "-q"])
        let two = try CLIRunner.run(["clean", dir.path("in"), "--jobs", "2", "-q"])
        let four = try CLIRunner.run(["clean", dir.path("in"), "--jobs", "4", "-q"])
        #expect(one.status == 0)
        #expect(one.stdout == two.stdout)
        #expect(one.stdout == four.stdout)
        #expect(one.stdoutText.split(separator: "\n").count == 640)
    }

    @Test func statsReportIsJSON() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("in/a.txt", "Alpha text.\n")
        try dir.write("in/b.txt", "")
        let result = try CLIRunner.run(["clean", dir.path("in"), "-o", dir.path("out"), "--stats", dir.path("stats.json"), "-q"])
        #expect(result.status == 2)
        let data = try Data(contentsOf: dir.url.appendingPathComponent("stats.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let documents = try #require(json["documents"] as? [String: Int])
        #expect(documents["read"] == 1)
        #expect(documents["written"] == 1)
        #expect(documents["failed"] == 1)
        let errors = try #require(json["errors"] as? [[String: Any]])
        #expect(errors.first?["kind"] as? String == "empty")
        #expect(json["megabytes_per_second"] != nil)
    }

    @Test func statsDashGoesToStandardOutputOnlyWithAnOutputDirectory() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("in/a.txt", "Alpha text.\n")
        let result = try CLIRunner.run(["clean", dir.path("in"), "-o", dir.path("out"), "--stats", "-", "-q"])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        #expect((json["documents"] as? [String: Int])?["written"] == 1)
        #expect(!FileManager.default.fileExists(atPath: dir.path("-")))
        let refused = try CLIRunner.run(["clean", dir.path("in/a.txt"), "--stats", "-"], in: dir.url)
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("--stats - needs -o DIR"))
    }

    @Test func shardsCleanedIntoOneDirectoryMakeTheWholeRun() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        for index in 0..<12 { try dir.write("in/s\(index % 3)/p\(index).txt", "Page \(index) has a sentence of its own.\n") }
        let whole = try CLIRunner.run(["clean", dir.path("in"), "-o", dir.path("whole"), "-q"])
        #expect(whole.status == 0)
        for shard in ["1/2", "2/2"] {
            let part = try CLIRunner.run(["clean", dir.path("in"), "-o", dir.path("parts"), "--shard", shard, "-q"])
            #expect(part.status == 0)
        }
        let wholeFiles = try FileManager.default.subpathsOfDirectory(atPath: dir.path("whole")).sorted()
        #expect(wholeFiles.count == 15)  // 12 files and 3 directories
        #expect(try FileManager.default.subpathsOfDirectory(atPath: dir.path("parts")).sorted() == wholeFiles)
        let refused = try CLIRunner.run(["clean", dir.path("in"), "--shard", "3/2"])
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("--shard needs K/N"))
    }

    @Test func anOutputPathThatIsAFileIsAUsageError() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("in/a.txt", "Alpha text.\n")
        try dir.write("in/b.txt", "Beta text.\n")
        try dir.write("taken", "x")
        let result = try CLIRunner.run(["clean", dir.path("in"), "-o", dir.path("taken"), "-q"])
        #expect(result.status == 64)
        #expect(result.stderr.components(separatedBy: "exists and is not a directory").count == 2)
    }

    @Test func resumeSkipsUpToDateOutputs() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("in/a.txt", "Alpha text.\n")
        _ = try CLIRunner.run(["clean", dir.path("in"), "-o", dir.path("out"), "-q"])
        try dir.write("out/a.txt", "sentinel\n")
        let resumed = try CLIRunner.run(["clean", dir.path("in"), "-o", dir.path("out"), "--resume", "-q"])
        #expect(resumed.status == 0)
        #expect(try dir.read("out/a.txt") == "sentinel\n")
    }

    @Test func brokenPipeEndsQuietly() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let big = String(repeating: "A line of text that goes on.\n\n", count: 200_000)
        try dir.write("big.txt", big)
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", "'\(CLIRunner.executable.path)' '\(dir.path("big.txt"))' | head -c 10 >/dev/null; echo ${PIPESTATUS:-0}"]
        let errors = Pipe()
        shell.standardError = errors
        shell.standardOutput = Pipe()
        try shell.run()
        shell.waitUntilExit()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(stderr.isEmpty)
    }

    @Test func interruptedRunLeavesNoHalfWrittenFile() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        var lines: [String] = []
        for index in 0..<20_000 { lines.append(#"{"id": "r\#(index)", "text": "Record \#(index) has some text in it."}"#) }
        let record = lines.joined(separator: "\n") + "\n"
        try dir.write("in/big.jsonl", String(repeating: record, count: 10))
        let process = Process()
        process.executableURL = CLIRunner.executable
        process.arguments = ["clean", dir.path("in"), "-o", dir.path("out"), "-q", "--jobs", "1"]
        process.standardError = Pipe()
        try process.run()
        usleep(300_000)
        process.terminate()
        process.waitUntilExit()
        let files = (try? FileManager.default.subpathsOfDirectory(atPath: dir.path("out"))) ?? []
        // Either the run finished (complete file) or it was stopped (no file, no temp file).
        #expect(!files.contains { $0.contains("winnow-tmp") })
        if files.contains("big.jsonl") {
            #expect(try dir.read("out/big.jsonl").split(separator: "\n").count == 200_000)
        }
    }

    @Test func explainShowsEveryLine() throws {
        let result = try CLIRunner.run(["explain"], stdin: Data("One.\n\nTwo.\n".utf8))
        #expect(result.status == 0)
        #expect(result.stdoutText.contains("     1 keep  One."))
        #expect(result.stdoutText.contains("     3 keep  Two."))
    }

    @Test func symlinkLoopIsReported() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("in/a.txt", "Alpha text.\n")
        try FileManager.default.createSymbolicLink(atPath: dir.path("in/loop"), withDestinationPath: dir.path("in"))
        let plain = try CLIRunner.run(["clean", dir.path("in"), "-q"])
        #expect(plain.status == 0)
        let followed = try CLIRunner.run(["clean", dir.path("in"), "--follow", "-q"])
        #expect(followed.status == 2)
        #expect(followed.stderr.contains("symbolic link loop"))
    }

    @Test func severalInputsGiveJSONLInInputOrder() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let b = try dir.write("b.txt", "Bee.\n")
        let a = try dir.write("a.txt", "Ay.\n")
        let result = try CLIRunner.run([b, a])
        let lines = result.stdoutText.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix(#"{"id":"b.txt","text":"Bee.""#))
        #expect(lines[1].hasPrefix(#"{"id":"a.txt","text":"Ay.""#))
    }

    @Test func jsonlFromStandardInput() throws {
        let result = try CLIRunner.run(["--input-format", "jsonl"], stdin: Data(#"{"id":"x","text":"Hi there."}"#.utf8))
        #expect(result.status == 0)
        #expect(result.stdoutText.hasPrefix(#"{"id":"x","text":"Hi there.","winnow":{"#))
    }
}
