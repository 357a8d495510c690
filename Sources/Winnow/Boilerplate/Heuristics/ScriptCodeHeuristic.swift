#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Drops a line of minified program code: a page's scripts printed as text (an ad blocker
/// detector's bundle, an analytics snippet), which text browsers and converters render when a
/// `<script>` sits where they expect text. `errors.script-text` names known snippets; this
/// heuristic catches any bundle by its shape: almost no spaces, dense code punctuation, and
/// the braces, calls and statement separators of a script.
///
/// Code that people write for people to read (a listing in a programming article) keeps its
/// spaces around operators and after commas, and stays.
///
/// Source: trafilatura probe pages (faz.net's lynx, pandoc and markdownify renderings kept 120
/// lines of a webpack bundle as the article); in the dev set no gold line has this shape.
enum ScriptCodeHeuristic {
    static let id = "heuristic.script-code"
    static let description = HeuristicDescription(
        id: id,
        name: "Minified script code",
        description: "A line of 40+ bytes shaped like a page's minified script or style sheet printed as text: at most 8 % spaces, 12 % code punctuation ({}();=[]<>&|!\"'), a brace, two parentheses and two ; or , (a script); two braces with four ; and four : (style declarations); a brace and six or more , ; : (3 %) with at most 2 % spaces (an object literal); or a brace-less fragment with at most 2 % spaces and 20 % code punctuation.",
        source: "Shape of minified JavaScript and CSS (trafilatura probe pages); no dev-set gold line has it",
        examples: [
            HeuristicExample("""
                ↓0;h.onloadstart=function(e){d=n(e)},h.onreadystatechange=function(e){if(4===this.readyState){_=n(e)-d;var r=0}}
                ↓0?(a.parentElement&&e.body.removeChild(a),setTimeout(function(){r(o)},100)):(a.parentElement&&e.body.removeChild(a),t())
                ↓none; background: transparent; padding: 0; } .sp_message .sp_message_dismiss:hover { background-color: inherit; }
                ↓'),r.b(r.t(r.f("message_title",e,t,0))),r.b('
                ↓n={z_index:t,title_font_size:e.data.style.title.fontSize,title_color:e.data.style.title.color,body_color:e.data.style.body.color}

                The regional rail operator will double the number of trains on the coastal line from December, the transport ministry said on Tuesday.
                Commuters have complained for years about crowded carriages, and the new timetable adds a train every thirty minutes at peak hours.
                The ministry expects the extra trains to carry about four thousand more passengers a day once the new platforms open in the spring.
                """),
            // A listing written to be read keeps its spaces: it stays, as does a sentence about code.
            HeuristicExample("""
                To count the words of a file, the tutorial reads it line by line and adds up the pieces that the split function returns for each one.
                for (let i = 0; i < lines.length; i++) { total += lines[i].split(" ").length; }
                The function returns the total, which the page then prints (call it with the file's name, like count("notes.txt"), to try it).
                """),
        ])

    /// Shorter lines are not judged: a short line of code-like marks is more often a smiley,
    /// a formula or a file name.
    static let minimumBytes = 40
    /// Spaces per hundred bytes at most.
    static let maximumSpacePercent = 8
    /// Code punctuation per hundred bytes at least.
    static let minimumMarkPercent = 12

    /// Whether the line `text` (its raw bytes) is minified code. Most lines hold no brace or
    /// parenthesis: they are turned away by `memchr` before any byte is counted.
    static func isCode(_ text: UnsafeRawBufferPointer) -> Bool {
        guard text.count >= minimumBytes, let base = text.baseAddress,
            memchr(base, 0x7B, text.count) != nil || memchr(base, 0x7D, text.count) != nil
                || memchr(base, 0x28, text.count) != nil
        else { return false }
        var spaces = 0
        var marks = 0
        var braces = 0
        var parentheses = 0
        var semicolons = 0
        var commas = 0
        var colons = 0
        for byte in text {
            switch byte {
            case 0x20: spaces += 1
            case UInt8(ascii: "{"), UInt8(ascii: "}"):
                braces += 1
                marks += 1
            case UInt8(ascii: "("), UInt8(ascii: ")"):
                parentheses += 1
                marks += 1
            case UInt8(ascii: ";"):
                semicolons += 1
                marks += 1
            case UInt8(ascii: ","): commas += 1
            case UInt8(ascii: ":"): colons += 1
            case UInt8(ascii: "="), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: ">"),
                UInt8(ascii: "&"), UInt8(ascii: "|"), UInt8(ascii: "!"), UInt8(ascii: "\""), UInt8(ascii: "'"):
                marks += 1
            default: break
            }
        }
        let count = text.count
        let statements = parentheses >= 2 && semicolons + commas >= 2
        // A script: braces, calls and separators with almost no spaces.
        if braces >= 1, statements, spaces * 100 <= count * 8, marks * 100 >= count * 12 { return true }
        // A style sheet (or a script holding one): blocks of several `name: value;` declarations.
        if braces >= 2, semicolons >= 4, colons >= 4 { return true }
        // A script's object literal (`n={z_index:t,title_color:e.data.style…`): a brace and a
        // list of fields, without a space to speak of.
        let fields = semicolons + commas + colons
        if braces >= 1, spaces * 100 <= count * 2, fields >= 6, fields * 100 >= count * 3 { return true }
        // A script's fragment cut between braces: calls and marks without a single space to speak of.
        return statements && parentheses >= 4 && spaces * 100 <= count * 2 && marks * 100 >= count * 20
    }

    static let reason = "line is minified script code (few spaces, dense code punctuation)"
}
