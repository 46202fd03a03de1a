// The surfaces lab's interface text, English and Korean (keys prefixed "surf.").
export default {
  en: {
    'surf.title': 'Optimizers on a loss surface',
    'surf.intro':
      'A function of two parameters drawn as a contour map: darker is lower, the star is the minimum. Every path is the engine’s own optimizer taking its steps on this function from the white start point. Drag the start point (or focus the map and use the arrow keys): every path is computed again.',
    'surf.function': 'Function',
    'surf.fn.quadratic': 'Ill-conditioned valley',
    'surf.fn.saddle': 'Saddle',
    'surf.fn.rosenbrock': 'Rosenbrock',
    'surf.fn.beale': 'Beale',
    'surf.fn.neuron': 'Neuron (network slice)',
    'surf.fn.line': 'Line fit (network slice)',
    'surf.fnHelp.quadratic':
      'f = 0.5 x² + 5 y²: ten times steeper across the valley than along it. Plain SGD zigzags across; momentum averages the zigzag away.',
    'surf.fnHelp.saddle':
      'f = x² − y²: downhill in y, uphill in x, no minimum. Near the ridge the gradient across it is tiny; who gets away, and how fast?',
    'surf.fnHelp.rosenbrock':
      'f = (1 − x)² + 100 (y − x²)²: a steep curved valley with a very flat floor leading to the minimum at (1, 1).',
    'surf.fnHelp.beale': 'Beale’s function: flat plateaus and steep walls, minimum at (3, 0.5).',
    'surf.fnHelp.neuron':
      'The loss of a small network’s two weights: one sigmoid neuron (weight w, bias b) on 64 points of two overlapping classes, binary cross-entropy.',
    'surf.fnHelp.line':
      'The loss of a linear neuron’s two weights (w, b) fitting 64 noisy points of a line, mean squared error: a stretched bowl.',
    'surf.steps': 'Steps',
    'surf.resetStart': 'Start point back',
    'surf.dragHelp':
      'Drag the white point, tap anywhere on the map, or focus it and use the arrow keys (Shift: bigger moves).',
    'surf.plotLabel':
      'Contour map of the loss with the optimizers’ paths; the start point can be moved with the arrow keys',
    'surf.batchPlotLabel': 'Contour map of the neuron’s loss with the three batch sizes’ paths',
    'surf.optimizers': 'Optimizers (Keras) and their settings',
    'surf.lrHelp':
      'Learning rates start at values chosen for each function: Keras’s defaults (Adam 0.001, SGD 0.01) are made for networks with many weights and would hardly move here in a few hundred steps. Every change runs the paths again.',
    'surf.lr': 'learning_rate',
    'surf.none': 'No optimizer is ticked: tick one to see its path.',
    'surf.summary': '{count} paths from ({x}, {y}), up to {steps} steps each.',
    'surf.stopped':
      '{name} diverged at step {step}: a value grew beyond 10⁴ or stopped being a number; its path ends with a cross.',
    'surf.failed': 'The engine refused: {message}',
    'surf.stepTitle': 'Step by step',
    'surf.prev': '◀ Previous',
    'surf.next': 'Next ▶',
    'surf.stepOf': 'step {k} of {n}',
    'surf.stepHelp':
      'For the chosen step: where each optimizer is after it and its loss there, the gradient it used (at the point before), and its slots after the step, under their Keras names: momentum is SGD’s velocity, accumulator Adagrad’s sum of squared gradients, velocity RMSprop’s and Adam’s average of squared gradients, momentum Adam’s average gradient.',
    'surf.colOptimizer': 'Optimizer',
    'surf.colPoint': 'Position (x, y)',
    'surf.colLoss': 'Loss',
    'surf.colGradient': 'Gradient used',
    'surf.colSlots': 'Slots after the step',
    'surf.noSlots': 'none (plain SGD keeps no state)',
    'surf.atStart': 'at the start',
    'surf.stoppedBefore': 'stopped after step {step}',
    'surf.batchTitle': 'Batch size: noisy but cheap',
    'surf.batchIntro':
      'The same optimizer, learning rate and number of epochs on a network slice, with the gradient of all 64 points, of mini-batches, or of one point at a time. An epoch is one step for the full batch but 64 steps for batch size 1: per epoch it gets furthest, along a wandering path, because each of its steps saw a single example.',
    'surf.optimizer': 'Optimizer',
    'surf.mini': 'Mini-batch size',
    'surf.epochs': 'Epochs',
    'surf.epochAxis': 'epochs (loss on all points)',
    'surf.batch.full': 'full batch ({n})',
    'surf.batch.mini': 'mini-batch ({n})',
    'surf.batch.one': 'batch size 1',
    'surf.batchSteps': 'Gradient steps per epoch of {samples} points: {list}.',
    'surf.perEpoch': '{name}: {n}',
    'surf.batchFinal': 'After {epochs} epochs: {list}.',
    'surf.finalOf': '{name} loss {loss} in {steps} steps',
  },
  ko: {
    'surf.title': '손실 곡면 위의 옵티마이저',
    'surf.intro':
      '파라미터 두 개의 함수를 등고선 지도로 그렸습니다. 어두울수록 낮고, 별이 최솟값입니다. 모든 경로는 엔진의 옵티마이저가 흰 출발점에서 이 함수 위로 직접 밟은 스텝입니다. 출발점을 끌어 보세요 (또는 지도에 포커스를 두고 화살표 키): 모든 경로가 다시 계산됩니다.',
    'surf.function': '함수',
    'surf.fn.quadratic': '조건이 나쁜 골짜기',
    'surf.fn.saddle': '안장점',
    'surf.fn.rosenbrock': 'Rosenbrock',
    'surf.fn.beale': 'Beale',
    'surf.fn.neuron': '뉴런 (신경망 단면)',
    'surf.fn.line': '직선 맞추기 (신경망 단면)',
    'surf.fnHelp.quadratic':
      'f = 0.5 x² + 5 y²: 골짜기를 가로지르는 방향이 따라가는 방향보다 열 배 가파릅니다. 보통 SGD는 가로로 지그재그하고, 모멘텀은 그 지그재그를 평균으로 지웁니다.',
    'surf.fnHelp.saddle':
      'f = x² − y²: y 방향으로는 내리막, x 방향으로는 오르막이고 최솟값이 없습니다. 능선 가까이에서는 능선을 가로지르는 기울기가 아주 작습니다. 누가, 얼마나 빨리 빠져나갈까요?',
    'surf.fnHelp.rosenbrock':
      'f = (1 − x)² + 100 (y − x²)²: 가파르고 휘어진 골짜기, 그 바닥은 아주 평평하게 최솟값 (1, 1)로 이어집니다.',
    'surf.fnHelp.beale': 'Beale 함수: 평평한 고원과 가파른 벽, 최솟값은 (3, 0.5).',
    'surf.fnHelp.neuron':
      '작은 신경망의 가중치 두 개에 대한 손실: 시그모이드 뉴런 하나(가중치 w, 편향 b), 겹치는 두 클래스의 점 64개, 이진 교차 엔트로피.',
    'surf.fnHelp.line':
      '선형 뉴런의 가중치 두 개(w, b)로 잡음 섞인 직선 위의 점 64개를 맞추는 평균 제곱 오차: 길쭉한 그릇 모양.',
    'surf.steps': '스텝 수',
    'surf.resetStart': '출발점 되돌리기',
    'surf.dragHelp':
      '흰 점을 끌거나, 지도 아무 곳이나 누르거나, 포커스를 두고 화살표 키를 쓰세요 (Shift: 크게 이동).',
    'surf.plotLabel': '옵티마이저 경로가 그려진 손실 등고선 지도; 출발점은 화살표 키로 옮길 수 있습니다',
    'surf.batchPlotLabel': '세 가지 배치 크기의 경로가 그려진 뉴런 손실 등고선 지도',
    'surf.optimizers': '옵티마이저(Keras)와 설정',
    'surf.lrHelp':
      '학습률은 함수마다 고른 값에서 시작합니다. Keras 기본값(Adam 0.001, SGD 0.01)은 가중치가 많은 신경망용이라 여기서는 수백 스텝 동안 거의 움직이지 않습니다. 무엇을 바꾸든 경로를 다시 계산합니다.',
    'surf.lr': 'learning_rate',
    'surf.none': '선택한 옵티마이저가 없습니다. 하나를 체크하면 경로가 보입니다.',
    'surf.summary': '({x}, {y})에서 출발한 경로 {count}개, 각각 최대 {steps} 스텝.',
    'surf.stopped':
      '{name}: 스텝 {step}에서 발산했습니다. 값이 10⁴를 넘었거나 수가 아니게 되었습니다. 경로 끝에 × 표시가 있습니다.',
    'surf.failed': '엔진이 거부했습니다: {message}',
    'surf.stepTitle': '한 스텝씩',
    'surf.prev': '◀ 이전',
    'surf.next': '다음 ▶',
    'surf.stepOf': '스텝 {k} / {n}',
    'surf.stepHelp':
      '고른 스텝에서 각 옵티마이저가 도착한 위치와 그곳의 손실, 사용한 기울기(직전 위치에서 잰 값), 스텝 뒤의 슬롯 값을 Keras 이름으로 보여 줍니다: momentum은 SGD의 속도, accumulator는 Adagrad의 기울기 제곱 합, velocity는 RMSprop과 Adam의 기울기 제곱 평균, Adam의 momentum은 기울기 평균입니다.',
    'surf.colOptimizer': '옵티마이저',
    'surf.colPoint': '위치 (x, y)',
    'surf.colLoss': '손실',
    'surf.colGradient': '사용한 기울기',
    'surf.colSlots': '스텝 뒤의 슬롯',
    'surf.noSlots': '없음 (보통 SGD는 상태를 두지 않음)',
    'surf.atStart': '출발점',
    'surf.stoppedBefore': '스텝 {step} 뒤에 멈춤',
    'surf.batchTitle': '배치 크기: 시끄럽지만 싸다',
    'surf.batchIntro':
      '같은 옵티마이저, 학습률, 에포크 수로 신경망 단면 위를 움직입니다. 기울기를 점 64개 전체로, 미니배치로, 또는 한 점씩 구합니다. 한 에포크는 전체 배치에게는 1스텝, 배치 크기 1에게는 64스텝입니다. 그래서 에포크당 가장 멀리 가지만, 스텝마다 예제 하나만 보았기에 경로가 헤맵니다.',
    'surf.optimizer': '옵티마이저',
    'surf.mini': '미니배치 크기',
    'surf.epochs': '에포크',
    'surf.epochAxis': '에포크 (모든 점의 손실)',
    'surf.batch.full': '전체 배치 ({n})',
    'surf.batch.mini': '미니배치 ({n})',
    'surf.batch.one': '배치 크기 1',
    'surf.batchSteps': '점 {samples}개 한 에포크의 기울기 스텝 수: {list}.',
    'surf.perEpoch': '{name}: {n}',
    'surf.batchFinal': '{epochs} 에포크 뒤: {list}.',
    'surf.finalOf': '{name} 손실 {loss} ({steps} 스텝)',
  },
};
