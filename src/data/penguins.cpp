// The Palmer penguins (Horst, Hill & Gorman 2020), from Debian's r-cran-palmerpenguins.
#include "axon/data/data_root.hpp"
#include "axon/data/datasets.hpp"
#include "axon/frame/csv.hpp"
#include "dataset_files.hpp"

namespace axon::data {

std::filesystem::path detail::penguins_file() {
  return dataset_path("palmerpenguins", "/usr/lib/R/site-library/palmerpenguins/extdata") / "penguins.csv";
}

frame::DataFrame load_penguins() {
  const auto path = detail::penguins_file();
  require_dataset(path, "penguins", detail::kPenguinsPackage);
  return frame::read_csv(path);  // R writes missing values as NA, one of read_csv's default NA tokens
}

}  // namespace axon::data
