#include "lbfgs.hpp"

#include <algorithm>
#include <cmath>
#include <deque>
#include <limits>

namespace axon::ml::linear_detail {
namespace {

double dot(const std::vector<double>& a, const std::vector<double>& b) {
  double s = 0;
  for (std::size_t i = 0; i < a.size(); ++i) s += a[i] * b[i];
  return s;
}

double inf_norm(const std::vector<double>& g) {
  double m = 0;
  for (double v : g) m = std::max(m, std::abs(v));
  return m;
}

// One safeguarded step of More and Thuente's line search (MINPACK-2 dcstep): updates the interval
// [stx, sty] that brackets a step satisfying the strong Wolfe conditions and proposes the next stp.
void dcstep(double& stx, double& fx, double& dx, double& sty, double& fy, double& dy, double& stp, double fp, double dp,
            bool& brackt, double stpmin, double stpmax) {
  const double sgnd = dp * (dx / std::abs(dx));
  double stpf;
  if (fp > fx) {  // higher function value: the minimum is bracketed
    const double theta = 3.0 * (fx - fp) / (stp - stx) + dx + dp;
    const double s = std::max({std::abs(theta), std::abs(dx), std::abs(dp)});
    double gamma = s * std::sqrt((theta / s) * (theta / s) - (dx / s) * (dp / s));
    if (stp < stx) gamma = -gamma;
    const double p = (gamma - dx) + theta, q = ((gamma - dx) + gamma) + dp;
    const double stpc = stx + (p / q) * (stp - stx);
    const double stpq = stx + ((dx / ((fx - fp) / (stp - stx) + dx)) / 2.0) * (stp - stx);
    stpf = std::abs(stpc - stx) < std::abs(stpq - stx) ? stpc : stpc + (stpq - stpc) / 2.0;
    brackt = true;
  } else if (sgnd < 0) {  // lower value, derivatives of opposite sign: bracketed
    const double theta = 3.0 * (fx - fp) / (stp - stx) + dx + dp;
    const double s = std::max({std::abs(theta), std::abs(dx), std::abs(dp)});
    double gamma = s * std::sqrt((theta / s) * (theta / s) - (dx / s) * (dp / s));
    if (stp > stx) gamma = -gamma;
    const double p = (gamma - dp) + theta, q = ((gamma - dp) + gamma) + dx;
    const double stpc = stp + (p / q) * (stx - stp);
    const double stpq = stp + (dp / (dp - dx)) * (stx - stp);
    stpf = std::abs(stpc - stp) > std::abs(stpq - stp) ? stpc : stpq;
    brackt = true;
  } else if (std::abs(dp) < std::abs(dx)) {  // same sign, derivative decreasing in magnitude
    const double theta = 3.0 * (fx - fp) / (stp - stx) + dx + dp;
    const double s = std::max({std::abs(theta), std::abs(dx), std::abs(dp)});
    double gamma = s * std::sqrt(std::max(0.0, (theta / s) * (theta / s) - (dx / s) * (dp / s)));
    if (stp > stx) gamma = -gamma;
    const double p = (gamma - dp) + theta, q = (gamma + (dx - dp)) + gamma;
    const double r = p / q;
    double stpc;
    if (r < 0 && gamma != 0) stpc = stp + r * (stx - stp);
    else if (stp > stx) stpc = stpmax;
    else stpc = stpmin;
    const double stpq = stp + (dp / (dp - dx)) * (stx - stp);
    if (brackt) {
      stpf = std::abs(stpc - stp) < std::abs(stpq - stp) ? stpc : stpq;
      if (stp > stx) stpf = std::min(stp + 0.66 * (sty - stp), stpf);
      else stpf = std::max(stp + 0.66 * (sty - stp), stpf);
    } else {
      stpf = std::abs(stpc - stp) > std::abs(stpq - stp) ? stpc : stpq;
      stpf = std::clamp(stpf, stpmin, stpmax);
    }
  } else {  // same sign, derivative not decreasing
    if (brackt) {
      const double theta = 3.0 * (fp - fy) / (sty - stp) + dy + dp;
      const double s = std::max({std::abs(theta), std::abs(dy), std::abs(dp)});
      double gamma = s * std::sqrt((theta / s) * (theta / s) - (dy / s) * (dp / s));
      if (stp > sty) gamma = -gamma;
      const double p = (gamma - dp) + theta, q = ((gamma - dp) + gamma) + dy;
      stpf = stp + (p / q) * (sty - stp);
    } else {
      stpf = stp > stx ? stpmax : stpmin;
    }
  }
  if (fp > fx) {
    sty = stp;
    fy = fp;
    dy = dp;
  } else {
    if (sgnd < 0) {
      sty = stx;
      fy = fx;
      dy = dx;
    }
    stx = stp;
    fx = fp;
    dx = dp;
  }
  stp = stpf;
}

// MINPACK-2 dcsrch as a small state machine: start() with f(0), f'(0) and a first step; each
// next(f, g) takes the values at the current stp and returns FG (evaluate at the new stp), or
// converged / warning (accept stp).
class Dcsrch {
 public:
  enum class Task { fg, converged, warning, error };
  Dcsrch(double ftol, double gtol, double xtol, double stpmin, double stpmax)
      : ftol_(ftol), gtol_(gtol), xtol_(xtol), stpmin_(stpmin), stpmax_(stpmax) {}

  Task start(double& stp, double f, double g) {
    if (stp < stpmin_ || stp > stpmax_ || g >= 0) return Task::error;
    brackt_ = false;
    stage_ = 1;
    finit_ = f;
    ginit_ = g;
    gtest_ = ftol_ * ginit_;
    width_ = stpmax_ - stpmin_;
    width1_ = width_ / 0.5;
    stx_ = 0;
    fx_ = finit_;
    gx_ = ginit_;
    sty_ = 0;
    fy_ = finit_;
    gy_ = ginit_;
    stmin_ = 0;
    stmax_ = stp + 4.0 * stp;
    return Task::fg;
  }

  Task next(double& stp, double f, double g) {
    const double ftest = finit_ + stp * gtest_;
    if (stage_ == 1 && f <= ftest && g >= 0) stage_ = 2;
    Task task = Task::fg;
    if (brackt_ && (stp <= stmin_ || stp >= stmax_)) task = Task::warning;
    if (brackt_ && stmax_ - stmin_ <= xtol_ * stmax_) task = Task::warning;
    if (stp == stpmax_ && f <= ftest && g <= gtest_) task = Task::warning;
    if (stp == stpmin_ && (f > ftest || g >= gtest_)) task = Task::warning;
    if (f <= ftest && std::abs(g) <= gtol_ * (-ginit_)) task = Task::converged;
    if (task != Task::fg) return task;
    if (stage_ == 1 && f <= fx_ && f > ftest) {
      // The modified function ψ(stp) = f(stp) − f(0) − ftol·stp·f'(0) predicts the step.
      double fm = f - stp * gtest_, fxm = fx_ - stx_ * gtest_, fym = fy_ - sty_ * gtest_;
      double gm = g - gtest_, gxm = gx_ - gtest_, gym = gy_ - gtest_;
      dcstep(stx_, fxm, gxm, sty_, fym, gym, stp, fm, gm, brackt_, stmin_, stmax_);
      fx_ = fxm + stx_ * gtest_;
      fy_ = fym + sty_ * gtest_;
      gx_ = gxm + gtest_;
      gy_ = gym + gtest_;
    } else {
      dcstep(stx_, fx_, gx_, sty_, fy_, gy_, stp, f, g, brackt_, stmin_, stmax_);
    }
    if (brackt_) {
      if (std::abs(sty_ - stx_) >= 0.66 * width1_) stp = stx_ + 0.5 * (sty_ - stx_);
      width1_ = width_;
      width_ = std::abs(sty_ - stx_);
    }
    if (brackt_) {
      stmin_ = std::min(stx_, sty_);
      stmax_ = std::max(stx_, sty_);
    } else {
      stmin_ = stp + 1.1 * (stp - stx_);
      stmax_ = stp + 4.0 * (stp - stx_);
    }
    stp = std::clamp(stp, stpmin_, stpmax_);
    if ((brackt_ && (stp <= stmin_ || stp >= stmax_)) || (brackt_ && stmax_ - stmin_ <= xtol_ * stmax_)) stp = stx_;
    return Task::fg;
  }

 private:
  double ftol_, gtol_, xtol_, stpmin_, stpmax_;
  bool brackt_ = false;
  int stage_ = 1;
  double finit_ = 0, ginit_ = 0, gtest_ = 0, width_ = 0, width1_ = 0;
  double stx_ = 0, fx_ = 0, gx_ = 0, sty_ = 0, fy_ = 0, gy_ = 0, stmin_ = 0, stmax_ = 0;
};

}  // namespace

LbfgsResult lbfgs_minimize(const ObjectiveFn& fg, std::vector<double>& x, const LbfgsOptions& o) {
  const std::size_t n = x.size();
  constexpr double eps = std::numeric_limits<double>::epsilon();
  LbfgsResult res;
  std::vector<double> g(n), d(n), t(n), r(n);
  double f = fg(x, g);
  res.n_fev = 1;
  std::deque<std::vector<double>> S, Y;  // the m most recent s = x_{k+1} − x_k, y = g_{k+1} − g_k
  std::deque<double> rho;
  double theta = 1.0;
  std::int64_t iter = 0;  // L-BFGS-B's iteration count (decides the first step length)
  if (inf_norm(g) <= o.gtol) {
    res.converged = true;
    res.message = "CONVERGENCE: NORM_OF_PROJECTED_GRADIENT_<=_PGTOL";
    res.f = f;
    return res;
  }
  std::vector<double> alpha(static_cast<std::size_t>(o.m));
  while (true) {
    // d = −H·g by the two-loop recursion with H₀ = I/θ (the unconstrained L-BFGS-B direction).
    for (std::size_t i = 0; i < n; ++i) d[i] = -g[i];
    const std::size_t col = S.size();
    for (std::size_t k = col; k-- > 0;) {
      alpha[k] = rho[k] * dot(S[k], d);
      for (std::size_t i = 0; i < n; ++i) d[i] -= alpha[k] * Y[k][i];
    }
    for (std::size_t i = 0; i < n; ++i) d[i] /= theta;
    for (std::size_t k = 0; k < col; ++k) {
      const double beta = rho[k] * dot(Y[k], d);
      for (std::size_t i = 0; i < n; ++i) d[i] += (alpha[k] - beta) * S[k][i];
    }
    // Line search along d from x.
    const double dnorm = std::sqrt(dot(d, d));
    const double stpmx = 1e10;
    double stp = iter == 0 ? std::min(1.0 / dnorm, stpmx) : 1.0;
    t = x;
    r = g;
    const double fold = f;
    double gd = dot(g, d);
    const double gdold = gd;
    bool failed = gd >= 0;  // not a descent direction
    if (!failed) {
      Dcsrch search(1e-3, 0.9, 0.1, 0.0, stpmx);
      Dcsrch::Task task = search.start(stp, f, gd);
      int ifun = 0;
      while (task == Dcsrch::Task::fg) {
        if (ifun >= o.maxls) {
          failed = true;
          break;
        }
        ++ifun;
        for (std::size_t i = 0; i < n; ++i) x[i] = stp * d[i] + t[i];
        f = fg(x, g);
        ++res.n_fev;
        gd = dot(g, d);
        task = search.next(stp, f, gd);
      }
      failed = failed || task == Dcsrch::Task::error;
    }
    if (failed) {
      x = t;
      g = r;
      f = fold;
      if (S.empty()) {
        res.message = "ABNORMAL_TERMINATION_IN_LNSRCH";
        break;
      }
      S.clear();
      Y.clear();
      rho.clear();
      theta = 1.0;
      continue;
    }
    ++iter;
    ++res.n_iter;
    if (res.n_iter >= o.max_iter) {
      res.message = "STOP: TOTAL NO. of ITERATIONS REACHED LIMIT";
      break;
    }
    if (res.n_fev > o.maxfun) {
      res.message = "STOP: TOTAL NO. of f AND g EVALUATIONS EXCEEDS LIMIT";
      break;
    }
    if (inf_norm(g) <= o.gtol) {
      res.converged = true;
      res.message = "CONVERGENCE: NORM_OF_PROJECTED_GRADIENT_<=_PGTOL";
      break;
    }
    if (fold - f <= o.ftol * std::max({std::abs(fold), std::abs(f), 1.0})) {
      res.converged = true;
      res.message = "CONVERGENCE: REL_REDUCTION_OF_F_<=_FACTR*EPSMCH";
      break;
    }
    // Update the memory unless the curvature sᵀy is not safely positive.
    std::vector<double> s(n), y(n);
    for (std::size_t i = 0; i < n; ++i) {
      s[i] = stp * d[i];
      y[i] = g[i] - r[i];
    }
    const double rr = dot(y, y);
    const double dr = stp == 1.0 ? gd - gdold : (gd - gdold) * stp;
    const double ddum = stp == 1.0 ? -gdold : -gdold * stp;
    if (dr <= eps * ddum) continue;
    if (static_cast<int>(S.size()) == o.m) {
      S.pop_front();
      Y.pop_front();
      rho.pop_front();
    }
    S.push_back(std::move(s));
    Y.push_back(std::move(y));
    rho.push_back(1.0 / dr);
    theta = rr / dr;
  }
  res.f = f;
  return res;
}

}  // namespace axon::ml::linear_detail
