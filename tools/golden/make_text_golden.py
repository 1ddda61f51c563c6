#!/usr/bin/python3
"""Golden references for axon's text floor (CountVectorizer, TfidfVectorizer), from scikit-learn.

Writes
  tests/golden/text.json          what sklearn's vectorizers give on a fortunes corpus (vocabulary
                                  checksums and ends, per-row nnz, whole-matrix checksums, a few
                                  full rows, idf), for several option sets, plus analyzer outputs
                                  on strings that exercise Unicode \\w and lower();
  src/text/english_stop_words.inc sklearn's ENGLISH_STOP_WORDS (sorted), compiled into axon;
  src/text/unicode_tables.inc     Python's \\w (str.isalnum() or '_') as code-point range
                                  boundaries, and str.lower() as runs of (first, last, delta, step),
                                  so that axon's tokenizer splits and lowercases exactly as re/str do.

The corpus is data::load_fortunes() split exactly as src/data/fortunes.cpp does: texts between
lines holding only '%', trailing newlines removed, empty texts dropped; the first 100 texts of
"computers", "linux" and "science", then the last 3 of "law" and of "computers" (which hold
non-ASCII characters, some of them mojibake such as "donâ€™t").

Run with Debian's Python (the pyenv python3 first on PATH has no scikit-learn):
    /usr/bin/python3 tools/golden/make_text_golden.py
"""
import json
import os
import re
import sys

import numpy as np
import sklearn
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, CountVectorizer, TfidfVectorizer

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
FORTUNES = "/usr/share/games/fortunes"


def topic_texts(topic):
    with open(os.path.join(FORTUNES, topic), "rb") as f:
        content = f.read().decode("utf-8")
    texts, lines = [], []
    for line in content.split("\n"):
        if line in ("%", "%\r"):
            texts.append("\n".join(lines).rstrip("\r\n"))
            lines = []
        else:
            lines.append(line)
    texts.append("\n".join(lines).rstrip("\r\n"))
    return [t for t in texts if t]


def corpus():
    train = []
    for topic in ("computers", "linux", "science"):
        train += topic_texts(topic)[:100]
    train += topic_texts("law")[-3:] + topic_texts("computers")[-3:]
    test = topic_texts("science")[100:150]
    return train, test


def fnv1a(terms):
    """FNV-1a 64 of the UTF-8 terms, each followed by a newline (axon's test computes the same)."""
    h = 0xCBF29CE484222325
    for t in terms:
        for b in t.encode("utf-8") + b"\n":
            h ^= b
            h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return f"{h:016x}"


def checksum(X):
    """sum of values, sum of squares, and sum of value * ((7 i + 13 j) mod 101 + 1)."""
    X = X.tocoo()
    w = (7 * X.row.astype(np.int64) + 13 * X.col.astype(np.int64)) % 101 + 1
    d = X.data.astype(np.float64)
    return [float(d.sum()), float((d * d).sum()), float((d * w).sum())]


def rows(X, picks):
    X = X.tocsr()
    out = {}
    for i in picks:
        r = X.getrow(i).tocoo()
        order = np.argsort(r.col)
        out[str(i)] = [[int(r.col[k]), float(r.data[k])] for k in order]
    return out


def describe(vec, X, X_test, with_idf):
    names = [str(t) for t in vec.get_feature_names_out()]
    X = X.tocsr()
    out = {
        "n_features": len(names),
        "vocab_fnv1a": fnv1a(names),
        "first_terms": names[:15],
        "last_terms": names[-15:],
        "row_nnz": [int(v) for v in np.diff(X.indptr)],
        "checksum": checksum(X),
        "rows": rows(X, [0, 1, 150, X.shape[0] - 1]),
        "test_checksum": checksum(X_test),
        "test_rows": rows(X_test, [0, 7]),
    }
    if len(names) <= 120:
        out["terms"] = names
    if with_idf:
        idf = vec.idf_
        out["idf_head"] = [float(v) for v in idf[:10]]
        out["idf_sum"] = float(idf.sum())
        out["idf_weighted"] = float((idf * (np.arange(len(idf)) % 17 + 1)).sum())
    return out


CASES = [
    ("count_default", CountVectorizer, {}),
    ("count_ngrams", CountVectorizer,
     {"ngram_range": (1, 2), "min_df": 2, "max_df": 0.5, "stop_words": "english", "binary": True}),
    # 98: no tie in corpus counts at the cut (numpy's unstable argsort would decide a tie; axon keeps
    # the earlier term in sorted order).
    ("count_max_features", CountVectorizer, {"max_features": 98, "lowercase": False}),
    ("count_min_df_proportion", CountVectorizer, {"min_df": 0.01, "max_df": 40}),
    ("tfidf_default", TfidfVectorizer, {}),
    ("tfidf_sublinear_l1", TfidfVectorizer,
     {"sublinear_tf": True, "norm": "l1", "smooth_idf": False, "ngram_range": (1, 2), "min_df": 2}),
    ("tfidf_no_idf_no_norm", TfidfVectorizer, {"use_idf": False, "norm": None, "lowercase": False}),
    ("tfidf_stop_words_trigrams", TfidfVectorizer, {"stop_words": "english", "ngram_range": (2, 3), "binary": True}),
]

ANALYZER_INPUTS = [
    "Hello, World! It's a 2nd test_case.",
    "Here\u00e2\u20ac\u2122s the thing: they don\u00e2\u20ac\u2122t write.",
    "\u00c9COLE Stra\u00dfe \u00dcBER \u0391\u0392\u0393 \u041f\u0420\u0418\u0412\u0415\u0422 x\u00b2 \u00bd caf\u00e9",
    "\u2460\u2461 \u3042\u3044 \u00d7\u00f7 a\u2014b \u00ab\u00bbq\u00bb \u00aa\u00ba",
]


def stop_words_inc():
    words = sorted(ENGLISH_STOP_WORDS)
    lines = ["// Generated by tools/golden/make_text_golden.py from sklearn.feature_extraction.text.",
             f"// ENGLISH_STOP_WORDS (scikit-learn {sklearn.__version__}), sorted. Do not edit.",
             "constexpr std::string_view kEnglishStopWords[] = {"]
    line = "   "
    for w in words:
        item = f' "{w}",'
        if len(line) + len(item) > 100:
            lines.append(line)
            line = "   "
        line += item
    lines.append(line)
    lines.append("};")
    return "\n".join(lines) + "\n"


def unicode_inc():
    word = re.compile(r"\w")
    bounds, prev = [], False
    for c in range(0x80, 0x110000):
        m = False if 0xD800 <= c < 0xE000 else bool(word.match(chr(c)))
        if m != prev:
            bounds.append(c)
            prev = m
    runs = []  # [first, last, delta, step]
    for c in range(0x80, 0x110000):
        if 0xD800 <= c < 0xE000:
            continue
        low = chr(c).lower()
        if len(low) != 1 or low == chr(c):
            continue
        d = ord(low) - c
        if runs and runs[-1][2] == d and c - runs[-1][1] in (1, 2) and runs[-1][3] in (0, c - runs[-1][1]):
            runs[-1][3] = c - runs[-1][1]
            runs[-1][1] = c
        else:
            runs.append([c, c, d, 0])
    out = ["// Generated by tools/golden/make_text_golden.py from Python " + sys.version.split()[0] + "'s re and str.",
           "// Do not edit.",
           "// Code points >= 0x80 that Python's re \\w matches (str.isalnum() or '_'): a code point is a",
           "// word character iff an odd number of these boundaries are <= it.",
           "constexpr char32_t kWordBoundaries[] = {"]
    for i in range(0, len(bounds), 10):
        out.append("    " + ", ".join(f"0x{b:X}" for b in bounds[i:i + 10]) + ",")
    out.append("};")
    out.append("// str.lower() for code points >= 0x80 whose lowercase is one code point: c in [first, last]")
    out.append("// with (c - first) % step == 0 (step 0: a single code point) maps to c + delta. U+0130 (lower")
    out.append("// is two code points) is handled in the tokenizer.")
    out.append("struct LowerRun { char32_t first, last; std::int32_t delta; std::uint32_t step; };")
    out.append("constexpr LowerRun kLowerRuns[] = {")
    for i in range(0, len(runs), 4):
        out.append("    " + " ".join(f"{{0x{a:X}, 0x{b:X}, {d}, {s}}}," for a, b, d, s in runs[i:i + 4]))
    out.append("};")
    return "\n".join(out) + "\n"


def main():
    train, test = corpus()
    golden = {
        "versions": {"sklearn": sklearn.__version__, "numpy": np.__version__},
        "corpus": {"n_train": len(train), "n_test": len(test), "train_fnv1a": fnv1a(train)},
        "analyzer": [{"text": s, "lower": CountVectorizer().build_analyzer()(s),
                      "keep_case": CountVectorizer(lowercase=False).build_analyzer()(s)} for s in ANALYZER_INPUTS],
        "cases": {},
    }
    for name, cls, kwargs in CASES:
        vec = cls(**kwargs)
        X = vec.fit_transform(train)
        X_test = vec.transform(test)
        entry = describe(vec, X, X_test, cls is TfidfVectorizer and kwargs.get("use_idf", True))
        entry["options"] = {k: list(v) if isinstance(v, tuple) else v for k, v in kwargs.items()}
        golden["cases"][name] = entry

    def write(rel, text):
        path = os.path.join(ROOT, rel)
        with open(path, "w") as f:
            f.write(text)
        print(f"wrote {rel}", file=sys.stderr)

    write("tests/golden/text.json", json.dumps(golden, indent=None, separators=(",", ":")) + "\n")
    write("src/text/english_stop_words.inc", stop_words_inc())
    write("src/text/unicode_tables.inc", unicode_inc())


if __name__ == "__main__":
    main()
