// @ts-check
// The notes' three models with their optimizers, as presets (Keras's default learning rates:
// SGD 0.01, RMSprop and Adam 0.001; Keras's default batch of 32). The first is what the tab opens.

const NOTES = { batch: 32, dataset: 'fashion' };
const SIGMOID = { ...NOTES, hiddenLayers: 2, units1: 200, units2: 200, activation: 'sigmoid' };

/** @type {Record<string, import('../registry.mjs').PresetDeclaration>} */
export const IMAGE_PRESETS = {
  'notes-relu': {
    title: { en: 'Dense(100, relu), Adam', ko: 'Dense(100, relu), Adam' },
    state: { ...NOTES, hiddenLayers: 1, units1: 100, activation: 'relu', optimizer: 'adam', lr: 0.001 },
  },
  'notes-single': {
    title: { en: 'Dense(10) alone, SGD', ko: 'Dense(10) 하나, SGD' },
    state: { ...NOTES, hiddenLayers: 0, optimizer: 'sgd', lr: 0.01 },
  },
  'notes-sigmoid-sgd': {
    title: { en: 'Sigmoid 200×2, SGD', ko: 'Sigmoid 200×2, SGD' },
    state: { ...SIGMOID, optimizer: 'sgd', lr: 0.01 },
  },
  'notes-sigmoid-rmsprop': {
    title: { en: 'Sigmoid 200×2, RMSprop', ko: 'Sigmoid 200×2, RMSprop' },
    state: { ...SIGMOID, optimizer: 'rmsprop', lr: 0.001 },
  },
  'notes-sigmoid-adam': {
    title: { en: 'Sigmoid 200×2, Adam', ko: 'Sigmoid 200×2, Adam' },
    state: { ...SIGMOID, optimizer: 'adam', lr: 0.001 },
  },
  // docs/presets/fashion-mlp.json's model, compile and fit, here on the real images.
  'fashion-mlp': {
    title: { en: 'Dense(128), Adam, 5 epochs', ko: 'Dense(128), Adam, 5 에포크' },
    state: {
      ...NOTES,
      hiddenLayers: 1,
      units1: 128,
      activation: 'relu',
      optimizer: 'adam',
      lr: 0.001,
      epochs: 5,
    },
  },
  'digits-relu': {
    title: { en: 'Digits, Dense(100), Adam', ko: '숫자, Dense(100), Adam' },
    state: {
      ...NOTES,
      dataset: 'digits',
      hiddenLayers: 1,
      units1: 100,
      activation: 'relu',
      optimizer: 'adam',
      lr: 0.001,
    },
  },
  'notes-dropout-bn': {
    title: { en: 'Dropout + batch norm', ko: '드롭아웃 + 배치 정규화' },
    state: {
      ...NOTES,
      hiddenLayers: 1,
      units1: 100,
      activation: 'relu',
      optimizer: 'adam',
      lr: 0.001,
      dropout: 0.3,
      batchNorm: true,
    },
  },
};
