#include "axon/ml/preprocessing/label_encoder.hpp"

#include "axon/core/creation.hpp"
#include "axon/core/error.hpp"

#include <algorithm>

namespace axon::ml {

LabelEncoder& LabelEncoder::fit(const Data& labels, const Tensor&) {
  fitted_ = false;
  if (labels.is_texts()) {
    class_texts_ = labels.texts("LabelEncoder.fit");
    std::sort(class_texts_.begin(), class_texts_.end());
    class_texts_.erase(std::unique(class_texts_.begin(), class_texts_.end()), class_texts_.end());
    classes_ = Tensor();
    texts_ = true;
  } else {
    const Tensor& y = labels.tensor("LabelEncoder.fit");
    check<ShapeError>(y.ndim() == 1, "LabelEncoder.fit: labels must be 1-D [n_samples], got shape {}", shape_text(y.shape()));
    classes_ = encode_labels(y, "LabelEncoder.fit").classes;
    class_texts_.clear();
    texts_ = false;
  }
  fitted_ = true;
  return *this;
}

Data LabelEncoder::transform(const Data& labels) const {
  check_fitted("transform");
  std::vector<std::int64_t> codes;
  if (texts_) {
    const Texts& t = labels.texts("LabelEncoder.transform");
    codes.reserve(t.size());
    for (const std::string& s : t) {
      const auto it = std::lower_bound(class_texts_.begin(), class_texts_.end(), s);
      check(it != class_texts_.end() && *it == s, "LabelEncoder.transform: y contains a previously unseen label: '{}'", s);
      codes.push_back(it - class_texts_.begin());
    }
  } else {
    const Tensor& y = labels.tensor("LabelEncoder.transform");
    check<ShapeError>(y.ndim() == 1, "LabelEncoder.transform: labels must be 1-D, got shape {}", shape_text(y.shape()));
    const std::vector<double> cls = classes_.to_vector<double>();
    for (double v : y.to_vector<double>()) {
      const auto it = std::lower_bound(cls.begin(), cls.end(), v);
      check(it != cls.end() && *it == v, "LabelEncoder.transform: y contains a previously unseen label: {}", v);
      codes.push_back(it - cls.begin());
    }
  }
  const auto n = static_cast<std::int64_t>(codes.size());
  return from_vector(codes, {n});
}

Data LabelEncoder::inverse_transform(const Tensor& codes) const {
  check_fitted("inverse_transform");
  check<ShapeError>(codes.ndim() == 1, "LabelEncoder.inverse_transform: codes must be 1-D, got shape {}", shape_text(codes.shape()));
  const std::int64_t k = texts_ ? static_cast<std::int64_t>(class_texts_.size()) : classes_.numel();
  std::vector<std::int64_t> c;
  for (double v : codes.to_vector<double>()) {
    check(v >= 0 && v < static_cast<double>(k) && v == static_cast<double>(static_cast<std::int64_t>(v)),
          "LabelEncoder.inverse_transform: code {} is not in [0, {})", v, k);
    c.push_back(static_cast<std::int64_t>(v));
  }
  if (!texts_) return decode_labels(classes_, c);
  Texts out;
  out.reserve(c.size());
  for (std::int64_t i : c) out.push_back(class_texts_[static_cast<std::size_t>(i)]);
  return out;
}

Tensor LabelEncoder::classes() const {
  check_fitted("classes");
  return classes_;
}

const std::vector<std::string>& LabelEncoder::classes_texts() const {
  check_fitted("classes_texts");
  return class_texts_;
}

}  // namespace axon::ml
