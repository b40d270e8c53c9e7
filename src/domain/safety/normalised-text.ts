/**
 * A view of a clerk's text in which a number reads the same however it was typed.
 *
 * Chinese input methods and Word produce full-width digits (１３８), full-width or
 * ideographic spaces, long dashes and middle dots between digit groups, and text pasted
 * from chat apps carries zero-width characters. Scanning the raw text for personal data
 * would let all of those through. The view folds each such character to what it stands for
 * (NFKC, then every dash to "-", every dot to ".", every space to " ") and drops invisible
 * characters, keeping where each part came from, so a finding is reported at the line and
 * column the clerk typed.
 */

export interface NormalisedText {
  /** The folded text. */
  text: string;
  /**
   * Where the view and the original stop lining up one to one: from view offset `view[i]`
   * on, original offset = view offset + `shift[i]`. Empty when nothing was dropped.
   */
  view: number[];
  shift: number[];
}

// Invisible characters (zero-width space and joiners, soft hyphen, BOM, bidi controls,
// Mongolian vowel separator, …): Unicode's default-ignorable set plus format characters.
const INVISIBLE = /^[\p{Default_Ignorable_Code_Point}\p{Cf}]$/u;
const DASHES = /^[\u2010-\u2015\u2212\u2E3A\u2E3B\uFE58\uFE63\uFF0D\u30FC\uFF70]$/u;
// Not "。": after a digit the input methods give "." already, and a full stop between two
// numbers ends a sentence.
const DOTS = /^[\u00B7\u2022\u2027\u2219\u30FB\uFF65\uFF0E\u2024]$/u;
const SPACES = /^[^\S\n\r]$/u;

/**
 * Every character the view may change: the sets above, and characters NFKC turns into digits,
 * Latin letters or separators (full-width forms, circled, super- and subscript and
 * mathematical digits, Roman numerals are left alone). Text without any is its own view, so
 * the common case costs one regular-expression test.
 */
const FOLDABLE =
  /[\p{Default_Ignorable_Code_Point}\p{Cf}\u00A0\u00B2\u00B3\u00B7\u00B9\u1680\u2000-\u200A\u2010-\u2015\u2022\u2024\u2027\u202F\u205F\u2070-\u2079\u2080-\u2089\u2212\u2219\u2460-\u249B\u24EA-\u24FF\u2776-\u2793\u2E3A\u2E3B\u3000\u30FB\u30FC\uFE58\uFE63\uFF0B\uFF0D\uFF0E\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\uFF65\uFF70\u{1D7CE}-\u{1D7FF}]/gu;

// Folding is per character and the same for every file: computed once per character seen.
const folded = new Map<string, string>();

function fold(ch: string): string {
  let f = folded.get(ch);
  if (f !== undefined) return f;
  if (INVISIBLE.test(ch)) f = '';
  else if (DASHES.test(ch)) f = '-';
  else if (DOTS.test(ch)) f = '.';
  else if (SPACES.test(ch)) f = ' ';
  else {
    const n = ch.normalize('NFKC');
    // Only a fold to one ASCII digit, letter or separator matters to a number (① → 1);
    // anything else (⑪ → 11) keeps its own character.
    f = /^[0-9A-Za-z+\-. ]$/.test(n) ? n : ch;
  }
  folded.set(ch, f);
  return f;
}

export function normaliseForScan(original: string): NormalisedText {
  FOLDABLE.lastIndex = 0;
  if (!FOLDABLE.test(original)) return { text: original, view: [], shift: [] };
  const view: number[] = [];
  const shift: number[] = [];
  let drift = 0;
  const text = original.replace(FOLDABLE, (ch, at: number) => {
    const f = fold(ch);
    const lost = ch.length - f.length;
    if (lost) {
      // Characters after this one sit `drift` further on in the original.
      drift += lost;
      view.push(at - drift + lost + f.length);
      shift.push(drift);
    }
    return f;
  });
  return { text, view, shift };
}

/** Original offset of a view offset. */
function toOriginal(v: NormalisedText, at: number): number {
  let lo = 0;
  let hi = v.view.length;
  // The last breakpoint at or before `at`.
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (v.view[mid]! <= at) lo = mid + 1;
    else hi = mid;
  }
  return at + (lo ? v.shift[lo - 1]! : 0);
}

/** The span of the original text behind `text.slice(from, to)` of the view. */
export function originalSpan(view: NormalisedText, from: number, to: number): { offset: number; length: number } {
  const offset = toOriginal(view, from);
  // The end maps from the last character kept, so invisible characters after it stay outside.
  const end = toOriginal(view, to - 1) + 1;
  return { offset, length: end - offset };
}
