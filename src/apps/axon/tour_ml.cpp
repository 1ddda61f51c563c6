// Tour section: regression and classification with scikit-learn's names. The course's questions:
// how well does a line explain diabetes progression on data it has not seen (R² train vs test)?
// how sure are we of its slope (a bootstrap interval)? where does the line lie, and where will a
// new patient lie (the confidence band against the prediction interval)? and for a classifier,
// which threshold is best when a missed tumour costs more than a false alarm?
#include "tour.hpp"

#include "axon/data/datasets.hpp"
#include "axon/autograd.hpp"
#include "axon/core.hpp"
#include "axon/ml.hpp"

namespace axon::tour {

void regression_and_classification(const TourOptions& options) {
  heading(3, "Regression and classification (scikit-learn's names)");
  // Diabetes: 442 patients, 10 standardized features, disease progression after a year.
  const data::Bunch diabetes = data::load_diabetes();
  auto [Xtrain, Xtest, ytrain, ytest] =
      ml::train_test_split(diabetes.data, diabetes.target, {.test_size = 0.2, .random_state = options.seed});
  auto lr = ml::LinearRegression().fit(Xtrain, ytrain);
  fmt::print("diabetes, LinearRegression on all 10 features: R² train {:.3f}, test {:.3f} ({} / {} patients)\n",
             ml::r2_score(ytrain, lr.predict(Xtrain)), ml::r2_score(ytest, lr.predict(Xtest)), ytrain.numel(),
             ytest.numel());

  // One feature (body-mass index) and its slope: the sampling distribution by the bootstrap,
  // beside the OLS standard error.
  const Tensor bmi = narrow(diabetes.data, 1, 2, 1);  // X[:, [2]]
  const auto slope = [](const Tensor& X, const Tensor& y) { return ml::LinearRegression().fit(X, y).coef().item<double>(); };
  const std::int64_t resamples = options.smoke ? 100 : 1000;
  const ml::BootstrapResult boot = ml::bootstrap(slope, bmi, diabetes.target, resamples, options.seed);
  auto ols = ml::OLS().fit(bmi, diabetes.target);
  const Tensor ci = ols.conf_int(0.05);
  fmt::print("slope of progression on bmi: {:.1f}; bootstrap ({} resamples) 95% interval [{:.1f}, {:.1f}], "
             "standard error {:.1f}; OLS interval [{:.1f}, {:.1f}], standard error {:.1f}\n",
             boot.estimate, resamples, boot.low, boot.high, boot.standard_error, ci.to_vector<double>()[2],
             ci.to_vector<double>()[3], ols.bse().to_vector<double>()[1]);

  // The uncertainty of the line (the fit) against that of a new patient (a prediction).
  const Tensor points = tensor({{-0.05}, {0.0}, {0.1}}, {.dtype = Dtype::float64});
  const ml::OLSPrediction band = ols.get_prediction(points, 0.05);
  fmt::print("{:>6} {:>9} {:>22} {:>22}\n", "bmi", "mean", "95% band of the line", "95% for a new patient");
  for (std::int64_t i = 0; i < points.shape(0); ++i)
    fmt::print("{:>6.2f} {:>9.1f} {:>22} {:>22}\n", points.to_vector<double>()[i], band.mean.to_vector<double>()[i],
               fmt::format("[{:.1f}, {:.1f}]", band.mean_ci_lower.to_vector<double>()[i], band.mean_ci_upper.to_vector<double>()[i]),
               fmt::format("[{:.1f}, {:.1f}]", band.obs_ci_lower.to_vector<double>()[i], band.obs_ci_upper.to_vector<double>()[i]));

  // Breast cancer: 569 tumours, 30 features; scaled logistic regression, its confusion matrix, and
  // the threshold that minimizes the expected cost when a missed malignant tumour costs 10 times a
  // false alarm. (In this dataset target 0 is malignant: the positive class here is 1 - target.)
  const data::Bunch cancer = data::load_breast_cancer();
  const Tensor malignant = from_vector(
      [&] {
        std::vector<std::int64_t> m;
        for (std::int64_t t : cancer.target.to_vector<std::int64_t>()) m.push_back(1 - t);
        return m;
      }(),
      {cancer.target.numel()});
  auto split = ml::train_test_split(cancer.data, malignant,
                                    {.test_size = 0.3, .random_state = options.seed, .stratify = malignant});
  auto model = ml::make_pipeline(ml::StandardScaler(), ml::LogisticRegression());
  model.fit(split.X_train, split.y_train);
  const Tensor predicted = model.predict(split.X_test);
  fmt::print("\nbreast cancer, StandardScaler + LogisticRegression: test accuracy {:.3f}\nconfusion matrix "
             "(rows observed benign/malignant, columns predicted):\n{}\n",
             ml::accuracy_score(split.y_test, predicted), ml::confusion_matrix(split.y_test, predicted));
  fmt::print("{}\n", ml::classification_report(split.y_test, predicted));
  const Tensor proba = model.predict_proba(split.X_test);
  const Tensor p_malignant = reshape(narrow(proba, 1, 1, 1), {proba.shape(0)});
  const ml::CostMatrix costs{.tn = 0, .fp = 1, .fn = 10, .tp = 0};
  const ml::CostCurve curve = ml::cost_curve(split.y_test, p_malignant, costs);
  const Tensor at_half = astype(ge(p_malignant, full_like(p_malignant, 0.5)), Dtype::int64);
  fmt::print("costs: false alarm 1, missed malignant tumour 10. Expected cost per tumour at threshold 0.5: {:.4f}; "
             "the cost-minimizing threshold {:.3f} gives {:.4f} ({} false alarms, {} missed)\n",
             ml::expected_cost(split.y_test, at_half, costs), curve.best_threshold, curve.best_cost,
             curve.fp.to_vector<std::int64_t>()[curve.best_index], curve.fn.to_vector<std::int64_t>()[curve.best_index]);
}

}  // namespace axon::tour
