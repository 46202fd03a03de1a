// Saves bytes or text as a file in the learner's downloads (an object URL clicked through a
// temporary link, revoked afterwards), and reads a picked file as text.

/**
 * @param {string} name the file name
 * @param {BlobPart} content text or bytes
 * @param {string} type its MIME type
 */
export function download(name, content, type) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Files above this are refused before reading (a model file of 2^24 weights is ~90 MB). */
export const MAX_FILE_BYTES = 128 * 1024 * 1024;

/**
 * The text of the file picked in `input` (then cleared so the same file can be picked again),
 * or null when none; throws a readable Error for a file that is too large.
 * @param {HTMLInputElement} input
 * @returns {Promise<{name: string, text: string} | null>}
 */
export async function pickedText(input) {
  const file = input.files?.[0];
  input.value = '';
  if (!file) return null;
  if (file.size > MAX_FILE_BYTES) throw new Error(`${file.name}: ${Math.round(file.size / 1e6)} MB`);
  return { name: file.name, text: await file.text() };
}

/** A file-name-safe stem of a model name. @param {string} name */
export const fileStem = (name) =>
  String(name || 'model')
    .replace(/[^\w.-]+/g, '_')
    .slice(0, 64);
