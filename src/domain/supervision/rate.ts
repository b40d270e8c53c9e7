/**
 * The coverage rate of the 督查考评: covered / required, 0–100, rounded down (a unit with
 * nothing required is at 100). Alone in its module because the page script recomputes it too.
 */
export function rateOf(covered: number, required: number): number {
  return required === 0 ? 100 : Math.floor((covered * 100) / required);
}
