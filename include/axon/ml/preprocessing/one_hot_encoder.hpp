// OneHotEncoder: each categorical feature becomes one 0/1 column per category
// (sklearn.preprocessing.OneHotEncoder, categories="auto": the sorted distinct values seen in fit).
//
//   ml::OneHotEncoder enc;
//   SparseMatrix Xc = enc.fit_transform(penguins[{"island", "sex"}]).sparse();
//   enc.get_feature_names_out();   // {"island_Biscoe", "island_Dream", ..., "sex_male"}
//   ml::OneHotEncoder({.handle_unknown = "ignore", .sparse_output = false}).fit(X_int);  // dense
#pragma once

#include "axon/ml/estimator.hpp"

#include <optional>

namespace axon::ml {

struct OneHotEncoderOptions {
  std::optional<std::string> drop;         ///< None, "first" or "if_binary" (the first category of
                                           ///< 2-category features)
  bool sparse_output = true;               ///< a SparseMatrix (scikit-learn's default) or a dense Tensor
  std::string handle_unknown = "error";    ///< "error" or "ignore" (an unseen category: all zeros)
};

class OneHotEncoder : public EstimatorBase<OneHotEncoder, OneHotEncoderOptions> {
 public:
  using EstimatorBase::EstimatorBase;
  std::string name() const override { return "OneHotEncoder"; }
  Kind kind() const override { return Kind::transformer; }
  /// X: a dense 2-D tensor (each column's numbers are its categories) or a DataFrame (string,
  /// category, bool or numeric columns; a missing value is an error).
  OneHotEncoder& fit(const Data& X, const Tensor& y = {}) override;
  /// float64, sparse or dense as sparse_output says; columns feature by feature, categories sorted.
  Data transform(const Data& X) const override;
  bool fitted() const override { return !features_.empty(); }

  /// "<feature>_<category>": DataFrame column names, or x0, x1, ... for a tensor; numbers as
  /// Python prints them (2007 for an integer column, 1.0 for a float one).
  std::vector<std::string> get_feature_names_out() const;
  /// Each feature's categories as printed in the feature names (sorted as sklearn sorts them:
  /// numbers by value, strings by code point).
  std::vector<std::vector<std::string>> categories() const;
  std::int64_t n_features_in() const { return static_cast<std::int64_t>(features_.size()); }

 protected:
  std::vector<ParamBinding> bindings() override {
    return {param("drop", options_.drop), param("handle_unknown", options_.handle_unknown),
            param("sparse_output", options_.sparse_output)};
  }

 private:
  struct Feature {
    std::string name;
    bool numeric = false;
    std::vector<double> numbers;         // sorted categories of a numeric feature
    std::vector<std::string> strings;    // sorted categories of a string feature
    std::vector<std::string> labels;     // categories as printed
    std::int64_t dropped = -1;           // the category without a column, or -1
  };
  std::vector<Feature> features_;
};

}  // namespace axon::ml
