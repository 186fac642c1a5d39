/** One page as 8-bit grey pixels, row by row (0 black, 255 white). */
export interface GreyPage {
  pixels: Uint8Array;
  width: number;
  height: number;
}
