#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import Winnow

/// The report of a subcommand (`rules`, `profile`) written to standard output, checked.
///
/// `print` dropped a failed write without a word (`winnow rules list > /dev/full` said
/// nothing and exited 0), and Foundation's `FileHandle.write` trapped on it (`winnow
/// profile … > /dev/full` crashed). A closed pipe ends the command quietly, as `clean` does;
/// any other failure is one `winnow:` line and status 2.
enum CommandOutput {
    static func write(_ text: String) throws {
        signal(SIGPIPE, SIG_IGN)
        let output = StandardOutput()
        do {
            try output.write(text)
            try output.flush()
        } catch is StandardOutput.BrokenPipe {
            throw ExitCode(ExitStatus.success)
        } catch let error as WinnowError {
            StderrReporter.writeLine("winnow: \(error)")
            throw ExitCode(ExitStatus.inputErrors)
        }
    }
}
