#include "axon/ml/linear_model/ridge.hpp"

#include "axon/core/creation.hpp"
#include "common.hpp"

#include <Eigen/Dense>

namespace axon::ml {

using namespace linear_detail;
using RowMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

Ridge& Ridge::fit(const Data& X, const Tensor& y) {
  constexpr std::string_view who = "Ridge.fit";
  check(options_.alpha >= 0, "{}: alpha must be >= 0, got {}", who, options_.alpha);
  check(options_.solver == "auto" || options_.solver == "cholesky",
        "{}: solver must be 'auto' or 'cholesky', got '{}'", who, options_.solver);
  const Tensor x = checked_X(X, who);
  const std::vector<double> yv = checked_y(X, y, who);
  const std::int64_t n = x.shape(0), p = x.shape(1);
  coef_ = {};
  RowMatrix a = Eigen::Map<const RowMatrix>(x.data<double>(), n, p);
  Eigen::VectorXd b = Eigen::Map<const Eigen::VectorXd>(yv.data(), n);
  Eigen::RowVectorXd x_offset = Eigen::RowVectorXd::Zero(p);
  double y_offset = 0;
  if (options_.fit_intercept) {
    x_offset = a.colwise().mean();
    y_offset = b.mean();
    a.rowwise() -= x_offset;
    b.array() -= y_offset;
  }
  Eigen::VectorXd w;
  if (p <= n) {
    Eigen::MatrixXd gram = a.transpose() * a;
    gram.diagonal().array() += options_.alpha;
    Eigen::LLT<Eigen::MatrixXd> llt(gram);
    check(llt.info() == Eigen::Success, "{}: XᵀX + alpha·I is singular (alpha = {}); use alpha > 0", who, options_.alpha);
    w = llt.solve(a.transpose() * b);
  } else {
    Eigen::MatrixXd kernel = a * a.transpose();
    kernel.diagonal().array() += options_.alpha;
    Eigen::LLT<Eigen::MatrixXd> llt(kernel);
    check(llt.info() == Eigen::Success, "{}: XXᵀ + alpha·I is singular (alpha = {}); use alpha > 0", who, options_.alpha);
    w = a.transpose() * llt.solve(b);
  }
  intercept_ = options_.fit_intercept ? y_offset - x_offset.dot(w) : 0.0;
  coef_ = from_vector(std::vector<double>(w.data(), w.data() + p), {p});
  return *this;
}

}  // namespace axon::ml
