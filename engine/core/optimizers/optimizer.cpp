#include "engine/core/optimizers/optimizer.hpp"

#include <cmath>

#include "engine/core/base/error.hpp"

namespace nn {

// Resolves the defaults (NaN learning_rate / weight_decay) and validates the common options.
// The subclass's name() is not callable yet, so messages say "optimizer".
Optimizer::Optimizer(const OptimizerOptions& options, double default_lr) : options_(options) {
  if (std::isnan(options_.weight_decay)) options_.weight_decay = 0.0;
  if (options.schedule) {
    schedule_ = options.schedule->clone();
  } else {
    const double lr = std::isnan(options.learning_rate) ? default_lr : options.learning_rate;
    if (!(lr > 0.0) || !std::isfinite(lr)) {
      fail("optimizer: learning_rate must be a positive finite number, got ", lr);
    }
    schedule_ = std::make_unique<ConstantSchedule>(lr);
  }
  if (!(options_.weight_decay >= 0) || !(options.clipnorm >= 0) || !(options.clipvalue >= 0) ||
      !(options.global_clipnorm >= 0)) {
    fail("optimizer: weight_decay, clipnorm, clipvalue and global_clipnorm must be >= 0, got ",
         options_.weight_decay, ", ", options.clipnorm, ", ", options.clipvalue, ", ",
         options.global_clipnorm);
  }
  // Keras 3 (BaseOptimizer.__init__): at most one clipping rule.
  const int clips = (options.clipnorm > 0 ? 1 : 0) + (options.clipvalue > 0 ? 1 : 0) +
                    (options.global_clipnorm > 0 ? 1 : 0);
  if (clips > 1) {
    fail(
        "optimizer: only one of clipnorm, clipvalue and global_clipnorm can be set, got "
        "clipnorm=",
        options.clipnorm, ", clipvalue=", options.clipvalue,
        ", global_clipnorm=", options.global_clipnorm);
  }
}

double Optimizer::learning_rate() const { return schedule_->at(iterations_); }

void Optimizer::set_learning_rate(double value) {
  if (!(value > 0.0) || !std::isfinite(value)) {
    fail("optimizer: learning_rate must be a positive finite number, got ", value);
  }
  schedule_ = std::make_unique<ConstantSchedule>(value);
}

void Optimizer::take_state(const Optimizer& from) {
  if (from.slots_.size() != slots_.size()) {
    fail(name(), ": cannot take the state of ", from.name(), ": it is attached to ",
         from.slots_.size(), " parameters, this one to ", slots_.size());
  }
  const std::vector<std::string> mine = slot_names();
  const std::vector<std::string> theirs = from.slot_names();
  // Pairs (my slot, their slot) with the same name; every shape is checked before any copy.
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  for (std::size_t a = 0; a < mine.size(); ++a) {
    for (std::size_t b = 0; b < theirs.size(); ++b) {
      if (mine[a] == theirs[b]) pairs.emplace_back(a, b);
    }
  }
  for (std::size_t i = 0; i < slots_.size(); ++i) {
    for (const auto& [a, b] : pairs) {
      const Matrix& src = from.slots_[i][b];
      const Matrix& dst = slots_[i][a];
      if (src.rows() != dst.rows() || src.cols() != dst.cols()) {
        fail(name(), ": slot '", mine[a], "' of parameter ", i, " is ", dst.rows(), "x", dst.cols(),
             ", the other optimizer's is ", src.rows(), "x", src.cols());
      }
    }
  }
  for (std::size_t i = 0; i < slots_.size(); ++i) {
    for (const auto& [a, b] : pairs) slots_[i][a] = from.slots_[i][b];
  }
  iterations_ = from.iterations_;
}

void Optimizer::take_learning_rate(const Optimizer& from) { schedule_ = from.schedule_->clone(); }

// Default initial state: zeros shaped like the parameter (Keras add_variable_from_reference).
void Optimizer::init_slots(std::vector<Matrix>& slots, const Matrix& w) const {
  for (Matrix& s : slots) s = Matrix::Zero(w.rows(), w.cols());
}

void Optimizer::attach(const std::vector<Param*>& params) {
  slots_.assign(params.size(), std::vector<Matrix>(static_cast<std::size_t>(slot_count())));
  for (std::size_t i = 0; i < params.size(); ++i) init_slots(slots_[i], params[i]->value);
  // Clipping writes into preallocated scratch so apply() does not allocate.
  const bool clips =
      options_.clipnorm > 0 || options_.clipvalue > 0 || options_.global_clipnorm > 0;
  clipped_.clear();
  if (clips) {
    for (const Param* p : params) clipped_.emplace_back(p->value.rows(), p->value.cols());
  }
  iterations_ = 0;
}

// One Keras `apply`: clip gradients, decay weights, update each trainable parameter with this
// step's learning rate, then count the step.
void Optimizer::apply(const std::vector<Param*>& params, const std::vector<bool>& trainable) {
  if (params.size() != slots_.size()) {
    fail(name(), ": apply() got ", params.size(), " parameters but ", slots_.size(),
         " are attached");
  }
  if (trainable.size() != params.size()) {
    fail(name(), ": apply() got ", trainable.size(), " trainable flags for ", params.size(),
         " parameters");
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
    if (p.grad.rows() != p.value.rows() || p.grad.cols() != p.value.cols() ||
        (slot_count() > 0 &&
         (slots_[i][0].rows() != p.value.rows() || slots_[i][0].cols() != p.value.cols()))) {
      fail(name(), ": parameter ", i, " (", p.name, ") is ", p.value.rows(), "x", p.value.cols(),
           " with a ", p.grad.rows(), "x", p.grad.cols(),
           " gradient; attach() must be called again after parameters change shape");
    }
    // Without clipping the raw gradient is used directly (no copy).
    const Matrix* g = &p.grad;
    if (!clipped_.empty()) {
      Matrix& c = clipped_[i];
      c = p.grad;  // same shape as the scratch: no allocation
      if (global_scale != 1.0) c *= static_cast<Scalar>(global_scale);
      // clipnorm: g *= min(1, clipnorm / ||g||) per parameter.
      if (options_.clipnorm > 0) {
        const double norm = static_cast<double>(c.norm());
        if (norm > options_.clipnorm) c *= static_cast<Scalar>(options_.clipnorm / norm);
      }
      // clipvalue: each entry clamped to [-clipvalue, clipvalue].
      if (options_.clipvalue > 0) {
        const Scalar v = static_cast<Scalar>(options_.clipvalue);
        c = c.cwiseMax(-v).cwiseMin(v);
      }
      g = &c;
    }
    // Decoupled weight decay (Keras 3): w -= lr * wd * w, before the update.
    if (options_.weight_decay > 0) {
      p.value *= static_cast<Scalar>(1.0 - lr * options_.weight_decay);
    }
    update(p.value, *g, slots_[i], lr, t);
  }
  ++iterations_;
}

}  // namespace nn
