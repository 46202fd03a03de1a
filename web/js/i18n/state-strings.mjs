// Interface text about keeping the learner's work: field messages for refused values (picked
// by the `code` of normalizeValue) and the banner shown when the browser's storage is full.
export default {
  en: {
    'check.float32': '{field}: must be a number float32 can hold (between −{max} and {max}).',
    'check.range': '{field}: must be {range}.',
    'check.integer': '{field}: must be a whole number.',
    'check.number': '{field}: must be a number.',
    'check.other': '{field}: this value cannot be used.',
    'check.between': 'between {min} and {max}',
    'check.atLeast': 'at least {min}',
    'check.above': 'above {min}',
    'check.atMost': 'at most {max}',
    'check.below': 'below {max}',
    'check.and': ' and ',
    'notice.rebuilt':
      'New model: changing {fields} needs new weights, so training starts again from epoch 0.',
    'notice.quoted': '“{label}”',
    'notice.comma': ', ',
    'notice.and': ' and ',
    'notice.settings': '{n} settings',
    'storage.full':
      'Your latest changes are kept in this tab but could not be saved: this browser’s storage for the page is full. Free some space (clear other sites’ data), or copy the link or export your points as CSV before closing the tab.',
    'storage.dismiss': 'Dismiss',
    'embed.hosts': 'Host pages that may read the learner’s points (origins)',
    'embed.hostsHelp':
      'Only these origins get the learner’s points from get-state; leave it empty to keep them private.',
  },
  ko: {
    'check.float32': '{field}: float32로 나타낼 수 있는 수여야 합니다 (−{max}에서 {max} 사이).',
    'check.range': '{field}: {range}이어야 합니다.',
    'check.integer': '{field}: 정수여야 합니다.',
    'check.number': '{field}: 수를 입력하세요.',
    'check.other': '{field}: 이 값은 쓸 수 없습니다.',
    'check.between': '{min} 이상 {max} 이하',
    'check.atLeast': '{min} 이상',
    'check.above': '{min} 초과',
    'check.atMost': '{max} 이하',
    'check.below': '{max} 미만',
    'check.and': ' ',
    'notice.rebuilt':
      '새 모델: {fields}을(를) 바꾸면 새 가중치가 필요하므로 학습이 0 에포크부터 다시 시작됩니다.',
    'notice.quoted': '‘{label}’',
    'notice.comma': ', ',
    'notice.and': ', ',
    'notice.settings': '설정 {n}개',
    'storage.full':
      '최근 변경 내용은 이 탭에만 남아 있고 저장되지 않았습니다. 이 브라우저의 저장 공간이 가득 찼습니다. 공간을 비우거나(다른 사이트 데이터 삭제), 탭을 닫기 전에 링크를 복사하거나 점을 CSV로 내보내세요.',
    'storage.dismiss': '닫기',
    'embed.hosts': '학습자의 점을 읽을 수 있는 호스트 페이지 (출처)',
    'embed.hostsHelp':
      '여기 적은 출처만 get-state로 학습자의 점을 받습니다. 비워 두면 점은 공개되지 않습니다.',
  },
};
