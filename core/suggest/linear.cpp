// Logistic regression per code by SGD, calibrated by Platt scaling.
#include "suggest/linear_p.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

namespace quire::detail {

namespace {

double sigmoid(double z) {
  if (z >= 0) {
    return 1.0 / (1.0 + std::exp(-z));
  }
  double e = std::exp(z);
  return e / (1.0 + e);
}

bool has_label(const Example& e, std::size_t k) {
  return std::binary_search(e.labels.begin(), e.labels.end(), static_cast<std::uint32_t>(k));
}

bool teaches(const Example& e, std::size_t k) {
  return e.only_code < 0 || static_cast<std::size_t>(e.only_code) == k;
}

} // namespace

void LinearModel::sgd(const std::vector<Example>& ex, const std::vector<std::size_t>& which,
                      const TrainParams& tp) {
  const std::size_t K = m_codes;
  m_w.assign(static_cast<std::size_t>(m_dims) * K, 0.0F);
  m_scale.assign(K, 1.0);
  m_bias.assign(K, 0.0);
  // Positives are rare: each weighs up to max_pos_weight negatives, and the
  // bias starts at the weighted prior.
  std::vector<double> pos(K, 0), neg(K, 0), pos_w(K, 1.0);
  for (auto i : which) {
    for (std::size_t k = 0; k < K; ++k) {
      if (m_train[k] && teaches(ex[i], k)) {
        (has_label(ex[i], k) ? pos[k] : neg[k]) += ex[i].weight;
      }
    }
  }
  for (std::size_t k = 0; k < K; ++k) {
    if (pos[k] > 0 && neg[k] > 0) {
      pos_w[k] = std::clamp(std::sqrt(neg[k] / pos[k]), 1.0, tp.max_pos_weight);
      double p = pos[k] * pos_w[k] / (pos[k] * pos_w[k] + neg[k]);
      m_bias[k] = std::log(p / (1 - p));
    }
  }
  const double n = std::max<double>(1.0, static_cast<double>(which.size()));
  const double lambda = 1.0 / (tp.c * n);
  std::vector<std::size_t> order(which);
  std::mt19937 rng(tp.seed);
  std::vector<double> z(K), g(K);
  double t = 0;
  for (int epoch = 0; epoch < tp.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    for (auto i : order) {
      const auto& e = ex[i];
      const double eta = tp.eta0 / (1.0 + tp.eta0 * lambda * t);
      t += 1;
      std::fill(z.begin(), z.end(), 0.0);
      for (const auto& [term, v] : e.x) {
        const float* w = &m_w[static_cast<std::size_t>(term) * K];
        for (std::size_t k = 0; k < K; ++k) {
          z[k] += w[k] * v;
        }
      }
      for (std::size_t k = 0; k < K; ++k) {
        if (!m_train[k] || !teaches(e, k)) {
          g[k] = 0;
          continue;
        }
        const bool y = has_label(e, k);
        const double zk = z[k] * m_scale[k] + m_bias[k];
        g[k] = (y ? pos_w[k] : 1.0) * e.weight * (sigmoid(zk) - (y ? 1.0 : 0.0));
        m_bias[k] -= eta * g[k] * 0.1;
        // L2 decay of the whole vector at once, by its scale.
        m_scale[k] *= (1.0 - eta * lambda);
        if (m_scale[k] < 1e-6) {
          for (std::uint32_t d = 0; d < m_dims; ++d) {
            m_w[static_cast<std::size_t>(d) * K + k] *= static_cast<float>(m_scale[k]);
          }
          m_scale[k] = 1.0;
        }
        g[k] = eta * g[k] / m_scale[k];
      }
      for (const auto& [term, v] : e.x) {
        float* w = &m_w[static_cast<std::size_t>(term) * K];
        for (std::size_t k = 0; k < K; ++k) {
          w[k] -= static_cast<float>(g[k] * v);
        }
      }
    }
  }
}

void LinearModel::fit(const std::vector<Example>& ex, const std::vector<bool>& train,
                      std::uint32_t dims, const TrainParams& tp) {
  m_codes = train.size();
  m_dims = dims;
  m_train = train;
  const std::size_t K = m_codes;
  // Out-of-fold raw scores: every example scored by a model that did not
  // see it, for the calibration.
  std::vector<std::size_t> fold(ex.size());
  {
    std::vector<std::size_t> order(ex.size());
    std::iota(order.begin(), order.end(), 0);
    std::mt19937 rng(tp.seed + 1);
    std::shuffle(order.begin(), order.end(), rng);
    for (std::size_t i = 0; i < order.size(); ++i) {
      fold[order[i]] = i % static_cast<std::size_t>(tp.folds);
    }
  }
  std::vector<std::vector<double>> oof_s(K);
  std::vector<std::vector<bool>> oof_y(K);
  for (int f = 0; f < tp.folds; ++f) {
    std::vector<std::size_t> in;
    for (std::size_t i = 0; i < ex.size(); ++i) {
      if (fold[i] != static_cast<std::size_t>(f)) {
        in.push_back(i);
      }
    }
    sgd(ex, in, tp);
    for (std::size_t i = 0; i < ex.size(); ++i) {
      if (fold[i] != static_cast<std::size_t>(f)) {
        continue;
      }
      auto r = raw_all(ex[i].x);
      for (std::size_t k = 0; k < K; ++k) {
        if (m_train[k] && teaches(ex[i], k)) {
          oof_s[k].push_back(r[k]);
          oof_y[k].push_back(has_label(ex[i], k));
        }
      }
    }
  }
  m_platt_a.assign(K, -1.0);
  m_platt_b.assign(K, 0.0);
  for (std::size_t k = 0; k < K; ++k) {
    if (m_train[k]) {
      std::tie(m_platt_a[k], m_platt_b[k]) = platt_fit(oof_s[k], oof_y[k]);
    }
  }
  std::vector<std::size_t> all(ex.size());
  std::iota(all.begin(), all.end(), 0);
  sgd(ex, all, tp);
}

double LinearModel::raw(std::size_t k, const SparseVec& x) const {
  double z = 0;
  for (const auto& [term, v] : x) {
    if (term < m_dims) {
      z += m_w[static_cast<std::size_t>(term) * m_codes + k] * v;
    }
  }
  return z * m_scale[k] + m_bias[k];
}

std::vector<double> LinearModel::raw_all(const SparseVec& x) const {
  std::vector<double> z(m_codes, 0.0);
  for (const auto& [term, v] : x) {
    if (term >= m_dims) {
      continue;
    }
    const float* w = &m_w[static_cast<std::size_t>(term) * m_codes];
    for (std::size_t k = 0; k < m_codes; ++k) {
      z[k] += w[k] * v;
    }
  }
  for (std::size_t k = 0; k < m_codes; ++k) {
    z[k] = z[k] * m_scale[k] + m_bias[k];
  }
  return z;
}

double LinearModel::probability(std::size_t k, double raw) const {
  return sigmoid(-(m_platt_a[k] * raw + m_platt_b[k]));
}

double LinearModel::weight(std::size_t k, std::uint32_t t) const {
  return t < m_dims ? m_w[static_cast<std::size_t>(t) * m_codes + k] * m_scale[k] : 0.0;
}

std::pair<double, double> platt_fit(const std::vector<double>& s, const std::vector<bool>& y) {
  // Lin, Lin and Weng's Newton method for Platt's sigmoid (2007).
  double prior1 = 0, prior0 = 0;
  for (bool v : y) {
    (v ? prior1 : prior0) += 1;
  }
  const double hi = (prior1 + 1.0) / (prior1 + 2.0);
  const double lo = 1.0 / (prior0 + 2.0);
  const std::size_t n = s.size();
  std::vector<double> t(n);
  for (std::size_t i = 0; i < n; ++i) {
    t[i] = y[i] ? hi : lo;
  }
  double a = 0.0;
  double b = std::log((prior0 + 1.0) / (prior1 + 1.0));
  auto objective = [&](double A, double B) {
    double f = 0;
    for (std::size_t i = 0; i < n; ++i) {
      double fApB = s[i] * A + B;
      f += fApB >= 0 ? t[i] * fApB + std::log1p(std::exp(-fApB))
                     : (t[i] - 1) * fApB + std::log1p(std::exp(fApB));
    }
    return f;
  };
  double fval = objective(a, b);
  for (int it = 0; it < 100; ++it) {
    double h11 = 1e-12, h22 = 1e-12, h21 = 0, g1 = 0, g2 = 0;
    for (std::size_t i = 0; i < n; ++i) {
      double fApB = s[i] * a + b;
      double p =
          fApB >= 0 ? std::exp(-fApB) / (1.0 + std::exp(-fApB)) : 1.0 / (1.0 + std::exp(fApB));
      double q = 1 - p;
      double d2 = p * q;
      h11 += s[i] * s[i] * d2;
      h22 += d2;
      h21 += s[i] * d2;
      double d1 = t[i] - p;
      g1 += s[i] * d1;
      g2 += d1;
    }
    if (std::abs(g1) < 1e-5 && std::abs(g2) < 1e-5) {
      break;
    }
    double det = h11 * h22 - h21 * h21;
    double da = -(h22 * g1 - h21 * g2) / det;
    double db = -(-h21 * g1 + h11 * g2) / det;
    double gd = g1 * da + g2 * db;
    double step = 1;
    while (step >= 1e-10) {
      double na = a + step * da, nb = b + step * db;
      double nf = objective(na, nb);
      if (nf < fval + 1e-4 * step * gd) {
        a = na;
        b = nb;
        fval = nf;
        break;
      }
      step /= 2;
    }
    if (step < 1e-10) {
      break;
    }
  }
  // A higher raw score must mean more likely (a < 0); a fit that says
  // otherwise learnt nothing: fall back to a gentle increasing curve.
  if (a >= 0) {
    a = -1.0;
  }
  return {a, b};
}

} // namespace quire::detail
