#include "axon/ml/saving.hpp"

#include "axon/core/creation.hpp"
#include "axon/data/datasets.hpp"
#include "axon/ml.hpp"
#include "support/testing.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace axon::ml {
namespace {

struct TempDir {
  std::filesystem::path path = std::filesystem::temp_directory_path() / ("axon_ml_saving_" + std::to_string(::getpid()));
  TempDir() { std::filesystem::create_directories(path); }
  ~TempDir() { std::filesystem::remove_all(path); }
  std::filesystem::path operator/(const std::string& name) const { return path / name; }
};

// Saves, loads, and checks that the copy has the class, the hyperparameters and exactly the outputs
// of the original.
void expect_round_trip(const Estimator& e, const Tensor& X, const std::filesystem::path& path) {
  SCOPED_TRACE(e.name());
  save(e, path);
  const std::unique_ptr<Estimator> back = load(path);
  EXPECT_EQ(back->name(), e.name());
  EXPECT_EQ(back->get_params(), e.get_params());
  ASSERT_TRUE(back->fitted());
  if (e.kind() == Estimator::Kind::transformer) {
    EXPECT_EQ(back->transform(X).to_dense().to_vector<double>(), e.transform(X).to_dense().to_vector<double>());
    return;
  }
  const Tensor a = e.predict(X), b = back->predict(X);
  EXPECT_EQ(a.dtype(), b.dtype());
  EXPECT_EQ(a.to_vector<double>(), b.to_vector<double>());
  if (e.kind() == Estimator::Kind::classifier) {
    EXPECT_EQ(back->predict_proba(X).to_vector<double>(), e.predict_proba(X).to_vector<double>());
    EXPECT_EQ(back->classes().to_vector<double>(), e.classes().to_vector<double>());
  }
}

TEST(Saving, FittedEstimatorsPredictTheSameAfterReloading) {
  TempDir dir;
  const data::Bunch iris = data::load_iris(), diabetes = data::load_diabetes();
  const Tensor Xi = iris.data, yi = iris.target, Xd = diabetes.data, yd = diabetes.target;
  expect_round_trip(DecisionTreeClassifier({.max_depth = 4, .random_state = 0}).fit(Xi, yi), Xi, dir / "tree.axon");
  expect_round_trip(DecisionTreeRegressor({.criterion = "friedman_mse", .random_state = 0}).fit(Xd, yd), Xd, dir / "reg.axon");
  expect_round_trip(RandomForestClassifier({.n_estimators = 12, .oob_score = true, .random_state = 3}).fit(Xi, yi), Xi,
                    dir / "rf.axon");
  expect_round_trip(RandomForestRegressor({.n_estimators = 6, .max_depth = 5, .random_state = 1}).fit(Xd, yd), Xd,
                    dir / "rfr.axon");
  expect_round_trip(LinearRegression().fit(Xd, yd), Xd, dir / "lr.axon");
  expect_round_trip(Ridge({.alpha = 0.5}).fit(Xd, yd), Xd, dir / "ridge.axon");
  expect_round_trip(Lasso({.alpha = 0.1}).fit(Xd, yd), Xd, dir / "lasso.axon");
  expect_round_trip(ElasticNet({.alpha = 0.1, .l1_ratio = 0.3}).fit(Xd, yd), Xd, dir / "enet.axon");
  expect_round_trip(LogisticRegression({.C = 2.0, .max_iter = 500}).fit(Xi, yi), Xi, dir / "logreg.axon");
  expect_round_trip(StandardScaler().fit(Xd), Xd, dir / "scaler.axon");
  expect_round_trip(MinMaxScaler().fit(Xd), Xd, dir / "minmax.axon");

  const data::Bunch cancer = data::load_breast_cancer();
  const Tensor Xc = cancer.data.rows(0, 200), yc = cancer.target.rows(0, 200);
  expect_round_trip(ExtraTreesClassifier({.n_estimators = 5, .random_state = 0}).fit(Xi, yi), Xi, dir / "et.axon");
  expect_round_trip(GradientBoostingClassifier({.n_estimators = 8, .random_state = 0}).fit(Xi, yi), Xi, dir / "gbc.axon");
  expect_round_trip(GradientBoostingClassifier({.n_estimators = 8, .subsample = 0.7, .random_state = 0}).fit(Xc, yc), Xc,
                    dir / "gbc2.axon");
  expect_round_trip(GradientBoostingRegressor({.loss = "huber", .n_estimators = 10, .random_state = 0}).fit(Xd, yd), Xd,
                    dir / "gbr.axon");
  expect_round_trip(AdaBoostClassifier({.n_estimators = 10, .random_state = 0}).fit(Xc, yc), Xc, dir / "ada.axon");
  expect_round_trip(AdaBoostClassifier({.estimator = DecisionTreeClassifier({.max_depth = 2}), .n_estimators = 5,
                                        .algorithm = "SAMME", .random_state = 0})
                        .fit(Xi, yi),
                    Xi, dir / "ada_samme.axon");
  // Bagging around a pipeline-free non-tree learner: the template estimator (its class and
  // hyperparameters) comes back too.
  expect_round_trip(BaggingClassifier({.estimator = LogisticRegression({.C = 0.5, .max_iter = 300}), .n_estimators = 4,
                                       .max_features = 0.5, .oob_score = true, .random_state = 0})
                        .fit(Xi, yi),
                    Xi, dir / "bag.axon");
  expect_round_trip(BaggingRegressor({.n_estimators = 4, .random_state = 0}).fit(Xd, yd), Xd, dir / "bagr.axon");
  expect_round_trip(HistGradientBoostingClassifier({.max_iter = 15, .early_stopping = false}).fit(Xi, yi), Xi, dir / "hgb.axon");
  Tensor Xn = Xc.clone();  // missing values: the saved trees still route them
  for (std::int64_t i = 0; i < 200; i += 7) Xn.data<double>()[i * 30 + 3] = std::nan("");
  expect_round_trip(HistGradientBoostingClassifier({.max_iter = 10, .random_state = 0}).fit(Xn, yc), Xn, dir / "hgb2.axon");
  expect_round_trip(HistGradientBoostingRegressor({.loss = "absolute_error", .max_iter = 10}).fit(Xd, yd), Xd, dir / "hgbr.axon");
  save(BaggingClassifier({.estimator = Ridge({.alpha = 3.0}), .n_estimators = 3}), dir / "bag_unfitted.axon");
  EXPECT_EQ(load(dir / "bag_unfitted.axon")->get_params(),
            BaggingClassifier({.estimator = Ridge({.alpha = 3.0}), .n_estimators = 3}).get_params());

  Pipeline pipe = make_pipeline(StandardScaler(), LogisticRegression());
  pipe.fit(Xi, yi);
  expect_round_trip(pipe, Xi, dir / "pipe.axon");
  auto back = load_as<Pipeline>(dir / "pipe.axon");
  EXPECT_EQ(back->steps()[0].name, "standardscaler");
  EXPECT_EQ(back->steps()[1].name, "logisticregression");

  auto rf = load_as<RandomForestClassifier>(dir / "rf.axon");
  EXPECT_EQ(rf->trees().size(), 12u);
  EXPECT_EQ(rf->oob_score(), RandomForestClassifier({.n_estimators = 12, .oob_score = true, .random_state = 3}).fit(Xi, yi).oob_score());
}

TEST(Saving, UnfittedEstimatorKeepsItsHyperparameters) {
  TempDir dir;
  save(RandomForestClassifier({.n_estimators = 7, .max_depth = 3}), dir / "unfitted.axon");
  auto back = load_as<RandomForestClassifier>(dir / "unfitted.axon");
  EXPECT_FALSE(back->fitted());
  EXPECT_EQ(std::get<std::int64_t>(back->get_params().at("n_estimators")), 7);
  EXPECT_EQ(std::get<std::int64_t>(back->get_params().at("max_depth")), 3);
}

TEST(Saving, BadFilesAndWrongClassesAreClearErrors) {
  TempDir dir;
  const data::Bunch iris = data::load_iris();
  save(DecisionTreeClassifier({.random_state = 0}).fit(iris.data, iris.target), dir / "tree.axon");
  EXPECT_THROW_MESSAGE(load_as<Ridge>(dir / "tree.axon"), ValueError, "holds a DecisionTreeClassifier, not a Ridge");
  EXPECT_THROW_MESSAGE(load(dir / "missing.axon"), IoError, "cannot open");

  // Truncated: the checksum no longer matches.
  const auto size = std::filesystem::file_size(dir / "tree.axon");
  std::filesystem::copy_file(dir / "tree.axon", dir / "cut.axon");
  std::filesystem::resize_file(dir / "cut.axon", size - 100);
  EXPECT_THROW_MESSAGE(load(dir / "cut.axon"), IoError, "corrupt or truncated");

  // An estimator that cannot be saved says so, and leaves no file behind.
  const auto knn = KNeighborsClassifier().fit(iris.data, iris.target);
  EXPECT_THROW_MESSAGE(save(knn, dir / "knn.axon"), ValueError, "KNeighborsClassifier cannot be saved yet");
  EXPECT_FALSE(std::filesystem::exists(dir / "knn.axon"));
}

// A user's own estimator: saved like any other, loadable once its class is registered.
struct MeanRegressorOptions {
  double shrink = 1.0;
};
class MeanRegressor : public EstimatorBase<MeanRegressor, MeanRegressorOptions> {
 public:
  using EstimatorBase::EstimatorBase;
  std::string name() const override { return "MeanRegressor"; }
  Kind kind() const override { return Kind::regressor; }
  MeanRegressor& fit(const Data& X, const Tensor& y = {}) override {
    check_y(X, y, "MeanRegressor.fit");
    double s = 0;
    for (double v : y.to_vector<double>()) s += v;
    mean_ = options_.shrink * s / static_cast<double>(y.numel());
    return *this;
  }
  Tensor predict(const Data& X) const override {
    return from_vector(std::vector<double>(static_cast<std::size_t>(X.n_samples()), mean_));
  }
  bool fitted() const override { return !std::isnan(mean_); }
  void save_state(StateDict& s) const override { s.set("mean", Param{mean_}); }
  void load_state(const StateDict& s) override { mean_ = s.number("mean"); }

 protected:
  std::vector<ParamBinding> bindings() override { return {param("shrink", options_.shrink)}; }

 private:
  double mean_ = std::nan("");
};

TEST(Saving, UserEstimatorsLoadOnceRegistered) {
  TempDir dir;
  const data::Bunch d = data::load_diabetes();
  save(MeanRegressor({.shrink = 0.5}).fit(d.data, d.target), dir / "mean.axon");
  EXPECT_THROW_MESSAGE(load(dir / "mean.axon"), ValueError, "unknown estimator class 'MeanRegressor'");
  register_estimator("MeanRegressor", [] { return std::make_unique<MeanRegressor>(); });
  const auto back = load(dir / "mean.axon");
  EXPECT_EQ(back->predict(d.data).to_vector<double>(), MeanRegressor({.shrink = 0.5}).fit(d.data, d.target).predict(d.data).to_vector<double>());
}

}  // namespace
}  // namespace axon::ml
