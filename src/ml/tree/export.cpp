#include "axon/ml/tree/export.hpp"

#include "axon/core/error.hpp"
#include "builder.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <functional>

namespace axon::ml {

namespace {

using tree_detail::label_text;
using tree_detail::py_float;

std::int64_t subtree_depth(const Tree& t, std::int64_t node) {
  if (t.is_leaf(node)) return 1;
  return 1 + std::max(subtree_depth(t, t.children_left[node]), subtree_depth(t, t.children_right[node]));
}

std::int64_t argmax(const double* v, std::int64_t k) {
  std::int64_t b = 0;
  for (std::int64_t c = 1; c < k; ++c)
    if (v[c] > v[b]) b = c;
  return b;
}

void check_names(const std::vector<std::string>& names, const Tree& t, std::string_view who) {
  check(names.empty() || static_cast<std::int64_t>(names.size()) == t.n_features,
        "{}: feature_names must contain {} elements, got {}", who, t.n_features, names.size());
}

// classes: the classifier's labels, or undefined for a regressor.
std::string text(const Tree& t, const Tensor& classes, const ExportTextOptions& o) {
  check(o.max_depth >= 0, "export_text: max_depth must be >= 0, got {}", o.max_depth);
  check(o.spacing > 0, "export_text: spacing must be > 0, got {}", o.spacing);
  check(o.decimals >= 0, "export_text: decimals must be >= 0, got {}", o.decimals);
  check_names(o.feature_names, t, "export_text");
  const bool classifier = classes.defined();
  const auto sp = static_cast<std::size_t>(o.spacing);
  std::string report;
  const auto feature_name = [&](std::int64_t node) {
    const std::int64_t f = t.feature[node];
    return o.feature_names.empty() ? fmt::format("feature_{}", f) : o.feature_names[static_cast<std::size_t>(f)];
  };
  const auto add_leaf = [&](std::int64_t node, const std::string& indent) {
    const double* v = t.value_at(node);
    std::string val;
    if (o.show_weights || !classifier) {
      val = "[";
      for (std::int64_t c = 0; c < t.n_classes; ++c) val += fmt::format("{}{:.{}f}", c ? ", " : "", v[c], o.decimals);
      val += "]";
    }
    if (classifier) val += " class: " + label_text(classes, argmax(v, t.n_classes));
    if (classifier && !o.show_weights) report += indent + val + "\n";
    else report += fmt::format("{} {}: {}\n", indent, classifier ? "weights" : "value", val);
  };
  std::function<void(std::int64_t, std::int64_t)> recurse = [&](std::int64_t node, std::int64_t depth) {
    std::string indent;
    for (std::int64_t i = 0; i < depth; ++i) {
      indent += '|';
      indent.append(static_cast<std::size_t>(sp), ' ');
    }
    indent = indent.substr(0, indent.size() - sp) + std::string(sp, '-');
    if (depth <= o.max_depth + 1) {
      if (!t.is_leaf(node)) {
        const std::string thr = fmt::format("{:.{}f}", t.threshold[node], o.decimals);
        report += fmt::format("{} {} <= {}\n", indent, feature_name(node), thr);
        recurse(t.children_left[node], depth + 1);
        report += fmt::format("{} {} >  {}\n", indent, feature_name(node), thr);
        recurse(t.children_right[node], depth + 1);
      } else {
        add_leaf(node, indent);
      }
    } else {
      const std::int64_t d = subtree_depth(t, node);
      if (d == 1) add_leaf(node, indent);
      else report += fmt::format("{} truncated branch of depth {}\n", indent, d);
    }
  };
  recurse(0, 1);
  return report;
}

// Python's str(round(v, precision)).
std::string py_round(double v, std::int64_t precision) {
  return py_float(std::stod(fmt::format("{:.{}f}", v, precision)));
}

// The value text of export_graphviz: numpy's str() of the values as an S32 array (wrapped at 75
// columns), then scikit-learn's replacements.
std::string value_text(const Tree& t, std::int64_t node, std::int64_t precision) {
  const double* v = t.value_at(node);
  bool integral = true;
  for (std::int64_t c = 0; c < t.n_classes; ++c) integral = integral && std::fmod(v[c], 1.0) == 0.0;
  std::vector<std::string> words;
  for (std::int64_t c = 0; c < t.n_classes; ++c) {
    const std::string s = (t.n_classes > 1 && integral) ? fmt::format("{}", static_cast<std::int64_t>(v[c])) : py_round(v[c], precision);
    words.push_back("b'" + s + "'");
  }
  std::string s, line = " ";
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (line.size() + words[i].size() > 74) {
      while (!line.empty() && line.back() == ' ') line.pop_back();
      s += line;
      s += '\n';
      line.assign(1, ' ');
    }
    line += words[i];
    if (i + 1 < words.size()) line += " ";
  }
  s += line;
  s[0] = '[';  // s starts with the first line's leading space
  s += ']';
  const auto replace_all = [](std::string& str, const std::string& from, const std::string& to) {
    for (std::size_t pos = 0; (pos = str.find(from, pos)) != std::string::npos; pos += to.size()) str.replace(pos, from.size(), to);
  };
  replace_all(s, "b'", "'");
  replace_all(s, "' '", ", ");
  replace_all(s, "'", "");
  if (t.n_classes == 1) {
    replace_all(s, "[", "");
    replace_all(s, "]", "");
  }
  replace_all(s, "\n ", "\\n");
  return s;
}

std::string graphviz(const Tree& t, const std::string& criterion, const ExportGraphvizOptions& o) {
  check_names(o.feature_names, t, "export_graphviz");
  std::string out = "digraph Tree {\nnode [shape=box, fontname=\"helvetica\"] ;\nedge [fontname=\"helvetica\"] ;\n";
  std::function<void(std::int64_t, std::int64_t)> recurse = [&](std::int64_t node, std::int64_t parent) {
    std::string label;
    if (!t.is_leaf(node)) {
      const std::int64_t f = t.feature[node];
      const std::string name = o.feature_names.empty() ? fmt::format("x[{}]", f) : o.feature_names[static_cast<std::size_t>(f)];
      label += fmt::format("{} <= {}\\n", name, py_round(t.threshold[node], o.precision));
    }
    label += fmt::format("{} = {}\\n", criterion, py_round(t.impurity[node], o.precision));
    label += fmt::format("samples = {}\\n", t.n_node_samples[node]);
    label += fmt::format("value = {}", value_text(t, node, o.precision));
    out += fmt::format("{} [label=\"{}\"] ;\n", node, label);
    if (parent >= 0) {
      out += fmt::format("{} -> {}", parent, node);
      if (parent == 0)
        out += node == 1 ? " [labeldistance=2.5, labelangle=45, headlabel=\"True\"]" : " [labeldistance=2.5, labelangle=-45, headlabel=\"False\"]";
      out += " ;\n";
    }
    if (!t.is_leaf(node)) {
      recurse(t.children_left[node], node);
      recurse(t.children_right[node], node);
    }
  };
  recurse(0, -1);
  return out + "}";
}

std::string criterion_label(const std::string& c) { return c == "log_loss" ? "log_loss" : c; }

}  // namespace

std::string export_text(const DecisionTreeClassifier& tree, const ExportTextOptions& options) {
  return text(tree.tree(), tree.classes(), options);
}
std::string export_text(const DecisionTreeRegressor& tree, const ExportTextOptions& options) {
  return text(tree.tree(), Tensor(), options);
}
std::string export_graphviz(const DecisionTreeClassifier& tree, const ExportGraphvizOptions& options) {
  return graphviz(tree.tree(), criterion_label(tree.options().criterion), options);
}
std::string export_graphviz(const DecisionTreeRegressor& tree, const ExportGraphvizOptions& options) {
  return graphviz(tree.tree(), tree.options().criterion, options);
}

}  // namespace axon::ml
