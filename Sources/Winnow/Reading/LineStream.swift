#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file line by line in fixed-size chunks, so a JSONL file of any size streams in
/// bounded memory (one chunk plus the longest line).
public final class LineStream {
    private let fd: Int32
    private let ownsDescriptor: Bool
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    private var atEOF = false
    /// 1-based number of the line last returned.
    public private(set) var lineNumber = 0
    /// Bytes consumed so far.
    public private(set) var bytesRead = 0

    /// Opens `path`, or standard input when `path` is nil.
    public init(path: String?, chunkSize: Int = 1 << 20) throws(WinnowError) {
        if let path {
            let fd = open(path, O_RDONLY | O_CLOEXEC)
            if fd < 0 { throw .unreadableFile(path: path, detail: FileIO.errnoDescription()) }
            var info = stat()
            if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
                close(fd)
                throw .unreadableFile(path: path, detail: "is a directory")
            }
            self.fd = fd
            ownsDescriptor = true
        } else {
            fd = 0
            ownsDescriptor = false
        }
        buffer = [UInt8](repeating: 0, count: chunkSize)
    }

    deinit { if ownsDescriptor { close(fd) } }

    /// The next line without its line break (a trailing CR is removed too), or nil at the end.
    public func nextLine() throws(WinnowError) -> [UInt8]? {
        while true {
            if let newline = buffer[start..<end].firstIndex(of: 0x0A) {
                var line = Array(buffer[start..<newline])
                if line.last == 0x0D { line.removeLast() }
                start = newline + 1
                lineNumber += 1
                return line
            }
            if atEOF {
                guard start < end else { return nil }
                var line = Array(buffer[start..<end])
                if line.last == 0x0D { line.removeLast() }
                start = end
                lineNumber += 1
                return line
            }
            try fill()
        }
    }

    private func fill() throws(WinnowError) {
        if start > 0 {
            buffer.replaceSubrange(0..<(end - start), with: buffer[start..<end])
            end -= start
            start = 0
        }
        if end == buffer.count { buffer.append(contentsOf: repeatElement(0, count: buffer.count)) }
        while true {
            let got = buffer.withUnsafeMutableBytes { raw in read(fd, raw.baseAddress! + end, raw.count - end) }
            if got < 0 {
                if errno == EINTR { continue }
                throw .unreadableFile(path: "", detail: FileIO.errnoDescription())
            }
            if got == 0 { atEOF = true }
            end += got
            bytesRead += got
            return
        }
    }
}
