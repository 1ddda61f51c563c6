#!/usr/bin/python3
"""GridSearchCV of TfidfVectorizer + LogisticRegression over C, 5 folds, n_jobs=2, on every fortune of
computers, linux and science (split as axon's loader does); prints the median fit time, the best C
and the mean CV accuracies. grid_search_text.cpp does the same with axon.
  /usr/bin/python3 bench/compare/grid_search_text.py [--runs N]"""
import os
os.environ["PYTHONWARNINGS"] = "ignore"  # also in joblib's worker processes
import warnings
import statistics
import sys
import time

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GridSearchCV
from sklearn.pipeline import make_pipeline

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools", "golden"))
from make_text_golden import topic_texts  # noqa: E402

warnings.filterwarnings("ignore")  # lbfgs max_iter warnings at C=100, as in the course
runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 3
texts, labels = [], []
for label, topic in enumerate(("computers", "linux", "science")):
    t = topic_texts(topic)
    texts += t
    labels += [label] * len(t)
times = []
for _ in range(runs):
    grid = GridSearchCV(make_pipeline(TfidfVectorizer(), LogisticRegression()),
                        {"logisticregression__C": [0.1, 1, 10, 100]}, cv=5, n_jobs=2)
    start = time.perf_counter()
    grid.fit(texts, labels)
    times.append(time.perf_counter() - start)
scores = " ".join(f"{v:.4f}" for v in grid.cv_results_["mean_test_score"])
print(f"texts {len(texts)}\nfit_s {statistics.median(times):.4f}\nbest_C {grid.best_params_['logisticregression__C']}\n"
      f"mean_test_scores {scores}")
