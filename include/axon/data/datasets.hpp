// The course's small datasets, from Debian packages, in the shape of answer the Python libraries
// give: scikit-learn's load_* Bunch, the Palmer penguins table, fortune texts by topic, and a list
// of what is installed. Fashion-MNIST (Keras's load_data) is in fashion_mnist.hpp, included here.
//
// Every loader looks in dataset_path(<folder>, <Debian path>) (data_root.hpp: $AXON_DATA/<folder>
// overrides it), and a missing file is an IoError naming the path and the Debian package.
#pragma once

#include "axon/core/tensor.hpp"
#include "axon/data/fashion_mnist.hpp"
#include "axon/frame/dataframe.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace axon::data {

/// What scikit-learn's load_iris() & co. return (sklearn.utils.Bunch), with the `frame` that
/// as_frame=True adds.
///
///   auto iris = data::load_iris();
///   iris.data;           // float64 [150, 4]
///   iris.target;         // int64 [150], 0..2
///   iris.target_names;   // {"setosa", "versicolor", "virginica"}
///   iris.frame.head();   // the 4 features and "target"
struct Bunch {
  Tensor data;                              ///< float64 [n_samples, n_features]
  Tensor target;                            ///< int64 [n_samples] for classification, float64 for regression
  std::vector<std::string> feature_names;   ///< exactly as scikit-learn names them
  std::vector<std::string> target_names;    ///< class names (empty for regression)
  frame::DataFrame frame;                   ///< float64 feature columns, then "target"
  std::filesystem::path filename;           ///< the file read (the features' file for diabetes)
};

/// Fisher's iris (sklearn.datasets.load_iris): 150 × 4, 3 classes.
Bunch load_iris();
/// UCI wine recognition (load_wine): 178 × 13, 3 classes.
Bunch load_wine();
/// Wisconsin diagnostic breast cancer (load_breast_cancer): 569 × 30, {"malignant", "benign"}.
Bunch load_breast_cancer();
/// 8×8 handwritten digits (load_digits): 1797 × 64 pixel counts 0..16, classes 0..9. The images
/// are data.view_as_shape({n, 8, 8}).
Bunch load_digits();

struct DiabetesOptions {
  /// As scikit-learn's default: each feature centred and divided by its standard deviation times
  /// sqrt(n_samples), so that every column has mean 0 and L2 norm 1. false: the raw values.
  bool scaled = true;
};
/// Efron et al.'s diabetes regression data (load_diabetes): 442 × 10, target a float64 measure of
/// disease progression one year on.
Bunch load_diabetes(DiabetesOptions options = {});

/// The Palmer penguins (R's palmerpenguins::penguins, 344 rows × 8 columns), read with read_csv:
/// species, island, bill_length_mm, bill_depth_mm, flipper_length_mm, body_mass_g, sex, year,
/// with the "NA" cells missing.
frame::DataFrame load_penguins();

/// The fortune(6) texts: each file under /usr/share/games/fortunes is a topic, its texts separated
/// by lines holding only '%'.
struct Fortunes {
  std::vector<std::string> texts;   ///< without the final newline
  std::vector<std::string> topics;  ///< texts[i]'s topic: its file's name
  /// The distinct topics, sorted.
  std::vector<std::string> topic_names() const;
};
/// Reads the plain text files (not the *.dat indexes, the *.u8 links or sub-folders such as off/),
/// in file-name order.
Fortunes load_fortunes();

/// One entry of list_datasets().
struct DatasetInfo {
  std::string name;                   ///< "fashion_mnist", "iris", ...
  std::filesystem::path path;         ///< the file or folder looked at
  bool found = false;
  std::string package;                ///< the Debian package that installs it
  Shape shape;                        ///< samples × features when found (Fashion-MNIST: the train
                                      ///< split, [60000, 28, 28]; fortunes: [texts])
  std::vector<std::string> classes;   ///< class names (penguins: species; fortunes: topics) when found
  std::string error;                  ///< when found but unreadable: the IoError's message
};
/// Every dataset axon can load, whether it is installed, and (cheaply, from headers and line
/// counts) its shape and classes: fashion_mnist, iris, wine, breast_cancer, diabetes, digits,
/// penguins, fortunes.
std::vector<DatasetInfo> list_datasets();

}  // namespace axon::data
