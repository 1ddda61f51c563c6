#include "axon/ml/linear_model/linear_regression.hpp"

#include "axon/core/creation.hpp"
#include "common.hpp"

#include <Eigen/Dense>

namespace axon::ml {

using namespace linear_detail;
using RowMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

LinearRegression& LinearRegression::fit(const Data& X, const Tensor& y) {
  const Tensor x = checked_X(X, "LinearRegression.fit");
  const std::vector<double> yv = checked_y(X, y, "LinearRegression.fit");
  const std::int64_t n = x.shape(0), p = x.shape(1);
  coef_ = {};
  Eigen::Map<const RowMatrix> xm(x.data<double>(), n, p);
  Eigen::Map<const Eigen::VectorXd> ym(yv.data(), n);
  RowMatrix a = xm;
  Eigen::VectorXd b = ym;
  Eigen::RowVectorXd x_offset = Eigen::RowVectorXd::Zero(p);
  double y_offset = 0;
  if (options_.fit_intercept) {
    x_offset = a.colwise().mean();
    y_offset = b.mean();
    a.rowwise() -= x_offset;
    b.array() -= y_offset;
  }
  // lstsq's rcond: singular values below eps·max(n, p)·σ_max count as zero; the COD's threshold is
  // on |R_ii| relative to |R_00| after pivoting, the same scale.
  Eigen::CompleteOrthogonalDecomposition<RowMatrix> cod(a.rows(), a.cols());
  cod.setThreshold(Eigen::NumTraits<double>::epsilon() * static_cast<double>(std::max(n, p)));
  cod.compute(a);
  const Eigen::VectorXd w = cod.solve(b);
  rank_ = cod.rank();
  std::vector<double> coef(w.data(), w.data() + p);
  intercept_ = options_.fit_intercept ? y_offset - x_offset.dot(w) : 0.0;
  coef_ = from_vector(coef, {p});
  return *this;
}

std::int64_t LinearRegression::rank() const {
  check_fitted("rank");
  return rank_;
}

}  // namespace axon::ml
