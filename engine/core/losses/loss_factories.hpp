#pragma once
/// Internal constructors of the concrete losses, one per source file; make_loss() (registry.cpp)
/// is the public way in. Options are validated here.
#include <memory>

#include "engine/core/losses/loss.hpp"

namespace nn::detail {

std::unique_ptr<Loss> make_mean_squared_error();
std::unique_ptr<Loss> make_mean_absolute_error();
std::unique_ptr<Loss> make_huber(double delta);
std::unique_ptr<Loss> make_binary_crossentropy(bool from_logits, double label_smoothing);
std::unique_ptr<Loss> make_categorical_crossentropy(bool from_logits, double label_smoothing);
std::unique_ptr<Loss> make_sparse_categorical_crossentropy(bool from_logits);
std::unique_ptr<Loss> make_hinge();
std::unique_ptr<Loss> make_perceptron();

}  // namespace nn::detail
