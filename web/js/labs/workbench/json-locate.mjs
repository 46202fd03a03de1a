// @ts-check
// The workbench's JSON reader: parses the learner's text as they typed it and says where things
// are in it. A syntax error reads "line 4, column 12: expected ',' or '}' after a property, got
// 'x'" instead of the browser's wording, and the engine's error paths ("/model/layers/2/units")
// become a line and column in the text, so the editor can mark the very characters at fault.
// It accepts what JSON.parse accepts (RFC 8259) and gives the same values, up to MAX_DEPTH levels
// of nesting. Nesting goes on an explicit stack, never the call stack, and the cap means no input
// (a megabyte of '[' included) can overflow the stack or hand a value too deep for the code after it.

/** Deeper nesting is refused with a message: no model document needs more than a few levels. */
export const MAX_DEPTH = 1000;

/**
 * Where a value's text is: 1-based line and column (in UTF-16 code units, as editors count),
 * its 0-based offset in the text and its length; `missing` names the first pointer token that the
 * text does not have (the location is then that of the deepest value that exists).
 * @typedef {{line: number, column: number, offset: number, length: number, missing?: string}} Location
 */

/** @typedef {{ok: true, value: unknown}} ParseSuccess */
/** @typedef {{ok: false, line: number, column: number, message: string}} ParseFailure */

/**
 * A frame of the explicit nesting stack: an object or array being read. `value` is null when only
 * places are wanted; `key` is the name of the member being read, `count` how many came before it;
 * `onPath` says whether the container is where the pointer leads.
 * @typedef {{value: any, isArray: boolean, key: string, count: number, onPath: boolean}} Frame
 */

/**
 * The places a parse records for a pointer: `starts[d]`, `ends[d]` are the offsets of the value
 * at depth d along the pointer (depth 0: the whole text), `reached` the deepest depth found.
 * @typedef {{starts: number[], ends: number[], reached: number}} PathPlaces
 */

/** Thrown inside the parser only; the exported functions turn it into a result. */
class SyntaxProblem {
  /** @param {number} offset @param {string} what */
  constructor(offset, what) {
    this.offset = offset;
    this.what = what;
  }
}

/**
 * 1-based line and column of `offset`. "\n", "\r\n" and a lone "\r" each end a line.
 * @param {string} text
 * @param {number} offset
 */
function lineColumn(text, offset) {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** @param {number} c */
const isDigit = (c) => c >= 48 && c <= 57;
/** @param {number} c */
const isWordChar = (c) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || isDigit(c) || c === 95 || c === 36;

/**
 * What stands at `offset`, in words: 'x', 'units' (a whole word), "a line break", "end of text",
 * or "the invisible character U+FEFF".
 * @param {string} text
 * @param {number} offset
 * @param {boolean} [wholeWord] whether a letter or digit is shown with the rest of its word
 */
function describeAt(text, offset, wholeWord = true) {
  if (offset >= text.length) return 'end of text';
  const c = text.charCodeAt(offset);
  if (c === 10 || c === 13) return 'a line break';
  if (c === 39) return `"'"`;
  if (wholeWord && isWordChar(c)) {
    let end = offset;
    while (end < text.length && end - offset < 20 && isWordChar(text.charCodeAt(end))) end++;
    return `'${text.slice(offset, end)}${isWordChar(text.charCodeAt(end)) ? '…' : ''}'`;
  }
  const point = /** @type {number} */ (text.codePointAt(offset));
  if (
    point < 0x20 ||
    (point >= 0x7f && point <= 0xa0) ||
    point === 0xfeff ||
    (point >= 0x2000 && point <= 0x200f)
  ) {
    return `the invisible character U+${point.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return `'${String.fromCodePoint(point)}'`;
}

/**
 * A short advice for a common slip at a place where a value was expected, or ''.
 * @param {string} text
 * @param {number} offset
 */
function valueHint(text, offset) {
  const c = text[offset];
  const word = /^[A-Za-z_$][\w$]*/.exec(text.slice(offset, offset + 40))?.[0] ?? '';
  if (word === 'True' || word === 'False' || word === 'None' || word === 'TRUE' || word === 'FALSE') {
    return ' (JSON writes true, false and null in lower case)';
  }
  if (word === 'NaN' || word === 'Infinity' || word === 'nan' || word === 'inf') {
    return ' (JSON has no NaN or Infinity; write a number)';
  }
  if (word === 'undefined') return ' (JSON has no undefined; leave the property out or write null)';
  const literal = ['true', 'false', 'null'].find((l) => l.startsWith(word.toLowerCase()));
  if (word !== '' && literal) return ` (did you mean ${literal}?)`;
  if (word !== '') return ' (text needs double quotes: "…")';
  if (c === "'") return ' (JSON strings use double quotes: "…")';
  if (c === '/') return ' (JSON allows no comments)';
  if (c === '.') return ' (write a digit before the point: 0.5, not .5)';
  if (c === '+') return ' (write the number without "+")';
  return '';
}

/** @param {string} key */
const quoteKey = (key) => JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key);

/** What each one-letter escape after a backslash stands for. */
const ESCAPES = new Map([
  ['"', '"'],
  ['\\', '\\'],
  ['/', '/'],
  ['b', '\b'],
  ['f', '\f'],
  ['n', '\n'],
  ['r', '\r'],
  ['t', '\t'],
]);

/**
 * Reads a string starting at the '"' at `start`.
 * @param {string} text
 * @param {number} start
 * @returns {{value: string, end: number}}
 */
function readString(text, start) {
  const n = text.length;
  let out = '';
  let chunk = start + 1;
  let i = start + 1;
  const opened = () => {
    const at = lineColumn(text, start);
    return `the string that starts at line ${at.line}, column ${at.column}`;
  };
  for (;;) {
    if (i >= n) throw new SyntaxProblem(i, `expected '"' to close ${opened()}, got end of text`);
    const c = text.charCodeAt(i);
    if (c === 34) return { value: out + text.slice(chunk, i), end: i + 1 };
    if (c === 92) {
      out += text.slice(chunk, i);
      const e = text[i + 1];
      const simple = ESCAPES.get(e ?? '');
      if (simple !== undefined) {
        out += simple;
        i += 2;
      } else if (e === 'u') {
        for (let j = i + 2; j < i + 6; j++) {
          if (!/[0-9a-fA-F]/.test(text[j] ?? '')) {
            throw new SyntaxProblem(
              j,
              `expected 4 hexadecimal digits after '\\u', got ${describeAt(text, j, false)}`,
            );
          }
        }
        out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
        i += 6;
      } else {
        throw new SyntaxProblem(
          i,
          `'\\${e ?? ''}' is not an escape JSON knows; inside a string write \\\\ for a backslash ` +
            `(the others are \\", \\/, \\b, \\f, \\n, \\r, \\t and \\uXXXX)`,
        );
      }
      chunk = i;
      continue;
    }
    if (c < 0x20) {
      if (c === 10 || c === 13) {
        throw new SyntaxProblem(
          i,
          `expected '"' to close ${opened()}, got a line break (inside a string write \\n)`,
        );
      }
      const how =
        c === 9 ? 'a tab inside a string must be written \\t' : 'it must be written as a \\u escape';
      throw new SyntaxProblem(i, `${describeAt(text, i)} cannot stand inside a string: ${how}`);
    }
    i++;
  }
}

/**
 * Reads a number starting at `start` (a '-' or a digit) with JSON's grammar.
 * @param {string} text
 * @param {number} start
 * @returns {{value: number, end: number}}
 */
function readNumber(text, start) {
  let i = start;
  if (text.charCodeAt(i) === 45) i++;
  if (!isDigit(text.charCodeAt(i))) {
    throw new SyntaxProblem(i, `expected a digit after '-', got ${describeAt(text, i)}`);
  }
  if (text.charCodeAt(i) === 48 && isDigit(text.charCodeAt(i + 1))) {
    throw new SyntaxProblem(i, 'a number cannot start with 0 followed by more digits (write 7, not 07)');
  }
  while (isDigit(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) === 46) {
    i++;
    if (!isDigit(text.charCodeAt(i))) {
      throw new SyntaxProblem(i, `expected a digit after the decimal point, got ${describeAt(text, i)}`);
    }
    while (isDigit(text.charCodeAt(i))) i++;
  }
  if ((text.charCodeAt(i) | 32) === 101) {
    i++;
    if (text[i] === '+' || text[i] === '-') i++;
    if (!isDigit(text.charCodeAt(i))) {
      throw new SyntaxProblem(
        i,
        `expected a digit in the exponent of the number, got ${describeAt(text, i)}`,
      );
    }
    while (isDigit(text.charCodeAt(i))) i++;
  }
  return { value: Number(text.slice(start, i)), end: i };
}

/**
 * @param {string} text
 * @param {number} i
 */
function skipSpace(text, i) {
  for (;;) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9) return i;
    i++;
  }
}

/**
 * Adds a member to the innermost container, as JSON.parse sets it: an own property even for
 * "__proto__", the last of duplicate names winning.
 * @param {Frame} frame
 * @param {unknown} value
 */
function attach(frame, value) {
  frame.count++;
  if (frame.value === null) return;
  if (frame.isArray) {
    frame.value.push(value);
  } else if (frame.key === '__proto__') {
    Object.defineProperty(frame.value, frame.key, {
      value,
      writable: true,
      enumerable: true,
      configurable: true,
    });
  } else {
    frame.value[frame.key] = value;
  }
}

const FOR_PROPERTY = '';

/**
 * The parser: one loop over an explicit stack of open objects and arrays. With `tokens` it builds
 * no values and records instead where the values along that pointer are (with duplicate names
 * the last one's, as it resets the deeper places when it starts).
 * @param {string} text
 * @param {string[] | null} tokens
 * @returns {{value: unknown, places: PathPlaces}}
 */
function parseText(text, tokens) {
  /** @type {Frame[]} */
  const stack = [];
  /** @type {PathPlaces} */
  const places = { starts: [], ends: [], reached: -1 };
  // Why a value is expected here, for the message when there is none (FOR_PROPERTY: the value
  // of the innermost object's last name, spelt out only if the message is needed).
  let wanted = 'expected a value (an object, array, string, number, true, false or null)';
  let i = skipSpace(text, 0);
  for (;;) {
    // Read one value; an opening bracket pushes a frame and goes on to its first member.
    const start = i;
    const depth = stack.length;
    const parent = stack[depth - 1];
    const onPath =
      tokens !== null &&
      (depth === 0 ||
        (parent.onPath &&
          depth <= tokens.length &&
          (parent.isArray ? String(parent.count) : parent.key) === tokens[depth - 1]));
    if (onPath) {
      places.reached = depth;
      places.starts[depth] = start;
    }
    const c = text.charCodeAt(i);
    /** @type {unknown} */
    let value;
    if (c === 123 || c === 91) {
      if (depth >= MAX_DEPTH) {
        throw new SyntaxProblem(i, `the text nests objects and arrays more than ${MAX_DEPTH} levels deep`);
      }
      const isArray = c === 91;
      const empty = tokens !== null ? null : isArray ? [] : {};
      /** @type {Frame} */
      const frame = { value: empty, isArray, key: '', count: 0, onPath };
      stack.push(frame);
      i = skipSpace(text, i + 1);
      if (text.charCodeAt(i) === (isArray ? 93 : 125)) {
        i++;
      } else if (isArray) {
        wanted = "expected a value or ']'";
        continue;
      } else {
        i = readKey(text, i, frame, "expected a property name in double quotes or '}'");
        wanted = FOR_PROPERTY;
        continue;
      }
      stack.pop();
      value = frame.value;
    } else if (c === 34) {
      ({ value, end: i } = readString(text, i));
    } else if (c === 45 || isDigit(c)) {
      ({ value, end: i } = readNumber(text, i));
    } else if (text.startsWith('true', i) && !isWordChar(text.charCodeAt(i + 4))) {
      [value, i] = [true, i + 4];
    } else if (text.startsWith('false', i) && !isWordChar(text.charCodeAt(i + 5))) {
      [value, i] = [false, i + 5];
    } else if (text.startsWith('null', i) && !isWordChar(text.charCodeAt(i + 4))) {
      [value, i] = [null, i + 4];
    } else {
      const why =
        wanted === FOR_PROPERTY ? `expected a value for the property ${quoteKey(parent.key)}` : wanted;
      throw new SyntaxProblem(i, `${why}, got ${describeAt(text, i)}${valueHint(text, i)}`);
    }
    if (onPath) places.ends[depth] = i;
    // Hand the value to the open containers, closing each one whose closing bracket follows.
    for (;;) {
      const frame = stack.at(-1);
      if (!frame) {
        i = skipSpace(text, i);
        if (i < text.length) {
          throw new SyntaxProblem(
            i,
            `expected the end of the text after the JSON value, got ${describeAt(text, i)}`,
          );
        }
        return { value, places };
      }
      attach(frame, value);
      i = skipSpace(text, i);
      const next = text.charCodeAt(i);
      const close = frame.isArray ? 93 : 125;
      if (next === 44) {
        i = skipSpace(text, i + 1);
        if (text.charCodeAt(i) === close) {
          const what = frame.isArray ? 'a value' : 'a property name in double quotes';
          throw new SyntaxProblem(
            i,
            `expected ${what} after ',', got '${text[i]}' (JSON allows no comma before it)`,
          );
        }
        if (frame.isArray) {
          wanted = "expected a value after ','";
        } else {
          i = readKey(text, i, frame, "expected a property name in double quotes after ','");
          wanted = FOR_PROPERTY;
        }
        break;
      }
      if (next !== close) {
        const after = frame.isArray ? "',' or ']' after an array element" : "',' or '}' after a property";
        throw new SyntaxProblem(i, `expected ${after}, got ${describeAt(text, i)}`);
      }
      i++;
      stack.pop();
      value = frame.value;
      if (frame.onPath) places.ends[stack.length] = i;
    }
  }
}

/**
 * Reads `"name" :` at `i` into `frame.key`; returns the offset of the value after the colon.
 * @param {string} text
 * @param {number} i
 * @param {Frame} frame
 * @param {string} wanted the message's start when no name is there
 */
function readKey(text, i, frame, wanted) {
  if (text.charCodeAt(i) !== 34) {
    const word = /^[A-Za-z_$][\w$]*/.exec(text.slice(i, i + 40))?.[0];
    const hint = word
      ? ` (property names need double quotes: "${word}")`
      : text[i] === "'"
        ? ' (JSON uses double quotes)'
        : valueHint(text, i);
    throw new SyntaxProblem(i, `${wanted}, got ${describeAt(text, i)}${hint}`);
  }
  const { value, end } = readString(text, i);
  frame.key = value;
  const colon = skipSpace(text, end);
  if (text.charCodeAt(colon) !== 58) {
    throw new SyntaxProblem(
      colon,
      `expected ':' after the property name ${quoteKey(value)}, got ${describeAt(text, colon)}`,
    );
  }
  return skipSpace(text, colon + 1);
}

/**
 * Parses JSON text as JSON.parse does, but answers instead of throwing, with a message in plain
 * words that starts with the line and column of the problem.
 * @param {string} text
 * @returns {ParseSuccess | ParseFailure}
 */
export function parseWithLocation(text) {
  const source = String(text);
  try {
    return { ok: true, value: parseText(source, null).value };
  } catch (error) {
    if (!(error instanceof SyntaxProblem)) throw error;
    const { line, column } = lineColumn(source, error.offset);
    return { ok: false, line, column, message: `line ${line}, column ${column}: ${error.what}` };
  }
}

/**
 * Splits a JSON pointer (RFC 6901) into its tokens, "~1" read as '/' and "~0" as '~'.
 * @param {string} pointer
 * @returns {string[] | null} null when the pointer is neither "" nor starts with '/'
 */
export function pointerTokens(pointer) {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) return null;
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~[01]/g, (escape) => (escape === '~0' ? '~' : '/')));
}

/**
 * Where the value at `pointer` (e.g. "/model/layers/2/units") is written in `text`. When the text
 * lacks part of the path, the answer is the deepest value that exists, with `missing` naming the
 * first token it lacks. Array positions are decimal indices without leading zeros, as RFC 6901
 * says. Duplicate names resolve to the last one, as JSON.parse keeps.
 * @param {string} text the JSON text as typed
 * @param {string} pointer
 * @returns {Location | null} null when the text is not valid JSON or the pointer is malformed
 */
export function locatePointer(text, pointer) {
  const tokens = pointerTokens(pointer);
  if (!tokens) return null;
  const source = String(text);
  /** @type {PathPlaces} */
  let places;
  try {
    places = parseText(source, tokens).places;
  } catch (error) {
    if (error instanceof SyntaxProblem) return null;
    throw error;
  }
  const depth = places.reached;
  const start = places.starts[depth];
  const { line, column } = lineColumn(source, start);
  /** @type {Location} */
  const location = { line, column, offset: start, length: places.ends[depth] - start };
  if (depth < tokens.length) location.missing = tokens[depth];
  return location;
}
