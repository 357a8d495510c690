import Foundation
import Testing
import Winnow

@Suite struct ShardTests {
    @Test func parsesKOverN() {
        #expect(Shard("3/8") == Shard(index: 3, count: 8))
        #expect(Shard("1/1")?.description == "1/1")
        for bad in ["0/4", "5/4", "1/0", "-1/2", "2", "a/b", "1/2/3", "", "/2"] { #expect(Shard(bad) == nil, "\(bad)") }
    }

    @Test func theShardsOfOneCountSplitEveryPathExactlyOnce() {
        let paths = (0..<2000).map { "site\($0 % 37)/page-\($0).txt" }
        for count in [1, 2, 3, 8] {
            let shards = (1...count).compactMap { Shard(index: $0, count: count) }
            var sizes = Array(repeating: 0, count: count)
            for path in paths {
                let owners = shards.filter { $0.contains(relativePath: path) }
                #expect(owners.count == 1, "\(path)")
                if let owner = owners.first { sizes[owner.index - 1] += 1 }
            }
            // A hash split is roughly even.
            #expect(sizes.allSatisfy { abs($0 - paths.count / count) < paths.count / count / 4 + 20 }, "\(sizes)")
        }
    }

    @Test func theSplitDependsOnlyOnThePath() {
        // Fixed values: the same file must land in the same shard on every machine and release.
        let shard = Shard(index: 1, count: 4)
        #expect(["a.txt", "b.txt", "news/2016/x.md", "ภาษา.txt"].map { shard?.contains(relativePath: $0) ?? false }
            == [false, false, true, false])
    }

    @Test func theWalkerKeepsOnlyItsShard() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        for name in (0..<30).map({ "d\($0 % 3)/f\($0).txt" }) { try dir.write("in/\(name)", "x\n") }
        let all = CorpusWalker().files(under: dir.path("in"), onError: { _ in }).map(\.relativePath)
        var seen: [String] = []
        for index in 1...3 {
            seen += CorpusWalker(shard: Shard(index: index, count: 3)).files(under: dir.path("in"), onError: { _ in }).map(\.relativePath)
        }
        #expect(all.count == 30)
        #expect(seen.sorted() == all.sorted())
    }
}
