// @ts-check
// The engine's built-in text (engine/core/data/builtin_corpus.cpp), copied here because the
// engine has no request that returns it: the page needs its characters to build the same
// vocabulary (sorted distinct characters, id = rank) and decode the ids `predict` answers about.
// tests/wasm/sequence-text.test.mjs encodes this copy and compares it with the engine's
// `char_corpus` dataset, so the two cannot drift apart silently.

/** The built-in corpus, character for character (3,923 characters, ends with a newline). */
export const BUILTIN_CORPUS = `a neuron is a small thing. it takes a few numbers in, it weighs each number, it adds them up,
and it adds a bias. then it bends the sum with an activation and passes the result on.
one neuron can only draw a line. many neurons in a layer can draw many lines, and a second
layer can join those lines into shapes. this is why a network has layers.

a network learns from examples. we show it an input and the answer we want. it makes a guess.
the loss tells us how far the guess is from the answer. a large loss means a bad guess, and a
small loss means a good guess. learning is the slow work of making the loss small.

the gradient tells each weight which way to move. if a weight grows and the loss grows, the
weight should shrink. if a weight grows and the loss falls, the weight should grow. we move
every weight a little step against its gradient, and then we look at the loss again.
the size of the step is the learning rate. a step that is too large jumps over the valley.
a step that is too small takes all day. a good step walks down into the valley.

backpropagation is how the gradient reaches every weight. the loss sends a signal back to the
last layer, the last layer sends it back to the layer before, and so on to the first layer.
each layer keeps what it saw on the way forward, so it can use it on the way back.
the chain rule is the whole trick. each layer only needs its own small part of the chain.

a network that sees the same examples again and again can learn them too well. it remembers
the examples and not the rule. then it fails on new examples. we keep some examples aside,
and we watch the loss on them. when that loss stops falling, the network has learned enough.

time is harder. a sentence comes one word at a time, and a sound comes one sample at a time.
a network for time must carry a memory from one step to the next. at each step it reads the
input and its own memory, and it writes a new memory. this is a recurrent network.

the simple recurrent network forgets fast. its gradient must travel back through every step,
and at each step it is multiplied again. after many steps the gradient is tiny, or it is huge.
a tiny gradient means the network cannot learn what happened long ago.

the long short term memory has a cell and three gates. the forget gate decides what to keep.
the input gate decides what to write. the output gate decides what to show. the cell carries
the memory along a quiet path, so the gradient can travel far without fading away.
with gates, a network can hold a number for a hundred steps, and then use it when it matters.

to test a memory, we give a network a task that needs one. in the adding task it must add two
numbers that were marked long ago. in the copy task it must repeat a few symbols after a long
wait. in the parity task it must count the ones and say if the count is odd or even.
a network without memory can only guess, and its loss stays at the guessing line.

a small network can also learn text. it reads a window of characters and guesses the next one.
at first its guesses are noise. after a while it learns that a space comes after a word, that
a dot comes at the end of a line, and that some letters like to walk together.
then we let it write. it guesses a character, we add it to the window, and it guesses again.
the temperature sets how bold it is. a low temperature picks the safe character every time,
and the text repeats itself. a high temperature takes risks, and the text turns into noise.
a middle temperature writes something that looks a little like the text it read.

so a network is a stack of simple parts. each part is easy to understand. the neuron adds,
the activation bends, the loss measures, the gradient points, the step moves, and the memory
waits. put together and trained on enough examples, the parts learn to do something useful.
watch the loss fall, watch the weights move, and watch the network learn.
`;
