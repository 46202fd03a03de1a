// The workbench's words for its array data (real images, the learner's CSV), English and Korean,
// spread into strings.mjs. The data errors' templates match array-data.mjs's ARRAY_MESSAGES and
// the CSV's match table-csv.mjs's TABLE_MESSAGES, with the same {fields}.
import { ARRAY_MESSAGES } from './array-data.mjs';
import { TABLE_MESSAGES } from '../../data/table-csv.mjs';

/** The CSV error codes parseTableCsv and the reader give. */
const CSV_CODES = [
  'tooBig',
  'notText',
  'tooMany',
  'tooManyColumns',
  'noRows',
  'parse',
  'tableColumns',
  'empty',
  'notFinite',
  'notNumber',
  'unreadable',
];

/** @param {string} prefix @param {Record<string, string>} messages @param {string[]} codes */
const prefixed = (prefix, messages, codes) =>
  Object.fromEntries(codes.map((code) => [`${prefix}.${code}`, messages[code]]));

export default {
  en: {
    'wb.how.data': 'Data changed: the weights are kept, the optimizer starts afresh.',
    'wb.how.keptData': 'Your model from last time, with its weights and its data.',
    'wb.data.images':
      'Data: {name}, the first {n} training images (28×28 pixels scaled to 0..1; the classes are balanced).',
    'wb.data.csv':
      'Data: {name}, {rows} rows of {columns} columns (the inputs’ columns first, then the targets).',
    'wb.data.dropped': 'Its data no longer fit ({message}), so it trains on random data of its shapes.',
    'wb.data.refused': 'Not used: {name}: {message}. Your model and its data are unchanged.',
    'wb.images.loading': 'Downloading {name}: {loaded} of {total}…',
    'wb.images.failed': '{name} could not be loaded: {message}. Choose it again in the Data menu to retry.',
    'wb.csv.load': 'Load CSV…',
    'wb.csv.pick':
      'Pick a CSV file: numbers only, an optional header row; the inputs’ columns first, then the targets.',
    'wb.csv.reading': 'Reading {name}…',
    'wb.csv.refused': '{name} was not used: {message}. Your model and its data are unchanged.',
    'wb.csv.more': '({count} more problems)',
    ...prefixed('wb.dataError', ARRAY_MESSAGES, Object.keys(ARRAY_MESSAGES)),
    ...prefixed('wb.csvError', TABLE_MESSAGES, CSV_CODES),
  },
  ko: {
    'wb.how.data': '데이터를 바꿨습니다. 가중치는 그대로이고 옵티마이저는 새로 시작합니다.',
    'wb.how.keptData': '지난번 모델을 가중치, 데이터와 함께 불러왔습니다.',
    'wb.data.images':
      '데이터: {name}, 앞쪽 훈련 이미지 {n}개(28×28 픽셀을 0..1로 조정, 클래스별 개수는 같습니다).',
    'wb.data.csv': '데이터: {name}, {rows}행 {columns}열(입력 열이 먼저, 그다음 정답 열).',
    'wb.data.dropped': '데이터가 더 이상 맞지 않아({message}) 모델 모양에 맞춘 무작위 데이터로 학습합니다.',
    'wb.data.refused': '적용하지 않았습니다: {name}: {message}. 모델과 데이터는 그대로입니다.',
    'wb.images.loading': '{name} 내려받는 중: {total} 중 {loaded}…',
    'wb.images.failed':
      '{name}을(를) 불러오지 못했습니다: {message}. 데이터 메뉴에서 다시 고르면 다시 시도합니다.',
    'wb.csv.load': 'CSV 불러오기…',
    'wb.csv.pick':
      'CSV 파일을 고르세요. 숫자만, 머리글 행은 있어도 됩니다. 입력 열이 먼저, 그다음 정답 열입니다.',
    'wb.csv.reading': '{name} 읽는 중…',
    'wb.csv.refused': '{name}을(를) 쓰지 않았습니다: {message}. 모델과 데이터는 그대로입니다.',
    'wb.csv.more': '(문제 {count}개 더)',
    'wb.dataError.imageInputs':
      '{dataset}은(는) 입력 하나를 채우는데 이 모델의 입력은 {count}개입니다. 입력이 하나인 모델을 쓰세요',
    'wb.dataError.imageInput':
      "입력 '{input}'은(는) 샘플마다 값이 {size}개입니다. {dataset}에는 {need}개({rows}×{cols})가 필요합니다",
    'wb.dataError.imageOutputs':
      '{dataset}의 정답은 이미지마다 하나(클래스)인데 이 모델의 출력은 {count}개입니다',
    'wb.dataError.imageOutput':
      "출력 '{output}'은(는) 샘플마다 값이 {size}개입니다. {dataset}에는 클래스마다 하나씩 {classes}개가 필요합니다",
    'wb.dataError.imageLoss':
      "출력 '{output}'의 손실이 {loss}입니다. {dataset}의 클래스에는 sparse_categorical_crossentropy(클래스 번호)나 categorical_crossentropy(원-핫 행)가 필요합니다",
    'wb.dataError.csvColumns':
      'CSV는 {have}열인데 모델에는 {need}열이 필요합니다. 입력 값들, 그다음 정답 순서입니다({counting}. 클래스에 대한 crossentropy 출력은 클래스 번호 한 열을 씁니다)',
    'wb.dataError.csvClass':
      "{row}행: {column}이(가) {value}이며, 출력 '{output}'의 클래스 번호(0..{max})가 아닙니다",
    'wb.csvError.tooBig': 'CSV가 {size}입니다. 최대 {max}까지 읽을 수 있습니다',
    'wb.csvError.notText': '이 파일은 텍스트가 아닙니다(CSV가 필요합니다)',
    'wb.csvError.tooMany': '{max}행이 넘습니다. 최대 {max}행까지 쓸 수 있습니다',
    'wb.csvError.tooManyColumns': '{count}열입니다. 최대 {max}열까지 쓸 수 있습니다',
    'wb.csvError.noRows': 'CSV에 숫자 행이 없습니다',
    'wb.csvError.parse': '{row}행: {value}',
    'wb.csvError.tableColumns':
      '{row}행: {count}열인데 첫 행은 {expected}열입니다. 모든 행의 열 수가 같아야 합니다',
    'wb.csvError.empty': '{row}행: {column}이(가) 비어 있습니다. 모든 칸에 숫자가 필요합니다',
    'wb.csvError.notFinite': '{row}행: {column}이(가) "{value}"입니다. 유한한 숫자만 쓸 수 있습니다',
    'wb.csvError.notNumber': '{row}행: {column} "{value}"은(는) 숫자가 아닙니다',
    'wb.csvError.unreadable': 'CSV를 읽을 수 없습니다({value})',
  },
};
