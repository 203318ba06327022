# Generates src/test/resources/eval/nltk_bleu_extra.json with NLTK 3.8 (Debian python3-nltk 3.8-1):
# tokens and sentence BLEU (method4) for tricky texts, following nltk_bleu_cases.json's definition.
# Run: /usr/bin/python3 scripts/golden/nltk_bleu_extra.py > src/test/resources/eval/nltk_bleu_extra.json
import json, random, re
import nltk
from nltk.tokenize import NLTKWordTokenizer
from nltk.translate.bleu_score import sentence_bleu, SmoothingFunction

tok = NLTKWordTokenizer()

def tokens(text):
    out = []
    for s in re.split(r"(?<=[.!?])\s+", text.lower()):
        out.extend(tok.tokenize(s))
    return out

fixed = [
    ("He said \"no\" -- then left...", "He said 'no' and left."),
    ("I can't, won't and shouldn't go; gonna stay. 'Tis fine!", "I cannot go, I'll stay."),
    ("Dose: 5 mg/kg (max. 40mg) q.i.d.?", "Dose 5 mg/kg, max 40 mg, four times daily."),
    ("«Quoted» “curly” ‘single’ text… and – dashes — here", "Quoted curly single text and dashes here"),
    ("Price $3.88, 3,36 euros @ home #1 & more*stars*", "price 3.88 euros at home"),
    ("  Leading and trailing spaces.  ", "Leading and trailing spaces."),
    ("Multiple   spaces\tand\nnewlines. Next sentence!Next?", "multiple spaces and newlines"),
    ("Ünïcödé façade naïve café. Résumé.", "Unicode facade naive cafe resume"),
    ("It's the patients' choice; they're sure it'd work.", "the patients chose it"),
    ("[brackets] {braces} <angles> (parens)", "brackets braces angles parens"),
    ("e.g. i.e. etc. U.S.A. Dr. Smith", "for example Dr Smith"),
    ("''double single'' and ``backticks``", "double single and backticks"),
    ("a", "a a a a"),
    ("the the the the the the the", "the cat is on the mat"),
    ("one two", "one two three four five six"),
    ("x y z w v", "x y z w v"),
    ("Ça va? Oui! Non.", "ça va oui non"),
    ("100% of 2/3 patients (p<0.05).", "all patients p < 0.05"),
    ("Wanna gimme more'n that? Lemme see.", "want to give me more than that"),
    ("ends with quote.\"", "ends with quote"),
]
words = ["the", "patient", "trial", "aspirin", "risk", "no", "yes", "maybe", "was", "is", "high", "low",
         "stroke", "2", "10%", "mg", "ECG", "don't", "it's", "(", ")", ",", ";", ":", "\"", "'", "-", "--",
         "...", "!", "?", ".", "dr.", "e.g.", "3.5", "1,000", "O'Neil", "«", "»", "—", "&", "#1"]
rng = random.Random(20240601)
def rand_text():
    n = rng.randint(0, 18)
    parts = [rng.choice(words) for _ in range(n)]
    seps = [rng.choice([" ", " ", " ", "", "  ", "\t"]) for _ in range(n)]
    return "".join(p + s for p, s in zip(parts, seps))
pairs = list(fixed) + [(rand_text(), rand_text()) for _ in range(120)]
cases = []
for h, r in pairs:
    ht, rt = tokens(h), tokens(r)
    b = 0.0 if not ht else sentence_bleu([rt], ht, weights=(0.25,) * 4,
                                         smoothing_function=SmoothingFunction().method4)
    cases.append({"hyp": h, "ref": r, "hyp_tokens": ht, "ref_tokens": rt, "bleu": float(b)})
print(json.dumps({"nltk": nltk.__version__, "generator": "scripts/golden/nltk_bleu_extra.py", "cases": cases},
                 ensure_ascii=False, indent=1))
