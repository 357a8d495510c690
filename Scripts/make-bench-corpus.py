#!/usr/bin/env python3
"""Generates a synthetic corpus of rendered pages with realistic boilerplate for benchmarks.

Usage: Scripts/make-bench-corpus.py OUT_DIR [--mb 500] [--seed 1]

Pages mix article paragraphs (English, French, German, Thai, Russian, with NFC-sensitive
accents) with the boilerplate families winnow removes: menus as bullet runs, photo slugs and
credits, "More news" widgets with counters, SSI errors, follow/share lines, copyright footers,
markdown link lists. Deterministic for a given seed. Nothing here comes from a dev set.
"""
import argparse, os, random

WORDS = {
    "en": "the of and to in a is that for it as was with be by on not he this are or his from at which but have an they you were her she there would their we him been has when who will more no if out so said what up its about into than them can only other new some could time these two may then do first any my now such like our over man me even most made after also did many before must through back years where much your way well down should because each just those people how too little state good very make world still own see men work long get here between both life being under never day same another know while last might us great old year off come since against go came right used take three".split(),
    "fr": "le la les de des du un une et à en est que qui dans pour pas sur au avec ce il elle nous vous ils sont été être avoir fait plus par mais comme tout bien aussi très sans leur même où cette entre depuis après contre pendant déjà année français économie société développement gouvernement".split(),
    "de": "der die das und ist in den von zu mit sich des auf für nicht als auch es an werden aus er hat dass sie nach wird bei einer um am sind noch wie einem über einen so zum war haben nur oder aber vor zur bis mehr durch man sein wurde sei Straße größer Bürger Öffentlichkeit".split(),
    "ru": "и в не на я быть он с что а по это она этот к но они мы как из у который то за свой весь год от так о для ты же все тот мочь вы человек такой его сказать только или ещё бы себя один как уже до время если сам когда другой вот".split(),
}
THAI = "คล้ายว่าเข้าใจ ไม่รู้ทำไมถึงทำไม่ได้ ปีศาจ เพลงที่สี่จาก ประเทศไทย รัฐบาล ประชาชน เศรษฐกิจ การศึกษา".split()

MENU = ["Home", "News", "World", "Business", "Sports", "Contact Us", "About", "Privacy Policy", "Advertise", "Facebook", "Twitter"]


def sentence(rng, lang):
    words = WORDS[lang]
    n = rng.randint(8, 24)
    s = " ".join(rng.choice(words) for _ in range(n))
    return s[0].upper() + s[1:] + rng.choice([".", ".", ".", "!", "?"])


def paragraph(rng, lang):
    if lang == "th":
        return "".join(rng.choice(THAI) for _ in range(rng.randint(10, 40)))
    return " ".join(sentence(rng, lang) for _ in range(rng.randint(2, 6)))


def page(rng, markdown):
    lang = rng.choice(["en", "en", "en", "fr", "de", "ru", "th"])
    out = []
    bullet = "  * " if markdown else "  • "
    for item in rng.sample(MENU, rng.randint(4, 9)):
        out.append(f"{bullet}[{item}](http://example.com/{item.lower().replace(' ', '-')})" if markdown else bullet + item)
    out.append("")
    out.append(("# " if markdown else "") + sentence(rng, lang if lang != "th" else "en").rstrip(".!?"))
    out.append("")
    if rng.random() < 0.3:
        out.append(f"RTR{rng.randint(1000, 9999)}{chr(65 + rng.randint(0, 25))}{chr(65 + rng.randint(0, 25))}")
        out.append(sentence(rng, "en") + " REUTERS/Stringer")
        out.append("")
    for _ in range(rng.randint(3, 12)):
        out.append(paragraph(rng, lang))
        out.append("")
    if rng.random() < 0.5:
        out.append("Follow us on Facebook and Twitter for your daily news.")
        out.append("")
    out.append("More news")
    out.append("")
    for _ in range(rng.randint(2, 6)):
        out.append(bullet + sentence(rng, "en")[:60])
        out.append("")
        out.append("    " + paragraph(rng, rng.choice(["en", "fr", "th"]))[:300] + " ... -- https://www.youtube.com")
        out.append(f"    • {rng.randint(100, 99999)} likes ({rng.randint(1, 3000)}/hr)")
        out.append(f"    • {rng.randint(0, 999)} comments (0/hr)")
    if rng.random() < 0.2:
        out.append("[an error occurred while processing this directive]")
    out.append(f"Copyright © {rng.randint(2005, 2024)} Example Media. All Rights Reserved.")
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--mb", type=int, default=500)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    target = args.mb * 1_000_000
    total = 0
    index = 0
    while total < target:
        sub = os.path.join(args.out, f"site{index % 50:02d}")
        os.makedirs(sub, exist_ok=True)
        markdown = index % 2 == 1
        text = page(rng, markdown)
        path = os.path.join(sub, f"page{index:06d}.{'md' if markdown else 'txt'}")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        total += len(text.encode("utf-8"))
        index += 1
    print(f"{index} pages, {total / 1e6:.1f} MB in {args.out}")


if __name__ == "__main__":
    main()
