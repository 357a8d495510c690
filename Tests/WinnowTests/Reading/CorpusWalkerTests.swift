import Foundation
import Testing
import Winnow

@Suite struct CorpusWalkerTests {
    @Test func walksSortedSkipsHiddenAndAppliesGlobs() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        for name in ["b.txt", "a.md", "c.jsonl", "d.html", ".e.txt", "sub/z.txt", ".git/x.txt", "out/skip.txt"] {
            try dir.write(name, "x\n")
        }
        var errors: [WinnowError] = []
        let files = CorpusWalker(exclude: ["out"]).files(under: dir.url.path) { errors.append($0) }
        #expect(files.map(\.relativePath) == ["a.md", "b.txt", "c.jsonl", "sub/z.txt"])
        #expect(errors.isEmpty)
        let only = CorpusWalker(include: ["*.md"]).files(under: dir.url.path) { _ in }
        #expect(only.map(\.relativePath) == ["a.md"])
    }

    @Test func missingPathIsReported() {
        var errors: [WinnowError] = []
        _ = CorpusWalker().files(under: "/no/such/dir") { errors.append($0) }
        #expect(errors.count == 1)
        #expect(errors.first?.description.hasPrefix("/no/such/dir: cannot read") == true)
    }
}
