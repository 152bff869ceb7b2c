// subset-font ships no types; this is the one call we make (https://github.com/papandreou/subset-font).
declare module "subset-font" {
  export default function subsetFont(
    font: Buffer,
    text: string,
    options?: {
      targetFormat?: "sfnt" | "truetype" | "woff" | "woff2";
      /** OpenType layout features to keep (all when omitted; [] keeps none). */
      keepFeatures?: string[];
    },
  ): Promise<Buffer>;
}
