#!/usr/bin/env python3
"""Boilerplate F1 per sha1 half, over several sets and renderings, against a saved baseline.

    eval-halves.py [--winnow PATH] [--set NAME=DIR ...] [--save NAME] [--compare NAME]
                   [--pages-out FILE] [-- extra winnow options]

Pages split into half A (first byte of sha1(page id) even) and half B (odd), so a change can
be developed on A and checked on B. For each set and rendering, runs `winnow clean` and prints
macro token F1 overall and per half (metric: score_boilerplate.py). `--save NAME` stores the
per-page scores in /tmp/eval-halves/NAME.json; `--compare NAME` prints deltas against it and
the pages of half A that moved most.
"""
import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from score_boilerplate import tokens, prf, read  # noqa: E402

STORE = '/tmp/eval-halves'


def half(page):
    return 'A' if hashlib.sha1(page.encode()).digest()[0] % 2 == 0 else 'B'


def score_dir(gold_dir, pred_dir, gold_cache):
    out = {}
    for name in sorted(f for f in os.listdir(gold_dir) if f.endswith('.txt')):
        page = name[:-4]
        if page not in gold_cache:
            gold_cache[page] = Counter(tokens(read(os.path.join(gold_dir, name))))
        gold = gold_cache[page]
        pred = Counter(tokens(read(os.path.join(pred_dir, name))))
        tp = sum((gold & pred).values())
        out[page] = prf(tp, sum(pred.values()), sum(gold.values()))[2]
    return out


def macro(scores, which=None):
    values = [v for k, v in scores.items() if which is None or half(k) == which]
    return sum(values) / len(values) if values else 0.0


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument('--winnow', default=os.path.join(here, '..', '.build', 'release', 'winnow'))
    ap.add_argument('--set', action='append', default=[])
    ap.add_argument('--save')
    ap.add_argument('--compare')
    ap.add_argument('--top', type=int, default=8)
    ap.add_argument('extra', nargs='*')
    args = ap.parse_args()
    sets = [s.split('=', 1) for s in args.set] or [
        ['dev', os.path.join(here, '..', '..', 'shared', 'devset', 'boilerplate')], ['plain2', '/tmp/plainset2']]
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, directory in sets:
            gold_cache = {}
            for rendering in ('w3m', 'html2text'):
                out = os.path.join(tmp, name, rendering)
                os.makedirs(out)
                subprocess.run([args.winnow, 'clean', os.path.join(directory, rendering), '-o', out, '--quiet'] + args.extra,
                               check=False)
                results[f'{name}/{rendering}'] = score_dir(os.path.join(directory, 'gold'), out, gold_cache)
    if args.save:
        os.makedirs(STORE, exist_ok=True)
        with open(os.path.join(STORE, args.save + '.json'), 'w') as f:
            json.dump(results, f)
    base = None
    if args.compare:
        with open(os.path.join(STORE, args.compare + '.json')) as f:
            base = json.load(f)
    print(f'{"slot":18} {"all":>8} {"A":>8} {"B":>8}' + ('   dAll     dA      dB' if base else ''))
    for slot, scores in results.items():
        line = f'{slot:18} {macro(scores):8.4f} {macro(scores, "A"):8.4f} {macro(scores, "B"):8.4f}'
        if base:
            b = base[slot]
            line += f' {macro(scores) - macro(b):+7.4f} {macro(scores, "A") - macro(b, "A"):+7.4f} {macro(scores, "B") - macro(b, "B"):+7.4f}'
        print(line)
    if base:
        for slot, scores in results.items():
            moved = sorted(((scores[p] - base[slot].get(p, 0), p) for p in scores if half(p) == 'A'), key=lambda x: x[0])
            moved = [m for m in moved if abs(m[0]) > 1e-9]
            if moved:
                worst = ' '.join(f'{p}:{d:+.3f}' for d, p in moved[:args.top])
                best = ' '.join(f'{p}:{d:+.3f}' for d, p in moved[-args.top:][::-1])
                print(f'{slot} A pages moved={len(moved)}\n  down: {worst}\n  up:   {best}')


if __name__ == '__main__':
    main()
