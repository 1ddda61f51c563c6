#include "axon/ml/neighbors/kneighbors_classifier.hpp"

#include "axon/core/creation.hpp"
#include "axon/core/error.hpp"
#include "axon/core/generator.hpp"
#include "axon/data/datasets.hpp"
#include "ml/neighbors/knn_golden.hpp"

#include <gtest/gtest.h>

namespace axon::ml {
namespace {

struct Split {
  Tensor Xtr, ytr, Xte;
};
const Split& digits() {
  static const Split s = [] {
    const data::Bunch d = data::load_digits();
    return Split{d.data.rows(0, 1000), d.target.rows(0, 1000), d.data.rows(1000, d.data.shape(0))};
  }();
  return s;
}

double proba_weighted(const Tensor& proba) {
  const auto p = proba.to_vector<double>();
  const std::int64_t n = proba.shape(0), c = proba.shape(1);
  double s = 0;
  for (std::int64_t i = 0; i < n; ++i)
    for (std::int64_t j = 0; j < c; ++j) s += p[i * c + j] * static_cast<double>((7 * i + 13 * j) % 101 + 1);
  return s;
}

// Required agreement: trained on the first 1000 digits, identical predictions on the other 797.
TEST(KNeighborsClassifier, DigitsPredictionsIdenticalToScikitLearn) {
  const auto& g = knn_golden::json()["digits"];
  const std::vector<std::pair<std::string, KNeighborsClassifierOptions>> configs = {
      {"uniform", {}},
      {"distance", {.weights = "distance"}},
      {"manhattan", {.metric = "manhattan"}},
      {"cosine", {.n_neighbors = 3, .metric = "cosine"}},
      {"k1", {.n_neighbors = 1}},
  };
  for (const auto& [name, options] : configs) {
    SCOPED_TRACE(name);
    auto clf = KNeighborsClassifier(options).fit(digits().Xtr, digits().ytr);
    EXPECT_EQ(clf.fit_method(), "brute");  // 64 features
    EXPECT_EQ(clf.predict(digits().Xte).to_vector<std::int64_t>(), g[name]["predict"].get<std::vector<std::int64_t>>());
    const Tensor proba = clf.predict_proba(digits().Xte);
    EXPECT_NEAR(proba_weighted(proba), g[name]["proba_weighted"].get<double>(), 1e-9);
    EXPECT_TENSOR_NEAR(proba.rows(0, 1), g[name]["proba_row0"].get<std::vector<double>>(), 1e-12);
  }
}

TEST(KNeighborsClassifier, SparseInputGivesTheSamePredictions) {
  const auto& g = knn_golden::json()["digits"];
  for (const std::string metric : {"euclidean", "manhattan"}) {
    SCOPED_TRACE(metric);
    auto clf = KNeighborsClassifier({.metric = metric}).fit(SparseMatrix::from_dense(digits().Xtr), digits().ytr);
    const std::string key = metric == "euclidean" ? "uniform" : "manhattan";
    EXPECT_EQ(clf.predict(SparseMatrix::from_dense(digits().Xte)).to_vector<std::int64_t>(),
              g[key]["predict"].get<std::vector<std::int64_t>>());
  }
}

TEST(KNeighborsClassifier, KdTreeOnIrisMatchesScikitLearnAndBrute) {
  const auto& g = knn_golden::json()["iris"];
  const data::Bunch iris = data::load_iris();
  std::vector<std::int64_t> train, test;
  for (std::int64_t i = 0; i < 150; ++i) (i % 3 ? train : test).push_back(i);
  const Tensor Xtr = Data(iris.data).take(train), Xte = Data(iris.data).take(test);
  const Tensor ytr = Data(iris.target).take(train);
  auto tree = KNeighborsClassifier({.n_neighbors = 7}).fit(Xtr, ytr);
  EXPECT_EQ(tree.fit_method(), "kd_tree");  // auto: 4 features
  auto brute = KNeighborsClassifier({.n_neighbors = 7, .algorithm = "brute"}).fit(Xtr, ytr);
  EXPECT_EQ(tree.predict(Xte).to_vector<std::int64_t>(), g["kd_tree"].get<std::vector<std::int64_t>>());
  EXPECT_EQ(brute.predict(Xte).to_vector<std::int64_t>(), g["brute"].get<std::vector<std::int64_t>>());
  const KNeighborsResult a = tree.kneighbors(Xte), b = brute.kneighbors(Xte);
  EXPECT_TENSOR_NEAR(a.distances, b.distances, 1e-12, 1e-12);
  double sum = 0;
  for (double v : a.distances.to_vector<double>()) sum += v;
  EXPECT_NEAR(sum, g["kd_tree_distances_sum"].get<double>(), 1e-10);
}

TEST(KNeighborsClassifier, KdTreeAgreesWithBruteOnIntegerDataWithTies) {
  // Small integer coordinates: many exactly tied distances. Both give the same k distances; the
  // rows nearer than the k-th distance are the same, and rows tied at the k-th distance may differ
  // (the tree keeps the lowest indices, brute scikit-learn's heap choice).
  Generator gen(7);
  const Tensor X = randint(0, 4, {300, 3}, {.dtype = Dtype::float64}, gen);
  const Tensor Q = randint(0, 4, {50, 3}, {.dtype = Dtype::float64}, gen);
  const std::int64_t k = 9;
  for (const std::string metric : {"euclidean", "manhattan"}) {
    SCOPED_TRACE(metric);
    NearestNeighbors tree({.n_neighbors = k, .algorithm = "kd_tree", .leaf_size = 5, .metric = metric});
    NearestNeighbors brute({.n_neighbors = k, .algorithm = "brute", .metric = metric});
    tree.fit(X);
    brute.fit(X);
    const KNeighborsResult a = tree.kneighbors(Q), b = brute.kneighbors(Q);
    EXPECT_TENSOR_NEAR(a.distances, b.distances, 0.0, 0.0);
    const auto d = a.distances.to_vector<double>();
    const auto ia = a.indices.to_vector<std::int64_t>(), ib = b.indices.to_vector<std::int64_t>();
    for (std::int64_t i = 0; i < Q.shape(0); ++i)
      for (std::int64_t c = 0; c < k && d[i * k + c] < d[i * k + k - 1]; ++c)
        EXPECT_EQ(ia[i * k + c], ib[i * k + c]) << "query " << i;
  }
}

TEST(KNeighborsClassifier, DistanceWeightsWithAnExactMatchAndErrors) {
  const Tensor X = tensor({{0.0}, {1.0}, {2.0}}, {.dtype = Dtype::float64});
  const Tensor y = from_vector(std::vector<std::int64_t>{0, 1, 1});
  auto clf = KNeighborsClassifier({.n_neighbors = 3, .weights = "distance"}).fit(X, y);
  // The query equals training row 0: it takes all the weight.
  EXPECT_TENSOR_NEAR(clf.predict_proba(tensor({{0.0}}, {.dtype = Dtype::float64})), {1.0, 0.0}, 0.0);
  EXPECT_THROW_MESSAGE(KNeighborsClassifier({.n_neighbors = 4}).fit(X, y).predict(X), ValueError, "n_neighbors <= n_samples_fit = 3");
  EXPECT_THROW_MESSAGE(KNeighborsClassifier({.metric = "hamming"}).fit(X, y), ValueError, "metric must be");
  EXPECT_THROW_MESSAGE(KNeighborsClassifier({.weights = "gaussian"}).fit(X, y), ValueError, "weights must be");
  EXPECT_THROW_MESSAGE(KNeighborsClassifier().predict(X), NotFittedError, "KNeighborsClassifier");
  EXPECT_THROW_MESSAGE(clf.predict(tensor({{0.0, 1.0}}, {.dtype = Dtype::float64})), ShapeError, "X has 2 features");
  EXPECT_EQ(to_string(clf.get_params().at("metric")), "'minkowski'");
}

}  // namespace
}  // namespace axon::ml
