#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Plain POSIX file reading: whole files into byte arrays, with errors that name the file.
public enum FileIO {
    /// Reads all of `path` (or standard input when `path` is nil). `knownSize` is the size of
    /// a regular file that a directory walk has just seen: it saves the `fstat` (a file that
    /// changed since is still read whole, and a directory still fails, with EISDIR).
    public static func readAll(path: String?, knownSize: Int? = nil) throws(WinnowError) -> [UInt8] {
        let label = path ?? "<stdin>"
        let (fd, expected) = try openForReading(path, knownSize: knownSize)
        defer { if path != nil { close(fd) } }
        // Regular files: one read into a buffer of exactly their size (no zero-filling); anything
        // that turns out longer, and pipes, continue in 64 KiB steps.
        var readError: Int32 = 0
        var buffer = [UInt8](unsafeUninitializedCapacity: max(expected + 1, 1)) { raw, count in
            count = 0
            while count < raw.count {
                let got = read(fd, raw.baseAddress! + count, raw.count - count)
                if got < 0 {
                    if errno == EINTR { continue }
                    readError = errno
                    return
                }
                if got == 0 { break }
                count += got
                // A regular file that returns less than asked is at its end: no second read
                // just to see zero bytes (one system call less per file of a corpus).
                if expected > 0 && count < raw.count { break }
            }
        }
        if readError != 0 { throw .unreadableFile(path: label, detail: errnoDescription(readError)) }
        guard buffer.count > expected else { return buffer }
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let got = chunk.withUnsafeMutableBytes { raw in read(fd, raw.baseAddress!, raw.count) }
            if got < 0 {
                if errno == EINTR { continue }
                throw .unreadableFile(path: label, detail: errnoDescription())
            }
            if got == 0 { break }
            buffer.append(contentsOf: chunk[..<got])
        }
        return buffer
    }

    /// Reads all of the file at `path` into the front of `buffer`, which is kept from call to
    /// call (grown when a file does not fit, never shrunk), and returns the number of bytes read.
    ///
    /// For passes over many small files: no allocation per file. Same reading rules as
    /// `readAll(path:)`: a regular file that returns less than asked is at its end.
    public static func readAll(path: String, into buffer: inout [UInt8]) throws(WinnowError) -> Int {
        let (fd, expected) = try openForReading(path)
        defer { close(fd) }
        // Room for the whole file and one byte more, so a file that grew shows as a full read.
        if buffer.count < expected + 1 { buffer = [UInt8](repeating: 0, count: max(expected + 1, 2 * buffer.count, 16 * 1024)) }
        var used = 0
        while true {
            if used == buffer.count { buffer += [UInt8](repeating: 0, count: buffer.count) }
            let got = buffer.withUnsafeMutableBytes { raw in read(fd, raw.baseAddress! + used, raw.count - used) }
            if got < 0 {
                if errno == EINTR { continue }
                throw .unreadableFile(path: path, detail: errnoDescription())
            }
            if got == 0 { break }
            used += got
            if expected > 0 && used <= expected && used < buffer.count { break }
        }
        return used
    }

    /// Opens `path` (standard input when nil) and returns the descriptor with the size a regular
    /// file announces (0 for anything else); a directory is an error that names it.
    private static func openForReading(_ path: String?, knownSize: Int? = nil) throws(WinnowError) -> (fd: Int32, expected: Int) {
        let label = path ?? "<stdin>"
        var fd: Int32 = 0
        if let path {
            fd = open(path, O_RDONLY | O_CLOEXEC)
            if fd < 0 { throw .unreadableFile(path: label, detail: errnoDescription()) }
            if let knownSize { return (fd, knownSize) }
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return (fd, 0) }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            if path != nil { close(fd) }
            throw .unreadableFile(path: label, detail: "is a directory")
        }
        return (fd, (info.st_mode & S_IFMT) == S_IFREG ? Int(info.st_size) : 0)
    }

    /// `strerror(errno)` as a Swift string, lower-cased like other messages.
    public static func errnoDescription(_ code: Int32 = errno) -> String {
        guard let message = strerror(code) else { return "error \(code)" }
        let text = String(cString: message)
        return text.prefix(1).lowercased() + text.dropFirst()
    }
}

extension FileIO {
    /// Modification time of `path` in seconds, or nil when it does not exist.
    public static func modificationTime(_ path: String) -> Double? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return CorpusWalker.mtime(info)
    }
}
