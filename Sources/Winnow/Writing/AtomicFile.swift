#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// A file written under a temporary name in its final directory and renamed into place when
/// complete, so an interrupted run never leaves a half-written output.
public final class AtomicFile {
    public let path: String
    public let temporaryPath: String
    private var fd: Int32

    /// Creates the directories above `path` and opens a hidden temporary file beside it.
    public init(path: String) throws(WinnowError) {
        self.path = path
        let directory = AtomicFile.directoryName(path)
        let base = CorpusWalker.baseName(path)
        let unique = AtomicFile.counter.next()
        temporaryPath = (directory.isEmpty ? "" : directory + "/") + ".\(base).winnow-tmp-\(AtomicFile.processID)-\(unique)"
        // Open first and make the directories only when that fails for want of them: the
        // directory of most outputs already exists (one stat per output file less).
        fd = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if fd < 0 && (errno == ENOENT || errno == ENOTDIR) {
            do throws(WinnowError) {
                try AtomicFile.makeDirectories(directory)
            } catch {
                // Named by the output file: every output under an uncreatable directory
                // said the same `DIR: cannot write output`, not which file it was.
                guard case .outputNotWritable(let failed, let detail) = error else { throw error }
                throw .outputNotWritable(path: path, detail: "cannot create directory \(failed): \(detail)")
            }
            fd = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        }
        if fd < 0 { throw .outputNotWritable(path: path, detail: FileIO.errnoDescription()) }
        TemporaryFiles.shared.register(temporaryPath)
    }

    deinit {
        if fd >= 0 {
            close(fd)
            unlink(temporaryPath)
            TemporaryFiles.shared.unregister(temporaryPath)
        }
    }

    public func write(_ bytes: [UInt8]) throws(WinnowError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw in
                systemWrite(fd, raw.baseAddress! + offset, raw.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw .outputNotWritable(path: path, detail: FileIO.errnoDescription())
            }
            offset += written
        }
    }

    /// Closes the temporary file and renames it over `path`.
    public func commit() throws(WinnowError) {
        let status = close(fd)
        fd = -1
        defer { TemporaryFiles.shared.unregister(temporaryPath) }
        if status != 0 || rename(temporaryPath, path) != 0 {
            let detail = FileIO.errnoDescription()
            unlink(temporaryPath)
            throw .outputNotWritable(path: path, detail: detail)
        }
    }

    /// Writes `bytes` to `path` atomically.
    public static func write(_ bytes: [UInt8], to path: String) throws(WinnowError) {
        let file = try AtomicFile(path: path)
        try file.write(bytes)
        try file.commit()
    }

    static func directoryName(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// `mkdir -p`.
    static func makeDirectories(_ directory: String) throws(WinnowError) {
        guard !directory.isEmpty else { return }
        var info = stat()
        if stat(directory, &info) == 0 {
            if (info.st_mode & S_IFMT) == S_IFDIR { return }
            throw .outputNotWritable(path: directory, detail: "not a directory")
        }
        try makeDirectories(directoryName(directory))
        if mkdir(directory, 0o755) != 0 && errno != EEXIST {
            throw .outputNotWritable(path: directory, detail: FileIO.errnoDescription())
        }
    }

    private static let counter = Counter()
    private static let processID = getpid()
}

/// A process-wide counter for unique temporary names.
final class Counter: Sendable {
    private let value = Mutex(0)
    func next() -> Int { value.withLock { $0 += 1; return $0 } }
}

@inline(__always)
func systemWrite(_ fd: Int32, _ pointer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, pointer, count)
}
