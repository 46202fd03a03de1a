// Text helper shared by the labs' own markup code.

/** text with any {name} placeholders left by t() filled from params. */
export function fillText(text, params) {
  if (!params) return text;
  return String(text).replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
}
