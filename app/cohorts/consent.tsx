/**
 * What a learner agrees to by joining a cohort, in plain words. The same list is the one the
 * dashboard shows the trainer: keep them in step (see dashboard.ts and the learner page).
 */
export function ConsentDetails({
  trainerName,
  pathTitle,
  hasProject = false,
}: {
  trainerName: string;
  pathTitle: string;
  hasProject?: boolean;
}) {
  return (
    <>
      <h2>Ce que {trainerName} verra</h2>
      <ul>
        <li>votre nom et votre adresse e-mail, et la date à laquelle vous avez rejoint la cohorte&#x202F;;</li>
        <li>
          pour le parcours «&#x202F;{pathTitle}&#x202F;» seulement, y compris ce que vous y avez déjà fait&nbsp;: les leçons commencées et
          terminées, votre temps actif, la date de votre dernière activité&#x202F;;
        </li>
        <li>votre meilleur score à chaque quiz de ce parcours et à son évaluation finale&#x202F;;</li>
        <li>la fin obtenue dans chaque simulation de ce parcours (votre première partie terminée)&#x202F;;</li>
        <li>
          votre positionnement au début du parcours et votre auto-évaluation à la fin, si vous y répondez&nbsp;: le niveau choisi pour
          chaque objectif et vos réponses aux questions sur votre situation&#x202F;;
        </li>
        <li>si vous avez obtenu le certificat du parcours, sa date, et une copie en PDF&#x202F;;</li>
        {hasProject ? (
          <li>
            votre projet final et votre auto-évaluation, en lecture seule&#x202F;; {trainerName} pourra y laisser des commentaires écrits,
            que vous verrez&#x202F;;
          </li>
        ) : null}
        <li>
          vos réponses aux questions et vos choix dans les simulations, mais uniquement mêlés à ceux du groupe, dans des statistiques qui ne
          s'affichent qu'à partir de 5 personnes.
        </li>
      </ul>
      <h2>Ce que {trainerName} ne verra pas</h2>
      <ul>
        <li>vos réflexions personnelles (les réponses aux questions ouvertes des leçons)&#x202F;;</li>
        <li>votre activité sur les autres parcours, ni les autres cohortes dont vous faites partie&#x202F;;</li>
        <li>votre mot de passe, ni les réglages de votre compte.</li>
      </ul>
      <p>
        Vous pourrez quitter la cohorte à tout moment depuis «&#x202F;Mon compte&#x202F;»&nbsp;: {trainerName} ne verra alors plus rien de
        vous.
      </p>
    </>
  );
}
