import Testing
import Winnow

@Suite struct SiteKeyTests {
    @Test func hostOfURL() {
        #expect(SiteKey.host(of: "https://WWW.Example.com:8080/a/b?c#d") == "example.com")
        #expect(SiteKey.host(of: "http://user:pw@news.example.org/") == "news.example.org")
        #expect(SiteKey.host(of: "http://example.com.") == "example.com")
        #expect(SiteKey.host(of: "example.com/page") == nil)
    }

    @Test func documentSites() {
        let record = JSONLRecord(raw: [], textValueRange: nil, line: 1, recordID: nil, stringFields: ["url": "https://www.a.com/x", "source": "feed-7"])
        let jsonl = Document(id: "r1", blocks: [], record: record)
        let text = Document(id: "x", blocks: [])
        #expect(SiteKey.auto.site(of: jsonl, rootRelativePath: "shard/f.jsonl") == "a.com")
        #expect(SiteKey.auto.site(of: text, rootRelativePath: "example.com/2012/page.txt") == "example.com")
        #expect(SiteKey.auto.site(of: text, rootRelativePath: "page.txt") == SiteKey.rootSite)
        #expect(SiteKey.directory.site(of: jsonl, rootRelativePath: "shard/f.jsonl") == "shard")
        #expect(SiteKey.url.site(of: text, rootRelativePath: "a/b.txt") == SiteKey.missingSite)
        #expect(SiteKey.field("source").site(of: jsonl, rootRelativePath: "f.jsonl") == "feed-7")
        #expect(SiteKey.none.site(of: jsonl, rootRelativePath: "a/b") == SiteKey.allSite)
        #expect(SiteKey(name: "field", fieldName: nil) == nil)
        #expect(SiteKey(name: "auto", fieldName: "source") == .field("source"))
    }
}
