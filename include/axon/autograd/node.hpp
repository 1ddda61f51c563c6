// The define-by-run tape. An op on tensors that require grad records a Node holding its inputs and a
// backward function written next to the op's forward; Tensor::backward walks the nodes in reverse
// topological order and accumulates .grad() into the leaves.
#pragma once

#include "axon/autograd/grad_mode.hpp"
#include "axon/core/tensor.hpp"

#include <functional>
#include <initializer_list>
#include <vector>

namespace axon::autograd {

/// One gradient per input, in the inputs' order; an undefined Tensor means "no gradient".
using Grads = std::vector<Tensor>;
/// Maps the gradient of the op's output to the gradients of its inputs. The engine undoes
/// broadcasting (sums over broadcast axes) and accumulates, so a backward just states the math.
using BackwardFn = std::function<Grads(const Tensor& grad_output)>;

struct Node {
  const char* name = "";
  std::vector<Tensor> inputs;
  BackwardFn backward;
  bool released = false;  // set after a backward pass without retain_graph

  Node() = default;
  Node(const Node&) = delete;
  Node& operator=(const Node&) = delete;
  /// Tears the graph behind this node down iteratively: a chain of 100,000 ops would otherwise be
  /// destroyed by 100,000 nested destructor calls and overflow the stack.
  ~Node();
};

/// True when grad mode is on and some input requires grad.
bool needs_grad(std::initializer_list<const Tensor*> inputs);
bool needs_grad(const std::vector<Tensor>& inputs);

/// Attaches a node to a fresh handle sharing `result`'s data. The backward may capture `result`
/// itself (e.g. sigmoid keeps its output): that handle carries no history, so there is no cycle.
Tensor attach(const char* name, const Tensor& result, std::vector<Tensor> inputs, BackwardFn backward);

/// The op-side entry point: returns `result` untouched when no input needs grad (the lambda is then
/// never turned into a std::function), otherwise records a node.
template <typename F>
Tensor record(const char* name, const Tensor& result, std::initializer_list<Tensor> inputs, F&& backward) {
  bool any = false;
  if (is_grad_enabled())
    for (const Tensor& t : inputs) any = any || t.requires_grad();
  if (!any) return result;
  return attach(name, result, std::vector<Tensor>(inputs), BackwardFn(std::forward<F>(backward)));
}

/// Sums `grad` over the axes along which a tensor of `shape` was broadcast, giving `shape`.
Tensor reduce_to_shape(const Tensor& grad, const Shape& shape);

}  // namespace axon::autograd
