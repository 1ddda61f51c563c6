// The tape's engine: recording nodes, the backward walk, and Tensor's gradient accessors.
#include "axon/autograd/node.hpp"
#include "axon/autograd/ops/elementwise.hpp"
#include "axon/autograd/ops/reduce.hpp"
#include "axon/autograd/ops/shape.hpp"
#include "axon/core/creation.hpp"

#include <unordered_map>
#include <unordered_set>

namespace axon {

namespace {
thread_local bool grad_enabled = true;
}
bool is_grad_enabled() { return grad_enabled; }
void set_grad_enabled(bool enabled) { grad_enabled = enabled; }

namespace autograd {

bool needs_grad(std::initializer_list<const Tensor*> inputs) {
  if (!grad_enabled) return false;
  for (const Tensor* t : inputs)
    if (t->requires_grad()) return true;
  return false;
}
bool needs_grad(const std::vector<Tensor>& inputs) {
  if (!grad_enabled) return false;
  for (const Tensor& t : inputs)
    if (t.requires_grad()) return true;
  return false;
}

Node::~Node() {
  std::vector<Tensor> pending = std::move(inputs);
  while (!pending.empty()) {
    Tensor t = std::move(pending.back());
    pending.pop_back();
    // Only a tensor held by nobody else, whose node is held by nobody else, is about to die here:
    // adopt that node's inputs so that its destructor has nothing left to recurse into.
    if (t.defined() && t.impl_ptr().use_count() == 1) {
      const std::shared_ptr<Node>& node = t.grad_fn();
      if (node && node.use_count() == 1) {
        for (Tensor& input : node->inputs) pending.push_back(std::move(input));
        node->inputs.clear();
        node->backward = nullptr;
      }
    }
  }
}

Tensor attach(const char* name, const Tensor& result, std::vector<Tensor> inputs, BackwardFn backward) {
  auto node = std::make_shared<Node>();
  node->name = name;
  node->inputs = std::move(inputs);
  node->backward = std::move(backward);
  Tensor out = result.detach();
  out.impl()->requires_grad = true;
  out.impl()->grad_fn = std::move(node);
  return out;
}

Tensor reduce_to_shape(const Tensor& grad, const Shape& shape) {
  if (grad.shape() == shape) return grad;
  const int lead = grad.ndim() - static_cast<int>(shape.size());
  check<ShapeError>(lead >= 0, "backward: gradient of shape {} cannot be reduced to {}", shape_text(grad.shape()),
                    shape_text(shape));
  std::vector<int> axes;
  for (int i = 0; i < grad.ndim(); ++i)
    if (i < lead || (shape[static_cast<std::size_t>(i - lead)] == 1 && grad.shape(i) != 1)) axes.push_back(i);
  Tensor g = axes.empty() ? grad : sum(grad, Axes(axes), true);
  return reshape(g, shape);
}

namespace {

// Nodes reachable from `root`, ordered so that every node comes before the nodes it feeds
// (reverse postorder of an iterative DFS: deep graphs such as long RNNs do not overflow the stack).
std::vector<Node*> topological_order(Node* root) {
  std::vector<Node*> postorder;
  std::unordered_set<Node*> seen{root};
  std::vector<std::pair<Node*, std::size_t>> stack{{root, 0}};
  while (!stack.empty()) {
    auto& [node, next] = stack.back();
    if (next < node->inputs.size()) {
      Node* child = node->inputs[next++].grad_fn().get();
      if (child && seen.insert(child).second) stack.emplace_back(child, 0);
    } else {
      postorder.push_back(node);
      stack.pop_back();
    }
  }
  return {postorder.rbegin(), postorder.rend()};
}

void accumulate_leaf(const Tensor& leaf, Tensor g) {
  TensorImpl* impl = leaf.impl();
  if (!impl->grad) {
    // Own the storage: a backward may hand the same tensor to several inputs or keep it. A
    // gradient that nothing else holds is taken as it is (a layer's weight gradient: no copy).
    const bool sole = g.impl_ptr().use_count() == 1 && g.impl()->storage.use_count() == 1;
    impl->grad = sole ? g.impl_ptr() : g.clone().impl_ptr();
  } else {
    Tensor acc(impl->grad);
    add_(acc, g);
  }
}

}  // namespace

void run_backward(const Tensor& root, const Tensor& seed, bool retain_graph) {
  NoGradGuard no_grad;
  if (root.is_leaf()) {
    accumulate_leaf(root, seed);
    return;
  }
  std::unordered_map<Node*, Tensor> pending;
  pending[root.grad_fn().get()] = seed;
  for (Node* node : topological_order(root.grad_fn().get())) {
    auto it = pending.find(node);
    if (it == pending.end()) continue;  // no gradient flowed here
    check(!node->released,
          "backward: trying to backward through the graph a second time (through '{}'); its saved tensors were "
          "freed. Pass retain_graph = true to the first backward() if you need to call it twice.",
          node->name);
    Tensor gy = std::move(it->second);
    pending.erase(it);
    Grads grads = node->backward(gy);
    check(grads.size() == node->inputs.size(), "backward of '{}' returned {} gradients for {} inputs", node->name,
          grads.size(), node->inputs.size());
    for (std::size_t i = 0; i < grads.size(); ++i) {
      const Tensor& input = node->inputs[i];
      if (!grads[i].defined() || !input.requires_grad()) continue;
      Tensor g = std::move(grads[i]);  // the only handle, unless the backward shares it
      g = reduce_to_shape(g, input.shape());
      if (g.dtype() != input.dtype()) g = astype(g, input.dtype());
      if (input.is_leaf()) {
        accumulate_leaf(input, std::move(g));
        continue;
      }
      if (input.impl()->retains_grad) accumulate_leaf(input, g);
      Tensor& slot = pending[input.grad_fn().get()];
      slot = slot.defined() ? slot + g : g;
    }
    if (!retain_graph) {
      node->released = true;
      node->backward = nullptr;  // frees the saved tensors
    }
  }
}

}  // namespace autograd

void Tensor::backward(const Tensor& gradient, bool retain_graph) const {
  check(requires_grad(),
        "backward: this tensor does not require grad and has no grad_fn (did an input call requires_grad_()? "
        "was it computed under NoGradGuard?)");
  Tensor seed = gradient;
  if (!seed.defined()) {
    check(numel() == 1,
          "backward: a gradient can be implicitly created only for a one-element output; this output has shape {}. "
          "Pass the gradient of the output explicitly.",
          shape_text(shape()));
    seed = ones(shape(), {.dtype = dtype()});
  }
  check<ShapeError>(seed.shape() == shape(), "backward: gradient shape {} does not match output shape {}",
                    shape_text(seed.shape()), shape_text(shape()));
  autograd::run_backward(*this, seed, retain_graph);
}

}  // namespace axon
