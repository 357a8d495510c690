/// Which pages count as one site when repeats are counted (`--site-key`, `--site-field`).
///
/// A repeated line is boilerplate of a site, not of the whole corpus: every page of one news
/// site shares its menu, pages of different sites do not.
public enum SiteKey: Sendable, Hashable {
    /// The JSONL `url` field's host when the record has one, else the first directory under
    /// the input root (the default).
    case auto
    /// The JSONL `url` field's host; documents without one share the site `(no url)`.
    case url
    /// The value of a JSONL string field (a host is taken from it when it looks like a URL).
    case field(String)
    /// The first directory level under the input root (`example.com/page.txt` → `example.com`);
    /// files directly under the root share the site `(root)`.
    case directory
    /// One site for everything.
    case none

    /// The site name used for files at the top of the input root.
    public static let rootSite = "(root)"
    /// The site name used when the chosen field is missing.
    public static let missingSite = "(no url)"
    /// The site of every document under `.none`.
    public static let allSite = "(all)"

    /// Parses `auto`, `url`, `directory`, `none`, or `field` (with `fieldName`).
    public init?(name: String, fieldName: String?) {
        switch name {
        case "auto": self = fieldName.map { .field($0) } ?? .auto
        case "url": self = .url
        case "field":
            guard let fieldName else { return nil }
            self = .field(fieldName)
        case "directory": self = .directory
        case "none": self = .none
        default: return nil
        }
    }

    /// The site of a document.
    ///
    /// - Parameters:
    ///   - document: the document (its JSONL record's fields are consulted).
    ///   - rootRelativePath: the path of the file it came from, relative to its input root.
    public func site(of document: Document, rootRelativePath: String) -> String {
        site(record: document.record, rootRelativePath: rootRelativePath)
    }

    /// The site of a document read from `record` (nil for a text file) under `rootRelativePath`.
    public func site(record: JSONLRecord?, rootRelativePath: String) -> String {
        switch self {
        case .auto:
            if let url = record?.stringFields["url"], let host = Self.host(of: url) { return host }
            return Self.firstDirectory(of: rootRelativePath)
        case .url:
            if let url = record?.stringFields["url"], let host = Self.host(of: url) { return host }
            return Self.missingSite
        case .field(let name):
            guard let value = record?.stringFields[name], !value.isEmpty else { return Self.missingSite }
            return Self.host(of: value) ?? value
        case .directory:
            return Self.firstDirectory(of: rootRelativePath)
        case .none:
            return Self.allSite
        }
    }

    /// The lower-cased host of a URL without a leading `www.` (`https://WWW.Example.com:8080/a`
    /// → `example.com`), or nil when `text` has no `scheme://host`.
    public static func host(of text: String) -> String? {
        guard let schemeEnd = text.range(of: "://") else { return nil }
        var rest = text[schemeEnd.upperBound...]
        if let end = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { rest = rest[..<end] }
        if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
        if rest.hasPrefix("[") {
            if let close = rest.firstIndex(of: "]") { rest = rest[...close] }
        } else if let colon = rest.firstIndex(of: ":") {
            rest = rest[..<colon]
        }
        var host = rest.lowercased()
        while host.hasSuffix(".") { host.removeLast() }
        if host.hasPrefix("www.") { host.removeFirst(4) }
        return host.isEmpty ? nil : host
    }

    /// The first path component when the path has a directory, else `(root)`.
    public static func firstDirectory(of relativePath: String) -> String {
        guard let slash = relativePath.firstIndex(of: "/") else { return rootSite }
        let first = relativePath[..<slash]
        return first.isEmpty ? rootSite : String(first)
    }
}
