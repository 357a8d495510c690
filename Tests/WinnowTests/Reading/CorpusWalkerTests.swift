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

    @Test func globWithASlashMatchesTheRelativePath() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        for name in ["news/a.txt", "news/old/b.txt", "blog/c.txt", "d.txt"] {
            try dir.write(name, "x\n")
        }
        let news = CorpusWalker(include: ["news/*.txt"]).files(under: dir.url.path) { _ in }
        #expect(news.map(\.relativePath) == ["news/a.txt"])
        let noOld = CorpusWalker(exclude: ["news/old"]).files(under: dir.url.path) { _ in }
        #expect(noOld.map(\.relativePath) == ["blog/c.txt", "d.txt", "news/a.txt"])
        #expect(CorpusWalker(exclude: ["news/old"]).excludes(directory: "news/old/out"))
        #expect(CorpusWalker(exclude: ["old"]).excludes(directory: "news/old/out"))
        #expect(!CorpusWalker(exclude: ["old/*"]).excludes(directory: "news/old/out"))
        #expect(!CorpusWalker(exclude: ["news/*/x"]).excludes(directory: "news/old/out"))
    }

    @Test func missingPathIsReported() {
        var errors: [WinnowError] = []
        _ = CorpusWalker().files(under: "/no/such/dir") { errors.append($0) }
        #expect(errors.count == 1)
        #expect(errors.first?.description.hasPrefix("/no/such/dir: cannot read") == true)
    }
}
