// ColumnTransformer: different transformers on different DataFrame columns, outputs side by side
// (sklearn.compose.ColumnTransformer; here with the preprocessing module, where users look for it).
//
//   ml::ColumnTransformer ct({{"num", ml::StandardScaler(), {"bill_length_mm", "body_mass_g"}},
//                             {"cat", ml::OneHotEncoder(), {"island", "sex"}}},
//                            {.remainder = "drop"});
//   Tensor X = ct.fit_transform(penguins.dropna());
//   ct.get_feature_names_out();    // {"num__bill_length_mm", ..., "cat__sex_male"}
#pragma once

#include "axon/ml/estimator.hpp"

#include <memory>

namespace axon::ml {

/// One (name, transformer, columns) entry. The transformer is copied (cloned) in.
struct ColumnSpec {
  std::string name;
  std::shared_ptr<Estimator> transformer;
  std::vector<std::string> columns;
  ColumnSpec(std::string name, const Estimator& transformer, std::vector<std::string> columns)
      : name(std::move(name)), transformer(axon::ml::clone(transformer)), columns(std::move(columns)) {}
};

struct ColumnTransformerOptions {
  std::string remainder = "drop";     ///< the other columns: "drop" or "passthrough" (numeric, as float64)
  double sparse_threshold = 0.3;      ///< a sparse result when some output is sparse and the overall
                                      ///< density is below this; otherwise dense
};

class ColumnTransformer : public Estimator {
 public:
  explicit ColumnTransformer(std::vector<ColumnSpec> transformers, ColumnTransformerOptions options = {});
  std::string name() const override { return "ColumnTransformer"; }
  Kind kind() const override { return Kind::transformer; }
  std::unique_ptr<Estimator> clone() const override;
  /// X: a DataFrame; each transformer is fitted on its columns (X[columns]).
  ColumnTransformer& fit(const Data& X, const Tensor& y = {}) override;
  Data transform(const Data& X) const override;
  Data fit_transform(const Data& X, const Tensor& y = {}) override;
  bool fitted() const override { return fitted_; }

  /// "<name>__<feature>": a transformer's own output names when it has them (OneHotEncoder,
  /// vectorizers), else its input columns (one-to-one transformers such as scalers); remainder
  /// columns as "remainder__<column>".
  std::vector<std::string> get_feature_names_out() const;
  /// The fitted transformer called `name`.
  const Estimator& named_transformer(const std::string& name) const;
  const ColumnTransformerOptions& options() const { return options_; }

 protected:
  std::vector<ParamBinding> bindings() override;
  std::vector<std::pair<std::string, Estimator*>> children() override;

 private:
  Data combine(std::vector<Data> parts, std::int64_t n) const;
  std::vector<std::string> remainder_columns(const frame::DataFrame& df) const;

  std::vector<ColumnSpec> specs_;
  ColumnTransformerOptions options_;
  std::vector<std::string> remainder_;
  bool fitted_ = false;
};

}  // namespace axon::ml
