#include "axon/ml/data.hpp"

#include "axon/core/backend.hpp"
#include "axon/core/creation.hpp"
#include "axon/core/dtype.hpp"
#include "axon/core/error.hpp"

#include <fmt/format.h>

#include <cmath>
#include <cstring>

namespace axon::ml {

Data::Data(Tensor dense) {
  if (dense.defined()) v_ = std::move(dense);  // an undefined tensor is no data (Kind::none)
}
Data::Data(SparseMatrix sparse) : v_(std::move(sparse)) {}
Data::Data(Texts texts) : v_(std::make_shared<const Texts>(std::move(texts))) {}
Data::Data(std::shared_ptr<const Texts> texts) : v_(std::move(texts)) {}
Data::Data(frame::DataFrame frame) : v_(std::move(frame)) {}

Data::Kind Data::kind() const { return static_cast<Kind>(v_.index()); }

std::int64_t Data::n_samples() const {
  switch (kind()) {
    case Kind::none: return 0;
    case Kind::dense: {
      const Tensor& t = std::get<Tensor>(v_);
      return t.ndim() == 0 ? 1 : t.shape(0);
    }
    case Kind::sparse: return std::get<SparseMatrix>(v_).rows();
    case Kind::texts: return static_cast<std::int64_t>(std::get<std::shared_ptr<const Texts>>(v_)->size());
    case Kind::frame: return std::get<frame::DataFrame>(v_).rows();
  }
  return 0;
}

std::int64_t Data::n_features() const {
  switch (kind()) {
    case Kind::dense: {
      const Tensor& t = std::get<Tensor>(v_);
      return t.ndim() >= 2 ? t.shape(1) : 1;
    }
    case Kind::sparse: return std::get<SparseMatrix>(v_).cols();
    case Kind::frame: return std::get<frame::DataFrame>(v_).shape().second;
    default: return 0;
  }
}

std::string Data::describe() const {
  switch (kind()) {
    case Kind::none: return "nothing (an empty Data)";
    case Kind::dense: {
      const Tensor& t = std::get<Tensor>(v_);
      return fmt::format("a dense {} tensor of shape {}", dtype_name(t.dtype()), shape_str(t.shape()));
    }
    case Kind::sparse: {
      const SparseMatrix& m = std::get<SparseMatrix>(v_);
      return fmt::format("a sparse {} matrix [{}, {}] (nnz {})", dtype_name(m.dtype()), m.rows(), m.cols(), m.nnz());
    }
    case Kind::texts: return fmt::format("texts ({} documents)", n_samples());
    case Kind::frame: return fmt::format("a DataFrame [{}, {}]", n_samples(), n_features());
  }
  return "?";
}

const Tensor& Data::tensor(std::string_view who) const {
  check(kind() == Kind::dense, "{}: expected a dense Tensor, got {}", who, describe());
  return std::get<Tensor>(v_);
}

const SparseMatrix& Data::sparse(std::string_view who) const {
  check(kind() == Kind::sparse, "{}: expected a SparseMatrix, got {}", who, describe());
  return std::get<SparseMatrix>(v_);
}

const Texts& Data::texts(std::string_view who) const {
  check(kind() == Kind::texts, "{}: expected texts (a std::vector<std::string>), got {}", who, describe());
  return *std::get<std::shared_ptr<const Texts>>(v_);
}

const frame::DataFrame& Data::frame(std::string_view who) const {
  check(kind() == Kind::frame, "{}: expected a DataFrame, got {}", who, describe());
  return std::get<frame::DataFrame>(v_);
}

Tensor Data::to_dense(std::string_view who) const {
  switch (kind()) {
    case Kind::dense: return std::get<Tensor>(v_);
    case Kind::sparse: return std::get<SparseMatrix>(v_).to_dense();
    case Kind::frame: return std::get<frame::DataFrame>(v_).to_tensor({}, Dtype::float64);
    default: throw ValueError(fmt::format("{}: expected numbers (a Tensor, SparseMatrix or DataFrame), got {}", who, describe()));
  }
}

Data Data::take(const std::vector<std::int64_t>& rows) const {
  const std::int64_t n = n_samples();
  for (std::size_t r = 0; r < rows.size(); ++r)
    check<IndexError>(rows[r] >= 0 && rows[r] < n, "Data.take: row {} (position {}) is outside [0, {})", rows[r], r, n);
  switch (kind()) {
    case Kind::none: return {};
    case Kind::dense: {
      const Tensor& t = std::get<Tensor>(v_);
      check<ShapeError>(t.ndim() >= 1, "Data.take: cannot take rows of a 0-d tensor");
      Shape shape = t.shape();
      shape[0] = static_cast<std::int64_t>(rows.size());
      Tensor out = Tensor::empty(shape, {.dtype = t.dtype()});
      const std::size_t row_bytes = t.numel() == 0 ? 0 : t.nbytes() / static_cast<std::size_t>(t.shape(0));
      const auto* src = static_cast<const char*>(t.raw_data());
      auto* dst = static_cast<char*>(out.raw_data());
      for (std::size_t r = 0; r < rows.size(); ++r)
        std::memcpy(dst + r * row_bytes, src + static_cast<std::size_t>(rows[r]) * row_bytes, row_bytes);
      return out;
    }
    case Kind::sparse: return std::get<SparseMatrix>(v_).take_rows(rows);
    case Kind::texts: {
      const Texts& all = *std::get<std::shared_ptr<const Texts>>(v_);
      Texts out;
      out.reserve(rows.size());
      for (std::int64_t r : rows) out.push_back(all[static_cast<std::size_t>(r)]);
      return out;
    }
    case Kind::frame: return std::get<frame::DataFrame>(v_).take(rows);
  }
  return {};
}

Tensor check_dense_X(const Data& X, std::string_view who, std::int64_t expected_features) {
  Tensor x;
  if (X.is_dense()) {
    x = X.tensor(who);
    check<ShapeError>(x.ndim() == 2, "{}: X must be 2-D [n_samples, n_features], got shape {}{}", who,
                      shape_text(x.shape()), x.ndim() == 1 ? " (reshape a single feature to [n, 1])" : "");
    if (x.dtype() != Dtype::float64) {
      Tensor y = Tensor::empty(x.shape(), {.dtype = Dtype::float64});
      backend(x.device()).cast(x, y);
      x = y;
    }
  } else {
    x = X.to_dense(who);
  }
  check(x.shape(0) > 0, "{}: X has 0 samples; at least 1 is required", who);
  if (expected_features >= 0)
    check<ShapeError>(x.shape(1) == expected_features, "{}: X has {} features, but the estimator was fitted with {}",
                      who, x.shape(1), expected_features);
  return x;
}

void check_y(const Data& X, const Tensor& y, std::string_view who) {
  check(y.defined(), "{}: y is required (a 1-D tensor of {} targets)", who, X.n_samples());
  check<ShapeError>(y.ndim() == 1, "{}: y must be 1-D [n_samples], got shape {}", who, shape_text(y.shape()));
  check<ShapeError>(y.shape(0) == X.n_samples(), "{}: X has {} samples but y has {}", who, X.n_samples(), y.shape(0));
}

std::vector<double> check_sample_weight(const Data& X, const Tensor& sample_weight, std::string_view who) {
  if (!sample_weight.defined()) return {};
  check<ShapeError>(sample_weight.ndim() == 1 && sample_weight.shape(0) == X.n_samples(),
                    "{}: sample_weight must have shape [{}] (one weight per sample), got {}", who, X.n_samples(),
                    shape_text(sample_weight.shape()));
  std::vector<double> w = sample_weight.to_vector<double>();
  double total = 0.0;
  for (std::size_t i = 0; i < w.size(); ++i) {
    check(std::isfinite(w[i]) && w[i] >= 0.0, "{}: sample_weight must be finite and >= 0, got {} at position {}", who, w[i], i);
    total += w[i];
  }
  check(total > 0.0, "{}: sample_weight sums to 0; at least one sample needs a positive weight", who);
  return w;
}

}  // namespace axon::ml
