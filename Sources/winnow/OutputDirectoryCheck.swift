import ArgumentParser
import Foundation
import Winnow

/// Refuses an output path that is an existing file (every document would fail on it), and an
/// output directory inside an input directory (its outputs would be read back as inputs on the
/// next run) unless an `--exclude` glob keeps the walk out of it.
enum OutputDirectoryCheck {
    static func validate(output: String, inputs: [String], exclude: [String]) throws {
        var outputIsDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: output, isDirectory: &outputIsDirectory), !outputIsDirectory.boolValue {
            throw ValidationError("output '\(output)' exists and is not a directory")
        }
        let outputPath = absolute(output)
        for input in inputs where input != "-" {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory), isDirectory.boolValue else {
                continue
            }
            let inputPath = absolute(input)
            guard outputPath == inputPath || outputPath.hasPrefix(inputPath + "/") else { continue }
            if outputPath == inputPath {
                throw ValidationError("output directory '\(output)' is the input directory '\(input)'")
            }
            let relative = String(outputPath.dropFirst(inputPath.count + 1))
            if !CorpusWalker(exclude: exclude).excludes(directory: relative) {
                let top = relative.split(separator: "/").first.map(String.init) ?? relative
                throw ValidationError(
                    "output directory '\(output)' is inside input directory '\(input)'; choose another or add --exclude '\(top)'")
            }
        }
    }

    /// An absolute, symlink-resolved path (the directory may not exist yet).
    static func absolute(_ path: String) -> String {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        var existing = url
        var missing: [String] = []
        while !FileManager.default.fileExists(atPath: existing.path), existing.path != "/" {
            missing.insert(existing.lastPathComponent, at: 0)
            existing.deleteLastPathComponent()
        }
        var resolved = existing.resolvingSymlinksInPath().path
        for component in missing { resolved += (resolved.hasSuffix("/") ? "" : "/") + component }
        return resolved
    }
}
