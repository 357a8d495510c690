#!/usr/bin/env python3
"""Bag-of-words token precision / recall / F1 of cleaned text against gold article text.

    score_boilerplate.py GOLD_DIR PRED_DIR [--worst N]

Same metric as the boilerplate dev set's scorer (so figures are comparable):
tokens are maximal runs of Unicode word characters and combining marks, NFKC-normalised and
case-folded; characters of scripts written without spaces (Han, kana, Thai, Lao, Khmer,
Myanmar, Tibetan) are one token each. Per document TP = multiset overlap, P = TP/|pred|,
R = TP/|gold|; both empty -> 1, empty prediction with non-empty gold -> 0. Macro = mean over
every GOLD_DIR/<id>.txt (a missing prediction counts as empty). The last line printed is
`P=… R=… F1=… docs=N`. Standard library only.
"""
import argparse
import os
import re
import sys
import unicodedata
from collections import Counter


def _combining_marks():
    out, start, prev = [], None, None
    for cp in range(sys.maxunicode + 1):
        if unicodedata.category(chr(cp))[0] == 'M':
            if start is None:
                start = cp
            prev = cp
        elif start is not None:
            out.append('%s-%s' % (re.escape(chr(start)), re.escape(chr(prev))))
            start = None
    return ''.join(out)


WORD = re.compile(r'[\w' + _combining_marks() + r']+')
NO_SPACE = ((0x0E00, 0x0EFF), (0x0F00, 0x0FFF), (0x1000, 0x109F), (0x1780, 0x17FF), (0x19E0, 0x19FF),
            (0x3040, 0x30FF), (0x31F0, 0x31FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF),
            (0xFF66, 0xFF9F), (0x20000, 0x2FA1F))
NO_SPACE_CHAR = re.compile('[' + ''.join('%s-%s' % (chr(a), chr(b)) for a, b in NO_SPACE) + ']')
SPLIT = re.compile('(' + NO_SPACE_CHAR.pattern + ')')


def tokens(text):
    out = []
    for word in WORD.findall(unicodedata.normalize('NFKC', text or '').casefold()):
        if NO_SPACE_CHAR.search(word):
            out.extend(part for part in SPLIT.split(word) if part)
        else:
            out.append(word)
    return out


def prf(tp, n_pred, n_gold):
    if n_pred == 0 and n_gold == 0:
        return 1.0, 1.0, 1.0
    if n_pred == 0 or n_gold == 0 or tp == 0:
        return 0.0, 0.0, 0.0
    p, r = tp / n_pred, tp / n_gold
    return p, r, 2 * p * r / (p + r)


def read(path):
    try:
        with open(path, encoding='utf-8', errors='replace') as f:
            return f.read()
    except FileNotFoundError:
        return ''


def score(gold_dir, pred_dir):
    rows = []
    for name in sorted(f for f in os.listdir(gold_dir) if f.endswith('.txt')):
        gold = Counter(tokens(read(os.path.join(gold_dir, name))))
        pred = Counter(tokens(read(os.path.join(pred_dir, name))))
        tp = sum((gold & pred).values())
        rows.append((name[:-4],) + prf(tp, sum(pred.values()), sum(gold.values())))
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('gold_dir')
    parser.add_argument('pred_dir')
    parser.add_argument('--worst', type=int, default=0, help='list the N documents with the lowest F1')
    args = parser.parse_args()
    rows = score(args.gold_dir, args.pred_dir)
    n = len(rows) or 1
    for row in sorted(rows, key=lambda r: r[3])[:args.worst]:
        print('%s\tP=%.3f R=%.3f F1=%.3f' % row)
    print('P=%.4f R=%.4f F1=%.4f docs=%d' % (sum(r[1] for r in rows) / n, sum(r[2] for r in rows) / n,
                                            sum(r[3] for r in rows) / n, len(rows)))


if __name__ == '__main__':
    main()
