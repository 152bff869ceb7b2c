/**
 * What the signature of a certificate proves, in the words the verification page and
 * `npm run certificate:verify` both use: the attached data, not the printed page.
 */
import { frenchTypography } from "~/utils/french-typography.ts";

export const SIGNATURE_SCOPE = frenchTypography(
  "La vérification hors ligne prouve que les données jointes au PDF (certificat.json) ont été signées par la plateforme. " +
    "Elle ne prouve rien sur la page imprimée\u00A0: la signature ne la couvre pas, et n'importe qui peut la redessiner. " +
    "Comparez la page avec les données signées.",
);
