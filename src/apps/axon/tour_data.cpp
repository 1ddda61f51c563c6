// Tour section: tables and datasets. The course starts from a table: read it, look at it
// (head, describe), drop the rows with missing values, one-hot encode the categories, and hand a
// float matrix to the model; images come as uint8 tensors with their class names.
#include "tour.hpp"

#include "axon/core.hpp"
#include "axon/data/dataloader.hpp"
#include "axon/data/datasets.hpp"
#include "axon/data/idx.hpp"
#include "axon/frame.hpp"

namespace axon::tour {

void tables_and_datasets(const TourOptions& options) {
  heading(2, "Tables and datasets (pandas' and Keras's names)");
  // pd.read_csv(".../penguins.csv"): 344 penguins, 8 columns, "NA" where a value is missing.
  const frame::DataFrame penguins = data::load_penguins();
  const auto [rows, columns] = penguins.shape();
  fmt::print("penguins: {} rows x {} columns\n{}\n", rows, columns, penguins.head().to_string());
  fmt::print("\ndescribe():\n{}\n", penguins.describe().to_string());

  // Models take numbers: drop incomplete rows, then one column per category (get_dummies).
  const frame::DataFrame complete = penguins.dropna();
  fmt::print("\ndropna(): {} of {} rows have every value\n", complete.rows(), rows);
  const frame::DataFrame encoded = frame::get_dummies(complete, {"species", "island", "sex"});
  fmt::print("get_dummies(species, island, sex): {} columns\n  {}\n", encoded.columns().size(),
             fmt::join(encoded.columns(), ", "));
  const Tensor X = encoded.to_tensor({}, float32);
  fmt::print("to_tensor(): float32 {}, first row [{:.4g}]\n", shape_str(X.shape()),
             fmt::join(X.rows(0, 1).to_vector<float>(), ", "));

  // Mini-batches over the rows, reshuffled every epoch from the seed (torch's DataLoader).
  data::DataLoader loader({X}, {.batch_size = 64, .shuffle = true, .seed = options.seed});
  fmt::print("DataLoader(batch_size 64, shuffle): {} batches per epoch, the last of {} rows\n", loader.size(),
             X.shape(0) - (loader.size() - 1) * 64);

  // keras.datasets.fashion_mnist.load_data() shapes, read from the IDX headers alone.
  const auto folder = data::fashion_mnist::folder();
  fmt::print("\nFashion-MNIST ({}):\n", folder.string());
  for (const char* split : {"train", "t10k"}) {
    const Shape images = data::read_idx_shape(folder / fmt::format("{}-images-idx3-ubyte.gz", split));
    const Shape labels = data::read_idx_shape(folder / fmt::format("{}-labels-idx1-ubyte.gz", split));
    fmt::print("  {:5} images uint8 {}, labels {}\n", split, shape_str(images), shape_str(labels));
  }
  fmt::print("  class_names: {}\n", fmt::join(data::fashion_mnist::class_names(), ", "));
}

}  // namespace axon::tour
