/// Writes unit results in input order: whole files atomically, JSONL outputs chunk by chunk
/// into a temporary file that is renamed when its last chunk arrives, or standard output.
struct ResultWriter {
    let standardOutput: StandardOutput
    private var openFile: AtomicFile?

    init(standardOutput: StandardOutput) {
        self.standardOutput = standardOutput
    }

    /// Writes one result and returns the bytes written.
    mutating func write(_ result: UnitResult) throws -> Int {
        guard let path = result.source.outputPath else {
            if !result.output.isEmpty { try standardOutput.write(result.output) }
            return result.output.count
        }
        if result.isFirst && result.isLast {
            if !result.output.isEmpty { try AtomicFile.write(result.output, to: path) }
            return result.output.count
        }
        if result.isFirst {
            openFile = nil
            openFile = try AtomicFile(path: path)
        }
        guard let file = openFile else { return 0 }
        do {
            try file.write(result.output)
            if result.isLast {
                openFile = nil
                try file.commit()
            }
        } catch {
            openFile = nil
            throw error
        }
        return result.output.count
    }
}
