# Generates src/test/resources/eval/text_metrics_extra.json: sacreBLEU 2.6.0 corpus/sentence BLEU and chrF, and
# rouge-score ROUGE-1/2/L, for the pairs of nltk_bleu_extra.json. Needs sacreBLEU 2.6.0's source on PYTHONPATH
# and a module rouge_oracle with rouge-score's score(target, prediction) -> {type: (p, r, f)}.
# Run: PYTHONPATH=... python3 scripts/golden/text_metrics_extra.py > src/test/resources/eval/text_metrics_extra.json
import json, sys
import sacrebleu
import rouge_oracle

pairs = [(c["hyp"], c["ref"]) for c in json.load(open("src/test/resources/eval/nltk_bleu_extra.json"))["cases"]]
hyps = [h for h, _ in pairs]
refs = [r for _, r in pairs]
bleu = sacrebleu.BLEU()
corpus = bleu.corpus_score(hyps, [refs])
out = {
    "sacrebleu": sacrebleu.__version__,
    "generator": "scripts/golden/text_metrics_extra.py",
    "corpus_bleu": corpus.score,
    "corpus_bleu_signature": str(bleu.get_signature()),
    "corpus_chrf": sacrebleu.corpus_chrf(hyps, [refs]).score,
    "cases": [],
}
for h, r in pairs:
    rs = rouge_oracle.score(r, h)
    out["cases"].append({
        "hyp": h, "ref": r,
        "sentence_bleu": sacrebleu.sentence_bleu(h, [r]).score,
        "sentence_chrf": sacrebleu.sentence_chrf(h, [r]).score,
        "rouge": {k: list(v) for k, v in rs.items()},
    })
print(json.dumps(out, ensure_ascii=False, indent=1))
