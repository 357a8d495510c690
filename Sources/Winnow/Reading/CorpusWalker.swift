#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One input file found by the walk.
public struct InputFile: Sendable, Hashable {
    /// The path to open (as given, or joined under a directory argument).
    public var path: String
    /// The path relative to its input root, used for the output tree and as the document id.
    public var relativePath: String
    /// Size in bytes when the walk saw it (for progress and ETA).
    public var size: Int
    /// Modification time in seconds (for `--resume`).
    public var modified: Double
    /// The walk saw a regular file, so `size` is what reading it should give (the reader then
    /// needs no `fstat` of its own).
    public var isRegularFile = false

    public init(path: String, relativePath: String, size: Int, modified: Double) {
        self.path = path
        self.relativePath = relativePath
        self.size = size
        self.modified = modified
    }
}

/// Finds the input files under the paths a user gave: sorted, hidden entries skipped, symlinks
/// not followed unless asked (and then loops are caught), `--include`/`--exclude` globs applied.
public struct CorpusWalker: Sendable {
    /// Globs a file name (or a relative path, when the glob has a `/`) must match.
    public var include: [String]
    /// Globs that exclude files and whole directories.
    public var exclude: [String]
    public var followSymlinks: Bool
    public var includeHidden: Bool
    /// When set, only the files of this shard are returned (files named on the command line
    /// too, so every shard of a run can be given the same arguments).
    public var shard: Shard?

    public static let defaultInclude = ["*.txt", "*.md", "*.text", "*.jsonl"]

    public init(
        include: [String] = CorpusWalker.defaultInclude, exclude: [String] = [], followSymlinks: Bool = false,
        includeHidden: Bool = false, shard: Shard? = nil
    ) {
        self.include = include
        self.exclude = exclude
        self.followSymlinks = followSymlinks
        self.includeHidden = includeHidden
        self.shard = shard
    }

    /// The files under `root`, or `root` itself when it is a file. Paths named explicitly are
    /// taken whatever the include globs say. Problems are reported through `onError` and the
    /// walk goes on.
    public func files(under root: String, onError: (WinnowError) -> Void) -> [InputFile] {
        let all = allFiles(under: root, onError: onError)
        guard let shard else { return all }
        return all.filter { shard.contains(relativePath: $0.relativePath) }
    }

    private func allFiles(under root: String, onError: (WinnowError) -> Void) -> [InputFile] {
        var info = stat()
        guard stat(root, &info) == 0 else {
            onError(.unreadableFile(path: root, detail: FileIO.errnoDescription()))
            return []
        }
        if (info.st_mode & S_IFMT) != S_IFDIR {
            let name = Self.baseName(root)
            var file = InputFile(path: root, relativePath: name, size: Int(info.st_size), modified: Self.mtime(info))
            file.isRegularFile = (info.st_mode & S_IFMT) == S_IFREG
            return [file]
        }
        var found: [InputFile] = []
        var ancestors: Set<DirectoryIdentity> = [DirectoryIdentity(info)]
        let globs = Globs(include: include.map(CompiledGlob.init), exclude: exclude.map(CompiledGlob.init))
        walkDirectory(root, relative: "", globs: globs, ancestors: &ancestors, into: &found, onError: onError)
        return found
    }

    /// Whether the walk skips the directory at `relativePath` (under an input root) or one of
    /// the directories above it, by the exclude globs.
    public func excludes(directory relativePath: String) -> Bool {
        let globs = exclude.map(CompiledGlob.init)
        var prefix = ""
        for component in relativePath.split(separator: "/") {
            prefix = prefix.isEmpty ? String(component) : prefix + "/" + component
            if globs.contains(where: { $0.matches(name: String(component), relativePath: prefix) }) { return true }
        }
        return false
    }

    /// A glob with its subject decided once: with a `/` in it, it is matched against the path
    /// relative to the input root, and its `*` and `?` do not cross a `/` (as in .gitignore
    /// and ripgrep); otherwise against the name (deciding it per file was a Foundation
    /// substring search for every file and glob).
    private struct CompiledGlob {
        let pattern: [CChar]
        let matchesPath: Bool

        init(_ glob: String) {
            pattern = Array(glob.utf8CString)
            matchesPath = glob.utf8.contains(UInt8(ascii: "/"))
        }

        func matches(name: String, relativePath: String) -> Bool {
            matchesPath ? fnmatch(pattern, relativePath, FNM_PATHNAME) == 0 : fnmatch(pattern, name, 0) == 0
        }
    }

    private struct Globs {
        let include: [CompiledGlob]
        let exclude: [CompiledGlob]
    }

    private struct DirectoryIdentity: Hashable {
        let device: UInt64
        let inode: UInt64
        init(_ info: stat) {
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
        }
    }

    private func walkDirectory(
        _ directory: String, relative: String, globs: Globs, ancestors: inout Set<DirectoryIdentity>,
        into found: inout [InputFile], onError: (WinnowError) -> Void
    ) {
        guard let handle = opendir(directory) else {
            onError(.unreadableFile(path: directory, detail: FileIO.errnoDescription()))
            return
        }
        var names: [String] = []
        var undecodable: [(shown: String, raw: [CChar])] = []
        while let entry = readdir(handle) {
            // readdir's record can be shorter than `dirent`: never copy the struct, only read
            // the NUL-terminated name in place.
            guard let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name) else { continue }
            let cName = (UnsafeRawPointer(entry) + nameOffset).assumingMemoryBound(to: CChar.self)
            guard let name = String(validatingCString: cName) else {
                let raw = Array(UnsafeBufferPointer(start: cName, count: strlen(cName) + 1))
                let shown = String(decoding: raw.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
                if includeHidden || !shown.hasPrefix(".") { undecodable.append((shown, raw)) }
                continue
            }
            if name == "." || name == ".." { continue }
            if !includeHidden && name.hasPrefix(".") { continue }
            names.append(name)
        }
        // Entries are looked at relative to the open directory: one name to resolve per
        // entry instead of the whole path (path lookups were a tenth of a frame-only run).
        defer { closedir(handle) }
        let directoryFD = dirfd(handle)
        // Byte order, so the walk is the same in every locale and on every machine.
        names.sort(by: Self.bytewisePrecedes)
        // Paths are strings, and a name that is not UTF-8 comes back repaired (U+FFFD) and
        // names no file: a file or directory the walk would take is reported as such, not
        // as "no such file".
        for (shown, raw) in undecodable.sorted(by: { Self.bytewisePrecedes($0.shown, $1.shown) }) {
            let relativePath = relative.isEmpty ? shown : relative + "/" + shown
            var info = stat()
            guard fstatat(directoryFD, raw, &info, AT_SYMLINK_NOFOLLOW) == 0,
                !globs.exclude.contains(where: { $0.matches(name: shown, relativePath: relativePath) })
            else { continue }
            let kind = info.st_mode & S_IFMT
            let taken = kind == S_IFDIR
                || (kind == S_IFREG && globs.include.contains(where: { $0.matches(name: shown, relativePath: relativePath) }))
            guard taken else { continue }
            let path = directory.hasSuffix("/") ? directory + shown : directory + "/" + shown
            onError(.unreadableFile(path: path, detail: "the name is not valid UTF-8 (rename it to read it)"))
        }
        for name in names {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            let relativePath = relative.isEmpty ? name : relative + "/" + name
            var info = stat()
            guard fstatat(directoryFD, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else {
                onError(.unreadableFile(path: path, detail: FileIO.errnoDescription()))
                continue
            }
            if (info.st_mode & S_IFMT) == S_IFLNK {
                guard followSymlinks else { continue }
                guard fstatat(directoryFD, name, &info, 0) == 0 else {
                    // A link that resolves to itself (`a -> b -> a`) is no broken link.
                    let code = errno
                    let detail = code == ELOOP ? "symbolic link loop" : code == ENOENT ? "broken symbolic link" : FileIO.errnoDescription(code)
                    onError(.unreadableFile(path: path, detail: detail))
                    continue
                }
            }
            if globs.exclude.contains(where: { $0.matches(name: name, relativePath: relativePath) }) { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                let identity = DirectoryIdentity(info)
                guard !ancestors.contains(identity) else {
                    onError(.unreadableFile(path: path, detail: "symbolic link loop"))
                    continue
                }
                ancestors.insert(identity)
                walkDirectory(
                    path, relative: relativePath, globs: globs, ancestors: &ancestors, into: &found, onError: onError)
                ancestors.remove(identity)
            case S_IFREG:
                guard globs.include.contains(where: { $0.matches(name: name, relativePath: relativePath) }) else {
                    continue
                }
                var file = InputFile(path: path, relativePath: relativePath, size: Int(info.st_size), modified: Self.mtime(info))
                file.isRegularFile = true
                found.append(file)
            default:
                continue  // sockets, fifos, devices
            }
        }
    }

    /// Byte order of the names' UTF-8 (memcmp on the strings' own storage, no copies).
    static func bytewisePrecedes(_ first: String, _ second: String) -> Bool {
        var first = first
        var second = second
        return first.withUTF8 { a in
            second.withUTF8 { b in
                let common = min(a.count, b.count)
                let order = common == 0 ? 0 : memcmp(a.baseAddress!, b.baseAddress!, common)
                return order != 0 ? order < 0 : a.count < b.count
            }
        }
    }

    static func baseName(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        return trimmed.split(separator: "/").last.map(String.init) ?? String(trimmed)
    }

    static func mtime(_ info: stat) -> Double {
        #if canImport(Darwin)
        return Double(info.st_mtimespec.tv_sec) + Double(info.st_mtimespec.tv_nsec) / 1e9
        #else
        return Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9
        #endif
    }
}
