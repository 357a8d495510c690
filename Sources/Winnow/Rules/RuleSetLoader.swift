import Foundation

/// Finds and reads rule files: the built-in ones and users' directories.
enum RuleSetLoader {
    /// The rules compiled into the binary: the snapshot's, else parsed from their YAML text.
    static func builtinRules() throws(WinnowError) -> [Rule] {
        if let contents = BuiltinSnapshot.contents() { return contents.analysis.rules }
        return try parsedBuiltinRules()
    }

    /// The rules compiled into the binary, parsed from their YAML text.
    static func parsedBuiltinRules() throws(WinnowError) -> [Rule] {
        var files: [(path: String, rules: [Rule])] = []
        for file in BuiltinRules.files {
            let path = "Rules/" + file.path
            var rules = try RuleFileParser(path: path).parse(file.yaml)
            for index in rules.indices { rules[index].location.isBuiltin = true }
            files.append((path, rules))
        }
        return try combine(files)
    }

    /// Every rule in the `*.yaml` / `*.yml` files under `path` (or in the file `path`), in
    /// sorted path order.
    static func rules(at path: String) throws(WinnowError) -> [Rule] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .invalidRuleFile(path: path, line: 0, detail: "no such rule file or directory")
        }
        var paths: [String] = []
        if isDirectory.boolValue {
            let root = URL(fileURLWithPath: path)
            guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles]) else {
                throw .invalidRuleFile(path: path, line: 0, detail: "cannot list directory")
            }
            for case let url as URL in walker where ["yaml", "yml"].contains(url.pathExtension) {
                let relative = url.path.hasPrefix(root.path + "/") ? String(url.path.dropFirst(root.path.count + 1)) : url.lastPathComponent
                paths.append((path as NSString).appendingPathComponent(relative))
            }
            paths.sort()
        } else {
            paths = [path]
        }
        var files: [(path: String, rules: [Rule])] = []
        for file in paths {
            files.append((file, try RuleFileParser(path: file).parse(try readText(file))))
        }
        return try combine(files)
    }

    /// A rule file's text: UTF-8 (a byte order mark is dropped), never repaired, since a rule
    /// that silently lost a character would match something else.
    static func readText(_ file: String) throws(WinnowError) -> String {
        let bytes: [UInt8]
        do {
            bytes = try FileIO.readAll(path: file)
        } catch {
            if case .unreadableFile(_, let detail) = error {
                throw .invalidRuleFile(path: file, line: 0, detail: "cannot read: \(detail)")
            }
            throw error
        }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
        guard let text = String(validating: body, as: UTF8.self) else {
            throw .invalidRuleFile(path: file, line: 0, detail: "not UTF-8 text (rule files are UTF-8 YAML)")
        }
        return text
    }

    /// The rules of several files of one layer; an id defined twice is an error.
    static func combine(_ files: [(path: String, rules: [Rule])]) throws(WinnowError) -> [Rule] {
        var seen: [String: RuleLocation] = [:]
        var all: [Rule] = []
        for file in files {
            for rule in file.rules {
                if let first = seen[rule.id] {
                    throw .duplicateRuleID(id: rule.id, first: first.description, second: rule.location.description)
                }
                seen[rule.id] = rule.location
                all.append(rule)
            }
        }
        return all
    }

    /// Layers in order: a later layer's rule replaces an earlier one with the same id (in the
    /// earlier one's position), or is added at the end.
    static func merge(_ layers: [[Rule]]) -> [Rule] {
        var merged: [Rule] = []
        var position: [String: Int] = [:]
        for layer in layers {
            for rule in layer {
                if let index = position[rule.id] {
                    merged[index] = rule
                } else {
                    position[rule.id] = merged.count
                    merged.append(rule)
                }
            }
        }
        return merged
    }
}
