#!/usr/bin/python3
"""The course's text pipeline under GridSearchCV on a fortunes sample, by scikit-learn.

  tests/golden/grid_search_text.json   mean and per-fold CV accuracy for each C, and the best C

Run with Debian's python3 (python3-sklearn): /usr/bin/python3 tools/golden/make_grid_search_golden.py
The corpus: the first 120 fortunes of each of computers, linux and science, split into texts as
src/data/fortunes.cpp does (make_text_golden.topic_texts), labels 0, 1, 2 in that order.
"""
import json
import os
import sys

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GridSearchCV
from sklearn.pipeline import make_pipeline

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_text_golden import topic_texts  # noqa: E402

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
TOPICS = ("computers", "linux", "science")
PER_TOPIC = 120
C_GRID = [0.1, 1, 10, 100]


def main():
    texts, labels = [], []
    for label, topic in enumerate(TOPICS):
        t = topic_texts(topic)[:PER_TOPIC]
        texts += t
        labels += [label] * len(t)
    grid = GridSearchCV(make_pipeline(TfidfVectorizer(), LogisticRegression()),
                        {"logisticregression__C": C_GRID}, cv=5)
    grid.fit(texts, labels)
    r = grid.cv_results_
    out = {
        "topics": list(TOPICS), "per_topic": PER_TOPIC, "C": C_GRID,
        "mean_test_score": [float(v) for v in r["mean_test_score"]],
        "split_test_scores": [[float(r[f"split{k}_test_score"][i]) for k in range(5)] for i in range(len(C_GRID))],
        "best_C": float(grid.best_params_["logisticregression__C"]),
        "best_score": float(grid.best_score_),
    }
    with open(os.path.join(ROOT, "tests", "golden", "grid_search_text.json"), "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
