// The perceptron lab's interface text, English and Korean (keys prefixed "perceptron.").
export default {
  en: {
    'perceptron.title': 'Perceptron',
    'perceptron.intro':
      'One neuron draws one straight line. Points on the blue side are predicted 1, on the orange side 0.',
    'perceptron.gate': 'Logic gate',
    'perceptron.rule': 'ŷ = step(w₁·x₁ + w₂·x₂ + b)\nupdate: w ← w + η·(y − ŷ)·x',
    'perceptron.hiddenRule': 'ŷ = σ(Σ vⱼ·tanh(wⱼ·x + bⱼ) + c)\n4 hidden neurons, Adam 0.05',
    'perceptron.weights': 'Weights and bias',
    'perceptron.w1': 'w₁',
    'perceptron.w2': 'w₂',
    'perceptron.b': 'b',
    'perceptron.lr': 'Learning rate η',
    'perceptron.correct': '{n}/4 correct',
    'perceptron.solved': 'Solved: every point is on its side.',
    'perceptron.noLine': 'w₁ = w₂ = 0: no line; every point gets step(b).',
    'perceptron.dragHint': 'Drag the dot to move the line, the arrow tip to turn it.',
    'perceptron.xorFails':
      'After {epochs} epochs the perceptron still gets only {n}/4: the rule keeps moving the line and never settles.',
    'hint.notSeparable':
      'One neuron draws one straight line, and no straight line puts {gate}’s 1s on one side and its 0s on the other: {gate} is not linearly separable. A hidden layer gives the network several lines to combine: add one here, or train on {gate} data in the multi-layer network lab.',
    'hint.notSeparable.action': 'Open XOR in the multi-layer network lab',
    'perceptron.addHidden': 'Add a hidden layer',
    'perceptron.hiddenLayer': 'Hidden layer',
    'perceptron.removeHidden': 'Back to one perceptron',
    'perceptron.hiddenNote':
      'Each hidden neuron draws its own line (grey); the output neuron combines them, so the boundary can bend. Press play.',
    'perceptron.hiddenSolved': 'XOR solved with a hidden layer after {epochs} epochs.',
    'perceptron.legend1': 'class 1',
    'perceptron.legend0': 'class 0',
    'perceptron.wrong': 'misclassified',
    'perceptron.plotLabel': 'The four truth-table points and the decision boundary',
  },
  ko: {
    'perceptron.title': '퍼셉트론',
    'perceptron.intro':
      '뉴런 하나는 직선 하나를 긋습니다. 파란 쪽의 점은 1, 주황 쪽의 점은 0으로 예측됩니다.',
    'perceptron.gate': '논리 게이트',
    'perceptron.rule': 'ŷ = step(w₁·x₁ + w₂·x₂ + b)\n갱신: w ← w + η·(y − ŷ)·x',
    'perceptron.hiddenRule': 'ŷ = σ(Σ vⱼ·tanh(wⱼ·x + bⱼ) + c)\n은닉 뉴런 4개, Adam 0.05',
    'perceptron.weights': '가중치와 편향',
    'perceptron.w1': 'w₁',
    'perceptron.w2': 'w₂',
    'perceptron.b': 'b',
    'perceptron.lr': '학습률 η',
    'perceptron.correct': '{n}/4 정답',
    'perceptron.solved': '해결: 모든 점이 제 쪽에 있습니다.',
    'perceptron.noLine': 'w₁ = w₂ = 0: 직선이 없습니다. 모든 점이 step(b)를 받습니다.',
    'perceptron.dragHint': '점을 끌면 직선이 이동하고, 화살표 끝을 끌면 직선이 회전합니다.',
    'perceptron.xorFails':
      '{epochs} 에포크가 지나도 퍼셉트론은 {n}/4만 맞힙니다. 규칙은 직선을 계속 옮길 뿐 멈추지 않습니다.',
    'hint.notSeparable':
      '뉴런 하나는 직선 하나를 긋는데, {gate}의 1과 0을 양쪽으로 나누는 직선은 없습니다. {gate}는 선형 분리가 불가능합니다. 은닉층이 있으면 신경망이 여러 직선을 조합할 수 있습니다. 여기서 은닉층을 추가하거나, 다층 신경망 실험에서 {gate} 데이터로 학습해 보세요.',
    'hint.notSeparable.action': '다층 신경망 실험에서 XOR 열기',
    'perceptron.addHidden': '은닉층 추가',
    'perceptron.hiddenLayer': '은닉층',
    'perceptron.removeHidden': '퍼셉트론 하나로 돌아가기',
    'perceptron.hiddenNote':
      '은닉 뉴런마다 자기 직선(회색)을 긋고, 출력 뉴런이 이를 조합하므로 결정 경계가 휘어질 수 있습니다. 재생을 누르세요.',
    'perceptron.hiddenSolved': '은닉층을 추가해 {epochs} 에포크 만에 XOR을 풀었습니다.',
    'perceptron.legend1': '클래스 1',
    'perceptron.legend0': '클래스 0',
    'perceptron.wrong': '오분류',
    'perceptron.plotLabel': '진리표의 네 점과 결정 경계',
  },
};
