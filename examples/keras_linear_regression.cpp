// The course's first Keras model: one Dense unit on one input is linear regression, y = w·x + b,
// fitted by stochastic gradient descent on the mean squared error.
//
//   inputs_placeholder = Input(shape=(1,))
//   outputs_placeholder = Dense(1, activation='linear')(inputs_placeholder)
//   m = Model(inputs=inputs_placeholder, outputs=outputs_placeholder)
//   m.compile(optimizer='sgd', loss='mean_squared_error', metrics=['mae', 'accuracy'])
//   m.summary()
#include <axon/axon.hpp>

using namespace axon;

int main() {
  // y = 3x − 1 plus noise.
  Generator gen(0);
  const Tensor x = uniform({256, 1}, -1, 1, {}, gen);
  const Tensor y = x * 3.0 - 1.0 + normal({256, 1}, 0.0, 0.1, {}, gen);

  auto inputs = nn::Input({1});
  auto outputs = nn::Dense(1, "linear")(inputs);
  nn::Model m(inputs, outputs);
  m.compile("sgd", "mean_squared_error", {"mae", "accuracy"});
  m.summary();
  m.fit(x, y, {.epochs = 50, .batch_size = 16, .verbose = 0});

  auto dense = std::dynamic_pointer_cast<nn::layers::Dense>(m.get_layer("dense"));
  const double w = dense->kernel().item(), b = dense->bias().item();
  fmt::print("w = {:.3f} (true 3), b = {:.3f} (true -1), mse = {:.4f} (noise variance 0.01)\n", w, b,
             m.evaluate(x, y).at("loss"));
  return std::abs(w - 3) < 0.1 && std::abs(b + 1) < 0.1 ? 0 : 1;
}
