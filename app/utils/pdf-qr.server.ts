/**
 * A QR code drawn as vector squares on a PDF page (pdf-lib): the verification address of a
 * certificate or a training document, readable by any phone from paper. Drawn, not embedded as an
 * image, so it stays sharp at any zoom and weighs a few kilobytes.
 */
import { rgb, type PDFPage } from "pdf-lib";
import QRCode from "qrcode";

/** Draws `text` as a QR code in the square of side `size` whose lower-left corner is (x, y). */
export function drawQrCode(page: PDFPage, text: string, x: number, y: number, size: number) {
  const qr = QRCode.create(text, { errorCorrectionLevel: "M" });
  const count = qr.modules.size;
  const quiet = 2; // modules of white margin on each side, inside the square
  const cell = size / (count + quiet * 2);
  page.drawRectangle({ x, y, width: size, height: size, color: rgb(1, 1, 1) });
  for (let row = 0; row < count; row += 1) {
    for (let col = 0; col < count; col += 1) {
      if (!qr.modules.get(row, col)) continue;
      page.drawRectangle({
        x: x + (col + quiet) * cell,
        y: y + size - (row + quiet + 1) * cell,
        width: cell,
        height: cell,
        color: rgb(0, 0, 0),
      });
    }
  }
}
