import Testing

@testable import Winnow

@Suite struct ScriptCodeHeuristicTests {
    static func isCode(_ line: String) -> Bool {
        Array(line.utf8).withUnsafeBytes { ScriptCodeHeuristic.isCode($0) }
    }

    @Test(arguments: [
        "',r)}()},function(e,t,n){var r=n(123);e.exports=function(){return new r.Template({code:function(e,t,n){var r=this;",
        "relative; background-color: #fff; width:100%; } .sp_message_row::after { clear: both; content: \"\"; display: block; }",
        "'),r.b(r.t(r.f(\"message_title\",e,t,0))),r.b('",
        "n={z_index:t,title_font_size:e.data.style.title.fontSize,title_color:e.data.style.title.color,body_color:e.body}",
    ])
    func minifiedScriptsAndStylesAreCode(line: String) {
        #expect(Self.isCode(line))
    }

    @Test(arguments: [
        // Code written to be read keeps its spaces.
        "for (let i = 0; i < lines.length; i++) { total += lines[i].split(\" \").length; }",
        "if (x > 0) { return f(x, y); } else { return g(y); }",
        // Prose with parentheses, semicolons or a brace.
        "The council (which met on Tuesday) approved the plan; the mayor, who had opposed it, abstained.",
        "Set the value to {name} and save; the template fills it in (see the manual, chapter 3).",
        // Scripts without spaces between words.
        "市政府周二表示，将在明年开放三座新图书馆（由债券资助），居民可以在网上查询最近的分馆。",
        // Addresses and short lines.
        "https://www.faz.net/aktuell/wirtschaft/musik-stars-fordern-neues-streaming-modell-16604339.html",
        "x=f(a,b);",
    ])
    func proseAndReadableCodeAreNot(line: String) {
        #expect(!Self.isCode(line))
    }
}
