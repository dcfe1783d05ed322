#pragma once
// Private: one L2-regularised logistic regression per code over tf-idf
// vectors, trained together by stochastic gradient descent, with scores
// calibrated by Platt scaling on out-of-fold predictions.
#include <cstdint>
#include <vector>

#include "suggest/features_p.h"

namespace quire::detail {

/// One passage the model learns from.
struct Example {
  SparseVec x;                       ///< tf-idf, length 1
  std::vector<std::uint32_t> labels; ///< the codes (indices) it is coded with, sorted
  int only_code = -1;                ///< >= 0: teaches only this code (a rejected suggestion)
  float weight = 1;
};

struct TrainParams {
  int epochs = 12;
  double c = 4.0;    ///< inverse regularisation strength (liblinear's C)
  double eta0 = 0.5; ///< first learning rate
  double max_pos_weight = 5.0;
  int folds = 3; ///< for calibration
  std::uint32_t seed = 20261207;
};

class LinearModel {
public:
  /// Trains the codes whose `train` flag is set on every example (and
  /// calibrates each on `folds` out-of-fold predictions).
  void fit(const std::vector<Example>& ex, const std::vector<bool>& train, std::uint32_t dims,
           const TrainParams& tp = {});
  /// The raw score (w.x + b) of code k.
  double raw(std::size_t k, const SparseVec& x) const;
  /// Raw scores of every code for x.
  std::vector<double> raw_all(const SparseVec& x) const;
  /// The calibrated probability of code k for a raw score.
  double probability(std::size_t k, double raw) const;
  /// The weight of term t for code k.
  double weight(std::size_t k, std::uint32_t t) const;
  std::size_t codes() const { return m_codes; }
  bool trained(std::size_t k) const { return k < m_train.size() && m_train[k]; }

private:
  /// Plain training on a subset of examples (no calibration).
  void sgd(const std::vector<Example>& ex, const std::vector<std::size_t>& which,
           const TrainParams& tp);
  std::size_t m_codes = 0;
  std::uint32_t m_dims = 0;
  std::vector<bool> m_train;
  std::vector<float> m_w; ///< feature-major: m_w[t * codes + k]
  std::vector<double> m_scale, m_bias;
  std::vector<double> m_platt_a, m_platt_b; ///< p = 1 / (1 + exp(a * raw + b))
};

/// Platt's sigmoid fit (with his smoothed targets) of labels y on scores s:
/// {a, b} with p = 1 / (1 + exp(a * s + b)).
std::pair<double, double> platt_fit(const std::vector<double>& s, const std::vector<bool>& y);

} // namespace quire::detail
