// @ts-check
// The experiments' words in English and Korean (keys img.exp.*).

const en = {
  'img.exp.augTitle': 'Data augmentation',
  'img.exp.augIntro':
    'Keras ImageDataGenerator-style changes made to every training batch by the engine (seeded): the model never sees quite the same image twice, so it cannot simply memorise the training set. These settings also apply to the main model.',
  'img.exp.augRotation': 'rotation_range',
  'img.exp.augWidthShift': 'width_shift_range',
  'img.exp.augHeightShift': 'height_shift_range',
  'img.exp.augZoom': 'zoom_range',
  'img.exp.augFlip': 'horizontal_flip',
  'img.exp.augNoise': 'noise stddev',
  'img.exp.degrees': '°',
  'img.exp.range': '{field} takes {min} to {max}; {value} was refused and {kept} is kept.',
  'img.exp.wholeNumber':
    '{field} takes whole numbers from {min} to {max}; {value} was refused and {kept} is kept.',
  'img.exp.fixFirst': 'Fix the refused value first (see the message beside its control).',
  'img.exp.previewTitle': 'Preview: four training images and six augmented versions of each',
  'img.exp.newSamples': 'New samples',
  'img.exp.original': 'original',
  'img.exp.augmented': 'augmented by the engine →',
  'img.exp.previewNote': 'Made by the engine’s augment op with seed {seed}; “New samples” draws others.',
  'img.exp.previewNone': 'Every range is 0 and flipping is off: training images stay as they are.',
  'img.exp.previewFailed': 'The engine could not augment the preview: {message}',
  'img.exp.previewAria': 'Four training images, each followed by six augmented versions',
  'img.exp.noData': 'The images are not loaded yet; load them above, then try again.',
  'img.exp.compareTitle': 'With and without augmentation',
  'img.exp.compareIntro':
    'Two copies of Flatten → Dense(100, relu) → Dense(10, softmax) (Adam, same seed, same {train} training images, validated on {val} test images) train side by side for {epochs} epochs; only fit.augmentation differs. Watch the gap between training and validation accuracy: that gap is overfitting. (If every range is 0, mild settings are filled in first.)',
  'img.exp.compareRun': 'Train both',
  'img.exp.stop': 'Stop',
  'img.exp.stopped': 'Stopped.',
  'img.exp.epoch': 'epoch',
  'img.exp.epochOf': 'epoch {epoch} of {epochs}',
  'img.exp.runPlain': 'without augmentation',
  'img.exp.runAugmented': 'with augmentation',
  'img.exp.trainOf': 'training accuracy, {run}',
  'img.exp.valOf': 'validation accuracy, {run}',
  'img.exp.compareSoFar':
    'So far: without augmentation {plainTrain} % on training vs {plainVal} % on validation (gap {plainGap} points); with augmentation {augTrain} % vs {augVal} % (gap {augGap} points).',
  'img.exp.compareDone':
    'Final gap between training and validation accuracy: {plainGap} points without augmentation ({plainTrain} % vs {plainVal} %), {augGap} points with augmentation ({augTrain} % vs {augVal} %).',
  'img.exp.runFailed': 'The run stopped with an error: {message}',
  'img.exp.kfoldTitle': 'k-fold cross-validation',
  'img.exp.kFolds': 'k (folds)',
  'img.exp.kSubset': 'training images used',
  'img.exp.kEpochs': 'epochs per fold',
  'img.exp.kfoldIntro':
    'The first {subset} training images are cut into {k} parts of about {part} images (each part balanced by class). Fold i trains a fresh Dense(100, relu) model on the other {k} − 1 parts and validates on part i; the spread of the {k} final scores says how much one validation split can be trusted.',
  'img.exp.kfoldRun': 'Run k-fold',
  'img.exp.foldLabel': 'fold {fold}',
  'img.exp.foldProgress': 'fold {fold} of {k}, epoch {epoch} of {epochs}',
  'img.exp.kfoldDone':
    '{k} folds on {subset} images: validation accuracy {accMean} % ± {accSd} (mean ± standard deviation; folds: {each} %), validation loss {lossMean} ± {lossSd}.',
  'img.exp.kfoldPartial': 'Stopped after {done} of {k} folds: no mean yet.',
  'img.exp.transferTitle': 'Transfer learning',
  'img.exp.transferShots': 'images per new class',
  'img.exp.transferIntro':
    'First Flatten → Dense(100, relu) → Dense(5, softmax) learns classes 0–4 ({pretrain} images, {epochs} epochs). Then a new model loads that hidden layer’s weights and freezes them (trainable = False) under a fresh Dense(5, softmax) head, and learns classes 5–9 from only {shots} images per class ({total} in all), validated on those classes’ test images. Beside it the same model, trained from scratch on the same {total} images. Both: Adam {lr}, batch {batch}, {fineEpochs} epochs, same seed.',
  'img.exp.transferRun': 'Pretrain, then fine-tune',
  'img.exp.runTransfer': 'pretrained, frozen',
  'img.exp.runScratch': 'from scratch',
  'img.exp.pretraining':
    'pretraining on classes 0–4: epoch {epoch} of {epochs} (validation accuracy {accuracy} %)',
  'img.exp.fineTuning': 'classes 5–9: epoch {epoch} of {epochs}',
  'img.exp.transferSoFar':
    'So far on classes 5–9: pretrained and frozen {transfer} %, from scratch {scratch} % validation accuracy.',
  'img.exp.transferDone':
    'With {shots} images per class: pretrained and frozen {transfer} %, from scratch {scratch} % validation accuracy on classes 5–9.',
  'img.exp.transferBetter':
    'The features learned on classes 0–4 carried over: they beat learning every layer from these few images.',
  'img.exp.scratchBetter':
    'Here training every layer on the few images did better: the features learned on classes 0–4 fit classes 5–9 only partly. With more images per class the gap narrows.',
  'img.exp.frozenOk':
    'Frozen weights unchanged ✓ (the engine’s get_weights before and after: all {count} weights of ConcealmentLayer1 bit for bit the same; {head} weights of the new head changed).',
  'img.exp.frozenChanged': 'The frozen layer’s weights changed: this should not happen.',
};

/** @type {Record<keyof typeof en, string>} */
const ko = {
  'img.exp.augTitle': '데이터 증강',
  'img.exp.augIntro':
    'Keras ImageDataGenerator처럼 엔진이 훈련 배치마다 이미지를 바꿉니다(시드 고정). 모델은 같은 이미지를 두 번 보지 않으므로 훈련 세트를 그대로 외울 수 없습니다. 이 설정은 주 모델에도 적용됩니다.',
  'img.exp.augRotation': 'rotation_range',
  'img.exp.augWidthShift': 'width_shift_range',
  'img.exp.augHeightShift': 'height_shift_range',
  'img.exp.augZoom': 'zoom_range',
  'img.exp.augFlip': 'horizontal_flip',
  'img.exp.augNoise': '잡음 표준편차',
  'img.exp.degrees': '°',
  'img.exp.range':
    '{field}은(는) {min}부터 {max}까지입니다. {value}은(는) 받지 않고 {kept}을(를) 유지합니다.',
  'img.exp.wholeNumber':
    '{field}은(는) {min}부터 {max}까지의 정수입니다. {value}은(는) 받지 않고 {kept}을(를) 유지합니다.',
  'img.exp.fixFirst': '먼저 거부된 값을 고치세요(입력란 옆의 메시지를 보세요).',
  'img.exp.previewTitle': '미리 보기: 훈련 이미지 4개와 각각의 증강 이미지 6개',
  'img.exp.newSamples': '새 샘플',
  'img.exp.original': '원본',
  'img.exp.augmented': '엔진이 증강한 이미지 →',
  'img.exp.previewNote':
    '엔진의 augment 연산으로 시드 {seed}에서 만들었습니다. “새 샘플”을 누르면 다른 것을 뽑습니다.',
  'img.exp.previewNone': '모든 범위가 0이고 뒤집기가 꺼져 있어 훈련 이미지가 그대로입니다.',
  'img.exp.previewFailed': '엔진이 미리 보기를 증강하지 못했습니다: {message}',
  'img.exp.previewAria': '훈련 이미지 4개와 각각의 증강 이미지 6개',
  'img.exp.noData': '이미지를 아직 불러오지 않았습니다. 위에서 불러온 뒤 다시 시도하세요.',
  'img.exp.compareTitle': '증강을 쓸 때와 안 쓸 때',
  'img.exp.compareIntro':
    'Flatten → Dense(100, relu) → Dense(10, softmax) 두 개(Adam, 같은 시드, 같은 훈련 이미지 {train}개, 테스트 이미지 {val}개로 검증)를 {epochs} 에포크 동안 나란히 훈련합니다. 다른 것은 fit.augmentation뿐입니다. 훈련 정확도와 검증 정확도의 차이를 보세요. 그 차이가 과대적합입니다. (모든 범위가 0이면 먼저 약한 설정을 채웁니다.)',
  'img.exp.compareRun': '둘 다 훈련',
  'img.exp.stop': '중지',
  'img.exp.stopped': '중지했습니다.',
  'img.exp.epoch': '에포크',
  'img.exp.epochOf': '에포크 {epoch} / {epochs}',
  'img.exp.runPlain': '증강 없음',
  'img.exp.runAugmented': '증강 사용',
  'img.exp.trainOf': '훈련 정확도, {run}',
  'img.exp.valOf': '검증 정확도, {run}',
  'img.exp.compareSoFar':
    '지금까지: 증강 없이 훈련 {plainTrain} %, 검증 {plainVal} %(차이 {plainGap}%p), 증강하면 {augTrain} %, {augVal} %(차이 {augGap}%p).',
  'img.exp.compareDone':
    '훈련 정확도와 검증 정확도의 최종 차이: 증강 없이 {plainGap}%p({plainTrain} % 대 {plainVal} %), 증강하면 {augGap}%p({augTrain} % 대 {augVal} %).',
  'img.exp.runFailed': '실행이 오류로 멈췄습니다: {message}',
  'img.exp.kfoldTitle': 'k-겹 교차 검증',
  'img.exp.kFolds': 'k (폴드 수)',
  'img.exp.kSubset': '사용할 훈련 이미지 수',
  'img.exp.kEpochs': '폴드당 에포크',
  'img.exp.kfoldIntro':
    '앞쪽 훈련 이미지 {subset}개를 약 {part}개씩 {k}개 부분으로 나눕니다(부분마다 클래스 균형). i번째 폴드는 나머지 {k} − 1개 부분으로 새 Dense(100, relu) 모델을 훈련하고 i번째 부분으로 검증합니다. 최종 점수 {k}개의 퍼짐은 검증 세트 하나를 얼마나 믿을 수 있는지 알려 줍니다.',
  'img.exp.kfoldRun': 'k-겹 실행',
  'img.exp.foldLabel': '폴드 {fold}',
  'img.exp.foldProgress': '폴드 {fold} / {k}, 에포크 {epoch} / {epochs}',
  'img.exp.kfoldDone':
    '이미지 {subset}개에 {k}겹: 검증 정확도 {accMean} % ± {accSd}(평균 ± 표준편차, 폴드별 {each} %), 검증 손실 {lossMean} ± {lossSd}.',
  'img.exp.kfoldPartial': '{k}개 중 {done}개 폴드 후 중지: 아직 평균이 없습니다.',
  'img.exp.transferTitle': '전이 학습',
  'img.exp.transferShots': '새 클래스당 이미지 수',
  'img.exp.transferIntro':
    '먼저 Flatten → Dense(100, relu) → Dense(5, softmax)가 클래스 0–4를 배웁니다(이미지 {pretrain}개, {epochs} 에포크). 그다음 새 모델이 그 은닉층의 가중치를 불러와 동결하고(trainable = False) 새 Dense(5, softmax) 출력층을 붙여, 클래스 5–9를 클래스당 {shots}개(모두 {total}개)의 이미지만으로 배우고 그 클래스들의 테스트 이미지로 검증합니다. 옆에서는 같은 모델을 같은 {total}개 이미지로 처음부터 훈련합니다. 둘 다 Adam {lr}, 배치 {batch}, {fineEpochs} 에포크, 같은 시드입니다.',
  'img.exp.transferRun': '사전 훈련 후 미세 조정',
  'img.exp.runTransfer': '사전 훈련, 동결',
  'img.exp.runScratch': '처음부터',
  'img.exp.pretraining': '클래스 0–4 사전 훈련: 에포크 {epoch} / {epochs}(검증 정확도 {accuracy} %)',
  'img.exp.fineTuning': '클래스 5–9: 에포크 {epoch} / {epochs}',
  'img.exp.transferSoFar':
    '지금까지 클래스 5–9 검증 정확도: 사전 훈련·동결 {transfer} %, 처음부터 {scratch} %.',
  'img.exp.transferDone':
    '클래스당 이미지 {shots}개로: 클래스 5–9 검증 정확도 사전 훈련·동결 {transfer} %, 처음부터 {scratch} %.',
  'img.exp.transferBetter':
    '클래스 0–4에서 배운 특징이 옮겨 왔습니다. 적은 이미지로 모든 층을 훈련한 것보다 낫습니다.',
  'img.exp.scratchBetter':
    '여기서는 적은 이미지로 모든 층을 훈련한 쪽이 나았습니다. 클래스 0–4에서 배운 특징이 클래스 5–9에는 일부만 맞습니다. 클래스당 이미지를 늘리면 차이가 줄어듭니다.',
  'img.exp.frozenOk':
    '동결된 가중치 그대로 ✓ (엔진의 get_weights 전후: ConcealmentLayer1의 가중치 {count}개가 비트 단위로 같고, 새 출력층의 가중치 {head}개가 바뀌었습니다).',
  'img.exp.frozenChanged': '동결된 층의 가중치가 바뀌었습니다. 일어나면 안 되는 일입니다.',
};

export const EXPERIMENT_STRINGS = Object.freeze({ en, ko });
