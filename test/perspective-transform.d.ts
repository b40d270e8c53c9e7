// perspective-transform ships no types: the part the photo simulator uses.
declare module 'perspective-transform' {
  interface PerspT {
    coeffs: number[];
    coeffsInv: number[];
    transform(x: number, y: number): [number, number];
    transformInverse(x: number, y: number): [number, number];
  }
  function PerspT(src: number[], dst: number[]): PerspT;
  export default PerspT;
}
