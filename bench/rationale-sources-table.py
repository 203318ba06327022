#!/usr/bin/env python3
"""The rationale-sources grid (issue 28) read across sources: for each metric, every recipe's mean +- sd per source,
the paired per-seed difference of each source from the rules source (same notes, labels and seeds; --against=SOURCE
for another, e.g. --against=llm to separate the noise from the LLM style), and each recipe's
paired difference from r2d within each source. Reads the results.json of each source's report (docs/experiments/
rationale-sources-<source>/results.json, or any r2d experiment --out folder). A difference is called only where every
seed has the same sign and its mean exceeds the larger seed spread of the two sides (docs/experiments.md).
usage: rationale-sources-table.py DIR [DIR ...] [--metrics=a,b,...] [--against=SOURCE]"""
import json, os, statistics, sys

DEFAULT = ['accuracy', 'macro_f1', 'fully_faithful', 'cited_findings_in_note', 'rule_correct', 'unsupported_numbers',
           'novel_content_words', 'counterfactual_follows_rules', 'coverage', 'error_when_deciding']

# recipes without rationales, and the metrics that mean something for them
LABEL_ONLY = {'sft'}
LABEL_METRICS = {'accuracy', 'macro_f1', 'counterfactual_follows_rules', 'coverage', 'error_when_deciding', 'ece'}


def load(d):
    r = json.load(open(os.path.join(d, 'results.json')))
    source = r['name'].replace('rationale-sources-', '')
    return source, r


def per_seed(r, metric, recipe):
    m = r['metrics'].get(metric)
    if not m or recipe not in m['recipes']:
        return None
    return dict(zip(m['seeds'], m['recipes'][recipe]['values']))


def fmt(v):
    return '–' if v is None else f'{v:.3f}'


def spread(vals):
    vals = [v for v in vals if v is not None]
    return statistics.stdev(vals) if len(vals) > 1 else 0.0


def called(diffs, sd_a, sd_b):
    if not diffs or any(d is None for d in diffs):
        return ''
    same = all(d > 0 for d in diffs) or all(d < 0 for d in diffs)
    return ' **(called)**' if same and abs(statistics.mean(diffs)) > max(sd_a, sd_b) else ''


def paired(a, b):
    """b - a per common seed, with both sides' spreads."""
    if a is None or b is None:
        return None
    seeds = sorted(set(a) & set(b))
    diffs = [None if a[s] is None or b[s] is None else b[s] - a[s] for s in seeds]
    return diffs, spread(a.values()), spread(b.values())


def describe(p):
    if p is None:
        return '–'
    diffs, sa, sb = p
    if any(d is None for d in diffs):
        return '–'
    return f"{statistics.mean(diffs):+.3f} ({', '.join(f'{d:+.3f}' for d in diffs)}){called(diffs, sa, sb)}"


def main():
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    metrics = DEFAULT
    against = 'rules'
    for a in sys.argv[1:]:
        if a.startswith('--metrics='):
            metrics = a.split('=', 1)[1].split(',')
        elif a.startswith('--against='):
            against = a.split('=', 1)[1]
    if not args:
        sys.exit(__doc__)
    sources = dict(load(d) for d in args)
    recipes = []
    for r in sources.values():
        recipes += [x for x in r['recipes'] if x not in recipes]
    for metric in metrics:
        title = next((r['metrics'][metric]['title'] for r in sources.values() if metric in r['metrics']), metric)
        print(f'\n### {title} (`{metric}`)\n')
        print('| recipe | ' + ' | '.join(list(sources) + [f'{s} − {against}' for s in sources if s != against]) + ' |')
        print('|---' * (1 + len(sources) + sum(1 for s in sources if s != against)) + '|')
        for recipe in recipes:
            if recipe in LABEL_ONLY and metric not in LABEL_METRICS:
                continue
            cells = []
            for r in sources.values():
                v = per_seed(r, metric, recipe)
                vals = None if v is None else [x for x in v.values() if x is not None]
                cells.append('–' if not vals else f'{statistics.mean(vals):.3f} ± {spread(vals):.3f}')
            base = per_seed(sources[against], metric, recipe) if against in sources else None
            for s, r in sources.items():
                if s != against:
                    cells.append(describe(paired(base, per_seed(r, metric, recipe))))
            print(f'| {recipe} | ' + ' | '.join(cells) + ' |')
        print('\nWithin each source, each recipe − r2d (per seed):\n')
        print('| recipe | ' + ' | '.join(sources) + ' |')
        print('|---' * (1 + len(sources)) + '|')
        for recipe in recipes:
            if recipe == 'r2d' or recipe in LABEL_ONLY and metric not in LABEL_METRICS:
                continue
            cells = [describe(paired(per_seed(r, metric, 'r2d'), per_seed(r, metric, recipe)))
                     for r in sources.values()]
            print(f'| {recipe} | ' + ' | '.join(cells) + ' |')


if __name__ == '__main__':
    main()
