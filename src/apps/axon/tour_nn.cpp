// Tour section: neural networks on Fashion-MNIST, the course's Keras code in C++: softmax
// regression, then an MLP with dropout, each with summary(), a progress bar, early stopping and
// the test accuracy.
#include "tour.hpp"

#include "axon/autograd.hpp"
#include "axon/core.hpp"
#include "axon/data/fashion_mnist.hpp"
#include "axon/nn.hpp"

#include <chrono>

namespace axon::tour {

namespace {
// uint8 images [N, 28, 28] → float32 in [0, 1].
Tensor scale_images(const Tensor& images) { return astype(images, float32) / 255.0; }
}  // namespace

void neural_networks(const TourOptions& options) {
  heading(5, "Neural networks on Fashion-MNIST (Keras's API in C++)");
  const auto data = data::fashion_mnist::load_data();
  const std::int64_t n = options.smoke ? 2000 : data.train.images.shape(0);
  const Tensor X_train = scale_images(data.train.images.rows(0, n));
  const Tensor y_train = nn::to_categorical(data.train.labels.rows(0, n), 10);
  const Tensor X_test = scale_images(data.test.images);
  const Tensor y_test = nn::to_categorical(data.test.labels, 10);
  fmt::print("train {} images, test {} images, classes: {}\n", n, X_test.shape(0), fmt::join(data.class_names, ", "));
  const int epochs = options.smoke ? 1 : options.full ? 20 : 5;  // the course's comparisons use 5 epochs

  manual_seed(options.seed);
  nn::clear_session();
  fmt::print("\nsoftmax regression:\n");
  nn::Sequential softmax_regression;
  softmax_regression.add(nn::Flatten({28, 28}));
  softmax_regression.add(nn::Dense(10, "softmax"));
  softmax_regression.compile("adam", "categorical_crossentropy", {"accuracy"});
  softmax_regression.summary();
  softmax_regression.fit(X_train, y_train, {.epochs = epochs, .batch_size = 128,
                                            .validation_data = nn::ValidationData{X_test, y_test}, .seed = options.seed});
  fmt::print("test accuracy: {:.4f}\n", softmax_regression.evaluate(X_test, y_test, {.batch_size = 512}).at("accuracy"));

  fmt::print("\nmulti-layer perceptron with dropout:\n");
  nn::Sequential model;
  model.add(nn::Flatten({28, 28}));
  model.add(nn::Dense(512, "relu"));
  model.add(nn::Dropout(0.2));
  model.add(nn::Dense(10, "softmax"));
  model.compile("adam", "categorical_crossentropy", {"accuracy"});
  model.summary();
  const auto start = std::chrono::steady_clock::now();
  const auto history = model.fit(X_train, y_train,
                                 {.epochs = epochs, .batch_size = 128, .validation_data = nn::ValidationData{X_test, y_test},
                                  .callbacks = {nn::EarlyStopping({.monitor = "val_loss", .patience = 2})}, .seed = options.seed});
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
  const Tensor predicted = argmax(model.predict(X_test, 512), 1);
  const double accuracy = mean(eq(predicted, data.test.labels)).item();
  fmt::print("test accuracy: {:.4f} after {} epochs ({:.1f} s of training)\n", accuracy, history.epoch.size(), took.count());
}

}  // namespace axon::tour
