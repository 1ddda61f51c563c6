// The course's first scikit-learn snippet, on diabetes: split, fit a line, score it on data the
// fit has not seen.
//
//   Xtrain, Xtest, ytrain, ytest = train_test_split(X, y, test_size=0.2, random_state=0)
//   lr = LinearRegression().fit(Xtrain, ytrain)
//   r2_test = r2_score(ytest, lr.predict(Xtest))
#include <axon/axon.hpp>

using namespace axon;

int main() {
  const data::Bunch diabetes = data::load_diabetes();
  const Tensor X = diabetes.data, y = diabetes.target;

  auto [Xtrain, Xtest, ytrain, ytest] = ml::train_test_split(X, y, {.test_size = 0.2, .random_state = 0});
  auto lr = ml::LinearRegression().fit(Xtrain, ytrain);
  double r2_test = ml::r2_score(ytest, lr.predict(Xtest));

  fmt::print("coef: {:.1f}\nintercept: {:.1f}\n", fmt::join(lr.coef().to_vector<double>(), ", "), lr.intercept());
  fmt::print("R² train {:.3f}, test {:.3f}\n", lr.score(Xtrain, ytrain), r2_test);
  // A line through ten features explains about half of the variance of disease progression.
  return r2_test > 0.3 && r2_test < 0.7 ? 0 : 1;
}
