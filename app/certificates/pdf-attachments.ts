/**
 * Reads the files attached to a PDF (the signed payload and its signature), for offline
 * verification. pdf-lib can attach files but has no reader, so this walks the catalogue's
 * /Names /EmbeddedFiles tree itself.
 */
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFString } from "pdf-lib";

export async function readAttachments(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const files = new Map<string, Uint8Array>();
  const names = pdf.catalog.lookupMaybe(PDFName.of("Names"), PDFDict);
  const embedded = names?.lookupMaybe(PDFName.of("EmbeddedFiles"), PDFDict);
  if (!embedded) return files;

  const visit = (node: PDFDict) => {
    const pairs = node.lookupMaybe(PDFName.of("Names"), PDFArray);
    for (let index = 0; pairs && index + 1 < pairs.size(); index += 2) {
      const name = pairs.lookup(index);
      const spec = pairs.lookup(index + 1, PDFDict);
      const stream = spec.lookupMaybe(PDFName.of("EF"), PDFDict)?.lookup(PDFName.of("F"));
      if (!(stream instanceof PDFRawStream) || !(name instanceof PDFString || name instanceof PDFHexString)) continue;
      files.set(name.decodeText(), decodePDFRawStream(stream).decode());
    }
    const kids = node.lookupMaybe(PDFName.of("Kids"), PDFArray);
    for (let index = 0; kids && index < kids.size(); index += 1) visit(kids.lookup(index, PDFDict));
  };
  visit(embedded);
  return files;
}
