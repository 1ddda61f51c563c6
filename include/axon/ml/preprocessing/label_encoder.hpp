// LabelEncoder: class labels ↔ codes 0..k-1 in sorted order (sklearn.preprocessing.LabelEncoder).
// The labels are the Data given to fit: texts (strings) or a 1-D tensor (numbers).
//
//   ml::LabelEncoder le;
//   Tensor y = le.fit_transform(species_strings);   // int64 codes
//   le.classes_texts();                               // {"Adelie", "Chinstrap", "Gentoo"}
//   le.inverse_transform(y).texts();                  // the strings back
#pragma once

#include "axon/ml/estimator.hpp"

namespace axon::ml {

struct LabelEncoderOptions {};

class LabelEncoder : public EstimatorBase<LabelEncoder, LabelEncoderOptions> {
 public:
  using EstimatorBase::EstimatorBase;
  std::string name() const override { return "LabelEncoder"; }
  Kind kind() const override { return Kind::transformer; }
  /// labels: texts or a 1-D tensor (int64/float64/...); the second argument is ignored.
  LabelEncoder& fit(const Data& labels, const Tensor& y = {}) override;
  /// int64 [n] codes; an unseen label is a ValueError naming it.
  Data transform(const Data& labels) const override;
  /// The labels of codes (int64 or any integer-valued tensor): texts or a tensor like classes().
  Data inverse_transform(const Tensor& codes) const;
  bool fitted() const override { return fitted_; }

  /// The sorted distinct numeric labels (undefined when fitted on texts).
  Tensor classes() const override;
  /// The sorted distinct string labels (empty when fitted on numbers).
  const std::vector<std::string>& classes_texts() const;

 private:
  bool fitted_ = false, texts_ = false;
  Tensor classes_;
  std::vector<std::string> class_texts_;
};

}  // namespace axon::ml
