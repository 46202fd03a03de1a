#include "engine/core/optimizers/optimizer.hpp"

#include <cmath>

#include "engine/core/base/error.hpp"

namespace nn {

Optimizer::Optimizer(const OptimizerOptions& options, double default_lr) : options_(options) {
  if (options.schedule) {
    schedule_ = options.schedule->clone();
  } else {
    const double lr = std::isnan(options.learning_rate) ? default_lr : options.learning_rate;
    if (!(lr > 0.0) || !std::isfinite(lr)) {
      fail("optimizer: learning_rate must be a positive finite number, got ", lr);
    }
    schedule_ = std::make_unique<ConstantSchedule>(lr);
  }
  if (options.weight_decay < 0 || options.clipnorm < 0 || options.clipvalue < 0 ||
      options.global_clipnorm < 0) {
    fail("optimizer: weight_decay, clipnorm, clipvalue and global_clipnorm must be >= 0");
  }
}

double Optimizer::learning_rate() const { return schedule_->at(iterations_); }

void Optimizer::set_learning_rate(double value) {
  if (!(value > 0.0) || !std::isfinite(value)) {
    fail("optimizer: learning_rate must be a positive finite number, got ", value);
  }
  schedule_ = std::make_unique<ConstantSchedule>(value);
}

void Optimizer::init_slots(std::vector<Matrix>& slots, const Matrix& w) const {
  for (Matrix& s : slots) s = Matrix::Zero(w.rows(), w.cols());
}

void Optimizer::attach(const std::vector<Param*>& params) {
  slots_.assign(params.size(), std::vector<Matrix>(static_cast<std::size_t>(slot_count())));
  for (std::size_t i = 0; i < params.size(); ++i) init_slots(slots_[i], params[i]->value);
  iterations_ = 0;
}

void Optimizer::apply(const std::vector<Param*>& params, const std::vector<bool>& trainable) {
  if (params.size() != slots_.size() || trainable.size() != params.size()) {
    fail(name(), ": apply() got ", params.size(), " parameters but ", slots_.size(),
         " are attached");
  }
  const double lr = schedule_->at(iterations_);
  const std::int64_t t = iterations_ + 1;
  // global_clipnorm: scale every gradient by min(1, c / ||all grads||).
  double global_scale = 1.0;
  if (options_.global_clipnorm > 0) {
    double sq = 0.0;
    for (std::size_t i = 0; i < params.size(); ++i) {
      if (trainable[i]) sq += static_cast<double>(params[i]->grad.squaredNorm());
    }
    const double norm = std::sqrt(sq);
    if (norm > options_.global_clipnorm) global_scale = options_.global_clipnorm / norm;
  }
  for (std::size_t i = 0; i < params.size(); ++i) {
    if (!trainable[i]) continue;
    Param& p = *params[i];
    clipped_ = p.grad;
    if (global_scale != 1.0) clipped_ *= static_cast<Scalar>(global_scale);
    if (options_.clipnorm > 0) {
      const double norm = static_cast<double>(clipped_.norm());
      if (norm > options_.clipnorm) clipped_ *= static_cast<Scalar>(options_.clipnorm / norm);
    }
    if (options_.clipvalue > 0) {
      const Scalar c = static_cast<Scalar>(options_.clipvalue);
      clipped_ = clipped_.cwiseMax(-c).cwiseMin(c);
    }
    // Decoupled weight decay (Keras 3): w -= lr * wd * w, before the update.
    if (options_.weight_decay > 0) {
      p.value *= static_cast<Scalar>(1.0 - lr * options_.weight_decay);
    }
    update(p.value, clipped_, slots_[i], lr, t);
  }
  ++iterations_;
}

}  // namespace nn
