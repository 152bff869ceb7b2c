/**
 * Reads the files attached to a PDF (the signed payload and its signature), for offline
 * verification. pdf-lib can attach files but has no reader, so this walks the catalogue's
 * /Names /EmbeddedFiles tree itself.
 *
 * The PDF to read may be anything (damaged, truncated, crafted): every step checks the type of
 * what it finds, and whatever still goes wrong is a `DamagedPdfError` with a French message —
 * never an exception from the parser.
 */
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFRawStream,
  PDFString,
  type PDFObject,
} from "pdf-lib";

export class DamagedPdfError extends Error {}

interface Attachment {
  name: string;
  bytes: Uint8Array;
}

const NOT_A_PDF = "Le fichier ne se lit pas comme un PDF\u00A0: il est endommagé, tronqué, ou ce n'est pas un PDF.";
const DAMAGED = "Le PDF est endommagé\u00A0: la liste de ses pièces jointes ne se lit pas.";
/** A name tree deeper than this is not one pdf-lib wrote (it writes one level). */
const MAX_DEPTH = 32;

/** Every attachment, in the order of the name tree; a name may appear twice in a crafted file. */
export async function readAttachments(bytes: Uint8Array): Promise<Attachment[]> {
  let pdf: PDFDocument;
  try {
    // Strict: an object that does not parse makes the file damaged, rather than being guessed at.
    pdf = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: true });
  } catch {
    throw new DamagedPdfError(NOT_A_PDF);
  }
  try {
    return listAttachments(pdf);
  } catch (error) {
    if (error instanceof DamagedPdfError) throw error;
    throw new DamagedPdfError(DAMAGED);
  }
}

function listAttachments(pdf: PDFDocument): Attachment[] {
  const files: Attachment[] = [];
  const lookup = (value: PDFObject | undefined) => (value === undefined ? undefined : pdf.context.lookup(value));
  const catalog = pdf.context.lookup(pdf.context.trailerInfo.Root);
  if (!(catalog instanceof PDFDict)) throw new DamagedPdfError(DAMAGED);
  const names = lookup(catalog.get(PDFName.of("Names")));
  const embedded = names instanceof PDFDict ? lookup(names.get(PDFName.of("EmbeddedFiles"))) : undefined;
  if (!(embedded instanceof PDFDict)) return files;

  const seen = new Set<PDFDict>();
  const visit = (node: PDFDict, depth: number) => {
    if (depth > MAX_DEPTH || seen.has(node)) throw new DamagedPdfError(DAMAGED);
    seen.add(node);
    const pairs = lookup(node.get(PDFName.of("Names")));
    if (pairs instanceof PDFArray) {
      for (let index = 0; index + 1 < pairs.size(); index += 2) {
        const name = lookup(pairs.get(index));
        const spec = lookup(pairs.get(index + 1));
        const fileDict = spec instanceof PDFDict ? lookup(spec.get(PDFName.of("EF"))) : undefined;
        const stream = fileDict instanceof PDFDict ? lookup(fileDict.get(PDFName.of("F"))) : undefined;
        if (!(name instanceof PDFString || name instanceof PDFHexString) || !(stream instanceof PDFRawStream))
          throw new DamagedPdfError(DAMAGED);
        let content: Uint8Array;
        try {
          content = decodePDFRawStream(stream).decode();
        } catch {
          throw new DamagedPdfError(`La pièce jointe «\u202F${name.decodeText()}\u202F» est endommagée\u00A0: elle ne se décompresse pas.`);
        }
        files.push({ name: name.decodeText(), bytes: content });
      }
    }
    const kids = lookup(node.get(PDFName.of("Kids")));
    if (kids instanceof PDFArray) {
      for (let index = 0; index < kids.size(); index += 1) {
        const kid = lookup(kids.get(index));
        if (!(kid instanceof PDFDict)) throw new DamagedPdfError(DAMAGED);
        visit(kid, depth + 1);
      }
    }
  };
  visit(embedded, 0);
  return files;
}
