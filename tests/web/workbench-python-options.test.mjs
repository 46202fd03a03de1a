// The workbench's "Export Keras Python" for every layer option, family and fit option, the notes
// it writes for what Keras cannot do, and user names that must never break the script.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { pyCompile } from './support/python.mjs';
import { kerasPython } from '../../web/js/labs/workbench/keras-python.mjs';
import { pyString } from '../../web/js/labs/workbench/python-literals.mjs';

/** Every layer type, family form and fit option, with what Keras cannot express. */
const SINK = {
  model: {
    type: 'functional',
    name: 'kitchen/sink',
    seed: 7,
    inputs: [
      { name: 'seq', shape: [10, 3] },
      { name: 'class', shape: [10] },
      { name: '2h', shape: [16] },
      { shape: [4] },
    ],
    layers: [
      {
        type: 'embedding',
        name: 'e',
        inputs: ['class'],
        input_dim: 50,
        output_dim: 8,
        embeddings_initializer: { type: 'random_normal', mean: 0, stddev: 0.1 },
        embeddings_regularizer: 'l2',
      },
      {
        type: 'lstm',
        name: 'enc',
        inputs: ['seq', '2h', '2h'],
        units: 16,
        return_sequences: true,
        return_state: true,
        truncate_bptt: 5,
        kernel_regularizer: { l1: 0.001, l2: 0 },
        recurrent_initializer: { type: 'orthogonal', gain: 2 },
        unit_forget_bias: false,
        recurrent_activation: 'hard_sigmoid',
      },
      {
        type: 'gru',
        name: 'g',
        inputs: ['e'],
        units: 16,
        reset_after: false,
        go_backwards: true,
        use_bias: false,
        bias_initializer: 'ones',
        activation: 'relu',
      },
      {
        type: 'bidirectional',
        name: 'bi',
        inputs: ['enc'],
        merge_mode: 'sum',
        layer: {
          type: 'simple_rnn',
          units: 16,
          activation: { type: 'leaky_relu', alpha: 0.1 },
          return_state: true,
        },
      },
      { type: 'add', inputs: ['bi/forward_state_h', 'bi/backward_state_h', 'g'] },
      {
        type: 'dense',
        name: 'd',
        inputs: ['add'],
        units: 4,
        activation: { type: 'elu', alpha: 0.5 },
        use_bias: false,
        kernel_initializer: 'he_normal',
        bias_initializer: { type: 'constant', value: 0.1 },
        bias_regularizer: { l1: 0, l2: 0 },
      },
      { type: 'concatenate', name: 'cat', inputs: ['d', 'input_layer'], axis: 1 },
      {
        type: 'batch_normalization',
        name: 'bn',
        inputs: ['cat'],
        momentum: 0.9,
        center: false,
        trainable: false,
      },
      { type: 'dropout', inputs: ['bn'], rate: 0.25, seed: 7 },
      { type: 'prelu', inputs: ['dropout'], initial_alpha: 0.25 },
      {
        type: 'activation',
        name: 'lrelu',
        inputs: ['p_re_lu'],
        activation: { type: 'leaky_relu', alpha: 0.3 },
      },
      { type: 'activation', name: 'steps', inputs: ['lrelu'], activation: 'step' },
      { type: 'flatten', name: 'flat', inputs: ['enc'] },
      { type: 'reshape', name: 'grid', inputs: ['flat'], target_shape: [-1] },
      { type: 'dense', name: 'out1', inputs: ['steps'], units: 1 },
      { type: 'dense', name: 'out2', inputs: ['grid'], units: 1, activation: 'sigmoid' },
    ],
    outputs: ['out1', 'enc/state_h', 'out2'],
  },
  compile: {
    optimizer: {
      type: 'adamw',
      learning_rate: {
        type: 'exponential_decay',
        initial_learning_rate: 0.1,
        decay_steps: 100,
        decay_rate: 0.96,
        staircase: true,
      },
      beta_1: 0.8,
      beta_2: 0.999,
      amsgrad: true,
      weight_decay: 0,
      clipnorm: 1,
      clipvalue: 0,
    },
    loss: [
      'perceptron',
      { type: 'huber', delta: 2 },
      { type: 'binary_crossentropy', from_logits: true, label_smoothing: 0.1 },
    ],
    metrics: ['accuracy'],
  },
  fit: {
    epochs: 3,
    batch_size: 8,
    shuffle: false,
    validation_split: 0.2,
    callbacks: [
      {
        type: 'early_stopping',
        monitor: 'val_out1_loss',
        patience: 3,
        restore_best_weights: true,
        mode: 'min',
      },
      { type: 'reduce_lr_on_plateau', factor: 0.5, patience: 10, min_lr: 0.0001, cooldown: 2 },
      'early_stopping',
    ],
    augmentation: { image_shape: [2, 2], rotation_range: 10, noise_stddev: 0.05 },
  },
};

test('python: every layer option, family and fit option; notes for what Keras lacks', () => {
  const script = kerasPython(SINK);
  const expected = [
    'class_ = keras.Input(shape=(10,), name="class")',
    'n_2h = keras.Input(shape=(16,), name="2h")',
    'input_layer = keras.Input(shape=(4,), name="input_layer")',
    'e = layers.Embedding(input_dim=50, output_dim=8, embeddings_initializer=keras.initializers.RandomNormal(mean=0.0, stddev=0.1), embeddings_regularizer=keras.regularizers.L1L2(l1=0.0, l2=0.01), name="e")(class_)',
    'enc, enc_state_h, enc_state_c = layers.LSTM(16, recurrent_activation="hard_sigmoid", recurrent_initializer=keras.initializers.Orthogonal(gain=2.0), unit_forget_bias=False, kernel_regularizer=keras.regularizers.L1L2(l1=0.001, l2=0.0), return_sequences=True, return_state=True, name="enc")(seq, initial_state=[n_2h, n_2h])',
    'g = layers.GRU(16, activation="relu", use_bias=False, bias_initializer="ones", go_backwards=True, reset_after=False, name="g")(e)',
    'bi, bi_forward_state_h, bi_backward_state_h = layers.Bidirectional(layers.SimpleRNN(16, activation=leaky_relu_0_1, return_state=True, name="simple_rnn"), merge_mode="sum", name="bi")(enc)',
    'add = layers.Add(name="add")([bi_forward_state_h, bi_backward_state_h, g])',
    'd = layers.Dense(4, activation=elu_0_5, use_bias=False, kernel_initializer="he_normal", bias_initializer=keras.initializers.Constant(value=0.1), name="d")(add)',
    'cat = layers.Concatenate(axis=1, name="cat")([d, input_layer])',
    'bn = layers.BatchNormalization(momentum=0.9, center=False, trainable=False, name="bn")(cat)',
    'dropout = layers.Dropout(0.25, seed=7, name="dropout")(bn)',
    'p_re_lu = layers.PReLU(alpha_initializer=keras.initializers.Constant(value=0.25), name="p_re_lu")(dropout)',
    'lrelu = layers.LeakyReLU(negative_slope=0.3, name="lrelu")(p_re_lu)',
    'steps = layers.Activation("linear", name="steps")(lrelu)',
    'flat = layers.Flatten(name="flat")(enc)',
    'grid = layers.Reshape((-1,), name="grid")(flat)',
    'model = keras.Model(inputs=[seq, class_, n_2h, input_layer], outputs=[out1, enc_state_h, out2], name="kitchen_sink")',
    'def leaky_relu_0_1(x):\n    return keras.activations.leaky_relu(x, negative_slope=0.1)\n',
    'def elu_0_5(x):\n    return keras.activations.elu(x, alpha=0.5)\n',
    'def perceptron(y_true, y_pred):',
    'keras.utils.set_random_seed(7)',
    'optimizer=keras.optimizers.AdamW(learning_rate=keras.optimizers.schedules.ExponentialDecay(initial_learning_rate=0.1, decay_steps=100, decay_rate=0.96, staircase=True), beta_1=0.8, amsgrad=True, weight_decay=0.0, clipnorm=1.0),',
    'loss={"out1": perceptron, "enc": keras.losses.Huber(delta=2.0), "out2": keras.losses.BinaryCrossentropy(from_logits=True, label_smoothing=0.1)},',
    'metrics={"out1": ["accuracy"], "enc": ["accuracy"], "out2": ["accuracy"]},',
    '    keras.callbacks.EarlyStopping(monitor="val_out1_loss", patience=3, mode="min", restore_best_weights=True),\n' +
      '    keras.callbacks.ReduceLROnPlateau(factor=0.5, cooldown=2, min_lr=0.0001),\n' +
      '    keras.callbacks.EarlyStopping(),\n]',
    '    validation_split=0.2,\n    validation_data=validation_data,\n    shuffle=False,\n    callbacks=callbacks,\n',
    'np.load("kitchen_sink_data.npz")',
    'model.save("kitchen_sink.keras")',
  ];
  for (const text of expected) assert.ok(script.includes(text), `missing:\n${text}\n--- in ---\n${script}`);
  const notes = script.split('\n').filter((l) => l.startsWith('# note:'));
  for (const word of [
    'named kitchen_sink',
    'layer enc trains with truncate_bptt=5',
    'layer steps uses',
    'augments',
    'ReduceLROnPlateau',
    'random numbers',
  ]) {
    assert.ok(
      notes.some((n) => n.includes(word)),
      `a note about ${word}`,
    );
  }
  // Activation layers computing leaky_relu / elu use Keras's classes; LeakyReLU's own default
  // slope is 0.3, so the function's 0.2 is written out.
  const activations = kerasPython({
    model: {
      type: 'sequential',
      input_shape: [2],
      layers: [
        { type: 'activation', activation: 'leaky_relu' },
        { type: 'activation', activation: { type: 'elu', alpha: 1 } },
        { type: 'activation', activation: 'softmax' },
      ],
    },
    compile: { loss: 'mse' },
  });
  assert.match(activations, /layers\.LeakyReLU\(negative_slope=0\.2, name="activation"\)/);
  assert.match(activations, /layers\.ELU\(name="activation_1"\)/);
  assert.match(activations, /layers\.Activation\("softmax", name="activation_2"\)/);
  pyCompile('activations', activations);
  // A sequential model drops return_state (nnplay passes only the sequence on), with a note.
  const sequential = kerasPython({
    model: {
      type: 'sequential',
      input_shape: [5, 2],
      layers: [{ type: 'lstm', units: 3, return_state: true }],
    },
    compile: { loss: 'mse' },
  });
  assert.match(sequential, /layers\.LSTM\(3, name="lstm"\)/);
  assert.match(sequential, /# note: layer lstm has return_state/);
  // Not compiled yet: the model is still built, with a note instead of compile and fit.
  const uncompiled = kerasPython({
    model: { type: 'sequential', input_shape: [2], layers: [{ type: 'dense', units: 1 }] },
  });
  assert.match(uncompiled, /# note: the document has no compile\.loss yet/);
  assert.match(uncompiled, /model\.summary\(\)\n$/);
  assert.doesNotMatch(uncompiled, /model\.(compile|fit)\(/);
  pyCompile('uncompiled', uncompiled);
  pyCompile('sink', script);
  pyCompile('sequential_state', sequential);
});

test('python: hostile user names never break the script', () => {
  const names = ['q"uote', 'back\\slash', 'new\nline', 'emoji🧠', 'for', 'x'.repeat(64)];
  const script = kerasPython(
    {
      model: {
        type: 'functional',
        name: 'm"\n\\/',
        inputs: [{ name: names[0], shape: [2] }],
        layers: names
          .slice(1)
          .map((name, i) => ({ type: 'dense', name, units: 2, inputs: [i === 0 ? names[0] : names[i]] })),
        outputs: [names[names.length - 1]],
      },
      compile: { loss: 'mse' },
      fit: { callbacks: [{ type: 'early_stopping', monitor: 'val_\n"x' }] },
    },
    { dataFile: 'data "1"\n.npz' },
  );
  pyCompile('hostile', script);
  // Every name reaches Python as the literal pyString writes, which round-trips (test above).
  for (const name of names) assert.ok(script.includes(`name=${pyString(name)}`), name);
  assert.ok(script.includes('np.load("data \\"1\\"\\n.npz")'));
  assert.ok(script.includes('monitor="val_\\n\\"x"'));
  assert.ok(script.includes('model.save("m____.keras")'));
  assert.ok(script.includes('name="m\\"\\n\\\\_")'), 'the model name without "/"');
});
