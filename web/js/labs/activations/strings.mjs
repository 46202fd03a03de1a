// The activations lab's interface text, English and Korean (keys prefixed "act.").
export default {
  en: {
    'act.title': 'Activation functions',
    'act.intro':
      'Pick an activation: the solid line is f(x), the dashed line its derivative f′(x), which scales every gradient that flows back through the neuron.',
    'act.choose': 'Activation',
    'act.alpha': 'α',
    'act.f': 'f(x)',
    'act.df': 'f′(x)',
    'act.plotLabel': 'The selected activation and its derivative for x from −6 to 6',
    'act.name.linear': 'linear',
    'act.name.step': 'step',
    'act.name.sigmoid': 'sigmoid',
    'act.name.tanh': 'tanh',
    'act.name.relu': 'ReLU',
    'act.name.leaky_relu': 'Leaky ReLU',
    'act.name.elu': 'ELU',
    'act.name.prelu': 'PReLU',
    'act.name.softmax': 'softmax',
    'act.note.linear': 'Stacking linear layers gives one linear layer: no bends, no depth.',
    'act.note.step':
      "The perceptron's activation. Its derivative is 0 everywhere it exists, so gradient descent cannot train it.",
    'act.note.sigmoid':
      'Its slope is at most 0.25: each sigmoid layer shrinks the gradient at least 4×, and far more once the neuron saturates.',
    'act.note.tanh': 'Zero-centred, slope up to 1, but it saturates like the sigmoid for large |x|.',
    'act.note.relu':
      'Slope exactly 1 for x > 0, so gradients pass through deep stacks unchanged; a neuron stuck at x < 0 gets none ("dying ReLU").',
    'act.note.leaky_relu': 'A small slope α for x < 0 keeps a gradient flowing (Keras default α = 0.2).',
    'act.note.elu': 'Smooth for x < 0, saturating at −α; mean activations nearer zero.',
    'act.note.prelu': 'Like Leaky ReLU, but α is a weight the network learns (Keras starts it at 0).',
    'act.note.softmax':
      'For two classes, softmax([x, 0]) gives the first class the probability σ(x): the sigmoid again.',
    'act.vanishingTitle': 'Vanishing gradients',
    'act.vanishingIntro':
      "One input feeds two deep towers trained side by side on the circle data. The chart shows how strongly each layer's weights are pushed (‖∂L/∂W‖, log scale): in the {act} tower the gradient shrinks layer by layer on its way back to the input.",
    'act.deepAct': 'Deep tower activation',
    'act.deepDepth': 'Hidden layers per tower',
    'act.layerAxis': 'layer',
    'act.timeAxis': 'epoch',
    'act.byLayer': 'Gradient norm per layer (input side at layer 1)',
    'act.history': "First layer's gradient norm during training",
    'act.towerDeep': '{act} tower',
    'act.towerRelu': 'ReLU tower (He init)',
    'act.loss': 'loss {loss} · accuracy {acc}',
    'act.ratio': 'Layer 1 gets {ratio}× less gradient in the {act} tower than in the ReLU tower.',
    'act.ratioMore': 'Layer 1 gets {ratio}× more gradient in the {act} tower than in the ReLU tower.',
    'act.waiting': 'Press play to train both towers; the norms update live.',
    'act.gradientLabel': 'Gradient norm of each layer of both towers, log scale',
    'hint.vanishing':
      'Vanishing gradient: in the {act} tower, layer 1 gets more than {ratio}× less gradient than layer {depth} next to the output. Each {act} layer scales the gradient by its slope (at most {slope}), so the first layers barely learn. What helps: ReLU (slope 1, as the other tower shows), an initializer suited to the activation (Glorot for sigmoid and tanh, He for ReLU), or batch normalization between the layers.',
  },
  ko: {
    'act.title': '활성화 함수',
    'act.intro':
      '활성화 함수를 고르세요. 실선은 f(x), 점선은 도함수 f′(x)입니다. 도함수는 뉴런을 거슬러 흐르는 모든 기울기에 곱해집니다.',
    'act.choose': '활성화 함수',
    'act.alpha': 'α',
    'act.f': 'f(x)',
    'act.df': 'f′(x)',
    'act.plotLabel': 'x가 −6부터 6까지일 때 선택한 활성화 함수와 도함수',
    'act.name.linear': '선형',
    'act.name.step': '계단',
    'act.name.sigmoid': '시그모이드',
    'act.name.tanh': 'tanh',
    'act.name.relu': 'ReLU',
    'act.name.leaky_relu': 'Leaky ReLU',
    'act.name.elu': 'ELU',
    'act.name.prelu': 'PReLU',
    'act.name.softmax': '소프트맥스',
    'act.note.linear': '선형 층을 쌓아도 선형 층 하나와 같습니다. 꺾임도, 깊이의 이점도 없습니다.',
    'act.note.step':
      '퍼셉트론의 활성화 함수입니다. 도함수가 존재하는 곳에서는 모두 0이므로 경사 하강법으로 학습할 수 없습니다.',
    'act.note.sigmoid':
      '기울기가 최대 0.25입니다. 시그모이드 층을 하나 지날 때마다 기울기가 최소 4배 줄고, 뉴런이 포화되면 훨씬 더 줄어듭니다.',
    'act.note.tanh': '0을 중심으로 하고 기울기가 최대 1이지만, |x|가 크면 시그모이드처럼 포화됩니다.',
    'act.note.relu':
      'x > 0에서 기울기가 정확히 1이라 깊은 층을 지나도 기울기가 줄지 않습니다. x < 0에 갇힌 뉴런은 기울기를 전혀 받지 못합니다("죽은 ReLU").',
    'act.note.leaky_relu':
      'x < 0에서도 작은 기울기 α를 두어 기울기가 계속 흐르게 합니다(Keras 기본값 α = 0.2).',
    'act.note.elu': 'x < 0에서 매끄럽게 −α로 포화되며, 활성값의 평균이 0에 더 가깝습니다.',
    'act.note.prelu': 'Leaky ReLU와 같지만 α를 신경망이 학습하는 가중치로 둡니다(Keras는 0에서 시작).',
    'act.note.softmax':
      '클래스가 둘이면 softmax([x, 0])는 첫 클래스에 확률 σ(x)를 줍니다. 다시 시그모이드입니다.',
    'act.vanishingTitle': '기울기 소실',
    'act.vanishingIntro':
      '하나의 입력이 두 개의 깊은 타워에 들어가 원형 데이터로 나란히 학습합니다. 차트는 각 층의 가중치가 받는 기울기의 크기(‖∂L/∂W‖, 로그 눈금)입니다. {act} 타워에서는 기울기가 입력 쪽으로 거슬러 갈수록 층마다 작아집니다.',
    'act.deepAct': '깊은 타워의 활성화 함수',
    'act.deepDepth': '타워마다 은닉층 수',
    'act.layerAxis': '층',
    'act.timeAxis': '에포크',
    'act.byLayer': '층별 기울기 크기 (1층이 입력 쪽)',
    'act.history': '학습 중 1층의 기울기 크기',
    'act.towerDeep': '{act} 타워',
    'act.towerRelu': 'ReLU 타워 (He 초기화)',
    'act.loss': '손실 {loss} · 정확도 {acc}',
    'act.ratio': '1층이 받는 기울기가 {act} 타워에서 ReLU 타워보다 {ratio}배 작습니다.',
    'act.ratioMore': '1층이 받는 기울기가 {act} 타워에서 ReLU 타워보다 {ratio}배 큽니다.',
    'act.waiting': '재생을 누르면 두 타워가 학습하고 기울기 크기가 실시간으로 바뀝니다.',
    'act.gradientLabel': '두 타워의 층별 기울기 크기, 로그 눈금',
    'hint.vanishing':
      '기울기 소실: {act} 타워에서 1층이 받는 기울기는 출력 옆 {depth}층보다 {ratio}배 넘게 작습니다. {act} 층마다 기울기에 도함수 값(최대 {slope})을 곱하므로 앞쪽 층은 거의 배우지 못합니다. 도움이 되는 것: ReLU(도함수 1, 옆 타워가 보여 주듯), 활성화 함수에 맞는 초기화(시그모이드·tanh에는 Glorot, ReLU에는 He), 층 사이의 배치 정규화.',
  },
};
