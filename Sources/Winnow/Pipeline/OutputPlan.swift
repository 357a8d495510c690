/// Where each input's output goes under `-o DIR`: the same relative path, with `.jsonl` for
/// JSONL output and `.explain.txt` for the explain view.
struct OutputPlan {
    let configuration: RunConfiguration

    func outputPath(forRelativePath relative: String, isJSONL: Bool) -> String? {
        guard let directory = configuration.outputDirectory else { return nil }
        var name = relative
        if configuration.format == .explain {
            name += ".explain.txt"
        } else if isJSONL || configuration.format == .jsonl {
            name = Self.replacingExtension(of: name, with: "jsonl")
        }
        let root = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        return root + "/" + name
    }

    static func replacingExtension(of path: String, with newExtension: String) -> String {
        let slash = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        if let dot = path[slash...].lastIndex(of: "."), dot > slash {
            return String(path[..<dot]) + "." + newExtension
        }
        return path + "." + newExtension
    }
}
