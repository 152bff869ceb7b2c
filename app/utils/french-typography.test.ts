import { describe, expect, test } from "vitest";
import { fr, frenchTypography, NBSP, NNBSP, typesetDeep } from "./french-typography.ts";

/** Shows the invisible spaces: ␣ for U+00A0, ˽ for U+202F. */
const show = (text: string) => text.replaceAll(NBSP, "␣").replaceAll(NNBSP, "˽");
const typeset = (text: string) => show(frenchTypography(text));

describe("frenchTypography", () => {
  test("a narrow no-break space before ; ! ? and inside « »", () => {
    expect(typeset("Pourquoi ? Parce que ! Ensuite ; enfin")).toBe("Pourquoi˽? Parce que˽! Ensuite˽; enfin");
    expect(typeset("« Faire alliance »")).toBe("«˽Faire alliance˽»");
    expect(typeset("«Faire alliance»")).toBe("«˽Faire alliance˽»");
    expect(typeset("Vraiment ?!")).toBe("Vraiment˽?!");
  });

  test("a word-wide no-break space before : and %", () => {
    expect(typeset("Attention : 82 %")).toBe("Attention␣: 82␣%");
    expect(typeset("Attention: 82%")).toBe("Attention␣: 82␣%");
    expect(typeset("Étape 1: réunir")).toBe("Étape 1␣: réunir");
  });

  test("a missing space is added after a word, not inside a word or a query", () => {
    expect(typeset("Pourquoi? Parce que!")).toBe("Pourquoi˽? Parce que˽!");
    expect(typeset("la page /parcours?index=1 et a;b")).toBe("la page /parcours?index=1 et a;b");
    expect(typeset("Ajoutez ?index à l'adresse")).toBe("Ajoutez ?index à l'adresse");
    expect(typeset("color: red !important")).toBe("color␣: red !important");
  });

  test("numbers keep their unit and their groups of thousands", () => {
    expect(typeset("1 h, 4 h 30, 30 min, 12,7 M€, 3 000 habitants, 12 500 000 €")).toBe(
      "1␣h, 4␣h␣30, 30␣min, 12,7␣M€, 3˽000 habitants, 12˽500˽000␣€",
    );
    expect(typeset("Le parcours 12 h")).toBe("Le parcours 12␣h");
  });

  test("words that merely start like a unit, years and lists of numbers are left alone", () => {
    expect(typeset("3 habitants, 2 scénarios, 1 s'ouvre, 3 m'ont dit")).toBe("3 habitants, 2 scénarios, 1 s'ouvre, 3 m'ont dit");
    expect(typeset("en 2012 200 jeunes")).toBe("en 2012 200 jeunes");
    expect(typeset("mesures 1, 2, 3 et 21")).toBe("mesures 1, 2, 3 et 21");
  });

  test("times, ratios, URLs, e-mail addresses, code and HTML entities keep their characters", () => {
    const untouched = [
      "Rendez-vous à 10:30",
      "un ratio de 1:2",
      "https://www.lerameau.fr/evaluation?page=2&tri=date#haut",
      "www.exemple.fr/a?b=c;d=e!",
      "mailto:contact@exemple.fr",
      "écrivez à contact@exemple.fr",
      "`a : b ? c`",
      "&amp; &nbsp; &#8239; &#x202F;",
      "Test&nbsp;: ok",
    ];
    for (const text of untouched) expect(frenchTypography(text), text).toBe(text);
    expect(typeset("Voir : https://exemple.fr/a?b=1 !")).toBe("Voir␣: https://exemple.fr/a?b=1˽!");
    expect(typeset("Le site (https://exemple.fr/x) ?")).toBe("Le site (https://exemple.fr/x)˽?");
  });

  test("text already typeset is unchanged, and a second pass changes nothing", () => {
    const samples = [
      "Pourquoi ? « Faire alliance » : 82 % en 1 h ; 3 000 habitants !",
      "«mot» ;x; Quoi?! 12,7 M€ 1 h 30 https://a.fr/?q=1 10:30",
      "Score : 82 %\nAttention:\n« multi\nligne »",
    ];
    for (const sample of samples) {
      const once = frenchTypography(sample);
      expect(frenchTypography(once), sample).toBe(once);
    }
    const correct = `Pourquoi${NNBSP}? «${NNBSP}Faire alliance${NNBSP}»${NBSP}: 82${NBSP}%`;
    expect(frenchTypography(correct)).toBe(correct);
  });

  test("empty text and text without punctuation", () => {
    expect(frenchTypography("")).toBe("");
    expect(frenchTypography("Faire alliance")).toBe("Faire alliance");
  });
});

describe("fr and typesetDeep", () => {
  test("fr typesets a UI message with its values", () => {
    expect(show(fr`Score : ${82} %`)).toBe("Score␣: 82␣%");
  });

  test("typesetDeep typesets every string except the keys it is told to skip", () => {
    const quiz = { id: "q-1", stem: "Vrai ?", options: [{ id: "a", text: "82 %" }], minutes: 3, term: "Charte du « faire alliance »" };
    const typeset = typesetDeep(quiz, new Set(["term"]));
    expect(show(typeset.stem)).toBe("Vrai˽?");
    expect(show(typeset.options[0]!.text)).toBe("82␣%");
    expect(typeset.id).toBe("q-1");
    expect(typeset.minutes).toBe(3);
    expect(typeset.term).toBe("Charte du « faire alliance »");
  });
});
