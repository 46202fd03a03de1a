// The perceptron's Heaviside step (Rosenblatt, 1958); not part of Keras.
#include "engine/core/activations/step.hpp"

#include "engine/core/base/error.hpp"

namespace nn {

void Step::forward(const Matrix& z, Matrix& a) const {
  a.resize(z.rows(), z.cols());
  a = (z.array() >= Scalar(0)).cast<Scalar>().matrix();
}

void Step::backward(const Matrix&, const Matrix&, const Matrix&, Matrix&) const {
  fail(
      "step: the activation \"step\" has no gradient (it is 0 almost everywhere); "
      "a perceptron is trained with the hinge loss, which takes the pre-activation "
      "(use step as the output activation with loss \"hinge\")");
}

std::unique_ptr<Activation> Step::clone() const { return std::make_unique<Step>(*this); }

}  // namespace nn
